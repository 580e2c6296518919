"""The kiosk's Qt Widgets shell: screens, theme, idle watchdog and workers.

Everything here is thin: it shows what the core (``kiosk/``) says and runs core calls
off the UI thread through :mod:`ui.ops`.
"""
