"""Vietnamese folding: how "Đăng kí", "đăng ký" and "dang ky" become one word.

Citizens type without accents, with accents, with the old tone placement (hoà, thuỷ,
khoẻ) or the new one (hòa, thủy, khỏe), with ``i`` where the official name has ``y``
(kí, lí, qui), and their keyboards send NFC or NFD. Search compares *folded* words:
lower case, no diacritics, ``đ`` → ``d``, and a final lone ``i`` after a consonant
written ``y``. SQLite's ``remove_diacritics`` does not fold ``đ``, which is why this
is done here rather than in the database.

Folding keeps every character in place (a combining mark becomes ``\\x00``, which is
then dropped from the word), so a word found in the folded text has the same (start,
end) span in the original text: that is what the UI bolds.

The *accent key* of a word keeps its vowel marks and its tone apart, so that "hoà"
and "hòa" have the same key but "hôn" and "hơn" do not: it lets a query typed with
accents rank exact-accent matches a little higher.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Combining marks (U+0300–U+036F) stay as a placeholder so offsets do not move.
_MARK = "\x00"
#: The five Vietnamese tone marks as combining characters.
_TONES = {
    "\u0300": "2",  # huyền
    "\u0301": "1",  # sắc
    "\u0303": "4",  # ngã
    "\u0309": "3",  # hỏi
    "\u0323": "5",  # nặng
}
#: Initial consonants after which a final ``i`` and ``y`` are the same sound:
#: kí/ký, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hi/hy, qui/quy. ("ai"/"ay" are not in it.)
_ONSETS = frozenset(
    [
        "b",
        "c",
        "ch",
        "d",
        "đ",
        "g",
        "gh",
        "h",
        "k",
        "kh",
        "l",
        "m",
        "n",
        "ng",
        "ngh",
        "nh",
        "p",
        "ph",
        "qu",
        "r",
        "s",
        "t",
        "th",
        "tr",
        "v",
        "x",
    ]
)

_WORD = re.compile(r"\d+(?:\.[a-z0-9]+)+|[a-z0-9\x00]+")


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[0].lower()
        if "a" <= base <= "z":
            table[cp] = base
    for cp in (0x110, 0x111, 0xD0):  # Đ đ, and Ð which looks like Đ when pasted
        table[cp] = "d"
    for cp in range(0x300, 0x370):
        table[cp] = _MARK
    return table


_FOLD = _fold_table()


def normalise_iy(word: str) -> str:
    """Spell a final lone ``i`` after an initial consonant as ``y`` (``ki`` → ``ky``)."""
    if 2 <= len(word) <= 4 and word[-1] in "iy" and word[:-1] in _ONSETS:
        return word[:-1] + "y"
    return word


def fold(text: str) -> str:
    """The text in lower case without diacritics, same length (marks → ``\\x00``)."""
    return text.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text: its folded form and where it stands in the original text."""

    folded: str
    start: int
    end: int
    #: Folded but before the i/y rule: "ki" while typing may still become "kinh".
    raw: str


def words(text: str) -> list[Word]:
    """The words of ``text`` (NFC or NFD), folded, with their spans in ``text``.

    Codes such as ``1.001193`` stay one word; everything that is not a letter or a
    digit of the Latin script (punctuation, emoji, other scripts) separates words.
    """
    found: list[Word] = []
    for match in _WORD.finditer(fold(text)):
        raw = match.group()
        start, end = match.span()
        if _MARK in raw:
            stripped = raw.lstrip(_MARK)
            start += len(raw) - len(stripped)
            raw = stripped.replace(_MARK, "")
            if not raw:
                continue
        found.append(Word(normalise_iy(raw), start, end, raw))
    return found


def fold_words(text: str) -> tuple[str, ...]:
    """Just the folded words: how a phrase such as "căn cước" is compared."""
    return tuple(terms_and_spans(text)[0])


#: raw folded word → folded word, interned: a catalogue has a few thousand words, so
#: building an index folds each distinct word once, and equal words share one string.
_TERMS: dict[str, str] = {}
_TERMS_LIMIT = 100_000


def term(raw: str) -> str:
    """The folded word for a raw folded word (i/y rule applied), interned and memoised."""
    found = _TERMS.get(raw)
    if found is None:
        found = sys.intern(normalise_iy(raw))
        if len(_TERMS) < _TERMS_LIMIT:
            _TERMS[raw] = found
    return found


def raw_words(folded: str) -> list[str]:
    """The raw words of an already folded text holding no combining mark: the fast path."""
    return _WORD.findall(folded)


def terms_and_spans(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """What :func:`words` finds, as two plain lists of folded words and spans."""
    found = words(text)
    return [term(word.raw) for word in found], [(word.start, word.end) for word in found]


def spans(text: str) -> list[tuple[int, int]]:
    """Where each of the text's words stands: :func:`words` without the folded words."""
    folded = fold(text)
    if _MARK in folded:
        return [(word.start, word.end) for word in words(text)]
    return [match.span() for match in _WORD.finditer(folded)]


def strip_marks(folded: str) -> str:
    """A folded text without its mark placeholders: words, but no longer the spans."""
    return folded.replace(_MARK, "")


@lru_cache(maxsize=8192)
def accent_key(word: str) -> tuple[str, str]:
    """(letters with their vowel marks, tone) of one word: "hoà" and "hòa" agree.

    The i/y rule applies here too, so "kí" and "ký" agree; "hôn" and "hơn" do not.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = ""
    kept = []
    for char in decomposed:
        if char in _TONES:
            tone = tone or _TONES[char]
        else:
            kept.append(char)
    letters = unicodedata.normalize("NFC", "".join(kept))
    if 2 <= len(letters) <= 4 and letters[-1] in "iy" and letters[:-1] in _ONSETS:
        letters = letters[:-1] + "y"
    return letters, tone


def has_accents(word: str) -> bool:
    """Whether the citizen typed any diacritic (or ``đ``) in this word."""
    letters, tone = accent_key(word)
    return bool(tone) or not letters.isascii()
