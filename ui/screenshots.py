"""Render every screen to PNG, for the README and for reviewing the look.

``python -m ui.screenshots [--out docs/screenshots]`` draws each screen offscreen at
1366×768, 1920×1080 and portrait 1080×1920, in Vietnamese and English, with real
services on a throwaway data folder and a fixed clock, into files such as
``home-vi-1366x768.png``; then, in ``forms/``, every page of two tờ khai filled with
invented answers and the A4 PDF of every bundled form, and in ``forms-portrait/``
the pages of the birth registration on the portrait panel.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from unittest import mock

from PySide6.QtWidgets import QApplication

from kiosk.clock import LOCAL_TZ
from kiosk.config import Language, Settings, TextScale
from kiosk.consent import DECLARATION_PURPOSES
from kiosk.crypto.keys import throwaway_key_file
from kiosk.errors import WrongPinError
from kiosk.forms.samples import sample_answers
from kiosk.logs import LOG_TAIL, configure_logging
from kiosk.logs.setup import LOG_FORMAT
from kiosk.paths import PROJECT_ROOT, prepare_data_dir
from kiosk.printing.api import PAPER_58, PAPER_80, PaperProfile, PrintDocument, PrintJob
from kiosk.printing.errors import PrinterPaperOutError
from kiosk.queue.desk import TicketDesk
from kiosk.queue.layout import ticket_document
from kiosk.services import KioskServices
from kiosk.slips import PrintPort, SlipService
from ui.main_window import KioskWindow
from ui.offscreen import new_visit, offscreen_app, synchronous_ops, throwaway_kiosk
from ui.screens.form.screen import FormScreen
from ui.screens.lookup.browse import BrowseScreen
from ui.screens.lookup.search import SearchScreen
from ui.screens.queue.choose import ChooseScreen
from ui.screens.staff.declaration import DeclarationPage
from ui.screens.staff.pin_pad import PinPadScreen
from ui.screens.staff.tickets import TicketsPage

#: The centres' panels: the common landscape kiosk, full HD, and the standing portrait one.
PORTRAIT_SIZE = (1080, 1920)
SIZES = ((1366, 768), (1920, 1080), PORTRAIT_SIZE)
LANGUAGES = (Language.VIETNAMESE, Language.ENGLISH)
# 09:41 on a Monday morning in Hà Nội.
SCREENSHOT_TIME = datetime(2025, 3, 10, 2, 41, tzinfo=UTC)
DEMO_PIN = "246810"
# Thủ tục đăng ký khai sinh: the procedure the lookup screenshots open.
DEMO_PROCEDURE = "1.001193"
# The forms whose every page is drawn, at the kiosk's usual screen.
FORM_SHOTS = ("khai-sinh", "ct01")
FORM_SHOT_SIZE = (1920, 1080)
# The A4 forms' previews: about 100 dpi, and the first reference of the morning.
PDF_DPI = 100
DEMO_REFERENCE = "TK-1-250310-0001"


def shots(window: KioskWindow) -> dict[str, Callable[[], None]]:
    """Each screenshot's name and how to get the window there."""

    def screen(name: str) -> Callable[[], None]:
        return lambda: window.show_screen(name)

    def idle() -> None:
        window.show_screen("form")
        window.idle.warn_now()

    def form_notice() -> None:
        window.show_screen("form")
        screen = window.screens["form"]
        assert isinstance(screen, FormScreen)
        screen.flow.open_form(window.services().forms.get("khai-sinh"))

    def pin_pad() -> None:
        window.show_screen("staff.pin")
        pad = window.screens["staff.pin"]
        assert isinstance(pad, PinPadScreen)
        for digit in "1234":
            pad.press_digit(digit)
        pad.show_message(WrongPinError(remaining=3).message)

    def staff() -> None:
        window.show_screen("staff.pin")
        pad = window.screens["staff.pin"]
        assert isinstance(pad, PinPadScreen)
        for digit in DEMO_PIN:
            pad.press_digit(digit)
        pad.submit()

    def lookup_results() -> None:
        window.show_screen("lookup")
        search = window.screens["lookup"]
        assert isinstance(search, SearchScreen)
        search.search_field.setText("dang ky")
        search.search_now()

    def lookup_field() -> None:
        window.show_screen("lookup.browse")
        browse = window.screens["lookup.browse"]
        assert isinstance(browse, BrowseScreen)
        tile = browse.visible_tiles()[0]
        browse.open_field(tile.code, tile.name.text())

    def procedure() -> None:
        window.show_screen("lookup")
        search = window.screens["lookup"]
        assert isinstance(search, SearchScreen)
        search.flow.open_procedure(DEMO_PROCEDURE, "lookup")

    def procedure_large_text() -> None:
        _large_text(window)
        procedure()

    def high_contrast() -> None:
        window.set_high_contrast(True)
        window.show_screen("home")

    return {
        "home": screen("home"),
        "lookup": screen("lookup"),
        "lookup-results": lookup_results,
        "lookup-browse": screen("lookup.browse"),
        "lookup-field": lookup_field,
        "procedure": procedure,
        "procedure-large-text": procedure_large_text,
        "form": screen("form"),
        "form-notice": form_notice,
        "register": screen("register"),
        "queue": screen("queue"),
        **_queue_shots(window),
        "help": screen("help"),
        "idle": idle,
        "pin": pin_pad,
        "staff": staff,
        **_staff_shots(window),
        "error": screen("error"),
        "home-high-contrast": high_contrast,
        "home-large-text": lambda: _large_text(window),
    }


def _staff_shots(window: KioskWindow) -> dict[str, Callable[[], None]]:
    """Chế độ cán bộ: the tickets, the reason asked before a void, a declaration looked up,
    the refused uploads (none on a kiosk without a server), the staff screen at 150 %."""

    def unlock() -> None:
        window.show_screen("staff.pin")
        pad = window.screens["staff.pin"]
        assert isinstance(pad, PinPadScreen)
        for digit in DEMO_PIN:
            pad.press_digit(digit)
        pad.submit()

    def tickets() -> None:
        unlock()
        window.show_screen("staff.tickets")

    def ticket_void() -> None:
        tickets()
        page = window.screens["staff.tickets"]
        assert isinstance(page, TicketsPage)
        ticket = page.rows[-1].ticket
        page.ask_void(ticket.id, ticket.label)
        page.reason_panel.field.clearFocus()  # the question, not the keyboard

    def declaration() -> None:
        unlock()
        window.show_screen("staff.declaration")
        page = window.screens["staff.declaration"]
        assert isinstance(page, DeclarationPage)
        page.reference_field.setText(DEMO_REFERENCE)
        page.look_up()

    def refused() -> None:
        unlock()
        window.show_screen("staff.refused")

    def staff_large_text() -> None:
        _large_text(window)
        unlock()

    return {
        "staff-tickets": tickets,
        "staff-ticket-void": ticket_void,
        "staff-declaration": declaration,
        "staff-refused": refused,
        "staff-large-text": staff_large_text,
    }


def seed_declaration(services: KioskServices) -> None:
    """The morning's first declaration (:data:`DEMO_REFERENCE`), with invented answers, for
    staff to look up."""
    form = services.forms.get("khai-sinh")
    consent = services.consent.agree(Language.VIETNAMESE, DECLARATION_PURPOSES)
    answers = sample_answers(form.id)
    filed = services.declarations.submit(form, DEMO_PROCEDURE, answers, consent=consent)
    assert filed.reference == DEMO_REFERENCE, filed.reference


def _queue_shots(window: KioskWindow) -> dict[str, Callable[[], None]]:
    """Lấy số thứ tự: the priority question, a printed ticket, one that did not print."""

    def queue_priority() -> None:
        window.show_screen("queue")
        choose = window.screens["queue"]
        assert isinstance(choose, ChooseScreen)
        choose.choose(choose.card("A"))

    def queue_ticket() -> None:
        queue_priority()
        choose = window.screens["queue"]
        assert isinstance(choose, ChooseScreen)
        choose.visible_claims()[0].click()
        choose.confirm.confirm_button.click()

    def queue_ticket_failed() -> None:
        services = window.services()
        working = services.desk
        paper_out = SlipService(
            _PaperOut(services.printing),
            services.settings.centre_name,
            catalog=services.catalog,
            declarations=services.declarations,
            audit=services.audit,
            staff=services.staff,
        )
        services.desk = TicketDesk(services.tickets, paper_out)
        try:
            queue_priority()
            choose = window.screens["queue"]
            assert isinstance(choose, ChooseScreen)
            choose.none_button.click()
        finally:
            services.desk = working

    def queue_ticket_large_text() -> None:
        _large_text(window)
        queue_ticket()

    return {
        "queue-priority": queue_priority,
        "queue-ticket": queue_ticket,
        "queue-ticket-failed": queue_ticket_failed,
        "queue-ticket-large-text": queue_ticket_large_text,
    }


def _large_text(window: KioskWindow) -> None:
    while window.text_scale != TextScale.LARGEST:
        window.next_text_scale()
    window.show_screen("home")


class _PaperOut:
    """The real layout and renderer in front of a printer that is out of paper, so the
    "show this screen to staff" ticket can be drawn without a broken printer."""

    def __init__(self, printing: PrintPort) -> None:
        self._printing = printing

    def job(self, document: PrintDocument, profile: PaperProfile | None = None) -> PrintJob:
        return self._printing.job(document, profile)

    def send(self, job: PrintJob) -> None:
        raise PrinterPaperOutError()

    def test_page(self, today: date | None = None) -> PrintDocument:
        return self._printing.test_page(today)


def fixed_uuids() -> Callable[[], uuid.UUID]:
    """Ticket ids from a fixed sequence, so the QR codes in the images never change."""
    numbers = itertools.count(1)
    return lambda: uuid.UUID(int=next(numbers))


def _ticket_previews(services: KioskServices, out: Path) -> list[Path]:
    """The first ticket of the morning as the printer receives it, on both papers."""
    ticket = services.tickets.find("A-001")
    document = ticket_document(ticket, services.settings.centre_name)
    written = []
    for profile in (PAPER_80, PAPER_58):
        path = out / f"ticket-{profile.name}.png"
        services.printing.job(document, profile).image.save(path)
        written.append(path)
    return written


def seed_queues(services: KioskServices) -> None:
    """A morning's tickets already taken, so the cards show people waiting."""
    for code, count in (("A", 7), ("B", 3)):
        for _ in range(count):
            services.desk.take(code)


class _ScreenshotTimeFormatter(logging.Formatter):
    """Log lines stamped with the screenshots' clock, so the images are reproducible."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return SCREENSHOT_TIME.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def render_all(
    out: Path,
    sizes: Sequence[tuple[int, int]] = SIZES,
    languages: Sequence[Language] = LANGUAGES,
) -> list[Path]:
    """Write every screenshot into ``out``; returns the files written."""
    app = offscreen_app()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with (
        synchronous_ops(),
        tempfile.TemporaryDirectory(prefix="kiosk-screens-") as data,
        mock.patch.object(uuid, "uuid4", fixed_uuids()),
    ):
        settings = Settings(
            idle_timeout_s=3600.0,
            idle_warning_s=20.0,
            data_key_file=throwaway_key_file(Path(data) / "data"),
        )
        paths = prepare_data_dir(Path(data) / "data")
        configure_logging(None, "INFO")
        LOG_TAIL.setFormatter(_ScreenshotTimeFormatter(LOG_FORMAT))
        services = KioskServices(settings, paths, clock=lambda: SCREENSHOT_TIME)
        services.open()
        services.staff.set_pin(DEMO_PIN)
        seed_queues(services)
        seed_declaration(services)
        written += _ticket_previews(services, out)
        window = KioskWindow(settings, services, clock=lambda: SCREENSHOT_TIME)
        try:
            window.show()
            for width, height in sizes:
                window.resize(width, height)
                for language in languages:
                    for name, arrange in shots(window).items():
                        new_visit(window)
                        LOG_TAIL.clear()  # the staff screen shows only this shot's lines
                        window.languages.set_language(language)
                        arrange()
                        window.resize(width, height)
                        app.processEvents()
                        if (window.width(), window.height()) != (width, height):
                            print(f"warning: {name} does not fit {width}x{height}", file=sys.stderr)
                        path = out / f"{name}-{language.value}-{width}x{height}.png"
                        window.grab().save(str(path))
                        written.append(path)
            window.end_visit()
        finally:
            window.idle.stop()
            window.close()
            window.deleteLater()
            services.close()
    return written


# -- Điền tờ khai: every page of two forms, and every form's A4 PDF ------------------


@contextmanager
def _form_kiosk(size: tuple[int, int]) -> Iterator[tuple[QApplication, KioskWindow]]:
    """A shown window over throwaway services, at the screenshots' clock and uuids."""
    app = offscreen_app()
    with (
        synchronous_ops(),
        tempfile.TemporaryDirectory(prefix="kiosk-form-screens-") as data,
        mock.patch.object(uuid, "uuid4", fixed_uuids()),
        throwaway_kiosk(
            Settings(
                idle_timeout_s=3600.0,
                idle_warning_s=20.0,
                data_key_file=throwaway_key_file(Path(data) / "data"),
            ),
            Path(data) / "data",
            lambda: SCREENSHOT_TIME,
            size,
        ) as window,
    ):
        yield app, window
        window.end_visit()


def render_forms(
    out: Path,
    form_ids: Sequence[str] = FORM_SHOTS,
    languages: Sequence[Language] = LANGUAGES,
    *,
    size: tuple[int, int] = FORM_SHOT_SIZE,
    most: int | None = None,
) -> list[Path]:
    """Each page of each form (its sections, the review, the done page), filled with
    invented answers, as ``<form>-<nn>-<page>-<language>.png``; ``most`` stops early."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with _form_kiosk(size) as (app, window):
        services = window.services()

        def shot(form_id: str, number: int, page: str, language: Language) -> None:
            app.processEvents()
            path = out / f"{form_id}-{number:02d}-{page}-{language.value}.png"
            window.grab().save(str(path))
            written.append(path)

        for form_id in form_ids:
            for language in languages:
                window.end_visit()
                window.languages.set_language(language)
                window.show_screen("form")
                screen = window.screens["form"]
                assert isinstance(screen, FormScreen)
                screen.flow.open_form(services.forms.get(form_id))
                draft = screen.flow.agree(DECLARATION_PURPOSES)  # the privacy notice
                assert draft is not None
                screen.fill(sample_answers(form_id))
                steps: list[tuple[str, Callable[[], None]]] = [
                    (draft.form.sections[index].id, partial(screen.show_section, index))
                    for index in draft.pages()
                ]
                steps += [("review", screen.show_review), ("done", screen.flow.submit)]
                for number, (page, arrange) in enumerate(steps, 1):
                    if most is not None and len(written) >= most:
                        return written
                    arrange()
                    shot(form_id, number, page, language)
    return written


def render_form_pdfs(out: Path, form_ids: Sequence[str] | None = None) -> list[Path]:
    """The first page of each bundled form's A4 PDF, filled with invented answers, at
    about 100 dpi, as ``pdf-<form>.png``."""
    import pypdfium2  # type: ignore[import-untyped]

    from kiosk.declarations.pdf import render_form_pdf
    from kiosk.forms.library import bundled_forms

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for form in bundled_forms():
        if form_ids is not None and form.id not in form_ids:
            continue
        data = render_form_pdf(
            form, sample_answers(form.id), reference=DEMO_REFERENCE, submitted_at=SCREENSHOT_TIME
        )
        document = pypdfium2.PdfDocument(data)
        try:
            image = document[0].render(scale=PDF_DPI / 72).to_pil()
        finally:
            document.close()
        path = out / f"pdf-{form.id}.png"
        image.save(path)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    for path in render_all(args.out):
        print(path)
    for path in render_forms(args.out / "forms") + render_form_pdfs(args.out / "forms"):
        print(path)
    portrait = render_forms(
        args.out / "forms-portrait", ("khai-sinh",), (Language.VIETNAMESE,), size=PORTRAIT_SIZE
    )
    for path in portrait:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
