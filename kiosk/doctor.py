"""Health checks for IT staff: what is wrong with this kiosk, in one list.

Each check returns a :class:`CheckResult`; ``error`` means the kiosk cannot do its
job, ``warning`` that something will be needed later (a keyring before enrolment).
"""

from __future__ import annotations

import enum
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import keyring
import keyring.errors

from kiosk import APP_NAME
from kiosk.config import Settings
from kiosk.crypto.keys import key_store
from kiosk.db import Database
from kiosk.errors import KioskError
from kiosk.lockdown import LockdownReport, os_lockdown
from kiosk.paths import RESOURCES_DIR, KioskPaths, loose_modes, prepare_data_dir, resolve_data_dir
from kiosk.printing.errors import PrinterError
from kiosk.printing.uri import parse_printer_uri

T = TypeVar("T")


class Status(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    status: Status
    detail: str


@dataclass(slots=True)
class Report:
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.status is not Status.ERROR for check in self.checks)

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "checks": [
                {"name": c.name, "status": c.status.value, "detail": c.detail} for c in self.checks
            ],
        }


def run_checks(
    config: Path | None = None,
    data_dir: Path | None = None,
    *,
    lockdown: Callable[[], LockdownReport] = os_lockdown,
) -> Report:
    """Every check, in the order an IT person would fix them; never raises.

    ``lockdown`` reads the operating system's lockdown (another machine's, in tests)."""
    report = Report()
    settings = _check(report, "config", lambda: _config(config, data_dir))
    if settings is None:
        return report
    paths = _check(report, "data_dir", lambda: _data_dir(settings, data_dir))
    if paths is not None:
        found = paths
        _check(report, "file_modes", lambda: _permissions(found))
        _check(report, "database", lambda: _database(paths))
        if report.checks[-1].status is not Status.ERROR:
            _check(report, "data_key", lambda: _data_key(settings, found))
    _check(report, "printer", lambda: _printer(settings))
    if settings.office_printer:
        queue = settings.office_printer
        _check(report, "office_printer", lambda: _office_printer(queue))
    _check(report, "keyring", lambda: _keyring(settings))
    if paths is not None and report.ok:
        _check_sync(report, settings, paths)
    _check(report, "resources", _resources)
    _check(report, "lockdown", lambda: _lockdown(settings, lockdown()))
    return report


def _check(report: Report, name: str, probe: Callable[[], tuple[T, CheckResult]]) -> T | None:
    try:
        value, result = probe()
    except KioskError as exc:
        report.checks.append(CheckResult(name, Status.ERROR, exc.message.render()))
        return None
    report.checks.append(CheckResult(name, result.status, result.detail))
    return value


def _config(path: Path | None, data_dir: Path | None) -> tuple[Settings, CheckResult]:
    from kiosk.setup.answers import settings_in_force

    settings = settings_in_force(path, data_dir)
    return settings, CheckResult("config", Status.OK, "settings valid")


def _data_dir(settings: Settings, cli_dir: Path | None) -> tuple[KioskPaths, CheckResult]:
    paths = prepare_data_dir(resolve_data_dir(cli_dir, settings.data_dir))
    return paths, CheckResult("data_dir", Status.OK, f"{paths.data_dir} writable")


def _database(paths: KioskPaths) -> tuple[None, CheckResult]:
    """Opens the database as start-up does: created and migrated if need be."""
    from kiosk.db.migrate import current_revision, head_revision

    database = Database(paths.database)
    database.open()
    try:
        with database.engine.connect() as connection:
            current = current_revision(connection)
    finally:
        database.close()
    head = head_revision()
    if current != head:
        return None, CheckResult("database", Status.ERROR, f"schema {current}, expected {head}")
    return None, CheckResult(
        "database", Status.OK, f"{paths.database} reachable, migrations at head ({head})"
    )


def _permissions(paths: KioskPaths) -> tuple[None, CheckResult]:
    """The data folder's own entries are this user's alone (POSIX); only looks."""
    loose = loose_modes(paths)
    if not loose:
        return None, CheckResult("file_modes", Status.OK, "data folder 0700, files 0600")
    shown = ", ".join(f"{path} ({stat.S_IMODE(mode):04o})" for path, mode in loose[:5])
    more = f" and {len(loose) - 5} more" if len(loose) > 5 else ""
    return None, CheckResult(
        "file_modes",
        Status.ERROR,
        f"others may read citizens' data: {shown}{more}. The kiosk makes them private when "
        f"it starts; or now: chmod -R go-rwx {paths.data_dir}",
    )


def _data_key(settings: Settings, paths: KioskPaths) -> tuple[None, CheckResult]:
    """The key sealing personal data, found (or made) as start-up does, and what it opens."""
    from kiosk.db.unreadable import census
    from kiosk.sealing import DataKeyReport, assess

    database = Database(paths.database, keys=key_store(settings.data_key_file, paths.data_dir))
    database.open()
    try:
        found = DataKeyReport(database.data_key, tuple(census(database.engine)))
    finally:
        database.close()
    status, detail = assess(found)
    return None, CheckResult("data_key", Status(status), detail)


def _printer(settings: Settings) -> tuple[None, CheckResult]:
    """The printer setting can be used; ``printer test`` is what sends a page."""
    uri = parse_printer_uri(settings.printer)
    return None, CheckResult(
        "printer", Status.OK, f"{uri.text} ({uri.scheme}, {uri.profile.name} paper)"
    )


def _office_printer(queue: str) -> tuple[None, CheckResult]:
    """The A4 queue exists in the print system; only checked when one is set."""
    from kiosk.printing.office import check_queue

    try:
        answer = check_queue(queue)
    except PrinterError as exc:  # with the print system's own words, for IT
        return None, CheckResult("office_printer", Status.ERROR, exc.describe())
    return None, CheckResult("office_printer", Status.OK, answer)


def _keyring(settings: Settings) -> tuple[None, CheckResult]:
    """The device token will live in the keyring; only needed once a server is set."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        backend.get_password(APP_NAME, "doctor-probe")
    except (keyring.errors.KeyringError, RuntimeError) as exc:
        status = Status.ERROR if settings.server_url else Status.WARNING
        return None, CheckResult("keyring", status, f"{name} not usable: {exc}")
    return None, CheckResult("keyring", Status.OK, f"{name} usable")


def _check_sync(report: Report, settings: Settings, paths: KioskPaths) -> None:
    """The link to the server, only when there is one (``kiosk.sync.diagnosis``)."""
    from kiosk.sync.diagnosis import diagnose_sync

    try:
        found = diagnose_sync(settings, paths.database)
    except KioskError as exc:
        report.checks.append(CheckResult("sync", Status.ERROR, exc.message.render()))
        return
    if found is not None:
        report.checks.append(CheckResult("sync", Status(found[0]), found[1]))


def _lockdown(settings: Settings, found: LockdownReport) -> tuple[None, CheckResult]:
    """Only the operating system can keep citizens out of its desktop and shortcuts
    (``kiosk.lockdown``); a kiosk-mode kiosk without that lockdown is a warning, not an
    error: it still serves, and the window holds what it can."""
    if not settings.kiosk_mode:
        missing = ", ".join(point.name for point in found.missing) or "nothing"
        return None, CheckResult(
            "lockdown",
            Status.OK,
            f"kiosk mode is off, so the system's lockdown is not needed (missing: {missing})",
        )
    if found.locked:
        return None, CheckResult("lockdown", Status.OK, f"locked down: {found.summary()}")
    return None, CheckResult(
        "lockdown",
        Status.WARNING,
        f"kiosk mode is on but the system is not locked down: {found.summary()}",
    )


def _resources() -> tuple[None, CheckResult]:
    missing = [
        str(path.relative_to(RESOURCES_DIR))
        for path in (
            RESOURCES_DIR / "fonts" / "NotoSans-Regular.ttf",
            RESOURCES_DIR / "fonts" / "NotoSans-Bold.ttf",
            RESOURCES_DIR / "catalogue" / "bundled.json",
        )
        if not path.is_file()
    ]
    if missing:
        return None, CheckResult("resources", Status.ERROR, "missing: " + ", ".join(missing))
    if not (RESOURCES_DIR / "translations" / "kiosk_en.qm").is_file():
        return None, CheckResult(
            "resources",
            Status.WARNING,
            "English translation not compiled (run: python -m ui.i18n); Vietnamese only",
        )
    return None, CheckResult("resources", Status.OK, "fonts, demo data and translations present")
