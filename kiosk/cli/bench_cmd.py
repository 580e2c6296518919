"""``bench NAME --json``: run one benchmark and print its metrics."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.bench import journeys, startup

Metrics = dict[str, dict[str, float | int]]
#: ``--declarations`` when not given: its meaning and scale differ between benchmarks.
FORMS_DECLARATIONS = 100


def _startup(args: argparse.Namespace) -> Metrics:
    runs = max(1, args.runs)
    return {**startup.run(runs=runs), **journeys.run(runs=runs, size=args.size)}


def _search(args: argparse.Namespace) -> Metrics:
    from kiosk.bench import search  # loads the portal importer: only when asked for

    return search.run(catalog=args.catalog, size=args.size, runs=max(1, args.runs))


def _ticket(args: argparse.Namespace) -> Metrics:
    from kiosk.bench import ticket  # loads printing and the queue: only when asked for

    return ticket.run(tickets=args.tickets)


def _forms(args: argparse.Namespace) -> Metrics:
    from kiosk.bench import forms  # loads declarations, printing and fpdf2: only when asked for

    declarations = FORMS_DECLARATIONS if args.declarations is None else args.declarations
    return forms.run(declarations=max(1, declarations), runs=max(1, args.runs))


def _sync(args: argparse.Namespace) -> Metrics:
    from kiosk.bench import sync  # starts a server child process: only when asked for

    return sync.run(
        declarations=sync.DEFAULT_DECLARATIONS if args.declarations is None else args.declarations
    )


#: Every benchmark by name, given the parsed options; later areas add theirs here.
BENCHMARKS: dict[str, Callable[[argparse.Namespace], Metrics]] = {
    "startup": _startup,
    "search": _search,
    "ticket": _ticket,
    "forms": _forms,
    "sync": _sync,
}


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "bench", help="run a benchmark", description="Run a benchmark and print its metrics."
    )
    parser.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark")
    parser.add_argument("--runs", type=int, default=7, help="measured runs (default 7)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--catalog",
        type=Path,
        default=None,
        help="search: a portal JSON-lines file (default: the shared test data beside the project)",
    )
    parser.add_argument(
        "--size",
        type=int,
        default=10_000,
        help="search, startup: the synthetic catalogue's size (default 10000)",
    )
    parser.add_argument(
        "--tickets", type=int, default=200, help="ticket: tickets issued and printed (default 200)"
    )
    parser.add_argument(
        "--declarations",
        type=int,
        default=None,
        help="forms: declarations submitted per submit metric (default 100; --runs PDFs); "
        "sync: declarations pushed (default 10000)",
    )
    parser.set_defaults(handler=bench)


def bench(args: argparse.Namespace) -> int:
    results = BENCHMARKS[args.name](args)
    if args.json:
        print(json.dumps({"bench": args.name, "results": results}))
    else:
        for metric, summary in results.items():
            figures = "  ".join(f"{key}={value}" for key, value in summary.items())
            print(f"{metric:<40} {figures}")
    return 0
