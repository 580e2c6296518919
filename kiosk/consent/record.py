"""The record of a citizen's consent: what it proves, and how it travels and is kept.

A record names the purposes ticked, the moment "Đồng ý và tiếp tục" was tapped, the
notice's version and the SHA-256 of the exact text shown, and its language. It holds
nothing about the person: it is stored with the declaration it allowed (``declarations.consent``),
uploaded with it (``wire.protocol.Consent``) and kept after the answers are purged,
since it is the proof that collecting them was allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec

from kiosk.config import Language, Settings
from kiosk.consent.errors import ConsentRequiredError, UnknownPurposeError
from kiosk.consent.notice import Notice, privacy_notice
from wire import protocol


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """Who agreed is the declaration it is stored with; this says when, to what, in which words."""

    #: The purpose ids ticked, in the notice's order.
    purposes: tuple[str, ...]
    agreed_at: datetime
    notice_version: str
    #: Hex SHA-256 of ``Notice.text`` as shown.
    notice_sha256: str
    language: Language

    def covers(self, purposes: Iterable[str]) -> bool:
        return set(purposes) <= set(self.purposes)

    def to_wire(self) -> protocol.Consent:
        return protocol.Consent(
            purposes=self.purposes,
            agreed_at=self.agreed_at,
            notice_version=self.notice_version,
            notice_sha256=self.notice_sha256,
            language=self.language.value,
        )

    def to_json(self) -> dict[str, Any]:
        """As stored in ``declarations.consent`` and sent: the protocol's JSON values."""
        stored: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(self.to_wire()))
        return stored

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ConsentRecord:
        wire = msgspec.convert(value, protocol.Consent, strict=False)
        return cls(
            purposes=tuple(wire.purposes),
            agreed_at=wire.agreed_at,
            notice_version=wire.notice_version,
            notice_sha256=wire.notice_sha256,
            language=Language(wire.language),
        )


def agree(notice: Notice, ticked: Iterable[str], at: datetime) -> ConsentRecord:
    """The record of ``ticked`` on ``notice`` at ``at``.

    Raises :class:`UnknownPurposeError` for an id the notice does not list and
    :class:`ConsentRequiredError` when a purpose the service needs is not ticked:
    "Đồng ý và tiếp tục" stays disabled until they are, and the core says so too.
    """
    chosen = set(ticked)
    unknown = sorted(chosen - set(notice.purpose_ids()))
    if unknown:
        raise UnknownPurposeError(purpose=unknown[0])
    if not notice.required <= chosen:
        raise ConsentRequiredError()
    return ConsentRecord(
        purposes=tuple(pid for pid in notice.purpose_ids() if pid in chosen),
        agreed_at=at,
        notice_version=notice.version,
        notice_sha256=notice.sha256,
        language=notice.language,
    )


def require_consent(
    record: ConsentRecord | None, settings: Settings, purposes: Iterable[str]
) -> ConsentRecord:
    """``record`` if it covers ``purposes`` and was given to a text this kiosk shows.

    Raises :class:`ConsentRequiredError` otherwise: no record, a purpose missing, or a
    version and hash that are not this kiosk's notice in the record's language.
    """
    if record is None or not record.covers(purposes):
        raise ConsentRequiredError()
    shown = privacy_notice(settings, record.language)
    if (record.notice_version, record.notice_sha256) != (shown.version, shown.sha256):
        raise ConsentRequiredError()
    return record
