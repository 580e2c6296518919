"""The căn cước QR code: read it, check it, and fill a form from it.

The window's scanner filter asks :func:`looks_like_payload` about every burst of
typed keys, :func:`parse` turns a code into an :class:`IdCard` (or refuses it with
an :class:`IdCardError` that says what to do instead), :func:`whose_card` says which
person of a form the card may be, and :func:`prefill` gives the form the answers the
card holds. The code itself is never stored or logged.
"""

from kiosk.idcard.card import (
    MAX_PAYLOAD_LENGTH,
    CardKind,
    IdCard,
    looks_like_payload,
    parse,
)
from kiosk.idcard.errors import IdCardError
from kiosk.idcard.partial_date import PartialDate
from kiosk.idcard.prefill import Prefill, prefill, whose_card

__all__ = [
    "MAX_PAYLOAD_LENGTH",
    "CardKind",
    "IdCard",
    "IdCardError",
    "PartialDate",
    "Prefill",
    "looks_like_payload",
    "parse",
    "prefill",
    "whose_card",
]
