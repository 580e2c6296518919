"""The fixed lists a form picks from: the 54 dân tộc and the quốc tịch.

Answers store codes, never names, so a dossier reads the same in both languages and
the server receives what the national systems use: the General Statistics Office's
ethnic group codes (Danh mục các thành phần dân tộc Việt Nam, Quyết định
121-TCTK/PPCĐ, the codes of the population census and of the health insurance and
civil records), and ISO 3166 alpha-2 country codes for nationality.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from kiosk.catalog.search.folding import fold, strip_marks
from kiosk.text.matching import find_by_words


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a list: the stored code and what the citizen reads."""

    code: str
    vi: str
    en: str


#: The 54 ethnic groups in the GSO's order (by population in 1979), Kinh first.
ETHNICITIES: Final[tuple[Choice, ...]] = (
    Choice("01", "Kinh", "Kinh"),
    Choice("02", "Tày", "Tay"),
    Choice("03", "Thái", "Thai"),
    Choice("04", "Hoa", "Hoa (Chinese)"),
    Choice("05", "Khơ-me", "Khmer"),
    Choice("06", "Mường", "Muong"),
    Choice("07", "Nùng", "Nung"),
    Choice("08", "Mông", "Hmong"),
    Choice("09", "Dao", "Dao"),
    Choice("10", "Gia-rai", "Gia Rai (Jarai)"),
    Choice("11", "Ngái", "Ngai"),
    Choice("12", "Ê-đê", "E De (Rhade)"),
    Choice("13", "Ba-na", "Ba Na (Bahnar)"),
    Choice("14", "Xơ-đăng", "Xo Dang (Sedang)"),
    Choice("15", "Sán Chay", "San Chay"),
    Choice("16", "Cơ-ho", "Co Ho (Koho)"),
    Choice("17", "Chăm", "Cham"),
    Choice("18", "Sán Dìu", "San Diu"),
    Choice("19", "Hrê", "Hre"),
    Choice("20", "Mnông", "Mnong"),
    Choice("21", "Ra-glai", "Ra Glai"),
    Choice("22", "Xtiêng", "Xtieng (Stieng)"),
    Choice("23", "Bru-Vân Kiều", "Bru-Van Kieu"),
    Choice("24", "Thổ", "Tho"),
    Choice("25", "Giáy", "Giay"),
    Choice("26", "Cơ-tu", "Co Tu (Katu)"),
    Choice("27", "Gié-Triêng", "Gie Trieng"),
    Choice("28", "Mạ", "Ma"),
    Choice("29", "Khơ-mú", "Kho Mu (Khmu)"),
    Choice("30", "Co", "Co"),
    Choice("31", "Tà-ôi", "Ta Oi"),
    Choice("32", "Chơ-ro", "Cho Ro"),
    Choice("33", "Kháng", "Khang"),
    Choice("34", "Xinh-mun", "Xinh Mun"),
    Choice("35", "Hà Nhì", "Ha Nhi"),
    Choice("36", "Chu-ru", "Chu Ru"),
    Choice("37", "Lào", "Lao"),
    Choice("38", "La Chí", "La Chi"),
    Choice("39", "La Ha", "La Ha"),
    Choice("40", "Phù Lá", "Phu La"),
    Choice("41", "La Hủ", "La Hu"),
    Choice("42", "Lự", "Lu"),
    Choice("43", "Lô Lô", "Lo Lo"),
    Choice("44", "Chứt", "Chut"),
    Choice("45", "Mảng", "Mang"),
    Choice("46", "Pà Thẻn", "Pa Then"),
    Choice("47", "Cơ Lao", "Co Lao"),
    Choice("48", "Cống", "Cong"),
    Choice("49", "Bố Y", "Bo Y"),
    Choice("50", "Si La", "Si La"),
    Choice("51", "Pu Péo", "Pu Peo"),
    Choice("52", "Brâu", "Brau"),
    Choice("53", "Ơ Đu", "O Du"),
    Choice("54", "Rơ-măm", "Ro Mam"),
)

_ETHNICITY_BY_CODE: Final = {choice.code: choice for choice in ETHNICITIES}

VIETNAM: Final = "VN"

#: Codes CLDR names that are not a country anyone holds the nationality of: regions
#: and unions, exceptionally reserved or user-assigned codes, uninhabited islands.
_NOT_NATIONALITIES: Final = frozenset(
    {
        "AC", "AQ", "BV", "CP", "CQ", "DG", "EA", "EU", "EZ", "HM", "IC", "QO", "TA", "UM",
        "UN", "XA", "XB", "XK", "ZZ",
    }
)  # fmt: skip
#: Names Vietnamese official papers write differently from CLDR.
_VI_OVERRIDES: Final = {"TW": "Đài Loan (Trung Quốc)"}


def ethnicity(code: str) -> Choice | None:
    return _ETHNICITY_BY_CODE.get(code)


@cache
def nationalities() -> tuple[Choice, ...]:
    """Every nationality, Việt Nam first, then by Vietnamese name (accents ignored).

    Built from Babel's CLDR data on first use (tens of milliseconds), so call it off
    the UI thread the first time, or at start-up.
    """
    from babel import Locale

    vi_names: dict[str, str] = {
        code: name for code, name in Locale("vi").territories.items() if isinstance(code, str)
    }
    en_names = Locale("en").territories
    found = [
        Choice(code, _VI_OVERRIDES.get(code, name), str(en_names.get(code, code)))
        for code, name in vi_names.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_NATIONALITIES
    ]
    found.sort(key=lambda choice: (choice.code != VIETNAM, _sort_key(choice.vi), choice.code))
    return tuple(found)


def find_choices(choices: Sequence[Choice], query: str) -> list[Choice]:
    """The choices with a word, in Vietnamese or English, beginning each typed word
    (``kiosk.text.matching``), in their order; all of them for an empty query.

    Both languages count, so "duc" and "germany" both find Đức whatever the screen's
    language is."""
    return find_by_words(choices, query, lambda choice: f"{choice.vi} {choice.en}")


def nationality(code: str) -> Choice | None:
    return _nationalities_by_code().get(code)


@cache
def _nationalities_by_code() -> dict[str, Choice]:
    return {choice.code: choice for choice in nationalities()}


def _sort_key(name: str) -> tuple[str, str]:
    return strip_marks(fold(name)), name
