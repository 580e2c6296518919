"""The UI's paths to a log hold nothing a citizen typed: Qt's text and font messages, and
the exception hook with a database error mid-submit. And the app runs the privacy
purge as soon as its services are open, with or without a server."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLoggingCategory, qCWarning, qWarning
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk.config import Settings
from kiosk.logs import LOG_TAIL, configure_logging
from kiosk.logs.setup import LOG_FILE_NAME
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from kiosk.startup import RunOptions, prepare
from tests.core.privacy.conftest import submit_planted
from tests.core.privacy.planted import NAME, NO_GLYPH, hits
from ui.app import _open_services
from ui.errors import ExceptionHook, route_qt_messages
from ui.main_window import KioskWindow


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    configure_logging(folder, "DEBUG")
    LOG_TAIL.clear()
    yield folder
    configure_logging(None, "WARNING")


def logged(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_qt_text_and_font_messages_are_logged_without_the_text(log_dir: Path) -> None:
    restore = route_qt_messages()
    try:
        qCWarning(QLoggingCategory("qt.text.font.db"), f"no font for {NAME}")
        qWarning(f"QFont: no glyph for '{NO_GLYPH}' in \"{NAME}\"")
        qCWarning(QLoggingCategory("qt.qpa.input"), "xinput device 3 added")
    finally:
        restore()

    text_logged = logged(log_dir)
    assert hits(text_logged.encode()) == []
    assert hits("\n".join(LOG_TAIL.lines()).encode()) == []
    assert "kiosk.qt: qt.text.font.db: message withheld" in text_logged
    assert "kiosk.qt: default: message withheld" in text_logged
    # Other messages keep their words: IT need them.
    assert "kiosk.qt: qt.qpa.input: xinput device 3 added" in text_logged


def test_a_database_error_mid_submit_reaches_the_log_without_the_answers(
    qtbot: QtBot, services: KioskServices, log_dir: Path
) -> None:
    with services.db.transaction() as session:
        session.execute(
            text(
                "CREATE TRIGGER declaration_refused BEFORE INSERT ON declarations "
                "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
            )
        )
    hook = ExceptionHook()
    with pytest.raises(IntegrityError) as failed:
        submit_planted(services)
    with qtbot.waitSignal(hook.crashed, timeout=1000):
        hook.handle(failed.type, failed.value, failed.tb)

    text_logged = logged(log_dir)
    assert "ERROR   kiosk.ui: unexpected error: IntegrityError" in text_logged
    assert "disk I/O error" in text_logged
    assert hits(text_logged.encode()) == []
    assert hits("\n".join(LOG_TAIL.lines()).encode()) == []


def test_the_app_purges_what_is_due_once_its_services_open(
    qtbot: QtBot, tmp_path: Path, synchronous_ops: None
) -> None:
    data = tmp_path / "data"
    eight_days_ago = datetime.now(UTC) - timedelta(days=8)
    earlier = KioskServices(Settings(), prepare_data_dir(data), clock=lambda: eight_days_ago)
    earlier.open()
    try:
        reference = submit_planted(earlier).reference
    finally:
        earlier.close()
    stale = data / "printouts" / "20250101-000000-checklist-1.001193.png"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"png")
    os.utime(stale, (eight_days_ago.timestamp(), eight_days_ago.timestamp()))

    context = prepare(RunOptions(data_dir=data))
    window = KioskWindow(context.settings)
    qtbot.addWidget(window)
    holder: list[KioskServices] = []
    _open_services(context, window, holder)
    try:
        (services,) = holder
        grant = services.staff.grant_for_command_line()
        assert services.declarations.lookup(grant, reference).purged_at is not None
        assert not stale.exists()
        assert services.audit.recent(3)[1].action == "privacy.purge"
    finally:
        for opened in holder:
            opened.close()
        configure_logging(None, "WARNING")
