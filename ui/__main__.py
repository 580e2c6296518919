"""``python -m ui [options]``: the kiosk window, as ``mot-cua-kiosk run`` starts it from
an installed wheel (which has no ``main.py``)."""

import sys

from ui.app import main

raise SystemExit(main(sys.argv[1:]))
