"""Who the audit log names: IT, the citizen, or a member of staff by name.

A member's actor is ``staff:<name>``, not a row id: the audit log is kept for years,
and "who voided A-012 in March?" must still have an answer after IT removed the
member. The prefix keeps a member called "it" apart from IT.

``staff`` alone is the kiosk's shared, unnamed identity: the one PIN of kiosks from
before staff had their own, carried over as the member called just "Cán bộ", and the
member ``staff set-pin`` adds on a new kiosk. Its entries, old and new, read "Cán bộ"
("Staff" in English), as they always did.
"""

from __future__ import annotations

#: Attempts at the PIN pad that name nobody yet (a wrong PIN), and entries from before
#: staff had their own PINs.
STAFF_ACTOR = "staff"
#: The command line: IT, who own the machine.
IT_ACTOR = "it"
#: The citizen at the screen.
CITIZEN_ACTOR = "citizen"
#: What comes before a member's name in their actor.
MEMBER_PREFIX = "staff:"
#: The name of the unnamed member, whose actor is plain :data:`STAFF_ACTOR`.
UNNAMED_MEMBER = "Cán bộ"
#: An actor is at most 64 characters (``audit_log.actor``).
MAX_ACTOR_LENGTH = 64


def member_actor(name: str) -> str:
    """The actor for the member called ``name``: ``staff`` for the unnamed member."""
    if name == UNNAMED_MEMBER:
        return STAFF_ACTOR
    actor = f"{MEMBER_PREFIX}{name}"
    if len(actor) > MAX_ACTOR_LENGTH:
        raise ValueError("a member's name is too long to be an audit actor")
    return actor


def member_name(actor: str) -> str | None:
    """The member's name in ``actor``; ``None`` for IT, the citizen and the unnamed member."""
    if actor.startswith(MEMBER_PREFIX) and len(actor) > len(MEMBER_PREFIX):
        return actor[len(MEMBER_PREFIX) :]
    return None
