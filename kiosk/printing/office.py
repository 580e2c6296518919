"""The A4 tờ khai on the centre's office printer, through the operating system's spooler.

The receipt printer speaks ESC/POS and the kiosk drives it itself; an office laser
printer wants a page description and already has a driver on the computer. So the
kiosk hands the finished PDF to the print system and lets it do the rest: CUPS's
``lp`` on Linux and macOS, the PDF reader's "printto" verb on Windows.

Unlike a receipt, a form that waits in the queue while the printer warms up or is
refilled still helps: the citizen collects it at the counter. The spooler keeps the
job; what the kiosk can tell is only whether the spooler took it.

Nothing personal reaches a log or a job title: the job is named by the declaration's
reference, and ``lp``'s complaints are about queues, never about the document.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kiosk.printing.errors import (
    OfficePrinterNotFoundError,
    OfficePrintError,
    OfficePrintTimeoutError,
    PrintSystemMissingError,
)

log = logging.getLogger("kiosk.print")

#: Seconds ``lp`` may take to hand the job to the scheduler; the printer's own speed
#: does not count, the scheduler answers as soon as the job is spooled.
LP_TIMEOUT_S = 30.0
#: Seconds ``lpstat`` may take to say whether a queue exists.
CHECK_TIMEOUT_S = 10.0
#: Where Windows' PDF reader picks the file up, and how long a file is left there for
#: it: the verb returns before the reader has read the file, so it cannot go at once.
#: The kiosk spools into its own data folder (:func:`spool_folder`), where the privacy
#: purge sweeps it; the system's temporary folder is the fallback of a bare call.
SPOOL_FOLDER = "mot-cua-kiosk-a4"
SPOOL_KEEP_S = 600.0


def spool_folder(printouts_dir: Path) -> Path:
    """The kiosk's A4 spool folder, beside the other printouts: private, and swept."""
    return printouts_dir / "a4-spool"


def print_pdf(pdf: bytes, queue: str, *, title: str, spool: Path | None = None) -> None:
    """Hand ``pdf`` to ``queue`` of the operating system's print system, titled ``title``.

    Returns once the spooler has the job. Raises an :class:`OfficePrintError` when it
    does not take it. ``title`` shows in the queue's job list: give it no personal data.
    ``spool`` is where Windows' PDF reader gets the file (see :func:`spool_folder`).
    """
    if sys.platform == "win32":
        print_with_shell_verb(pdf, queue, title=title, folder=spool)
    else:
        print_with_lp(pdf, queue, title=title)


def print_with_lp(pdf: bytes, queue: str, *, title: str, timeout_s: float = LP_TIMEOUT_S) -> None:
    """CUPS (Linux, macOS): ``lp -d QUEUE -t TITLE -`` with the PDF on its standard input.

    The PDF never touches the disk outside the spooler, and no shell sees the queue's
    name. ``lp`` answers once the scheduler has spooled the job, not once it printed.
    """
    started = time.perf_counter()
    answer = _run_cups("lp", ["-d", queue, "-t", title, "-"], queue, data=pdf, timeout_s=timeout_s)
    log.info(
        "%s (%d bytes) spooled to %s in %.0f ms: %s",
        title,
        len(pdf),
        queue,
        (time.perf_counter() - started) * 1000,
        answer or "no request id",
    )


def check_queue(queue: str, *, timeout_s: float = CHECK_TIMEOUT_S) -> str:
    """What CUPS says of ``queue`` (``lpstat -p``), for ``doctor``; raises when it knows none.

    On Windows there is nothing to ask without pywin32: the answer says so.
    """
    if sys.platform == "win32":
        return f"{queue} (not verified on Windows; print a form to check)"
    answer = _run_cups("lpstat", ["-p", queue], queue, timeout_s=timeout_s)
    return answer or f"printer {queue} known to CUPS"


def _run_cups(
    program: str, arguments: list[str], queue: str, *, timeout_s: float, data: bytes = b""
) -> str:
    """Run a CUPS command with ``data`` on its standard input; its first line of output.

    It runs in the C locale, so its complaints read the same on every computer and an
    unknown queue can be told from other faults; the complaint becomes the error's
    ``detail`` for IT.
    """
    path = _command(program, queue)
    try:
        done = subprocess.run(
            [path, *arguments],
            input=data,
            capture_output=True,
            timeout=timeout_s,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        detail = f"{program} gave no answer in {timeout_s:g} s"
        raise OfficePrintTimeoutError(uri=queue, detail=detail) from exc
    except OSError as exc:
        raise PrintSystemMissingError(uri=queue, detail=f"{path}: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        complaint = _first_line(done.stderr) or f"{program} exited with status {done.returncode}"
        # lp: "The printer or class does not exist."; lpstat: "Invalid destination name".
        if "does not exist" in complaint or "Invalid destination" in complaint:
            raise OfficePrinterNotFoundError(queue, complaint)
        raise OfficePrintError(uri=queue, detail=complaint)
    return _first_line(done.stdout)


def print_with_shell_verb(
    pdf: bytes,
    queue: str,
    *,
    title: str,
    folder: Path | None = None,
    startfile: Callable[..., None] | None = None,
) -> None:
    """Windows: the default PDF reader's "printto" verb on a temporary file.

    Untested on hardware. It needs a PDF reader that registers "printto" (Adobe
    Acrobat Reader, SumatraPDF, Foxit; not a browser). The verb returns before the
    reader has read the file, so the file stays in ``folder`` (a folder of the
    system's temporary folder by default) for :data:`SPOOL_KEEP_S` and is deleted by
    a later print or the privacy purge's sweep, whichever comes first.
    """
    launch = startfile or getattr(os, "startfile", None)
    if launch is None:
        raise PrintSystemMissingError(uri=queue, detail="os.startfile is Windows only")
    spool = folder or Path(tempfile.gettempdir()) / SPOOL_FOLDER
    _sweep(spool)
    path = spool / f"{_safe(title)}-{uuid.uuid4().hex[:8]}.pdf"
    try:
        spool.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        launch(str(path), "printto", f'"{queue}"')
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise PrintSystemMissingError(uri=queue, detail=f"printto: {exc.strerror or exc}") from exc
    log.info("%s (%d bytes) handed to the PDF reader for %s", title, len(pdf), queue)


def _command(name: str, queue: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise PrintSystemMissingError(
            uri=queue, detail=f"{name} not found on PATH (is CUPS installed?)"
        )
    return found


def _first_line(output: bytes) -> str:
    for line in output.decode("utf-8", "replace").splitlines():
        if line.strip():
            return line.strip()
    return ""


def _safe(title: str) -> str:
    kept = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in title)
    return kept.strip("-.") or "form"


def _sweep(folder: Path) -> None:
    """Delete forms the reader has long finished with: they hold personal data."""
    cutoff = time.time() - SPOOL_KEEP_S
    try:
        old = [path for path in folder.glob("*.pdf") if path.stat().st_mtime < cutoff]
    except OSError:
        return
    for path in old:
        try:
            path.unlink()
        except OSError:
            log.debug("an old A4 spool file could not be deleted yet", exc_info=True)
