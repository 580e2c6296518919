"""The staff screen's "Đồng bộ ngay" says what it did: a pass running, no server, a
server that is down (and when the kiosk tries again), done. Against the real centre
server on loopback.

The worker's own timings are "never" (``tests.ui.sync_driver``): only the tap starts a
pass, and the test waits for what the staff screen says, never for a time.
"""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kiosk.sync.api import SyncStatus
from tests.centre_server import CentreServer
from tests.conftest import STAFF_PIN
from tests.ui.staff.conftest import StaffDriver
from tests.ui.sync_driver import WAIT_MS, enrolled_window, pass_finished
from ui.main_window import KioskWindow
from ui.screens.staff.widgets import Tone
from ui.sync import SyncBridge

RUNNING = "Đang đồng bộ với máy chủ của trung tâm…"


def _staff(qtbot: QtBot, window: KioskWindow) -> StaffDriver:
    window.services().staff.set_pin(STAFF_PIN)
    return StaffDriver(qtbot, window)


def _said_while_syncing(bridge: SyncBridge, staff: StaffDriver) -> list[str]:
    """What the outcome line said after each status the worker reported from now on."""
    said: list[str] = []

    def heard(_: SyncStatus) -> None:
        said.append(staff.hub.sync_notice.text())

    bridge.status_changed.connect(heard)  # after the staff screen's own connection
    return said


def test_without_a_server_staff_are_told_the_kiosk_is_not_connected(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = kiosk_factory()  # the embedded default: no server_url
    start_sync(window)
    staff = _staff(qtbot, window)
    hub = staff.unlock()
    assert not hub.sync_notice.isVisible()  # nothing asked yet

    staff.tap(hub.sync_now_button)

    assert hub.sync_notice.tone == Tone.FAILED
    assert hub.sync_notice.text() == (
        "Kiosk chưa kết nối máy chủ của trung tâm nên không đồng bộ được. Tờ khai và phiếu vẫn "
        "được lưu trên kiosk; vui lòng báo bộ phận CNTT."
    )
    assert "staff.sync_now" in staff.audit_actions()


def test_a_server_that_is_down_is_said_plainly_with_the_next_try(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    centre_server: CentreServer,
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = enrolled_window(kiosk_factory, centre_server)
    centre_server.stop()
    bridge = start_sync(window)
    qtbot.waitUntil(lambda: pass_finished(bridge), timeout=WAIT_MS)
    staff = _staff(qtbot, window)
    hub = staff.unlock()
    said = _said_while_syncing(bridge, staff)

    staff.tap(hub.sync_now_button)

    qtbot.waitUntil(lambda: hub.sync_notice.tone == Tone.FAILED, timeout=WAIT_MS)
    # The worker never tries by itself in this test: its next pass is an hour away.
    assert hub.sync_notice.text() == (
        "Không kết nối được máy chủ của trung tâm (mất mạng hoặc máy chủ đang tắt). "
        "Kiosk sẽ tự thử lại lúc 10:05."
    )
    assert said[0] == RUNNING
    assert said[-1] == hub.sync_notice.text()


def test_a_pass_that_reaches_the_server_says_it_is_done(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    centre_server: CentreServer,
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = enrolled_window(kiosk_factory, centre_server)
    bridge = start_sync(window)
    qtbot.waitUntil(lambda: pass_finished(bridge), timeout=WAIT_MS)
    staff = _staff(qtbot, window)
    hub = staff.unlock()
    said = _said_while_syncing(bridge, staff)

    staff.tap(hub.sync_now_button)

    qtbot.waitUntil(lambda: hub.sync_notice.tone == Tone.OK, timeout=WAIT_MS)
    assert hub.sync_notice.text() == "Đồng bộ xong lúc 09:05."
    assert RUNNING in said
    assert hub.sync_panel.pending.text() == "0"
