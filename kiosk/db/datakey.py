"""The data key of one database: found or made when it opens, and old plain values sealed.

The database records which key seals it (``sync_state.data_key_id``, a fingerprint,
never the key); the key itself is in the store the settings name
(``kiosk.crypto.keys``). Opening goes:

1. no key recorded (a new database, or one from before sealing): a new key is made
   and stored, then recorded (:attr:`KeyState.CREATED`);
2. the recorded key is in the store: sealed values open (:attr:`KeyState.READY`);
3. the store answers that it does not have it (a keyring wiped, a key file replaced):
   a new key is made so the kiosk keeps working (:attr:`KeyState.REPLACED`). What the
   old key sealed cannot be read: the server has everything already synced, so what
   is lost is what was not. The log and ``doctor`` say so, and IT either restores the
   old key or removes the unreadable rows (``python -m kiosk datakey purge-unreadable``);
4. the store cannot be asked (no keyring on this machine, a key file others may read):
   no key (:attr:`KeyState.UNAVAILABLE`). The kiosk still starts, but refuses to store
   personal data (``DataKeyUnavailableError``) rather than store it in clear.

Then, with a key, every value still in clear (written before sealing existed) is
sealed in one transaction, and the write-ahead log is folded and truncated so the
clear copies leave the files. This is done here and not in a migration: a migration
runs without the key, and must not hold one.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, replace

from sqlalchemy import Engine, Text, bindparam, func, insert, select, type_coerce, update
from sqlalchemy.sql.schema import Column, Table

from kiosk.crypto.cipher import SEALED_MARK, FieldCipher
from kiosk.crypto.errors import KeyStoreError
from kiosk.crypto.keys import KeyStore
from kiosk.db.models import Base, SyncState
from kiosk.db.sealed import SealedJSON, attach_cipher
from wire.i18n import TrText

log = logging.getLogger("kiosk.db")

#: The ``sync_state`` key that names the key sealing this database.
DATA_KEY_ID = "data_key_id"


class KeyState(enum.StrEnum):
    #: The recorded key was found.
    READY = "ready"
    #: A first key was made (a new database, or the first start with sealing).
    CREATED = "created"
    #: The recorded key was not in its store; a new one seals from now on.
    REPLACED = "replaced"
    #: No key could be had: personal data is not stored until IT fixes the store.
    UNAVAILABLE = "unavailable"
    #: Opened without a key store (a tool that never touches personal data).
    NOT_ASKED = "not_asked"


@dataclass(frozen=True, slots=True)
class DataKeyStatus:
    """How the data key stood when the database opened; never holds the key."""

    state: KeyState
    #: Where keys are kept (``keyring …`` or ``file …``); ``None`` when not asked.
    store: str | None = None
    #: The key sealing from now on.
    key_id: str | None = None
    #: The key the database named before and the store no longer has (``REPLACED``).
    lost_key_id: str | None = None
    #: Why there is no key (``UNAVAILABLE``), in words for IT.
    problem: TrText | None = None
    #: Values found in clear and sealed at this opening.
    sealed_now: int = 0

    @property
    def can_seal(self) -> bool:
        return self.state in (KeyState.READY, KeyState.CREATED, KeyState.REPLACED)


@dataclass(frozen=True, slots=True)
class SealedColumn:
    """One sealed column of the schema, and the column naming its row."""

    table: Table
    column: Column[object]
    row_key: Column[object]


def sealed_schema_columns() -> list[SealedColumn]:
    """Every sealed column of the kiosk's tables."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, SealedJSON):
                found.append(SealedColumn(table, column, table.c[column.type.row_key]))
    return found


def open_with_key(engine: Engine, store: KeyStore | None) -> DataKeyStatus:
    """Find or make the key, attach its cipher to ``engine`` and seal what is in clear."""
    if store is None:
        attach_cipher(engine, None)
        return DataKeyStatus(KeyState.NOT_ASKED)
    cipher, status = _provide_key(engine, store)
    attach_cipher(engine, cipher)
    if cipher is None:
        return status
    sealed = seal_plain_values(engine, cipher)
    if sealed:
        fold_wal(engine)
        log.info("sealed %d personal data values stored in clear by an older kiosk", sealed)
    return replace(status, sealed_now=sealed)


def _provide_key(engine: Engine, store: KeyStore) -> tuple[FieldCipher | None, DataKeyStatus]:
    where = store.describe()
    with engine.begin() as connection:
        recorded = connection.scalar(select(SyncState.value).where(SyncState.key == DATA_KEY_ID))
    try:
        key = None if recorded is None else store.fetch(recorded)
        state = KeyState.READY
        if key is None:
            key = store.create()
            state = KeyState.CREATED if recorded is None else KeyState.REPLACED
    except KeyStoreError as exc:
        log.warning("no data key, personal data will not be stored: %s", exc.message.render())
        return None, DataKeyStatus(KeyState.UNAVAILABLE, where, problem=exc.message)
    if key.key_id != recorded:
        _record_key_id(engine, key.key_id)
    if state is KeyState.REPLACED:
        log.warning(
            "data key %s is not in %s; key %s seals from now on, and what the old key "
            "sealed cannot be read (see: python -m kiosk doctor)",
            recorded,
            where,
            key.key_id,
        )
    elif state is KeyState.CREATED:
        log.info("made the data key, kept in %s", where)
    lost = recorded if state is KeyState.REPLACED else None
    return FieldCipher(key), DataKeyStatus(state, where, key.key_id, lost)


def _record_key_id(engine: Engine, key_id: str) -> None:
    with engine.begin() as connection:
        done = connection.execute(
            update(SyncState).where(SyncState.key == DATA_KEY_ID).values(value=key_id)
        )
        if done.rowcount == 0:
            connection.execute(insert(SyncState).values(key=DATA_KEY_ID, value=key_id))


def seal_plain_values(engine: Engine, cipher: FieldCipher) -> int:
    """Seal every value stored in clear, in one transaction; returns how many there were.

    The stored text is sealed as it is, byte for byte: what a citizen typed is not
    re-encoded on the way.
    """
    count = 0
    with engine.begin() as connection:
        for sealed in sealed_schema_columns():
            raw = type_coerce(sealed.column, Text)
            rows = connection.execute(
                select(type_coerce(sealed.row_key, Text), raw).where(
                    sealed.column.is_not(None), func.substr(raw, 1, len(SEALED_MARK)) != SEALED_MARK
                )
            ).all()
            if not rows:
                continue
            label = sealed.column.type.label  # type: ignore[attr-defined]
            changes = [
                {"row": row, "sealed": cipher.seal(str(text).encode(), label, row)}
                for row, text in rows
            ]
            connection.execute(
                update(sealed.table)
                .where(type_coerce(sealed.row_key, Text) == bindparam("row", type_=Text))
                .values({sealed.column.name: bindparam("sealed", type_=Text)}),
                changes,
            )
            count += len(changes)
    return count


def fold_wal(engine: Engine) -> bool:
    """Fold the write-ahead log into the file and truncate it; ``False`` if a reader kept it."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            row = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            cursor.close()
    finally:
        connection.close()
    return row is not None and not row[0]
