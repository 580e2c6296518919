"""The local database: pragmas, transactions, and refusing files it must not touch."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from kiosk.bundled_data import load_bundled_data
from kiosk.catalog import BUNDLED_CATALOGUE
from kiosk.db import Database, create_kiosk_engine
from kiosk.db.datakey import DATA_KEY_ID
from kiosk.db.migrate import head_revision
from kiosk.db.models import AuditRecord, Declaration, FormDefinition, Procedure, SyncState
from kiosk.errors import DatabaseError, DatabaseTooNewError
from kiosk.forms.library import BUNDLED_FORMS_DIR
from wire.catalogue_files import read_catalogue_file


def test_every_pragma_is_in_force_on_a_fresh_connection(tmp_path: Path) -> None:
    engine = create_kiosk_engine(tmp_path / "k.sqlite3")
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 5000
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        engine.dispose()


def test_construction_touches_no_disk(tmp_path: Path) -> None:
    database = Database(tmp_path / "not" / "yet" / "kiosk.sqlite3")
    assert not database.is_open
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(RuntimeError):
        _ = database.engine


def test_open_creates_folder_and_schema_and_stores_no_catalogue(db_path: Path) -> None:
    database = Database(db_path)
    database.open()
    try:
        assert database.is_open
        assert db_path.is_file()
        with database.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == head_revision()
        with database.transaction() as session:
            # The demo data is the services' start-up, a layer above the storage.
            assert session.scalar(select(func.count()).select_from(Procedure)) == 0
            assert session.scalar(select(func.count()).select_from(FormDefinition)) == 0
    finally:
        database.close()
    assert not database.is_open


def test_start_up_stores_the_demo_data_once_however_often_it_runs(db_path: Path) -> None:
    for _ in range(3):
        database = Database(db_path)
        database.open()
        database.open()  # opening an open database does nothing
        load_bundled_data(database)
        load_bundled_data(database)
        with database.transaction() as session:
            count = session.scalar(select(func.count()).select_from(Procedure))
            forms = session.scalar(select(func.count()).select_from(FormDefinition))
        database.close()
    assert count == len(read_catalogue_file(BUNDLED_CATALOGUE).procedures)
    assert forms == len(list(BUNDLED_FORMS_DIR.glob("*.json")))


def test_transaction_commits_on_success(db: Database) -> None:
    with db.transaction() as session:
        session.add(SyncState(key="cursor", value="42"))
    with db.transaction() as session:
        assert session.get(SyncState, "cursor") is not None


def test_transaction_rolls_back_on_error(db: Database) -> None:
    def action_that_fails() -> None:
        with db.transaction() as session:
            session.add(SyncState(key="cursor", value="42"))
            session.flush()
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        action_that_fails()
    with db.transaction() as session:
        assert session.get(SyncState, "cursor") is None


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as session:
        session.add(
            Procedure(
                code="9.999999",
                name="x",
                levels="xa",
                field_code="no-such-field",
                online="khong",
                body="{}",
            )
        )


def test_datetimes_read_back_aware_in_utc(db: Database) -> None:
    hanoi = timezone(timedelta(hours=7))
    written = datetime(2025, 3, 10, 9, 30, tzinfo=hanoi)
    with db.transaction() as session:
        session.add(AuditRecord(at=written, actor="it", action="test.write", detail={}))
    with db.transaction() as session:
        read = session.scalars(select(AuditRecord.at)).one()
    assert read == written
    assert read.tzinfo is UTC
    assert read.hour == 2


def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive"), db.transaction() as session:
        session.add(AuditRecord(at=datetime(2025, 1, 1), actor="it", action="a.b", detail={}))


def test_uuid_keys_and_unique_reference(db: Database) -> None:
    now = datetime(2025, 3, 10, tzinfo=UTC)

    def declaration() -> Declaration:
        return Declaration(
            reference="KIOSK-01-0001",
            procedure_code="1.001193",
            form_id="khai-sinh",
            form_version=1,
            answers={"ho_ten": "Nguyễn Văn A"},
            status="pending",
            created_at=now,
        )

    with db.transaction() as session:
        first = declaration()
        session.add(first)
        session.flush()
        assert isinstance(first.id, uuid.UUID)
    with pytest.raises(Exception, match="UNIQUE"), db.transaction() as session:
        session.add(declaration())


def _new_kiosk_database(path: Path) -> None:
    database = Database(path)
    database.open()
    database.close()


def test_garbage_file_is_refused_and_left_unchanged(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = b"this is not a database, it is a shopping list\x00\xff" * 100
    db_path.write_bytes(garbage)
    database = Database(db_path)
    with pytest.raises(DatabaseError) as caught:
        database.open()
    assert not isinstance(caught.value, DatabaseTooNewError)
    assert str(db_path) in str(caught.value)
    assert not database.is_open
    assert db_path.read_bytes() == garbage
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_corrupt_database_after_header_is_refused_unchanged(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    corrupt = b"SQLite format 3\x00" + b"\xab" * 4080
    db_path.write_bytes(corrupt)
    with pytest.raises(DatabaseError):
        Database(db_path).open()
    assert db_path.read_bytes() == corrupt


def test_database_of_another_program_is_refused_unchanged(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="not a kiosk database"):
        Database(db_path).open()
    assert db_path.read_bytes() == before


def test_database_from_a_newer_kiosk_is_refused_unchanged(db_path: Path) -> None:
    _new_kiosk_database(db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = db_path.read_bytes()

    database = Database(db_path)
    with pytest.raises(DatabaseTooNewError) as caught:
        database.open()

    assert caught.value.message.params["revision"] == "9999_from_the_future"
    assert caught.value.message.params["path"] == str(db_path)
    assert not database.is_open
    assert db_path.read_bytes() == before
    with sqlite3.connect(db_path) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert revision == "9999_from_the_future"


def test_rollback_journal_database_from_newer_kiosk_keeps_its_journal_mode(
    db_path: Path,
) -> None:
    # Setting WAL would rewrite the header; refusing must happen before any pragma.
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError):
        Database(db_path).open()
    assert db_path.read_bytes() == before


def test_folder_that_cannot_be_created_is_a_database_error(tmp_path: Path) -> None:
    # A file where the folder should be: fails even for root, unlike permissions.
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    database = Database(blocker / "kiosk.sqlite3")
    with pytest.raises(DatabaseError):
        database.open()
    assert not database.is_open
    assert blocker.read_text() == "not a folder"


def test_transaction_on_closed_database_is_a_bug(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), Database(tmp_path / "k.sqlite3").transaction():
        pass


def test_at_head_the_alembic_machinery_is_skipped(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new_kiosk_database(db_path)

    def fail(*_args: object) -> None:
        raise AssertionError("upgrade_to_head called for a database already at head")

    monkeypatch.setattr("kiosk.db.database.upgrade_to_head", fail)
    database = Database(db_path)
    database.open()
    database.close()


def test_importing_kiosk_db_does_not_import_alembic() -> None:
    import subprocess
    import sys

    code = "import sys, kiosk.db; print(any(m.split('.')[0] == 'alembic' for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == "False"


def test_two_threads_writing_at_once_both_succeed(db: Database) -> None:
    """Writers queue behind BEGIN IMMEDIATE + busy_timeout instead of failing busy."""
    import threading

    first_has_read = threading.Event()
    second_started = threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with db.transaction() as session:
                session.scalar(select(func.count()).select_from(SyncState))
                first_has_read.set()
                second_started.wait(timeout=10)
                session.add(SyncState(key="first", value="1"))
        except BaseException as exc:
            errors.append(exc)
            first_has_read.set()

    def second() -> None:
        try:
            first_has_read.wait(timeout=10)
            second_started.set()
            with db.transaction() as session:
                session.scalar(select(func.count()).select_from(SyncState))
                session.add(SyncState(key="second", value="2"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    with db.transaction() as session:
        assert set(session.scalars(select(SyncState.key))) - {DATA_KEY_ID} == {"first", "second"}
