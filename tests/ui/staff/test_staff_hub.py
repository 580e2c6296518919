"""The staff screen: the audit log in words, "In thử", leaving kiosk mode, quitting, locking."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from kiosk.errors import StaffGrantRevokedError
from tests.ui.staff.conftest import StaffDriver
from ui.main_window import KioskWindow
from ui.screens.staff.widgets import Tone


class Pseudo(QTranslator):
    """Stands in for the English audit sentences, which the translators add later."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"EN<{source}>" if context == "Audit" else ""

    def isEmpty(self) -> bool:  # Qt skips a translator that says it is empty
        return False


def test_the_audit_log_reads_in_words_newest_first_and_follows_new_entries(
    qtbot: QtBot, staff: StaffDriver
) -> None:
    staff.services.desk.take("A")
    hub = staff.unlock()
    lines = hub.audit_view.toPlainText().splitlines()
    assert lines[0].startswith("10/03 09:05:00  Cán bộ  Mở khóa chế độ")
    assert lines[-1] == "10/03 09:05:00  Bộ phận CNTT  Đặt mã PIN cán bộ mới"

    staff.tap(hub.printer_test_button)  # a staff action, audited by the core

    assert hub.audit_view.toPlainText().splitlines()[0] == (
        "10/03 09:05:00  Cán bộ  In thử máy in phiếu"
    )

    pseudo = Pseudo()
    QCoreApplication.installTranslator(pseudo)
    try:
        # The staff screen reads the log again in the new language (Qt posts the change).
        staff.tap(hub.printer_test_button)
        qtbot.waitUntil(
            lambda: "EN<In thử máy in phiếu>" in hub.audit_view.toPlainText().splitlines()[0]
        )
    finally:
        QCoreApplication.removeTranslator(pseudo)


def test_in_thu_prints_the_test_page_and_says_so(staff: StaffDriver) -> None:
    hub = staff.unlock()

    staff.tap(hub.printer_test_button)

    assert hub.printer_notice.tone == Tone.OK
    assert hub.printer_notice.text() == (
        "Đã in trang thử. Vui lòng xem chữ tiếng Việt có dấu trên giấy có rõ và đúng không."
    )
    (page,) = staff.printouts()
    assert page.name.endswith("-test-page.bin")
    assert hub.printer_test_button.isEnabled()
    newest = staff.services.audit.recent(1)[0]
    assert (newest.action, dict(newest.detail)) == ("printer.test_page", {"printed": True})


def test_in_thu_on_a_printer_that_is_off_says_what_the_printer_said(
    staff_at: Callable[..., StaffDriver], closed_port: int
) -> None:
    staff = staff_at(printer=f"tcp://127.0.0.1:{closed_port}?timeout=0.5")
    hub = staff.unlock()

    staff.tap(hub.printer_test_button)

    assert hub.printer_notice.tone == Tone.FAILED
    assert hub.printer_notice.text() == (
        "Máy in chưa in được trang thử: Máy in chưa sẵn sàng: không kết nối được với máy in. "
        "Vui lòng báo cán bộ."
    )
    newest = staff.services.audit.recent(1)[0]
    assert (newest.action, dict(newest.detail)) == ("printer.test_page", {"printed": False})


def test_kiosk_mode_cannot_be_left_without_staff(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], staff_pin: str
) -> None:
    window = window_factory(kiosk_mode=True)
    staff = StaffDriver(qtbot, window)
    window.present()
    assert window.in_kiosk_mode
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.geometry().contains(window.screen().geometry())  # covers the screen
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert not window.close()
    assert window.isVisible()

    hub = staff.unlock(staff_pin)
    staff.tap(hub.leave_button)

    assert not window.in_kiosk_mode
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert "staff.leave_kiosk_mode" in staff.audit_actions()
    assert window.close()


def test_quit_is_audited_and_asks_the_app_to_quit(qtbot: QtBot, staff: StaffDriver) -> None:
    hub = staff.unlock()
    with qtbot.waitSignal(staff.window.quit_requested, timeout=1000):
        staff.tap(hub.quit_button)
    assert "staff.quit" in staff.audit_actions()


@pytest.mark.parametrize("page", ["staff", "staff.tickets", "staff.declaration", "staff.refused"])
def test_locking_from_any_page_goes_home_drops_every_staff_page_and_the_grant(
    staff: StaffDriver, page: str
) -> None:
    staff.services.desk.take("A")
    staff.unlock()
    grant = staff.window.visit.staff
    staff.window.show_screen(page)
    if staff.window.keyboard.isVisible():  # the reference field asks for it at once
        staff.tap(staff.window.keyboard.hide_button)  # "Ẩn bàn phím": the bar comes back

    staff.tap(staff.window.screens[page].lock_button)  # type: ignore[attr-defined]

    assert staff.window.current_screen() == "home"
    assert staff.window.visit.staff is None
    assert staff.staff_screens() == []
    assert staff.audit_actions()[0] == "staff.lock"
    with pytest.raises(StaffGrantRevokedError):
        staff.services.tickets.recent(grant)
    with pytest.raises(StaffGrantRevokedError):
        staff.services.slips.test_page_for_staff(grant)
    staff.window.open_staff()
    assert staff.window.current_screen() == "staff.pin"


def test_walking_away_locks_staff_mode_too(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], staff_pin: str
) -> None:
    window = window_factory(idle_timeout_s=0.05, idle_warning_s=0.3)
    window.idle.stop()  # staff are busy; the clock starts when they leave
    staff = StaffDriver(qtbot, window)
    staff.unlock(staff_pin)
    grant = window.visit.staff
    staff.tickets()

    with qtbot.waitSignal(window.visit_ended, timeout=5000):
        window.idle.start()  # nobody touches the screen any more

    assert window.current_screen() == "home"
    assert staff.staff_screens() == []
    with pytest.raises(StaffGrantRevokedError):
        staff.services.refused.entries(grant)
