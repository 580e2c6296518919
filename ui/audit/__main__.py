"""``python -m ui.audit``: the layout audit from the command line.

Prints one line per finding and a summary (or, with ``--json``, the findings as a
JSON list); exits with 1 when there is any finding, 2 on a wrong option or when a
worker failed. The looks (text size × theme × language) are shared out among
``--jobs`` processes, each with its own kiosk, since every look is independent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ui.audit.findings import Finding
from ui.audit.matrix import (
    LANGUAGES,
    PANELS,
    TEXT_SIZES,
    THEMES,
    Look,
    Matrix,
    look_name,
    panel_name,
    parse_language,
    parse_list,
    parse_look,
    parse_panel,
    parse_text_size,
    parse_theme,
)

#: More processes than this gain little: each builds its own kiosk and screens.
MAX_JOBS = 4
#: The offscreen platform's one complaint on every window shown: it says nothing.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ui.audit",
        description="Check every screen for clipped text, widgets off the window, small "
        "touch targets, low contrast and sideways scrolling (docs/layout-audit.md).",
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument(
        "--panel",
        nargs="+",
        action="extend",
        metavar="WxH",
        help=f"panels (default: {' '.join(panel_name(p) for p in PANELS)})",
    )
    parser.add_argument(
        "--text",
        nargs="+",
        action="extend",
        metavar="PERCENT",
        help=f"text sizes (default: {','.join(str(int(s)) for s in TEXT_SIZES)})",
    )
    parser.add_argument(
        "--theme",
        nargs="+",
        action="extend",
        help=f"themes (default: {','.join(t.value for t in THEMES)})",
    )
    parser.add_argument(
        "--language",
        nargs="+",
        action="extend",
        help=f"languages (default: {','.join(lang.value for lang in LANGUAGES)})",
    )
    parser.add_argument(
        "--screen",
        nargs="+",
        action="extend",
        metavar="NAME",
        help="only these screens (names or patterns such as 'form-*'; default: all)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help=f"processes to share the looks among (default: the CPUs, at most {MAX_JOBS})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    # A worker's share of the looks (set by --jobs, not by hand).
    parser.add_argument("--look", nargs="+", action="extend", help=argparse.SUPPRESS)
    return parser


def _matrix(args: argparse.Namespace) -> Matrix:
    return Matrix(
        panels=parse_list(args.panel, parse_panel) if args.panel else PANELS,
        text_sizes=parse_list(args.text, parse_text_size) if args.text else TEXT_SIZES,
        themes=parse_list(args.theme, parse_theme) if args.theme else THEMES,
        languages=parse_list(args.language, parse_language) if args.language else LANGUAGES,
        screens=parse_list(args.screen, str) if args.screen else (),
        only=parse_list(args.look, parse_look) if args.look else (),
    )


def _jobs(args: argparse.Namespace, looks: int) -> int:
    wanted = args.jobs if args.jobs > 0 else min(os.cpu_count() or 1, MAX_JOBS)
    return max(1, min(wanted, looks))


def _worker_args(matrix: Matrix, share: Sequence[Look], quiet: bool) -> list[str]:
    argv = ["--json", "--jobs", "1", "--panel", *(panel_name(p) for p in matrix.panels)]
    argv += ["--look", *(look_name(look) for look in share)]
    if matrix.screens:
        argv += ["--screen", *matrix.screens]
    if quiet:
        argv.append("--quiet")
    return argv


def _worker(matrix: Matrix, share: Sequence[Look], quiet: bool) -> subprocess.Popen[str]:
    command = [sys.executable, "-X", "faulthandler", "-m", "ui.audit"]
    return subprocess.Popen(
        [*command, *_worker_args(matrix, share, quiet)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _in_parallel(matrix: Matrix, jobs: int, quiet: bool) -> list[Finding]:
    """The looks shared out among ``jobs`` worker processes; their findings in look
    order, as one process would have found them. A worker killed by a signal (a crash
    inside Qt, its trace on stderr) is run once more before the run counts as failed."""
    looks = list(matrix.looks())
    shares = [looks[index::jobs] for index in range(jobs)]
    workers = [_worker(matrix, share, quiet) for share in shares]
    found: list[Finding] = []
    failed = []
    for share, started in zip(shares, workers, strict=True):
        worker = started
        out, _ = worker.communicate()
        if worker.returncode < 0:
            print(f"an audit worker crashed (signal {-worker.returncode}): again", file=sys.stderr)
            worker = _worker(matrix, share, quiet)
            out, _ = worker.communicate()
        if worker.returncode not in (0, 1):
            failed.append(worker.returncode)
            continue
        found += [Finding.from_json(record) for record in json.loads(out)]
    if failed:
        raise RuntimeError(f"{len(failed)} audit worker(s) failed (exit {failed})")
    order = {look_name(look): index for index, look in enumerate(looks)}

    def position(finding: Finding) -> int:
        cell = finding.cell
        return order[f"{cell.text_size}/{cell.theme}/{cell.language}"]

    return sorted(found, key=position)  # stable: each look's findings keep their order


def _quiet_offscreen_noise() -> None:
    """Drop the offscreen platform's complaint on every window shown; pass the rest."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if OFFSCREEN_NOISE not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _print(findings: list[Finding], as_json: bool) -> None:
    if as_json:
        json.dump([f.as_json() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for finding in findings:
        print(finding.line())
    if findings:
        print()
        for kind, count in Counter(f.kind.value for f in findings).most_common():
            print(f"{count:6d}  {kind}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        matrix = _matrix(args)
    except ValueError as error:
        parser.error(str(error))
    from ui.audit.run import prepare_platform, run

    started = time.monotonic()
    jobs = _jobs(args, sum(1 for _ in matrix.looks()))
    with tempfile.TemporaryDirectory(prefix="kiosk-audit-") as folder:
        prepare_platform(matrix.panels, Path(folder))  # before Qt; the workers inherit it
        if jobs > 1:
            try:
                findings = _in_parallel(matrix, jobs, args.quiet)
            except RuntimeError as error:
                print(error, file=sys.stderr)
                return 2
        else:
            progress = None if args.quiet else (lambda line: print(line, file=sys.stderr))
            findings = run(matrix, progress)
    _print(findings, args.json)
    if not args.quiet and not args.look:  # a worker's total is its parent's to say
        seconds = time.monotonic() - started
        print(f"{len(findings)} findings in {seconds:.0f} s ({jobs} jobs)", file=sys.stderr)
    return 1 if findings else 0


def _configure_logging() -> None:
    """The kiosk's logging, so the staff screen shows log lines as on a kiosk; only
    errors on the terminal (a paper-out shot warns on every look)."""
    import logging

    from kiosk.logs import configure_logging

    configure_logging(None, "INFO")
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            handler.setLevel(logging.ERROR)


if __name__ == "__main__":
    _configure_logging()
    _quiet_offscreen_noise()
    raise SystemExit(main())
