"""The search index: built once from the catalogue, asked on every keystroke.

How a keystroke is answered, and why it stays within a few milliseconds at 10,000
procedures in pure Python:

1. The query is parsed into parts (:mod:`query`): words, or phrases a synonym rule
   knows ("sổ đỏ").
2. Each part becomes two document bitmaps (:mod:`bitmaps`): *good* — the part is in
   the name as typed (exact word, the last word as a prefix, a synonym, the code) —
   and *any* — also one typo away, or only in keywords, summary or field. Prefixes
   come from a sorted vocabulary by bisection; typos from a deletion dictionary
   (:mod:`typos`); both are cached per word.
3. Bit-sliced counters give, without a loop over documents, the documents matching
   all parts, then by how many parts are *good*. If none match every part, a second
   pass also forgives one edit in three-letter words ("hôm" → "hôn") and missing
   spaces ("kethon"); if still none, documents matching most parts are shown.
4. Documents are numbered shortest name first, so the lowest bits of each tier are
   the best candidates; only about ``2 × limit`` of them are scored exactly
   (:mod:`scoring`): name coverage, word quality, adjacency, accents, popularity.

The empty query returns the most popular procedures (within the filters): the screen
shows something useful before the first key is pressed.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from functools import reduce
from operator import or_

from kiosk.catalog.search import bitmaps
from kiosk.catalog.search.api import SearchDocument, SearchFilters, SearchHit
from kiosk.catalog.search.entries import RULE_TAG, Entry, analyse, extra_words
from kiosk.catalog.search.query import QueryPart, QueryWord, parse
from kiosk.catalog.search.scoring import EXACT, MAX_TARGETS, PREFIX, TYPO, Slot, score
from kiosk.catalog.search.typos import TypoDictionary

#: "Any procedure": the default filters (one shared, immutable instance).
NO_FILTERS = SearchFilters()
#: Documents scored exactly per search, beyond ``limit``.
_EXTRA_CANDIDATES = 10
#: Most popular documents always scored, so a popular procedure is not cut off.
_POPULAR_CANDIDATES = 50
_CACHE_LIMIT = 4096


class SearchIndex:
    """Vietnamese search over procedures: accents optional, typos forgiven, as you type."""

    def __init__(self, documents: Iterable[SearchDocument]) -> None:
        # The words of keywords and summaries are worked out document by document as
        # they are numbered, rather than all at once: held together they would double
        # the memory the build takes at 10,000 procedures.
        analysed = [(analyse(document), document) for document in documents]
        analysed.sort(key=lambda a: (a[0].length, -a[0].document.popularity, a[0].document.code))
        self._entries: list[Entry] = [entry for entry, _ in analysed]
        size = self._size = len(analysed)
        self._all = (1 << size) - 1
        name_ids: dict[str, list[int]] = {}
        extra_ids: dict[str, list[int]] = {}
        codes: list[tuple[str, int]] = []
        for number, (entry, document) in enumerate(analysed):
            own = {*entry.terms, *(f"{RULE_TAG}{r}" for r, _, _ in entry.rules)}
            for term in own:
                name_ids.setdefault(term, []).append(number)
            for term in extra_words(document) - own:
                extra_ids.setdefault(term, []).append(number)
            codes.extend((code, number) for code in entry.codes)
        self._name = {term: bitmaps.from_ids(ids, size) for term, ids in name_ids.items()}
        self._extra = {term: bitmaps.from_ids(ids, size) for term, ids in extra_ids.items()}
        codes.sort()
        self._codes = [code for code, _ in codes]
        self._code_numbers = [number for _, number in codes]
        self._vocabulary = sorted(
            term for term in {*self._name, *self._extra} if not term.startswith(RULE_TAG)
        )
        self._typos = TypoDictionary(self._vocabulary)
        self._filters = _FilterBitmaps(self._entries)
        popularity = [entry.document.popularity for entry in self._entries]
        self._popularity_scale = math.log1p(max(popularity, default=0)) or 1.0
        self._by_popularity = sorted(range(size), key=lambda n: (-popularity[n], n))
        self._popular = [n for n in self._by_popularity[:_POPULAR_CANDIDATES] if popularity[n]]
        self._prefix_cache: dict[str, tuple[int, int]] = {}
        self._code_cache: dict[str, int] = {}
        self._word_cache: dict[tuple[QueryWord, bool], Slot] = {}
        for initial in {term[0] for term in self._vocabulary}:
            self._prefixed(initial)  # the first keystroke is the widest: answer it warm

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def documents(self) -> tuple[SearchDocument, ...]:
        """The documents as the index keeps them: without keywords and summary (only
        searched, never shown), shortest name first."""
        return tuple(entry.document for entry in self._entries)

    def search(
        self, query: str, filters: SearchFilters = NO_FILTERS, limit: int = 30
    ) -> list[SearchHit]:
        """The best ``limit`` procedures for ``query``, best first; never raises on input."""
        if limit <= 0 or not self._entries:
            return []
        allowed = self._filters.allowed(filters, self._all)
        parts = parse(query)
        if not parts:
            return self._most_popular(allowed, limit)
        slots = [self._slot(part, relaxed=False) for part in parts]
        chosen = self._candidates(slots, allowed, limit, partial=False)
        if not chosen:
            slots = [self._slot(part, relaxed=True) for part in parts]
            chosen = self._candidates(slots, allowed, limit, partial=False)
        if not chosen and len(slots) > 1:
            chosen = self._candidates(slots, allowed, limit, partial=True)
        scored = [self._score(number, tier, slots) for number, tier in chosen.items()]
        scored.sort(key=lambda item: -item[0])
        return [
            self._make_hit(self._entries[number], value, highlights)
            for value, number, highlights in scored[:limit]
        ]

    # -- choosing whom to score -------------------------------------------------------

    def _candidates(
        self, slots: list[Slot], allowed: int, limit: int, *, partial: bool
    ) -> dict[int, tuple[int, int]]:
        """Documents worth scoring, with their tier (parts matched, parts good).

        Best tiers first, at most ``limit`` + a few, plus the popular ones in the top tier.
        """
        matched = bitmaps.Counter()
        good = bitmaps.Counter()
        for slot in slots:
            matched.add(slot.any & allowed)
            good.add(slot.good & allowed)
        parts = len(slots)
        lowest_count = max(1, (parts + 1) // 2) if partial else parts
        wanted = limit + _EXTRA_CANDIDATES
        chosen: dict[int, tuple[int, int]] = {}
        for count in range(parts if not partial else parts - 1, lowest_count - 1, -1):
            tier = matched.exactly(count, allowed)
            if not tier:
                continue
            popular = [n for n in self._popular if tier >> n & 1] if not chosen else []
            for good_count in range(count, -1, -1):
                sub_tier = good.exactly(good_count, tier)
                if not sub_tier:
                    continue
                for number in bitmaps.lowest(sub_tier, wanted - len(chosen)):
                    chosen[number] = (count, good_count)
                for number in popular:
                    if number not in chosen and sub_tier >> number & 1:
                        chosen[number] = (count, good_count)
                if len(chosen) >= wanted:
                    return chosen
        return chosen

    def _most_popular(self, allowed: int, limit: int) -> list[SearchHit]:
        found: list[SearchHit] = []
        for number in self._by_popularity:
            if allowed >> number & 1:
                entry = self._entries[number]
                found.append(self._make_hit(entry, 0.0, ()))
                if len(found) >= limit:
                    break
        return found

    # -- what each part of the query matches -------------------------------------------

    def _slot(self, part: QueryPart, *, relaxed: bool) -> Slot:
        members = tuple(self._word(word, relaxed=relaxed) for word in part.words)
        if not part.rules:
            return members[0]
        tags = [f"{RULE_TAG}{rule}" for rule in part.rules]
        in_name = reduce(or_, (self._name.get(tag, 0) for tag in tags), 0)
        elsewhere = reduce(or_, (self._extra.get(tag, 0) for tag in tags), 0)
        all_any = reduce(lambda a, b: a & b, (m.any for m in members), self._all)
        return Slot(
            words=part.words,
            rules=part.rules,
            members=members,
            # The phrase's words scattered over a name ("số … do") are weak evidence of
            # the phrase ("sổ đỏ"): they match, but rank below names with the phrase.
            good=in_name,
            any=in_name | elsewhere | all_any,
        )

    def _word(self, word: QueryWord, *, relaxed: bool) -> Slot:
        key = (word, relaxed)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        good = self._name.get(word.folded, 0)
        anywhere = self._extra.get(word.folded, 0)
        prefixes: tuple[str, ...] = ()
        targets: dict[str, float] | None = {word.folded: EXACT}
        if word.code:
            good |= self._coded(word.folded)
        if word.prefix:
            prefixes = tuple(dict.fromkeys((word.folded, word.raw)))
            for prefix in prefixes:
                in_name, elsewhere = self._prefixed(prefix)
                good |= in_name
                anywhere |= elsewhere
                completions = self._completions(prefix)
                if targets is not None and len(completions) <= MAX_TARGETS:
                    targets.update((t, PREFIX) for t in completions if t not in targets)
                else:
                    targets = None
        near: frozenset[str] = frozenset()
        joined: tuple[tuple[str, str], ...] = ()
        typo_ok = not word.code and (len(word.folded) >= 4 or (relaxed and len(word.folded) == 3))
        if typo_ok:
            near = self._typos.near(word.folded)
            for term in near:
                anywhere |= self._name.get(term, 0) | self._extra.get(term, 0)
                if targets is not None and term not in targets:
                    targets[term] = TYPO
        if relaxed and not word.code and len(word.folded) >= 4 and not good:
            joined = self._splits(word.folded)
            for left, right in joined:
                anywhere |= self._name.get(left, 0) & self._name.get(right, 0)
        slot = Slot(
            words=(word,),
            good=good,
            any=good | anywhere,
            prefixes=prefixes,
            near=near,
            targets=targets,
            joined=joined,
        )
        if len(self._word_cache) > _CACHE_LIMIT:
            self._word_cache.clear()
        self._word_cache[key] = slot
        return slot

    def _prefixed(self, prefix: str) -> tuple[int, int]:
        """(in names, elsewhere) bitmaps of every vocabulary word starting with ``prefix``."""
        cached = self._prefix_cache.get(prefix)
        if cached is not None:
            return cached
        terms = self._completions(prefix)
        result = (
            self._union(terms, self._name),
            self._union(terms, self._extra),
        )
        if len(self._prefix_cache) > _CACHE_LIMIT:
            self._prefix_cache.clear()
        self._prefix_cache[prefix] = result
        return result

    def _completions(self, prefix: str) -> list[str]:
        low = bisect.bisect_left(self._vocabulary, prefix)
        high = bisect.bisect_left(self._vocabulary, prefix + "\U0010ffff", low)
        return self._vocabulary[low:high]

    def _union(self, terms: list[str], bitmap_of: dict[str, int]) -> int:
        return reduce(or_, (bitmap_of[t] for t in terms if t in bitmap_of), 0)

    def _coded(self, prefix: str) -> int:
        """Documents whose code starts with ``prefix``: "1.0011" → 1.001193, 1.001195…"""
        cached = self._code_cache.get(prefix)
        if cached is None:
            low = bisect.bisect_left(self._codes, prefix)
            high = bisect.bisect_left(self._codes, prefix + "\U0010ffff", low)
            cached = bitmaps.from_ids(self._code_numbers[low:high], self._size)
            if len(self._code_cache) > _CACHE_LIMIT:
                self._code_cache.clear()
            self._code_cache[prefix] = cached
        return cached

    def _splits(self, word: str) -> tuple[tuple[str, str], ...]:
        """Two name words a word typed without its space may be: "kethon" → ket, hon."""
        return tuple(
            (word[:i], word[i:])
            for i in range(2, len(word) - 1)
            if word[:i] in self._name and word[i:] in self._name
        )

    # -- hits ------------------------------------------------------------------------

    def _score(
        self, number: int, tier: tuple[int, int], slots: list[Slot]
    ) -> tuple[float, int, tuple[tuple[int, int], ...]]:
        entry = self._entries[number]
        popularity = math.log1p(entry.document.popularity) / self._popularity_scale
        value, highlights = score(entry, number, slots, tier, popularity)
        return value, number, highlights

    @staticmethod
    def _make_hit(entry: Entry, value: float, highlights: tuple[tuple[int, int], ...]) -> SearchHit:
        document = entry.document
        return SearchHit(
            code=document.code,
            name=document.name,
            field=document.field,
            levels=document.levels,
            online=document.online,
            score=round(value, 4),
            highlights=highlights,
        )


class _FilterBitmaps:
    """Level, field, agency and online bitmaps, combined per distinct filter."""

    def __init__(self, entries: list[Entry]) -> None:
        size = len(entries)
        levels: dict[str, list[int]] = {}
        fields: dict[str, list[int]] = {}
        agencies: dict[str, list[int]] = {}
        online: list[int] = []
        for number, entry in enumerate(entries):
            document = entry.document
            for level in document.levels:
                levels.setdefault(level, []).append(number)
            fields.setdefault(document.field, []).append(number)
            for agency in document.agencies:
                agencies.setdefault(agency, []).append(number)
            if document.online in ("toan_trinh", "mot_phan"):
                online.append(number)
        self._levels = {k: bitmaps.from_ids(v, size) for k, v in levels.items()}
        self._fields = {k: bitmaps.from_ids(v, size) for k, v in fields.items()}
        self._agencies = {k: bitmaps.from_ids(v, size) for k, v in agencies.items()}
        self._online = bitmaps.from_ids(online, size)
        self._cache: dict[SearchFilters, int] = {}

    def allowed(self, filters: SearchFilters, everything: int) -> int:
        cached = self._cache.get(filters)
        if cached is not None:
            return cached
        allowed = everything
        for wanted, table in (
            (filters.levels, self._levels),
            (filters.fields, self._fields),
            (filters.agencies, self._agencies),
        ):
            if wanted:
                allowed &= reduce(or_, (table.get(key, 0) for key in wanted), 0)
        if filters.online_only:
            allowed &= self._online
        if len(self._cache) > 64:
            self._cache.clear()
        self._cache[filters] = allowed
        return allowed
