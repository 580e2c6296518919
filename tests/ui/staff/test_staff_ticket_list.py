"""Phiếu số thứ tự at the staff screen: the list, "In lại" and "Hủy số", by taps.

The kiosk's default printer is ``file:``: a reprint's ESC/POS bytes land in the data
folder's ``printouts/``, where the test reads them back; a printer on a closed port
is one that is switched off.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.errors import StaffGrantRevokedError
from tests.ui.staff.conftest import StaffDriver
from ui.screens.staff.tickets import TicketsPage
from ui.screens.staff.widgets import Tone


def _voided(driver: StaffDriver, label: str) -> bool:
    return driver.services.tickets.find(label).print_status == "voided"


def test_the_list_shows_the_tickets_issued_here_newest_first(staff: StaffDriver) -> None:
    desk = staff.services.desk
    desk.take("A")
    desk.take("A")
    desk.take("B")
    grant = staff.services.staff.grant_for_command_line()
    staff.services.tickets.void(grant, "A-001", "in trùng")
    staff.unlock()

    page = staff.tickets()

    assert [row.ticket.label for row in page.rows] == ["B-001", "A-002", "A-001"]
    newest = page.row("B-001")
    assert newest.details.text().endswith("· phát lúc 09:05")
    assert newest.details.text().startswith(newest.ticket.service_name)
    assert newest.state.text() == "Đã in"
    voided = page.row("A-001")
    assert voided.state.text() == "Đã hủy"
    assert voided.reprint_button.isHidden()
    assert voided.void_button.isHidden()
    assert not page.notice.isVisible()


def test_in_lai_from_the_list_prints_the_same_ticket_again(staff: StaffDriver) -> None:
    staff.services.desk.take("A")
    (first,) = staff.printouts()
    staff.unlock()
    page = staff.tickets()

    staff.tap(page.row("A-001").reprint_button)

    assert page.notice.tone == Tone.OK
    assert page.notice.text() == "Đã in lại phiếu A-001."
    again = staff.printouts()[-1]
    assert again != first
    assert again.name.endswith("-ticket-A-001.bin")
    assert again.read_bytes() == first.read_bytes()
    assert staff.audit_actions()[0] == "ticket.reprint"
    staff.tap(page.back_button)  # "‹ Quay lại": the staff screen, its audit read afresh
    assert staff.window.current_screen() == "staff"
    assert "Cán bộ  In lại phiếu A-001" in staff.hub.audit_view.toPlainText().splitlines()[0]


def test_in_lai_by_the_number_typed_on_the_keyboard(staff: StaffDriver) -> None:
    for _ in range(12):
        staff.services.desk.take("A")
    staff.unlock()
    page = staff.tickets()
    assert len(staff.printouts()) == 12

    staff.focus(page.number_field)
    assert staff.window.keyboard.isVisible()
    staff.type_on_keyboard("a012")  # as staff type it: no dash, small letters
    staff.tap(staff.window.keyboard.enter_button)  # "Xong ↵" prints it

    assert page.notice.text() == "Đã in lại phiếu A-012."
    assert staff.printouts()[-1].name.endswith("-ticket-A-012.bin")
    assert len(staff.printouts()) == 13
    assert not staff.window.keyboard.isVisible()  # the outcome is what staff look at


def test_a_number_not_issued_today_or_none_at_all_is_said_so(staff: StaffDriver) -> None:
    staff.unlock()
    page = staff.tickets()

    staff.tap(page.reprint_typed_button)
    assert page.notice.text() == "Vui lòng nhập số thứ tự in trên phiếu, ví dụ A-012."

    staff.focus(page.number_field)
    staff.type_keys("C-099")
    staff.tap(page.reprint_typed_button)
    assert page.notice.tone == Tone.FAILED
    assert page.notice.text() == "Không tìm thấy số thứ tự “C-099”."
    assert staff.printouts() == []
    assert page.empty.isVisible()
    assert page.empty.text() == "Kiosk chưa phát phiếu nào."


def test_a_printer_that_is_off_is_named_and_the_ticket_stays_valid(
    staff_at: Callable[..., StaffDriver], closed_port: int
) -> None:
    staff = staff_at(printer=f"tcp://127.0.0.1:{closed_port}?timeout=0.5")
    ticket = staff.services.desk.take("A")
    assert ticket.print_status == "failed"
    staff.unlock()
    page = staff.tickets()
    assert page.row("A-001").state.text() == (
        "In không được: Máy in chưa sẵn sàng: không kết nối được với máy in. Vui lòng báo cán bộ."
    )

    staff.tap(page.row("A-001").reprint_button)

    assert page.notice.tone == Tone.FAILED
    assert page.notice.text() == (
        "Máy in chưa in được phiếu A-001: Máy in chưa sẵn sàng: không kết nối được với máy in. "
        "Vui lòng báo cán bộ."
    )
    assert staff.services.tickets.find("A-001").print_status == "failed"
    assert page.row("A-001").reprint_button.isEnabled()  # staff may try again


def test_huy_so_asks_a_reason_then_voids_the_number(staff: StaffDriver) -> None:
    staff.services.desk.take("A")
    staff.services.desk.take("A")
    staff.unlock()
    page = staff.tickets()

    staff.tap(page.row("A-002").void_button)

    panel = page.reason_panel
    assert page.stack.currentWidget() is panel
    assert panel.heading.text() == "Hủy số A-002?"
    assert panel.confirm_button.text() == "Hủy số A-002"
    assert panel.field.hasFocus()
    assert staff.window.keyboard.isVisible()  # the keyboard comes up as for every field
    staff.type_on_keyboard("in trung so")
    staff.tap(panel.confirm_button)

    assert page.stack.currentWidget() is page.scroll_area
    assert page.notice.text() == "Đã hủy số A-002."
    assert _voided(staff, "A-002")
    assert not _voided(staff, "A-001")
    assert page.row("A-002").state.text() == "Đã hủy"  # the list followed the change
    assert page.row("A-002").reprint_button.isHidden()
    newest = staff.services.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("staff", "ticket.void")
    assert dict(newest.detail)["reason"] == "in trung so"


def test_huy_so_without_a_reason_is_refused_and_changes_nothing(staff: StaffDriver) -> None:
    staff.services.desk.take("A")
    staff.unlock()
    page = staff.tickets()
    staff.tap(page.row("A-001").void_button)
    panel = page.reason_panel
    before = staff.audit_actions()

    staff.tap(panel.confirm_button)

    assert page.stack.currentWidget() is panel  # still asking
    assert panel.message.isVisible()
    assert panel.message.text() == "Vui lòng ghi lý do."
    assert not _voided(staff, "A-001")
    assert staff.audit_actions() == before

    staff.tap(panel.cancel_button)  # "Không, quay lại"
    assert page.stack.currentWidget() is page.scroll_area
    assert not _voided(staff, "A-001")
    assert not page.notice.isVisible()


def test_huy_so_by_the_number_typed(staff: StaffDriver) -> None:
    staff.services.desk.take("B")
    staff.unlock()
    page = staff.tickets()
    staff.focus(page.number_field)
    staff.type_keys("b-001")

    staff.tap(page.void_typed_button)
    assert page.reason_panel.heading.text() == "Hủy số B-001?"
    staff.focus(page.reason_panel.field)
    staff.type_keys("cong dan bo ve")
    staff.tap(staff.window.keyboard.enter_button)

    assert page.notice.text() == "Đã hủy số B-001."
    assert _voided(staff, "B-001")


def test_the_list_follows_tickets_issued_meanwhile(staff: StaffDriver) -> None:
    staff.services.desk.take("A")
    staff.unlock()
    page = staff.tickets()
    assert len(page.rows) == 1

    staff.services.desk.take("B")  # a citizen at another screen of this kiosk's core

    assert [row.ticket.label for row in page.rows] == ["B-001", "A-001"]


def test_once_staff_locked_the_page_is_gone_and_its_grant_refused(staff: StaffDriver) -> None:
    staff.services.desk.take("A")
    staff.unlock()
    grant = staff.window.visit.staff
    page = staff.tickets()
    assert isinstance(page, TicketsPage)

    staff.tap(page.lock_button)

    assert staff.window.current_screen() == "home"
    assert staff.staff_screens() == []
    with pytest.raises(StaffGrantRevokedError):
        staff.services.desk.reprint(grant, "A-001")
    assert len(staff.printouts()) == 1
