"""Declarations filed before the mã tờ khai keep their ``HS-…`` references, which stay valid.

New declarations are ``TK-…`` (``kiosk.declarations.reference``); migration 0008 renamed
the table ``dossiers`` to ``declarations`` and copied every row as it was stored.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import msgspec
from alembic import command
from pypdf import PdfReader
from sqlalchemy import Connection, select

from kiosk.config import Settings
from kiosk.db import create_kiosk_engine
from kiosk.db.migrate import alembic_config
from kiosk.db.models import OutboxEntry
from kiosk.declarations import DeclarationService
from kiosk.paths import KioskPaths
from kiosk.printing.api import TextBlock
from kiosk.services import KioskServices
from kiosk.staff import StaffGrant
from tests.conftest import FIXED_NOW
from tests.consent import AGREED
from tests.core.declarations.legacy import make_legacy
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form
from wire import protocol

LEGACY = "HS-1-250310-0001"


def _submit(declarations: DeclarationService) -> str:
    return declarations.submit(
        sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
    ).reference


def test_new_declarations_are_tk_and_an_hs_one_is_found_as_staff_type_it(
    services: KioskServices, declarations: DeclarationService, grant: StaffGrant
) -> None:
    reference = _submit(declarations)
    assert reference == "TK-1-250310-0001"
    make_legacy(services, reference, LEGACY)

    view = declarations.lookup(grant, " hs-1-250310-0001 ")

    assert view.reference == LEGACY
    assert view.answers == sample_answers()
    assert view.outbox is not None
    assert view.outbox.status == "pending"
    newest = services.audit.recent(1)[0]
    assert (newest.action, dict(newest.detail)) == ("declaration.show", {"reference": LEGACY})


def test_an_hs_declaration_still_prints_its_slip_and_its_a4_form(
    services: KioskServices, declarations: DeclarationService, grant: StaffGrant
) -> None:
    make_legacy(services, _submit(declarations), LEGACY)

    slip = declarations.receipt(LEGACY)
    texts = [block.text for block in slip.blocks if isinstance(block, TextBlock)]
    assert LEGACY in texts
    assert "PHIẾU TỜ KHAI ĐÃ ĐIỀN" in texts
    services.printing.job(slip)  # and it renders
    pdf = PdfReader(io.BytesIO(declarations.form_pdf(grant, LEGACY)))
    assert f"Mã tờ khai: {LEGACY}" in pdf.pages[0].extract_text()


def test_the_days_numbers_go_on_after_an_hs_reference(
    services: KioskServices, declarations: DeclarationService
) -> None:
    # The kiosk was updated in the middle of a day: its seventh declaration was HS-.
    make_legacy(services, _submit(declarations), "HS-1-250310-0007")
    assert _submit(declarations) == "TK-1-250310-0008"
    make_legacy(services, "TK-1-250310-0008", "HS-1-250310-0010")
    assert _submit(declarations) == "TK-1-250310-0011"


def test_an_hs_declaration_waiting_to_be_sent_still_passes_the_protocol(
    services: KioskServices, declarations: DeclarationService
) -> None:
    make_legacy(services, _submit(declarations), LEGACY)
    with services.db.transaction() as session:
        payload = session.scalars(select(OutboxEntry.payload)).one()
    sent = protocol.decode(msgspec.json.encode(payload), protocol.DossierCreate)
    assert sent.reference == LEGACY


def _tables(connection: Connection) -> set[str]:
    rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def _stored_answers(connection: Connection, table: str) -> str:
    """The answers column as stored: sealed text, which no migration may change."""
    (text,) = connection.exec_driver_sql(f"SELECT answers FROM {table}").scalars()
    return str(text)


def test_0008_moves_every_row_as_stored_and_downgrades_to_dossiers(
    settings_factory: Callable[..., Settings], kiosk_paths: KioskPaths
) -> None:
    def opened() -> KioskServices:
        services = KioskServices(settings_factory(), kiosk_paths, clock=lambda: FIXED_NOW)
        services.open()
        return services

    services = opened()
    try:
        reference = _submit(services.declarations)
        ticket = services.tickets.issue("A", declaration_reference=reference)
        make_legacy(services, reference, LEGACY)
    finally:
        services.close()
    engine = create_kiosk_engine(kiosk_paths.database)
    try:
        with engine.begin() as connection:
            sealed = _stored_answers(connection, "declarations")
            assert sample_answers()["applicant_name"] not in sealed  # sealed, not in clear
            command.downgrade(alembic_config(connection=connection), "0007")
            assert "dossiers" in _tables(connection)
            assert "declarations" not in _tables(connection)
            assert _stored_answers(connection, "dossiers") == sealed
            linked = connection.exec_driver_sql("SELECT dossier_reference FROM tickets")
            assert linked.scalars().all() == [LEGACY]
    finally:
        engine.dispose()

    services = opened()  # migrates to 0008 again, as an updated kiosk does at start-up
    try:
        view = services.declarations.lookup(services.staff.grant_for_command_line(), LEGACY)
        assert view.answers == sample_answers()
        assert services.tickets.find(ticket.id).declaration_reference == LEGACY
        assert _submit(services.declarations) == "TK-1-250310-0002"
        with services.db.engine.connect() as connection:
            assert "dossiers" not in _tables(connection)
    finally:
        services.close()
