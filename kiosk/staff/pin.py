"""Hashing the staff PIN with the standard library's scrypt.

A 4–12 digit PIN has little entropy, so the hash must be slow and salted: someone
who copies the database should not be able to try every PIN in a moment. The stored
string names its own parameters (``scrypt$16384$8$1$<salt>$<hash>``), so stronger
parameters can be adopted later without breaking PINs already set.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets

from kiosk.errors import InvalidPinError

SCHEME = "scrypt"
N = 2**14
R = 8
P = 1
SALT_BYTES = 16
HASH_BYTES = 32

#: ASCII digits only: ``str.isdigit`` would also accept "٣" or "²".
_PIN = re.compile(r"^[0-9]{4,12}$")


def check_pin_format(pin: str) -> None:
    """Raise ``InvalidPinError`` unless ``pin`` is 4 to 12 ASCII digits."""
    if not _PIN.fullmatch(pin):
        raise InvalidPinError()


def hash_pin(pin: str) -> str:
    """A new salted hash of ``pin``, as a self-describing string."""
    check_pin_format(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, n=N, r=R, p=P, length=HASH_BYTES)
    return "$".join((SCHEME, str(N), str(R), str(P), _b64(salt), _b64(digest)))


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``, compared in constant time.

    A malformed ``stored`` string matches nothing rather than raising: the staff
    then sees "wrong PIN" and IT sets a new one.
    """
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != SCHEME:
            return False
        salt_bytes = base64.b64decode(salt, validate=True)
        expected_bytes = base64.b64decode(expected, validate=True)
        digest = _scrypt(pin, salt_bytes, n=int(n), r=int(r), p=int(p), length=len(expected_bytes))
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(digest, expected_bytes)


def _scrypt(pin: str, salt: bytes, *, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=64 * 1024 * 1024
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
