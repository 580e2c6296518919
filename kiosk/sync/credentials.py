"""The device token in the OS keyring, and nowhere else.

Service name ``mot-cua-kiosk`` (``kiosk.APP_NAME``), user name the device id the
server gave at enrolment. Keying by device id rather than by server URL lets several
kiosk data folders on one computer (a test bench, a second screen) hold their own
tokens, and lets a server move to a new address without a new enrolment. The device id
itself is in the database (``sync_state``); without the database the token is useless.
See ``docs/sync.md`` for the keyring backends on Windows and Linux kiosks.
"""

from __future__ import annotations

import logging
import uuid

from kiosk import APP_NAME
from kiosk.sync.errors import KeyringError

log = logging.getLogger("kiosk.sync")

KEYRING_SERVICE = APP_NAME


def store_token(device_id: uuid.UUID, token: str) -> None:
    import keyring  # loaded when needed: start-up does not wait for its backends
    import keyring.errors

    try:
        keyring.set_password(KEYRING_SERVICE, str(device_id), token)
    except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
        raise KeyringError(detail=_describe(exc)) from exc


def load_token(device_id: uuid.UUID) -> str | None:
    import keyring
    import keyring.errors

    try:
        token: str | None = keyring.get_password(KEYRING_SERVICE, str(device_id))
    except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
        raise KeyringError(detail=_describe(exc)) from exc
    return token


def forget_token(device_id: uuid.UUID) -> None:
    """Remove the token; a token already gone is fine (re-enrolment cleans up)."""
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(KEYRING_SERVICE, str(device_id))
    except keyring.errors.PasswordDeleteError:
        return
    except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
        log.warning("could not remove the old device token: %s", _describe(exc))


def backend_name() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
