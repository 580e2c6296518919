"""Revision 0003 keeps tickets and queues already on a kiosk and fills the new columns."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from kiosk.db import Database, create_kiosk_engine
from kiosk.db.migrate import alembic_config


def test_0003_keeps_old_tickets_and_gives_old_queues_every_priority_group(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_kiosk_engine(path)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "0002")
            connection.exec_driver_sql(
                "INSERT INTO catalog_meta (id, version, source, format, loaded_at, content_hash) "
                "VALUES (1, 'old', 'bundled', 'kiosk', '2025-03-01 00:00:00', 'x')"
            )
            connection.exec_driver_sql(
                "INSERT INTO queue_services (code, name, counters, opening_hours, daily_limit, "
                "position) VALUES ('A', 'Hộ tịch', '[1]', '{}', NULL, 0)"
            )
            connection.exec_driver_sql(
                "INSERT INTO tickets (id, service_code, service_day, number, issued_at, "
                "people_ahead, dossier_reference, print_status) VALUES "
                "('0123456789abcdef0123456789abcdef', 'A', '2025-03-01', 7, "
                "'2025-03-01 02:00:00', 3, NULL, 'printed')"
            )
    finally:
        engine.dispose()
    database = Database(path)
    database.open()
    try:
        with database.engine.connect() as connection:
            groups = connection.exec_driver_sql("SELECT priority_groups FROM queue_services")
            assert groups.scalar() == (
                '["nguoi_cao_tuoi", "nguoi_khuyet_tat", "phu_nu_co_thai", "nguoi_co_cong"]'
            )
            row = connection.exec_driver_sql(
                "SELECT number, print_status, reprints, voided_at, kiosk_name FROM tickets"
            ).one()
            assert tuple(row) == (7, "printed", 0, None, None)
    finally:
        database.close()
