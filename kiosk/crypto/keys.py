"""Where the data key lives: the OS keyring, or a key file IT protects.

- **Keyring** (the default): service ``mot-cua-kiosk`` (as the device token), user
  name ``data-key-<key id>``. The key id is recorded in the database, so several data
  folders on one computer keep their own keys, and the database alone opens nothing.
  On Windows this is the Credential Locker (DPAPI, tied to the kiosk's Windows
  account); on a Linux desktop, the Secret Service.
- **The user's key file**, where no ``data_key_file`` is set and the keyring has no
  usable backend (a Linux PC without a desktop session running ``python main.py``):
  ``data.key`` in the per-user configuration folder, made 0600, never in the data folder.
- **Key file** (setting ``data_key_file``), for a Linux kiosk without a desktop keyring:
  32 random bytes (raw, or base64 text) in a file owned by root, readable by the kiosk's
  service user only (``root:kiosk``, mode 0640 or 0600). A file that others may read,
  that its group may write, or that another ordinary user owns is refused, never read.
  So is a file inside the data folder: whoever copies the data would take the key along.
  When the file does not exist yet and the kiosk may create it, it does (0600).

A store that cannot be reached raises :class:`KeyStoreError`; one that answers "no such
key" returns ``None``, which is how a lost key is told apart from a locked keyring.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import stat
from pathlib import Path
from typing import Protocol

from kiosk import APP_NAME
from kiosk.crypto.cipher import KEY_BYTES, DataKey
from kiosk.crypto.errors import (
    KeyFileError,
    KeyFileMisplacedError,
    KeyFileUnsafeError,
    KeyStoreError,
)

log = logging.getLogger("kiosk.crypto")

KEYRING_SERVICE = APP_NAME
#: Longest key file read: a key in base64 with a line end is 45 bytes.
_MAX_KEY_FILE_BYTES = 256


class KeyStore(Protocol):
    """Gives back the data key by its id, or makes the first one."""

    def describe(self) -> str:
        """Where keys are kept, for ``doctor`` and the log (never a key)."""
        ...

    def fetch(self, key_id: str) -> DataKey | None:
        """The key with ``key_id``, or ``None`` if the store does not have it."""
        ...

    def create(self) -> DataKey:
        """The key to seal with from now on: a new one, stored before it is returned."""
        ...


def key_store(data_key_file: Path | None, data_dir: Path | None = None) -> KeyStore:
    """The store the settings name: the key file if ``data_key_file`` is set, else the
    keyring — or, on a computer whose keyring has no usable backend (a Linux PC with no
    desktop session, where ``python main.py`` must still just work), a key file in the
    user's configuration folder, outside the data folder (:func:`user_key_file`)."""
    if data_key_file is not None:
        return KeyFileStore(data_key_file, data_dir=data_dir)
    if keyring_usable():
        return KeyringKeyStore()
    return KeyFileStore(user_key_file(), data_dir=data_dir)


def keyring_usable() -> bool:
    """Whether the OS keyring has a backend that keeps secrets (keyring's own "fail"
    backend, chosen when none is installed, has priority 0)."""
    import keyring  # loaded when needed: the first screen does not wait for its backends

    try:
        priority = float(getattr(keyring.get_keyring(), "priority", 0))
    except Exception:  # a backend that cannot even say how good it is
        return False
    return priority > 0


def user_key_file() -> Path:
    """``data.key`` in the per-user configuration folder (beside ``config.toml``): the
    embedded default's key where there is no keyring. The kiosk makes it 0600."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "data.key"


def throwaway_key_file(data_dir: Path) -> Path:
    """A key file for a throwaway data folder (benchmarks, screenshots): beside the
    folder, as a key must never be inside it, so make ``data_dir`` a sub-folder of a
    temporary folder and both go together."""
    return data_dir.with_name(data_dir.name + ".key")


def keyring_user(key_id: str) -> str:
    return f"data-key-{key_id}"


class KeyringKeyStore:
    """Keys in the OS keyring, one entry per key."""

    def describe(self) -> str:
        import keyring  # loaded when needed: the first screen does not wait for its backends

        backend = keyring.get_keyring()
        return f"keyring {type(backend).__module__}.{type(backend).__name__}"

    def fetch(self, key_id: str) -> DataKey | None:
        import keyring
        import keyring.errors

        try:
            stored: str | None = keyring.get_password(KEYRING_SERVICE, keyring_user(key_id))
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise KeyStoreError(detail=_describe(exc)) from exc
        if stored is None:
            return None
        key = _decode_key(stored.encode("ascii", "replace"))
        if key is None or key.key_id != key_id:
            log.warning("the keyring entry for data key %s does not hold that key", key_id)
            return None
        return key

    def create(self) -> DataKey:
        import keyring
        import keyring.errors

        key = DataKey.generate()
        user = keyring_user(key.key_id)
        try:
            keyring.set_password(KEYRING_SERVICE, user, base64.b64encode(key.secret).decode())
            kept = keyring.get_password(KEYRING_SERVICE, user)
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise KeyStoreError(detail=_describe(exc)) from exc
        if kept is None:
            raise KeyStoreError(detail="the keyring did not keep the key")
        return key


class KeyFileStore:
    """One key in a file IT protects (see the module docstring)."""

    def __init__(self, path: Path, *, data_dir: Path | None = None) -> None:
        self.path = Path(path).expanduser()
        self._data_dir = data_dir

    def describe(self) -> str:
        return f"file {self.path}"

    def fetch(self, key_id: str) -> DataKey | None:
        key = self.read()
        return key if key is not None and key.key_id == key_id else None

    def create(self) -> DataKey:
        """The file's key; a new one written to a new file when there is none yet."""
        key = self.read()
        if key is not None:
            return key
        key = DataKey.generate()
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(base64.b64encode(key.secret) + b"\n")
                file.flush()
                os.fsync(file.fileno())
        except OSError as exc:
            raise KeyFileError(path=str(self.path), detail=exc.strerror or str(exc)) from exc
        log.info("made a new data key in %s", self.path)
        return key

    def read(self) -> DataKey | None:
        """The key in the file, ``None`` if there is no file; raises if it cannot be used."""
        self._check_place()
        try:
            descriptor = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise KeyFileError(path=str(self.path), detail=exc.strerror or str(exc)) from exc
        with os.fdopen(descriptor, "rb") as file:
            check_key_file_mode(self.path, os.fstat(file.fileno()))
            data = file.read(_MAX_KEY_FILE_BYTES + 1)
        key = _decode_key(data)
        if key is None:
            raise KeyFileError(
                path=str(self.path),
                detail=f"not a key: {KEY_BYTES} random bytes, raw or in base64, were expected",
            )
        return key

    def _check_place(self) -> None:
        if self._data_dir is None:
            return
        try:
            inside = self.path.resolve().is_relative_to(self._data_dir.resolve())
        except OSError:
            inside = False
        if inside:
            raise KeyFileMisplacedError(path=str(self.path), data_dir=str(self._data_dir))


def check_key_file_mode(path: Path, status: os.stat_result) -> None:
    """Refuse a key file others may read, its group may write or another user owns (POSIX).

    On Windows the file's ACL is IT's to set; modes there say nothing.
    """
    if os.name == "nt":
        return
    if not stat.S_ISREG(status.st_mode):
        raise KeyFileError(path=str(path), detail="not a regular file")
    mode = stat.S_IMODE(status.st_mode)
    owner_ok = status.st_uid in (0, os.geteuid())
    if mode & 0o027 or not owner_ok:
        raise KeyFileUnsafeError(path=str(path), mode=f"{mode:04o}, owner uid {status.st_uid}")


def _decode_key(data: bytes) -> DataKey | None:
    if len(data) == KEY_BYTES:
        return DataKey(data)
    text = data.strip()
    if len(text) > _MAX_KEY_FILE_BYTES:
        return None
    try:
        secret = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return DataKey(secret) if len(secret) == KEY_BYTES else None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
