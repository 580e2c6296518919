"""Whether an uploaded entry holds only what a kiosk could have recorded.

Decoding with the protocol's structs checks types and the bounds a type can say;
these checks add what depends on the server's clock and on what the centre
published: times within reach, texts every table can keep, tickets for the centre's
queues and days, and a dossier's answers checked against the form version it names
with the very checks the kiosk runs (``wire.checks``). So a broken or hostile kiosk
cannot store what a citizen could not have typed.

Each check answers the reason an entry is refused, or None. Reasons are English for
staff and logs, and never quote a value: a refused dossier's reason names the fields
and the source text of what is wrong with each.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

import msgspec

from server.clock import centre_today
from wire.answers import unasked
from wire.bounds import CONTROL_CHARACTERS, MAX_INT32, day_problem, text_problem, time_problem
from wire.checks import check_form
from wire.forms import FormDefinition
from wire.protocol import DossierCreate, TicketCreate

#: What ``EntryResult.error`` and ``received_entries.error`` hold.
MAX_REASON: Final = 200
#: A field id in a reason is cut here: ids come from the upload, so may be anything.
_MAX_ID: Final = 64


def values_problem(
    struct: msgspec.Struct, where: str, now: datetime, *, skip: frozenset[str] = frozenset()
) -> str | None:
    """What the struct's types let through but the tables cannot keep the same.

    ``skip``: fields checked on their own later (an entry's payload, once decoded, so
    the reason can name the payload's field).
    """
    for name in struct.__struct_fields__:
        if name in skip:
            continue
        value = getattr(struct, name)
        problem: str | None = None
        if isinstance(value, datetime):
            problem = time_problem(value, now)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and not -MAX_INT32 - 1 <= value <= MAX_INT32:
            problem = "number too large"
        elif isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            problem = "a control character in a text"
        elif isinstance(value, dict | list | tuple):
            problem = text_problem(value)
        if problem is not None:
            return f"{where}{name}: {problem}"
    return None


def ticket_problem(ticket: TicketCreate, queues: frozenset[str], now: datetime) -> str | None:
    """A ticket for a queue the centre never published, or for a day out of reach."""
    if ticket.service_code not in queues:
        return f"queue {ticket.service_code} is not in a catalogue this centre published"
    problem = day_problem(ticket.service_day, centre_today(now))
    return None if problem is None else f"service_day: {problem}"


def answers_problem(form: FormDefinition | None, dossier: DossierCreate) -> str | None:
    """Answers the form version does not ask, or that its checks refuse.

    The checks run on the day the kiosk says the dossier was submitted (the centre's
    local day), as the kiosk ran them; ages and "not in the future" count from it.
    """
    if form is None:
        return (
            f"form {dossier.form_id} version {dossier.form_version} is not published at this centre"
        )
    fields = [field for section in form.sections for field in section.fields]
    extra = unasked(fields, dossier.answers)
    if extra:
        return _cut(f"answers the form does not ask for: {', '.join(map(_id, extra))}")
    problems = check_form(form, dossier.answers, today=centre_today(dossier.submitted_at))
    if not problems:
        return None
    named = ", ".join(_id(field_id) for field_id in problems)
    said = "; ".join(f"{_id(field_id)}: {text.render()}" for field_id, text in problems.items())
    return _cut(f"answers refused ({named}): {said}")


def _id(field_id: str) -> str:
    return field_id if len(field_id) <= _MAX_ID else field_id[: _MAX_ID - 1] + "…"


def _cut(reason: str) -> str:
    return reason if len(reason) <= MAX_REASON else reason[: MAX_REASON - 1] + "…"
