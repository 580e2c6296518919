"""How a unit's name as printed on a card is matched to the package's keywords.

The package names each unit by keywords written without spaces, in lower case,
mostly without accents (``phuongphucxa``, ``phucxa``), and with accents only where
two units of the same place differ by their accents alone (``xãcẩmgiang`` and
``xãcẩmgiàng``). Cards and forms abbreviate the unit type (``P.``, ``TP.``, ``TX``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

_ABBREVIATIONS = {
    "tp": "thành phố",
    "tx": "thị xã",
    "tt": "thị trấn",
    "p": "phường",
    "q": "quận",
    "h": "huyện",
    "x": "xã",
    "t": "tỉnh",
}
_ABBREVIATED = re.compile(r"(tp|tx|tt|p|q|h|x|t)\s*\.\s*|(tp|tx|tt)\s+")
_PROVINCE_TYPE = re.compile(r"^(tỉnh|thành phố)\s+")
_NOT_WORD = re.compile(r"[\W_]+")
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]+")


#: Đ and đ are letters of their own, not D with a mark; Ð (eth) looks the same when pasted.
_PLAIN_D = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})


def plain_letters(text: str) -> str:
    """``text`` in lower case without diacritics, ``đ`` as ``d``: "Đắk Lắk" → "dak lak".

    The kiosk's search folds text its own way (``kiosk.text.folding``, which keeps each
    character's place for highlighting); matching and sorting unit names needs only
    the letters, and the wire cannot import the kiosk.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN_D))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def lookup_keys(name: str, *, drop_type: bool = False) -> tuple[str, ...]:
    """The keys to try for ``name``, most exact first: with accents, then without.

    ``drop_type`` also tries the name without "Tỉnh"/"Thành phố", for provinces,
    whose names are unique whatever their type ("TP.HCM" is "HCM").
    """
    text = unicodedata.normalize("NFC", name).strip().lower()
    variants = [text]
    match = _ABBREVIATED.match(text)
    if match is not None:
        short = match.group(1) or match.group(2)
        variants.append(f"{_ABBREVIATIONS[short]} {text[match.end() :]}")
    if drop_type:
        variants += [_PROVINCE_TYPE.sub("", variant, count=1) for variant in variants]
    accented = [_NOT_WORD.sub("", variant) for variant in variants]
    plain = [_NOT_ASCII_WORD.sub("", plain_letters(key)) for key in accented]
    return tuple(dict.fromkeys(key for key in (*accented, *plain) if key))


#: Keyword → the units it names (one, mostly). Tuples rather than sets: some 40,000
#: keywords name one unit each, and as sets they would take some 6 MB more, for
#: lookups that only count and unpack the units.
KeywordIndex = Mapping[str, tuple[str, ...]]


def resolve(name: str, index: KeywordIndex, *, drop_type: bool = False) -> tuple[str, ...]:
    """The units whose keywords the most exact key of ``name`` hits (empty if none)."""
    for key in lookup_keys(name, drop_type=drop_type):
        found = index.get(key)
        if found:
            return found
    return ()


def add_unit(index: dict[str, tuple[str, ...]], keyword: str, unit: str) -> None:
    """Index ``unit`` under ``keyword`` (once)."""
    units = index.get(keyword, ())
    if unit not in units:
        index[keyword] = (*units, unit)


def add_keywords(index: dict[str, tuple[str, ...]], keywords: str | None, unit: str) -> None:
    """Index ``unit`` under each keyword of the package's JSON list ``keywords``."""
    import json

    for keyword in json.loads(keywords) if keywords else ():
        add_unit(index, keyword, unit)
