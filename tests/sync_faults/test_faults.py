"""Nothing lost, nothing twice: kiosks sync through every kind of fault, then recover.

Two kiosks with dossiers and tickets waiting start uploading, five entries a request;
part-way through, the proxy between them and the server fails in one way. Each kiosk
tries again while the fault lasts; once it is gone, sync runs to completion. Then the
server holds every dossier, ticket and outbox entry exactly once and the kiosks hold
nothing pending.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kiosk.sync.connection import Timeouts
from tests.centre_server import CentreServer
from tests.sync_faults.conftest import TEST_TIMEOUTS, MakeKiosk
from tests.sync_faults.kiosks import assert_each_exactly_once, file_entries, sync_until_drained
from tests.sync_faults.proxy import Fault, FaultProxy

OUTBOX = "/v1/outbox"


@dataclass(frozen=True)
class Case:
    fault: Fault
    #: Faulty requests; ``None``: until the fault is cleared.
    times: int | None
    #: The server stored the batch but the kiosk never heard: the retry is a duplicate.
    answer_lost: bool
    #: How long the kiosk waits for an answer: only a hang needs this short.
    read_timeout_s: float = TEST_TIMEOUTS.read_s


CASES = {
    "server_down": Case(Fault.DOWN, None, answer_lost=False),
    "http_500": Case(Fault.ERROR, 3, answer_lost=False),
    "http_500_after_storing": Case(Fault.ERROR_AFTER, 3, answer_lost=True),
    "answer_cut_mid_body": Case(Fault.CUT, 3, answer_lost=True),
    "request_hangs": Case(Fault.HANG, 2, answer_lost=False, read_timeout_s=1.5),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_entry_reaches_the_server_once_through_a_fault(
    case: Case, make_kiosk: MakeKiosk, proxy: FaultProxy, centre_server: CentreServer
) -> None:
    timeouts = Timeouts(connect_s=TEST_TIMEOUTS.connect_s, read_s=case.read_timeout_s)
    kiosks = [
        make_kiosk(kiosk_number=1, timeouts=timeouts),
        make_kiosk(kiosk_number=2, kiosk_name="KIOSK-02", timeouts=timeouts),
    ]
    for kiosk in kiosks:
        file_entries(kiosk, dossiers=12, tickets=6)
    # The first upload goes through, the fault meets the ones after it.
    proxy.inject(case.fault, after=1, times=case.times, path=OUTBOX)

    during = [kiosk.sync.sync_once() for _ in range(2) for kiosk in kiosks]

    assert proxy.faults >= 1
    assert [report.outcome for report in during].count("retry") >= 1
    assert any(report.push.accepted for report in during)  # it failed part-way through
    if case.fault is Fault.HANG:
        assert any(report.online is False for report in during)  # the read timeout fired

    proxy.clear()
    after = [report for kiosk in kiosks for report in sync_until_drained(kiosk)]

    assert after[-1].outcome == "ok"
    assert all(kiosk.sync.status().pending == 0 for kiosk in kiosks)
    assert_each_exactly_once(centre_server, *kiosks)
    duplicates = sum(report.push.duplicates for report in during + after)
    if case.answer_lost:
        assert duplicates >= 1, "the lost answers were not sent again"
    else:
        assert duplicates == 0, "the server never had those entries"


def test_a_kiosk_catches_up_after_the_server_itself_was_down(
    make_kiosk: MakeKiosk, proxy: FaultProxy, centre_server: CentreServer
) -> None:
    kiosk = make_kiosk()
    file_entries(kiosk, dossiers=6, tickets=3)
    centre_server.stop()

    offline = kiosk.sync.sync_once()

    assert (offline.outcome, offline.online, offline.pending) == ("retry", False, 9)
    centre_server.start()
    assert sync_until_drained(kiosk)[-1].outcome == "ok"
    assert_each_exactly_once(centre_server, kiosk)
