"""Kiosks that sync with the real centre server through a fault-injecting proxy.

The server is the ``centre_server`` fixture of ``tests/conftest.py`` (uvicorn on
loopback over a SQLite file); :class:`~tests.sync_faults.proxy.FaultProxy` sits
between it and every kiosk. Kiosks are real :class:`KioskServices` on their own data
folders, enrolled through the real exchange; a test that makes the server hang gives
them a short read timeout, so the hang costs it a second or two rather than twenty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from kiosk.sync.connection import Timeouts
from kiosk.sync.service import SyncService
from tests.core.conftest import FakeClock
from tests.sync_faults.kiosks import MONDAY_MORNING
from tests.sync_faults.proxy import FaultProxy

if TYPE_CHECKING:
    from tests.centre_server import CentreServer

#: Long enough for any answer on a loaded machine.
TEST_TIMEOUTS = Timeouts(connect_s=5.0, read_s=5.0)

MakeKiosk = Callable[..., KioskServices]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_MORNING)


@pytest.fixture
def proxy(centre_server: CentreServer) -> Iterator[FaultProxy]:
    with FaultProxy(centre_server.port) as running:
        yield running


def with_timeouts(kiosk: KioskServices, timeouts: Timeouts) -> None:
    """Rebuild the kiosk's sync service as ``KioskServices`` does, with ``timeouts``."""
    kiosk.sync = SyncService(
        kiosk.db,
        kiosk.settings,
        leases=kiosk.tickets.leases,
        forms=kiosk.forms,
        on_catalogue_changed=kiosk.catalog.invalidate,
        audit=kiosk.audit,
        clock=kiosk.clock,
        timeouts=timeouts,
        probe_timeouts=timeouts,
    )


@pytest.fixture
def make_kiosk(
    tmp_path: Path, clock: FakeClock, proxy: FaultProxy, centre_server: CentreServer
) -> Iterator[MakeKiosk]:
    """Enrolled kiosks syncing through the proxy, 5 outbox entries per upload.

    ``timeouts`` replaces the HTTP timeouts; other keywords override settings.
    """
    opened: list[KioskServices] = []

    def make(*, timeouts: Timeouts = TEST_TIMEOUTS, **overrides: Any) -> KioskServices:
        # Each its own kiosk number, as the server requires of a centre's kiosks.
        values: dict[str, Any] = {
            "server_url": proxy.url,
            "sync_batch_size": 5,
            "kiosk_number": len(opened) + 1,
        }
        values.update(overrides)
        paths = prepare_data_dir(tmp_path / f"kiosk-{len(opened)}")
        kiosk = KioskServices(Settings(**values), paths, clock=clock)
        kiosk.open()
        opened.append(kiosk)
        with_timeouts(kiosk, timeouts)
        kiosk.sync.enrol(centre_server.code())
        return kiosk

    yield make
    for kiosk in opened:
        kiosk.close()
