"""The one QR encoding of the kiosk: the same modules on paper and on screen.

Medium error correction survives a scuffed screen or a faded thermal slip; the four
modules of white around the code are the quiet zone the QR standard asks for.
"""

from __future__ import annotations

QUIET_ZONE = 4


def qr_matrix(data: str) -> list[list[bool]]:
    """``data``'s modules, quiet zone included; ``True`` is a dark module."""
    # Imported on first use: the library is not needed before the first paint.
    # WORKAROUND: qrcode ships no type hints.
    import qrcode  # type: ignore[import-untyped]

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    return matrix
