"""One typo per word: the words of the vocabulary one edit away from a typed word.

A SymSpell-style deletion dictionary: every vocabulary word is filed under itself and
under each string made by deleting one of its letters. Two words one substitution,
insertion, deletion or transposition apart always share one of those keys, so a
look-up costs ``len(word) + 1`` dictionary probes and a check of the few candidates
found — no scan of the vocabulary, no dependency. The vocabulary of procedure names
is small (about 800 folded words for the national portal's 2,642 names).
"""

from __future__ import annotations

from collections.abc import Iterable


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
