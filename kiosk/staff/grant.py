"""The proof a staff-only service call carries: a grant issued by unlocking with the PIN.

A flag in the UI says what to *show*; it cannot stop a screen, a worker or a bug from
calling a staff action while the kiosk is in a citizen's hands. So every staff-only
service call takes a :class:`StaffGrant` and asks the issuer (:class:`GrantCheck`,
implemented by ``StaffAccess``) whether it is live: issued by this very process, not
locked since, not altered. Grants live in memory only: a restart means unlocking
again, and a copy of the database holds nothing that unlocks anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StaffGrant:
    """Staff mode unlocked: who acts (the member whose PIN unlocked the pad, ``staff:<name>``
    or ``staff`` for the unnamed member; ``it`` at the command line).

    Services audit in the name of ``actor``. The token is what makes a grant
    unforgeable: it is random, kept by the issuer, and compared on every call.
    """

    actor: str
    unlocked_at: datetime
    token: str = field(repr=False)


class GrantCheck(Protocol):
    """What a staff-only service needs of ``kiosk.staff.StaffAccess``."""

    def require(self, grant: StaffGrant | None) -> str:
        """The actor to audit if ``grant`` is live; raises ``StaffAccessError`` if not."""
        ...
