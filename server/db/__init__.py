"""The server's own database: models, engine, migrations, transactions."""

from server.db.database import Database

__all__ = ["Database"]
