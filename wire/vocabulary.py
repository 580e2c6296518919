"""The fixed lists the formats' values come from: priority groups, dân tộc, quốc tịch.

A queue service in the catalogue names the priority groups it serves first, and a
ticket carries one; a form's ``ethnicity`` and ``nationality`` fields hold codes, never
names, so a declaration reads the same in both languages and the server receives what the
national systems use: the General Statistics Office's ethnic group codes (Danh mục các
thành phần dân tộc Việt Nam, Quyết định 121-TCTK/PPCĐ, the codes of the population
census and of the health insurance and civil records), and ISO 3166 alpha-2 country
codes for nationality. A form's defaults are checked against these lists on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal

#: Priority groups served first at the counters (đối tượng ưu tiên).
PriorityGroup = Literal["nguoi_cao_tuoi", "nguoi_khuyet_tat", "phu_nu_co_thai", "nguoi_co_cong"]
PRIORITY_GROUPS: tuple[PriorityGroup, ...] = (
    "nguoi_cao_tuoi",
    "nguoi_khuyet_tat",
    "phu_nu_co_thai",
    "nguoi_co_cong",
)


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


def nationality(code: str) -> Choice | None:
    return nationalities_by_code().get(code)


@cache
def nationalities_by_code() -> Mapping[str, Choice]:
    """Every nationality by its ISO code, from Babel's CLDR data (built on first use,
    in tens of milliseconds, and shared). In which order a citizen sees them is each
    side's own business."""
    from babel import Locale

    vi_names: dict[str, str] = {
        code: name for code, name in Locale("vi").territories.items() if isinstance(code, str)
    }
    en_names = Locale("en").territories
    return {
        code: Choice(code, _VI_OVERRIDES.get(code, name), str(en_names.get(code, code)))
        for code, name in sorted(vi_names.items())
        if len(code) == 2 and code.isalpha() and code not in _NOT_NATIONALITIES
    }
