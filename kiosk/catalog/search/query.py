"""What a citizen typed, read as words to find: the last one maybe still being typed.

Anything can arrive from a touch keyboard or a paste: 10,000 characters, emoji,
quotes, ``*``, ``OR``, SQL. None of it is syntax here — punctuation separates words
and the rest are words like any other — so no input can raise. Long input is cut to
its first :data:`MAX_QUERY_CHARS` characters and :data:`MAX_QUERY_WORDS` words, which
bounds the work of one keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalog.search.synonyms import FOLDED
from kiosk.text.folding import accent_key, has_accents, words

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 8


@dataclass(frozen=True, slots=True)
class QueryWord:
    folded: str
    #: Folded before the i/y rule ("ki"), for matching while the word is typed.
    raw: str
    #: The last word with no space after it: "kh" may be "khai", "khác"…
    prefix: bool
    #: A procedure code or part of one: "1.001193", "1.0011".
    code: bool
    #: Set when typed with diacritics: exact-accent matches rank a little higher.
    accent: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class QueryPart:
    """One thing the query asks for: a word, or a phrase a synonym rule knows."""

    words: tuple[QueryWord, ...]
    #: Synonym rules the phrase stands for; empty for a plain word.
    rules: tuple[int, ...] = ()


def parse(query: str) -> list[QueryPart]:
    """The query's parts, in the order typed; empty when it has no word at all."""
    text = query[:MAX_QUERY_CHARS]
    found = words(text)[:MAX_QUERY_WORDS]
    typed: list[QueryWord] = []
    for index, word in enumerate(found):
        original = text[word.start : word.end]
        is_code = "." in word.folded or (word.folded.isdigit() and len(word.folded) >= 4)
        is_last = index == len(found) - 1
        typed.append(
            QueryWord(
                folded=word.folded,
                raw=word.raw,
                prefix=is_code or (is_last and word.end == len(text)),
                code=is_code,
                accent=accent_key(original) if has_accents(original) else None,
            )
        )
    return _group_phrases(typed)


def _group_phrases(typed: list[QueryWord]) -> list[QueryPart]:
    parts: list[QueryPart] = []
    folded = [word.folded for word in typed]
    i = 0
    while i < len(typed):
        length, rules = _phrase_at(folded, i, typed[-1].prefix)
        if length:
            parts.append(QueryPart(words=tuple(typed[i : i + length]), rules=rules))
            i += length
        else:
            parts.append(QueryPart(words=(typed[i],)))
            i += 1
    return parts


def _phrase_at(folded: list[str], start: int, last_is_prefix: bool) -> tuple[int, tuple[int, ...]]:
    """The longest synonym phrase at ``start`` and the rules it belongs to."""
    best = 0
    rules: list[int] = []
    for phrase, rule in [*FOLDED.asked.get(folded[start], ()), *_typing(folded, start)]:
        end = start + len(phrase)
        if end > len(folded) or len(phrase) < best:
            continue
        head, last = folded[start : end - 1], folded[end - 1]
        complete = tuple(folded[start:end]) == phrase
        typing = (
            last_is_prefix
            and end == len(folded)
            and tuple(head) == phrase[:-1]
            and phrase[-1].startswith(last)
            and len(last) >= (1 if len(phrase) > 1 else 2)
        )
        if complete or typing:
            if len(phrase) > best:
                best, rules = len(phrase), []
            if rule not in rules:
                rules.append(rule)
    return best, tuple(rules)


def _typing(folded: list[str], start: int) -> list[tuple[tuple[str, ...], int]]:
    """Phrases whose first word the last, unfinished word may be ("cc" → "cccd")."""
    if start != len(folded) - 1:
        return []
    word = folded[start]
    return [
        entry
        for first, entries in FOLDED.asked.items()
        if first != word and first.startswith(word)
        for entry in entries
    ]
