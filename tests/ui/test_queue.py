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
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import select

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import Language, TextScale
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


def claim_priority(qtbot: QtBot, screen: ChooseScreen) -> None:
    """Tap the first priority group, then "Đúng, in phiếu ưu tiên"."""
    click(qtbot, screen.visible_claims()[0])
    assert screen.confirm.asking
    click(qtbot, screen.confirm.confirm_button)


def take_ticket(
    qtbot: QtBot, window: KioskWindow, code: str = "A", *, priority: bool = False
) -> TicketScreen:
    """From home: the queue tile, the queue's card, then the priority answer."""
    screen = open_queue(qtbot, window)
    click(qtbot, screen.card(code))
    assert screen.asking_priority
    if priority:
        claim_priority(qtbot, screen)
    else:
        click(qtbot, screen.none_button)
    qtbot.waitUntil(lambda: window.current_screen() == "queue.ticket")
    return ticket_screen(window)


def tap_glass(qtbot: QtBot, window: KioskWindow, point: QPoint) -> None:
    """A finger at ``point`` of the window: whatever is drawn there gets the tap."""
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)


def window_rect(widget: QWidget, window: KioskWindow) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def priority_tickets(services: KioskServices) -> list[tuple[str, int]]:
    """Every priority ticket in the database, as (queue, number)."""
    with services.db.transaction() as session:
        rows = session.scalars(select(Ticket).where(Ticket.priority.is_(True)))
        return [(row.service_code, row.number) for row in rows]


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
    assert screen.question.text() == "Ông/Bà có thuộc đối tượng ưu tiên không?"
    # "No priority" first, then a button per group in its official wording.
    assert screen.none_button.text() == "Không thuộc diện ưu tiên"
    assert [button.label.text() for button in screen.visible_claims()] == [
        "Người cao tuổi (từ đủ 60 tuổi)",
        "Người khuyết tật",
        "Phụ nữ mang thai",
        "Người có công với cách mạng",
    ]
    assert "không ghi thuộc đối tượng nào" in screen.priority_hint.text()
    claim_priority(qtbot, screen)

    assert window.current_screen() == "queue.ticket"
    ticket = ticket_screen(window)
    assert ticket.ticket is not None
    assert ticket.number.text() == "A-001"
    assert ticket.number.fontInfo().pixelSize() >= 120
    shown = texts(ticket)
    assert "Tư pháp – Hộ tịch" in shown
    assert "Quầy phục vụ: 1 hoặc 2" in shown
    assert "Không có ai chờ trước Ông/Bà" in shown
    assert "Ưu tiên" in shown
    assert not [text for text in shown if "cao tuổi" in text]
    assert "Phiếu số thứ tự đã được in, vui lòng nhận ở khe máy in và chờ gọi số." in shown
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
    assert "Trước Ông/Bà còn 1 người" in texts(second)
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
        qtbot.mouseClick(screen.visible_claims()[0], Qt.MouseButton.LeftButton)
        assert not screen.confirm.asking  # no claim is asked about while one is issued
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
    filed = services.declarations.submit(
        form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED
    )
    window.visit.declaration = filed  # as the done page leaves it for "Lấy số thứ tự"
    window.visit.ask_for_ticket(filed.queue_service)
    window.show_screen("queue")
    screen = choose_screen(window)
    qtbot.waitUntil(lambda: screen.asking_priority)
    claim_priority(qtbot, screen)
    ticket = ticket_screen(window)
    assert ticket.ticket is not None
    assert ticket.ticket.priority
    assert ticket.ticket.declaration_reference is None
    assert ticket.qr.data == str(ticket.ticket.id)
    assert not [text for text in texts(ticket) if filed.reference in text]
    with services.db.transaction() as session:
        row = session.get(Ticket, ticket.ticket.id)
        entry = session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == ticket.ticket.id)
        ).one()
        assert row is not None
        assert (row.priority, row.declaration_reference) == (True, None)
        assert (entry.payload["priority"], entry.payload["dossier_reference"]) == (True, None)
    click(qtbot, ticket.done_button)

    # An ordinary ticket after a declaration still carries its reference, for staff.
    window.visit.declaration = filed
    window.visit.ask_for_ticket(filed.queue_service)
    window.show_screen("queue")
    screen = choose_screen(window)
    qtbot.waitUntil(lambda: screen.asking_priority)
    click(qtbot, screen.none_button)
    ordinary = ticket_screen(window).ticket
    assert ordinary is not None
    assert (ordinary.priority, ordinary.declaration_reference) == (False, filed.reference)


# Where "No priority" was centred, in window coordinates, before that answer came first:
# English at 1366×768, with 100, 125 and 150 % text (at 150 % it lay below the page,
# and "Person of merit to the revolution" filled its usual place).
OLD_NO_PRIORITY = {
    TextScale.NORMAL: QPoint(999, 532),
    TextScale(125): QPoint(973, 636),
    TextScale.LARGEST: QPoint(1036, 736),
}
PANEL = QRect(0, 0, 1366, 768)


def english_priority_page(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], scale: TextScale
) -> tuple[KioskWindow, ChooseScreen]:
    window = window_factory(text_scale=scale)
    window.languages.set_language(Language.ENGLISH)
    screen = open_queue(qtbot, window)
    click(qtbot, screen.card("A"))
    assert screen.asking_priority
    return window, screen


def test_every_priority_choice_is_on_screen_in_english_at_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window, screen = english_priority_page(qtbot, window_factory, TextScale.LARGEST)
    choices: list[QWidget] = [screen.none_button, *screen.visible_claims()]
    assert len(choices) == 5
    viewport = screen.priority_page.viewport()

    def on_screen() -> bool:
        seen = window_rect(viewport, window)
        return all(
            seen.contains(window_rect(choice, window))
            and PANEL.contains(window_rect(choice, window))
            for choice in choices
        )

    qtbot.waitUntil(on_screen)
    assert screen.priority_page.verticalScrollBar().value() == 0  # no scrolling needed
    # "No priority" is first (topmost) and the largest answer.
    tops = [window_rect(choice, window).top() for choice in choices]
    assert tops[0] == min(tops)
    assert tops.count(tops[0]) == 1
    areas = [choice.width() * choice.height() for choice in choices]
    assert areas[0] > max(areas[1:])
    for choice in choices:
        assert choice.height() >= 64
    # The queue's card stepped aside for the answers; the notice names the queue.
    assert not screen.chosen_card.isVisible()
    assert "Tư pháp – Hộ tịch" in screen.notice.text()

    # The question a claim asks fits too.
    click(qtbot, screen.visible_claims()[-1])
    assert screen.confirm.asking
    for button in (screen.confirm.confirm_button, screen.confirm.decline_button):
        qtbot.waitUntil(lambda b=button: PANEL.contains(window_rect(b, window)))
        assert button.height() >= 64
    click(qtbot, screen.confirm.decline_button)


def test_the_topmost_choice_in_english_at_the_largest_text_takes_no_priority(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], services: KioskServices
) -> None:
    window, screen = english_priority_page(qtbot, window_factory, TextScale.LARGEST)
    choices = [screen.none_button, *screen.visible_claims()]
    qtbot.waitUntil(lambda: window_rect(screen.none_button, window).bottom() < 768)
    topmost = min(choices, key=lambda choice: window_rect(choice, window).top())
    tap_glass(qtbot, window, window_rect(topmost, window).center())
    qtbot.waitUntil(lambda: window.current_screen() == "queue.ticket")
    ticket = ticket_screen(window).ticket
    assert ticket is not None
    assert not ticket.priority
    assert priority_tickets(services) == []


@pytest.mark.parametrize("scale", list(OLD_NO_PRIORITY))
def test_a_tap_where_no_priority_used_to_be_never_claims_priority(
    qtbot: QtBot,
    window_factory: Callable[..., KioskWindow],
    services: KioskServices,
    scale: TextScale,
) -> None:
    """A finger going where "No priority" was, in English: whatever lies there now,
    one tap prints no priority ticket (a group there only asks)."""
    window, screen = english_priority_page(qtbot, window_factory, scale)
    qtbot.waitUntil(lambda: window_rect(screen.none_button, window).bottom() < 768)
    tap_glass(qtbot, window, OLD_NO_PRIORITY[scale])
    assert priority_tickets(services) == []
    issued = window.visit.ticket
    assert issued is None or not issued.priority
    if screen.confirm.asking:  # a group was there: nothing printed, the claim is asked
        assert window.visit.ticket is None
        click(qtbot, screen.confirm.decline_button)
    assert priority_tickets(services) == []


def test_a_claim_asks_once_more_and_prints_nothing_without_yes(
    qtbot: QtBot, window: KioskWindow, services: KioskServices, kiosk_paths: KioskPaths
) -> None:
    screen = open_queue(qtbot, window)
    click(qtbot, screen.card("A"))
    elderly = screen.claim_button("nguoi_cao_tuoi")
    click(qtbot, elderly)

    confirm = screen.confirm
    assert confirm.asking
    assert confirm.question.text() == "Ông/Bà thuộc diện: Người cao tuổi (từ đủ 60 tuổi)?"
    assert confirm.body.text() == "Cán bộ có thể đề nghị xuất trình giấy tờ."
    assert confirm.confirm_button.text() == "Đúng, in phiếu ưu tiên"
    assert confirm.decline_button.text() == "Không, quay lại"
    # The question covers the screen: a tap on "No priority" behind it does nothing.
    tap_glass(qtbot, window, window_rect(screen.none_button, window).center())
    assert window.current_screen() == "queue"
    assert window.visit.ticket is None
    assert not printouts(kiosk_paths, "A-001")

    click(qtbot, confirm.decline_button)
    assert not confirm.isVisible()
    assert screen.asking_priority
    assert window.visit.ticket is None
    assert priority_tickets(services) == []
    assert not printouts(kiosk_paths, "A-001")
    with pytest.raises(KioskError):
        services.tickets.find("A-001")

    # Back to the queues while asking: the question goes with the page.
    click(qtbot, elderly)
    assert confirm.asking
    screen.back()
    assert not confirm.isVisible()
    assert confirm.group is None
    assert window.visit.ticket is None

    click(qtbot, screen.card("A"))
    click(qtbot, screen.claim_button("nguoi_khuyet_tat"))
    click(qtbot, confirm.confirm_button)
    qtbot.waitUntil(lambda: window.current_screen() == "queue.ticket")
    ticket = ticket_screen(window)
    assert ticket.ticket is not None
    assert ticket.ticket.priority
    assert "Ưu tiên" in texts(ticket)
    assert not [text for text in texts(ticket) if "khuyết tật" in text]
    assert priority_tickets(services) == [("A", 1)]
