"""The căn cước QR code: read it, check it, and fill a form from it.

The scanner filter of the UI asks :func:`looks_like_payload` about every burst of
typed keys, :func:`parse` turns a code into an :class:`IdCard` (or refuses it with
an :class:`IdCardError`), and :func:`prefill` gives a form the answers the card
holds. The code itself is never stored or logged.
"""

from kiosk.idcard.card import MAX_PAYLOAD_LENGTH, IdCard, looks_like_payload, parse
from kiosk.idcard.errors import IdCardError
from kiosk.idcard.prefill import Prefill, prefill

__all__ = [
    "MAX_PAYLOAD_LENGTH",
    "IdCard",
    "IdCardError",
    "Prefill",
    "looks_like_payload",
    "parse",
    "prefill",
]
