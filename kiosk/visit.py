"""One citizen's visit (lượt sử dụng): everything the kiosk holds for the person at the screen.

A visit starts when the previous one ends and ends when the citizen goes home, walks
away (idle timeout), or staff lock the kiosk. Ending it drops all of it at once, so the
next citizen starts on a kiosk that knows nothing of the last: this record is the one
place where what one journey hands to another is kept (the procedure the citizen chose,
the queue the ticket is for, the tờ khai being filled, the reference of the declaration
just prepared, the ticket just issued), typed, instead of loose keys scattered over the
screens.

It holds references, never copies of what the database already keeps: a submitted
declaration is on disk with its outbox entry, and the visit only remembers its reference
so the ticket can carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.consent import ConsentRecord
    from kiosk.declarations.api import SubmittedDeclaration
    from kiosk.forms.draft import Draft
    from kiosk.idcard import IdCard
    from kiosk.queue.api import IssuedTicket
    from kiosk.staff.grant import StaffGrant


@dataclass(frozen=True, slots=True)
class ProcedureChoice:
    """The thủ tục the citizen opened, with where it leads: its counter queue (``None``:
    the catalogue names none) and its guided form (``None``: no form on the kiosk)."""

    code: str
    queue_service: str | None = None
    form_id: str | None = None


@dataclass(eq=False)
class Visit:
    """What the current citizen has chosen, typed and made; empty when the visit starts.

    ``ended`` lets late results of background work (an operation that finishes after
    the visit ended) be thrown away instead of reaching the next citizen's screen.
    """

    #: The procedure page last opened, and what "Điền tờ khai" / "Lấy số thứ tự" use.
    procedure: ProcedureChoice | None = None
    #: The queue the ticket journey opens on (from a procedure page or a declaration).
    queue_service: str | None = None
    #: The form the ticket or procedure page asked the form journey to open.
    form_id: str | None = None
    #: The citizen agreed to the privacy notice, per purpose, before a form opened;
    #: submitting stores this record with the declaration. Memory only: declining or
    #: ending the visit leaves nothing.
    consent: ConsentRecord | None = None
    #: The tờ khai being filled (memory only, never written to disk as a draft).
    draft: Draft | None = None
    #: A căn cước read before it could fill a form (scanned outside one, or waiting for
    #: the citizen to say whose it is): memory only, gone once it fills a form.
    card: IdCard | None = None
    #: The declaration submitted in this visit: the ticket carries its reference.
    declaration: SubmittedDeclaration | None = None
    #: The queue ticket issued in this visit.
    ticket: IssuedTicket | None = None
    #: What the citizen typed into the procedure search.
    search_query: str = ""
    #: Staff unlocked the kiosk with their PIN during this visit (to help the citizen,
    #: or to look after the kiosk); ending the visit locks it again.
    staff: StaffGrant | None = None
    #: The citizen did something (opened a journey, changed the language or the look):
    #: the kiosk is no longer as the next citizen should find it.
    touched: bool = False
    ended: bool = False

    def touch(self) -> None:
        """Someone is using the kiosk: the idle reset now has something to wipe."""
        self.touched = True

    def choose_procedure(self, choice: ProcedureChoice) -> None:
        self.touched = True
        self.procedure = choice

    def ask_for_ticket(self, queue_service: str | None) -> None:
        """The next ticket is for this queue (``None``: let the citizen choose)."""
        self.touched = True
        self.queue_service = queue_service

    def ask_for_form(self, form_id: str | None) -> None:
        self.touched = True
        self.form_id = form_id

    def holds_anything(self) -> bool:
        """Whether ending the visit would drop something the citizen typed or was given
        (a search, answers, a declaration's reference, a ticket) or staff unlocked: the
        home button asks before it does. Where the citizen merely looked (a procedure
        page, a form not yet started) home ends the visit without a question."""
        return bool(
            self.search_query.strip()
            or (self.draft is not None and self.draft.started)
            or self.declaration is not None
            or self.ticket is not None
            or self.staff is not None
        )

    def is_empty(self) -> bool:
        """Nothing to wipe: the citizen has not done anything yet (choosing a procedure,
        a queue or a form touches the visit too)."""
        return not self.touched and not self.holds_anything()

    def end(self) -> None:
        """Drop everything; a draft's answers are emptied first, so a reference kept
        somewhere by mistake holds nothing either."""
        if self.draft is not None:
            self.draft.wipe()
        self.ended = True
        self.procedure = None
        self.queue_service = None
        self.form_id = None
        self.consent = None
        self.draft = None
        self.card = None
        self.declaration = None
        self.ticket = None
        self.search_query = ""
        self.staff = None
