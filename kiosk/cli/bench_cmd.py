"""``bench NAME --json``: run one benchmark and print its metrics."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from kiosk.bench import startup

Metrics = dict[str, dict[str, float | int]]

#: Every benchmark by name; later areas add theirs here.
BENCHMARKS: dict[str, Callable[[int], Metrics]] = {
    "startup": lambda runs: startup.run(runs=runs),
}


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "bench", help="run a benchmark", description="Run a benchmark and print its metrics."
    )
    parser.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark")
    parser.add_argument("--runs", type=int, default=7, help="measured runs (default 7)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=bench)


def bench(args: argparse.Namespace) -> int:
    results = BENCHMARKS[args.name](max(1, args.runs))
    if args.json:
        print(json.dumps({"bench": args.name, "results": results}))
    else:
        for metric, summary in results.items():
            figures = "  ".join(f"{key}={value}" for key, value in summary.items())
            print(f"{metric:<40} {figures}")
    return 0
