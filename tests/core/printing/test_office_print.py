"""The A4 tờ khai on the office printer: handed to CUPS's ``lp``, or to Windows' printto.

``lp`` is a fake program on ``PATH`` (``fake_cups``) that keeps what it was given,
so these tests see the exact arguments and bytes a real spooler would receive.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import Settings
from kiosk.paths import KioskPaths
from kiosk.printing.errors import (
    OfficePrinterNotFoundError,
    OfficePrinterNotSetError,
    OfficePrintError,
    OfficePrintTimeoutError,
    PrinterError,
    PrintSystemMissingError,
)
from kiosk.printing.office import print_with_lp, print_with_shell_verb
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.printing.fake_cups import (
    OTHER_QUEUE,
    QUEUE,
    FakeCups,
    install_fake_cups,
    posix_only,
)

APPLICANT = KHAI_SINH_ANSWERS["requester_name"]
PERSONAL = (APPLICANT, KHAI_SINH_ANSWERS["child_name"], KHAI_SINH_ANSWERS["requester_id"])


@pytest.fixture
def office_services(
    settings_factory: Callable[..., Settings], kiosk_paths: KioskPaths
) -> Iterator[KioskServices]:
    """A kiosk whose ``office_printer`` is the fake CUPS's working queue."""
    opened = KioskServices(settings_factory(office_printer=QUEUE), kiosk_paths)
    opened.open()
    yield opened
    opened.close()


@pytest.fixture
def reference(office_services: KioskServices) -> str:
    """The bundled birth registration, filed on that kiosk."""
    form = office_services.forms.get(FORM_ID)
    return office_services.declarations.submit(
        form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED
    ).reference


@pytest.fixture
def cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeCups:
    return install_fake_cups(tmp_path / "cups", monkeypatch)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@posix_only
def test_the_form_goes_to_lp_on_stdin_titled_by_its_reference_only(
    office_services: KioskServices,
    reference: str,
    cups: FakeCups,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    office_services.declarations.print_form(reference)
    (job,) = cups.jobs()
    assert job.argv == ("-d", QUEUE, "-t", reference, "-")
    assert job.data.startswith(b"%PDF-")
    assert job.data == office_services.declarations.pdf(reference)
    assert APPLICANT.casefold() in _text(job.data).casefold()
    # Its complaints are read in one language whatever the kiosk's.
    assert job.locale == "C"
    # Who printed which declaration where, and nothing about whom.
    newest = office_services.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("citizen", "declaration.print")
    assert dict(newest.detail) == {"reference": reference, "printer": QUEUE}
    assert f"spooled to {QUEUE}" in caplog.text
    assert f"request id is {QUEUE}-1" in caplog.text
    for personal in PERSONAL:
        assert personal not in caplog.text
        assert all(personal not in argument for argument in job.argv)


@posix_only
def test_a_queue_given_wins_over_the_setting_and_the_reference_is_forgiven(
    office_services: KioskServices, reference: str, cups: FakeCups
) -> None:
    grant = office_services.staff.grant_for_command_line()
    queue = office_services.declarations.print_form_for_staff(
        grant, f"  {reference.lower()} ", OTHER_QUEUE
    )
    assert queue == OTHER_QUEUE
    (job,) = cups.jobs()
    assert job.option("-d") == OTHER_QUEUE
    assert job.option("-t") == reference
    newest = office_services.audit.recent(1)[0]
    assert newest.actor == "it"
    assert dict(newest.detail) == {"reference": reference, "printer": OTHER_QUEUE}


@posix_only
def test_an_unknown_queue_is_named_with_cups_own_words(
    office_services: KioskServices, reference: str, cups: FakeCups
) -> None:
    with pytest.raises(OfficePrinterNotFoundError) as caught:
        office_services.declarations.print_form(reference, "Phong-Tiep-Nhan")
    assert caught.value.message.render() == (
        "Không tìm thấy máy in A4 “Phong-Tiep-Nhan”. Vui lòng báo cán bộ kiểm tra cài đặt."
    )
    assert caught.value.detail == "lp: The printer or class does not exist."
    assert isinstance(caught.value, PrinterError)
    assert cups.jobs() == []
    assert office_services.audit.recent(1)[0].action == "declaration.submit"  # nothing printed


@posix_only
def test_a_queue_refusing_jobs_gives_lp_first_line_of_complaint(
    office_services: KioskServices, reference: str, cups: FakeCups
) -> None:
    with pytest.raises(OfficePrintError) as caught:
        office_services.declarations.print_form(reference, "Paused")
    assert type(caught.value) is OfficePrintError
    assert caught.value.detail == 'lp: Destination "Paused" is not accepting jobs.'
    assert caught.value.describe() == (
        "Chưa gửi được tờ khai đến máy in A4. Vui lòng báo cán bộ. "
        '(Paused: lp: Destination "Paused" is not accepting jobs.)'
    )


@posix_only
def test_a_spooler_that_never_answers_is_given_up_on(cups: FakeCups) -> None:
    with pytest.raises(OfficePrintTimeoutError) as caught:
        print_with_lp(b"%PDF-1.4 test", "Stalled", title="HS-1-250310-0001", timeout_s=0.5)
    assert caught.value.detail == "lp gave no answer in 0.5 s"
    assert cups.jobs() == []


@posix_only
def test_a_computer_without_cups_says_so(
    office_services: KioskServices, reference: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(PrintSystemMissingError) as caught:
        office_services.declarations.print_form(reference)
    assert "lp not found on PATH" in caught.value.detail
    assert caught.value.message.render().startswith("Máy tính này chưa cài đặt hệ thống in")


def test_no_office_printer_set_prints_nothing(services: KioskServices, cups: FakeCups) -> None:
    assert services.settings.office_printer is None
    form = services.forms.get(FORM_ID)
    reference = services.declarations.submit(
        form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED
    ).reference
    with pytest.raises(OfficePrinterNotSetError, match="office_printer"):
        services.declarations.print_form(reference)
    assert cups.jobs() == []


def test_windows_hands_a_file_to_the_printto_verb_and_later_deletes_it(tmp_path: Path) -> None:
    calls: list[tuple[str, str, str]] = []

    def startfile(path: str, operation: str, arguments: str) -> None:
        calls.append((path, operation, arguments))

    spool = tmp_path / "spool"
    spool.mkdir()
    stale = spool / "HS-1-250309-0001-0a1b2c3d.pdf"
    stale.write_bytes(b"%PDF- an earlier citizen's form")
    old = stale.stat().st_mtime - 3600
    os.utime(stale, (old, old))
    pdf = b"%PDF-1.4 the form"
    print_with_shell_verb(
        pdf, "HP LaserJet M404", title="HS-1-250310-0001", folder=spool, startfile=startfile
    )
    ((path, operation, arguments),) = calls
    assert operation == "printto"
    assert arguments == '"HP LaserJet M404"'
    handed = Path(path)
    assert handed.parent == spool
    assert handed.name.startswith("HS-1-250310-0001-")
    assert handed.read_bytes() == pdf  # still there for the reader to open
    assert not stale.exists()  # long read: personal data does not pile up


def test_windows_without_a_reader_for_printto_says_so_and_keeps_no_file(tmp_path: Path) -> None:
    def startfile(path: str, operation: str, arguments: str) -> None:
        raise OSError(1155, "No application is associated with the specified file")

    spool = tmp_path / "spool"
    with pytest.raises(PrintSystemMissingError) as caught:
        print_with_shell_verb(
            b"%PDF-1.4", "HP", title="HS-1-250310-0001", folder=spool, startfile=startfile
        )
    assert "No application is associated" in caught.value.detail
    assert list(spool.iterdir()) == []
