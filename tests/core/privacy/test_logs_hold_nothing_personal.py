"""Nothing a citizen typed reaches a log: planted details through every journey and every
error path the core has, then the log files and the in-memory tail searched for them.

The UI's paths (the exception hook, Qt's font messages) are in
``tests/ui/test_privacy_logs.py``.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk.declarations.errors import DeclarationIncompleteError
from kiosk.logs import LOG_TAIL, configure_logging
from kiosk.logs.setup import LOG_FILE_NAME
from kiosk.printing.errors import PrinterError
from kiosk.printing.service import PrintService
from kiosk.services import KioskServices
from tests.core.conftest import FakeClock
from tests.core.privacy.conftest import MakeKiosk, submit_planted
from tests.core.privacy.planted import ID_NUMBER, NAME, NO_GLYPH, SECRETS, hits
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import outbox_rows


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    """Logging as the kiosk sets it up, at its most talkative level, into ``tmp_path``."""
    folder = tmp_path / "logs"
    configure_logging(folder, "DEBUG")
    LOG_TAIL.clear()
    yield folder
    configure_logging(None, "WARNING")


@pytest.fixture
def double() -> Iterator[ProtocolDouble]:
    server = ProtocolDouble()
    server.start()
    yield server
    server.stop()


def logged_secrets(folder: Path) -> list[str]:
    """The planted details found in the log files or the staff screen's tail."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    data = b"".join(path.read_bytes() for path in folder.glob(f"{LOG_FILE_NAME}*"))
    tail = "\n".join(LOG_TAIL.lines()).encode("utf-8")
    return hits(data) + hits(tail)


def log_text(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_a_day_at_the_kiosk_logs_references_never_values(
    kiosk: KioskServices, clock: FakeClock, logged: Path, closed_port: int
) -> None:
    grant = kiosk.staff.grant_for_command_line()
    submitted = submit_planted(kiosk)
    kiosk.slips.receipt(submitted.reference)
    kiosk.declarations.lookup(grant, submitted.reference)
    # The bundled font lacks the planted characters: fpdf2 warns, naming them.
    pdf = kiosk.declarations.form_pdf(grant, submitted.reference)
    assert pdf.startswith(b"%PDF")
    # A printer that is not there, for the receipt.
    broken = PrintService(f"tcp://127.0.0.1:{closed_port}", kiosk.paths.printouts)
    with pytest.raises(PrinterError):
        broken.send(broken.job(kiosk.declarations.receipt(submitted.reference)))
    # A form the checks refuse: its messages name fields, never what was typed.
    with pytest.raises(DeclarationIncompleteError) as refused:
        submit_planted(kiosk, id_number=ID_NUMBER[:-1], email="not an e-mail " + NAME)
    logging.getLogger("kiosk.ui").warning("form refused", exc_info=refused.value)
    clock.advance(timedelta(days=7))
    assert kiosk.privacy.purge_due().declarations == 1

    assert logged_secrets(logged) == []
    text_logged = log_text(logged)
    assert f"declaration {submitted.reference} submitted" in text_logged
    assert "is missing the following glyphs: %s" in text_logged  # the wording, not the letters
    assert "printing receipt-" in text_logged
    assert "DeclarationIncompleteError" in text_logged
    assert "purged personal data: 1 declarations" in text_logged


def test_a_database_error_mid_submit_is_logged_without_the_answers(
    kiosk: KioskServices, logged: Path
) -> None:
    with kiosk.db.transaction() as session:
        session.execute(
            text(
                "CREATE TRIGGER outbox_full BEFORE INSERT ON outbox "
                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
            )
        )
    with pytest.raises(IntegrityError) as failed:
        submit_planted(kiosk)
    # What the exception hook does with a bug (ui.errors.ExceptionHook.handle).
    logging.getLogger("kiosk.ui").error(
        "unexpected error: %s", "IntegrityError", exc_info=failed.value
    )

    assert logged_secrets(logged) == []
    text_logged = log_text(logged)
    assert "database or disk is full" in text_logged  # SQLite's own words stay
    assert "[SQL: INSERT INTO outbox" in text_logged
    assert "parameters hidden" in text_logged


def test_sqlalchemy_keeps_a_failed_statements_parameters_out_of_its_message(
    kiosk: KioskServices,
) -> None:
    with pytest.raises(IntegrityError) as failed, kiosk.db.transaction() as session:
        session.execute(
            text("INSERT INTO sync_state (key, value) VALUES (:key, :value)"),
            {"key": None, "value": NAME},
        )
    assert NAME not in str(failed.value)
    assert "hide_parameters=True" in str(failed.value)


def test_an_exception_quoting_a_value_keeps_its_frames_not_its_message(logged: Path) -> None:
    try:
        int(NAME)
    except ValueError:
        logging.getLogger("kiosk.forms").exception("parsing failed")
    try:
        {"full_name": 1}[NO_GLYPH]
    except KeyError:
        logging.getLogger("kiosk.forms").exception("lookup failed")

    assert logged_secrets(logged) == []
    text_logged = log_text(logged)
    assert "ValueError: [message withheld: it may quote personal data]" in text_logged
    assert "KeyError: [message withheld" in text_logged
    assert "int(NAME)" in text_logged  # the line of code, which names no value


def test_a_server_that_quotes_a_value_in_its_refusal_is_not_echoed(
    make_kiosk: MakeKiosk, double: ProtocolDouble, logged: Path
) -> None:
    kiosk = make_kiosk(server_url=double.url)
    kiosk.sync.enrol(double.add_code())
    submit_planted(kiosk)
    (entry,) = outbox_rows(kiosk)
    double.refuse_entries[entry.entry_id] = f"$.answers.full_name: '{NAME}' ({ID_NUMBER})"

    report = kiosk.sync.sync_once()

    assert report.push.rejected == 1
    assert logged_secrets(logged) == []
    assert f"outbox entry {entry.sequence} (dossier/create) refused for good" in log_text(logged)


def test_the_search_finds_each_detail_however_a_file_stores_it() -> None:
    """The search itself: a log that did hold a detail would fail the tests above."""
    for secret in SECRETS:
        for stored in (
            secret.encode("utf-8"),
            json.dumps(secret).encode("ascii"),
            json.dumps(unicodedata.normalize("NFD", secret)).encode("ascii"),
            secret.encode("utf-16-le"),
        ):
            assert hits(b"<" + stored + b">") == [secret]
