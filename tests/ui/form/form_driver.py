"""A citizen's hands on the form journey: taps, the on-screen keyboard, a physical
keyboard and a keyboard-wedge căn cước scanner, on the real window and services."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.text import Tone
from ui.main_window import KioskWindow
from ui.screens.form.inputs import FieldInput, TextInput
from ui.screens.form.inputs.picker import SearchPicker
from ui.screens.form.page import SectionPage
from ui.screens.form.screen import FormScreen

Q = TypeVar("Q", bound=FieldInput)

# The parent's card: its address is the old three-level one (Phường Hồng Hà today).
PARENT_CARD = (
    "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"
)
# The same person with an address already in today's two-level form.
PARENT_CARD_NEW_ADDRESS = (
    "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phường Hồng Hà, Hà Nội|15082021"
)

TONES = {"sac": Tone.SAC, "huyen": Tone.HUYEN, "hoi": Tone.HOI, "nga": Tone.NGA, "nang": Tone.NANG}


class ScanClock:
    """The scanner's clock: still while a scanner types, a second per key for a finger."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = 1.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class FormDriver:
    def __init__(self, qtbot: QtBot, window: KioskWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.clock = ScanClock()
        window.finish_building()
        window.scanner.clock = self.clock  # the window's căn cước scanner keeps the test's time
        window.activateWindow()
        qtbot.waitActive(window)

    @property
    def screen(self) -> FormScreen:
        """This visit's form screen (built on first use)."""
        screen = self.window.journey_screen("form")
        assert isinstance(screen, FormScreen)
        return screen

    # -- taps ----------------------------------------------------------------------

    def tap(self, widget: QWidget, pos: QPoint | None = None) -> None:
        QApplication.processEvents()  # a finger lands on the screen as last drawn
        assert widget.isVisible(), widget
        assert widget.isEnabled(), widget
        _bring_into_view(widget)
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def focus(self, widget: QWidget) -> None:
        self.tap(widget)
        self.qtbot.waitUntil(widget.hasFocus)

    def open(self, form_id: str) -> FormScreen:
        """From home: "Điền tờ khai", the form's row, then the privacy notice agreed to."""
        self.window.end_visit()
        self.tap(self.window.home.tiles["form"])
        assert self.window.current_screen() == "form"
        self.qtbot.waitUntil(lambda: bool(self.screen.chooser.rows))
        self.tap(self.screen.chooser.row(form_id))
        self.agree()
        assert self.screen.current_page() is not None
        return self.screen

    def agree(self, *purposes: str) -> None:
        """On the privacy notice: tick ``purposes`` (what the service needs when none are
        named), then "Đồng ý và tiếp tục", as a citizen would."""
        notice = self.screen.consent
        assert self.screen.stack.currentWidget() is notice
        assert notice.notice is not None
        for purpose in purposes or sorted(notice.notice.required):
            self.tap(notice.row(purpose))
        self.tap(notice.agree_button)

    def page(self) -> SectionPage:
        page = self.screen.current_page()
        assert page is not None, self.screen.stack.currentWidget()
        return page

    def question(self, field_id: str) -> FieldInput:
        for page in self.screen.pages.values():
            if field_id in page.inputs:
                return page.inputs[field_id]
        raise KeyError(field_id)

    def question_as(self, field_id: str, kind: type[Q]) -> Q:
        """The question asking ``field_id``, which must be a ``kind`` input."""
        question = self.question(field_id)
        assert isinstance(question, kind), (field_id, question)
        return question

    def text_input(self, field_id: str) -> TextInput:
        return self.question_as(field_id, TextInput)

    def focus_text(self, field_id: str) -> TextInput:
        """A tap on the field of a question answered by typing, ready for the keys."""
        question = self.text_input(field_id)
        self.focus(question.edit)
        return question

    def next(self) -> None:
        self.tap(self.screen.next_button)

    def to_review(self) -> FormScreen:
        """ "Tiếp tục" page after page up to the review; every page must hold."""
        screen = self.screen
        for _ in range(len(screen.pages)):
            if screen.stack.currentWidget() is screen.review:
                break
            self.next()
        assert screen.stack.currentWidget() is screen.review, self.section_id()
        return screen

    def back(self) -> None:
        self.tap(self.screen.nav.back_button)

    def section_id(self) -> str:
        return self.page().section.id

    def pick(self, picker: SearchPicker, search: str, label: str) -> None:
        """Open the list, type a few letters (no accents), tap the row named ``label``."""
        if not picker.is_open:
            self.tap(picker.current)
        if search:
            self.focus(picker.search)
            self.type_keys(search)
            self.tap(self.window.keyboard.enter_button)  # "Xong ↵": the keyboard goes
            if not picker.is_open:  # the one match was chosen
                assert picker.current.words() == label
                return
        item = next(
            (
                picker.list.item(i)
                for i in range(picker.list.count())
                if picker.list.item(i).text() == label
            ),
            None,
        )
        assert item is not None, [r[1] for r in picker.rows_shown()][:10]
        picker.list.scrollToItem(item)
        self.tap(picker.list.viewport(), picker.list.visualItemRect(item).center())
        assert not picker.is_open

    # -- typing ----------------------------------------------------------------------

    def type_keys(self, text: str) -> None:
        """A physical keyboard (Latin-1 only; Telex makes the Vietnamese)."""
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClicks(focused, text)
        self.qtbot.waitUntil(lambda: not self.scanner_holding())

    def scanner_holding(self) -> bool:
        """Whether the window's căn cước scanner holds keys back."""
        return self.window.scanner.holding

    def type_on_keyboard(self, text: str) -> None:
        """Taps on the on-screen keyboard: letters (Telex works), ``[sac]``-style tone
        keys, and the digit pad when it is the one shown."""
        keyboard = self.window.keyboard
        assert keyboard.isVisible()
        index = 0
        while index < len(text):
            char = text[index]
            if char == "[":
                end = text.index("]", index)
                self.tap(keyboard.tone_buttons[TONES[text[index + 1 : end]]])
                index = end + 1
                continue
            if keyboard.digits_page.isVisible():
                self.tap(keyboard.pad_buttons[char])
            elif char == " ":
                self.tap(keyboard.space_button)
            else:
                if char.isupper():
                    self.tap(keyboard.shift_button)
                self.tap(keyboard.letter_buttons[char.lower()])
            index += 1

    def scan(self, payload: str, target: QWidget | None = None) -> None:
        """A wedge scanner types ``payload`` and Enter into the focused widget, fast."""
        receiver = target or QApplication.focusWidget() or self.window
        self.clock.step = 0.002
        for char in payload:
            key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
            for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
                QTest.sendKeyEvent(action, receiver, key, char, Qt.KeyboardModifier.NoModifier)
        QTest.keyClick(receiver, Qt.Key.Key_Return)
        self.clock.step = 1.0

    # -- reading ---------------------------------------------------------------------

    def all_texts(self) -> list[str]:
        """Every text any widget of the window holds: labels, fields, buttons, lists.

        Screens of an ended visit are deleted when control returns to the event loop,
        which the kiosk does at once after the tap; a test holds the loop, so it lets
        that deletion happen first.
        """
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        texts: list[str] = []
        for widget in self.window.findChildren(QWidget):
            if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
                texts.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                texts.append(widget.toPlainText())
            elif isinstance(widget, QListWidget):
                texts.extend(widget.item(i).text() for i in range(widget.count()))
            texts.append(widget.accessibleName())
        return texts

    def shown_texts(self, widget: QWidget | None = None) -> list[str]:
        root = widget or self.screen
        return [label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root)]


def _bring_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if isinstance(parent, QScrollArea) and content is not None and content.isAncestorOf(widget):
            # A text field counts its cursor as "visible": ask for all of it.
            parent.ensureWidgetVisible(widget, 0, widget.height())
        parent = parent.parentWidget()


# A short form of three pages with one of each thing the wizard must handle: a card's
# fields, an address, a condition, a repeating group.
SMALL_FORM = {
    "id": "thu-nghiem",
    "version": 1,
    "title": {"vi": "Tờ khai thử nghiệm", "en": "Trial form"},
    "template": "Mẫu thử nghiệm của kiosk",
    "procedures": ["1.001193"],
    "sections": [
        {
            "id": "ban_than",
            "title": {"vi": "Thông tin của bạn", "en": "About you"},
            "fields": [
                {
                    "id": "full_name",
                    "kind": "person_name",
                    "label": {"vi": "Họ và tên", "en": "Full name"},
                    "required": True,
                    "idcard": "full_name",
                },
                {
                    "id": "birth_date",
                    "kind": "date",
                    "label": {"vi": "Ngày sinh", "en": "Date of birth"},
                    "required": True,
                    "not_future": True,
                    "idcard": "date_of_birth",
                },
                {
                    "id": "id_number",
                    "kind": "id_number",
                    "label": {"vi": "Số định danh cá nhân", "en": "Personal ID number"},
                    "required": True,
                    "birth_date_field": "birth_date",
                    "idcard": "id_number",
                },
                {
                    "id": "phone",
                    "kind": "phone",
                    "label": {"vi": "Số điện thoại", "en": "Phone number"},
                },
            ],
        },
        {
            "id": "cho_o",
            "title": {"vi": "Nơi ở và gia đình", "en": "Home and family"},
            "fields": [
                {
                    "id": "residence",
                    "kind": "address",
                    "label": {"vi": "Nơi thường trú", "en": "Permanent residence"},
                    "required": True,
                    "idcard": "address",
                },
                {
                    "id": "married",
                    "kind": "yes_no",
                    "label": {"vi": "Bạn đã kết hôn chưa?", "en": "Are you married?"},
                    "required": True,
                    "default": False,
                },
                {
                    "id": "spouse_name",
                    "kind": "person_name",
                    "label": {"vi": "Họ và tên vợ/chồng", "en": "Spouse's full name"},
                    "required": True,
                    "when": {"field": "married", "any_of": [True]},
                },
            ],
        },
        {
            "id": "con",
            "title": {"vi": "Các con", "en": "Children"},
            "fields": [
                {
                    "id": "children",
                    "kind": "group",
                    "label": {"vi": "Con", "en": "Child"},
                    "min_items": 0,
                    "max_items": 2,
                    "fields": [
                        {
                            "id": "name",
                            "kind": "person_name",
                            "label": {"vi": "Họ và tên con", "en": "Child's full name"},
                            "required": True,
                        },
                        {
                            "id": "gender",
                            "kind": "gender",
                            "label": {"vi": "Giới tính", "en": "Sex"},
                            "required": True,
                        },
                    ],
                }
            ],
        },
    ],
    "layout": [
        {"type": "heading", "text": "TỜ KHAI THỬ NGHIỆM"},
        {"type": "line", "cells": ["Họ và tên: {full_name}"]},
    ],
}
