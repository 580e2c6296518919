"""The on-screen keyboard: big keys, a row of Vietnamese letters, and tone keys.

Made for elderly, first-time touch users: every key is a plain button at least
64 px high (48 px on a 768 px panel at the largest text, where six rows must share
little height; the style sheet decides, ``ui.theme.keyboard_stylesheet``);
``ă â đ ê ô ơ ư`` are one tap each on their own coloured row, beside the five tone
keys that put a tone on the right vowel of the word left of the cursor — so ``Việt``
is ``V i ê t`` and ``nặng``, never a long press or a menu. Where the row is too
narrow for the tone keys' names (a portrait panel), they take a row of their own.

The tone keys show while "Gõ dấu" (Telex) is on, which is the default in Vietnamese
and not in English (see :class:`~ui.keyboard.telex_filter.TelexFilter`).

Keys never take focus: letters reach the focused field as key events (so Telex,
validators and ``returnPressed`` behave exactly as with a physical keyboard), and
tone keys rewrite the current word through the core engine.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
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
#: The narrowest a letter key may get before the tone keys move to a row of their own.
MIN_KEY_WIDTH_PX = 64
#: Room between the Vietnamese letters and the tone keys when they share a row.
TONE_GAP_PX = 16
#: Space between keys, between rows, and the keyboard's margins (left/right,
#: top/bottom): roomy, and tight where every pixel of height counts (a short panel).
ROOMY = (6, 6, 10, 8)
TIGHT = (4, 3, 8, 3)


class Shift(Enum):
    OFF = "off"
    ONCE = "once"  # the next letter only
    LOCKED = "locked"  # a second tap: capitals until tapped again


def _key(parent: QWidget, role: str, name: str = "") -> QPushButton:
    """A key; a named one (words on it, such as "Ẩn bàn phím") is never narrower
    than its words (:meth:`OnScreenKeyboard._fit_words`), the letters share the rest."""
    button = QPushButton(parent)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setProperty("keyrole", role)
    wide = QSizePolicy.Policy.Minimum if name else QSizePolicy.Policy.Ignored
    button.setSizePolicy(wide, QSizePolicy.Policy.Fixed)
    button.setAutoDefault(False)
    if name:
        button.setObjectName(name)
    return button


class OnScreenKeyboard(QFrame):
    """Letters page and digits page; acts on whichever text field has focus."""

    hidden_by_citizen = Signal()
    #: The keyboard came up (``True``) or went (``False``): the chrome above makes room.
    shown_changed = Signal(bool)

    def __init__(self, telex: TelexFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._telex = telex
        self._shift = Shift.OFF
        self.letter_buttons: dict[str, QPushButton] = {}
        self.tone_buttons: dict[Tone, QPushButton] = {}
        self._rows: list[QHBoxLayout] = []
        self._columns: list[QVBoxLayout | QGridLayout] = []
        self.letters_page = self._build_letters_page()
        self.digits_page = self._build_digits_page()
        self._tight = False
        self._tones_apart = False
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addWidget(self.letters_page)
        layout.addWidget(self.digits_page)
        self.digits_page.hide()
        self._space_keys()
        telex.enabled_changed.connect(lambda _: self.retranslate())
        self.retranslate()

    # -- building ----------------------------------------------------------------------

    def _row(self, page: QWidget, layout: QVBoxLayout) -> QHBoxLayout:
        row = QHBoxLayout()
        layout.addLayout(row)
        self._rows.append(row)
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
        self._columns.append(layout)

        self._vietnamese_row = vietnamese = self._row(page, layout)
        for char in VIETNAMESE_LETTERS:
            self._text_key(page, vietnamese, char, "vietnamese")
        # The tone keys ride on one strip, beside the letters or on the row below them.
        self.tone_strip = QWidget(page)
        self.tone_strip.setObjectName("ToneKeys")
        self._tone_row = self._row(page, layout)
        tones = QHBoxLayout(self.tone_strip)
        self._rows.append(tones)
        for tone, name in TONE_NAMES.items():
            button = _key(self.tone_strip, "tone")
            button.setText(f"{TONE_MARKS[tone]} {name}")
            button.setAccessibleName(f"dấu {name}")
            button.clicked.connect(lambda _=False, t=tone: self.apply_tone(t))
            self.tone_buttons[tone] = button
            tones.addWidget(button, 1)
        vietnamese.addWidget(self.tone_strip, 15)

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
        self._columns.append(grid)
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

    # -- fitting the panel -------------------------------------------------------------

    def fit_panel(self, *, tight: bool) -> None:
        """After a change of panel or of look: tighter spacing on a short panel, where
        the screen above needs the height, and the tone keys placed for the new names'
        widths."""
        self._tight = tight
        self._space_keys()

    def _space_keys(self) -> None:
        between_keys, between_rows, side, top = TIGHT if self._tight else ROOMY
        layout = self.layout()
        assert layout is not None
        layout.setContentsMargins(side, top, side, top)
        for row in self._rows:
            row.setSpacing(between_keys)
        for column in self._columns:
            if isinstance(column, QGridLayout):
                column.setHorizontalSpacing(between_keys)
                column.setVerticalSpacing(between_rows)
            else:
                column.setSpacing(between_rows)
        self._arrange_tones()

    @property
    def tones_apart(self) -> bool:
        """Whether the tone keys have a row of their own (the keyboard is narrow)."""
        return self._tones_apart

    def _arrange_tones(self, width: int | None = None) -> None:
        """The tone keys beside the Vietnamese letters when both fit the row with the
        tone names whole; otherwise on a row of their own, below the letters.

        Beside the letters, the strip asks for the width its names need, so the tone
        keys never clip "à huyền" while letter keys are narrow enough. Without a
        ``width``, the keyboard's docked width is used: its parent's (a hidden
        keyboard's own width is stale, and it is arranged before it shows, so the
        window makes room once, for the right number of rows)."""
        if width is None:
            parent = self.parentWidget()
            width = parent.width() if parent is not None else self.width()
        self.ensurePolished()
        self._fit_words()
        spacing = self._rows[0].spacing()
        keys = list(self.tone_buttons.values())
        # The keys share the strip equally: each gets the widest name's width.
        names = max(key.sizeHint().width() for key in keys) * len(keys)
        names += spacing * (len(keys) - 1)
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        room = width - margins.left() - margins.right() - 2 * self.frameWidth()
        letters = len(VIETNAMESE_LETTERS) * (MIN_KEY_WIDTH_PX + spacing)
        apart = room < names + TONE_GAP_PX + letters
        strip = self.tone_strip.layout()
        assert strip is not None
        strip.setContentsMargins(0 if apart else TONE_GAP_PX - spacing, 0, 0, 0)
        self.tone_strip.setMinimumWidth(0 if apart else names + TONE_GAP_PX - spacing)
        if apart == self._tones_apart:
            return
        self._tones_apart = apart
        source, target = (
            (self._vietnamese_row, self._tone_row)
            if apart
            else (self._tone_row, self._vietnamese_row)
        )
        source.removeWidget(self.tone_strip)
        target.addWidget(self.tone_strip, 15)

    def _fit_words(self) -> None:
        """Named keys at least as wide as their words in the font the style sheet gave.

        The style sheet's ``min-width: 0`` lets the letter keys share any row, and
        sets every key's minimum width with each restyle, so the words' width is set
        again after each (a change of look, of panel, of language)."""
        for key in self.findChildren(QPushButton):
            if key.objectName():
                key.setMinimumWidth(key.sizeHint().width())

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_tones(event.size().width())

    @override
    def setVisible(self, visible: bool) -> None:
        """Says so before coming or going: the window's layout makes room at once, and
        the chrome above must already know how much to give."""
        if visible == self.isHidden():
            if visible:
                self._arrange_tones()
            self.shown_changed.emit(visible)
        super().setVisible(visible)

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
        self.tone_strip.setVisible(on)
        self._arrange_tones()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
