"""Một Cửa Kiosk core: everything the kiosk does, with no Qt anywhere.

The UI (``ui/``) and the command line are thin shells over this package, so every
behaviour can be tested without a screen.
"""

__version__ = "0.1.0"
APP_NAME = "mot-cua-kiosk"
