"""The search index: built once from the catalogue, asked on every keystroke.

How a keystroke is answered, and why it stays within a few milliseconds at 10,000
procedures in pure Python:

1. The query is parsed into parts (:mod:`query`): words, or phrases a synonym rule
   knows ("sổ đỏ"). Filler words ("làm", "xin", "giấy") are dropped: a name matches
   without them.
2. Each part becomes two document bitmaps (:mod:`bitmaps`): *good* — the part is in
   the name as typed (exact word, the last word as a prefix, a synonym, the code) —
   and *any* — also one typo or one regional spelling slip away ("chú" for "trú"), or
   only in keywords, summary or field. Prefixes come from a sorted vocabulary by
   bisection; typos from a deletion dictionary, slips from a few rules (:mod:`typos`);
   all are cached per word.
3. Each two parts that follow each other in the query become a third bitmap: the
   names where they follow each other too ("chứng thực" then "bản sao"), from an
   index of each name's pairs of neighbouring words.
4. Bit-sliced counters give, without a loop over documents, the documents matching
   all parts, then by how many of the query's pairs they hold as it has them, then by
   how many parts are *good*. If none match every part, a second pass also forgives
   one edit in three-letter words ("hôm" → "hôn") and missing spaces ("kethon"); if
   still none, documents matching the parts that name something ("khai sinh", not
   "đổi" or "đăng ký"), or most of them, are shown — unless the catalogue has nothing
   of what the query names ("bằng lái xe" without a driving licence): then nothing
   is, rather than procedures that merely share a word with the query.
5. Documents are numbered shortest name first (most asked-for first among equals), so
   the lowest bits of each tier are the best candidates; only about ``2 × limit`` of
   them are scored exactly (:mod:`scoring`): word quality, name coverage, a match at
   the start of the name, accents, popularity.

Popularity is the catalogue's own; a catalogue that has none (the national portal's
export) borrows the bundled list of the most asked-for procedures (:mod:`popular`).
The empty query returns the most popular procedures (within the filters): the screen
shows something useful before the first key is pressed.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import reduce
from itertools import chain, pairwise
from operator import or_
from typing import NamedTuple

from kiosk.catalog.search import bitmaps
from kiosk.catalog.search.api import SearchDocument, SearchFilters, SearchHit
from kiosk.catalog.search.entries import (
    RULE_TAG,
    Entry,
    analyse,
    extra_words,
    keyword_phrases,
)
from kiosk.catalog.search.popular import load_popular
from kiosk.catalog.search.query import QueryPart, QueryWord, parse
from kiosk.catalog.search.scoring import (
    EXACT,
    MAX_TARGETS,
    PREFIX,
    SLIP,
    TYPO,
    Slot,
    Tier,
    score,
)
from kiosk.catalog.search.typos import TypoDictionary, slips

#: "Any procedure": the default filters (one shared, immutable instance).
NO_FILTERS = SearchFilters()
#: Documents scored exactly per search, beyond ``limit``.
_EXTRA_CANDIDATES = 10
#: Most popular documents always scored, so a popular procedure is not cut off.
_POPULAR_CANDIDATES = 50
_CACHE_LIMIT = 4096


class SearchIndex:
    """Vietnamese search over procedures: accents optional, typos forgiven, as you type."""

    def __init__(
        self, documents: Iterable[SearchDocument], popular: Mapping[str, int] | None = None
    ) -> None:
        """``popular``: code → popularity for a catalogue without figures of its own
        (default: the bundled list); ignored when any document has a popularity."""
        # The words of keywords and summaries are worked out document by document as
        # they are numbered, rather than all at once: held together they would double
        # the memory the build takes at 10,000 procedures.
        analysed = [(analyse(document), document) for document in documents]
        if not any(document.popularity for _, document in analysed):
            figures = load_popular() if popular is None else popular
            asked = {
                entry.document.code: figures.get(entry.document.code, 0) for entry, _ in analysed
            }
        else:
            asked = {entry.document.code: entry.document.popularity for entry, _ in analysed}
        analysed.sort(key=lambda a: (a[0].length, -asked[a[0].document.code], a[0].document.code))
        self._entries: list[Entry] = [entry for entry, _ in analysed]
        size = self._size = len(analysed)
        self._all = (1 << size) - 1
        name_ids: dict[str, list[int]] = {}
        extra_ids: dict[str, list[int]] = {}
        pair_ids: dict[tuple[str, str], array[int]] = {}
        codes: list[tuple[str, int]] = []
        for number, (entry, document) in enumerate(analysed):
            own = {*entry.terms, *(f"{RULE_TAG}{r}" for r, _, _ in entry.rules)}
            for term in own:
                name_ids.setdefault(term, []).append(number)
            for term in extra_words(document) - own:
                extra_ids.setdefault(term, []).append(number)
            neighbours: Iterable[tuple[str, str]] = _neighbours(
                entry.terms, entry.rules, entry.breaks
            )
            if document.keywords:
                neighbours = chain(
                    neighbours, *(_neighbours(*phrase) for phrase in keyword_phrases(document))
                )
            for pair in neighbours:
                held = pair_ids.get(pair)
                if held is None:
                    pair_ids[pair] = array("I", (number,))
                elif held[-1] != number:
                    held.append(number)
            codes.extend((code, number) for code in entry.codes)
        self._name = {term: bitmaps.from_ids(ids, size) for term, ids in name_ids.items()}
        self._extra = {term: bitmaps.from_ids(ids, size) for term, ids in extra_ids.items()}
        # Each pair keeps its documents as a compact list, made a bitmap when a search
        # first asks for it: most pairs of a catalogue are never asked for.
        self._pairs: dict[str, dict[str, array[int] | int]] = {}
        for (left, right), ids in pair_ids.items():
            self._pairs.setdefault(left, {})[right] = ids
        del pair_ids
        codes.sort()
        self._codes = [code for code, _ in codes]
        self._code_numbers = [number for _, number in codes]
        self._vocabulary = sorted(
            term for term in {*self._name, *self._extra} if not term.startswith(RULE_TAG)
        )
        self._typos = TypoDictionary(self._vocabulary)
        self._filters = _FilterBitmaps(self._entries)
        popularity = [asked[entry.document.code] for entry in self._entries]
        self._popularity = popularity
        self._popularity_scale = math.log1p(max(popularity, default=0)) or 1.0
        self._by_popularity = sorted(range(size), key=lambda n: (-popularity[n], n))
        self._popular = [n for n in self._by_popularity[:_POPULAR_CANDIDATES] if popularity[n]]
        self._prefix_cache: dict[str, tuple[int, int]] = {}
        self._code_cache: dict[str, int] = {}
        self._word_cache: dict[tuple[QueryWord, bool], Slot] = {}
        self._pair_cache: dict[tuple[QueryPart, QueryPart, bool], _Pair] = {}
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
        """The best ``limit`` procedures for ``query``, best first; never raises on input.

        Empty when nothing in the catalogue answers the query: the screen then says
        so, which serves a citizen better than a list of unrelated procedures.
        """
        if limit <= 0 or not self._entries:
            return []
        allowed = self._filters.allowed(filters, self._all)
        parts = [part for part in parse(query) if not part.optional]
        if not parts:
            return self._most_popular(allowed, limit)
        slots, pairs = self._resolve(parts, relaxed=False)
        chosen = self._candidates(slots, pairs, allowed, limit)
        if not chosen:
            slots, pairs = self._resolve(parts, relaxed=True)
            chosen = self._candidates(slots, pairs, allowed, limit)
        if not chosen:
            slots, pairs, chosen = self._fewer_parts(parts, allowed, limit)
        scored = [self._score(number, tier, slots) for number, tier in chosen.items()]
        scored.sort(key=lambda item: -item[0])
        return [
            self._make_hit(self._entries[number], value, highlights)
            for value, number, highlights in scored[:limit]
        ]

    # -- choosing whom to score -------------------------------------------------------

    def _fewer_parts(
        self, parts: list[QueryPart], allowed: int, limit: int
    ) -> tuple[list[Slot], list[int], dict[int, Tier]]:
        """When no document matches every part: documents matching the parts that name
        something — not "đổi" or "đăng ký", which alone are no answer, nor words the
        catalogue does not have at all ("con trai đầu lòng"), which only say more —
        then documents matching most of those.

        The catalogue lacks what is asked, and the answer is no results rather than
        procedures that share a word with the query, when it has nothing of a phrase
        the synonym table knows ("bằng lái xe" where there is no driving licence), or
        of most of the query's naming words unless such a phrase anchors it ("khai
        sinh").
        """
        named = [part for part in parts if not part.generic]
        known = [part for part in named if self._known(part)]
        phrases = [part for part in named if part.rules]
        anchored = bool(phrases) and all(part in known for part in phrases)
        if (phrases and not anchored) or (not anchored and 2 * len(known) <= len(named)):
            return [], [], {}
        slots, pairs = self._resolve(known, relaxed=True)
        chosen = self._candidates(slots, pairs, allowed, limit) if len(known) < len(parts) else {}
        if not chosen and len(known) > 1:
            least = max(1, (len(known) + 1) // 2)
            chosen = self._candidates(slots, pairs, allowed, limit, least=least)
        return slots, pairs, chosen

    def _known(self, part: QueryPart) -> bool:
        """Whether the catalogue has the part at all, as typed or by a regional slip
        (not by a typo: any word is a typo away from some word)."""
        if part.rules:
            tags = [f"{RULE_TAG}{rule}" for rule in part.rules]
            return any(tag in self._name or tag in self._extra for tag in tags)
        word = part.words[0]
        if word.code:
            return bool(self._coded(word.folded))
        if word.folded in self._name or word.folded in self._extra:
            return True
        if any(alike in self._name for alike in slips(word.folded)):
            return True
        return word.prefix and bool(self._completions(word.folded))

    def _candidates(
        self,
        slots: list[Slot],
        pairs_held: list[int],
        allowed: int,
        limit: int,
        *,
        least: int | None = None,
    ) -> dict[int, Tier]:
        """Documents worth scoring, with their tier (parts matched, the query's pairs
        held in order, parts good): those matching every part, or (``least``) fewer
        parts but at least ``least`` of them.

        Best tiers first, at most ``limit`` + a few, plus the popular ones in the top tier.
        """
        if not allowed:
            return {}
        matched = bitmaps.Counter()
        pairs = bitmaps.Counter()
        good = bitmaps.Counter()
        for slot in slots:
            matched.add(slot.any & allowed)
            good.add(slot.good & allowed)
        for held in pairs_held:
            pairs.add(held & allowed)
        parts = len(slots)
        counts = range(parts, parts - 1, -1) if least is None else range(parts - 1, least - 1, -1)
        wanted = limit + _EXTRA_CANDIDATES
        chosen: dict[int, Tier] = {}
        popular: list[int] | None = None
        for rank, sub_tier in _tiers(matched, pairs, good, counts, allowed):
            if popular is None:
                top = matched.exactly(rank[0], allowed)
                popular = [n for n in self._popular if top >> n & 1]
            for number in bitmaps.lowest(sub_tier, wanted - len(chosen)):
                chosen[number] = rank
            for number in popular:
                if number not in chosen and sub_tier >> number & 1:
                    chosen[number] = rank
            if len(chosen) >= wanted:
                break
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

    def _resolve(self, parts: list[QueryPart], *, relaxed: bool) -> tuple[list[Slot], list[int]]:
        """Each part's slot, and for each two parts in a row the documents holding
        them in a row.

        A regional slip ("chu" for "trú") counts as the word typed where the name holds
        it next to its neighbour in the query ("tạm trú"): the phrase confirms it.
        Alone it ranks like a typo, so "đặc" never crowds out "đất".
        """
        slots = [self._slot(part, relaxed=relaxed) for part in parts]
        pairs = [
            self._pair((parts[i], parts[i + 1], relaxed), slots[i], slots[i + 1])
            for i in range(len(parts) - 1)
        ]
        confirmed = [0] * len(slots)
        for i, pair in enumerate(pairs):
            confirmed[i] |= pair.left_alike
            confirmed[i + 1] |= pair.right_alike
        slots = [
            replace(slot, good=slot.good | extra) if extra & ~slot.good else slot
            for slot, extra in zip(slots, confirmed, strict=True)
        ]
        return slots, [pair.held for pair in pairs]

    def _slot(self, part: QueryPart, *, relaxed: bool) -> Slot:
        members = tuple(self._word(word, relaxed=relaxed) for word in part.words)
        if not part.rules:
            return members[0]
        tags = [f"{RULE_TAG}{rule}" for rule in part.rules]
        in_name = reduce(or_, (self._name.get(tag, 0) for tag in tags), 0)
        elsewhere = reduce(or_, (self._extra.get(tag, 0) for tag in tags), 0)
        # The phrase's words scattered over a name ("số … do") are weak evidence of the
        # phrase ("sổ đỏ"): they match, but rank below names with the phrase. Scattered
        # over a summary they are none: "bằng", "lại" and "xe" somewhere in its prose
        # say nothing of "bằng lái xe".
        scattered = reduce(lambda a, b: a & b, (m.good for m in members), self._all)
        return Slot(
            words=part.words,
            rules=part.rules,
            members=members,
            good=in_name,
            any=in_name | elsewhere | scattered,
            heads=(*tags, *members[0].heads),
            tails=(*tags, *members[-1].tails),
        )

    def _word(self, word: QueryWord, *, relaxed: bool) -> Slot:
        key = (word, relaxed)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        good = self._name.get(word.folded, 0)
        anywhere = self._extra.get(word.folded, 0)
        prefixes: tuple[str, ...] = ()
        alike: frozenset[str] = frozenset()
        near: frozenset[str] = frozenset()
        joined: tuple[tuple[str, str], ...] = ()
        if word.code:
            good |= self._coded(word.folded)
        else:
            # A regional spelling slip ("chu" for "tru"), whatever the word's length.
            # Only in names: a slip matched in a summary's prose is too weak a sign.
            alike = frozenset(t for t in slips(word.folded) if t in self._name)
            anywhere |= reduce(or_, (self._name[t] for t in alike), 0)
        targets: dict[str, float] | None = {word.folded: EXACT, **dict.fromkeys(alike, SLIP)}
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
        if not word.code and (len(word.folded) >= 4 or (relaxed and len(word.folded) == 3)):
            near = self._typos.near(word.folded)
            anywhere |= self._anywhere(near)
            if targets is not None:
                targets.update((t, TYPO) for t in near if t not in targets)
        if relaxed and not word.code and len(word.folded) >= 4 and not good:
            joined = self._splits(word.folded)
            anywhere |= reduce(
                or_,
                (self._name.get(left, 0) & self._name.get(right, 0) for left, right in joined),
                0,
            )
        if targets is not None:
            # Best first: scoring stops at the first quality worse than one found.
            targets = dict(sorted(targets.items(), key=lambda item: -item[1]))
        ends = () if word.code else _phrase_ends(word, targets, alike)
        slot = Slot(
            words=(word,),
            good=good,
            any=good | anywhere,
            prefixes=prefixes,
            near=near,
            alike=alike,
            targets=targets,
            joined=joined,
            heads=ends,
            tails=ends,
        )
        if len(self._word_cache) > _CACHE_LIMIT:
            self._word_cache.clear()
        self._word_cache[key] = slot
        return slot

    def _anywhere(self, terms: Iterable[str]) -> int:
        """Documents holding any of ``terms``, in the name or elsewhere."""
        return reduce(or_, (self._name.get(t, 0) | self._extra.get(t, 0) for t in terms), 0)

    def _pair(self, key: tuple[QueryPart, QueryPart, bool], left: Slot, right: Slot) -> _Pair:
        """Documents whose name (or one of its keywords) has ``left`` followed by
        ``right``, next to each other: the query's order, kept by the name."""
        cached = self._pair_cache.get(key)
        if cached is not None:
            return cached
        found = left_alike = right_alike = 0
        for tail in left.tails:
            following = self._pairs.get(tail)
            if not following:
                continue
            for head in right.heads:
                held = following.get(head)
                if held is None:
                    continue
                if not isinstance(held, int):
                    held = following[head] = bitmaps.from_ids(held, self._size)
                found |= held
                if tail in left.alike:
                    left_alike |= held
                if head in right.alike:
                    right_alike |= held
        both = left.any & right.any
        pair = _Pair(found & both, left_alike & both, right_alike & both)
        if len(self._pair_cache) > _CACHE_LIMIT:
            self._pair_cache.clear()
        self._pair_cache[key] = pair
        return pair

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
        self, number: int, tier: Tier, slots: list[Slot]
    ) -> tuple[float, int, tuple[tuple[int, int], ...]]:
        entry = self._entries[number]
        popularity = math.log1p(self._popularity[number]) / self._popularity_scale
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


def _phrase_ends(
    word: QueryWord, targets: dict[str, float] | None, alike: frozenset[str]
) -> tuple[str, ...]:
    """The words a name may hold for ``word`` where two parts of the query stand
    together: as typed, completed or by a slip; a typo is too loose a fit for a phrase."""
    if targets is None:  # a short prefix: too many completions to list
        return (word.folded, *alike)
    return tuple(term for term, quality in targets.items() if quality > TYPO)


class _Pair(NamedTuple):
    """Two parts of the query in a row, as names hold them."""

    #: Documents whose name holds the two next to each other, in the query's order.
    held: int
    #: Those where the first (second) is there by a regional slip the pair confirms.
    left_alike: int
    right_alike: int


def _tiers(
    matched: bitmaps.Counter,
    pairs: bitmaps.Counter,
    good: bitmaps.Counter,
    counts: range,
    allowed: int,
) -> Iterator[tuple[Tier, int]]:
    """Each non-empty tier, best first, with its documents."""
    most_pairs = (1 << len(pairs.digits)) - 1
    for count in counts:
        tier = matched.exactly(count, allowed)
        if not tier:
            continue
        for pair_count in range(min(count - 1, most_pairs), -1, -1):
            pair_tier = pairs.exactly(pair_count, tier)
            if not pair_tier:
                continue
            for good_count in range(count, -1, -1):
                sub_tier = good.exactly(good_count, pair_tier)
                if sub_tier:
                    yield (count, pair_count, good_count), sub_tier


def _neighbours(
    terms: tuple[str, ...], rules: tuple[tuple[int, int, int], ...], breaks: tuple[int, ...] = ()
) -> Iterable[tuple[str, str]]:
    """A name's (or keyword's) pairs of neighbouring words, not across a punctuation
    mark; a synonym phrase ("giấy khai sinh") also stands as its rule's tag beside the
    words around it."""
    if breaks:
        for start, end in pairwise((0, *breaks, len(terms))):
            yield from pairwise(terms[start:end])
    else:
        yield from pairwise(terms)
    starts: dict[int, list[str]] = {}
    for rule, start, _end in rules:
        starts.setdefault(start, []).append(f"{RULE_TAG}{rule}")
    for rule, start, end in rules:
        tag = f"{RULE_TAG}{rule}"
        if start > 0 and start not in breaks:
            yield terms[start - 1], tag
        if end < len(terms) and end not in breaks:
            yield tag, terms[end]
            for following in starts.get(end, ()):
                yield tag, following


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
