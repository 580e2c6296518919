"""Hashing a staff member's PIN: Argon2id, with the scrypt hashes of older kiosks still read.

A 6–12 digit PIN has little entropy, so the hash must be slow, salted and costly in
memory: someone who copies the database should not be able to try every PIN in a
moment, least of all on a graphics card. Argon2id (through ``argon2-cffi``, the
reference C implementation) at OWASP's first recommended setting — 19 MiB, two
passes, one lane — costs about 25 ms a try on a kiosk, where scrypt at the 2^17 the
same advice asks for costs 0.8 s: at the pad a PIN is checked against every member's
hash in turn, so a centre with twenty staff would wait many seconds. See
``docs/privacy.md``, "Staff PIN".

The stored string names its own parameters (``$argon2id$v=19$m=19456,t=2,p=1$...``),
so stronger ones can be adopted later: :func:`needs_rehash` says when a hash was made
with other parameters (or is an old ``scrypt$16384$8$1$<salt>$<hash>``), and the next
right PIN re-hashes it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

#: OWASP Password Storage Cheat Sheet, Argon2id: m=19 MiB, t=2, p=1.
MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1
SALT_BYTES = 16
HASH_BYTES = 32

_HASHER = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_KIB,
    parallelism=PARALLELISM,
    hash_len=HASH_BYTES,
    salt_len=SALT_BYTES,
    type=Type.ID,
)

#: The scheme of the hashes kiosks stored before Argon2id: read, never written.
LEGACY_SCHEME = "scrypt"
#: The most memory an old scrypt hash may ask for when it is checked.
_LEGACY_MAXMEM = 64 * 1024 * 1024


def hash_pin(pin: str) -> str:
    """A new salted Argon2id hash of ``pin``, as a self-describing string.

    The PIN rules (``kiosk.staff.rules``) are the caller's to check: a PIN set before
    them is re-hashed as it is.
    """
    return _HASHER.hash(pin)


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored`` (Argon2id, or an older kiosk's scrypt).

    A malformed ``stored`` string matches nothing rather than raising: the staff
    member then sees "wrong PIN" and IT resets theirs.
    """
    if stored.startswith(f"{LEGACY_SCHEME}$"):
        return _verify_scrypt(pin, stored)
    try:
        return _HASHER.verify(stored, pin)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was made another way than :func:`hash_pin` makes hashes now."""
    if stored.startswith(f"{LEGACY_SCHEME}$"):
        return True
    try:
        return _HASHER.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def _verify_scrypt(pin: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, expected = stored.split("$")
        salt_bytes = base64.b64decode(salt, validate=True)
        expected_bytes = base64.b64decode(expected, validate=True)
        digest = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=salt_bytes,
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected_bytes),
            maxmem=_LEGACY_MAXMEM,
        )
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(digest, expected_bytes)
