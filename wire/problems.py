"""What an import could not read, per record; kept apart so importing it is cheap."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """Something in one record the importer could not read; the record still imports."""

    code: str
    field: str
    reason: str
