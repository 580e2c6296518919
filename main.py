"""Start the Một Cửa kiosk: ``python main.py [--config FILE] [--data-dir DIR] [--fullscreen]``."""

import sys

from ui.app import main

raise SystemExit(main(sys.argv[1:]))
