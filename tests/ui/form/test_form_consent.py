"""The privacy notice as a citizen meets it: after choosing a form, before anything is
typed or scanned; one unticked box per purpose; agree to go on, or decline and leave
with nothing stored. What is stored proves which text was shown."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kiosk.config import Language, TextScale
from kiosk.consent import CONTACT_PHONE, NOTICE_VERSION, PREPARE_DECLARATION
from kiosk.db.models import AuditRecord, Declaration, OutboxEntry
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW
from tests.ui.form.form_driver import PARENT_CARD_NEW_ADDRESS, FormDriver
from ui.main_window import KioskWindow
from ui.screens.form.screen import FormScreen
from ui.widgets.consent import ConsentNotice
from wire.forms import FormDefinition

NOTICE_TITLE = "Thông báo về xử lý dữ liệu cá nhân"


def count(services: KioskServices, model: type) -> int:
    with services.db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def choose(driver: FormDriver, form_id: str) -> ConsentNotice:
    """From home, in the window's current language and look: "Điền tờ khai", the form."""
    driver.tap(driver.window.home.tiles["form"])
    driver.qtbot.waitUntil(lambda: bool(driver.screen.chooser.rows))
    driver.tap(driver.screen.chooser.row(form_id))
    screen = driver.screen
    assert screen.stack.currentWidget() is screen.consent
    return screen.consent


def text_shown(notice: ConsentNotice) -> str:
    """The notice as the citizen read it off the screen, in the order shown."""
    parts = [notice.title.text()]
    parts += [label.text() for label in notice.paragraphs if label.isVisibleTo(notice)]
    parts += [f"{row.label.text()} ({row.note.text()})" for row in notice.rows]
    return "\n\n".join(parts)


def test_choosing_a_form_shows_the_notice_with_nothing_ticked(
    driver: FormDriver, small_form: FormDefinition, services: KioskServices
) -> None:
    notice = choose(driver, "thu-nghiem")
    screen = driver.screen
    assert screen.title.text() == "Tờ khai thử nghiệm"
    assert not screen.step_label.isVisible()
    assert not screen.next_button.isVisible()
    assert driver.window.visit.draft is None  # nothing can be typed yet
    assert screen.pages == {}
    assert notice.title.text() == NOTICE_TITLE
    shown = "\n".join(label.text() for label in notice.paragraphs)
    assert services.settings.centre_name in shown
    assert f"trong vòng {services.settings.retention_days} ngày" in shown
    assert "91/2025/QH15" in shown
    assert "rút lại sự đồng ý" in shown
    assert "hỏi cán bộ tại quầy" in shown
    assert [row.purpose.id for row in notice.rows] == [PREPARE_DECLARATION, CONTACT_PHONE]
    assert [row.isChecked() for row in notice.rows] == [False, False]
    assert not notice.agree_button.isEnabled()
    assert notice.decline_button.isEnabled()


def test_agree_is_enabled_only_once_what_is_needed_is_ticked(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    notice = choose(driver, "thu-nghiem")
    driver.tap(notice.row(CONTACT_PHONE))  # the optional one alone is not enough
    assert notice.row(CONTACT_PHONE).isChecked()
    assert not notice.agree_button.isEnabled()
    driver.tap(notice.row(PREPARE_DECLARATION))
    assert notice.agree_button.isEnabled()
    driver.tap(notice.row(PREPARE_DECLARATION))  # untick: disabled again
    assert not notice.agree_button.isEnabled()
    notice.agree_button.click()  # a tap that cannot happen changes nothing
    assert driver.screen.stack.currentWidget() is notice
    assert driver.window.visit.consent is None


def test_a_card_scanned_on_the_notice_is_not_read(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    choose(driver, "thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    assert driver.window.visit.draft is None
    assert any("đọc thông báo" in text for text in driver.shown_texts(driver.window.banner))
    assert "Nguyễn Văn An" not in driver.all_texts()


def test_after_agreeing_the_card_and_the_keys_fill_the_form_as_before(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    choose(driver, "thu-nghiem")
    driver.agree()
    assert driver.section_id() == "ban_than"
    consent = driver.window.visit.consent
    assert consent is not None
    assert consent.purposes == (PREPARE_DECLARATION,)
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    assert driver.text_input("full_name").edit.text() == "Nguyễn Văn An"
    phone = driver.focus_text("phone")
    driver.type_keys("0912345678")
    assert phone.edit.text() == "0912345678"
    draft = driver.window.visit.draft
    assert draft is not None
    assert draft.answers["id_number"] == "001099012345"


def test_declining_ends_the_visit_and_stores_nothing(
    driver: FormDriver, small_form: FormDefinition, services: KioskServices
) -> None:
    before = [count(services, model) for model in (Declaration, OutboxEntry, AuditRecord)]
    notice = choose(driver, "thu-nghiem")
    driver.tap(notice.row(PREPARE_DECLARATION))
    driver.tap(notice.decline_button)
    window = driver.window
    assert window.current_screen() == "home"
    assert window.visit.consent is None
    assert window.visit.draft is None
    assert "form" not in window.screens  # the journey's screens went with the visit
    assert [count(services, model) for model in (Declaration, OutboxEntry, AuditRecord)] == before
    left = driver.all_texts()
    assert NOTICE_TITLE not in left
    assert not [text for text in left if "Tờ khai thử nghiệm" in text]


def test_back_from_the_notice_returns_to_the_forms_with_nothing_kept(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    notice = choose(driver, "thu-nghiem")
    driver.tap(notice.row(PREPARE_DECLARATION))
    driver.back()
    screen = driver.screen
    assert screen.stack.currentWidget() is screen.chooser
    assert driver.window.visit.consent is None
    driver.tap(screen.chooser.row("thu-nghiem"))
    assert screen.stack.currentWidget() is notice
    assert notice.ticked() == frozenset()  # asked afresh, never pre-ticked
    assert not notice.agree_button.isEnabled()


def test_a_procedure_page_form_shows_the_notice_and_back_returns_there(
    driver: FormDriver,
) -> None:
    window = driver.window
    window.show_screen("lookup")
    window.journey_screen("lookup").flow.open_procedure("1.001193", "lookup")
    driver.tap(window.screens["lookup.procedure"].form_button)  # type: ignore[attr-defined]
    screen = driver.screen
    assert window.current_screen() == "form"
    assert screen.stack.currentWidget() is screen.consent
    assert screen.title.text() == "Tờ khai đăng ký khai sinh"
    assert window.visit.draft is None
    driver.back()
    assert window.current_screen() == "lookup.procedure"
    assert window.visit.consent is None


def test_the_stored_record_names_the_purposes_the_time_and_the_text_shown(
    driver: FormDriver, small_form: FormDefinition, services: KioskServices
) -> None:
    notice = choose(driver, "thu-nghiem")
    read = text_shown(notice)
    driver.agree(PREPARE_DECLARATION, CONTACT_PHONE)
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    screen = driver.to_review()
    driver.tap(screen.submit_button)
    assert screen.stack.currentWidget() is screen.done
    filed = driver.window.visit.declaration
    assert filed is not None
    with services.db.transaction() as session:
        declaration = session.scalars(select(Declaration).where(Declaration.id == filed.id)).one()
        stored = declaration.consent
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == filed.id)).one()
        sent = entry.payload["consent"]
    assert stored is not None
    assert stored["purposes"] == [PREPARE_DECLARATION, CONTACT_PHONE]
    assert datetime.fromisoformat(stored["agreed_at"]) == FIXED_NOW
    assert stored["notice_version"] == NOTICE_VERSION
    assert stored["language"] == "vi"
    assert stored["notice_sha256"] == hashlib.sha256(read.encode("utf-8")).hexdigest()
    assert sent == stored


def test_english_shows_the_english_notice_and_records_it(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.window.toggle_language()
    notice = choose(driver, "thu-nghiem")
    assert notice.title.text() == "Notice on the processing of personal data"
    assert notice.row(PREPARE_DECLARATION).label.text().startswith("Preparing the declaration")
    assert "Personal Data Protection Law No. 91/2025/QH15" in text_shown(notice)
    assert notice.row(CONTACT_PHONE).note.text() == "optional"
    read = text_shown(notice)
    driver.agree()
    consent = driver.window.visit.consent
    assert consent is not None
    assert consent.language == Language.ENGLISH
    assert consent.notice_sha256 == hashlib.sha256(read.encode("utf-8")).hexdigest()


def _inside(widget: QWidget, area: QWidget) -> bool:
    """``widget`` wholly within ``area`` as drawn (a scroll area's viewport, the window)."""
    top_left = widget.mapTo(area, QPoint(0, 0))
    return area.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize(
    ("size", "scale"),
    [((1366, 768), TextScale.NORMAL), ((1080, 1920), TextScale.NORMAL), ((1366, 768), 150)],
)
def test_the_notice_scrolls_and_every_button_is_reachable_and_touch_sized(
    qtbot: QtBot,
    window_factory: Callable[..., KioskWindow],
    small_form: FormDefinition,
    size: tuple[int, int],
    scale: int,
) -> None:
    window = window_factory(text_scale=TextScale(scale))
    window.resize(*size)
    driver = FormDriver(qtbot, window)
    notice = choose(driver, "thu-nghiem")
    qtbot.waitUntil(lambda: notice.scroll_area.viewport().height() > 0)
    assert notice.paragraphs[0].fontInfo().pixelSize() >= 24 * scale // 100
    viewport = notice.scroll_area.viewport()
    bar = notice.scroll_area.verticalScrollBar()
    if notice.scroll_area.widget().height() > viewport.height():
        assert bar.maximum() > 0  # too long for the screen: it scrolls
    for row in notice.rows:
        notice.scroll_area.ensureWidgetVisible(row, 0, 0)
        assert _inside(row, viewport), row.purpose.id
        assert row.height() >= 64
        assert row.box.height() >= 40
        driver.tap(row)
        assert row.isChecked()
    for button in (notice.decline_button, notice.agree_button):
        assert _inside(button, window), button.text()
        assert button.height() >= 64
        assert button.isEnabled()
    screen = window.journey_screen("form")
    assert isinstance(screen, FormScreen)
    assert _inside(screen.nav.back_button, window)
    assert _inside(screen.nav.home_button, window)
    driver.tap(notice.agree_button)
    assert screen.current_page() is not None
