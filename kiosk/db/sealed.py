"""Columns that hold personal data sealed, so no writer can forget to seal it.

A column declared :class:`SealedJSON` is sealed as it is bound and opened as it is
read, by the cipher attached to the engine (``Database.open``, see ``kiosk.db.datakey``).
Every path goes through it: the ORM, a Core ``select()`` of the column, a bulk
``update()``. The associated data binds each value to its table, column and row:

- **writing**: the ORM flush hands the type the row's id (:func:`install_row_binding`
  wraps the value in a :class:`RowBound` just before the INSERT or UPDATE). A bulk
  statement has no row at hand: it may write an empty value (a purge's ``{}``), which
  is then bound to the column only; anything else it writes is refused with
  :class:`UnboundValueError`, since a value not bound to its row could be moved to
  another. Bulk inserts wrap their rows with :func:`bind_rows`.
- **reading**: the column is selected as ``<row id> || ':' || <column>``, so the type
  sees the row its value claims to belong to. A value that cannot be opened (the key
  is lost, a byte changed, moved from another row) reads as :class:`Unreadable`, an
  empty dict that says why: never garbage, never another row's data.

Values stored before sealing existed (plain JSON) are sealed at start-up
(``kiosk.db.datakey.seal_plain_values``); until a key exists they read as they are.
"""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import msgspec
from sqlalchemy import JSON, Engine, Text, event, literal_column, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DontWrapMixin
from sqlalchemy.orm import Mapper, attributes
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

from kiosk.crypto.cipher import FieldCipher, SealedValueError, is_sealed, sealed_key_id
from kiosk.crypto.errors import DataKeyUnavailableError

T = TypeVar("T")

#: The cipher of each engine's dialect (one dialect per engine): what the column types
#: seal and open with. Weak, so a disposed engine takes its cipher with it.
_CIPHERS: weakref.WeakKeyDictionary[Dialect, FieldCipher] = weakref.WeakKeyDictionary()

_json_encode = msgspec.json.Encoder().encode
_json_decode = msgspec.json.Decoder().decode


class NoDataKeyError(DataKeyUnavailableError, DontWrapMixin):
    """Raised while binding, and let through SQLAlchemy unwrapped, so callers see the
    ``KioskError`` and its message rather than a ``StatementError``."""


class UnboundValueError(ValueError, DontWrapMixin):
    """A bug: personal data written by a statement that does not say which row it is for."""


def attach_cipher(engine: Engine, cipher: FieldCipher | None) -> None:
    """Seal and open with ``cipher`` on ``engine`` from now on; ``None`` takes it away."""
    if cipher is None:
        _CIPHERS.pop(engine.dialect, None)
    else:
        _CIPHERS[engine.dialect] = cipher


def attached_cipher(engine: Engine) -> FieldCipher | None:
    return _CIPHERS.get(engine.dialect)


class RowBound:
    """A value on its way into row ``row`` (the row id as the database spells it)."""

    __slots__ = ("row", "value")

    def __init__(self, value: object, row: str) -> None:
        self.value = value
        self.row = row


class Unreadable(dict[str, Any]):
    """A sealed JSON object this kiosk cannot open: empty, with the reason.

    ``problem`` is ``unknown_key`` (sealed with a key this kiosk does not have: lost or
    wrong), ``tampered`` (changed, or moved from another row) or ``malformed``/
    ``not_sealed`` (not a value this kiosk wrote).
    """

    def __init__(self, problem: str, key_id: str | None = None) -> None:
        super().__init__()
        self.problem = problem
        self.key_id = key_id

    def __repr__(self) -> str:
        return f"Unreadable({self.problem!r}, key_id={self.key_id!r})"

    # Not equal to ``{}``: writing ``{}`` over it is a change the ORM must flush.
    def __eq__(self, other: object) -> bool:
        return other is self

    def __ne__(self, other: object) -> bool:
        return other is not self

    __hash__ = None  # a dict: never hashable


def is_unreadable(value: object) -> bool:
    return isinstance(value, Unreadable)


def row_text(value: object) -> str:
    """A row id as SQLite holds it, so what the writer binds is what the reader selects."""
    return value.hex if isinstance(value, uuid.UUID) else str(value)


class _Sealed(TypeDecorator[T]):
    """A column whose values are sealed; ``label`` is its ``table.column``, ``row_key``
    the attribute that identifies its row (known before the INSERT)."""

    cache_ok = True

    def __init__(self, label: str, *args: Any, row_key: str = "id") -> None:
        super().__init__(*args)
        self.label = label
        self.row_key = row_key

    # What the subclasses say about their values.
    def dump(self, value: T) -> bytes:
        raise NotImplementedError

    def load(self, data: bytes) -> T:
        raise NotImplementedError

    def unreadable(self, problem: str, key_id: str | None) -> T | None:
        raise NotImplementedError

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        """Replaces the implementation type's: the sealed text is stored as it is."""

        def process(value: Any) -> str | None:
            row: str | None = None
            if isinstance(value, RowBound):
                row, value = value.row, value.value
            if value is None:
                return None
            cipher = _CIPHERS.get(dialect)
            if cipher is None:
                raise NoDataKeyError()
            if row is None and value:
                raise UnboundValueError(
                    f"{self.label} written without its row: set the attribute on the "
                    "loaded row, or wrap bulk rows with kiosk.db.sealed.bind_rows"
                )
            return cipher.seal(self.dump(value), self.label, row)

        return process

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        def process(value: Any) -> T | None:
            if value is None:
                return None
            row, _, stored = str(value).partition(":")
            return self.open(stored, row, _CIPHERS.get(dialect))

        return process

    def open(self, stored: str, row: str, cipher: FieldCipher | None) -> T | None:
        """The value stored in row ``row``, or what :meth:`unreadable` makes of it."""
        if not is_sealed(stored):
            if cipher is None:  # stored before sealing, and no key to seal it yet
                return self.load(stored.encode())
            return self.unreadable("not_sealed", None)
        if cipher is None:
            return self.unreadable("unknown_key", sealed_key_id(stored))
        try:
            opened = cipher.open(stored, self.label, row)
        except SealedValueError as exc:
            return self.unreadable(exc.problem, exc.key_id)
        loaded = self.load(opened.plaintext)
        if opened.scope == "c" and loaded:  # only empty values are bound to no row
            return self.unreadable("tampered", cipher.key_id)
        return loaded

    def column_expression(self, colexpr: ColumnElement[Any]) -> ColumnElement[Any] | None:
        """Select ``<row id>:<stored value>``: the row a value is opened for is the one
        it was read from."""
        table = getattr(colexpr, "table", None)
        row_key = None if table is None else table.c.get(self.row_key)
        if row_key is None:
            raise UnboundValueError(f"{self.label} selected without its row's {self.row_key}")
        joined = type_coerce(row_key, Text) + literal_column("':'") + type_coerce(colexpr, Text)
        return type_coerce(joined, self)


class SealedJSON(_Sealed[dict[str, Any]]):
    """A JSON object, sealed (the column stays ``JSON`` in the schema)."""

    impl = JSON
    cache_ok = True

    def __init__(self, label: str, *, row_key: str = "id") -> None:
        super().__init__(label, row_key=row_key)

    def dump(self, value: dict[str, Any]) -> bytes:
        return _json_encode(value)

    def load(self, data: bytes) -> dict[str, Any]:
        try:
            loaded = _json_decode(data)
        except msgspec.DecodeError:
            return Unreadable("malformed")
        return loaded if isinstance(loaded, dict) else Unreadable("malformed")

    def unreadable(self, problem: str, key_id: str | None) -> dict[str, Any]:
        return Unreadable(problem, key_id)


_SEALED_COLUMNS: weakref.WeakKeyDictionary[Mapper[Any], list[tuple[str, _Sealed[Any]]]] = (
    weakref.WeakKeyDictionary()
)


def sealed_columns(mapper: Mapper[Any]) -> list[tuple[str, _Sealed[Any]]]:
    """``(attribute, type)`` of every sealed column of ``mapper``'s table (looked up once:
    every flush of every row asks)."""
    found = _SEALED_COLUMNS.get(mapper)
    if found is None:
        found = [
            (prop.key, column.type)
            for prop in mapper.column_attrs
            for column in prop.columns
            if isinstance(column.type, _Sealed)
        ]
        _SEALED_COLUMNS[mapper] = found
    return found


def bind_rows(mapper_class: type[Any], rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a bulk ``insert(model)``, their sealed values bound to their own rows."""
    mapper: Mapper[Any] = attributes.manager_of_class(mapper_class).mapper
    columns = sealed_columns(mapper)
    bound = []
    for row in rows:
        copy = dict(row)
        for key, sealed in columns:
            if key in copy and not isinstance(copy[key], RowBound):
                copy[key] = RowBound(copy[key], row_text(copy[sealed.row_key]))
        bound.append(copy)
    return bound


def install_row_binding(base: type[Any]) -> None:
    """Bind sealed values to their rows in every flush of ``base``'s mapped classes."""
    event.listen(base, "before_insert", _bind_inserted, propagate=True)
    event.listen(base, "before_update", _bind_updated, propagate=True)
    event.listen(base, "after_insert", _unwrap, propagate=True)
    event.listen(base, "after_update", _unwrap, propagate=True)


def _bind_inserted(mapper: Mapper[Any], _connection: object, target: Any) -> None:
    for key, sealed in sealed_columns(mapper):
        row = getattr(target, sealed.row_key)
        if row is None:  # the column default would come too late: the id is made now
            row = uuid.uuid4()
            setattr(target, sealed.row_key, row)
        setattr(target, key, RowBound(getattr(target, key), row_text(row)))


def _bind_updated(mapper: Mapper[Any], _connection: object, target: Any) -> None:
    for key, sealed in sealed_columns(mapper):
        if attributes.get_history(target, key).has_changes():
            row = row_text(getattr(target, sealed.row_key))
            setattr(target, key, RowBound(getattr(target, key), row))


def _unwrap(mapper: Mapper[Any], _connection: object, target: Any) -> None:
    """Give the object its plain value back once the row is written."""
    for key, _sealed in sealed_columns(mapper):
        value = target.__dict__.get(key)
        if isinstance(value, RowBound):
            attributes.set_committed_value(target, key, value.value)
