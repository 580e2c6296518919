"""Fixtures for the declaration tests: the kiosk's services on a real SQLite file."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.db import Database
from kiosk.declarations import DeclarationService
from kiosk.services import KioskServices
from kiosk.staff import StaffGrant


@pytest.fixture
def declarations(services: KioskServices) -> DeclarationService:
    return services.declarations


@pytest.fixture
def grant(services: KioskServices, staff_pin: str) -> StaffGrant:
    """Staff mode unlocked at the kiosk's PIN pad."""
    return services.staff.unlock(staff_pin)


def count(db: Database, model: type) -> int:
    """How many rows ``model``'s table holds."""
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)
