"""Personal data an older kiosk stored in clear is sealed at the first start with a key."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sqlalchemy import select

from kiosk.crypto import KeyringKeyStore
from kiosk.db import Database
from kiosk.db.datakey import KeyState
from kiosk.db.models import Declaration, OutboxEntry

NAME = "Nguyễn Văn An"
ID_NUMBER = "001203004567"
ANSWERS = {"full_name": NAME, "id_number": ID_NUMBER}


def _plant_plain_rows(path: Path) -> uuid.UUID:
    """A declaration and its outbox entry as a kiosk from before sealing wrote them."""
    older = Database(path)  # no key store: it may not write personal data itself
    older.open()
    declaration_id, entry_id = uuid.uuid4(), uuid.uuid4()
    payload = {"id": str(declaration_id), "reference": "HS-1-250310-0001", "answers": ANSWERS}
    try:
        with older.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO declarations (id, reference, procedure_code, form_id, form_version, "
                "answers, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    declaration_id.hex,
                    "HS-1-250310-0001",
                    "1.001193",
                    "khai-sinh",
                    1,
                    json.dumps(ANSWERS, ensure_ascii=False),
                    "submitted",
                    "2025-03-10 02:00:00.000000",
                ),
            )
            connection.exec_driver_sql(
                "INSERT INTO outbox (entry_id, entity_type, entity_id, operation, payload, "
                "created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    entry_id.hex,
                    "dossier",
                    declaration_id.hex,
                    "create",
                    json.dumps(payload, ensure_ascii=False),
                    "2025-03-10 02:00:00.000000",
                    0,
                ),
            )
        # Without a key, what is in clear still reads as it was written.
        with older.transaction() as session:
            assert session.scalar(select(Declaration.answers)) == ANSWERS
    finally:
        older.close()
    return declaration_id


def _files(path: Path) -> bytes:
    names = (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    return b"".join(file.read_bytes() for file in names if file.exists())


def test_values_in_clear_are_sealed_at_start_up_and_leave_the_files(db_path: Path) -> None:
    declaration_id = _plant_plain_rows(db_path)
    assert NAME.encode() in _files(db_path), "the search finds what is there"

    database = Database(db_path, keys=KeyringKeyStore())
    database.open()
    try:
        status = database.data_key
        assert (status.state, status.sealed_now) == (KeyState.CREATED, 2)
        wal = db_path.with_name(db_path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "the log was folded and truncated"
        data = _files(db_path)
        for value in (NAME, ID_NUMBER):
            assert value.encode() not in data, value
            assert json.dumps(value).encode() not in data, value
        with database.transaction() as session:
            declaration = session.get(Declaration, declaration_id)
            assert declaration is not None
            assert declaration.answers == ANSWERS
            entry = session.scalars(select(OutboxEntry)).one()
            assert entry.payload["answers"] == ANSWERS
    finally:
        database.close()

    again = Database(db_path, keys=KeyringKeyStore())
    again.open()
    try:
        assert (again.data_key.state, again.data_key.sealed_now) == (KeyState.READY, 0)
    finally:
        again.close()
