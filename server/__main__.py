"""``python -m server``: run the centre's sync server, or ``admin`` it."""

from server.cli.main import main

raise SystemExit(main())
