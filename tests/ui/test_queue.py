"""Lấy số thứ tự as a citizen uses it: tap a queue, answer the priority question, read
the number, take the paper (or show the screen to staff when the printer is down).

Real services (a real SQLite file with the bundled queues A, B, C), the real ``file:``
printer writing into the data folder, and a real TCP printer URI on a closed port for
the fault path. Ops run synchronously unless a test says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import select

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import TextScale
from kiosk.db.models import OutboxEntry, Ticket
from kiosk.errors import KioskError
from kiosk.paths import KioskPaths
from kiosk.services import KioskServices
from tests.consent import AGREED
from ui import ops
from ui.main_window import KioskWindow
from ui.screens.queue.choose import ChooseScreen
from ui.screens.queue.ticket import TicketScreen

BIRTH_REGISTRATION = "1.001193"
# Monday 09:05 in Hà Nội, as the shared fixtures' clock: every queue is open.
MONDAY = datetime(2025, 3, 10, 2, 5, tzinfo=UTC)
# Sunday 10:00 in Hà Nội: every bundled queue is closed.
SUNDAY = datetime(2025, 3, 9, 3, 0, tzinfo=UTC)


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def choose_screen(window: KioskWindow) -> ChooseScreen:
    screen = window.journey_screen("queue")
    assert isinstance(screen, ChooseScreen)
    return screen


def ticket_screen(window: KioskWindow) -> TicketScreen:
    screen = window.screens["queue.ticket"]
    assert isinstance(screen, TicketScreen)
    return screen


def open_queue(qtbot: QtBot, window: KioskWindow) -> ChooseScreen:
    click(qtbot, window.home.tiles["queue"])
    assert window.current_screen() == "queue"
    screen = choose_screen(window)
    qtbot.waitUntil(lambda: len(screen.visible_cards()) == 3)
    return screen


def take_ticket(
    qtbot: QtBot, window: KioskWindow, code: str = "A", *, priority: bool = False
) -> TicketScreen:
    """From home: the queue tile, the queue's card, then the priority answer."""
    screen = open_queue(qtbot, window)
    click(qtbot, screen.card(code))
    assert screen.asking_priority
    click(qtbot, screen.priority_button if priority else screen.none_button)
    qtbot.waitUntil(lambda: window.current_screen() == "queue.ticket")
    return ticket_screen(window)


def printouts(paths: KioskPaths, label: str) -> list[Path]:
    """The file printer's jobs for ``label`` (the job is named by the ticket's label)."""
    return sorted(path for path in paths.printouts.glob("*.bin") if label in path.name)


def test_tap_a_queue_and_take_the_printed_ticket(
    qtbot: QtBot, window: KioskWindow, services: KioskServices, kiosk_paths: KioskPaths
) -> None:
    screen = open_queue(qtbot, window)
    card = screen.card("A")
    assert card.name.text() == "Tư pháp – Hộ tịch"
    assert card.counters.text() == "Quầy 1, 2"
    assert card.state.text() == "Không có ai đang chờ"
    assert card.height() >= 96
    assert screen.card("C").counters.text() == "Quầy 5"

    click(qtbot, card)
    assert screen.asking_priority
    assert screen.chosen_card.name.text() == "Tư pháp – Hộ tịch"
    assert screen.question.text() == "Bạn có thuộc đối tượng ưu tiên không?"
    # The groups are there to read, so the citizen can tell; the answer is yes or no.
    assert screen.groups.text().splitlines() == [
        "• Người cao tuổi",
        "• Người khuyết tật",
        "• Phụ nữ có thai",
        "• Người có công",
    ]
    assert "không ghi thuộc đối tượng nào" in screen.priority_hint.text()
    assert screen.priority_button.text() == "Tôi thuộc đối tượng ưu tiên"
    assert screen.none_button.text() == "Không thuộc đối tượng ưu tiên"
    click(qtbot, screen.priority_button)

    assert window.current_screen() == "queue.ticket"
    ticket = ticket_screen(window)
    assert ticket.ticket is not None
    assert ticket.number.text() == "A-001"
    assert ticket.number.fontInfo().pixelSize() >= 120
    shown = texts(ticket)
    assert "Tư pháp – Hộ tịch" in shown
    assert "Mời bạn đến quầy 1 hoặc 2" in shown
    assert "Không có ai chờ trước bạn" in shown
    assert "Ưu tiên" in shown
    assert not [text for text in shown if "cao tuổi" in text]
    assert "Vé đã được in, mời bạn nhận vé ở khe máy in." in shown
    assert ticket.qr.data == str(ticket.ticket.id)
    assert not ticket.qr.pixmap().isNull()
    assert not ticket.print_error.isVisible()

    record = services.tickets.find("A-001")
    assert record.id == ticket.ticket.id
    assert record.print_status == "printed"
    assert record.priority is True
    jobs = printouts(kiosk_paths, "A-001")
    assert jobs, sorted(p.name for p in kiosk_paths.printouts.iterdir())
    assert jobs[0].stat().st_size > 0

    click(qtbot, ticket.done_button)
    assert window.current_screen() == "home"
    assert window.visit.ticket is None
    assert "queue.ticket" not in window.screens

    second = take_ticket(qtbot, window, "A")
    assert second.number.text() == "A-002"
    assert "Trước bạn còn 1 người" in texts(second)
    assert not second.priority.isVisible()
    assert services.tickets.find("A-002").print_status == "printed"
    assert printouts(kiosk_paths, "A-002")


def test_the_queue_tiles_count_the_people_waiting(
    qtbot: QtBot, window: KioskWindow, services: KioskServices
) -> None:
    services.desk.take("B")
    services.desk.take("B")
    screen = open_queue(qtbot, window)
    assert screen.card("B").state.text() == "2 người đang chờ"
    assert screen.card("A").state.text() == "Không có ai đang chờ"


def test_a_double_tap_takes_one_ticket(
    qtbot: QtBot, window: KioskWindow, services: KioskServices
) -> None:
    screen = open_queue(qtbot, window)
    click(qtbot, screen.card("A"))
    ops.set_synchronous(False)  # the print runs on the I/O worker, as on the kiosk
    try:
        qtbot.mouseClick(screen.none_button, Qt.MouseButton.LeftButton)
        assert window.journey_screen("queue").flow.busy
        assert not screen.none_button.isEnabled()
        assert screen.issuing.isVisible()
        qtbot.mouseClick(screen.none_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(screen.priority_button, Qt.MouseButton.LeftButton)
        window.journey_screen("queue").flow.take(screen.card("A").service, priority=False)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: window.current_screen() == "queue.ticket")
        assert ops.wait_for_all()
    finally:
        ops.set_synchronous(True)
    assert ticket_screen(window).number.text() == "A-001"
    with pytest.raises(KioskError):
        services.tickets.find("A-002")
    assert not window.journey_screen("queue").flow.busy
    assert screen.none_button.isEnabled()


def test_when_the_printer_fails_the_screen_is_the_ticket(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], closed_port: int
) -> None:
    window = kiosk_factory(printer=f"tcp://127.0.0.1:{closed_port}")
    window.journey_screen("queue").flow.set_return_delays(printed_ms=50, failed_ms=30_000)
    ticket = take_ticket(qtbot, window, "A")

    assert ticket.number.text() == "A-001"
    assert ticket.ticket is not None
    assert ticket.ticket.print_status == "failed"
    assert ticket.qr.data == str(ticket.ticket.id)
    assert not ticket.qr.pixmap().isNull()
    assert ticket.status.text().startswith(
        "Máy in đang gặp sự cố. Vui lòng chụp ảnh hoặc đưa màn hình này cho cán bộ tại quầy."
    )
    assert ticket.print_error.isVisible()
    assert ticket.print_error.text().startswith("Lỗi máy in: ")
    assert ticket.returns_in_ms > 10_000  # time to show the screen to staff
    assert ticket.countdown.text().startswith("Màn hình tự về trang chủ sau ")

    record = window.services().tickets.find("A-001")
    assert record.print_status == "failed"
    assert record.print_error is not None


def test_from_the_birth_registration_page_queue_a_is_preselected(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.show_screen("lookup")
    window.journey_screen("lookup").flow.open_procedure(BIRTH_REGISTRATION, "lookup")
    procedure = window.screens["lookup.procedure"]
    click(qtbot, procedure.ticket_button)  # type: ignore[attr-defined]

    assert window.current_screen() == "queue"
    screen = choose_screen(window)
    assert screen.asking_priority
    assert screen.chosen is not None
    assert screen.chosen.code == "A"
    assert screen.chosen_card.name.text() == "Tư pháp – Hộ tịch"
    assert window.visit.queue_service == "A"

    click(qtbot, screen.nav.back_button)  # still free to choose another queue
    assert not screen.asking_priority
    click(qtbot, screen.card("B"))
    click(qtbot, screen.none_button)
    assert ticket_screen(window).number.text() == "B-001"


def test_the_ticket_goes_home_by_itself(qtbot: QtBot, window: KioskWindow) -> None:
    window.journey_screen("queue").flow.set_return_delays(printed_ms=100, failed_ms=100)
    ticket = take_ticket(qtbot, window, "C")
    assert ticket.number.text() == "C-001"
    assert window.visit.ticket is not None
    # Counting down, and saying so; when it runs out the visit ends with no touch.
    assert ticket.returns_in_ms > 0
    assert ticket.countdown.text()
    with qtbot.waitSignal(window.visit_ended, timeout=5000):
        pass
    assert window.current_screen() == "home"
    assert window.visit.ticket is None
    assert "queue.ticket" not in window.screens


def test_walking_away_forgets_the_ticket(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = window_factory(idle_timeout_s=0.05, idle_warning_s=0.1)
    window.idle.stop()
    ticket = take_ticket(qtbot, window, "A", priority=True)
    assert ticket.number.text() == "A-001"
    with qtbot.waitSignal(window.visit_ended, timeout=2000):
        window.idle.start()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.current_screen() == "home"
    assert not isValid(ticket)
    assert window.visit.ticket is None
    assert not any("A-001" in text for text in texts(window))
    screen = choose_screen(window)
    assert screen.chosen is None
    assert not screen.asking_priority


def test_a_closed_queue_says_so_calmly(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow]
) -> None:
    window = kiosk_factory(clock=lambda: SUNDAY)
    screen = open_queue(qtbot, window)
    card = screen.card("A")
    assert card.state.text() == "Ngoài giờ làm việc"
    click(qtbot, card)
    assert not screen.asking_priority
    assert screen.notice.text().startswith("Tư pháp – Hộ tịch: hiện ngoài giờ làm việc.")
    with pytest.raises(KioskError):
        window.services().tickets.find("A-001")


@pytest.mark.parametrize("scale", [100, 150])
def test_queue_touch_targets_and_text_are_big_enough(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], scale: int
) -> None:
    window = window_factory(text_scale=TextScale(scale))
    screen = open_queue(qtbot, window)
    click(qtbot, screen.card("A"))
    pages: list[QWidget] = [screen]
    click(qtbot, screen.none_button)
    pages.append(ticket_screen(window))
    for page in pages:
        window.show_screen("queue" if page is screen else "queue.ticket")
        for button in [b for b in page.findChildren(QPushButton) if b.isVisible()]:
            assert button.height() >= 64, (button.objectName(), button.text())
        for label in [lb for lb in page.findChildren(QLabel) if lb.isVisible()]:
            assert label.fontInfo().pixelSize() >= 20 * scale // 100, label.text()


def test_after_a_declaration_a_priority_ticket_is_not_linked_to_it(
    qtbot: QtBot, window: KioskWindow, services: KioskServices
) -> None:
    form = services.forms.get(FORM_ID)
    filed = services.dossiers.submit(form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED)
    window.visit.filed = filed  # as the done page leaves it for "Lấy số thứ tự"
    window.visit.ask_for_ticket(filed.queue_service)
    window.show_screen("queue")
    screen = choose_screen(window)
    qtbot.waitUntil(lambda: screen.asking_priority)
    click(qtbot, screen.priority_button)
    ticket = ticket_screen(window)
    assert ticket.ticket is not None
    assert ticket.ticket.priority
    assert ticket.ticket.dossier_reference is None
    assert ticket.qr.data == str(ticket.ticket.id)
    assert not [text for text in texts(ticket) if filed.reference in text]
    with services.db.transaction() as session:
        row = session.get(Ticket, ticket.ticket.id)
        entry = session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == ticket.ticket.id)
        ).one()
        assert row is not None
        assert (row.priority, row.dossier_reference) == (True, None)
        assert (entry.payload["priority"], entry.payload["dossier_reference"]) == (True, None)
    click(qtbot, ticket.done_button)

    # An ordinary ticket after a declaration still carries its reference, for staff.
    window.visit.filed = filed
    window.visit.ask_for_ticket(filed.queue_service)
    window.show_screen("queue")
    screen = choose_screen(window)
    qtbot.waitUntil(lambda: screen.asking_priority)
    click(qtbot, screen.none_button)
    ordinary = ticket_screen(window).ticket
    assert ordinary is not None
    assert (ordinary.priority, ordinary.dossier_reference) == (False, filed.reference)
