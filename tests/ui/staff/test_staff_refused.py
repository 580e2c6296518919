"""Hồ sơ bị từ chối at the staff screen: a hồ sơ the centre's server refused, sent again
or discarded by taps; after a discard nothing personal of it is left on the kiosk.

The server is the protocol double on loopback, made to refuse the kiosk's upload
(``refused_dossier`` in ``conftest``), as the core's own refused-upload tests do.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kiosk.db.models import Dossier
from kiosk.services import KioskServices
from tests.core.sync.double import ProtocolDouble
from tests.ui.staff.conftest import REFUSAL, StaffDriver, database_holds
from ui.screens.staff.widgets import Tone

#: The citizen's answers to look for in the database files (the bundled forms do not
#: print them as examples).
PERSONAL = ("001194012345", "Trần Minh Khôi", "Chương Dương")


def _answers(services: KioskServices, reference: str) -> dict[str, Any]:
    """The hồ sơ's answers as the kiosk opens them (sealed in the files)."""
    with services.db.transaction() as session:
        found = session.scalar(select(Dossier.answers).where(Dossier.reference == reference))
    assert found is not None
    return found


def test_the_refused_dossier_is_listed_with_when_and_why(
    refused_dossier: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_dossier
    staff.unlock()

    page = staff.refused()

    (row,) = page.rows
    assert row.what.text() == f"Hồ sơ {reference}"
    assert row.when.text() == "Bị từ chối lúc 09:05 10/03/2025"
    assert row.why.text() == f"Lý do máy chủ đưa ra: {REFUSAL}"
    assert not page.empty.isVisible()
    shown = " ".join(staff.all_texts())
    for personal in PERSONAL:
        assert personal not in shown


def test_gui_lai_sends_it_again_at_the_next_sync(
    refused_dossier: tuple[StaffDriver, str], double: ProtocolDouble
) -> None:
    staff, reference = refused_dossier
    staff.unlock()
    page = staff.refused()

    staff.tap(page.row(reference).retry_button)

    assert page.notice.tone == Tone.OK
    assert page.notice.text() == f"Sẽ gửi lại hồ sơ {reference} ở lần đồng bộ tới."
    assert page.rows == []  # the list followed the outbox
    assert page.empty.text() == "Không có mục nào bị máy chủ từ chối."
    assert staff.audit_actions()[0] == "outbox.retry"

    double.refuse_entries.clear()  # the cause was fixed on the server
    assert staff.services.sync.sync_once().outcome == "ok"
    staff.tap(page.back_button)
    dossier = staff.dossier()
    staff.type_on_keyboard(reference)
    staff.tap(dossier.find_button)
    assert dossier.upload.text() == "Máy chủ đã nhận lúc 09:05 10/03/2025"


def test_huy_gui_says_the_data_goes_then_leaves_nothing_personal_on_the_kiosk(
    refused_dossier: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_dossier
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
    assert panel.heading.text() == f"Huỷ gửi hồ sơ {reference}?"
    assert "dữ liệu cá nhân của công dân trong đó sẽ bị xoá khỏi kiosk" in panel.body.text()
    assert panel.confirm_button.text() == "Huỷ gửi và xoá dữ liệu"
    assert staff.window.keyboard.isVisible()
    staff.type_on_keyboard("cong dan nop lai tai quay")
    staff.tap(panel.confirm_button)

    assert page.stack.currentWidget() is page.scroll_area
    assert page.notice.text() == (
        f"Đã huỷ gửi hồ sơ {reference} và xoá dữ liệu cá nhân của công dân khỏi kiosk."
    )
    assert page.rows == []
    for personal in PERSONAL:
        assert not database_holds(services, personal), personal
    newest = services.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("staff", "outbox.discard")
    assert dict(newest.detail)["reason"] == "cong dan nop lai tai quay"

    staff.tap(page.back_button)
    dossier = staff.dossier()
    staff.type_on_keyboard(reference)
    staff.tap(dossier.find_button)
    assert dossier.upload.text().startswith("Cán bộ đã huỷ gửi lúc 09:05 10/03/2025")
    assert dossier.status.text().endswith(
        "Dữ liệu cá nhân đã được xoá khỏi kiosk lúc 09:05 10/03/2025."
    )
    assert not dossier.print_button.isVisible()


def test_huy_gui_without_a_reason_is_refused_and_keeps_the_entry(
    refused_dossier: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_dossier
    staff.unlock()
    page = staff.refused()
    staff.tap(page.row(reference).discard_button)

    staff.tap(page.reason_panel.confirm_button)

    assert page.reason_panel.message.text() == "Vui lòng ghi lý do."
    assert page.stack.currentWidget() is page.reason_panel
    assert _answers(staff.services, reference)["requester_id"] == PERSONAL[0]
    staff.tap(page.reason_panel.cancel_button)
    assert [row.entry.subject for row in page.rows] == [reference]


def test_the_dossier_page_points_a_refused_upload_here(
    refused_dossier: tuple[StaffDriver, str],
) -> None:
    staff, reference = refused_dossier
    staff.unlock()
    page = staff.dossier()
    staff.type_on_keyboard(reference)
    staff.tap(page.find_button)

    assert page.upload.text() == (
        f"Máy chủ từ chối lúc 09:05 10/03/2025. Lý do: {REFUSAL}. Xử lý ở trang “Hồ sơ bị từ chối”."
    )
