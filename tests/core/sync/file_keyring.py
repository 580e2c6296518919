"""A keyring backend in a JSON file, for the ``python -m kiosk`` child processes of CLI tests.

The in-memory keyring of ``tests/conftest.py`` cannot reach a child process; this one
is picked there through ``PYTHON_KEYRING_BACKEND``, so no test touches the real OS
keyring. Never for production: the file is plain text.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.errors
from keyring.backend import KeyringBackend

PATH_ENV = "KIOSK_TEST_KEYRING_FILE"
BACKEND = "tests.core.sync.file_keyring.JsonFileKeyring"


class JsonFileKeyring(KeyringBackend):
    priority = 1

    @property
    def _path(self) -> Path:
        return Path(os.environ[PATH_ENV])

    def _read(self) -> dict[str, str]:
        if not self._path.exists():
            return {}
        data: dict[str, str] = json.loads(self._path.read_text(encoding="utf-8"))
        return data

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}/{username}"] = password
        self._path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._path.write_text(json.dumps(data), encoding="utf-8")


def read_secrets(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
