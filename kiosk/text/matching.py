"""Finding a name in a short list by the beginnings of its words, accents optional.

Pickers for a tỉnh/thành phố, a xã/phường, a dân tộc or a quốc tịch show every
entry whose name has, for each word the citizen typed, a word beginning with it:
"hong ha", "Hồng" and "phuong h" all find "Phường Hồng Hà", "ong" does not. Words
are compared folded (``kiosk.text.folding``: case, accents and ``đ`` aside),
and a typed word also matches as typed before the i/y rule, so "ki" — which folds
to "ky" — still finds "Kinh" while the word is being typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from kiosk.text.folding import words

#: A text's words as compared: (folded with the i/y rule, folded as typed) pairs,
#: e.g. ("ky", "ki") for "kí".
MatchWords = tuple[tuple[str, str], ...]

#: What a citizen can usefully type into a picker's search line.
MAX_QUERY_CHARS = 200

T = TypeVar("T")


def match_words(text: str) -> MatchWords:
    """The words of ``text`` (a name, or what was typed) as :func:`begins_all` compares them."""
    return tuple((word.folded, word.raw) for word in words(text))


def query_words(query: str) -> MatchWords:
    """What was typed, cut to :data:`MAX_QUERY_CHARS`; empty when no word was typed."""
    return match_words(query[:MAX_QUERY_CHARS])


def begins(typed: tuple[str, str], word: tuple[str, str]) -> bool:
    """Whether the name's ``word`` begins with the ``typed`` word."""
    return word[0].startswith(typed[0]) or word[1].startswith(typed[1])


def begins_all(typed: MatchWords, name: MatchWords) -> bool:
    """Whether every typed word begins some word of ``name`` (any order)."""
    return all(any(begins(part, word) for word in name) for part in typed)


def starts_with(typed: MatchWords, name: MatchWords) -> bool:
    """Whether ``name`` starts with the typed words, word by word ("ha" for "Hà Đông")."""
    return len(typed) <= len(name) and all(map(begins, typed, name))


def prefix_rank(typed: MatchWords, *names: MatchWords) -> int:
    """For ranking: the index of the first of ``names`` that :func:`starts_with` the
    typed words, ``len(names)`` when none does."""
    return next((i for i, name in enumerate(names) if starts_with(typed, name)), len(names))


def find_by_words(items: Iterable[T], query: str, name: Callable[[T], str]) -> list[T]:
    """The ``items`` whose ``name`` has a word beginning each typed word, in their order;
    all of them for a query without words."""
    typed = query_words(query)
    if not typed:
        return list(items)
    return [item for item in items if begins_all(typed, match_words(name(item)))]
