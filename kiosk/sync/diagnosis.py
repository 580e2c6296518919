"""What ``doctor`` says about the link to the server, in words for IT staff.

Silent (``None``) on a kiosk that has no server and was never enrolled: offline-only
is a valid setup, not a fault.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Literal

from kiosk.config import Settings
from kiosk.crypto.keys import key_store, keyring_usable
from kiosk.db import Database
from kiosk.sync.connection import check_server_url
from kiosk.sync.errors import InsecureServerError, KeyringError
from kiosk.sync.service import SyncService

Level = Literal["ok", "warning", "error"]


def diagnose_sync(settings: Settings, database_path: Path) -> tuple[Level, str] | None:
    """Enrolment, token, TLS bundle and whether the server answers now (a few seconds)."""
    # With the data key only where the token is sealed with it: opening with a key store
    # may make a new key, which is start-up's to do, not a health check's.
    sealed = settings.data_key_file is not None or not keyring_usable()
    keys = key_store(settings.data_key_file, database_path.parent) if sealed else None
    database = Database(database_path, keys=keys)
    database.open()
    try:
        return _diagnose(SyncService(database, settings), settings)
    finally:
        database.close()


def _diagnose(service: SyncService, settings: Settings) -> tuple[Level, str] | None:
    url = service.server_url()
    if url is None:
        return None
    problem = _setup_problem(service, settings, url)
    if problem is not None:
        return problem
    status = service.status()
    last = "never" if status.last_success_at is None else status.last_success_at.isoformat()
    detail = (
        f"device {status.device_id} at {url}; {status.pending} pending, "
        f"{status.rejected} refused; last sync {last}"
    )
    if not service.probe():
        return "warning", f"{detail}; server not reachable now"
    return "ok", f"{detail}; server answers"


def _setup_problem(service: SyncService, settings: Settings, url: str) -> tuple[Level, str] | None:
    """What IT must fix before sync can work, if anything."""
    if settings.ca_bundle is not None and not settings.ca_bundle.is_file():
        return "error", f"ca_bundle {settings.ca_bundle} is not a file"
    try:
        check_server_url(url)
    except InsecureServerError:
        return "error", f"{url}: use https:// (plain http only for this computer)"
    enrolment = service.enrolment()
    if enrolment is None:
        return "warning", f"not enrolled with {url}: run python -m kiosk enrol --code CODE"
    if service.status().needs_enrolment:
        return "error", f"{url} refused device {enrolment.device_id}: enrol again"
    return _token_problem(service, enrolment.device_id)


def _token_problem(service: SyncService, device_id: uuid.UUID) -> tuple[Level, str] | None:
    tokens = service.token_store()
    try:
        token = tokens.load(device_id)
    except KeyringError as exc:
        return "error", f"device token unreadable: {exc.message.render()}"
    if token is None:
        return "error", f"device {device_id} has no token in the {tokens.describe()}: enrol again"
    return None
