"""Sealing one stored value: AES-256-GCM, bound to the table, column and row it lives in.

A sealed value is text, so it fits the JSON and string columns it replaces::

    mck1.<key id>.<scope>.<base64url(nonce ‖ ciphertext ‖ tag)>

- ``mck1`` names this format (AES-256-GCM, 96-bit random nonce, the associated data
  below). A later format gets ``mck2``; values of every known format stay readable,
  so a change of format or key never needs a migration that holds the key.
- The **key id** is a fingerprint of the key (HMAC-SHA-256 of a fixed label, 8 bytes):
  the value says which key sealed it, so a lost or wrong key is told apart from a
  tampered value, and a rotated key can sit beside the old one. It reveals nothing of
  the key.
- The **scope** is ``r`` when the value is bound to its row (the usual case) and ``c``
  when it is bound only to its table and column (an empty value written by a bulk
  UPDATE, which has no row at hand; see ``kiosk.db.sealed``).
- The **associated data** is ``mot-cua-kiosk / mck1 / scope / table.column / row id``:
  GCM authenticates it with the ciphertext, so a value copied into another row or
  column, or with one byte changed, fails to open instead of showing the wrong
  person's data.

Why AES-GCM from ``cryptography`` rather than SQLCipher: see ``docs/privacy.md``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

#: The format this module writes; every sealed value starts with it.
FORMAT = "mck1"
#: What every sealed value, of any format, starts with: plain JSON never does.
SEALED_MARK = "mck"
KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_BYTES = 8
_KEY_ID_LABEL = b"mot-cua-kiosk data key id"
_AAD_PREFIX = b"mot-cua-kiosk\x1f" + FORMAT.encode() + b"\x1f"

Scope = Literal["r", "c"]
Problem = Literal["unknown_key", "tampered", "malformed"]


def key_id_of(secret: bytes) -> str:
    """The key's fingerprint, as stored in sealed values and in ``sync_state``."""
    digest = hmac.new(secret, _KEY_ID_LABEL, hashlib.sha256).digest()
    return digest[:KEY_ID_BYTES].hex()


@dataclass(frozen=True, slots=True)
class DataKey:
    """The 32-byte key of one kiosk's personal data; its ``repr`` never shows the bytes."""

    secret: bytes = field(repr=False)
    key_id: str = field(init=False)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES:
            raise ValueError(f"a data key is {KEY_BYTES} bytes")
        object.__setattr__(self, "key_id", key_id_of(self.secret))

    @classmethod
    def generate(cls) -> DataKey:
        return cls(os.urandom(KEY_BYTES))


class SealedValueError(Exception):
    """A sealed value that cannot be opened; ``problem`` says why, never what it held."""

    def __init__(self, problem: Problem, key_id: str | None = None) -> None:
        super().__init__(problem if key_id is None else f"{problem} (key {key_id})")
        self.problem: Problem = problem
        self.key_id = key_id


class Opened(NamedTuple):
    plaintext: bytes
    #: ``r`` for a value bound to its row, ``c`` for one bound to its column only.
    scope: Scope


def is_sealed(text: str) -> bool:
    """Whether stored ``text`` is a sealed value (of any format) rather than plain data."""
    return text.startswith(SEALED_MARK)


def sealed_key_id(text: str) -> str | None:
    """The key id a sealed value names, or ``None`` if it is not one this module reads."""
    parts = text.split(".", 3)
    return parts[1] if len(parts) == 4 and parts[0] == FORMAT else None


class FieldCipher:
    """Seals with the current key; opens values sealed by it or by an older key it holds."""

    def __init__(self, current: DataKey, older: tuple[DataKey, ...] = ()) -> None:
        # Imported here: the first screen paints before the database opens.
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._current = current
        self._aead: dict[str, AESGCM] = {
            key.key_id: AESGCM(key.secret) for key in (*older, current)
        }

    @property
    def key_id(self) -> str:
        return self._current.key_id

    def holds(self, key_id: str) -> bool:
        return key_id in self._aead

    def seal(self, plaintext: bytes, label: str, row: str | None) -> str:
        """``plaintext`` sealed for column ``label`` (``table.column``) of row ``row``;
        ``row=None`` binds it to the column only (scope ``c``)."""
        scope: Scope = "c" if row is None else "r"
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead[self._current.key_id].encrypt(
            nonce, plaintext, _associated(scope, label, row or "")
        )
        body = base64.urlsafe_b64encode(nonce + sealed).decode("ascii")
        return f"{FORMAT}.{self._current.key_id}.{scope}.{body}"

    def open(self, token: str, label: str, row: str | None) -> Opened:
        """The plaintext of ``token`` if it was sealed for ``label`` and ``row`` (or for
        ``label`` alone, scope ``c``) by a key held here; raises ``SealedValueError``."""
        parts = token.split(".", 3)
        if len(parts) != 4 or parts[0] != FORMAT or parts[2] not in ("r", "c"):
            raise SealedValueError("malformed")
        _, key_id, scope_text, body = parts
        aead = self._aead.get(key_id)
        if aead is None:
            raise SealedValueError("unknown_key", key_id)
        scope: Scope = "r" if scope_text == "r" else "c"
        if scope == "r" and row is None:
            raise SealedValueError("tampered", key_id)
        try:
            raw = base64.urlsafe_b64decode(body.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError):
            raise SealedValueError("malformed", key_id) from None
        if len(raw) <= NONCE_BYTES:
            raise SealedValueError("malformed", key_id)
        associated = _associated(scope, label, (row or "") if scope == "r" else "")
        from cryptography.exceptions import InvalidTag

        try:
            plaintext = aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated)
        except InvalidTag:
            raise SealedValueError("tampered", key_id) from None
        return Opened(plaintext, scope)


def _associated(scope: Scope, label: str, row: str) -> bytes:
    return _AAD_PREFIX + f"{scope}\x1f{label}\x1f{row}".encode()
