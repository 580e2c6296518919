"""The kiosk's memory over one visit to every screen: the peak a centre's PC must hold.

``python -m ui.bench_journeys --data-dir FOLDER`` builds the real kiosk window
offscreen at 1366×768 over ``FOLDER`` (a data folder that
:func:`kiosk.bench.journeys.prepare_data_folder` made: database migrated, catalogue
loaded, staff PIN set, so the walk measures a kiosk in service rather than its first
start), walks :func:`walk_every_screen`, ends the visit, and prints one JSON line
``{"peak_rss_mb": …, "after_visit_rss_mb": …}``: the most memory the process held,
and what it still holds once the visit is over (``kiosk.bench.journeys`` runs it).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import psutil  # type: ignore[import-untyped]
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.bench.journeys import BENCH_PIN, FORM_ID, PROCEDURE_CODE, SEARCH_QUERY
from kiosk.config import Settings
from kiosk.consent import PREPARE_DECLARATION
from kiosk.crypto.keys import throwaway_key_file
from kiosk.forms.draft import REVIEW
from kiosk.forms.samples import sample_answers
from ui.main_window import KioskWindow
from ui.offscreen import offscreen_app, synchronous_ops, throwaway_kiosk
from ui.screens.form.screen import FormScreen
from ui.screens.lookup.browse import BrowseScreen
from ui.screens.lookup.search import SearchScreen
from ui.screens.queue.choose import ChooseScreen
from ui.screens.staff.pin_pad import PinPadScreen


def walk_every_screen(window: KioskWindow) -> None:
    """Every screen and page once, as a citizen and then a staff member would.

    1. ``home``;
    2. ``lookup``: the search index built, :data:`SEARCH_QUERY` typed key by key;
    3. ``lookup.browse``: the fields, then the first field's procedures;
    4. ``lookup.procedure``: :data:`PROCEDURE_CODE` (đăng ký khai sinh);
    5. ``queue``: the queues, the first queue, the priority question answered "no";
    6. ``queue.ticket``: the ticket, printed on the ``file:`` printer;
    7. ``form``: the list of forms, the privacy notice agreed to, then :data:`FORM_ID`
       filled with ``kiosk.forms.samples`` answers, every page to the review,
       submitted, the done page (the receipt printed; no A4 PDF);
    8. ``register`` and ``help``;
    9. ``staff.pin``: the staff PIN typed; ``staff``: the staff screen, then its
       ``staff.tickets``, ``staff.declaration`` and ``staff.refused`` pages;
    10. the visit ends, as when the citizen is done or walks away.

    Core calls run synchronously (``ui.offscreen.synchronous_ops``), so each step's
    result is on screen before the next one starts.
    """
    settle = QApplication.processEvents
    window.show_screen("home")
    settle()

    window.show_screen("lookup")
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    QTest.keyClicks(search.search_field, SEARCH_QUERY)
    search.search_now()
    settle()

    window.show_screen("lookup.browse")
    browse = window.screens["lookup.browse"]
    assert isinstance(browse, BrowseScreen)
    first_field = browse.visible_tiles()[0]
    browse.open_field(first_field.code, first_field.name.text())
    settle()

    search.flow.open_procedure(PROCEDURE_CODE, "lookup")
    settle()
    assert window.current_screen() == "lookup.procedure", window.current_screen()

    window.show_screen("queue")
    choose = window.screens["queue"]
    assert isinstance(choose, ChooseScreen)
    choose.choose(choose.visible_cards()[0])
    _tap(choose.none_button)
    assert window.current_screen() == "queue.ticket", window.current_screen()

    window.show_screen("form")
    form = window.screens["form"]
    assert isinstance(form, FormScreen)
    _tap(form.chooser.row(FORM_ID))
    _agree_to_the_notice(form)
    form.fill(sample_answers(FORM_ID))
    while form.draft is not None and form.draft.page != REVIEW:
        _tap(form.next_button)
    _tap(form.submit_button)
    assert form.stack.currentWidget() is form.done, "the form was not submitted"

    for name in ("register", "help"):
        window.show_screen(name)
        settle()

    window.show_screen("staff.pin")
    pad = window.screens["staff.pin"]
    assert isinstance(pad, PinPadScreen)
    for digit in BENCH_PIN:
        _tap(pad.digit_buttons[digit])
    _tap(pad.ok_button)
    assert window.current_screen() == "staff", window.current_screen()
    for name in ("staff.tickets", "staff.declaration", "staff.refused"):
        window.show_screen(name)
        settle()

    window.end_visit()
    settle()


def _agree_to_the_notice(form: FormScreen) -> None:
    """The privacy notice before the form, answered as a citizen would: laid out, scrolled
    to the box the declaration needs, ticked, agreed to."""
    QApplication.processEvents()
    needed = form.consent.row(PREPARE_DECLARATION)
    form.consent.scroll_area.ensureWidgetVisible(needed)
    _tap(needed)
    _tap(form.consent.agree_button)


def _tap(button: QWidget) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def after_visit_rss_mb() -> float:
    """The process's memory now, once Qt has deleted what the visit left for deletion."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()
    return float(psutil.Process().memory_info().rss) / 2**20


@contextmanager
def benchmark_kiosk(data_dir: Path) -> Iterator[KioskWindow]:
    """The kiosk as the walk drives it: offscreen at 1366×768 over ``data_dir``, core
    calls synchronous, the clock at 09:00 on Monday 10 March 2025 in Hà Nội (every
    bundled queue open)."""
    offscreen_app()
    now = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
    settings = Settings(
        idle_timeout_s=3600.0,
        idle_warning_s=60.0,
        data_key_file=throwaway_key_file(data_dir),  # as prepare_data_folder made it
    )
    with (
        synchronous_ops(),
        throwaway_kiosk(settings, data_dir, lambda: now, (1366, 768)) as window,
    ):
        yield window


def peak_rss_mb() -> float | None:
    """The most memory this process has held, in MB; ``None`` where it cannot be told.

    Linux's ``VmHWM`` rather than ``getrusage``: a child spawned by a big parent counts
    the parent's memory in ``ru_maxrss`` until it runs its own program, and the
    benchmark's parent holds a whole catalogue of 10,000 procedures.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = getattr(psutil.Process().memory_info(), "peak_wset", None)  # Windows
    return None if peak is None else float(peak) / 2**20


def measure(data_dir: Path) -> tuple[float | None, float]:
    """Walk every screen over ``data_dir``: the peak memory, and what is held after."""
    with benchmark_kiosk(data_dir) as window:
        walk_every_screen(window)
        return peak_rss_mb(), after_visit_rss_mb()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.bench_journeys", description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    peak, after_visit = measure(args.data_dir)
    report = {
        "peak_rss_mb": None if peak is None else round(peak, 1),
        "after_visit_rss_mb": round(after_visit, 1),
    }
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
