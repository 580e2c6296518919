"""SIGKILL at random moments of an upload loses nothing and stores nothing twice.

A kiosk data folder holds a few hundred pending dossiers and tickets. The ``sync
--once`` command line runs on it in a child process (forked by ``sync_child`` from a
process that imported the kiosk once, so fifty passes do not cost fifty interpreter
start-ups), through a proxy that holds every answer a little (so most kills land
while a batch the server already stored waits for its answer), and is killed with
SIGKILL after a random delay, 50 times over. Then one clean ``python -m kiosk sync
--once`` drains the rest: every dossier is on the server once and the outbox is empty.

The seed of the random delays is printed and named in every assertion; set
``SYNC_FAULTS_SEED`` to run the same delays again.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.paths import PROJECT_ROOT, prepare_data_dir
from kiosk.services import KioskServices
from kiosk.sync import credentials
from tests.centre_server import CentreServer
from tests.conftest import KioskCli
from tests.core.conftest import FakeClock
from tests.sync_faults.kiosks import assert_each_exactly_once, file_entries
from tests.sync_faults.proxy import FaultProxy

SEED_ENV = "SYNC_FAULTS_SEED"
KILLS = 50
DOSSIERS = 240
TICKETS = 60
BATCH = 4
#: Every answer waits this long in the proxy: a kill mostly lands mid-request.
ANSWER_DELAY_S = 0.03
#: A kill comes this long at most after the pass's first request.
KILL_WINDOW_S = 0.2
CHILD_TIMEOUT_S = 60.0
_DUPLICATES = re.compile(r"(\d+) duplicate")


def _seed() -> int:
    return int(os.environ.get(SEED_ENV) or random.SystemRandom().randrange(2**32))


@dataclass(frozen=True)
class WaitingKiosk:
    """A closed kiosk data folder with entries pending, and how a child process syncs it."""

    kiosk: KioskServices
    env: dict[str, str]
    proxy: FaultProxy


@pytest.fixture
def waiting_kiosk(
    tmp_path: Path, centre_server: CentreServer, fresh_kiosk_env: dict[str, str], clock: FakeClock
) -> Iterator[WaitingKiosk]:
    """Enrolled through a slow proxy, holding server leases and DOSSIERS + TICKETS entries.

    Its token and its data key are in the JSON-file keyring that child processes share
    (``shared_keyring``, through ``fresh_kiosk_env``).
    """
    with FaultProxy(centre_server.port, answer_delay_s=ANSWER_DELAY_S) as proxy:
        settings = Settings(server_url=proxy.url, sync_batch_size=BATCH)
        paths = prepare_data_dir(Path(fresh_kiosk_env["KIOSK_HOME"]))
        kiosk = KioskServices(settings, paths, clock=clock)
        kiosk.open()
        try:
            device = kiosk.sync.enrol(centre_server.code()).device_id
            assert kiosk.sync.sync_once().outcome == "ok"  # leases for the tickets
            file_entries(kiosk, dossiers=DOSSIERS, tickets=TICKETS)
            assert kiosk.sync.status().pending == DOSSIERS + TICKETS
            assert credentials.load_token(device), "where the children will find it"
        finally:
            kiosk.close()
        env = {
            **fresh_kiosk_env,
            "KIOSK_SERVER_URL": proxy.url,
            "KIOSK_SYNC_BATCH_SIZE": str(BATCH),
        }
        yield WaitingKiosk(kiosk, env, proxy)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
def test_sync_killed_50_times_at_random_then_run_clean_stores_everything_once(
    waiting_kiosk: WaitingKiosk,
    centre_server: CentreServer,
    kiosk_cli: KioskCli,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    seed = _seed()
    note = f"(seed {seed}; {SEED_ENV}={seed} repeats it)"
    print(f"random kill delays: {note}")
    caplog.set_level(logging.INFO, logger="server.outbox")
    env = waiting_kiosk.env

    with _Forker(env, tmp_path / "passes.log") as forker:
        landed = _kill_at_random(forker, waiting_kiosk.proxy, random.Random(seed), note)
    final = kiosk_cli("sync", "--once", "--json", env=env)

    assert final.returncode == 0, f"{final.stdout} {final.stderr} {note}"
    report = json.loads(final.stdout)
    assert (report["outcome"], report["pending"]) == ("ok", 0), note
    assert landed >= KILLS // 2, f"only {landed} kills landed mid-pass {note}"
    duplicates = sum(
        int(found)
        for record in caplog.records
        if record.name == "server.outbox"
        for found in _DUPLICATES.findall(record.getMessage())
    )
    print(f"{landed} of {KILLS} kills landed mid-pass; {duplicates} entries came twice")
    # The server had stored batches whose answers died with the pass: sent again.
    assert duplicates >= 1, f"no kill landed between storing and acknowledging {note}"
    kiosk = waiting_kiosk.kiosk
    kiosk.open()
    try:
        assert_each_exactly_once(centre_server, kiosk, note=note)
    finally:
        kiosk.close()


def _kill_at_random(forker: _Forker, proxy: FaultProxy, rng: random.Random, note: str) -> int:
    """Start, then SIGKILL, ``KILLS`` passes; how many were still running when killed."""
    landed = 0
    for _ in range(KILLS):
        seen = proxy.requests
        forker.start_pass()
        assert proxy.wait_for_requests(seen + 1, CHILD_TIMEOUT_S), f"a pass never began {note}"
        time.sleep(rng.uniform(0, KILL_WINDOW_S))
        if forker.kill_pass() == -signal.SIGKILL:
            landed += 1
    return landed


class _Forker:
    """``sync_child``: one process that imported the kiosk, forking the passes."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self._log = log.open("ab")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.sync_faults.sync_child"],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )

    def __enter__(self) -> _Forker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._process.communicate("quit\n", timeout=CHILD_TIMEOUT_S)
        self._log.close()

    def start_pass(self) -> None:
        self._say("go")
        assert self._hear() == "started"

    def kill_pass(self) -> int:
        """SIGKILL the pass; its exit code (``-9`` if it was still running)."""
        self._say("kill")
        word, code = self._hear().split()
        assert word == "exit"
        return int(code)

    def _say(self, word: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(word + "\n")
        self._process.stdin.flush()

    def _hear(self) -> str:
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        if not line:
            raise AssertionError(f"sync_child stopped (exit {self._process.poll()})")
        return line
