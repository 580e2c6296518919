"""Forks ``python -m kiosk sync --once`` passes for the SIGKILL test, and kills them.

Importing the kiosk takes about a second, far longer than the pass the test wants to
kill at a random moment; fifty fresh interpreters would spend the test's time
importing. This process imports the kiosk once, then for each ``go`` line on stdin
forks a child that runs exactly what ``python -m kiosk sync --once --json`` runs
(``kiosk.cli.main.main``) and prints ``started``. On ``kill`` it sends the child
SIGKILL and prints ``exit CODE`` (``-9`` when the kill landed, the pass's own exit
status when it had finished first). The child is reaped only after the kill, so the
signal can never reach a process id the system handed to someone else.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback

import kiosk.sync.client  # noqa: F401  # otherwise loaded by the pass itself
from kiosk.cli.main import main


def _pass() -> None:
    """In the forked child: the pass, its report thrown away (the test reads the server)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    try:
        code = main(["sync", "--once", "--json"])
    except BaseException:
        traceback.print_exc()
        code = 70
    sys.stdout.flush()
    os._exit(code)


def serve() -> None:
    for line in sys.stdin:
        if line.strip() != "go":
            return
        pid = os.fork()
        if pid == 0:
            _pass()
        print("started", flush=True)
        if sys.stdin.readline().strip() != "kill":
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        print(f"exit {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    serve()
