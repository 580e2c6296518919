"""The centre's sync server: the HTTP API kiosks sync with, its database, its admin CLI.

It shares the wire protocol (``kiosk.sync.protocol``) and the catalogue and form
formats with the kiosk, and reads catalogue and form files with the kiosk's own
readers; it never imports Qt or ``ui``. ``docs/server.md`` tells a centre how to run it.
"""
