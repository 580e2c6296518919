"""What kiosks upload and what admins publish, as the tests build them."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import msgspec

from wire.catalogue import CatalogueFile

# --- payloads as a kiosk sends them -----------------------------------------------------

_sequence = iter(range(1, 10**9))


def outbox_item(entity_type: str, operation: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "sequence": next(_sequence),
        "entity_type": entity_type,
        "entity_id": payload["id"],
        "operation": operation,
        "payload": payload,
        "created_at": datetime.now(UTC).isoformat(),
    }


def ticket_payload(number: int = 1, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "service_code": "A",
        "service_day": date(2026, 11, 26).isoformat(),
        "number": number,
        "label": f"A-{number:03d}",
        "issued_at": datetime.now(UTC).isoformat(),
        "people_ahead": 0,
        "kiosk_name": "Kiosk 1",
    }
    payload.update(overrides)
    return payload


def dossier_payload(reference: str | None = None, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "reference": reference or f"HS-1-261126-{uuid.uuid4().int % 10_000:04d}",
        "procedure_code": "1.001193",
        "form_id": "khai-sinh",
        "form_version": 1,
        "answers": {"child_name": "Nguyễn Văn An", "child_birth_date": "2026-11-20"},
        "submitted_at": datetime.now(UTC).isoformat(),
        "kiosk_name": "Kiosk 1",
    }
    payload.update(overrides)
    return payload


def account_payload() -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "data": {"full_name": "Trần Thị Bình", "phone": "0912345678"},
        "created_at": datetime.now(UTC).isoformat(),
    }


# --- files an admin publishes -----------------------------------------------------------

BUNDLED_CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "bundled.json"
BUNDLED_FORMS = BUNDLED_CATALOGUE.parents[1] / "forms"
#: The queues of :func:`upload_catalogue`, none with a daily limit.
QUEUES = ("A", "B", "C", "D")


def upload_catalogue() -> CatalogueFile:
    """The bundled catalogue with queues A to D: what the uploads and leases here name."""
    catalogue = msgspec.json.decode(BUNDLED_CATALOGUE.read_bytes(), type=CatalogueFile)
    template = catalogue.queue_services[0]
    queues = [
        msgspec.structs.replace(template, code=code, position=index, daily_limit=None)
        for index, code in enumerate(QUEUES)
    ]
    return msgspec.structs.replace(catalogue, queue_services=queues)


def form_definition(form_id: str = "khai-sinh", version: int = 1) -> dict[str, Any]:
    """A small form that the kiosk's library accepts."""
    return {
        "format": "kiosk-form",
        "format_version": 1,
        "id": form_id,
        "version": version,
        "title": {"vi": "Tờ khai đăng ký khai sinh", "en": "Birth registration form"},
        "template": "Mẫu tờ khai đăng ký khai sinh ban hành kèm theo Thông tư 04/2020/TT-BTP",
        "procedures": ["1.001193"],
        "sections": [
            {
                "id": "child",
                "title": {"vi": "Người được khai sinh", "en": "The child"},
                "fields": [
                    {
                        "id": "child_name",
                        "kind": "person_name",
                        "label": {"vi": "Họ, chữ đệm, tên", "en": "Full name"},
                        "required": True,
                    },
                    {
                        "id": "child_birth_date",
                        "kind": "date",
                        "label": {"vi": "Ngày, tháng, năm sinh", "en": "Date of birth"},
                    },
                ],
            }
        ],
        "layout": [
            {"type": "national_header"},
            {"type": "heading", "text": "TỜ KHAI ĐĂNG KÝ KHAI SINH"},
            {"type": "line", "cells": ["Họ, chữ đệm, tên: {child_name}"]},
            {"type": "line", "cells": ["Ngày, tháng, năm sinh: {child_birth_date}"]},
        ],
    }


def write_json(path: Path, value: Any) -> Path:
    path.write_bytes(msgspec.json.encode(value))
    return path
