"""The reason staff give for an action that cannot be undone (hủy số, bỏ mục gửi).

The reason goes into the audit log, where the centre reads it months later to answer
"why was A-012 voided?": it must be there, and it must stay a reason, not a letter.
"""

from __future__ import annotations

from kiosk.errors import ReasonMissingError, ReasonTooLongError

#: Enough for "in trùng, công dân đã có số A-011"; the audit log is not for essays.
MAX_REASON_LENGTH = 200


def staff_reason(text: str | None) -> str:
    """``text`` trimmed, its runs of spaces and line breaks made one space.

    Raises ``ReasonMissingError`` when nothing is left and ``ReasonTooLongError``
    beyond :data:`MAX_REASON_LENGTH` characters.
    """
    reason = " ".join((text or "").split())
    if not reason:
        raise ReasonMissingError()
    if len(reason) > MAX_REASON_LENGTH:
        raise ReasonTooLongError(limit=MAX_REASON_LENGTH)
    return reason
