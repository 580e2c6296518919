"""The local SQLite database: engine, tables, migrations and transactions.

Importing this package must stay cheap (no Alembic): the kiosk imports it before its
first screen paints.
"""

from kiosk.db.database import Database
from kiosk.db.engine import create_kiosk_engine

__all__ = ["Database", "create_kiosk_engine"]
