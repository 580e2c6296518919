"""What a citizen typed, read as words to find: the last one maybe still being typed.

Anything can arrive from a touch keyboard or a paste: 10,000 characters, emoji,
quotes, ``*``, ``OR``, SQL. None of it is syntax here — punctuation separates words
and the rest are words like any other — so no input can raise. Long input is cut to
its first :data:`MAX_QUERY_CHARS` characters and :data:`MAX_QUERY_WORDS` words, which
bounds the work of one keystroke.

Citizens type what they would say at the counter: "làm giấy khai sinh", "xin cấp hộ
chiếu", "kết hôn với người nước ngoài". The *filler* words of such a query ("làm",
"xin", "giấy", "thủ tục", "cho", "với" …) are optional: a name without them still
matches, and they never make a result fail. Words that only say what is done to a
paper ("cấp", "đổi", "đăng ký" …) are *generic*: a result that matches nothing else
of the query is not a match (see :mod:`.index`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalog.search.synonyms import FOLDED, RULES
from kiosk.catalog.search.typos import slips
from kiosk.text.folding import accent_key, fold_words, has_accents, words

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 8

#: Words (folded) a citizen adds around the name of a procedure: optional.
FILLERS: frozenset[tuple[str, ...]] = frozenset(
    fold_words(phrase)
    for phrase in (
        "làm",
        "xin",
        "giấy",
        "giấy tờ",
        "thủ tục",
        "cho",
        "cho con",
        "cho bé",
        "cho cháu",
        "cho trẻ",
        "người nhà",
        "với",
        "tôi",
        "em",
        "của",
        "và",
        "ở",
        "về",
        "trong",
        "giùm",
        "nhé",
        "ạ",
        "ơi",
        "thế nào",
        "như thế nào",
        "ở đâu",
        "làm sao",
    )
)
#: The longest filler phrase, in words.
_FILLER_LENGTH = max(len(phrase) for phrase in FILLERS)
#: Words (folded) that say what is done, not to what: "cấp", "đổi", "đăng ký"…
GENERIC: frozenset[str] = frozenset(
    word
    for phrase in (
        "cấp",
        "lại",
        "đổi",
        "mới",
        "đăng ký",
        "xác nhận",
        "thay đổi",
        "bổ sung",
        "chứng nhận",
        "thông tin",
        "người",
        "hồ sơ",
        "thực hiện",
        "tại",
        "gia hạn",
        "hủy",
        "xóa",
        "chấm dứt",
        "điều chỉnh",
        "sửa đổi",
        "mất",
    )
    for word in fold_words(phrase)
)
#: Synonym rules that name only generic words ("làm lại" → "cấp lại").
_GENERIC_RULES: frozenset[int] = frozenset(
    number
    for number, rule in enumerate(RULES)
    if all(word in GENERIC for phrase in rule.named for word in fold_words(phrase))
)


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
    #: A filler ("làm", "xin", "thủ tục"): the query matches without it.
    optional: bool = False

    @property
    def generic(self) -> bool:
        """Whether the part says nothing about which procedure is meant on its own."""
        if self.rules:
            return all(rule in _GENERIC_RULES for rule in self.rules)
        return self.optional or all(word.folded in GENERIC for word in self.words)


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
            continue
        length = _filler_at(folded, i)
        if length:
            parts.append(QueryPart(words=tuple(typed[i : i + length]), optional=True))
            i += length
        else:
            parts.append(QueryPart(words=(typed[i],)))
            i += 1
    if all(part.optional for part in parts):
        # Only filler words ("giấy tờ"): then they are what is asked for.
        return [QueryPart(words=(word,)) for part in parts for word in part.words]
    return parts


def _filler_at(folded: list[str], start: int) -> int:
    """The length of the longest filler phrase at ``start`` (0: none)."""
    for length in range(min(_FILLER_LENGTH, len(folded) - start), 0, -1):
        if tuple(folded[start : start + length]) in FILLERS:
            return length
    return 0


def _phrase_at(folded: list[str], start: int, last_is_prefix: bool) -> tuple[int, tuple[int, ...]]:
    """The longest synonym phrase at ``start`` and the rules it belongs to.

    Its words may be typed with a regional slip ("xổ đỏ", "căn cướt"): a phrase of two
    or three words is rarely met by chance, so the slip is safe to forgive here.
    """
    best = 0
    rules: list[int] = []
    first = folded[start]
    candidates = [
        *FOLDED.asked.get(first, ()),
        *(entry for alike in slips(first) for entry in FOLDED.asked.get(alike, ())),
        *_typing(folded, start),
    ]
    for phrase, rule in candidates:
        end = start + len(phrase)
        if end > len(folded) or len(phrase) < best:
            continue
        head, last = folded[start : end - 1], folded[end - 1]
        complete = len(phrase) > 1 and all(map(_alike, folded[start:end], phrase))
        complete = complete or tuple(folded[start:end]) == phrase
        typing = (
            last_is_prefix
            and end == len(folded)
            and all(map(_alike, head, phrase[:-1]))
            and phrase[-1].startswith(last)
            and len(last) >= (1 if len(phrase) > 1 else 2)
        )
        if complete or typing:
            if len(phrase) > best:
                best, rules = len(phrase), []
            if rule not in rules:
                rules.append(rule)
    return best, tuple(rules)


def _alike(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` or a regional spelling of it."""
    return typed == word or word in slips(typed)


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
