"""Memory over one visit to every screen, with the bundled catalogue and with 10,000.

Part of ``python -m kiosk bench startup``. A kiosk PC must hold the kiosk's peak, not
its start: the form's pages, the search index, the ward lists, the printer's slips all
come later. ``python -m ui.bench_journeys`` walks every screen and page once in a
child process over a data folder made here, and reports the most memory it held
(``ui.bench_journeys.peak_rss_mb``):

- ``journey_peak_rss_mb``: the bundled catalogue;
- ``journey_peak_rss_<size>_procedures_mb``: a catalogue of ``size`` procedures (the
  bundled ones, the national portal's real records where the shared file is there,
  then clones as the search benchmark makes them), imported as IT imports one;
- ``journey_after_visit_rss…_mb``: what the child still holds after the visit ended.

The data folder is made before the child starts (database migrated, catalogue loaded,
staff PIN set), so the figures are those of a kiosk in service, not of its first start.
When the child cannot run, its metrics are left out and the reason goes to stderr, so
the start-up figures are still reported.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.bench.startup import child_environment
from kiosk.bench.stats import summarise
from kiosk.paths import PROJECT_ROOT

if TYPE_CHECKING:
    from wire.catalogue import CatalogueFile

#: The staff PIN of the benchmark's data folder, typed on the PIN pad by the child.
BENCH_PIN = "246810"
#: The procedure, the form and the query the walk uses (đăng ký khai sinh).
PROCEDURE_CODE = "1.001193"
FORM_ID = "khai-sinh"
SEARCH_QUERY = "dang ky khai sinh"
BIG_CATALOGUE_SIZE = 10_000
#: The longest procedure name the catalogue format takes (``wire.catalogue.Name``).
NAME_LIMIT = 1_000
CHILD_MODULE = "ui.bench_journeys"
CHILD_TIMEOUT_S = 300

Metrics = dict[str, dict[str, float | int]]


def run(runs: int = 7, size: int = BIG_CATALOGUE_SIZE) -> Metrics:
    """``runs`` walks with the bundled catalogue, then ``runs`` with ``size`` procedures."""
    results: Metrics = {}
    for suffix, procedures in (("", None), (f"_{size}_procedures", size)):
        peaks: list[float] = []
        held: list[float] = []
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-journeys-") as folder:
            data_dir = Path(folder) / "data"
            prepare_data_folder(data_dir, procedures)
            for _ in range(max(1, runs)):
                walked = _walk(data_dir)
                if walked is None:
                    break
                peak_mb, after_visit_mb = walked
                held.append(after_visit_mb)
                if peak_mb is not None:
                    peaks.append(peak_mb)
        if peaks:
            results[f"journey_peak_rss{suffix}_mb"] = summarise(peaks)
        if held:
            results[f"journey_after_visit_rss{suffix}_mb"] = summarise(held)
    return results


def prepare_data_folder(data_dir: Path, procedures: int | None = None) -> None:
    """A kiosk's data folder as in service: migrated, catalogue loaded, staff PIN set.

    With ``procedures``, a catalogue of that many (at least the bundled ones) replaces
    the bundled one through the importer, in one transaction, as ``catalog import`` does.
    """
    from kiosk.catalog.importer import import_catalogue
    from kiosk.config import Settings
    from kiosk.crypto.keys import throwaway_key_file
    from kiosk.paths import prepare_data_dir
    from kiosk.services import KioskServices

    now = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
    settings = Settings(data_key_file=throwaway_key_file(data_dir))
    services = KioskServices(settings, prepare_data_dir(data_dir), clock=lambda: now)
    services.open()
    try:
        services.staff.set_pin(BENCH_PIN)
        if procedures is not None:
            import_catalogue(services.db, big_catalogue(procedures), clock=lambda: now)
    finally:
        services.close()


def big_catalogue(size: int, portal: Path | None = None) -> CatalogueFile:
    """The bundled catalogue grown to ``size`` procedures.

    The bundled ones come first (their forms and queues are what the walk uses), then
    the portal file's real records, then clones of both with new codes and varied names
    (``kiosk.bench.search.clone_to_size``), so names and texts are a real province's.
    """
    import msgspec

    from kiosk.bench.search import PORTAL_FILE, clone_to_size
    from kiosk.catalog.bundled import BUNDLED_CATALOGUE
    from wire.catalogue import Procedure
    from wire.catalogue_files import read_catalogue_file
    from wire.portal import read_portal_file

    base = read_catalogue_file(BUNDLED_CATALOGUE)
    fields = {field.code: field for field in base.fields}
    agencies = {agency.code: agency for agency in base.agencies}
    procedures = {procedure.code: procedure for procedure in base.procedures}
    portal = PORTAL_FILE if portal is None else portal
    if portal.exists():
        real, _problems = read_portal_file(portal)
        for field in real.fields:
            fields.setdefault(field.code, field)
        for agency in real.agencies:
            agencies.setdefault(agency.code, agency)
        for procedure in real.procedures:
            procedures.setdefault(procedure.code, procedure)

    def clone(source: Procedure, code: str, name: str, popularity: int) -> Procedure:
        # A few real names are so long that a suffix would pass the format's limit.
        fitting = name if len(name) <= NAME_LIMIT else source.name
        return msgspec.structs.replace(source, code=code, name=fitting, popularity=popularity)

    grown = clone_to_size(list(procedures.values()), max(size, len(base.procedures)), clone)
    return msgspec.structs.replace(
        base,
        catalogue_version=f"bench-{size}",
        note="",
        fields=list(fields.values()),
        agencies=list(agencies.values()),
        procedures=grown,
    )


def _walk(data_dir: Path) -> tuple[float | None, float] | None:
    """One walk: (the child's peak MB, MB held after the visit); ``None`` if it failed."""
    env = child_environment(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        child = subprocess.run(
            [sys.executable, "-m", CHILD_MODULE, "--data-dir", str(data_dir)],
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            env=env,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        _not_measured(f"{CHILD_MODULE} took over {CHILD_TIMEOUT_S} s")
        return None
    lines = child.stdout.strip().splitlines()
    if child.returncode != 0 or not lines:
        reason = (child.stderr.strip().splitlines() or ["no output"])[-1]
        _not_measured(f"{CHILD_MODULE} exited {child.returncode}: {reason}")
        return None
    try:
        report = json.loads(lines[-1])
        peak = report["peak_rss_mb"]
        return (None if peak is None else float(peak)), float(report["after_visit_rss_mb"])
    except (ValueError, KeyError, TypeError) as exc:
        _not_measured(f"{CHILD_MODULE} printed no memory figures ({exc})")
        return None


def _not_measured(reason: str) -> None:
    print(f"bench startup: journey memory not measured: {reason}", file=sys.stderr)
