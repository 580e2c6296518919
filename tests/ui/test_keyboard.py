"""The on-screen keyboard and Telex, used the way a citizen uses them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config import Language
from kiosk.text import Tone
from ui.host import JourneySpec
from ui.main_window import KioskWindow
from ui.widgets.screen import Screen


class FieldsScreen(Screen):
    """Stands in for a journey screen: a name, a note, a scanner field, a phone number."""

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit(self)
        self.note = QPlainTextEdit(self)
        self.scanned = QLineEdit(self)
        self.scanned.setProperty("telex", False)
        self.phone = QLineEdit(self)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.next_button = QPushButton("Tiếp", self)
        layout = QVBoxLayout(self)
        for widget in (self.name, self.note, self.scanned, self.phone, self.next_button):
            layout.addWidget(widget)

    def retranslate(self) -> None:
        pass


def open_fields(qtbot: QtBot, window: KioskWindow) -> FieldsScreen:
    if "fields" not in window.screens:
        window.add_journey(JourneySpec("fields", lambda host: {"fields": FieldsScreen()}))
    window.show_screen("fields")
    screen = window.screens["fields"]
    assert isinstance(screen, FieldsScreen)
    window.activateWindow()
    qtbot.waitActive(window)
    return screen


def tap(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def focus(qtbot: QtBot, field: QWidget) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.hasFocus)


def scanner_lets_go(qtbot: QtBot, window: KioskWindow) -> None:
    """Digits typed fast may begin a card's code: the căn cước scanner holds them until
    the burst ends (a few digits are a finger's, and reach the field)."""
    qtbot.waitUntil(lambda: not window.scanner.holding)


def type_letters(qtbot: QtBot, window: KioskWindow, letters: str) -> None:
    keys = window.keyboard.letter_buttons
    for char in letters:
        if char == " ":
            tap(qtbot, window.keyboard.space_button)
            continue
        if char.isupper():
            tap(qtbot, window.keyboard.shift_button)
        tap(qtbot, keys[char.lower()])


def test_the_keyboard_appears_for_a_field_and_types_a_vietnamese_name(
    qtbot: QtBot, window: KioskWindow
) -> None:
    assert not window.keyboard.isVisible()  # home has no text field
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.name)
    assert window.keyboard.isVisible()
    assert window.keyboard.letters_page.isVisible()

    # Nguyễn: letters, ê from the Vietnamese row, then ngã
    type_letters(qtbot, window, "Nguy")
    tap(qtbot, window.keyboard.letter_buttons["ê"])
    type_letters(qtbot, window, "n")
    tap(qtbot, window.keyboard.tone_buttons[Tone.NGA])
    # Văn: ă is one tap
    type_letters(qtbot, window, " V")
    tap(qtbot, window.keyboard.letter_buttons["ă"])
    type_letters(qtbot, window, "n An")
    assert screen.name.text() == "Nguyễn Văn An"
    assert screen.name.hasFocus()  # no key ever took the focus

    # a wrong tone is replaced by tapping another; the same tone again removes it
    tap(qtbot, window.keyboard.backspace_button)
    tap(qtbot, window.keyboard.backspace_button)
    type_letters(qtbot, window, "Vi")
    tap(qtbot, window.keyboard.letter_buttons["ê"])
    type_letters(qtbot, window, "t")
    tap(qtbot, window.keyboard.tone_buttons[Tone.SAC])
    assert screen.name.text() == "Nguyễn Văn Viết"
    tap(qtbot, window.keyboard.tone_buttons[Tone.NANG])
    assert screen.name.text() == "Nguyễn Văn Việt"
    tap(qtbot, window.keyboard.tone_buttons[Tone.NANG])
    assert screen.name.text() == "Nguyễn Văn Viêt"


def test_shift_is_for_one_letter_and_a_second_tap_locks_capitals(
    qtbot: QtBot, window: KioskWindow
) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.name)
    keyboard = window.keyboard
    tap(qtbot, keyboard.shift_button)
    type_letters(qtbot, window, "ha")
    tap(qtbot, keyboard.shift_button)
    tap(qtbot, keyboard.shift_button)
    type_letters(qtbot, window, "no")
    tap(qtbot, keyboard.letter_buttons["đ"])
    assert screen.name.text() == "HaNOĐ"
    assert keyboard.letter_buttons["q"].text() == "Q"


def test_enter_presses_return_and_hide_keeps_the_field(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.name)
    with qtbot.waitSignal(screen.name.returnPressed, timeout=1000):
        tap(qtbot, window.keyboard.enter_button)

    tap(qtbot, window.keyboard.hide_button)
    assert not window.keyboard.isVisible()
    assert screen.name.hasFocus()
    focus(qtbot, screen.name)  # a tap on the field brings the keyboard back
    assert window.keyboard.isVisible()

    tap(qtbot, screen.next_button)  # focus leaves the fields: the keyboard goes
    assert not window.keyboard.isVisible()


def test_digit_only_fields_get_a_digit_pad(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.phone)
    assert window.keyboard.digits_page.isVisible()
    assert not window.keyboard.letters_page.isVisible()
    for digit in "0912":
        tap(qtbot, window.keyboard.pad_buttons[digit])
    tap(qtbot, window.keyboard.pad_backspace_button)
    assert screen.phone.text() == "091"
    focus(qtbot, screen.name)
    assert window.keyboard.letters_page.isVisible()


def test_a_physical_keyboard_types_telex_into_any_field(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.name)
    qtbot.keyClicks(screen.name, "ddawng kys")
    assert screen.name.text() == "đăng ký"
    qtbot.keyClicks(screen.name, " Nguyeenx Vawn An, 0912")
    scanner_lets_go(qtbot, window)
    assert screen.name.text() == "đăng ký Nguyễn Văn An, 0912"
    focus(qtbot, screen.note)
    qtbot.keyClicks(screen.note, "ddieenj thoaij")
    assert screen.note.toPlainText() == "điện thoại"


def test_the_on_screen_letters_go_through_telex_too(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.name)
    type_letters(qtbot, window, "hoaf")
    assert screen.name.text() == "hòa"


def test_a_scanner_field_gets_raw_text(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.scanned)
    qtbot.keyClicks(screen.scanned, "HS-ddawng-kys-2025")
    scanner_lets_go(qtbot, window)
    assert screen.scanned.text() == "HS-ddawng-kys-2025"


def test_telex_can_be_turned_off_and_is_back_for_the_next_citizen(
    qtbot: QtBot, window: KioskWindow
) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.name)
    assert window.keyboard.telex_button.text() == "Gõ dấu: Bật"
    tap(qtbot, window.keyboard.telex_button)
    assert window.keyboard.telex_button.text() == "Gõ dấu: Tắt"
    qtbot.keyClicks(screen.name, "Grass")
    assert screen.name.text() == "Grass"

    window.end_visit()
    assert window.telex.enabled
    assert window.keyboard.telex_button.text() == "Gõ dấu: Bật"


def test_reset_hides_the_keyboard_and_nothing_typed_survives(
    qtbot: QtBot, window: KioskWindow
) -> None:
    screen = open_fields(qtbot, window)
    focus(qtbot, screen.name)
    qtbot.keyClicks(screen.name, "Nguyeenx Vawn An")
    tap(qtbot, window.keyboard.shift_button)
    focus(qtbot, screen.note)
    qtbot.keyClicks(screen.note, "Nguyeenx")

    window.end_visit()

    assert not window.keyboard.isVisible()
    assert window.current_screen() == "home"
    assert window.keyboard.letter_buttons["a"].text() == "a"
    texts = [w.text() for w in window.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in window.findChildren(QPlainTextEdit)]
    assert not [t for t in texts if "Nguy" in t or "Văn" in t]


def test_the_staff_pin_field_keeps_its_own_pad(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_staff()
    window.activateWindow()
    qtbot.waitActive(window)
    window.journey_screen("staff.pin").field.setFocus()
    qtbot.waitUntil(window.journey_screen("staff.pin").field.hasFocus)
    assert not window.keyboard.isVisible()


def test_the_keyboard_follows_the_language(qtbot: QtBot, window: KioskWindow) -> None:
    keyboard = window.keyboard
    window.languages.set_language(Language.ENGLISH)
    english = QCoreApplication.translate("OnScreenKeyboard", "Ẩn bàn phím")
    assert keyboard.hide_button.text() == english
    assert keyboard.pad_hide_button.text() == english
    window.languages.set_language(Language.VIETNAMESE)
    assert keyboard.hide_button.text() == "Ẩn bàn phím"
    assert keyboard.space_button.text() == "Dấu cách"
    assert keyboard.enter_button.text() == "Xong ↵"


def test_english_types_plain_letters_and_shows_no_tone_keys(
    qtbot: QtBot, window: KioskWindow
) -> None:
    """Telex is for Vietnamese: in English "birth" stays "birth" (Telex would make it
    "bỉth") and the tone keys step aside; Vietnamese brings both back, as does the next
    citizen's visit."""
    screen = open_fields(qtbot, window)
    window.toggle_language()
    assert window.language == Language.ENGLISH
    focus(qtbot, screen.name)
    keyboard = window.keyboard
    assert keyboard.isVisible()
    assert not window.telex.enabled
    assert not keyboard.telex_button.isChecked()
    assert not any(button.isVisible() for button in keyboard.tone_buttons.values())
    assert keyboard.letter_buttons["ă"].isVisible()  # letters of a Vietnamese name stay

    type_letters(qtbot, window, "birth")
    assert screen.name.text() == "birth"

    # A citizen who wants tone marks in English turns them on: the tone keys come.
    tap(qtbot, keyboard.telex_button)
    assert window.telex.enabled
    assert all(button.isVisible() for button in keyboard.tone_buttons.values())
    tap(qtbot, keyboard.telex_button)
    assert not any(button.isVisible() for button in keyboard.tone_buttons.values())

    window.toggle_language()
    assert window.language == Language.VIETNAMESE
    assert window.telex.enabled
    assert keyboard.telex_button.text() == "Gõ dấu: Bật"
    assert all(button.isVisible() for button in keyboard.tone_buttons.values())
    screen.name.clear()
    type_letters(qtbot, window, "birth")
    assert screen.name.text() == "bỉth"

    # English again, then the visit ends: the next citizen gets Vietnamese with Telex.
    window.toggle_language()
    assert not window.telex.enabled
    window.end_visit()
    assert window.language == Language.VIETNAMESE
    assert window.telex.enabled
    assert keyboard.telex_button.isChecked()
