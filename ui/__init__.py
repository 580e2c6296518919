"""The kiosk's Qt Widgets shell: screens, theme, idle watchdog and workers.

Everything here is thin: it shows what the core (``kiosk/``) says and runs core calls
off the UI thread through :mod:`ui.ops`.
"""

from ui.pyside_sources import keep_sources_out_of_memory

# First, before any other module of the kiosk is imported after PySide6.
keep_sources_out_of_memory()
