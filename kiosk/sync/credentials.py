"""Where the device token is kept: the OS keyring, or sealed with the data key.

- **Keyring** (Windows, a Linux desktop session): service ``mot-cua-kiosk``
  (``kiosk.APP_NAME``), user name the device id the server gave at enrolment. Keying by
  device id rather than by server URL lets several kiosk data folders on one computer
  (a test bench, a second screen) hold their own tokens, and lets a server move to a new
  address without a new enrolment.
- **Sealed with the data key** (a Linux kiosk with no Secret Service, or one whose IT
  set ``data_key_file``): the token is sealed with AES-GCM by the same data key that
  seals citizens' data (``kiosk.crypto``), bound to its ``sync_state`` row and the
  device id, and stored in the database. The key lives outside the data folder, so a
  copy of the folder carries no usable token; the token is never better or worse kept
  than the citizens' data it uploads. Being in the database, it is written in the same
  transaction that records the enrolment: there is no moment where one exists without
  the other.

The store is chosen as the data key's store is (:func:`kiosk.crypto.keys.key_store`):
a key file means sealed, a usable keyring means the keyring. Before a one-time code is
redeemed the chosen store is proved to work (:meth:`TokenStore.check`), so a kiosk that
cannot keep its token refuses to enrol and leaves the code unused. See ``docs/sync.md``.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Protocol

from kiosk import APP_NAME
from kiosk.crypto.cipher import SealedValueError
from kiosk.crypto.keys import keyring_usable
from kiosk.sync import state
from kiosk.sync.errors import KeyringError, TokenStoreUnavailableError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kiosk.config import Settings
    from kiosk.crypto.cipher import FieldCipher
    from kiosk.db import Database

log = logging.getLogger("kiosk.sync")

KEYRING_SERVICE = APP_NAME
#: ``sync_state`` key prefix of a sealed token; the device id follows.
SEALED_TOKEN_PREFIX = "device_token."
#: What a sealed token is bound to (with its device id as the row).
SEALED_TOKEN_LABEL = "sync_state.device_token"
#: The keyring entry written and removed to prove the keyring keeps what it is given.
_PROBE_USER = "token-store-check"


class TokenStore(Protocol):
    """Keeps one kiosk's device token; every failure raises :class:`KeyringError`."""

    def describe(self) -> str:
        """Where tokens are kept, for ``doctor`` and the log (never a token)."""
        ...

    def check(self) -> None:
        """Prove a token can be kept now; raises ``TokenStoreUnavailableError``."""
        ...

    def store_in(self, session: Session, device_id: uuid.UUID, token: str) -> None:
        """Keep ``token``; part of ``session``'s transaction when the store can be."""
        ...

    def load(self, device_id: uuid.UUID) -> str | None:
        """The device's token, ``None`` if none is kept."""
        ...

    def forget(self, device_id: uuid.UUID) -> None:
        """Remove the device's token; a token already gone is fine."""
        ...


def token_store(settings: Settings, db: Database) -> TokenStore:
    """The store that fits this kiosk: sealed when the data key is in a file."""
    if settings.data_key_file is None and keyring_usable():
        return KeyringTokens()
    return SealedTokens(db)


class KeyringTokens:
    """Tokens in the OS keyring, one entry per device."""

    def describe(self) -> str:
        return f"keyring {backend_name()}"

    def check(self) -> None:
        if not keyring_usable():
            raise TokenStoreUnavailableError(detail="no keyring backend")
        try:
            store_token_in_keyring(_PROBE_USER, "probe")
            kept = load_token_from_keyring(_PROBE_USER)
            forget_token_in_keyring(_PROBE_USER)
        except KeyringError as exc:
            cause = exc.__cause__ or exc
            raise TokenStoreUnavailableError(detail=_describe(cause)) from exc
        if kept != "probe":
            raise TokenStoreUnavailableError(detail="the keyring did not keep a test entry")

    def store_in(self, session: Session, device_id: uuid.UUID, token: str) -> None:
        store_token(device_id, token)
        if load_token(device_id) != token:
            raise KeyringError(detail="the keyring did not keep the token")

    def load(self, device_id: uuid.UUID) -> str | None:
        return load_token(device_id)

    def forget(self, device_id: uuid.UUID) -> None:
        forget_token(device_id)


class SealedTokens:
    """Tokens sealed with the data key in the kiosk's own database.

    A token an older kiosk left in a keyring that still works is read from there too,
    so a kiosk whose IT later set ``data_key_file`` stays enrolled.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    def describe(self) -> str:
        return "kiosk's database, sealed with the data key"

    def check(self) -> None:
        self._cipher()

    def store_in(self, session: Session, device_id: uuid.UUID, token: str) -> None:
        sealed = self._cipher().seal(token.encode(), SEALED_TOKEN_LABEL, str(device_id))
        state.put(session, SEALED_TOKEN_PREFIX + str(device_id), sealed)

    def load(self, device_id: uuid.UUID) -> str | None:
        with self._db.transaction() as session:
            sealed = state.get(session, SEALED_TOKEN_PREFIX + str(device_id))
        if sealed is None:
            return load_token(device_id) if keyring_usable() else None
        try:
            opened = self._cipher().open(sealed, SEALED_TOKEN_LABEL, str(device_id))
        except SealedValueError as exc:
            # A replaced data key, or a value moved: the token is lost, enrol again.
            log.warning("the sealed device token cannot be opened (%s)", exc.problem)
            return None
        return opened.plaintext.decode()

    def forget(self, device_id: uuid.UUID) -> None:
        with self._db.transaction() as session:
            state.put(session, SEALED_TOKEN_PREFIX + str(device_id), None)
        if keyring_usable():
            forget_token(device_id)

    def _cipher(self) -> FieldCipher:
        from kiosk.db.sealed import attached_cipher

        cipher = attached_cipher(self._db.engine) if self._db.is_open else None
        if cipher is None:
            raise TokenStoreUnavailableError(
                detail="no data key (see data_key_file and python -m kiosk doctor)"
            )
        return cipher


# --- the keyring, by device id -----------------------------------------------------------


def store_token(device_id: uuid.UUID, token: str) -> None:
    store_token_in_keyring(str(device_id), token)


def load_token(device_id: uuid.UUID) -> str | None:
    return load_token_from_keyring(str(device_id))


def forget_token(device_id: uuid.UUID) -> None:
    """Remove the token; a token already gone is fine (re-enrolment cleans up)."""
    forget_token_in_keyring(str(device_id))


def store_token_in_keyring(user: str, token: str) -> None:
    import keyring  # loaded when needed: start-up does not wait for its backends
    import keyring.errors

    try:
        keyring.set_password(KEYRING_SERVICE, user, token)
    except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
        raise KeyringError(detail=_describe(exc)) from exc


def load_token_from_keyring(user: str) -> str | None:
    import keyring
    import keyring.errors

    try:
        token: str | None = keyring.get_password(KEYRING_SERVICE, user)
    except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
        raise KeyringError(detail=_describe(exc)) from exc
    return token


def forget_token_in_keyring(user: str) -> None:
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(KEYRING_SERVICE, user)
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
