"""The centre's sync server: HTTP API, its own database and migrations.

It shares only the wire protocol (``kiosk.sync.protocol``) with the kiosk and never
imports Qt or ``ui``. The API, the admin command line and the protocol are built by
the server and sync work; this package marks where they live.
"""
