"""Mục bị từ chối at the staff screen: a declaration the centre's server refused, sent again
or discarded by taps; after a discard nothing personal of it is left on the kiosk.

The server is the protocol double on loopback, made to refuse the kiosk's upload
(``refused_declaration`` in ``conftest``), as the core's own refused-upload tests do.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kiosk.db.models import Declaration
from kiosk.services import KioskServices
from tests.core.sync.double import ProtocolDouble
from tests.ui.staff.conftest import REFUSAL, StaffDriver, database_holds
from ui.screens.staff.widgets import Tone

#: The citizen's answers to look for in the database files (the bundled forms do not
#: print them as examples).
PERSONAL = ("001194012345", "Trần Minh Khôi", "Chương Dương")


def _answers(services: KioskServices, reference: str) -> dict[str, Any]:
    """The declaration's answers as the kiosk opens them (sealed in the files)."""
    with services.db.transaction() as session:
        found = session.scalar(
            select(Declaration.answers).where(Declaration.reference == reference)
        )
    assert found is not None
    return found


def test_the_refused_declaration_is_listed_with_when_and_why(
    refused_declaration: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_declaration
    staff.unlock()

    page = staff.refused()

    (row,) = page.rows
    assert row.what.text() == f"Tờ khai {reference}"
    assert row.when.text() == "Bị từ chối lúc 09:05 10/03/2025"
    assert row.why.text() == f"Lý do máy chủ đưa ra: {REFUSAL}"
    assert not page.empty.isVisible()
    shown = " ".join(staff.all_texts())
    for personal in PERSONAL:
        assert personal not in shown


def test_gui_lai_sends_it_again_at_the_next_sync(
    refused_declaration: tuple[StaffDriver, str], double: ProtocolDouble
) -> None:
    staff, reference = refused_declaration
    staff.unlock()
    page = staff.refused()

    staff.tap(page.row(reference).retry_button)

    assert page.notice.tone == Tone.OK
    assert page.notice.text() == f"Sẽ gửi lại tờ khai {reference} ở lần đồng bộ tới."
    assert page.rows == []  # the list followed the outbox
    assert page.empty.text() == "Không có mục nào bị máy chủ từ chối."
    assert staff.audit_actions()[0] == "outbox.retry"

    double.refuse_entries.clear()  # the cause was fixed on the server
    assert staff.services.sync.sync_once().outcome == "ok"
    staff.tap(page.back_button)
    declaration = staff.declaration()
    staff.type_on_keyboard(reference)
    staff.tap(declaration.find_button)
    assert declaration.upload.text() == "Máy chủ đã nhận lúc 09:05 10/03/2025"


def test_huy_gui_says_the_data_goes_then_leaves_nothing_personal_on_the_kiosk(
    refused_declaration: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_declaration
    services = staff.services
    assert database_holds(services, reference), "the search finds what is there"
    for personal in PERSONAL:
        assert not database_holds(services, personal), "sealed at rest, even before"
    assert _answers(services, reference)["requester_id"] == PERSONAL[0]
    staff.unlock()
    page = staff.refused()

    staff.tap(page.row(reference).discard_button)

    panel = page.reason_panel
    assert page.stack.currentWidget() is panel
    assert panel.heading.text() == f"Hủy gửi tờ khai {reference}?"
    assert "dữ liệu cá nhân của công dân trong đó sẽ bị xóa khỏi kiosk" in panel.body.text()
    assert panel.confirm_button.text() == "Hủy gửi và xóa dữ liệu"
    assert staff.window.keyboard.isVisible()
    staff.type_on_keyboard("cong dan nop lai tai quay")
    staff.tap(panel.confirm_button)

    assert page.stack.currentWidget() is page.scroll_area
    assert page.notice.text() == (
        f"Đã hủy gửi tờ khai {reference} và xóa dữ liệu cá nhân của công dân khỏi kiosk."
    )
    assert page.rows == []
    for personal in PERSONAL:
        assert not database_holds(services, personal), personal
    newest = services.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("staff", "outbox.discard")
    assert dict(newest.detail)["reason"] == "cong dan nop lai tai quay"

    staff.tap(page.back_button)
    declaration = staff.declaration()
    staff.type_on_keyboard(reference)
    staff.tap(declaration.find_button)
    assert declaration.upload.text().startswith("Cán bộ đã hủy gửi lúc 09:05 10/03/2025")
    assert declaration.status.text().endswith(
        "Dữ liệu cá nhân đã được xóa khỏi kiosk lúc 09:05 10/03/2025."
    )
    assert not declaration.print_button.isVisible()


def test_huy_gui_without_a_reason_is_refused_and_keeps_the_entry(
    refused_declaration: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_declaration
    staff.unlock()
    page = staff.refused()
    staff.tap(page.row(reference).discard_button)

    staff.tap(page.reason_panel.confirm_button)

    assert page.reason_panel.message.text() == "Vui lòng ghi lý do."
    assert page.stack.currentWidget() is page.reason_panel
    assert _answers(staff.services, reference)["requester_id"] == PERSONAL[0]
    staff.tap(page.reason_panel.cancel_button)
    assert [row.entry.subject for row in page.rows] == [reference]


def test_the_declaration_page_points_a_refused_upload_here(
    refused_declaration: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_declaration
    staff.unlock()
    page = staff.declaration()
    staff.type_on_keyboard(reference)
    staff.tap(page.find_button)

    assert page.upload.text() == (
        f"Máy chủ từ chối lúc 09:05 10/03/2025. Lý do: {REFUSAL}. Xử lý ở trang “Mục bị từ chối”."
    )
