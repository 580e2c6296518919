"""A citizen's taps on the form journey, counted: how much effort a tờ khai takes.

``python -m ui.counted_journey`` builds the kiosk window offscreen at 1366×768 (the
most common kiosk panel) over a throwaway data folder and files the bundled birth
registration (khai-sinh) with its sample answers (``kiosk.forms.samples``), as the
mother in them would at the kiosk: from the home tile to "Lưu tờ khai". It prints one
JSON line, ``{"birth_registration_taps": N, "birth_registration_keys": K, "kinds":
{…}, "places": {…}}``;
``kiosk.bench.forms`` runs it as a child process, and the tests run
:func:`register_birth` on their own window.

What counts, one each (:class:`Tally`); ``birth_registration_taps`` is the taps and
scans (the choices and moves a citizen makes on the screen), ``birth_registration_keys``
the keys typed (the text itself, which no layout can spare):

- ``tap``: a tap on the screen: the home tile, the form's row, a tick box, "Đồng ý
  và tiếp tục", a field (to put the cursor in it), an answer button, a list to open
  it or a row of it, "Giống địa chỉ…", "Tiếp tục", "Lưu tờ khai";
- ``key``: a key of the on-screen keyboard: a letter, a digit, ă â đ ê ô ơ ư, a tone
  key, ⇧, the space bar, ⌫, "Xong", "Ẩn bàn phím". A kiosk has no physical keyboard,
  so every character typed is a key tap;
- ``scan``: holding the căn cước to the scanner, once per scan (what the scanner
  types is not the citizen's).

Not counted: flicking a page or a list to bring something into view, reading, waiting.

The path is the quickest honest one. An answer the screen already holds (a default,
what the card filled, an address copied from another) costs nothing. The card is
scanned on each page it can fill (only the cards the citizen carries: the mother has
her own). Text is typed with the keyboard's own Vietnamese letters and tone keys
("Mẹ" is ⇧ m e nặng: four keys), capitals with ⇧; a date as its eight digits; a list
row is tapped when it is in view, otherwise a few letters of its name (no accents)
are typed in the list's search until it is. A tap only lands on what the citizen can
see: something the keyboard covers is first uncovered with "Ẩn bàn phím", which
counts. Every answer typed is checked on the screen as typed, so the count cannot
come from a shortcut the screen did not take.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final, Literal

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QWidget,
)
from typing_extensions import override

from kiosk.config import Settings
from kiosk.crypto.keys import throwaway_key_file
from kiosk.forms.draft import unanswered
from kiosk.forms.samples import sample_answers
from kiosk.text import Tone
from kiosk.text.folding import fold
from ui.audit.run import platform_for
from ui.keyboard.widget import OnScreenKeyboard, Shift
from ui.main_window import KioskWindow
from ui.offscreen import offscreen_app, synchronous_ops, throwaway_kiosk
from ui.screens.form.inputs import (
    AddressInput,
    ChoiceInput,
    DateInput,
    FieldInput,
    GroupInput,
    ListChoiceInput,
    TextInput,
)
from ui.screens.form.inputs.picker import SearchPicker, choice_label
from ui.screens.form.page import SectionPage
from ui.screens.form.screen import FormScreen
from wire.answers import Answers, is_shown

Kind = Literal["tap", "key", "scan"]
KINDS: Final[tuple[Kind, ...]] = ("tap", "key", "scan")

FORM_ID: Final = "khai-sinh"
# 09:00 on Monday 10 March 2025 in Hà Nội, as in the other form benchmarks.
BENCH_NOW: Final = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
SIZE: Final = (1366, 768)
# When the sample mother's căn cước was issued (any day after her 14th birthday).
CARD_ISSUED: Final = date(2021, 8, 15)

# The tone marks the keyboard's tone keys put on a word (NFD combining marks).
_TONE_MARKS: Final = {
    "\u0301": Tone.SAC,
    "\u0300": Tone.HUYEN,
    "\u0309": Tone.HOI,
    "\u0303": Tone.NGA,
    "\u0323": Tone.NANG,
}
# Words a list's rows start with that nobody types to find one.
_UNIT_WORDS: Final = ("thanh pho ", "tinh ", "phuong ", "xa ", "dac khu ")
# A scanner types a character every few milliseconds; a finger takes a second here.
_SCANNER_STEP_S: Final = 0.002
_FINGER_STEP_S: Final = 1.0
# Rounds of events a new window may take to become the active one.
_ACTIVATE_TRIES: Final = 100
# How long a tap may take to reach its widget: a kinetic page replays a held press.
_TOUCH_WAITS: Final = 400
_TOUCH_WAIT_MS: Final = 5


class JourneyError(RuntimeError):
    """The journey could not go on as a citizen would (a page refused, a row not found)."""


@dataclass
class Tally:
    """Taps by kind, and by where they were spent (a page, or a page's field)."""

    kinds: Counter[str] = field(default_factory=Counter)
    places: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, kind: Kind, place: str) -> None:
        self.kinds[kind] += 1
        self.places.setdefault(place, Counter())[kind] += 1

    @property
    def total(self) -> int:
        return sum(self.kinds.values())

    @property
    def taps(self) -> int:
        """Taps on the screen and cards held to the scanner: the journey's moves."""
        return self.kinds["tap"] + self.kinds["scan"]

    @property
    def keys(self) -> int:
        """Keys of the on-screen keyboard: the text typed."""
        return self.kinds["key"]

    def as_json(self) -> dict[str, Any]:
        return {
            "kinds": {kind: self.kinds[kind] for kind in KINDS},
            "places": {place: sum(counts.values()) for place, counts in self.places.items()},
        }


class ScanClock:
    """The scanner's clock: still while a scanner types, a second per key for a finger."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = _FINGER_STEP_S

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def settle() -> None:
    """Let the window finish what the last tap started (core calls are synchronous)."""
    for _ in range(2):
        QApplication.processEvents()


def card_payload(
    id_number: str, name: str, birth_date: str, gender: str, address: Mapping[str, Any]
) -> str:
    """A căn cước's QR payload for someone in the sample answers (an address in today's
    two-level form, as on a card issued or updated after 1 July 2025)."""
    born = date.fromisoformat(birth_date)
    parts = (address.get("detail"), address.get("ward"), address.get("province"))
    return "|".join(
        (
            id_number,
            "",
            name,
            born.strftime("%d%m%Y"),
            "Nam" if gender == "nam" else "Nữ",
            ", ".join(str(part) for part in parts if part),
            CARD_ISSUED.strftime("%d%m%Y"),
        )
    )


def _split_tone(char: str) -> tuple[str, Tone | None]:
    """``char`` without its tone mark (a letter the keyboard has) and that tone."""
    tone = None
    kept = []
    for mark in unicodedata.normalize("NFD", char):
        if mark in _TONE_MARKS:
            tone = _TONE_MARKS[mark]
        else:
            kept.append(mark)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _search_text(label: str) -> str:
    """What a citizen types to find a row: its name without accents or unit word."""
    folded = fold(label).casefold()
    for word in _UNIT_WORDS:
        if folded.startswith(word):
            return folded[len(word) :]
    return folded


def _bring_into_view(widget: QWidget) -> None:
    """Flick each page holding ``widget`` until all of it is in view (not a tap)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            content = parent.widget()
            if content is not None and content.isAncestorOf(widget):
                parent.ensureWidgetVisible(widget, 0, widget.height())
        parent = parent.parentWidget()


def _in_sight(widget: QWidget, point: QPoint) -> bool:
    """Whether a finger at ``point`` of ``widget`` touches it: on the window, and not
    covered by anything (the keyboard, a page's edge)."""
    window = widget.window()
    at = window.mapFromGlobal(widget.mapToGlobal(point))
    if not window.rect().contains(at):
        return False
    hit = window.childAt(at)
    return hit is widget or (hit is not None and widget.isAncestorOf(hit))


class _Touch(QObject):
    """Sees a tap reach ``target`` (or what is inside it): a press, then its release."""

    def __init__(self, target: QWidget) -> None:
        super().__init__()
        self.target = target
        self.pressed = False
        self.done = False

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and (
            watched is self.target or self.target.isAncestorOf(watched)
        ):
            if event.type() == QEvent.Type.MouseButtonPress:
                self.pressed = True
            elif event.type() == QEvent.Type.MouseButtonRelease and self.pressed:
                self.done = True
        return False


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QPushButton | QLabel | QLineEdit) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text[:40]!r}"


class CountingHands:
    """A citizen's hands on the kiosk window, counting every tap, key and scan."""

    def __init__(self, window: KioskWindow) -> None:
        self.window = window
        self.tally = Tally()
        self.place = "home"
        self.clock = ScanClock()
        window.finish_building()
        window.scanner.clock = self.clock  # the scanner keeps the driver's time
        window.activateWindow()  # focus, and so the keyboard, goes to an active window
        for _ in range(_ACTIVATE_TRIES):
            if window.isActiveWindow():
                break
            settle()
        else:
            raise JourneyError("the kiosk window did not become active")

    @property
    def screen(self) -> FormScreen:
        screen = self.window.journey_screen("form")
        assert isinstance(screen, FormScreen)
        return screen

    @property
    def keyboard(self) -> OnScreenKeyboard:
        return self.window.keyboard

    # -- taps ----------------------------------------------------------------------

    def tap(self, widget: QWidget, point: QPoint | None = None, *, kind: Kind = "tap") -> None:
        """One finger on ``widget`` (at ``point``, else its middle), where it can be seen."""
        settle()
        if not widget.isVisible() or not widget.isEnabled():
            raise JourneyError(f"{_describe(widget)} cannot be tapped (hidden or disabled)")
        where = widget.rect().center() if point is None else point
        _bring_into_view(widget)
        if not _in_sight(widget, where) and kind != "key" and self.keyboard.isVisible():
            self.hide_keyboard()
            _bring_into_view(widget)
        if not _in_sight(widget, where):
            raise JourneyError(f"{_describe(widget)} is out of sight")
        touch = _Touch(widget)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(touch)
        try:
            QTest.mouseClick(
                widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where
            )
            # A kinetic page holds a press back until it knows the finger did not
            # flick: wait for the widget to have had all of the tap.
            for _ in range(_TOUCH_WAITS):
                if touch.done:
                    break
                QTest.qWait(_TOUCH_WAIT_MS)
            else:
                raise JourneyError(f"{_describe(widget)} never got the tap")
        finally:
            app.removeEventFilter(touch)
        self.tally.add(kind, self.place)
        settle()

    def key(self, button: QPushButton) -> None:
        self.tap(button, kind="key")

    def hide_keyboard(self) -> None:
        """ "Ẩn bàn phím": the keyboard goes, so what it covered can be tapped."""
        hide = (
            self.keyboard.pad_hide_button
            if self.keyboard.digits_page.isVisible()
            else self.keyboard.hide_button
        )
        self.key(hide)

    def scan(self, payload: str) -> None:
        """The citizen holds the card to the scanner; it types ``payload`` and Enter."""
        settle()
        receiver = QApplication.focusWidget() or self.window
        self.clock.step = _SCANNER_STEP_S
        try:
            for char in payload:
                key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
                for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
                    QTest.sendKeyEvent(action, receiver, key, char, Qt.KeyboardModifier.NoModifier)
            QTest.keyClick(receiver, Qt.Key.Key_Return)
        finally:
            self.clock.step = _FINGER_STEP_S
        self.tally.add("scan", self.place)
        settle()

    # -- typing --------------------------------------------------------------------

    def focus(self, edit: QLineEdit) -> None:
        """A tap at the end of ``edit``'s text, unless the cursor is already in it."""
        if edit.hasFocus() and self.keyboard.isVisible():
            return
        self.tap(edit, QPoint(max(1, edit.width() - 12), edit.height() // 2))
        if not edit.hasFocus() or not self.keyboard.isVisible():
            raise JourneyError(f"{_describe(edit)} took no focus")

    def type_text(self, text: str) -> None:
        """``text`` on the on-screen keyboard into the focused field: each letter its key
        (ă â đ ê ô ơ ư included), ⇧ before a capital, the word's tone key after it."""
        tone: Tone | None = None
        for index, char in enumerate(text):
            base, char_tone = _split_tone(char)
            tone = char_tone or tone
            self.key(self._key_for(base))
            following = text[index + 1 : index + 2]
            if tone is not None and not following.isalpha():
                self.key(self.keyboard.tone_buttons[tone])
                tone = None

    def _key_for(self, char: str) -> QPushButton:
        """The key typing ``char`` (tapping ⇧ first for a capital)."""
        keyboard = self.keyboard
        if char == " ":
            return keyboard.space_button
        if keyboard.digits_page.isVisible():
            if char not in keyboard.pad_buttons:
                raise JourneyError(f"{char!r} is not on the digit pad")
            return keyboard.pad_buttons[char]
        lower = char.lower()
        if lower not in keyboard.letter_buttons:
            raise JourneyError(f"{char!r} has no key on the keyboard")
        if lower != char and keyboard.shift == Shift.OFF:
            self.key(keyboard.shift_button)
        while char.isalpha() and lower == char and keyboard.shift != Shift.OFF:
            self.key(keyboard.shift_button)  # capitals were on: ⇧ until they are off
        return keyboard.letter_buttons[lower]

    def replace_text(self, edit: QLineEdit, text: str) -> None:
        """Make ``edit`` read ``text``: ⌫ back to what the two share, then type the rest."""
        self.focus(edit)
        current = unicodedata.normalize("NFC", edit.text())
        shared = 0
        while shared < min(len(current), len(text)) and current[shared] == text[shared]:
            shared += 1
        backspace = (
            self.keyboard.pad_backspace_button
            if self.keyboard.digits_page.isVisible()
            else self.keyboard.backspace_button
        )
        for _ in range(len(current) - shared):
            self.key(backspace)
        self.type_text(text[shared:])
        if unicodedata.normalize("NFC", edit.text()) != text:
            raise JourneyError(f"typed {text!r}, the field reads {edit.text()!r}")

    # -- lists ---------------------------------------------------------------------

    def pick(self, picker: SearchPicker, code: str, label: str) -> None:
        """Open the list, find the row (searching when it is not in view), tap it."""
        if not picker.is_open:
            self.tap(picker.current)
        if self._row_in_view(picker, code) is None:
            self.focus(picker.search)
            for char in _search_text(label):
                self.type_text(char)
                if self._row_in_view(picker, code) is not None:
                    break
        item = self._row_in_view(picker, code)
        if item is None:
            raise JourneyError(f"no row {label!r} after typing {picker.search.text()!r}")
        self.tap(picker.list.viewport(), picker.list.visualItemRect(item).center())
        if picker.code != code:
            raise JourneyError(f"{label!r} was tapped, the list chose {picker.code!r}")

    @staticmethod
    def _row_in_view(picker: SearchPicker, code: str) -> QListWidgetItem | None:
        for index in range(picker.list.count()):
            item = picker.list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                rect = picker.list.visualItemRect(item)
                return item if picker.list.viewport().rect().contains(rect) else None
        return None

    # -- the journey ---------------------------------------------------------------

    def open_form(self, form_id: str) -> None:
        """From the home screen: "Điền tờ khai", the form's row, the privacy notice."""
        if self.window.current_screen() != "home":
            raise JourneyError(f"the journey starts at home, not {self.window.current_screen()}")
        self.place = "home"
        self.tap(self.window.home.tiles["form"])
        screen = self.screen
        self.place = "forms"
        self.tap(screen.chooser.row(form_id))
        notice = screen.consent
        if screen.stack.currentWidget() is notice and notice.notice is not None:
            self.place = "consent"
            for purpose in sorted(notice.notice.required):
                self.tap(notice.row(purpose))
            self.tap(notice.agree_button)
        if screen.current_page() is None:
            raise JourneyError(f"{form_id} did not open")

    def file_form(
        self, form_id: str, answers: Answers, cards: Mapping[str | None, str] | None = None
    ) -> str:
        """Fill ``form_id`` with ``answers`` page by page and save it; its reference.

        ``cards``: the căn cước payloads the citizen carries, by the card holder they
        fill (``None`` on a form without holders); each is scanned on a page it fills.
        """
        self.open_form(form_id)
        screen = self.screen
        while (page := screen.current_page()) is not None:
            self.place = page.section.id
            self._scan_cards(page, answers, cards or {})
            self._fill_page(page, answers)
            self.place = page.section.id
            self.tap(screen.next_button)
            if screen.current_page() is page:
                problems = [
                    label.text()
                    for label in page.findChildren(QLabel, "FieldProblem")
                    if label.isVisible()
                ]
                raise JourneyError(f"page {page.section.id} refused to go on: {problems}")
        if screen.stack.currentWidget() is not screen.review:
            raise JourneyError("the pages did not lead to the review")
        self.place = "review"
        self.tap(screen.submit_button)
        if screen.stack.currentWidget() is not screen.done:
            raise JourneyError("the declaration was not saved")
        return screen.done.reference.text()

    def _draft_answers(self) -> Answers:
        draft = self.screen.draft
        if draft is None:
            raise JourneyError("no draft is open")
        return draft.answers

    def _scan_cards(
        self, page: SectionPage, answers: Answers, cards: Mapping[str | None, str]
    ) -> None:
        """Scan each card this page's card fields belong to, if they are not filled yet."""
        scope = self._draft_answers()
        holders = dict.fromkeys(
            question.field.card_holder
            for question in page.shown_inputs(scope)
            if question.field.idcard is not None
        )
        for holder in holders:
            payload = cards.get(holder)
            if payload is None:
                continue
            fields = [
                q.field
                for q in page.shown_inputs(scope)
                if q.field.idcard is not None and q.field.card_holder == holder
            ]
            if all(scope.get(f.id) == answers.get(f.id) for f in fields):
                continue
            self.scan(payload)
            screen = self.screen
            if screen.stack.currentWidget() is screen.address_panel:
                self.tap(screen.address_panel.confirm_button)
            if screen.stack.currentWidget() is screen.holder_panel:
                raise JourneyError(f"the card on page {page.section.id} was not known as {holder}")

    def _fill_page(self, page: SectionPage, answers: Answers) -> None:
        for question in page.inputs.values():
            if is_shown(question.field, self._draft_answers()):
                self.place = f"{page.section.id}.{question.field.id}"
                self.answer(question, answers.get(question.field.id))

    def answer(self, question: FieldInput, target: Any) -> None:
        """Make ``question`` hold ``target`` the quickest honest way."""
        current = question.value()
        if current == target or (unanswered(current) and unanswered(target)):
            return
        if unanswered(target):
            raise JourneyError(f"{question.field.id}: the sample leaves out what it holds")
        if isinstance(question, ChoiceInput):
            self.tap(question.buttons[target])
        elif isinstance(question, ListChoiceInput):
            choice = next(c for c in question.choices if c.code == target)
            self.pick(question.picker, target, choice_label(choice, question.env.language()))
        elif isinstance(question, DateInput):
            self._answer_date(question, str(target))
        elif isinstance(question, AddressInput):
            self._answer_address(question, target)
        elif isinstance(question, GroupInput):
            self._answer_group(question, target)
        elif isinstance(question, TextInput) and isinstance(question.edit, QLineEdit):
            self.replace_text(question.edit, str(target))
        else:
            raise JourneyError(f"{question.field.id}: no way to answer a {question.field.kind}")
        if question.value() != target:
            raise JourneyError(f"{question.field.id}: holds {question.value()!r}, not {target!r}")

    def _answer_date(self, question: DateInput, target: str) -> None:
        year_only = len(target) == 4
        button = question.year_only_button
        if button is not None and button.isChecked() != year_only:
            self.tap(button)
        digits = target if year_only else date.fromisoformat(target).strftime("%d%m%Y")
        self.focus(question.edit)
        self.type_text(digits)

    def _answer_address(self, question: AddressInput, target: Mapping[str, Any]) -> None:
        same = getattr(question, "same_button", None)
        source = question.source_value() if hasattr(question, "source_value") else None
        if isinstance(same, QPushButton) and same.isVisible() and source == target:
            self.tap(same)
            return
        self.replace_text(question.detail, str(target["detail"]))
        if question.province.code != target["province_code"]:
            self.pick(question.province, target["province_code"], target["province"])
        if question.ward.code != target["ward_code"]:
            self.pick(question.ward, target["ward_code"], target["ward"])

    def _answer_group(self, question: GroupInput, target: Sequence[Mapping[str, Any]]) -> None:
        while len(question.items) < len(target):
            self.tap(question.add_button)
        for item, values in zip(question.items, target, strict=False):
            for sub in item.inputs.values():
                if is_shown(sub.field, item.answers):
                    self.answer(sub, values.get(sub.field.id))


def mother_card(answers: Mapping[str, Any]) -> str:
    """The sample mother's căn cước, from her answers on the birth registration."""
    return card_payload(
        answers["mother_id"],
        answers["mother_name"],
        answers["mother_birth_date"],
        "nu",
        answers["mother_residence"],
    )


def register_birth(hands: CountingHands) -> str:
    """The sample birth registration, filed as the mother in it would; its reference.

    She registers her own child (she is the person registering: ``requester_*`` are
    hers) and carries her own căn cước, not the father's: the card fills her on the
    first page and again on the mother's page; the father's details are typed.
    """
    answers = sample_answers(FORM_ID)
    card = mother_card(answers)
    if answers["requester_id"] != answers["mother_id"]:
        raise JourneyError("the sample's person registering is not the mother")
    return hands.file_form(FORM_ID, answers, {"nguoi_yeu_cau": card, "me": card})


def measure() -> Tally:
    """The sample birth registration on a fresh kiosk window, offscreen; its taps."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-taps-") as folder:
        return _measure(Path(folder))


def _measure(folder: Path) -> Tally:
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # A screen the window fills: a finger lands where the window is (a press a
        # kinetic page holds back is replayed at the screen's point under it).
        os.environ["QT_QPA_PLATFORM"] = platform_for([SIZE], folder)
    app = offscreen_app()
    with (
        synchronous_ops(),
        throwaway_kiosk(
            Settings(
                idle_timeout_s=3600.0,
                idle_warning_s=60.0,
                data_key_file=throwaway_key_file(folder / "data"),
            ),
            folder / "data",
            lambda: BENCH_NOW,
            SIZE,
        ) as window,
    ):
        app.processEvents()
        hands = CountingHands(window)
        register_birth(hands)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return hands.tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.counted_journey", description=__doc__)
    parser.parse_args(argv)
    tally = measure()
    counts = {"birth_registration_taps": tally.taps, "birth_registration_keys": tally.keys}
    print(json.dumps({**counts, **tally.as_json()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
