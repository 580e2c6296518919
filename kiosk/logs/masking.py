"""Masking of personal numbers before any log line reaches a disk or a screen.

A citizen's ID number or phone must never be readable in a log file, even when it
arrives inside an exception message from a library. The filter works on the fully
formatted message *and* the traceback text, so nothing slips through ``%s`` args.

It is the net, not the rule: log calls carry ids and references, tracebacks keep only
the messages known to quote no value, and text libraries' records lose their arguments
(``kiosk.logs.redaction``) before the masking runs.
"""

from __future__ import annotations

import logging
import re

from kiosk.logs.redaction import format_exception, quiet_text_libraries

#: Vietnamese mobile and landline numbers, with or without +84/84 and separators.
_PHONE = re.compile(
    r"(?<![\d+])(?:\+84|84|0)[\s.-]?"
    r"(?:[35789]\d(?:[\s.-]?\d){7}|2\d(?:[\s.-]?\d){8})(?!\d)"
)
#: 12-digit personal ID numbers (CCCD) and 9-digit old ID card numbers (CMND). A run
#: glued to a letter is part of a code (a hash, a device name), not an ID number.
_ID_NUMBER = re.compile(r"(?<![\dA-Za-z])(?:\d{12}|\d{9})(?![\dA-Za-z])")
#: Machine identifiers the kiosk logs on purpose (device UUIDs, hex digests): their
#: digit runs are random, and masking one would hide which kiosk or entry is meant.
_IDENTIFIER = re.compile(
    r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
    r"|\b[0-9a-fA-F]{32,}\b"
)


def mask_personal_data(text: str) -> str:
    """``text`` with every ID and phone number replaced by a masked stand-in.

    The last two digits stay, so staff can still tell two masked numbers apart.
    Identifiers are left whole; everything between them is masked.
    """
    parts: list[str] = []
    start = 0
    for found in _IDENTIFIER.finditer(text):
        parts.append(_mask_numbers(text[start : found.start()]))
        parts.append(found.group(0))
        start = found.end()
    parts.append(_mask_numbers(text[start:]))
    return "".join(parts)


def _mask_numbers(text: str) -> str:
    text = _PHONE.sub(lambda m: _mask(m.group(0), "phone"), text)
    return _ID_NUMBER.sub(lambda m: _mask(m.group(0), "id"), text)


def _mask(found: str, kind: str) -> str:
    digits = re.sub(r"\D", "", found)
    return f"<{kind}:***{digits[-2:]}>"


class PersonalDataFilter(logging.Filter):
    """Rewrites each record with its message and traceback made safe, then lets it pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        quiet_text_libraries(record)
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        if record.exc_info:
            if record.exc_info[1] is not None:
                record.exc_text = format_exception(record.exc_info[1])
            record.exc_info = None
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True
