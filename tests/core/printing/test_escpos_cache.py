"""Kiosk processes starting together share python-escpos's printer database cache safely.

python-escpos writes its pickled printer database in place; a second process reading
it meanwhile used to fail with "Ran out of input" (the layout audit's workers did, on
a fresh machine). The kiosk now publishes the pickle whole.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

IMPORT = (
    "from kiosk.printing.escpos import escpos_printers; "
    "assert escpos_printers().Dummy() is not None"
)


def _start(cache: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env["XDG_CACHE_HOME"] = str(cache)
    return subprocess.Popen(
        [sys.executable, "-c", IMPORT], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


@pytest.mark.skipif(sys.platform == "win32", reason="the cache is chosen by XDG_CACHE_HOME")
def test_processes_starting_together_on_an_empty_cache_all_load_the_printers(
    tmp_path: Path,
) -> None:
    for round_ in range(3):
        cache = tmp_path / f"cache{round_}"
        processes = [_start(cache) for _ in range(6)]
        errors = [p.communicate(timeout=120)[1] for p in processes]
        assert [p.returncode for p in processes] == [0] * 6, errors
        pickles = list(cache.rglob("*.capabilities.pickle"))
        assert len(pickles) == 1
        assert not [p for p in cache.rglob(".*") if p.is_file()]  # no staged copy left
        # The next process finds the published pickle and reads it.
        again = _start(cache)
        again.communicate(timeout=120)
        assert again.returncode == 0
