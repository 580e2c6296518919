"""The staff screen's sync panel, driven like staff do, against the real centre server."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from tests.centre_server import CentreServer
from tests.ui.sync_driver import (
    FIXED_NOW_SHOWN,
    WAIT_MS,
    enrolled_window,
    pass_finished,
    submit_declaration,
    sync_threads,
    tap,
    unlock_staff,
)
from ui.main_window import KioskWindow
from ui.sync import SyncBridge


def staff_actions(window: KioskWindow) -> list[str]:
    return [entry.action for entry in window.services().audit.recent(20)]


def test_sync_now_sends_what_waited_offline_and_shows_the_last_sync(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    centre_server: CentreServer,
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = enrolled_window(kiosk_factory, centre_server)
    services = window.services()
    enrolment = services.sync.enrolment()
    assert enrolment is not None
    # A ticket and a declaration while the centre's network is down...
    services.tickets.issue("A")
    reference = submit_declaration(services)
    centre_server.stop()
    bridge = start_sync(window)
    qtbot.waitUntil(lambda: pass_finished(bridge), timeout=WAIT_MS)
    assert window.home.status.text() == "● Kiosk vẫn hoạt động khi mất mạng"
    services.tickets.issue("B")  # ... and one more after the worker's last pass

    unlock_staff(qtbot, window)
    panel = window.journey_screen("staff").sync_panel
    assert panel.isVisible()
    assert panel.server.text() == centre_server.url
    assert panel.device.text() == str(enrolment.device_id)[:8] + "…"
    assert panel.pending.text() == "3"
    assert panel.rejected.text() == "0"
    assert panel.last_success.text() == "Chưa lần nào"
    assert panel.last_error.text() == "Không kết nối được máy chủ đồng bộ (mất mạng?)."
    assert panel.state.text() == "Ngoại tuyến: không kết nối được máy chủ"
    assert panel.enrolment_warning.isHidden()

    centre_server.start()  # the network is back; staff do not wait for the probe
    tap(qtbot, window.journey_screen("staff").sync_now_button)

    qtbot.waitUntil(lambda: panel.pending.text() == "0", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.last_success.text() == FIXED_NOW_SHOWN, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: pass_finished(bridge), timeout=WAIT_MS)
    assert panel.state.text() == "Trực tuyến"
    assert panel.last_error.text() == "Không có"
    assert panel.catalogue.text() == services.catalog.version()
    assert len(centre_server.received(enrolment.device_id)) == 3
    grant = services.staff.grant_for_command_line()
    assert services.declarations.lookup(grant, reference).status == "received"
    assert "staff.sync_now" in staff_actions(window)
    assert window.home.status.text() == "● Đã kết nối mạng"
    tap(qtbot, window.journey_screen("staff").lock_button)
    assert window.current_screen() == "home"


def test_a_refused_kiosk_says_it_needs_enrolling_until_it_is(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    centre_server: CentreServer,
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = enrolled_window(kiosk_factory, centre_server)
    services = window.services()
    revoked = services.sync.enrolment()
    assert revoked is not None
    centre_server.revoke(revoked.device_id)  # the centre's admin, after a theft scare
    bridge = start_sync(window)
    qtbot.waitUntil(lambda: pass_finished(bridge), timeout=WAIT_MS)

    unlock_staff(qtbot, window)
    panel = window.journey_screen("staff").sync_panel
    assert panel.enrolment_warning.isVisible()
    assert panel.enrolment_warning.text().startswith("Cần đăng ký lại thiết bị")
    assert panel.last_error.text() == (
        "Kiosk cần được đăng ký lại với máy chủ (python -m kiosk enrol)."
    )
    # The server answers, but nothing a citizen submits gets through: not "online".
    assert window.home.status.text() == "● Kiosk vẫn hoạt động khi mất mạng"

    again = services.sync.enrol(centre_server.code())  # IT enrols it again
    tap(qtbot, window.journey_screen("staff").sync_now_button)

    qtbot.waitUntil(panel.enrolment_warning.isHidden, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.state.text() == "Trực tuyến", timeout=WAIT_MS)
    assert panel.device.text() == str(again.device_id)[:8] + "…"
    assert panel.device.text() != str(revoked.device_id)[:8] + "…"
    assert panel.last_error.text() == "Không có"


def test_without_a_server_nothing_runs_and_staff_are_told_so(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = kiosk_factory()  # the embedded default: no server_url, never enrolled
    bridge = start_sync(window)
    window.services().tickets.issue("A")

    assert not bridge.running
    assert sync_threads() == []
    assert window.home.status.text() == "● Kiosk vẫn hoạt động khi mất mạng"
    unlock_staff(qtbot, window)
    panel = window.journey_screen("staff").sync_panel
    assert panel.state.text() == "Ngoại tuyến: kiosk chưa kết nối với máy chủ nào."
    assert panel.server.text() == "Chưa cấu hình"
    assert panel.device.text() == "Chưa đăng ký"
    assert panel.pending.text() == "1"  # kept on the kiosk, waiting for a server
    assert panel.enrolment_warning.isHidden()

    tap(qtbot, window.journey_screen("staff").sync_now_button)

    assert not bridge.running
    assert sync_threads() == []
    assert panel.state.text() == "Ngoại tuyến: kiosk chưa kết nối với máy chủ nào."
    assert "staff.sync_now" in staff_actions(window)


class Pseudo(QTranslator):
    """Stands in for the English translation, whose sync texts are added later."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"EN<{source}>" if context in {"SyncPanel", "Sync"} else ""

    def isEmpty(self) -> bool:  # Qt skips a translator that says it is empty
        return False


def test_the_panel_and_the_servers_error_follow_a_language_switch(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    centre_server: CentreServer,
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = enrolled_window(kiosk_factory, centre_server)
    centre_server.stop()
    bridge = start_sync(window)
    qtbot.waitUntil(lambda: pass_finished(bridge), timeout=WAIT_MS)
    unlock_staff(qtbot, window)
    panel = window.journey_screen("staff").sync_panel
    pseudo = Pseudo()

    QCoreApplication.installTranslator(pseudo)
    try:
        # Qt posts the language change to every window: it arrives on the next events.
        qtbot.waitUntil(lambda: panel.title.text() == "EN<Đồng bộ với máy chủ>")
        assert panel.last_success.text() == "EN<Chưa lần nào>"
        assert panel.last_error.text() == "EN<Không kết nối được máy chủ đồng bộ (mất mạng?).>"
    finally:
        QCoreApplication.removeTranslator(pseudo)
    qtbot.waitUntil(lambda: panel.title.text() == "Đồng bộ với máy chủ")
    assert panel.last_error.text() == "Không kết nối được máy chủ đồng bộ (mất mạng?)."
