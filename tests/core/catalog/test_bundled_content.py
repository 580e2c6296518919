"""The content of resources/catalogue/bundled.json: complete, consistent, and true to the codes.

The kiosk's own texts are checked for shape here; where the shared national-portal records are
present (never bundled), every code we use that appears there must carry the official name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache

import msgspec
import pytest

from kiosk.paths import PROJECT_ROOT, RESOURCES_DIR
from wire.catalogue import CatalogueFile

BUNDLED = RESOURCES_DIR / "catalogue" / "bundled.json"
SHARED_PROCEDURES = PROJECT_ROOT.parent / "shared" / "data" / "tthc" / "procedures.jsonl"

#: Letters that only Vietnamese with diacritics has (after NFC): a name without any is suspect.
VIETNAMESE_MARKS = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]"
)
#: Where a shortened name may stop: before punctuation, or before a phrase that only narrows
#: it down ("… do cơ quan …", "… đối với hộ gia đình …", "… trong các trường hợp …").
CUT_AFTER = re.compile(r"^(\s*[,;:.(]|\s+(do|đối với|trong|cho|tại|của|theo|khi|ở)\s)")


@cache
def catalogue() -> CatalogueFile:
    return msgspec.json.decode(BUNDLED.read_bytes(), type=CatalogueFile, strict=True)


def normalise(name: str) -> str:
    """Case, Unicode form and spacing aside; the portal's leading "Thủ tục" is optional."""
    text = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    return text.removeprefix("thủ tục ").strip()


def without_asides(name: str) -> str:
    """The official name without its parenthesised asides, e.g. "(thực hiện tại cấp tỉnh)"."""
    return normalise(re.sub(r"\s*\([^()]*\)", "", name))


def names_agree(ours: str, official: str) -> bool:
    """Ours is the official name, or a clear shortening of it.

    A shortening keeps the official wording and only drops parenthesised asides, or drops the
    end where a punctuation mark or a narrowing phrase begins. Dropping words from the middle is not
    allowed: leaving out a "không" or a qualifier could change what the procedure is.
    """
    mine = normalise(ours)
    for theirs in (normalise(official), without_asides(official)):
        if mine == theirs:
            return True
        if theirs.startswith(mine) and CUT_AFTER.match(theirs[len(mine) :]):
            return True
    return False


def test_file_decodes_strictly_as_a_kiosk_catalogue() -> None:
    raw = json.loads(BUNDLED.read_text(encoding="utf-8"))
    assert raw["format"] == "kiosk-catalogue"
    assert raw["version"] == 1
    assert catalogue().catalogue_version.startswith("bundled-")


def test_has_at_least_forty_procedures_with_unique_codes() -> None:
    codes = [p.code for p in catalogue().procedures]
    assert len(codes) >= 40
    assert [code for code, n in Counter(codes).items() if n > 1] == []


def test_fields_agencies_and_queues_are_unique_and_resolve() -> None:
    cat = catalogue()
    fields = [f.code for f in cat.fields]
    agencies = {a.code: a for a in cat.agencies}
    queues = [q.code for q in cat.queue_services]
    assert len(set(fields)) == len(fields)
    assert len(agencies) == len(cat.agencies)
    assert set(queues) == {"A", "B", "C"}
    for p in cat.procedures:
        assert p.field in fields, p.code
        assert p.agencies, p.code
        assert set(p.agencies) <= set(agencies), p.code
        assert p.queue_service in queues, p.code
        # At least one agency works at a level the procedure is carried out at.
        assert {agencies[a].level for a in p.agencies} & set(p.levels), p.code
    used = {p.field for p in cat.procedures}
    assert used == set(fields), "a field without procedures shows an empty list"


def test_no_district_level_since_july_2025() -> None:
    cat = catalogue()
    for text in [a.name for a in cat.agencies] + [p.summary for p in cat.procedures]:
        assert "cấp huyện" not in text.lower(), text


def test_every_procedure_is_complete_enough_to_show() -> None:
    for p in catalogue().procedures:
        assert p.summary.strip(), p.code
        assert p.summary.count(".") >= 1, p.code
        assert p.methods, p.code
        assert any(g.documents for g in p.document_groups), p.code
        assert 3 <= len(p.steps) <= 6, p.code
        assert p.result.strip(), p.code
        assert 1 <= len(p.legal_basis) <= 3, p.code
        assert p.keywords, p.code
        assert p.popularity > 0, p.code
        for method in p.methods:
            assert method.time_text.strip(), p.code
            assert method.fee_text.strip(), p.code
        kinds = [m.kind for m in p.methods]
        assert len(set(kinds)) == len(kinds), p.code
        # An online level promises an online method.
        assert (p.online != "khong") == ("truc_tuyen" in kinds), p.code


def test_texts_are_nfc_vietnamese_with_diacritics() -> None:
    cat = catalogue()
    raw = BUNDLED.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw
    for name in [p.name for p in cat.procedures] + [f.name for f in cat.fields]:
        assert VIETNAMESE_MARKS.search(name.lower()), name
    for p in cat.procedures:
        assert VIETNAMESE_MARKS.search(p.summary.lower()), p.code


def test_guided_forms_sit_on_the_right_procedures() -> None:
    by_code = {p.code: p for p in catalogue().procedures}
    assert by_code["1.001193"].form_id == "khai-sinh"
    assert by_code["1.000894"].form_id == "ket-hon"
    assert by_code["1.000656"].form_id == "khai-tu"
    assert by_code["1.004873"].form_id == "xac-nhan-tinh-trang-hon-nhan"
    assert by_code["1.001612"].form_id == "ho-kinh-doanh"
    forms = {p.form_id for p in by_code.values()} - {None}
    assert forms == {
        "khai-sinh",
        "ket-hon",
        "khai-tu",
        "xac-nhan-tinh-trang-hon-nhan",
        "ct01",
        "ly-lich-tu-phap",
        "ho-chieu",
        "ho-kinh-doanh",
    }
    for p in by_code.values():
        if p.form_id == "ct01":
            assert p.field == "cu-tru", p.code


def test_plain_procedure_outranks_its_mobile_and_repeat_variants() -> None:
    by_code = {p.code: p for p in catalogue().procedures}
    plain_then_variants = {
        "1.001193": ["1.003583", "1.004884"],  # khai sinh: lưu động, đăng ký lại
        "1.000894": ["1.000593", "1.004746"],  # kết hôn: lưu động, đăng ký lại
        "1.000656": ["1.000419", "1.005461"],  # khai tử: lưu động, đăng ký lại
    }
    order = [p.code for p in catalogue().procedures]
    for plain, variants in plain_then_variants.items():
        for variant in variants:
            assert by_code[plain].popularity > by_code[variant].popularity, variant
            assert order.index(plain) < order.index(variant), variant
            assert normalise(by_code[plain].name) in normalise(by_code[variant].name) or (
                "lại" in by_code[variant].name
            ), variant


def test_name_rule_accepts_shortenings_and_refuses_rewrites() -> None:
    official = "Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)"
    assert names_agree("Cấp hộ chiếu phổ thông ở trong nước", official)
    assert names_agree("Thủ tục đăng ký khai sinh", "Thủ tục đăng ký  khai sinh")
    assert names_agree("Chứng thực bản sao", "Chứng thực bản sao, bản chính")
    assert names_agree("Cấp giấy phép", "Cấp giấy phép đối với nhà ở")
    assert not names_agree("Chứng thực bản", "Chứng thực bản sao")
    assert not names_agree("Cấp hộ chiếu", "Cấp lại hộ chiếu")
    assert not names_agree("Đăng ký khai sinh lưu động", "Thủ tục đăng ký khai sinh")


@pytest.mark.skipif(not SHARED_PROCEDURES.exists(), reason="shared TTHC data not present")
def test_codes_found_in_the_portal_records_carry_their_official_names() -> None:
    official: dict[str, str] = {}
    with SHARED_PROCEDURES.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            official[record["ma_thu_tuc"]] = record["ten_thu_tuc"]
    found = [p for p in catalogue().procedures if p.code in official]
    # Most of ours are ministries' procedures the shared file holds; a few (social
    # protection) are not in it.
    assert len(found) >= 40
    mismatched = [
        (p.code, p.name, official[p.code])
        for p in found
        if not names_agree(p.name, official[p.code])
    ]
    assert mismatched == []
