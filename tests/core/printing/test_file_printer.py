"""The default printer: exact bytes and a preview in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kiosk.printing.errors import PrinterUnavailableError
from kiosk.printing.printers import FilePrinter
from kiosk.printing.service import PrintService
from tests.core.printing.conftest import ticket_document


@pytest.mark.parametrize(("paper", "dots"), [("80mm", 576), ("58mm", 384)])
def test_the_file_printer_writes_the_exact_bytes_and_a_png_preview(
    tmp_path: Path, paper: str, dots: int
) -> None:
    printing = PrintService(f"file:?paper={paper}", tmp_path / "printouts")
    job = printing.job(ticket_document())
    printer = printing.open_printer()
    assert isinstance(printer, FilePrinter)
    printing.send_to(printer, job)
    assert printer.written is not None
    data, preview = printer.written
    assert data.parent == tmp_path / "printouts"
    assert data.name.endswith("-ticket-A-001.bin")
    assert data.read_bytes() == job.data
    with Image.open(preview) as image:
        assert image.format == "PNG"
        assert image.size == (dots, job.image.height)
    assert sorted(path.suffix for path in data.parent.iterdir()) == [".bin", ".png"]


def test_two_jobs_in_the_same_second_keep_both_files(tmp_path: Path) -> None:
    printing = PrintService(f"file:{tmp_path}", tmp_path / "unused")
    job = printing.job(ticket_document())
    printing.send(job)
    printing.send(job)
    assert len(list(tmp_path.glob("*.bin"))) == 2


def test_a_folder_it_cannot_create_is_an_unavailable_printer(tmp_path: Path) -> None:
    in_the_way = tmp_path / "printouts"
    in_the_way.write_text("a file where the folder should be", encoding="utf-8")
    printing = PrintService(f"file:{in_the_way}", tmp_path)
    with pytest.raises(PrinterUnavailableError) as raised:
        printing.send(printing.job(ticket_document()))
    assert str(in_the_way) in raised.value.detail
