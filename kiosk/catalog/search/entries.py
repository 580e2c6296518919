"""A procedure as the index keeps it: its name's folded words, spans and weights.

Done once per document when the index is built, so a keystroke never folds a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kiosk.catalog.search.api import SearchDocument
from kiosk.catalog.search.synonyms import find_named
from kiosk.text.folding import (
    fold,
    fold_words,
    raw_words,
    spans,
    strip_marks,
    term,
)

#: Words that say nothing about which procedure it is ("Thủ tục đăng ký…").
_LEADING_FILLER = ("thu", "tuc")
#: Words in brackets ("(thực hiện tại cấp tỉnh)") count half towards a name's length.
_BRACKETED_WEIGHT = 0.5
#: Prefix for a synonym rule's tag among the index's terms; no folded word has it.
RULE_TAG = "\x01"


@dataclass(slots=True)
class Entry:
    document: SearchDocument
    terms: tuple[str, ...]
    #: How much each word counts towards the name's length (coverage ranking).
    weights: tuple[float, ...]
    length: float
    #: Synonym rules the name mentions: (rule, first word, end word).
    rules: tuple[tuple[int, int, int], ...]
    #: The code and its number part, folded: "1.001193", "001193".
    codes: tuple[str, ...]
    #: The first word that tells the procedure apart: after a leading "Thủ tục".
    start: int = 0
    #: Words a punctuation mark separates from the word before ("khai sinh, đăng ký"):
    #: the two are not a phrase.
    breaks: tuple[int, ...] = ()
    _spans: tuple[tuple[int, int], ...] | None = None

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Each word's (start, end) in the name; found when first asked (for few hits)."""
        if self._spans is None:
            self._spans = tuple(spans(self.document.name))
        return self._spans


def analyse(document: SearchDocument) -> Entry:
    """The name's words, weights and synonym rules, and the code, worked out once.

    The entry keeps the document without its keywords and summary: those are only
    read for :func:`extra_words` while the index is built, and kept they would be the
    largest part of the index (some 10 MB at 10,000 procedures).
    """
    terms, weights, breaks = _terms_and_weights(document.name)
    code = document.code.strip().lower()
    codes = (code, code.split(".", 1)[1]) if "." in code else (code,)
    return Entry(
        document=replace(document, keywords=(), summary="")
        if document.keywords or document.summary
        else document,
        terms=terms,
        weights=weights,
        length=sum(weights),
        rules=tuple(find_named(terms)),
        codes=tuple(c for c in codes if c),
        start=len(_LEADING_FILLER) if terms[: len(_LEADING_FILLER)] == _LEADING_FILLER else 0,
        breaks=breaks,
    )


def extra_words(document: SearchDocument) -> set[str]:
    """The words found elsewhere (keywords, summary, field) with the synonym-rule tags
    they mention: those go to the index only, not kept per entry."""
    extra: set[str] = set(_words_and_tags(document.field_name))
    for text in (*document.keywords, document.summary):
        if text:
            extra.update(_words_and_tags(text))
    return extra


def keyword_phrases(
    document: SearchDocument,
) -> list[tuple[tuple[str, ...], tuple[tuple[int, int, int], ...]]]:
    """Each keyword's folded words and the synonym phrases in it: a keyword is a phrase
    citizens say ("mất sổ đỏ"), so its words in a row count like a name's."""
    phrases = []
    for keyword in document.keywords:
        folded = fold_words(keyword)
        if len(folded) > 1:
            phrases.append((folded, tuple(find_named(folded))))
    return phrases


@lru_cache(maxsize=1024)
def _words_and_tags(text: str) -> tuple[str, ...]:
    """The folded words of a text and the synonym-rule tags it mentions (fields repeat)."""
    folded = fold_words(text)
    return (*folded, *(f"{RULE_TAG}{rule}" for rule, _, _ in find_named(folded)))


#: Brackets, which halve the weight of what they hold, and the other marks that end
#: a phrase.
_PUNCTUATION = re.compile(r"([()]|[,;:/\u2013\u2014])")


def _terms_and_weights(
    name: str,
) -> tuple[tuple[str, ...], tuple[float, ...], tuple[int, ...]]:
    """The name's folded words, their weights (bracketed words count half), and the
    words a punctuation mark separates from the one before."""
    folded = strip_marks(fold(name))
    terms: list[str] = []
    weights: list[float] = []
    breaks: list[int] = []
    depth = 0
    for number, piece in enumerate(_PUNCTUATION.split(folded)):
        if number % 2:  # a mark: split() puts one between every two pieces of text
            if piece == "(":
                depth += 1
            elif piece == ")":
                depth = max(0, depth - 1)
            continue
        found = [term(raw) for raw in raw_words(piece)]
        if not found:
            continue
        if terms:
            breaks.append(len(terms))
        terms.extend(found)
        weights.extend([_BRACKETED_WEIGHT if depth else 1.0] * len(found))
    if tuple(terms[:2]) == _LEADING_FILLER:
        weights[0] = weights[1] = 0.0
    return tuple(terms), tuple(weights), tuple(breaks)
