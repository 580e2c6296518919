"""Personal data is sealed in its columns: readable through every query, useless moved."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import func, insert, select, update

from kiosk.crypto import DataKeyUnavailableError
from kiosk.crypto.cipher import FieldCipher
from kiosk.crypto.errors import DataUnreadableError
from kiosk.db import Database
from kiosk.db.models import Account, Declaration, OutboxEntry
from kiosk.db.sealed import UnboundValueError, Unreadable, attached_cipher, bind_rows
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form
from tests.core.sync.helpers import ANSWERS, add_account, add_declaration, declaration, outbox_rows

#: Where a sealed value lives: table, column, and the column naming its row.
ANSWERS_COLUMN = ("declarations", "answers", "id")
DATA_COLUMN = ("accounts", "data", "id")
PAYLOAD_COLUMN = ("outbox", "payload", "entry_id")


def _raw(kiosk: KioskServices, place: tuple[str, str, str], row: uuid.UUID) -> str:
    table, column, key = place
    with kiosk.db.engine.connect() as connection:
        value = connection.exec_driver_sql(
            f"SELECT {column} FROM {table} WHERE {key} = ?", (row.hex,)
        ).scalar()
    assert isinstance(value, str)
    return value


def _put_raw(kiosk: KioskServices, place: tuple[str, str, str], row: uuid.UUID, text: str) -> None:
    table, column, key = place
    with kiosk.db.engine.begin() as connection:
        connection.exec_driver_sql(
            f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (text, row.hex)
        )


def _file_bytes(kiosk: KioskServices) -> bytes:
    path = kiosk.paths.database
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(file.read_bytes() for file in files if file.exists())


def test_answers_and_payloads_read_back_as_written_and_are_stored_sealed(
    services: KioskServices,
) -> None:
    declaration_id = add_declaration(services, 1)
    account_id = add_account(services)

    assert declaration(services, declaration_id).answers == ANSWERS
    entry = outbox_rows(services)[0]
    assert entry.payload["answers"] == ANSWERS
    with services.db.transaction() as session:
        # A Core select of the column opens it too, not only the ORM.
        assert (
            session.scalar(select(Declaration.answers).where(Declaration.id == declaration_id))
            == ANSWERS
        )
        assert session.scalar(select(Account.data).where(Account.id == account_id))["phone"] == (
            "0987654321"
        )
    key_id = services.db.data_key.key_id
    stored = _raw(services, ANSWERS_COLUMN, declaration_id)
    assert stored.startswith(f"mck1.{key_id}.r.")
    payload = _raw(services, PAYLOAD_COLUMN, entry.entry_id)
    assert payload.startswith(f"mck1.{key_id}.r.")
    data = _file_bytes(services)
    # Not the phone number: the bundled forms print that very number as an example.
    for value in (ANSWERS["full_name"], ANSWERS["id_number"], "Trần Thị Bình"):
        assert value.encode() not in data
        assert json.dumps(value).encode() not in data


def test_a_changed_byte_reads_as_unreadable_never_as_garbage(services: KioskServices) -> None:
    services.staff.set_pin("246810")
    grant = services.staff.unlock("246810")
    form = sample_form()
    filed = services.declarations.submit(form, PROCEDURE_CODE, sample_answers(), consent=AGREED)
    stored = _raw(services, ANSWERS_COLUMN, filed.id)
    flipped = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]
    _put_raw(services, ANSWERS_COLUMN, filed.id, flipped)

    answers = declaration(services, filed.id).answers
    assert isinstance(answers, Unreadable)
    assert (answers.problem, dict(answers)) == ("tampered", {})
    assert answers != {}, "never mistaken for answers left empty"
    shown = services.declarations.lookup(grant, filed.reference)
    assert isinstance(shown.answers, Unreadable)
    with pytest.raises(DataUnreadableError) as refused:
        services.declarations.pdf(filed.reference)
    assert filed.reference in refused.value.message.render()


def test_a_value_moved_to_another_row_or_column_does_not_open(services: KioskServices) -> None:
    first, second = add_declaration(services, 1), add_declaration(services, 2)
    first_answers = _raw(services, ANSWERS_COLUMN, first)
    _put_raw(services, ANSWERS_COLUMN, second, first_answers)
    # Into another column of a row with the same id: the column is bound too.
    account_id = add_account(services)
    _put_raw(services, DATA_COLUMN, account_id, first_answers)

    moved = declaration(services, second).answers
    assert isinstance(moved, Unreadable)
    assert moved.problem == "tampered"
    assert declaration(services, first).answers == ANSWERS
    with services.db.transaction() as session:
        found = session.get(Account, account_id)
        assert found is not None
        assert isinstance(found.data, Unreadable)


def test_a_bulk_update_may_blank_values_but_not_write_personal_data(
    services: KioskServices,
) -> None:
    declaration_id = add_declaration(services, 1)
    with pytest.raises(UnboundValueError), services.db.transaction() as session:
        session.execute(update(Declaration).values(answers={"full_name": "Lê Văn Tám"}))
    assert declaration(services, declaration_id).answers == ANSWERS, "rolled back whole"

    with services.db.transaction() as session:
        session.execute(update(Declaration).values(answers={}))

    assert declaration(services, declaration_id).answers == {}
    assert _raw(services, ANSWERS_COLUMN, declaration_id).split(".")[2] == "c"


def test_a_column_bound_value_with_content_is_refused(services: KioskServices) -> None:
    declaration_id = add_declaration(services, 1)
    cipher = attached_cipher(services.db.engine)
    assert isinstance(cipher, FieldCipher)
    forged = cipher.seal(json.dumps(ANSWERS).encode(), "dossiers.answers", None)
    _put_raw(services, ANSWERS_COLUMN, declaration_id, forged)

    found = declaration(services, declaration_id).answers
    assert isinstance(found, Unreadable)
    assert found.problem == "tampered"


def test_clear_text_planted_after_sealing_is_not_trusted(services: KioskServices) -> None:
    declaration_id = add_declaration(services, 1)
    _put_raw(services, ANSWERS_COLUMN, declaration_id, '{"full_name": "Kẻ Mạo"}')

    found = declaration(services, declaration_id).answers
    assert isinstance(found, Unreadable)
    assert found.problem == "not_sealed"


def test_bulk_inserts_bind_each_row_with_bind_rows(services: KioskServices) -> None:
    now = services.clock()
    rows = [
        {
            "id": uuid.uuid4(),
            "reference": f"HS-1-250310-{number:04d}",
            "procedure_code": "1.001193",
            "form_id": "khai-sinh",
            "form_version": 1,
            "answers": {**ANSWERS, "full_name": f"Công dân {number}"},
            "status": "submitted",
            "created_at": now,
        }
        for number in (1, 2)
    ]
    with pytest.raises(UnboundValueError), services.db.transaction() as session:
        session.execute(insert(Declaration), rows)

    with services.db.transaction() as session:
        session.execute(insert(Declaration), bind_rows(Declaration, rows))

    for row in rows:
        assert declaration(services, row["id"]).answers == row["answers"]


def test_without_a_key_nothing_personal_is_stored(services: KioskServices) -> None:
    # A database opened without a key store, as a tool that never touches personal data.
    keyless = Database(services.paths.database)
    keyless.open()
    try:
        assert keyless.data_key.state == "not_asked"
        with pytest.raises(DataKeyUnavailableError) as refused, keyless.transaction() as session:
            session.add(
                OutboxEntry(
                    entity_type="account",
                    entity_id=uuid.uuid4(),
                    operation="create",
                    payload={"full_name": "Nguyễn Văn An"},
                    created_at=services.clock(),
                )
            )
        assert "chưa được lưu" in refused.value.message.render()
        with keyless.transaction() as session:
            assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    finally:
        keyless.close()
