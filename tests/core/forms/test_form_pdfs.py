"""Every bundled form on A4 as the 2025 templates print it, read back with pypdf.

The template's own line stands at the top right before the national header; answers
print in capitals where the template says "(viết chữ in hoa)", and the child's birth
date in words where it says "ghi bằng chữ". Each form's sample answers fill it.
"""

from __future__ import annotations

import io
import string
import unicodedata
from datetime import UTC, datetime
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk.declarations.pdf import render_form_pdf
from kiosk.forms.format import format_answer
from kiosk.forms.library import bundled_forms
from kiosk.forms.samples import sample_answers
from wire.answers import Answers
from wire.checks import check_form
from wire.forms import FormDefinition, Line, Signatures

SUBMITTED = datetime(2025, 3, 10, 2, 5, tzinfo=UTC)  # 09:05 in Hà Nội
FORMS = {form.id: form for form in bundled_forms()}

#: Where each template asks for capitals ("in hoa") or words ("ghi bằng chữ").
CAPITALS = {
    "ho-chieu": {"full_name"},
    "ho-kinh-doanh": {"full_name", "business_name"},
    "ly-lich-tu-phap": {"full_name", "father_name", "mother_name", "spouse_name"},
    "ly-lich-tu-phap-mau-02": {
        "requester_name",
        "full_name",
        "father_name",
        "mother_name",
        "spouse_name",
    },
}
IN_WORDS = {"khai-sinh": {"child_birth_date"}}


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf(form: FormDefinition, answers: Answers | None = None, **changes: Any) -> str:
    filled = {**sample_answers(form.id), **changes} if answers is None else answers
    return _text(
        render_form_pdf(form, filled, reference="TK-1-250310-0001", submitted_at=SUBMITTED)
    )


def _styled(form: FormDefinition, style: str) -> set[str]:
    """The fields the layout prints with ``{field:style}`` (outside repeats)."""
    found = set()
    for block in form.layout:
        texts = block.cells if isinstance(block, Line) else ()
        if isinstance(block, Signatures):
            texts = (block.left_name, block.right_name)
        for text in texts:
            for _, name, spec, _ in string.Formatter().parse(text):
                if name and spec == style:
                    found.add(name)
    return found


@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_each_form_prints_its_template_line_first_at_the_top_right(form_id: str) -> None:
    form = FORMS[form_id]
    assert form.template_code, form_id
    assert form.template_line, form_id
    # The legal basis, or a note saying where it is still to be checked.
    assert form.legal_basis or "Công báo" in form.source, form_id
    text = _pdf(form)
    flat = _flat(text)
    line = _flat(form.template_line)
    assert line in flat
    assert flat.index(line) < flat.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    first = text.splitlines()[0]
    assert first.strip() == form.template_line.splitlines()[0]


@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_capitals_and_words_where_the_template_asks_and_nowhere_else(form_id: str) -> None:
    form = FORMS[form_id]
    assert _styled(form, "upper") == CAPITALS.get(form_id, set())
    assert _styled(form, "words") == IN_WORDS.get(form_id, set())
    answers = sample_answers(form_id)
    fields = {field.id: field for section in form.sections for field in section.fields}
    flat = _flat(_pdf(form))
    for field_id in CAPITALS.get(form_id, set()):
        written = format_answer(fields[field_id], answers.get(field_id))
        if written:
            assert written.upper() in flat, field_id
            assert written.upper() != written


def test_the_passport_name_prints_in_capitals_with_its_tone_marks() -> None:
    flat = _flat(_pdf(FORMS["ho-chieu"]))
    assert "1. Họ, chữ đệm và tên (viết chữ in hoa): ĐỖ QUANG VINH" in flat
    assert "Đỗ Quang Vinh" in flat  # under the signature, as written


def test_the_household_business_prints_the_2025_template() -> None:
    form = FORMS["ho-kinh-doanh"]
    assert "68/2025/TT-BTC" in form.template_line
    assert "Phụ lục II" in form.template_code
    assert "đối chiếu" in form.source  # the layout rests on transcriptions
    flat = _flat(_pdf(form))
    assert "Tôi là (ghi họ tên bằng chữ in hoa): VŨ THỊ MAI" in flat
    assert "Đăng ký hộ kinh doanh do tôi là chủ hộ với các nội dung sau:" in flat
    assert "1. Tên hộ kinh doanh (ghi bằng chữ in hoa): HỘ KINH DOANH BÚN CHẢ MAI HÀNG BẠC" in flat
    assert "Họ, chữ đệm và tên (ghi bằng chữ in hoa): VŨ THỊ MAI" in flat
    assert "9. Thông tin đăng ký thuế:" in flat
    assert "9.3. Phương pháp tính thuế: Kê khai" in flat
    assert "Kính gửi: Phòng Kinh tế, Hạ tầng và Đô thị phường Hoàn Kiếm" in flat
    assert "Là:" not in flat  # the 2021 form's "Là: □ Chủ hộ kinh doanh …" is gone


def test_the_birth_date_is_written_in_words_and_the_parents_year_alone_prints() -> None:
    form = FORMS["khai-sinh"]
    answers = {**sample_answers("khai-sinh"), "mother_birth_date": "1994"}
    assert check_form(form, answers, today=SUBMITTED.date()) == {}
    flat = _flat(_pdf(form, answers))
    assert (
        "Ngày, tháng, năm sinh: 20/02/2025 ghi bằng chữ: Ngày hai mươi tháng hai năm hai nghìn "
        "không trăm hai mươi lăm" in flat
    )
    assert "Năm sinh: 1994" in flat  # the mother: only the year is known
    assert "Năm sinh: 30/08/1992" in flat  # the father: the whole date
    assert "Họ, chữ đệm, tên: Trần Minh Khôi" in flat  # no capitals on this template


def test_the_birth_form_carries_the_parents_marriage_certificate() -> None:
    form = FORMS["khai-sinh"]
    flat = _flat(_pdf(form))
    assert "Thông tin Giấy chứng nhận kết hôn của cha, mẹ (nếu có):" in flat
    assert "Số: 25" in flat
    assert "Quyển số: 01/2020" in flat
    assert "Ngày đăng ký: 12/10/2020" in flat
    assert "Nơi đăng ký: Ủy ban nhân dân phường Hồng Hà, Thành phố Hà Nội" in flat
    unmarried = {
        key: value
        for key, value in sample_answers("khai-sinh").items()
        if not key.startswith("marriage_")
    }
    unmarried["parents_married"] = False
    assert check_form(form, unmarried, today=SUBMITTED.date()) == {}
    assert "Số: ....." in _flat(_pdf(form, unmarried))  # left blank, like the paper form


def test_ct01_prints_the_53_2025_template() -> None:
    form = FORMS["ct01"]
    assert form.template_code == "Mẫu CT01"
    assert "53/2025/TT-BCA" in form.template
    assert "53/2025/TT-BCA" in form.legal_basis
    text = _pdf(form)
    flat = _flat(text)
    assert (
        "Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ trưởng "
        "Bộ Công an" in flat
    )
    assert "66/2023" not in flat
    assert "1. Họ, chữ đệm và tên khai sinh: Lê Thị Thu Hà" in flat
    # The members' table starts with its "TT" column.
    assert "TT Họ, chữ đệm và tên" in flat
    member_row = next(line for line in text.splitlines() if "Lê Minh Châu" in line)
    assert member_row.split()[0] == "1"
    # Four opinion/signature blocks, each with its own date line; only the declarant's
    # is dated with the day of submission, the others are dated by hand.
    for title in (
        "Ý KIẾN CỦA CHỦ HỘ",
        "Ý KIẾN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP",
        "Ý KIẾN CỦA CHA, MẸ HOẶC NGƯỜI GIÁM HỘ",
        "NGƯỜI KÊ KHAI",
    ):
        assert title in flat, title
    assert "NGƯỜI ĐƯỢC ỦY QUYỀN" not in flat
    assert flat.count("ngày 10 tháng 03 năm 2025") == 1
    assert flat.count("ngày …… tháng …… năm ……") == 3
    # The consenting people's name and số định danh lines; the chủ hộ's are known.
    assert "Họ và tên: Lê Thị Thu Hương" in flat
    assert "Số định danh cá nhân: 001185012345" in flat
    assert flat.count("Số định danh cá nhân: ……") == 2


def test_ct01_prints_the_temporary_residence_period_and_the_absence() -> None:
    form = FORMS["ct01"]
    stay = _flat(
        _pdf(form, request="dang_ky_tam_tru", stay_until="2026-12-31", request_detail=None)
    )
    assert "10. Nội dung đề nghị: Đăng ký tạm trú tại" in stay
    assert "Thời hạn tạm trú: đến ngày 31/12/2026" in stay
    away = _flat(
        _pdf(
            form,
            request="khai_bao_tam_vang",
            absence_reason="Đi làm việc",
            absence_from="2025-04-01",
            absence_to="2025-10-01",
            absence_destination=sample_answers("ct01")["new_address"],
        )
    )
    assert "10. Nội dung đề nghị: Khai báo tạm vắng" in away
    assert "Lý do tạm vắng: Đi làm việc" in away
    assert "Thời gian tạm vắng: từ ngày 01/04/2025 đến ngày 01/10/2025" in away
    assert "Địa chỉ nơi đến: Phòng 1203" in away
    assert "Thời hạn tạm trú" not in away


def test_the_criminal_record_forms_print_the_2025_templates() -> None:
    own, other = FORMS["ly-lich-tu-phap"], FORMS["ly-lich-tu-phap-mau-02"]
    assert own.template_code == "Mẫu số 01/2025/LLTP"
    assert other.template_code == "Mẫu số 02/2025/LLTP"
    for form in (own, other):
        assert "Công báo" in form.source  # the issuing circular is still to be checked
    flat = _flat(_pdf(own))
    assert "03/2013" not in flat
    assert "CMND" not in flat
    assert "1. Họ và tên: TRỊNH HOÀI NAM" in flat
    assert "Trịnh Hoài Nam" in flat  # the signature, as written
    assert "9. Giấy tờ tùy thân: Thẻ căn cước công dân số 001096078901" in flat
    flat = _flat(_pdf(other))
    assert "THÔNG TIN VỀ NGƯỜI ĐƯỢC ỦY QUYỀN/CHA, MẸ CỦA NGƯỜI CHƯA THÀNH NIÊN" in flat
    assert "Họ và tên: ĐẶNG THỊ HỒNG" in flat
    assert "Mối quan hệ với người được cấp Phiếu lý lịch tư pháp: Mẹ" in flat
    assert "1. Họ và tên: TRỊNH MINH QUÂN" in flat
    assert "Yêu cầu cấp: Phiếu lý lịch tư pháp số 1" in flat


def test_the_death_form_asks_for_the_notice_number_only() -> None:
    flat = _flat(_pdf(FORMS["khai-tu"]))
    assert "Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử: 125/GBT" in flat
    assert "Giấy báo tử số" not in flat
    form = FORMS["khai-tu"]
    help_text = next(
        field.help.vi
        for section in form.sections
        for field in section.fields
        if field.id == "want_copies" and field.help
    )
    assert "thừa kế" in help_text
    assert "tử tuất" in help_text
    assert "trường học" not in help_text
