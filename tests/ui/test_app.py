"""Starting the kiosk: clear messages on bad config, data folder or database; fast paint."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.config import Settings
from kiosk.logs import configure_logging
from kiosk.paths import PROJECT_ROOT
from kiosk.services import KioskServices
from kiosk.startup import RunOptions, prepare
from ui.app import _open_services, main
from ui.main_window import KioskWindow


def test_a_corrupt_config_gives_a_clear_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('idle_timeout_s = "soon"\nnot toml at all [', encoding="utf-8")
    assert main(["--config", str(config), "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Tệp cấu hình không hợp lệ:")
    assert "The configuration file is not valid:" in err
    assert "Traceback" not in err


def test_the_start_up_path_leaves_heavy_modules_for_after_the_first_paint() -> None:
    later = ["sqlalchemy", "alembic", "escpos", "qrcode", "ui.screens.lookup", "ui.keyboard"]
    code = f"import sys, ui.app; print(*[m in sys.modules for m in {later!r}])"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False"] * len(later)


HEAVY_SCREENS = [
    "sqlalchemy",
    "ui.screens.lookup.search",
    "ui.screens.form.screen",
    "ui.screens.queue.choose",
    "ui.screens.staff.screen",
]


def test_a_window_built_in_two_steps_works_like_one(
    qtbot: QtBot, settings_factory: Callable[..., Settings]
) -> None:
    window = KioskWindow(settings_factory(), build_all=False)
    qtbot.addWidget(window)
    window.show()
    assert list(window.screens) == ["home"]
    # A tap that comes before the rest is built builds it first, and only its journey.
    qtbot.mouseClick(window.home.tiles["queue"], Qt.MouseButton.LeftButton)
    assert window.current_screen() == "queue"
    assert set(window.screens) == {"home", "error", "queue", "queue.ticket"}
    window.finish_building()  # what the app calls after the first paint: idempotent
    window.end_visit()
    assert window.current_screen() == "home"
    assert set(window.screens) == {"home", "error"}


def test_the_home_screen_is_built_without_loading_any_journey() -> None:
    """Journeys are found by folder, but their screens load only when a citizen opens one."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from kiosk.config import Settings; from ui.main_window import KioskWindow\n"
        "window = KioskWindow(Settings(), build_all=False)\n"
        "print(sorted(window.home.tiles))\n"
        f"print(*[m in sys.modules for m in {HEAVY_SCREENS!r}])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    tiles, loaded = out.stdout.splitlines()
    assert tiles == "['form', 'lookup', 'queue', 'register']"
    assert loaded.split() == ["False"] * len(HEAVY_SCREENS)


@pytest.mark.slow
def test_benchmark_first_paint_prints_and_exits(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('centre_name = "UBND phường Bến Nghé"\n', encoding="utf-8")
    started = time.monotonic()
    out = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "main.py"),
            "--benchmark-first-paint",
            "--data-dir",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_CONFIG": str(config),
            "PATH": "/usr/bin:/bin",
        },
        check=False,
    )
    assert out.returncode == 0, out.stderr
    kind, stamp = out.stdout.split()
    assert kind == "first-paint"
    assert started < float(stamp) < time.monotonic()


def test_an_unusable_data_folder_gives_a_clear_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me", encoding="utf-8")
    assert main(["--data-dir", str(blocker / "data")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Không ghi được vào thư mục dữ liệu {blocker / 'data'}")
    assert "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_a_database_from_a_newer_kiosk_is_reported_and_left_untouched(
    qtbot: QtBot, tmp_path: Path, synchronous_ops: None
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "kiosk.sqlite3"
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    before = database.read_bytes()

    context = prepare(RunOptions(data_dir=data))
    window = KioskWindow(context.settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    holder: list[KioskServices] = []
    _open_services(context, window, holder)

    assert window.banner.isVisible()
    assert "phiên bản phần mềm mới hơn" in window.banner.label.text()
    assert "9999_from_the_future" in window.banner.label.text()
    assert database.read_bytes() == before
    window.open_staff()
    qtbot.mouseClick(
        window.journey_screen("staff.pin").digit_buttons["1"], Qt.MouseButton.LeftButton
    )
    qtbot.mouseClick(window.journey_screen("staff.pin").ok_button, Qt.MouseButton.LeftButton)
    assert "phiên bản phần mềm mới hơn" in window.journey_screen("staff.pin").message.text()
    for services in holder:
        services.close()
    configure_logging(None, "WARNING")


def test_services_open_after_the_first_paint_and_attach(
    qtbot: QtBot, tmp_path: Path, synchronous_ops: None
) -> None:
    context = prepare(RunOptions(data_dir=tmp_path / "data"))
    window = KioskWindow(context.settings)
    qtbot.addWidget(window)
    holder: list[KioskServices] = []
    _open_services(context, window, holder)
    try:
        assert window.services() is holder[0]
        assert holder[0].catalog.search("khai sinh")[0].code == "1.001193"
    finally:
        for services in holder:
            services.close()
        configure_logging(None, "WARNING")


def test_a_printer_setting_it_cannot_use_is_reported_to_staff(
    qtbot: QtBot, tmp_path: Path, synchronous_ops: None
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('printer = "lpt1"\n', encoding="utf-8")
    context = prepare(RunOptions(config=config, data_dir=tmp_path / "data"))
    window = KioskWindow(context.settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    holder: list[KioskServices] = []
    _open_services(context, window, holder)
    try:
        assert holder == []
        assert "lpt1" in window.banner.label.text()
        window.open_staff()
        qtbot.mouseClick(
            window.journey_screen("staff.pin").digit_buttons["1"], Qt.MouseButton.LeftButton
        )
        qtbot.mouseClick(window.journey_screen("staff.pin").ok_button, Qt.MouseButton.LeftButton)
        assert "lpt1" in window.journey_screen("staff.pin").message.text()
    finally:
        configure_logging(None, "WARNING")
