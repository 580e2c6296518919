"""What protocol v1 bounds beyond its types: times, text, numbers and nesting.

A value can match a struct's type and still be one neither end can keep: a time in
the year 9999 at UTC-14 (beyond what Python or a database holds once in UTC), a text
with a NUL character (PostgreSQL refuses it), a number past a 32-bit column, JSON
nested so deep that decoding it runs out of stack. The structs of ``wire.protocol``
carry the bounds a type can say (``Meta`` patterns and limits, ``tz=True``); the
bounds that depend on the reader's clock, or on values inside free JSON (a declaration's
answers, an account's data), are the functions here, which the server applies to each
entry it receives. Kiosks never send such values, so these bounds change nothing for
kiosks in the field.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

#: Nothing a kiosk sends is older: the protocol is younger than this.
EARLIEST_TIME: Final = datetime(2020, 1, 1, tzinfo=UTC)
EARLIEST_DAY: Final = EARLIEST_TIME.date()
#: How far ahead of the receiver's clock a time may be (a kiosk's clock may run fast).
MAX_CLOCK_AHEAD: Final = timedelta(days=1)
#: The largest value of a 32-bit ``INTEGER`` column.
MAX_INT32: Final = 2**31 - 1
#: Deepest nesting of arrays and objects in a request body. An outbox batch is about
#: ten deep (batch, entries, payload, answers, a group's items, an address); anything
#: much deeper is refused before it is decoded.
MAX_JSON_DEPTH: Final = 32
#: Characters no text on the wire may hold: C0 controls but tab and newline (a multi-
#: line answer has newlines), and DEL. NUL among them is what PostgreSQL refuses.
CONTROL_CHARACTERS: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: A ``Meta`` pattern for one line of text: no control character at all.
ONE_LINE: Final = r"^[^\x00-\x1f\x7f]*\Z"

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")


def json_too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``body`` nests arrays and objects deeper than ``limit``.

    Strings are taken out, then innermost ``[]`` and ``{}`` pairs removed one level per
    pass, each pass a C-speed ``bytes.replace``: a body deeper than ``limit`` still has
    brackets after ``limit`` passes. A body that stops shrinking before is shallow
    enough (or malformed, which the decoder then says).
    """
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    if re.search(rb"[\[{]{%d}" % (limit + 1), brackets):
        return True  # that many opened in a row: the usual shape of a deep body, found fast
    for _ in range(limit):
        if not brackets:
            return False
        shorter = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(brackets):
            return False
        brackets = shorter
    return bool(brackets.replace(b"[]", b"").replace(b"{}", b"") != brackets)


def time_problem(value: datetime, now: datetime) -> str | None:
    """Why ``value`` cannot be a time a kiosk recorded, as seen at ``now``; None if it can."""
    if value.utcoffset() is None:
        return "a time needs its UTC offset"
    if value < EARLIEST_TIME:
        return f"a time before {EARLIEST_TIME.date().isoformat()}"
    if value > now + MAX_CLOCK_AHEAD:
        return "a time more than a day ahead of the server's clock"
    return None


def day_problem(value: date, today: date) -> str | None:
    """Why ``value`` cannot be a day a kiosk worked on, when it is ``today``; None if it can."""
    if value < EARLIEST_DAY:
        return f"a day before {EARLIEST_DAY.isoformat()}"
    if value > today + MAX_CLOCK_AHEAD:
        return "a day after tomorrow"
    return None


def text_problem(value: Any) -> str | None:
    """Why the JSON value ``value`` holds text no table can keep; None if it holds none.

    Every string and key inside, however nested, is looked at for a control character
    other than tab and newline (NUL among them).
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if CONTROL_CHARACTERS.search(item):
                return "a control character in a text"
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return None
