"""The staff pages' shared words: times, print states, what an outbox entry is about.

Every text is made at the moment it is shown, through ``QCoreApplication.translate``,
so the pages keep data (a ticket, an entry) and not strings: a language switch redraws
them like every other text.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.clock import LOCAL_TZ
from ui.i18n import translate

if TYPE_CHECKING:
    from kiosk.queue.api import IssuedTicket
    from kiosk.sync.refused import RefusedEntry


def clock_time(moment: datetime) -> str:
    """``09:05``: the centre's local time, for things that happened today."""
    return f"{moment.astimezone(LOCAL_TZ):%H:%M}"


def day_and_time(moment: datetime) -> str:
    """``09:05 10/03/2025``: the centre's local time with the day."""
    return f"{moment.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}"


def lock_text() -> str:
    """The lock button's text, the same on every staff page (a lone & marks a mnemonic)."""
    return QCoreApplication.translate("StaffScreen", "Khóa lại & về trang chủ").replace("&", "&&")


def print_state(ticket: IssuedTicket) -> str:
    """Where the ticket's paper stands, as staff say it at the counter."""
    if ticket.print_status == "voided":
        return QCoreApplication.translate("Staff", "Đã hủy")
    if ticket.print_status == "printed":
        return QCoreApplication.translate("Staff", "Đã in")
    if ticket.print_status == "failed":
        if ticket.print_error is None:
            return QCoreApplication.translate("Staff", "In không được")
        return QCoreApplication.translate("Staff", "In không được: {error}").format(
            error=translate(ticket.print_error)
        )
    return QCoreApplication.translate("Staff", "Chưa in")


def entry_title(entry: RefusedEntry) -> str:
    """A refused entry's row title: ``Tờ khai TK-1-250310-0001``, ``Phiếu A-012``."""
    subject = entry.subject or ""
    if entry.entity_type == "dossier" and subject:
        return QCoreApplication.translate("Staff", "Tờ khai {subject}").format(subject=subject)
    if entry.entity_type == "ticket" and subject:
        return QCoreApplication.translate("Staff", "Phiếu {subject}").format(subject=subject)
    if entry.entity_type == "account":
        return QCoreApplication.translate("Staff", "Tài khoản (mục số {entry})").format(
            entry=entry.id
        )
    return QCoreApplication.translate("Staff", "Mục số {entry}").format(entry=entry.id)


def entry_phrase(entry: RefusedEntry) -> str:
    """The same inside a sentence: ``tờ khai TK-1-250310-0001``, ``phiếu A-012``."""
    subject = entry.subject or ""
    if entry.entity_type == "dossier" and subject:
        return QCoreApplication.translate("Staff", "tờ khai {subject}").format(subject=subject)
    if entry.entity_type == "ticket" and subject:
        return QCoreApplication.translate("Staff", "phiếu {subject}").format(subject=subject)
    if entry.entity_type == "account":
        return QCoreApplication.translate("Staff", "tài khoản (mục số {entry})").format(
            entry=entry.id
        )
    return QCoreApplication.translate("Staff", "mục số {entry}").format(entry=entry.id)


def holds_personal_data(entry: RefusedEntry) -> bool:
    """Whether discarding ``entry`` deletes a citizen's data (a ticket holds none)."""
    return entry.entity_type != "ticket"
