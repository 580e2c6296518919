"""Tra cứu tờ khai at the staff screen: a mã tờ khai typed, the declaration and its upload in words,
never its answers; its A4 tờ khai on the office printer (CUPS's ``lp``, faked on ``PATH``
as ``tests/ui/form/test_form_office_print.py`` does)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from kiosk.bench.forms import KHAI_SINH_ANSWERS
from tests.core.declarations.legacy import make_legacy
from tests.core.printing.fake_cups import QUEUE, FakeCups, install_fake_cups, posix_only
from tests.core.sync.double import ProtocolDouble
from tests.ui.staff.conftest import StaffDriver
from tests.ui.sync_driver import submit_declaration
from ui.screens.staff.declaration import DeclarationPage
from ui.screens.staff.widgets import Tone

#: What the citizen entered that must never be on the staff page.
PERSONAL = ("Nguyễn Thị Ánh", "001194012345", "Trần Minh Khôi", "Chương Dương", "1994")


def _look_up(staff: StaffDriver, reference: str) -> DeclarationPage:
    page = staff.declaration()
    assert page.reference_field.hasFocus()  # ready to type, the keyboard up
    assert staff.window.keyboard.isVisible()
    staff.type_on_keyboard(reference)
    staff.tap(page.find_button)
    return page


def test_a_reference_typed_shows_the_declaration_and_its_upload_but_no_answers(
    staff: StaffDriver,
) -> None:
    reference = submit_declaration(staff.services)
    staff.unlock()

    page = _look_up(staff, reference.lower())  # as staff may type it

    assert page.card.isVisible()
    assert not page.notice.isVisible()
    assert not staff.window.keyboard.isVisible()  # put away: the declaration is what staff read
    assert page.reference.text() == reference
    assert page.procedure.text() == "1.001193 · Thủ tục đăng ký khai sinh"
    version = staff.services.forms.get("khai-sinh").version  # the bundled form's, as filled
    assert page.form.text() == f"Tờ khai đăng ký khai sinh (mẫu khai-sinh, phiên bản {version})"
    assert page.submitted.text() == "09:05 10/03/2025"
    assert page.status.text() == "Đã lưu tại kiosk"
    assert page.upload.text() == "Đang chờ gửi (chưa gửi lần nào)"
    assert not page.print_button.isVisible()  # no office printer on this kiosk
    shown = " ".join(staff.all_texts())
    for personal in PERSONAL:
        assert personal not in shown, personal
    assert KHAI_SINH_ANSWERS["requester_name"] == PERSONAL[0]  # the search looks for real data
    newest = staff.services.audit.recent(1)[0]
    assert (newest.actor, newest.action, dict(newest.detail)) == (
        "staff",
        "declaration.show",
        {"reference": reference},
    )


def test_an_unknown_reference_is_named_and_nothing_is_shown(staff: StaffDriver) -> None:
    submit_declaration(staff.services)
    staff.unlock()
    page = staff.declaration()

    staff.tap(page.find_button)
    assert page.notice.text() == "Vui lòng nhập mã tờ khai in trên phiếu, ví dụ TK-1-250310-0001."

    staff.focus(page.reference_field)
    staff.type_keys("TK-1-250310-0099")
    staff.tap(staff.window.keyboard.enter_button)

    assert page.notice.tone == Tone.FAILED
    assert page.notice.text() == "Không tìm thấy tờ khai có mã “TK-1-250310-0099”."
    assert not page.card.isVisible()
    assert "declaration.show" not in staff.audit_actions()


def test_an_hs_reference_printed_before_the_ma_to_khai_is_found(staff: StaffDriver) -> None:
    reference = submit_declaration(staff.services)
    assert reference.startswith("TK-")
    make_legacy(staff.services, reference, "HS-1-250310-0001")
    staff.unlock()

    page = _look_up(staff, "hs-1-250310-0001")

    assert page.card.isVisible()
    assert page.reference.text() == "HS-1-250310-0001"
    assert page.status.text() == "Đã lưu tại kiosk"


def test_the_upload_reads_as_waiting_then_sent(
    staff_at: Callable[..., StaffDriver], double: ProtocolDouble
) -> None:
    staff = staff_at(server_url=double.url)
    services = staff.services
    services.sync.enrol(double.add_code())
    reference = submit_declaration(services)
    double.script("POST", "/v1/outbox", 503)  # the centre's server is overloaded
    assert services.sync.sync_once().outcome == "retry"
    staff.unlock()
    page = _look_up(staff, reference)
    assert page.upload.text().startswith("Đang chờ gửi lại: đã thử 1 lần, lỗi gần nhất: ")
    assert page.status.text() == "Đã lưu tại kiosk"

    assert services.sync.sync_once().outcome == "ok"
    staff.focus(page.reference_field)
    staff.tap(page.find_button)

    assert page.upload.text() == "Máy chủ đã nhận lúc 09:05 10/03/2025"
    assert page.status.text() == "Trung tâm đã nhận tờ khai"


@pytest.fixture
def cups(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> FakeCups:
    return install_fake_cups(tmp_path_factory.mktemp("cups"), monkeypatch)


@posix_only
def test_in_to_khai_a4_prints_on_the_office_printer(
    staff_at: Callable[..., StaffDriver], cups: FakeCups
) -> None:
    staff = staff_at(office_printer=QUEUE)
    reference = submit_declaration(staff.services)
    staff.unlock()
    page = _look_up(staff, reference)
    assert page.print_button.isVisible()
    assert page.print_button.text() == "In tờ khai A4"

    staff.tap(page.print_button)

    assert page.notice.tone == Tone.OK
    assert page.notice.text() == f"Đã gửi tờ khai {reference} đến máy in {QUEUE}."
    (job,) = cups.jobs()
    assert job.argv == ("-d", QUEUE, "-t", reference, "-")
    text = PdfReader(io.BytesIO(job.data)).pages[0].extract_text()
    assert f"Mã tờ khai: {reference}" in text
    newest = staff.services.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("staff", "declaration.print")


@posix_only
def test_an_office_printer_the_print_system_does_not_know_is_named(
    staff_at: Callable[..., StaffDriver], cups: FakeCups
) -> None:
    staff = staff_at(office_printer="Mot-Cua-A4")
    reference = submit_declaration(staff.services)
    staff.unlock()
    page = _look_up(staff, reference)

    staff.tap(page.print_button)

    assert page.notice.tone == Tone.FAILED
    assert page.notice.text() == (
        "Không tìm thấy máy in A4 “Mot-Cua-A4”. Vui lòng báo cán bộ kiểm tra cài đặt."
    )
    assert cups.jobs() == []
    assert page.print_button.isEnabled()  # once IT fixed the queue, staff tap again
