"""Two kiosks of one centre, one queue: no số thứ tự printed twice, online or offline.

Kiosks 1 and 2 take turns issuing tickets for queue A: first online, from blocks the
server leased them; then with the server down, using up their blocks and falling back
on their own offline bands (700–729 and 730–759); then online again. Every label is
different, and the server receives every ticket once.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from kiosk.clock import LOCAL_TZ
from kiosk.queue.numbering import local_band
from kiosk.services import KioskServices
from tests.centre_server import CentreServer
from tests.core.conftest import FakeClock
from tests.sync_faults.conftest import MakeKiosk
from tests.sync_faults.kiosks import assert_each_exactly_once, server_record
from tests.sync_faults.proxy import Fault, FaultProxy

QUEUE = "A"


def test_two_kiosks_never_print_the_same_number_online_offline_and_back(
    make_kiosk: MakeKiosk, proxy: FaultProxy, centre_server: CentreServer, clock: FakeClock
) -> None:
    kiosks = [make_kiosk(kiosk_number=1), make_kiosk(kiosk_number=2, kiosk_name="KIOSK-02")]
    day = clock().astimezone(LOCAL_TZ).date()
    labels: list[str] = []
    numbers: dict[int, list[int]] = {1: [], 2: []}

    def take_turns(rounds: int) -> None:
        for _ in range(rounds):
            for kiosk in kiosks:
                ticket = kiosk.tickets.issue(QUEUE)
                labels.append(ticket.label)
                numbers[kiosk.settings.kiosk_number].append(ticket.number)

    def sync_all(outcome: str) -> None:
        for kiosk in kiosks:
            report = kiosk.sync.sync_once()
            assert report.outcome == outcome, report.error

    # Online: numbers from the server's blocks, topped up as they run low.
    sync_all("ok")
    for _ in range(3):
        take_turns(10)
        sync_all("ok")
    assert all(number < 700 for kiosk_numbers in numbers.values() for number in kiosk_numbers)

    # Offline: what is left of the blocks, then each kiosk's own band.
    proxy.inject(Fault.DOWN)
    left = max(_shared_left(kiosk, day) for kiosk in kiosks)
    take_turns(left + 5)
    sync_all("retry")
    for kiosk_number, taken in numbers.items():
        first, last = local_band(kiosk_number)
        assert len([n for n in taken if first <= n <= last]) >= 5, kiosk_number

    # Online again: fresh blocks, and everything uploaded.
    proxy.clear()
    sync_all("ok")
    take_turns(10)
    sync_all("ok")

    assert len(labels) == len(set(labels)), Counter(labels).most_common(3)
    assert server_record(centre_server).ticket_labels == Counter(labels)
    assert_each_exactly_once(centre_server, *kiosks)


def _shared_left(kiosk: KioskServices, day: date) -> int:
    return kiosk.tickets.leases.remaining(QUEUE, day, shared_only=True)
