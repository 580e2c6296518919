"""Addresses as a form stores them: a detail line, a ward and its province."""

from __future__ import annotations

import unicodedata
from typing import Any, Final

from wire.places.units import Ward, places

#: Longer than any address printed on a card: beyond it, nothing is worth parsing.
MAX_ADDRESS_LENGTH: Final = 300


def address_value(detail: str, ward: Ward) -> dict[str, Any]:
    """The answer of an ``address`` field (the shape ``docs/forms-format.md`` gives)."""
    province = places().province_by_code[ward.province_code]
    return {
        "detail": detail,
        "province_code": province.code,
        "province": province.name,
        "ward_code": ward.code,
        "ward": ward.name,
    }


def address_parts(address: str) -> list[str]:
    """The comma-separated parts of an address, NFC and trimmed, empty parts dropped."""
    text = unicodedata.normalize("NFC", address)
    return [part.strip() for part in text.split(",") if part.strip()]
