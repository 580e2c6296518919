"""The words citizens use for what the official names call otherwise.

Nobody at the counter says "giấy chứng nhận quyền sử dụng đất": they say "sổ đỏ".
Each rule says: a query containing one of ``asked`` may also find a procedure whose
name (or keywords) contains one of ``named``. Most rules go both ways (``equivalent``);
some only one way — "hộ khẩu" should find "đăng ký thường trú", but a search for
"thường trú" should not be flooded by every name that mentions "hộ khẩu".

Phrases are compared folded (see :mod:`folding`), so spelling them with accents here
is for the reader only. Keep the list short and sure: a wrong synonym costs more
than a missing one, because it pushes the right procedure down.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.text.folding import fold_words


@dataclass(frozen=True, slots=True)
class SynonymRule:
    asked: tuple[str, ...]
    named: tuple[str, ...]


def equivalent(*phrases: str) -> SynonymRule:
    return SynonymRule(asked=phrases, named=phrases)


def one_way(asked: tuple[str, ...], named: tuple[str, ...]) -> SynonymRule:
    return SynonymRule(asked=asked, named=named)


RULES: tuple[SynonymRule, ...] = (
    equivalent(
        "CCCD",
        "căn cước",
        "căn cước công dân",
        "thẻ căn cước",
        "CMND",
        "chứng minh nhân dân",
        "chứng minh thư",
    ),
    equivalent(
        "sổ đỏ",
        "sổ hồng",
        "bìa đỏ",
        "giấy chứng nhận quyền sử dụng đất",
    ),
    equivalent("hộ chiếu", "passport"),
    equivalent("lý lịch tư pháp", "LLTP"),
    equivalent("thị thực", "visa"),
    equivalent("khai sinh", "giấy khai sinh"),
    equivalent("khai tử", "giấy chứng tử", "chứng tử"),
    equivalent("kết hôn", "giấy kết hôn", "giấy đăng ký kết hôn"),
    one_way(("lấy vợ", "lấy chồng", "cưới", "cưới vợ", "cưới chồng"), ("kết hôn",)),
    equivalent(
        "xác nhận tình trạng hôn nhân",
        "giấy xác nhận tình trạng hôn nhân",
        "xác nhận độc thân",
        "giấy độc thân",
    ),
    equivalent("bảo hiểm xã hội", "BHXH"),
    equivalent("bảo hiểm y tế", "BHYT"),
    equivalent("mã số thuế", "MST"),
    one_way(("hộ khẩu", "nhập hộ khẩu", "nhập khẩu"), ("thường trú",)),
    one_way(("KT3", "tạm vắng tạm trú"), ("tạm trú",)),
    one_way(("cư trú",), ("tạm trú", "thường trú", "cư trú")),
    one_way(("đk", "dk"), ("đăng ký",)),
    one_way(("GPXD",), ("giấy phép xây dựng",)),
    one_way(
        ("sao y", "sao y bản chính", "công chứng bản sao", "photo công chứng"),
        ("chứng thực bản sao", "bản sao từ bản chính", "bản sao có chứng thực"),
    ),
    # The words heard at the counter for what the names call otherwise.
    equivalent("bằng lái", "bằng lái xe", "giấy phép lái xe", "GPLX"),
    # Marrying a foreigner, or a Vietnamese living abroad, is the "yếu tố nước ngoài" case.
    one_way(
        ("người nước ngoài", "việt kiều"),
        ("người nước ngoài", "yếu tố nước ngoài", "định cư ở nước ngoài"),
    ),
    one_way(("làm lại", "xin lại"), ("cấp lại", "đăng ký lại")),
    one_way(("cắt khẩu", "cắt hộ khẩu", "xóa hộ khẩu"), ("xóa đăng ký thường trú",)),
    one_way(
        ("sang tên", "sang tên sổ đỏ", "mua bán đất"),
        ("đăng ký biến động", "chuyển nhượng quyền sử dụng đất"),
    ),
    one_way(("tách hộ khẩu", "tách khẩu"), ("tách hộ",)),
    # "Sổ đỏ" is the certificate; a land procedure names the right it certifies.
    one_way(("sổ đỏ", "sổ hồng", "bìa đỏ"), ("quyền sử dụng đất",)),
    one_way(("báo tử", "giấy báo tử"), ("khai tử",)),
    one_way(("độc thân",), ("tình trạng hôn nhân",)),
    one_way(("nhận con nuôi", "xin con nuôi"), ("nuôi con nuôi", "con nuôi")),
    # At a commune counter a "giấy phép kinh doanh" is the household business's.
    one_way(
        ("giấy phép kinh doanh", "giấy đăng ký kinh doanh"),
        ("hộ kinh doanh", "giấy phép kinh doanh"),
    ),
    one_way(("hộ kinh doanh cá thể", "kinh doanh cá thể", "hộ cá thể"), ("hộ kinh doanh",)),
    one_way(("VNeID", "kích hoạt VNeID", "tài khoản VNeID"), ("định danh điện tử",)),
)


@dataclass(frozen=True, slots=True)
class FoldedRules:
    """The rules as folded word tuples, looked up by their first word."""

    #: first folded word → [(phrase, rule number)], longest phrases first.
    asked: dict[str, list[tuple[tuple[str, ...], int]]]
    named: dict[str, list[tuple[tuple[str, ...], int]]]


def fold_rules(rules: tuple[SynonymRule, ...] = RULES) -> FoldedRules:
    asked: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    named: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for number, rule in enumerate(rules):
        for phrases, table in ((rule.asked, asked), (rule.named, named)):
            for phrase in phrases:
                folded = fold_words(phrase)
                if folded:
                    table.setdefault(folded[0], []).append((folded, number))
    for table in (asked, named):
        for entries in table.values():
            entries.sort(key=lambda entry: -len(entry[0]))
    return FoldedRules(asked=asked, named=named)


def find_named(terms: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """Where a name mentions a rule's ``named`` phrases: (rule, first word, end word)."""
    found: list[tuple[int, int, int]] = []
    table = FOLDED.named
    for start, term in enumerate(terms):
        for phrase, rule in table.get(term, ()):
            end = start + len(phrase)
            if terms[start:end] == phrase:
                found.append((rule, start, end))
    return found


FOLDED = fold_rules()
