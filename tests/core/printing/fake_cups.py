"""CUPS's ``lp`` and ``lpstat`` as the kiosk meets them: programs found on ``PATH``.

The fakes are real executables, so the code under test runs exactly as on a kiosk:
it looks the program up, starts it without a shell, writes the PDF to its standard
input, waits with a timeout and reads its exit status and complaints. ``lp`` keeps
each job (its arguments, the bytes it read, the locale it ran in) in a folder, and
answers like CUPS 2.x does. Queues it knows: :data:`QUEUE` and :data:`OTHER_QUEUE`
print; ``Paused`` refuses jobs; ``Stalled`` never answers; :meth:`FakeCups.add_queue`
adds one that prints. Any other name does not exist.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

QUEUE = "Office-A4"
OTHER_QUEUE = "Quay-3-A4"

SCRIPT = """#!{python}
import json, os, sys, time
from pathlib import Path

JOBS = Path({jobs!r})
ADDED = JOBS.parent / "queues"
KNOWN = ("Office-A4", "Quay-3-A4", "Paused", "Stalled")
KNOWN += tuple(ADDED.read_text().split("\\n")) if ADDED.exists() else ()
program = os.path.basename(sys.argv[0])
args = sys.argv[1:]

if program == "lpstat":
    queue = args[-1]
    if queue not in KNOWN:
        sys.stderr.write('lpstat: Invalid destination name in list "%s".\\n' % queue)
        sys.exit(1)
    print("printer %s is idle.  enabled since Mon 10 Mar 2025 09:00:00" % queue)
    sys.exit(0)

queue = args[args.index("-d") + 1]
if queue not in KNOWN:
    sys.stderr.write("lp: The printer or class does not exist.\\n")
    sys.exit(1)
if queue == "Paused":
    sys.stderr.write('lp: Destination "Paused" is not accepting jobs.\\n')
    sys.exit(1)
if queue == "Stalled":
    time.sleep(60)
data = sys.stdin.buffer.read() if args[-1] == "-" else b""
number = len(list(JOBS.glob("*.json"))) + 1
(JOBS / ("%d.pdf" % number)).write_bytes(data)
(JOBS / ("%d.json" % number)).write_text(
    json.dumps({{"argv": args, "locale": os.environ.get("LC_ALL")}})
)
print("request id is %s-%d (0 file(s))" % (queue, number))
"""


@dataclass(frozen=True, slots=True)
class SpooledJob:
    """One job ``lp`` took: its arguments after the program's name, and the bytes."""

    argv: tuple[str, ...]
    data: bytes
    locale: str | None

    def option(self, flag: str) -> str:
        return self.argv[self.argv.index(flag) + 1]


class FakeCups:
    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.jobs_folder = folder / "jobs"
        self.bin.mkdir(parents=True)
        self.jobs_folder.mkdir()
        script = SCRIPT.format(python=sys.executable, jobs=str(self.jobs_folder))
        for name in ("lp", "lpstat"):
            program = self.bin / name
            program.write_text(script, encoding="utf-8")
            program.chmod(0o755)

    def add_queue(self, name: str) -> None:
        """IT creates ``name`` (``lpadmin -p NAME -E``): from now on it prints."""
        added = self.jobs_folder.parent / "queues"
        known = added.read_text(encoding="utf-8").split("\n") if added.exists() else []
        added.write_text("\n".join([*known, name]), encoding="utf-8")

    def path(self, rest: str | None = None) -> str:
        """A ``PATH`` with the fakes first, ahead of any real CUPS."""
        return f"{self.bin}{os.pathsep}{os.environ['PATH'] if rest is None else rest}"

    def jobs(self) -> list[SpooledJob]:
        found = []
        for record in sorted(self.jobs_folder.glob("*.json"), key=lambda p: int(p.stem)):
            facts = json.loads(record.read_text(encoding="utf-8"))
            data = record.with_suffix(".pdf").read_bytes()
            found.append(SpooledJob(tuple(facts["argv"]), data, facts["locale"]))
        return found


def install_fake_cups(folder: Path, monkeypatch: pytest.MonkeyPatch) -> FakeCups:
    """The fakes, first on this process's ``PATH`` (and its children's)."""
    cups = FakeCups(folder)
    monkeypatch.setenv("PATH", cups.path())
    return cups


#: The Linux-and-macOS half: CUPS is not how Windows prints.
posix_only = pytest.mark.skipif(
    sys.platform == "win32", reason="CUPS's lp prints on Linux and macOS; Windows uses printto"
)
