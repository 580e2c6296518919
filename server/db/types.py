"""Column types of the server's own database.

The server's storage is its own: its schema and migrations (``server/migrations``)
change with the server, on PostgreSQL as on SQLite, and never with the kiosk's local
database. So it keeps its own column types rather than borrowing the kiosk's, and the
server imports no kiosk code at all (only the ``wire`` package).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant, stored as naive UTC and read back aware (UTC).

    The columns are plain ``timestamp`` (migration 0001), so SQLite and PostgreSQL hold
    the same values; a naive value on the way in is refused where it is made, rather
    than stored as if it were UTC.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime given where an aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)
