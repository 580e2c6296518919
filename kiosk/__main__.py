"""``python -m kiosk``: the command line for IT staff and benchmarks."""

from kiosk.cli.main import main

raise SystemExit(main())
