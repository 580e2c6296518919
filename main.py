"""Start the Một Cửa kiosk: ``python main.py [--config FILE] [--data-dir DIR] [--fullscreen]``.

Also the frozen program's entry, which is both the kiosk and its command line: a
first argument that names a command (``doctor --json``, ``staff ...``) or asks for
``--version`` goes to ``kiosk.cli``; anything else starts the window. The window's
options all begin with ``-``, so the two never overlap.
"""

import sys
from collections.abc import Sequence


def wants_command_line(argv: Sequence[str]) -> bool:
    """Whether ``argv`` is for the command line rather than for the window."""
    return bool(argv) and (argv[0] == "--version" or not argv[0].startswith("-"))


def main(argv: Sequence[str]) -> int:
    if wants_command_line(argv):
        from kiosk.cli.main import main as command_line

        return command_line(argv)
    from ui.app import main as window

    return window(argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
