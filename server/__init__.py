"""The centre's sync server: the HTTP API kiosks sync with, its database, its admin CLI.

It shares only the ``wire`` package with the kiosk: the protocol (``wire.protocol``),
the catalogue and form formats, and the readers that check those files the same way on
both sides. It never imports ``kiosk``, Qt or ``ui``. ``docs/server.md`` tells a
centre how to run it.
"""
