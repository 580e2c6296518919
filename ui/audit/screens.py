"""Every screen the audit visits, and how the window is brought to it.

The screens the README's screenshots show are reached exactly as ``ui.screenshots``
reaches them (its ``shots``), without its look variants ("-large-text",
"-high-contrast"): text size and theme are the matrix's. Added here: every page of
every bundled tờ khai filled with invented answers, its review and the saved page;
the questions asked over a form (leave it? the card's address, whose card?); the
messages after "Tiếp tục" on an empty page; the on-screen keyboard up under the last
field of a long page, under a ward search with its list, under the search box and
under the staff's code field; the end-visit question.

A scenario is a generator: it arranges the window, yields a :class:`Shown` for each
screen it reached, and is resumed for the next one, so a form is opened once for all
its pages. The runner ends the visit before each scenario.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from kiosk.consent import DECLARATION_PURPOSES
from kiosk.forms.samples import sample_answers
from ui.screens.form.inputs.address import AddressInput
from ui.screens.form.inputs.picker import SearchPicker
from ui.screens.form.screen import FormScreen
from ui.screens.lookup.search import SearchScreen
from ui.screens.staff.declaration import DeclarationPage
from ui.screens.staff.pin_pad import PinPadScreen
from ui.screenshots import DEMO_PIN, shots

if TYPE_CHECKING:
    from ui.main_window import KioskWindow

#: An invented căn cước (the QR's fields), its address in the old three-level form.
SAMPLE_CARD = (
    "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"
)
#: The form whose pages ask most, for the questions asked over a form.
LONG_FORM = "khai-sinh"
#: What is typed into the search boxes with the keyboard up.
LOOKUP_QUERY = "dang ky khai sinh"
PICKER_QUERY = "ha"
#: The screenshots' screens that are a look, not a screen: the matrix covers them.
LOOK_VARIANTS = ("-large-text", "-high-contrast")


@dataclass(frozen=True, slots=True)
class Shown:
    """A screen the window is showing now."""

    name: str
    #: What to walk: an overlay over the window; ``None``: the whole window.
    root: QWidget | None = None
    #: Run again after each change of panel (a field re-focused, as a finger would).
    settle: Callable[[], None] | None = None


Scenario = Callable[["KioskWindow"], Iterator[Shown]]


@dataclass(frozen=True, slots=True)
class Entry:
    """A scenario, and the prefix every screen it shows is named with."""

    key: str
    scenario: Scenario


def scenarios(window: KioskWindow) -> list[Entry]:
    """Every scenario, in the order the audit runs them."""
    entries = [_shot(name) for name in shots(window) if not name.endswith(LOOK_VARIANTS)]
    entries += [
        Entry("end-visit", _end_visit),
        Entry("form-errors", _form_errors),
        Entry("form-picker", _form_picker),
        Entry("form-questions", _form_questions),
        Entry("lookup-typing", _lookup_typing),
        Entry("staff-declaration-typing", _staff_typing),
    ]
    forms = window.services().forms
    entries += [Entry(f"form-{form.id}", _form_pages(form.id)) for form in forms.all()]
    return entries


def _shot(name: str) -> Entry:
    def scenario(window: KioskWindow) -> Iterator[Shown]:
        shots(window)[name]()
        root = window.overlay if window.overlay.isVisible() else None
        yield Shown(name, root)

    return Entry(name, scenario)


def _end_visit(window: KioskWindow) -> Iterator[Shown]:
    window.show_screen("lookup")
    window.end_visit_overlay.ask()
    yield Shown("end-visit", window.end_visit_overlay)


# -- the form journey ---------------------------------------------------------------


def _form(window: KioskWindow, form_id: str, *, filled: bool = True) -> FormScreen:
    """``form_id`` open past the privacy notice, filled with invented answers."""
    window.show_screen("form")
    screen = window.screens["form"]
    assert isinstance(screen, FormScreen)
    screen.flow.open_form(window.services().forms.get(form_id))
    draft = screen.flow.agree(DECLARATION_PURPOSES)
    assert draft is not None, form_id
    if filled:
        screen.fill(sample_answers(form_id))
    return screen


def _form_pages(form_id: str) -> Scenario:
    """Each page of ``form_id``, its review, and the page after it is saved."""

    def scenario(window: KioskWindow) -> Iterator[Shown]:
        screen = _form(window, form_id)
        draft = screen.draft
        assert draft is not None
        for number, index in enumerate(draft.pages(), 1):
            screen.show_section(index)
            yield Shown(f"form-{form_id}-{number:02d}-{draft.form.sections[index].id}")
        screen.show_review()
        yield Shown(f"form-{form_id}-review")
        screen.flow.submit()
        yield Shown(f"form-{form_id}-done")

    return scenario


def _form_errors(window: KioskWindow) -> Iterator[Shown]:
    """ "Tiếp tục" on an empty first page: every message shows; then the keyboard up
    under the page's last field, as the citizen starts to fix it."""
    screen = _form(window, LONG_FORM, filled=False)
    screen.go_next()
    yield Shown("form-errors")
    page = screen.current_page()
    assert page is not None
    fields = [
        edit
        for edit in page.findChildren(QWidget)
        if isinstance(edit, (QLineEdit, QPlainTextEdit)) and edit.isVisible()
    ]
    if fields:
        last = fields[-1]
        yield Shown("form-errors-typing", settle=_focus(window, last))


def _form_picker(window: KioskWindow) -> Iterator[Shown]:
    """The first address's ward list open, searched, with the keyboard up."""
    screen = _form(window, LONG_FORM)
    for index, page in screen.pages.items():
        addresses = [q for q in page.inputs.values() if isinstance(q, AddressInput)]
        if not addresses:
            continue
        screen.show_section(index)
        address = addresses[0]
        picker: SearchPicker = address.ward if address.ward.isEnabled() else address.province
        picker.open_list()
        picker.search.setText(PICKER_QUERY)
        yield Shown("form-picker", settle=_focus(window, picker.search))
        return


def _form_questions(window: KioskWindow) -> Iterator[Shown]:
    """What is asked over a page: the card's address, whose card, leaving the form."""
    from kiosk.idcard import parse

    screen = _form(window, LONG_FORM)
    card = parse(SAMPLE_CARD, today=screen.flow.today())
    screen.show_section(0)
    screen.flow.read_card(card)
    if screen.stack.currentWidget() is screen.address_panel:
        yield Shown("form-address")
        screen.address_panel.confirm_button.click()
    draft = screen.draft
    assert draft is not None
    for index in draft.pages()[1:]:
        screen.show_section(index)
        screen.flow.read_card(card)
        if screen.stack.currentWidget() is screen.holder_panel:
            yield Shown("form-holder")
            screen.holder_panel.cancel_button.click()
            break
        if screen.stack.currentWidget() is screen.address_panel:
            screen.address_panel.confirm_button.click()
    screen.show_section(draft.pages()[0])
    screen.go_back()  # from the first page of a started draft: "Dừng điền tờ khai?"
    if screen.stack.currentWidget() is screen.leave_panel:
        yield Shown("form-leave")


# -- typing ---------------------------------------------------------------------------


def _focus(window: KioskWindow, field: QWidget) -> Callable[[], None]:
    """A tap on ``field``: focus, so the keyboard comes up and the field scrolls into view."""

    def settle() -> None:
        window.activateWindow()
        field.clearFocus()
        QApplication.processEvents()
        field.setFocus(Qt.FocusReason.MouseFocusReason)
        for _ in range(2):  # the keyboard's room, then the scroll into view
            QApplication.processEvents()

    return settle


def _lookup_typing(window: KioskWindow) -> Iterator[Shown]:
    window.show_screen("lookup")
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    search.search_field.setText(LOOKUP_QUERY)
    search.search_now()
    yield Shown("lookup-typing", settle=_focus(window, search.search_field))


def _staff_typing(window: KioskWindow) -> Iterator[Shown]:
    window.show_screen("staff.pin")
    pad = window.screens["staff.pin"]
    assert isinstance(pad, PinPadScreen)
    for digit in DEMO_PIN:
        pad.press_digit(digit)
    pad.submit()
    window.show_screen("staff.declaration")
    page = window.screens["staff.declaration"]
    assert isinstance(page, DeclarationPage)
    yield Shown("staff-declaration-typing", settle=_focus(window, page.reference_field))
