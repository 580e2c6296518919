"""The on-screen keyboard: big keys, a row of Vietnamese letters, and tone keys.

Made for elderly, first-time touch users: every key is a plain button at least
64 px high; ``ă â đ ê ô ơ ư`` are one tap each on their own coloured row, beside
the five tone keys that put a tone on the right vowel of the word left of the
cursor — so ``Việt`` is ``V i ê t`` and ``nặng``, never a long press or a menu.

The tone keys show while "Gõ dấu" (Telex) is on, which is the default in Vietnamese
and not in English (see :class:`~ui.keyboard.telex_filter.TelexFilter`).

Keys never take focus: letters reach the focused field as key events (so Telex,
validators and ``returnPressed`` behave exactly as with a physical keyboard), and
tone keys rewrite the current word through the core engine.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.text import TONE_MARKS, Tone, set_tone
from ui.keyboard.target import (
    TextField,
    replace_word_before_cursor,
    text_field,
    word_before_cursor,
)
from ui.keyboard.telex_filter import TelexFilter

VIETNAMESE_LETTERS = "ăâđêôơư"
LETTER_ROWS = ("qwertyuiop/", "asdfghjkl", "zxcvbnm,.-")
# E-mail addresses: with "." above, the whole address is typed on the keyboard.
AT_SIGN = "@"
DIGITS = "1234567890"
# Tone names are Vietnamese terms whatever the display language: they only mean
# something to someone writing Vietnamese.
TONE_NAMES: dict[Tone, str] = {
    Tone.SAC: "sắc",
    Tone.HUYEN: "huyền",
    Tone.HOI: "hỏi",
    Tone.NGA: "ngã",
    Tone.NANG: "nặng",
}
REPEAT_DELAY_MS = 500
REPEAT_INTERVAL_MS = 90


class Shift(Enum):
    OFF = "off"
    ONCE = "once"  # the next letter only
    LOCKED = "locked"  # a second tap: capitals until tapped again


def _key(parent: QWidget, role: str, name: str = "") -> QPushButton:
    button = QPushButton(parent)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setProperty("keyrole", role)
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    button.setAutoDefault(False)
    if name:
        button.setObjectName(name)
    return button


class OnScreenKeyboard(QFrame):
    """Letters page and digits page; acts on whichever text field has focus."""

    hidden_by_citizen = Signal()

    def __init__(self, telex: TelexFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._telex = telex
        self._shift = Shift.OFF
        self.letter_buttons: dict[str, QPushButton] = {}
        self.tone_buttons: dict[Tone, QPushButton] = {}
        self.letters_page = self._build_letters_page()
        self.digits_page = self._build_digits_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.letters_page)
        layout.addWidget(self.digits_page)
        self.digits_page.hide()
        telex.enabled_changed.connect(lambda _: self.retranslate())
        self.retranslate()

    # -- building ----------------------------------------------------------------------

    def _row(self, page: QWidget, layout: QVBoxLayout) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        layout.addLayout(row)
        return row

    def _text_key(self, page: QWidget, row: QHBoxLayout, char: str, role: str) -> QPushButton:
        button = _key(page, role)
        button.clicked.connect(lambda _=False, c=char: self.type_text(c))
        self.letter_buttons[char] = button
        row.addWidget(button, 2)
        return button

    def _build_letters_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        vietnamese = self._row(page, layout)
        for char in VIETNAMESE_LETTERS:
            self._text_key(page, vietnamese, char, "vietnamese")
        vietnamese.addSpacing(16)
        for tone, name in TONE_NAMES.items():
            button = _key(page, "tone")
            button.setText(f"{TONE_MARKS[tone]} {name}")
            button.setAccessibleName(f"dấu {name}")
            button.clicked.connect(lambda _=False, t=tone: self.apply_tone(t))
            self.tone_buttons[tone] = button
            vietnamese.addWidget(button, 3)

        digits = self._row(page, layout)
        for char in DIGITS:
            self._text_key(page, digits, char, "letter")
        self.backspace_button = self._backspace(page)
        digits.addWidget(self.backspace_button, 4)

        for index, keys in enumerate(LETTER_ROWS):
            row = self._row(page, layout)
            if index == 2:
                self.shift_button = _key(page, "action", "ShiftKey")
                self.shift_button.setCheckable(True)
                self.shift_button.clicked.connect(self.next_shift)
                row.addWidget(self.shift_button, 3)
            elif index == 1:
                row.addSpacing(24)
            for char in keys:
                self._text_key(page, row, char, "letter")
            if index == 1:
                self.enter_button = self._enter(page)
                row.addWidget(self.enter_button, 5)

        bottom = self._row(page, layout)
        self.telex_button = _key(page, "toggle", "TelexKey")
        self.telex_button.setCheckable(True)
        self.telex_button.clicked.connect(self._telex.set_enabled)
        bottom.addWidget(self.telex_button, 5)
        # Beside the space bar, as on a phone's e-mail keyboard; "." is on the z row.
        self._text_key(page, bottom, AT_SIGN, "letter")
        self.space_button = _key(page, "letter", "SpaceKey")
        self.space_button.clicked.connect(lambda: self.type_text(" "))
        bottom.addWidget(self.space_button, 12)
        self.hide_button = self._hide(page)
        bottom.addWidget(self.hide_button, 6)
        self._relabel_letters()
        return page

    def _build_digits_page(self) -> QWidget:
        """A phone-style pad for fields that take digits only (CCCD, phone numbers)."""
        page = QWidget(self)
        outer = QHBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.pad_buttons: dict[str, QPushButton] = {}
        for index, char in enumerate("123456789"):
            button = _key(page, "letter")
            button.setText(char)
            button.clicked.connect(lambda _=False, c=char: self.type_text(c))
            self.pad_buttons[char] = button
            grid.addWidget(button, *divmod(index, 3))
        zero = _key(page, "letter")
        zero.setText("0")
        zero.clicked.connect(lambda: self.type_text("0"))
        self.pad_buttons["0"] = zero
        self.pad_backspace_button = self._backspace(page)
        self.pad_enter_button = self._enter(page)
        grid.addWidget(self.pad_backspace_button, 3, 0)
        grid.addWidget(zero, 3, 1)
        grid.addWidget(self.pad_enter_button, 3, 2)
        self.pad_hide_button = self._hide(page)
        outer.addStretch(1)
        outer.addLayout(grid, 3)
        outer.addSpacing(24)
        outer.addWidget(self.pad_hide_button, 1, Qt.AlignmentFlag.AlignBottom)
        outer.addStretch(1)
        return page

    def _backspace(self, page: QWidget) -> QPushButton:
        button = _key(page, "action", "BackspaceKey")
        button.setAutoRepeat(True)  # hold to erase more, as on a phone
        button.setAutoRepeatDelay(REPEAT_DELAY_MS)
        button.setAutoRepeatInterval(REPEAT_INTERVAL_MS)
        button.clicked.connect(lambda: self._send_key(Qt.Key.Key_Backspace, ""))
        return button

    def _enter(self, page: QWidget) -> QPushButton:
        button = _key(page, "action", "EnterKey")
        button.clicked.connect(lambda: self._send_key(Qt.Key.Key_Return, "\r"))
        return button

    def _hide(self, page: QWidget) -> QPushButton:
        button = _key(page, "action", "HideKey")
        button.clicked.connect(self.dismiss)
        return button

    # -- what keys do ------------------------------------------------------------------

    def type_text(self, char: str) -> None:
        """Type ``char`` into the focused field, in capitals if shift says so."""
        if char.isalpha() and self._shift != Shift.OFF:
            char = char.upper()
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        self._send_key(key, char)
        if char.isalpha() and self._shift == Shift.ONCE:
            self._set_shift(Shift.OFF)

    def apply_tone(self, tone: Tone) -> None:
        """Put ``tone`` on the word left of the cursor; the same tone again removes it."""
        field = self.field()
        if field is None:
            return
        word = word_before_cursor(field)
        toned = set_tone(word, tone)
        if toned is not None:
            replace_word_before_cursor(field, len(word), toned)

    def next_shift(self) -> None:
        following = {Shift.OFF: Shift.ONCE, Shift.ONCE: Shift.LOCKED, Shift.LOCKED: Shift.OFF}
        self._set_shift(following[self._shift])

    @property
    def shift(self) -> Shift:
        return self._shift

    def dismiss(self) -> None:
        """The citizen's "hide": the field keeps focus; a tap on it brings us back."""
        self.hide()
        self.hidden_by_citizen.emit()

    def field(self) -> TextField | None:
        return text_field(QApplication.focusWidget())

    def _send_key(self, key: Qt.Key, text: str) -> None:
        field = self.field()
        if field is None:
            return
        modifiers = Qt.KeyboardModifier.NoModifier
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, key, modifiers, text))

    def _set_shift(self, shift: Shift) -> None:
        self._shift = shift
        self.shift_button.setChecked(shift != Shift.OFF)
        self._relabel_letters()

    def _relabel_letters(self) -> None:
        upper = self._shift != Shift.OFF
        for char, button in self.letter_buttons.items():
            button.setText(char.upper() if upper else char)
        self.shift_button.setText("⇪" if self._shift == Shift.LOCKED else "⇧")

    # -- showing -----------------------------------------------------------------------

    def show_for(self, field: QWidget, *, digits: bool) -> None:
        """Show the digits pad or the letters for ``field``."""
        self.letters_page.setVisible(not digits)
        self.digits_page.setVisible(digits)
        self.show()

    def reset(self) -> None:
        """Forget the citizen: hidden, lower case, letters page."""
        self.hide()
        self._set_shift(Shift.OFF)
        self.letters_page.show()
        self.digits_page.hide()

    def retranslate(self) -> None:
        for button in (self.hide_button, self.pad_hide_button):
            button.setText(QCoreApplication.translate("OnScreenKeyboard", "Ẩn bàn phím"))
        for button in (self.backspace_button, self.pad_backspace_button):
            button.setText("⌫ " + QCoreApplication.translate("OnScreenKeyboard", "Xóa"))
        for button in (self.enter_button, self.pad_enter_button):
            button.setText(QCoreApplication.translate("OnScreenKeyboard", "Xong") + " ↵")
        self.space_button.setText(QCoreApplication.translate("OnScreenKeyboard", "Dấu cách"))
        self.shift_button.setAccessibleName(
            QCoreApplication.translate("OnScreenKeyboard", "Chữ hoa")
        )
        on = self._telex.enabled
        self.telex_button.setChecked(on)
        # "Gõ dấu", not "Telex": the method's name means nothing to many citizens, and
        # the key has room for a few words only, even at the largest text size.
        self.telex_button.setText(
            QCoreApplication.translate("OnScreenKeyboard", "Gõ dấu: Bật")
            if on
            else QCoreApplication.translate("OnScreenKeyboard", "Gõ dấu: Tắt")
        )
        self.telex_button.setAccessibleName(
            QCoreApplication.translate("OnScreenKeyboard", "Gõ dấu kiểu Telex")
        )
        # Tone keys only while tone marks are typed: English starts with them off, so
        # no "sắc"/"huyền" keys puzzle a foreigner; turning "Gõ dấu" on brings them.
        for button in self.tone_buttons.values():
            button.setVisible(on)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
