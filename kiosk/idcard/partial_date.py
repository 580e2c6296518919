"""A date of which only part may be known: the year, the month and year, or all of it.

Cards of people whose day or month of birth was never recorded (common for the
elderly) print the year only — in the QR code as ``00001945`` or ``1945`` — or the
month and year (``00031945``). The reader keeps what the card knows instead of
refusing it; a form field then takes what it can hold (a year-only field the year,
a full-date field nothing, for the citizen to complete).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class PartialDate:
    """``year``, and ``month`` and ``day`` when known (a day is known only with its month).

    Raises ``ValueError`` for parts the calendar does not have.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError("year out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs its month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError("month out of range")
        days = calendar.monthrange(self.year, self.month)[1]
        if self.day is not None and not 1 <= self.day <= days:
            raise ValueError("day out of range")

    @classmethod
    def of(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def is_full(self) -> bool:
        return self.day is not None

    @property
    def full(self) -> date | None:
        """The date, when day and month are known."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def earliest(self) -> date:
        """The first day it may be (the date itself when it is full)."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day it may be."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """``1945``, ``1945-03`` or ``1945-03-05``: ISO 8601's reduced precision."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def shown(self) -> str:
        """As Vietnamese paper writes it: ``1945``, ``03/1945``, ``05/03/1945``."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.insert(0, f"{self.month:02d}")
        if self.day is not None:
            parts.insert(0, f"{self.day:02d}")
        return "/".join(parts)
