"""A declaration is on disk the moment ``submit`` returns: the process is killed right then."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import msgspec
from sqlalchemy import select

from kiosk.crypto import KeyringKeyStore
from kiosk.db import Database
from kiosk.db.models import Declaration, OutboxEntry
from kiosk.paths import PROJECT_ROOT
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers
from wire import protocol

#: Submits one declaration, says so at once, then waits to be killed.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from kiosk.config import Settings
    from kiosk.paths import prepare_data_dir
    from kiosk.services import KioskServices
    from tests.consent import AGREED
    from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form

    services = KioskServices(Settings(), prepare_data_dir(Path(sys.argv[1])))
    services.open()
    submitted = services.declarations.submit(
        sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
    )
    print("submitted", submitted.id, submitted.reference, flush=True)
    sys.stdin.read()
    """
)


def test_a_declaration_survives_the_process_being_killed_as_submit_returns(
    tmp_path: Path, shared_keyring: Path
) -> None:
    data_dir = tmp_path / "kiosk"
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        text=True,
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        line = child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        stderr = child.stderr.read()
    assert line.startswith("submitted "), stderr
    _, declaration_id, reference = line.split()
    assert child.returncode == -signal.SIGKILL

    database = Database(data_dir / "kiosk.sqlite3", keys=KeyringKeyStore())
    database.open()
    try:
        with database.transaction() as session:
            declaration = session.get(Declaration, uuid.UUID(declaration_id))
            entry = session.scalars(
                select(OutboxEntry).where(OutboxEntry.entity_id == uuid.UUID(declaration_id))
            ).one()
    finally:
        database.close()
    assert declaration is not None
    assert declaration.reference == reference
    assert declaration.procedure_code == PROCEDURE_CODE
    assert declaration.answers == sample_answers()
    assert (entry.entity_type, entry.operation, entry.acknowledged_at) == (
        "dossier",
        "create",
        None,
    )
    sent = protocol.decode(msgspec.json.encode(entry.payload), protocol.DossierCreate)
    assert (sent.id, sent.reference, sent.answers) == (
        declaration.id,
        reference,
        declaration.answers,
    )
