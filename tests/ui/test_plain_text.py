"""Data is shown as text: no screen renders a catalogue's, a form's, the database's or a
citizen's markup, and no portal link the centre does not allow becomes a QR code.

QLabel's default format renders anything that looks like HTML, so a procedure named
``<img src="file:///…">`` would draw a file of the kiosk's disk and a queue named
``<b>NGỪNG PHỤC VỤ</b>…`` a notice the centre never wrote. Two guards: the sources build
no label but ``ui.widgets.label``'s, and a walk through every screen of every journey,
over a catalogue and a form full of markup, finds every label showing it as written.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.catalog import BUNDLED_CATALOGUE
from kiosk.catalog.portal_link import NATIONAL_PORTAL_URL
from kiosk.forms.samples import sample_answers
from kiosk.paths import PROJECT_ROOT
from kiosk.services import KioskServices
from tests.conftest import STAFF_PIN
from tests.ui.form.form_driver import FormDriver
from ui.main_window import KioskWindow
from ui.screens.form.screen import FormScreen
from ui.screens.lookup.browse import BrowseScreen
from ui.screens.lookup.procedure import ProcedureScreen
from ui.screens.lookup.search import SearchScreen
from ui.screens.queue.choose import ChooseScreen
from ui.screens.staff.declaration import DeclarationPage
from ui.screens.staff.pin_pad import PinPadScreen
from ui.widgets.label import Label, MarkupLabel, button_text
from wire.catalogue import CatalogueFile
from wire.catalogue_files import read_catalogue_file
from wire.forms import FieldDefinition, FormDefinition, Wording

#: What the privacy review planted: a local file as an image, a fake notice, a link.
HOSTILE = (
    '<img src="file:///etc/passwd"><b>NGỪNG PHỤC VỤ</b> – '
    '<a href="https://nop-tien.example.com/">nộp tiền qua 0900</a>'
)
BIRTH = "1.001193"
FIELD_NAME = f"Hộ tịch {HOSTILE}"
PROCEDURE_NAME = f"Đăng ký khai sinh {HOSTILE}"
AGENCY_NAME = f"Ủy ban {HOSTILE}"
QUEUE_NAME = f"Quầy hộ tịch {HOSTILE}"
FORM_ID = "ct01"
FORM_TITLE = f"Tờ khai thay đổi thông tin cư trú {HOSTILE}"
SECTION_TITLE = f"Nội dung {HOSTILE}"
FIELD_LABEL = f"Ông/Bà đề nghị {HOSTILE}"
#: A push button hides a lone ``&`` as a shortcut mark: shown as written all the same.
OPTION_LABEL = "Thường trú & <b>tạm trú</b>"
EVIL_LINK = "http://nop-tien.example.com/0900"

#: Tags a label may render: only the bold the kiosk puts on search matches.
KIOSK_MARKUP = re.compile(r"<(?!/?b>)")


def hostile_catalogue() -> CatalogueFile:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    birth = next(p for p in bundled.procedures if p.code == BIRTH)
    first_group = birth.document_groups[0]
    papers = [msgspec.structs.replace(first_group.documents[0], name=HOSTILE)]
    birth = msgspec.structs.replace(
        birth,
        name=PROCEDURE_NAME,
        summary=HOSTILE,
        steps=[HOSTILE],
        portal_url=EVIL_LINK,
        document_groups=[msgspec.structs.replace(first_group, documents=papers)],
    )
    return msgspec.structs.replace(
        bundled,
        catalogue_version="hostile-1",
        fields=[
            msgspec.structs.replace(f, name=FIELD_NAME) if f.code == birth.field else f
            for f in bundled.fields
        ],
        agencies=[
            msgspec.structs.replace(a, name=AGENCY_NAME) if a.code in birth.agencies else a
            for a in bundled.agencies
        ],
        queue_services=[
            msgspec.structs.replace(q, name=QUEUE_NAME) if q.code == birth.queue_service else q
            for q in bundled.queue_services
        ],
        procedures=[birth if p.code == BIRTH else p for p in bundled.procedures],
    )


def with_option_label(field: FieldDefinition) -> FieldDefinition:
    """A ``select`` field's first option labelled :data:`OPTION_LABEL`."""
    if field.kind != "select":
        return field
    option = msgspec.structs.replace(field.options[0], label=Wording(OPTION_LABEL, OPTION_LABEL))
    return msgspec.structs.replace(field, options=(option, *field.options[1:]))


def hostile_form(form: FormDefinition) -> FormDefinition:
    section = form.sections[0]
    first = msgspec.structs.replace(
        section.fields[0], label=Wording(FIELD_LABEL, FIELD_LABEL), help=Wording(HOSTILE, HOSTILE)
    )
    fields = [with_option_label(field) for field in (first, *section.fields[1:])]
    section = msgspec.structs.replace(
        section,
        title=Wording(SECTION_TITLE, SECTION_TITLE),
        intro=Wording(HOSTILE, HOSTILE),
        fields=tuple(fields),
    )
    return msgspec.structs.replace(
        form,
        version=form.version + 1,
        title=Wording(FORM_TITLE, FORM_TITLE),
        sections=(section, *form.sections[1:]),
    )


@pytest.fixture
def hostile(services: KioskServices, tmp_path: Path) -> KioskServices:
    """The kiosk's services over the hostile catalogue (imported as IT would) and form."""
    path = tmp_path / "hostile.json"
    path.write_bytes(msgspec.json.encode(hostile_catalogue()))
    report = services.catalog.import_file(path, "kiosk")
    assert [(p.code, p.field) for p in report.problems] == [(BIRTH, "portal_url")]
    with services.db.transaction() as session:
        assert services.forms.publish_in(session, hostile_form(services.forms.get(FORM_ID)))
    return services


def literal_texts(window: KioskWindow) -> list[str]:
    """What every label and button of the window shows, after checking that none of
    them renders markup it was given."""
    shown: list[str] = []
    for label in window.findChildren(QLabel):
        text = label.text()
        if label.textFormat() == Qt.TextFormat.PlainText:
            shown.append(text)
            continue
        name = f"{type(label).__name__} {label.objectName()!r}"
        assert isinstance(label, MarkupLabel), f"{name} would render {text!r} as markup"
        assert not KIOSK_MARKUP.search(text), f"{name} renders markup it was given: {text!r}"
        document = QTextDocument()
        document.setHtml(text)
        shown.append(document.toPlainText())
    for button in window.findChildren(QAbstractButton):
        shown.append(re.sub(r"&(.)", r"\1", button.text()))  # "&&" shows "&"
    return shown


def settle() -> None:
    QApplication.processEvents()


def tap(qtbot: QtBot, widget: QWidget) -> None:
    settle()
    assert widget.isVisible(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle()


def test_every_screen_of_every_journey_shows_data_as_written(
    qtbot: QtBot, hostile: KioskServices, driver: FormDriver, staff_pin: str
) -> None:
    window = driver.window
    seen: set[str] = set()

    def look() -> None:
        seen.update(literal_texts(window))

    look()  # home
    window.show_screen("lookup")
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    qtbot.waitUntil(lambda: search.flow.index_is_ready)
    qtbot.keyClicks(search.search_field, "khai sinh")
    search.search_now()
    qtbot.waitUntil(lambda: bool(search.results.visible_rows()))
    assert any(row.code == BIRTH for row in search.results.visible_rows())
    look()

    window.show_screen("lookup.browse")
    browse = window.screens["lookup.browse"]
    assert isinstance(browse, BrowseScreen)
    qtbot.waitUntil(lambda: bool(browse.visible_tiles()))
    look()
    tile = next(t for t in browse.visible_tiles() if t.name.text() == FIELD_NAME)
    browse.open_field(tile.code, tile.name.text())
    settle()
    look()

    search.flow.open_procedure(BIRTH, "lookup")
    settle()
    procedure = window.screens["lookup.procedure"]
    assert isinstance(procedure, ProcedureScreen)
    assert procedure.content is not None
    assert procedure.content.qr is not None
    assert procedure.content.qr.data == NATIONAL_PORTAL_URL.format(code=BIRTH)  # not EVIL_LINK
    look()

    window.show_screen("queue")
    choose = window.screens["queue"]
    assert isinstance(choose, ChooseScreen)
    qtbot.waitUntil(lambda: bool(choose.visible_cards()))
    look()
    choose.choose(choose.card("A"))
    settle()
    look()
    tap(qtbot, choose.none_button)
    qtbot.waitUntil(lambda: window.current_screen() == "queue.ticket")
    look()

    form = driver.open(FORM_ID)  # the chooser, then the privacy notice agreed to
    assert isinstance(form, FormScreen)
    look()
    form.fill(sample_answers(FORM_ID))
    while form.draft is not None and form.current_page() is not None:
        tap(qtbot, form.next_button)
        look()
    tap(qtbot, form.submit_button)
    qtbot.waitUntil(lambda: form.stack.currentWidget() is form.done)
    look()
    reference = form.flow.declaration.reference if form.flow.declaration is not None else ""
    assert reference

    for name in ("register", "help"):
        window.show_screen(name)
        settle()
        look()

    window.open_staff()
    pad = window.journey_screen("staff.pin")
    assert isinstance(pad, PinPadScreen)
    for digit in STAFF_PIN:
        tap(qtbot, pad.digit_buttons[digit])
    tap(qtbot, pad.ok_button)
    assert window.current_screen() == "staff"
    look()
    for name in ("staff.tickets", "staff.refused", "staff.declaration"):
        window.show_screen(name)
        settle()
        look()
    page = window.screens["staff.declaration"]
    assert isinstance(page, DeclarationPage)
    page.reference_field.setText(reference)
    tap(qtbot, page.find_button)
    look()

    shown = "\n".join(seen)
    for planted in (
        PROCEDURE_NAME,
        FIELD_NAME,
        AGENCY_NAME,
        QUEUE_NAME,
        FORM_TITLE,
        SECTION_TITLE,
        FIELD_LABEL,
        OPTION_LABEL,
    ):
        assert planted in shown, f"never shown as written: {planted!r}"
    # The search result's name: markup the kiosk made, the data in it escaped.
    assert any("&lt;img src=" in label.text() for label in window.findChildren(MarkupLabel))


def test_a_label_shows_its_text_as_written(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    made = [Label(HOSTILE, parent), Label(parent)]
    made[1].setText(HOSTILE)
    for label in made:
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text() == HOSTILE
        assert label.parent() is parent
    markup = MarkupLabel(parent)
    markup.setText(HOSTILE)  # plain text given to a markup label is escaped
    assert markup.textFormat() == Qt.TextFormat.RichText
    assert not KIOSK_MARKUP.search(markup.text())
    assert not markup.openExternalLinks()
    assert button_text(OPTION_LABEL) == "Thường trú && <b>tạm trú</b>"


def qlabel_made_outside_the_helper(path: Path) -> list[str]:
    """Where ``path`` makes a QLabel, subclasses one, or turns rich text on."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "QLabel":
                found.append(f"{path}:{node.lineno}: QLabel(...)")
            if name in {"setHtml", "setMarkdown"}:
                found.append(f"{path}:{node.lineno}: {name}(...)")
            if name == "setTextFormat" and "PlainText" not in ast.unparse(node):
                found.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                if ast.unparse(base).endswith("QLabel"):
                    found.append(f"{path}:{node.lineno}: class {node.name}(QLabel)")
    return found


def test_no_screen_makes_a_label_that_could_render_markup() -> None:
    """Structural: every label is ``ui.widgets.label``'s; rich text only in that module."""
    helper = PROJECT_ROOT / "ui" / "widgets" / "label.py"
    sources = [p for p in (PROJECT_ROOT / "ui").rglob("*.py") if p != helper]
    assert len(sources) > 50
    found = [hit for path in sources for hit in qlabel_made_outside_the_helper(path)]
    assert found == [], "use ui.widgets.label.Label (or MarkupLabel for kiosk markup):\n" + (
        "\n".join(found)
    )


def test_the_guard_sees_a_bare_label(tmp_path: Path) -> None:
    sample = tmp_path / "screen.py"
    sample.write_text(
        "from PySide6.QtWidgets import QLabel\n"
        "a = QLabel(parent)\n"
        "b.setTextFormat(Qt.TextFormat.RichText)\n"
        "class Badge(QtWidgets.QLabel): ...\n",
        encoding="utf-8",
    )
    assert len(qlabel_made_outside_the_helper(sample)) == 3


def test_a_link_the_allow_list_refuses_never_becomes_a_qr_code(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow]
) -> None:
    """Only the centre's own portal allowed: the national page is refused too, no QR."""
    window = kiosk_factory(portal_domains=("dichvucong.hanoi.gov.vn",))
    window.show_screen("lookup")
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    search.flow.open_procedure(BIRTH, "lookup")
    settle()
    procedure = window.screens["lookup.procedure"]
    assert isinstance(procedure, ProcedureScreen)
    assert procedure.content is not None
    assert procedure.content.qr is None
    assert "dichvucong.gov.vn" not in "\n".join(literal_texts(window))
