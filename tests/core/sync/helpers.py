"""Making the kiosk-side rows sync works on, the way the kiosk's own services write them."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from sqlalchemy import select

from kiosk.catalog.bundled import BUNDLED_CATALOGUE
from kiosk.db.models import Account, Declaration, OutboxEntry
from kiosk.db.outbox import add_outbox_entry
from kiosk.services import KioskServices
from wire.catalogue import CatalogueFile
from wire.catalogue_files import read_catalogue_file

NEW_NAME = "Thủ tục chứng nhận kỳ lân xanh"

ANSWERS = {"full_name": "Nguyễn Văn An", "id_number": "001203004567", "phone": "0912345678"}


def add_declaration(kiosk: KioskServices, sequence: int, **payload_changes: Any) -> uuid.UUID:
    """A saved declaration with its outbox entry, in one transaction as the service does."""
    now = kiosk.clock()
    declaration_id = uuid.uuid4()
    reference = f"HS-1-250310-{sequence:04d}"
    payload: dict[str, Any] = {
        "id": str(declaration_id),
        "reference": reference,
        "procedure_code": "1.001193",
        "form_id": "khai-sinh",
        "form_version": 1,
        "answers": ANSWERS,
        "submitted_at": now.isoformat(),
        "kiosk_name": "KIOSK-01",
    }
    payload.update(payload_changes)
    with kiosk.db.transaction() as session:
        session.add(
            Declaration(
                id=declaration_id,
                reference=reference,
                procedure_code="1.001193",
                form_id="khai-sinh",
                form_version=1,
                answers=ANSWERS,
                status="submitted",
                created_at=now,
            )
        )
        add_outbox_entry(session, "dossier", declaration_id, "create", payload, now=now)
    return declaration_id


def add_account(kiosk: KioskServices) -> uuid.UUID:
    now = kiosk.clock()
    account_id = uuid.uuid4()
    data = {"full_name": "Trần Thị Bình", "phone": "0987654321"}
    with kiosk.db.transaction() as session:
        session.add(Account(id=account_id, data=data, status="submitted", created_at=now))
        payload = {"id": str(account_id), "data": data, "created_at": now.isoformat()}
        add_outbox_entry(session, "account", account_id, "create", payload, now=now)
    return account_id


def outbox_rows(kiosk: KioskServices) -> list[OutboxEntry]:
    with kiosk.db.transaction() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.sequence)))


def declaration(kiosk: KioskServices, declaration_id: uuid.UUID) -> Declaration:
    with kiosk.db.transaction() as session:
        found = session.get(Declaration, declaration_id)
        assert found is not None
        return found


def account(kiosk: KioskServices, account_id: uuid.UUID) -> Account:
    with kiosk.db.transaction() as session:
        found = session.get(Account, account_id)
        assert found is not None
        return found


def centre_catalogue(version: str = "centre-2025.3") -> CatalogueFile:
    """The bundled catalogue as a centre would publish it, with one procedure of its own."""
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    extra = msgspec.structs.replace(bundled.procedures[0], code="2.000999", name=NEW_NAME)
    return msgspec.structs.replace(
        bundled, catalogue_version=version, procedures=[*bundled.procedures, extra]
    )
