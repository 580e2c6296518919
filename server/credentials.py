"""Device tokens and enrolment codes: made here, shown once, stored only as hashes.

A token is 32 random bytes (``secrets.token_urlsafe``), so a plain SHA-256 is as good
as a slow hash: there is nothing to guess. An enrolment code is typed by IT staff on
the kiosk's touch keyboard, so it is shorter (12 symbols from an alphabet without
look-alikes, about 59 bits), used once, and expires.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_GROUPS = 3
_CODE_GROUP_LENGTH = 4


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same_hash(stored: str, candidate: str) -> bool:
    """Compare in constant time, so response timing says nothing about the hash."""
    return hmac.compare_digest(stored.encode("ascii"), candidate.encode("ascii"))


def new_device_token() -> str:
    return secrets.token_urlsafe(32)


def new_enrolment_code() -> str:
    """``ABCD-EFGH-JKMN``: grouped for reading aloud and typing."""
    groups = (
        "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_GROUP_LENGTH))
        for _ in range(_CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(typed: str) -> str:
    """What was typed, as it was made: case, spaces and dashes do not matter."""
    return "".join(c for c in typed.upper() if c.isalnum())
