"""The home screen's online badge follows the sync worker; the app starts and stops it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.logs import configure_logging
from kiosk.services import KioskServices
from kiosk.startup import RunOptions, prepare
from tests.centre_server import CentreServer
from tests.ui.sync_driver import WAIT_MS, enrolled_window, sync_threads
from ui.app import _open_services
from ui.main_window import KioskWindow
from ui.sync import SyncBridge

ONLINE = "● Đã kết nối mạng"
OFFLINE = "● Kiosk vẫn hoạt động khi mất mạng"


def test_the_badge_goes_offline_when_the_server_goes_and_online_when_it_is_back(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    centre_server: CentreServer,
    start_sync: Callable[..., SyncBridge],
) -> None:
    window = enrolled_window(kiosk_factory, centre_server)
    home = window.home
    # Timed passes come often here, so the worker notices the server leave; back-off
    # is "never", so only the health probe can bring the kiosk back.
    start_sync(window, interval_s=0.2, probe_interval_s=0.05)
    qtbot.waitUntil(lambda: home.status.text() == ONLINE, timeout=WAIT_MS)
    assert home.status.property("online") == "true"

    centre_server.stop()
    qtbot.waitUntil(lambda: home.status.text() == OFFLINE, timeout=WAIT_MS)
    assert home.status.property("online") == "false"

    centre_server.start()
    qtbot.waitUntil(lambda: home.status.text() == ONLINE, timeout=WAIT_MS)


def test_the_badge_says_connecting_until_the_first_answer(window: KioskWindow) -> None:
    home = window.home
    assert home.status.text() == OFFLINE
    home.set_connecting(True)
    assert home.status.text() == "● Đang kết nối…"
    window.set_online(True)
    assert home.status.text() == ONLINE
    home.set_connecting(False)
    window.set_online(False)
    assert home.status.text() == OFFLINE


def test_the_app_starts_the_worker_once_the_services_open_and_the_window_stops_it(
    qtbot: QtBot, tmp_path: Path, centre_server: CentreServer, synchronous_ops: None
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'server_url = "{centre_server.url}"\n', encoding="utf-8")
    context = prepare(RunOptions(config=config, data_dir=tmp_path / "data"))
    it = KioskServices(context.settings, context.paths)  # IT enrols it once
    it.open()
    it.sync.enrol(centre_server.code())
    it.close()
    window = KioskWindow(context.settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    holder: list[KioskServices] = []
    try:
        _open_services(context, window, holder)

        bridge = window.sync()
        assert bridge is not None
        assert bridge.running
        qtbot.waitUntil(lambda: window.home.status.text() == ONLINE, timeout=WAIT_MS)
        assert window.close()
        assert not bridge.running
        assert sync_threads() == []
    finally:
        bridge = window.sync()
        if bridge is not None:
            bridge.close()
        for services in holder:
            services.close()
        configure_logging(None, "WARNING")
