"""Printed copies leave with the data: PDFs, receipt previews, ``.bin`` jobs, spool files;
and the printouts folder is capped by age and size."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.printing.office import print_with_shell_verb
from kiosk.services import KioskServices
from tests.core.conftest import FakeClock
from tests.core.privacy.conftest import MakeKiosk, submit_planted


def written(path: Path, when: datetime, size: int = 10) -> Path:
    """A file of ``size`` bytes last written at ``when`` (the kiosk's clock, not the OS's)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


def spool(kiosk: KioskServices, reference: str) -> None:
    """The A4 form handed to Windows' PDF reader, as ``declaration print`` does there."""
    print_with_shell_verb(
        kiosk.declarations.pdf(reference),
        "Office",
        title=reference,
        folder=kiosk.privacy.folders.spool,
        startfile=lambda *_args: None,
    )


def test_the_printed_copies_of_a_purged_declaration_go_with_it(
    kiosk: KioskServices, clock: FakeClock
) -> None:
    submitted = submit_planted(kiosk)
    kiosk.slips.receipt(submitted.reference)
    printouts = kiosk.paths.printouts
    (printouts / f"{submitted.reference}.pdf").write_bytes(
        kiosk.declarations.pdf(submitted.reference)
    )
    spool(kiosk, submitted.reference)
    kiosk.desk.take("A")  # a ticket: no reference, young, stays
    receipt_files = {n for n in names(printouts) if submitted.reference in n and "receipt" in n}
    assert {Path(n).suffix for n in receipt_files} == {".bin", ".png"}
    assert len(names(kiosk.privacy.folders.spool)) == 1

    clock.advance(timedelta(days=7))
    other = written(printouts / "HS-1-250310-00010.pdf", clock.now)  # not this declaration
    purged = kiosk.privacy.purge_due()

    assert purged.declarations == 1
    assert purged.files == 4  # .bin, .png, the PDF, the spool file
    left = names(printouts)
    assert not any(submitted.reference + "." in n or submitted.reference + "-" in n for n in left)
    assert other.name in left
    assert any("ticket-A" in n for n in left)
    assert names(kiosk.privacy.folders.spool) == set()


def test_old_files_go_then_the_oldest_while_over_the_cap(
    make_kiosk: MakeKiosk, clock: FakeClock
) -> None:
    kiosk = make_kiosk(printouts_max_age_days=3, printouts_max_mb=1)
    printouts = kiosk.paths.printouts
    now = clock.now
    stale = written(printouts / "stale.png", now - timedelta(days=3))
    oldest = written(printouts / "a.bin", now - timedelta(hours=30), 400_000)
    middle = written(printouts / "b.bin", now - timedelta(hours=20), 400_000)
    newest = written(printouts / "c.bin", now - timedelta(hours=10), 400_000)
    sub_folder = written(printouts / "it-notes" / "keep.txt", now - timedelta(days=30))
    spooled = kiosk.privacy.folders.spool
    done = written(spooled / "HS-1-250301-0001-aaaa.pdf", now - timedelta(minutes=11))
    reading = written(spooled / "HS-1-250301-0002-bbbb.pdf", now - timedelta(minutes=5))

    purged = kiosk.privacy.purge_due()

    assert purged.declarations == 0
    assert (purged.files, purged.file_bytes) == (3, 10 + 400_000 + 10)
    assert names(printouts) == {middle.name, newest.name, "a4-spool", "it-notes"}
    assert not stale.exists()
    assert not oldest.exists()
    assert sub_folder.exists()  # only the folder's own files are the kiosk's
    assert not done.exists()
    assert reading.exists()


def test_the_file_printers_own_folder_is_swept_too(
    make_kiosk: MakeKiosk, clock: FakeClock, tmp_path: Path
) -> None:
    jobs = tmp_path / "jobs"
    kiosk = make_kiosk(printer=f"file:{jobs}", retention_days=2)
    old = written(jobs / "20250301-receipt-HS-1-250301-0001.png", clock.now - timedelta(days=2))
    young = written(jobs / "20250310-ticket-A-001.png", clock.now - timedelta(days=1))

    assert kiosk.privacy.purge_due().files == 1  # the retention (2) is below the cap (3)

    assert not old.exists()
    assert young.exists()


def test_the_report_lists_the_files_without_naming_what_is_in_them(
    kiosk: KioskServices, clock: FakeClock
) -> None:
    written(kiosk.paths.printouts / "x.bin", clock.now - timedelta(hours=5), 300)
    written(kiosk.paths.printouts / "y.png", clock.now - timedelta(hours=1), 200)
    written(kiosk.privacy.folders.spool / "z.pdf", clock.now - timedelta(minutes=1), 50)

    report = kiosk.privacy.report(kiosk.staff.grant_for_command_line())

    assert (report.printouts.files, report.printouts.bytes) == (2, 500)
    assert report.printouts.oldest_at == clock.now - timedelta(hours=5)
    assert (report.spool.files, report.spool.bytes) == (1, 50)
    assert report.as_json()["printouts"] == {
        "files": 2,
        "bytes": 500,
        "oldest_at": (clock.now - timedelta(hours=5)).isoformat(),
        "oldest_age_days": 0.2,
    }
