"""One typo per word: the words of the vocabulary one edit away from a typed word.

A SymSpell-style deletion dictionary: every vocabulary word is filed under itself and
under each string made by deleting one of its letters. Two words one substitution,
insertion, deletion or transposition apart always share one of those keys, so a
look-up costs ``len(word) + 1`` dictionary probes and a check of the few candidates
found — no scan of the vocabulary, no dependency. The vocabulary of procedure names
is small (about 800 folded words for the national portal's 2,642 names).

Spelling slips are the other kind of mistake: a word spelt as it is said in the
north or the south — "tạm chú" for "tạm trú", "sổ" / "xổ", "dấy" / "giấy", "căn" /
"căng", "các" / "cát", "làm" / "nàm". They are whole words, not letters hit by
accident, and a short word ("chu") is as likely to be one as a long word, so
:func:`slips` lists the few spellings a word may stand for, whatever its length.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

#: Initial consonants said alike in a region: (written, may stand for).
_INITIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tr", ("ch",)),
    ("ch", ("tr",)),
    ("gi", ("d", "r")),
    ("s", ("x",)),
    ("x", ("s",)),
    ("d", ("gi", "r")),
    ("r", ("d", "gi")),
    ("l", ("n",)),
    ("n", ("l",)),
)
#: Initials that look like one of the above but are other consonants.
_NOT_INITIALS = ("ng", "nh")
#: Final consonants said alike in the south: (written, may stand for).
_FINALS: tuple[tuple[str, str], ...] = (("ng", "n"), ("n", "ng"), ("c", "t"), ("t", "c"))
_VOWELS = frozenset("aeiouy")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance of ``a`` and ``b`` is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True  # substitution
        return (
            a[i + 1 : i + 2] == b[i : i + 1]
            and a[i : i + 1] == b[i + 1 : i + 2]
            and (a[i + 2 :] == b[i + 2 :])
        )  # transposition
    if la > lb:
        return a[i + 1 :] == b[i:]  # deletion
    return a[i:] == b[i + 1 :]  # insertion


@lru_cache(maxsize=4096)
def slips(word: str) -> frozenset[str]:
    """The spellings a folded word may stand for by one regional slip.

    One slip at a time, of the initial (tr/ch, s/x, d/gi/r, l/n) or the final (n/ng,
    c/t) consonant; the caller keeps those that are words of its vocabulary.
    """
    if not word.isalpha() or not any(char in _VOWELS for char in word):
        return frozenset()
    found: set[str] = set()
    if not word.startswith(_NOT_INITIALS):
        for initial, others in _INITIALS:
            if word.startswith(initial):
                rest = word[len(initial) :]
                if initial == "gi" and rest[:1] not in _VOWELS:
                    rest = word[1:]  # "gìn": the "i" is the vowel
                for other in others:
                    # "d" + "iêu" is written "gi" + "êu", never "gi" + "iêu".
                    found.add(
                        other + rest[1:] if other == "gi" and rest[:1] == "i" else other + rest
                    )
                break
    for final, other in _FINALS:
        stem = word[: -len(final)]
        if word.endswith(final) and stem and stem[-1] in _VOWELS:
            found.add(stem + other)
            break
    found.discard(word)
    return frozenset(w for w in found if len(w) >= 2)


class TypoDictionary:
    """The words of a vocabulary within one edit of a query word."""

    def __init__(self, vocabulary: Iterable[str], min_length: int = 3) -> None:
        self._min_length = min_length
        self._keys: dict[str, list[str]] = {}
        for word in vocabulary:
            if len(word) < min_length or not word.isalpha():
                continue
            for key in (word, *_deletes(word)):
                self._keys.setdefault(key, []).append(word)
        self._cache: dict[str, frozenset[str]] = {}

    def near(self, word: str) -> frozenset[str]:
        """Vocabulary words one edit from ``word`` (not ``word`` itself)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found: set[str] = set()
        if word.isalpha() and len(word) >= self._min_length - 1:
            for key in (word, *_deletes(word)):
                for candidate in self._keys.get(key, ()):
                    if candidate != word and within_one_edit(word, candidate):
                        found.add(candidate)
        result = frozenset(found)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[word] = result
        return result
