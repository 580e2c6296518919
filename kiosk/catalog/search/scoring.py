"""How well one procedure answers the query: the exact score of a few candidates.

The score is lexicographic in effect: first how many parts of the query it matches
(×1000), then how many of the query's neighbouring parts its name holds next to each
other in the same order (×100) — "chứng thực bản sao" is the phrase of "Chứng thực
bản sao từ bản chính…", only two words of "Cấp bản sao có chứng thực…" — then how
many parts match its name as typed (×10): the same tiers the index chose candidates
by, so cutting the candidate list never drops a better document. Within a tier,
below 10 in total:

- word quality (exact 1, prefix 0.8, regional slip 0.75, joined 0.7, typo 0.5,
  outside the name 0.4), ×2;
- coverage: the share of the name's words the query matched, ×4 — "đăng ký kết hôn"
  covers "Thủ tục đăng ký kết hôn" fully and "… kết hôn lưu động" only in part, so
  the plain procedure comes before its variants;
- the name starting with what the query asks first, ×1;
- words typed with accents that match the accents too, ×0.5;
- popularity (log-scaled to 0..1), ×2 — it orders near-ties (a name a word longer
  or shorter), never a worse match above a better one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.catalog.search.entries import Entry
from kiosk.catalog.search.query import QueryWord
from kiosk.text.folding import accent_key

EXACT, PREFIX, SLIP, JOINED, TYPO, ELSEWHERE = 1.0, 0.8, 0.75, 0.7, 0.5, 0.4
#: (parts matched, neighbouring parts held in order, parts matched in the name as typed).
Tier = tuple[int, int, int]
#: A prefix with more vocabulary words than this is matched by scanning the name.
MAX_TARGETS = 32


@dataclass(frozen=True, slots=True)
class Slot:
    """One part of the query, resolved against the index."""

    words: tuple[QueryWord, ...]
    good: int
    any: int
    #: Synonym rules (for a phrase part).
    rules: tuple[int, ...] = ()
    prefixes: tuple[str, ...] = ()
    near: frozenset[str] = frozenset()
    #: Vocabulary words the part may be a regional spelling of ("chu" → "tru").
    alike: frozenset[str] = frozenset()
    joined: tuple[tuple[str, str], ...] = ()
    #: A phrase's words, each resolved as a part of its own.
    members: tuple[Slot, ...] = ()
    #: Every vocabulary word the part matches → quality, best first, when they are few.
    targets: dict[str, float] | None = None
    #: Words (or synonym-rule tags) a name may hold where the part starts and ends:
    #: what the index looks up to tell whether two parts stand next to each other.
    heads: tuple[str, ...] = ()
    tails: tuple[str, ...] = ()
    #: name word → quality, filled as documents are scored (slots are cached per word).
    memo: dict[str, float] = field(default_factory=dict, compare=False)


def score(
    entry: Entry, number: int, slots: list[Slot], tier: Tier, popularity: float
) -> tuple[float, tuple[tuple[int, int], ...]]:
    """The document's score and the spans of its name the query matched.

    ``tier`` is (parts matched, neighbouring parts held in order, parts matched in the
    name as typed), as the index's bitmaps counted them when choosing candidates.
    """
    matched, pairs, good = tier
    quality = 0.0
    accents_typed = accents_hit = 0
    covered: set[int] = set()
    first: set[int] = set()
    for index, slot in enumerate(slots):
        slot_quality, positions = _match(entry, slot)
        if not positions and slot_quality == 0.0 and slot.any >> number & 1:
            slot_quality = ELSEWHERE
        quality += slot_quality
        for word in slot.words:
            if word.accent is not None:
                accents_typed += 1
                accents_hit += _accent_matches(entry, word, positions)
        covered |= positions
        if index == 0:
            first = positions
    coverage = sum(entry.weights[p] for p in covered) / entry.length if entry.length else 0.0
    value = (
        1000.0 * matched
        + 100.0 * pairs
        + 10.0 * good
        + 2.0 * quality / len(slots)
        + 4.0 * min(coverage, 1.0)
        + (1.0 if entry.start in first else 0.0)
        + 0.5 * (accents_hit / accents_typed if accents_typed else 0.0)
        + 2.0 * popularity
    )
    highlights = tuple(sorted(entry.spans[p] for p in covered))
    return value, highlights


def _match(entry: Entry, slot: Slot) -> tuple[float, set[int]]:
    """Best quality of the part in the name, and the positions of the words it matched."""
    if slot.rules:
        positions = {
            p for rule, start, end in entry.rules if rule in slot.rules for p in range(start, end)
        }
        if positions:
            return EXACT, positions
        total = 0.0
        for word_slot in slot.members:
            word_quality, word_positions = _match(entry, word_slot)
            total += word_quality
            positions |= word_positions
        return (total / len(slot.words) if positions else 0.0), positions
    word = slot.words[0]
    if word.code and any(code.startswith(word.folded) for code in entry.codes):
        return EXACT, set()
    terms = entry.terms
    best, positions = _targets(terms, slot.targets) if slot.targets else _scan(terms, slot)
    if best < JOINED:
        for left, right in slot.joined:
            for p in range(len(terms) - 1):
                if terms[p] == left and terms[p + 1] == right:
                    best, positions = JOINED, {p, p + 1}
                    break
    return best, positions


def _targets(terms: tuple[str, ...], targets: dict[str, float]) -> tuple[float, set[int]]:
    """Look each target word up in the name (a C-level scan of a short tuple)."""
    best = 0.0
    positions: set[int] = set()
    for target, quality in targets.items():
        if quality < best:
            break
        if target in terms:
            best = quality
            positions.update(p for p, found in enumerate(terms) if found == target)
    return best, positions


def _scan(terms: tuple[str, ...], slot: Slot) -> tuple[float, set[int]]:
    """Rate each word of the name (a short prefix matches too many words to list)."""
    best = 0.0
    positions: set[int] = set()
    memo = slot.memo
    for p, found in enumerate(terms):
        quality = memo.get(found)
        if quality is None:
            quality = memo[found] = _quality(found, slot)
        if not quality:
            continue
        if quality > best:
            best, positions = quality, {p}
        elif quality == best:
            positions.add(p)
    return best, positions


def _quality(term: str, slot: Slot) -> float:
    if term == slot.words[0].folded:
        return EXACT
    if slot.prefixes and term.startswith(slot.prefixes):
        return PREFIX
    if term in slot.alike:
        return SLIP
    if term in slot.near:
        return TYPO
    return 0.0


def _accent_matches(entry: Entry, word: QueryWord, positions: set[int]) -> int:
    assert word.accent is not None
    letters, tone = word.accent
    for p in positions:
        start, end = entry.spans[p]
        doc_letters, doc_tone = accent_key(entry.document.name[start:end])
        if word.prefix:
            if doc_letters.startswith(letters) and (not tone or tone == doc_tone):
                return 1
        elif (doc_letters, doc_tone) == (letters, tone):
            return 1
    return 0
