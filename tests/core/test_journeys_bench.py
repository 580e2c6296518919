"""The memory benchmark's data folder: a kiosk in service, with a catalogue grown to size.

The walk itself runs in ``tests/core/test_bench.py`` (through the command line) and
``tests/ui/test_lazy_imports.py``; here are its parts that need no screen.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.bench.journeys import BENCH_PIN, PROCEDURE_CODE, big_catalogue, prepare_data_folder
from kiosk.catalog.bundled import BUNDLED_CATALOGUE
from kiosk.config import Settings
from kiosk.paths import KioskPaths
from kiosk.services import KioskServices
from wire.catalogue_files import read_catalogue_file, validate_catalogue


def test_the_big_catalogue_is_the_bundled_one_grown_with_clones(tmp_path: Path) -> None:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    grown = big_catalogue(120, portal=tmp_path / "no-portal-file.jsonl")
    codes = [procedure.code for procedure in grown.procedures]
    assert len(codes) == len(set(codes)) == 120
    assert grown.procedures[: len(bundled.procedures)] == bundled.procedures
    clones = grown.procedures[len(bundled.procedures) :]
    assert all(procedure.code.startswith("9.") for procedure in clones)
    names = {procedure.name for procedure in bundled.procedures}
    assert all(procedure.name not in names for procedure in clones)  # a suffix each
    assert validate_catalogue(grown) == grown  # the importer takes it whole


def test_a_catalogue_never_shrinks_below_the_bundled_one(tmp_path: Path) -> None:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    small = big_catalogue(3, portal=tmp_path / "no-portal-file.jsonl")
    assert small.procedures == bundled.procedures


def test_the_data_folder_is_a_kiosk_in_service(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    prepare_data_folder(data_dir, 120)
    services = KioskServices(Settings(), KioskPaths(data_dir))
    services.open()
    try:
        assert sum(field.count for field in services.catalog.fields()) == 120
        assert services.catalog.procedure(PROCEDURE_CODE).form_id == "khai-sinh"
        services.staff.unlock(BENCH_PIN)  # raises on a wrong PIN
    finally:
        services.close()
