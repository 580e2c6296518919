"""The Alembic history of the kiosk's local database.

A package so that Alembic (``script_location = "migrations:"``) and
``kiosk.db.migrate`` find it through :mod:`importlib.resources` the same way from a
clone, an installed wheel and the frozen folder.
"""
