"""``python -m kiosk outbox list|retry|discard``: IT resolve refused uploads from a shell."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import Settings
from kiosk.db.models import Declaration, OutboxEntry
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.consent import AGREED

KioskCli = Callable[..., subprocess.CompletedProcess[str]]
REFUSED_AT = datetime(2025, 3, 10, 3, 0, tzinfo=UTC)
REASON = "payload does not match DossierCreate at $.procedure_code"
#: What the citizen entered, which no listing may show.
PERSONAL = ("Nguyễn Thị Ánh", "Trần Minh Khôi", "001194012345")


@contextmanager
def _kiosk(tmp_path: Path) -> Iterator[KioskServices]:
    """The services of the kiosk whose data folder the command line uses."""
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        yield services
    finally:
        services.close()


def _refuse_all(services: KioskServices) -> None:
    """The server refused every entry, as a sync pass records it."""
    with services.db.transaction() as session:
        session.execute(
            update(OutboxEntry).values(rejected_at=REFUSED_AT, last_error=REASON, attempts=1)
        )


@pytest.fixture
def reference(fresh_kiosk_env: dict[str, str], tmp_path: Path) -> str:
    """A saved declaration whose upload the server refused (outbox entry 1)."""
    with _kiosk(tmp_path) as services:
        form = services.forms.get(FORM_ID)
        submitted = services.declarations.submit(
            form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED
        )
        _refuse_all(services)
    return submitted.reference


def test_list_shows_what_was_refused_and_why_and_nothing_entered(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str
) -> None:
    listed = kiosk_cli("outbox", "list", "--json", env=fresh_kiosk_env)
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert datetime.fromisoformat(entry.pop("created_at")) < datetime.now(UTC)
    assert entry == {
        "id": 1,
        "entity_type": "dossier",
        "operation": "create",
        "subject": reference,
        "refused_at": REFUSED_AT.isoformat(),
        "reason": REASON,
        "attempts": 1,
    }
    text = kiosk_cli("outbox", "list", env=fresh_kiosk_env)
    assert text.returncode == 0, text.stderr
    assert f"1  declaration {reference}  refused 10/03/2025 10:00: {REASON}" in text.stdout
    for personal in PERSONAL:
        assert personal not in listed.stdout + text.stdout


def test_retry_puts_it_back_in_line_and_says_so(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str, tmp_path: Path
) -> None:
    retried = kiosk_cli("outbox", "retry", "1", env=fresh_kiosk_env)
    assert retried.returncode == 0, retried.stderr
    assert f"declaration {reference}: will be sent again" in retried.stdout
    assert kiosk_cli("outbox", "list", env=fresh_kiosk_env).stdout == "No refused entries.\n"
    with _kiosk(tmp_path) as services:
        status = services.sync.status()
        newest = services.audit.recent(1)[0]
    assert (status.pending, status.rejected) == (1, 0)
    assert (newest.actor, newest.action) == ("it", "outbox.retry")


def test_discard_removes_the_answers_and_keeps_the_facts(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str, tmp_path: Path
) -> None:
    result = kiosk_cli(
        "outbox", "discard", "1", "--reason", "công dân nộp lại tại quầy", env=fresh_kiosk_env
    )
    assert result.returncode == 0, result.stderr
    assert "personal data was removed" in result.stdout
    with _kiosk(tmp_path) as services:
        with services.db.transaction() as session:
            stored = session.scalars(select(Declaration)).one()
            entry = session.scalars(select(OutboxEntry)).one()
            facts = (stored.reference, stored.form_id, stored.answers, stored.purged_at is None)
            payload = dict(entry.payload)
        newest = services.audit.recent(1)[0]
    assert facts == (reference, FORM_ID, {}, False)
    assert "answers" not in payload
    assert payload["reference"] == reference
    assert (newest.actor, newest.action, newest.detail["reason"]) == (
        "it",
        "outbox.discard",
        "công dân nộp lại tại quầy",
    )
    shown = kiosk_cli("declaration", "show", reference, "--json", env=fresh_kiosk_env)
    assert json.loads(shown.stdout)["outbox"]["status"] == "discarded"


def test_an_unknown_entry_or_a_missing_reason_exits_2(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str
) -> None:
    unknown = kiosk_cli("outbox", "retry", "99", env=fresh_kiosk_env)
    assert unknown.returncode == 2
    assert "Không có mục số 99" in unknown.stderr
    blank = kiosk_cli("outbox", "discard", "1", "--reason", " ", env=fresh_kiosk_env)
    assert blank.returncode == 2
    assert "Vui lòng ghi lý do." in blank.stderr
    no_reason = kiosk_cli("outbox", "discard", "1", env=fresh_kiosk_env)
    assert no_reason.returncode == 2
    assert "--reason" in no_reason.stderr
    not_a_number = kiosk_cli("outbox", "retry", "one", env=fresh_kiosk_env)
    assert not_a_number.returncode == 2
    # Nothing was changed by any of them.
    listed = kiosk_cli("outbox", "list", "--json", env=fresh_kiosk_env)
    assert [entry["subject"] for entry in json.loads(listed.stdout)] == [reference]
