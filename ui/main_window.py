"""The kiosk window: home, the journeys of one visit, kiosk mode, idle reset, crash recovery.

The window is the journeys' :class:`~ui.host.Host`. It keeps the citizen's
:class:`~kiosk.visit.Visit` and builds a journey's screens the first time the visit
opens it; ending the visit (home, walking away, staff locking, a crash) drops the
visit and every journey screen with it, so nothing a citizen typed, chose or was shown
can reach the next one. Only the home screen, the error screen and the keyboard stay.

The window also owns the căn cước scanner (:mod:`ui.idcard_scanner`): a card scanned
on a form screen goes to the form journey; scanned anywhere else a citizen is (home,
search, a procedure, the queue), it is read into the visit and the forms are offered
("Đã đọc thẻ căn cước. Ông/Bà muốn điền tờ khai nào?") — it is never typed into the
focused field, and neither is a misread scan.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.clock import LOCAL_TZ, Clock, utc_now
from kiosk.config import Language, Settings, TextScale, Theme
from kiosk.errors import KioskError
from kiosk.visit import Visit
from ui.changes import ChangeSignals
from ui.clipboard_guard import install_guard, wipe_clipboard
from ui.errors import StartingUpError
from ui.host import JourneySpec
from ui.i18n import LanguageSwitcher
from ui.idle import IdleWatchdog
from ui.journeys import discover, home_tiles
from ui.kiosk_lock import KioskLock
from ui.ops import Op
from ui.panel import PanelShape, panel_shape
from ui.screens.home import HomeScreen
from ui.theme import panel_styled_names, stylesheet
from ui.widgets.banner import MessageBanner
from ui.widgets.end_visit_overlay import EndVisitOverlay
from ui.widgets.idle_overlay import IdleOverlay
from ui.widgets.logo import LONG_PRESS_MS
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from kiosk.services import KioskServices
    from kiosk.sync.api import SyncStatus
    from ui.idcard_scanner import IdCardScanner
    from ui.keyboard import KeyboardFocus, OnScreenKeyboard, TelexFilter
    from ui.screens.error import ErrorScreen
    from ui.sync import SyncBridge

log = logging.getLogger("kiosk.ui")

WINDOWED_SIZE = (1366, 768)
ERROR_RETURN_MS = 8000
TEXT_SCALES = (TextScale.NORMAL, TextScale.LARGE, TextScale.LARGEST)
STAFF_SHORTCUT = "Ctrl+Alt+S"
HOME = "home"
ERROR = "error"
#: The staff journey's screens: its PIN pad, and the staff screen once unlocked.
STAFF_PIN = "staff.pin"
STAFF = "staff"
#: The form journey: where a scanned căn cước is used.
FORM = "form"


class KioskWindow(QMainWindow):
    """The one window of the kiosk.

    In kiosk mode it is frameless, full screen and on top, and neither Esc, Alt+F4 nor
    a close request lets a citizen out; only staff (PIN) can leave kiosk mode or quit.
    """

    quit_requested = Signal()
    #: The visit ended and a new, empty one began (the home screen is showing).
    visit_ended = Signal()
    screen_changed_signal = Signal(str)
    #: A căn cước payload scanned on a form screen (see :attr:`card_scanned`).
    card_scanned_signal = Signal(str)
    #: The window now fills another shape of panel (a :class:`~ui.panel.PanelShape`).
    panel_changed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        services: KioskServices | None = None,
        *,
        clock: Clock = utc_now,
        long_press_ms: int = LONG_PRESS_MS,
        error_return_ms: int = ERROR_RETURN_MS,
        parent: QWidget | None = None,
        build_all: bool = True,
    ) -> None:
        """``build_all=False`` leaves the keyboard and the error screen to
        :meth:`finish_building`, which the app calls right after the first paint."""
        super().__init__(parent)
        self.settings = settings
        self._services = services
        self._services_error: KioskError | None = None
        self._clock = clock
        # Set by ui.sync.install once the services are open; closed with the window.
        self._sync: SyncBridge | None = None
        self._visit = Visit()
        self._changes = ChangeSignals(self)
        if services is not None:
            self._changes.attach(services.changes)
        self.languages = LanguageSwitcher(self)
        self.languages.language_changed.connect(lambda _: self._refresh_home_toggles())
        self._theme = settings.theme
        self._scale = settings.text_scale
        self._online = False
        self._panel = PanelShape.SHORT
        self._built_all = False
        self.setProperty("keyboard", "down")
        self._kiosk_mode = False
        self._allow_close = False
        #: Engaged in kiosk mode: the window comes back and OS shortcuts do nothing.
        self.kiosk_lock = KioskLock(self, self._cover_screen)

        central = self._build_frame()
        #: Every screen on the stack by name: home, error, and this visit's journeys.
        self.screens: dict[str, Screen] = {}
        self._journeys: dict[str, JourneySpec] = {spec.key: spec for spec in discover()}
        # The screens each journey built for the current visit.
        self._built: dict[str, list[str]] = {}
        self.home = HomeScreen(
            settings.centre_name,
            settings.kiosk_name,
            home_tiles(tuple(self._journeys.values())),
            clock=clock,
        )
        self.home.logo.set_hold_ms(long_press_ms)
        self._add_screen(HOME, self.home)
        self._wire_home()
        self.idle = IdleWatchdog(settings.idle_timeout_s, settings.idle_warning_s, self)
        self.overlay = IdleOverlay(central, self.idle.remaining_ms)
        self.end_visit_overlay = EndVisitOverlay(central)
        self.end_visit_overlay.end.connect(self.end_visit)
        self._wire_idle()
        self._error_timer = QTimer(self)
        self._error_timer.setSingleShot(True)
        self._error_timer.setInterval(error_return_ms)
        self._error_timer.timeout.connect(self.end_visit)
        self._guard = install_guard(self)

        self.languages.set_language(settings.language)
        self._apply_look()
        self.retranslate()
        self._show(HOME)
        self.idle.start()
        if build_all:
            self.finish_building()

    def _build_frame(self) -> QWidget:
        """The message banner over the stack of screens (the keyboard docks below)."""
        central = QWidget(self)
        self.setCentralWidget(central)
        self.banner = MessageBanner(central)
        self.stack = _ScreenStack(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self._central, self._layout = central, layout
        return central

    def finish_building(self) -> None:
        """The keyboard and the error screen; safe to call again.

        Kept out of the first paint: a citizen sees the home screen sooner, and these
        are ready long before a finger reaches a tile.
        """
        if self._built_all:
            return
        self._built_all = True
        from ui.screens.error import ErrorScreen

        self.error_screen: ErrorScreen = ErrorScreen()
        self._add_screen(ERROR, self.error_screen)
        self._build_keyboard(self._central, self._layout)
        self._build_scanner()
        if self._kiosk_mode:
            self.kiosk_lock.engage()  # in front of the keyboard's and scanner's filters

    def _build_keyboard(self, central: QWidget, layout: QVBoxLayout) -> None:
        """Telex for every field, and the on-screen keyboard docked under the screens."""
        from ui.keyboard import KeyboardFocus, OnScreenKeyboard, TelexFilter

        self.telex: TelexFilter = TelexFilter(self)
        # Telex is for Vietnamese: off in English, on again in Vietnamese.
        self.telex.follow_language(self.languages.language)
        self.languages.language_changed.connect(self.telex.follow_language)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.telex)
        self.keyboard: OnScreenKeyboard = OnScreenKeyboard(self.telex, central)
        self.keyboard.hide()
        self.keyboard.fit_panel(tight=self._panel == PanelShape.SHORT)
        layout.addWidget(self.keyboard)
        # The keyboard takes over half of a 768 px screen: let the screen above give up
        # height rather than grow the window off the screen (screens with fields scroll).
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.keyboard.shown_changed.connect(self._keyboard_shown)
        self.screen_changed_signal.connect(lambda _: self._restyle_chrome())
        self.keyboard_focus: KeyboardFocus = KeyboardFocus(self.keyboard, self)

    def _keyboard_shown(self, up: bool) -> None:
        """The window's ``keyboard`` property says whether the keyboard is up, so the
        style sheet can shrink the chrome above it while the citizen types
        (``ui.theme.keyboard_stylesheet``); screens read it too."""
        self.setProperty("keyboard", "up" if up else "down")
        self._restyle_chrome()

    def _restyle_chrome(self) -> None:
        """Style the current screen's bottom bar again for the keyboard's state (only
        it: restyling the whole window on each tap into a field would be slow)."""
        screen = self.stack.currentWidget()
        if screen is None:
            return
        for bar in screen.findChildren(QWidget, "NavBar"):
            for widget in (bar, *bar.findChildren(QPushButton)):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
                # A button keeps its size hint until told its style changed.
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))

    def _build_scanner(self) -> None:
        """The căn cước scanner, installed after Telex so it sees a payload's keys first."""
        from kiosk.idcard import looks_like_payload
        from ui.idcard_scanner import IdCardScanner

        self.scanner: IdCardScanner = IdCardScanner(
            self, active=self._scans_count, looks_like=looks_like_payload
        )
        self.scanner.scanned.connect(self._card_scanned)
        self.scanner.misread.connect(self._card_misread)
        self.scanner.listen()

    def _scans_count(self) -> bool:
        """Wherever a citizen is; staff screens and the error screen take keys as typed."""
        return self.current_screen().split(".", 1)[0] not in (STAFF, ERROR)

    def _card_scanned(self, payload: str) -> None:
        """On a form screen the form journey reads the card; elsewhere it is read here,
        kept in the visit, and the forms are offered to fill from it."""
        self.idle.poke()  # the scanner's keys never reached the idle watchdog
        if self.current_screen().split(".", 1)[0] == FORM:
            self.card_scanned_signal.emit(payload)
            return
        from kiosk.idcard import IdCardError, parse

        try:
            card = parse(payload, today=self._clock().astimezone(LOCAL_TZ).date())
        except IdCardError as error:
            log.info("a scanned code was not a usable căn cước")
            self.show_error(error)
            return
        log.info("căn cước read outside a form: the forms are offered")
        self._visit.card = card
        self.show_screen(FORM)

    def _card_misread(self) -> None:
        from kiosk.idcard import IdCardError

        self.idle.poke()
        log.info("a scanner burst was no căn cước code")
        self.show_error(IdCardError())

    def _wire_home(self) -> None:
        self.home.journey_chosen.connect(self.show_screen)
        self.home.help_requested.connect(lambda: self.show_screen("help"))
        self.home.language_toggle_requested.connect(self.toggle_language)
        self.home.text_scale_requested.connect(self.next_text_scale)
        self.home.contrast_toggled.connect(self.set_high_contrast)
        self.home.logo.long_pressed.connect(self.open_staff)
        self.staff_shortcut = QShortcut(QKeySequence(STAFF_SHORTCUT), self)
        self.staff_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.staff_shortcut.activated.connect(self.open_staff)

    def _wire_idle(self) -> None:
        self.idle.needs_warning = lambda: not self.is_pristine()
        self.overlay.continue_clicked.connect(self.idle.poke)
        self.idle.warning.connect(self._idle_warning)
        self.idle.resumed.connect(self.overlay.stop)
        self.idle.expired.connect(self.end_visit)

    def _idle_warning(self) -> None:
        self.end_visit_overlay.hide()
        self.overlay.start()

    # -- the Host interface (ui.host) --------------------------------------------------

    @property
    def visit(self) -> Visit:
        return self._visit

    @property
    def language(self) -> Language:
        return self.languages.language

    @property
    def changes(self) -> ChangeSignals:
        return self._changes

    @property
    def screen_changed(self) -> SignalInstance:
        return self.screen_changed_signal

    @property
    def card_scanned(self) -> SignalInstance:
        return self.card_scanned_signal

    def services(self) -> KioskServices:
        """The core services; until the database is open, why they are not there."""
        if self._services is None:
            raise self._services_error or StartingUpError()
        return self._services

    def show_screen(self, name: str) -> None:
        """Show ``name``, building its journey for this visit first if needed."""
        if name not in self.screens:
            self._build_journey(name.split(".", 1)[0])
        if name not in (HOME, ERROR):
            self._visit.touch()
        self._show(name)

    def current_screen(self) -> str:
        current = self.stack.currentWidget()
        return next((n for n, s in self.screens.items() if s is current), "")

    def go_home(self) -> None:
        """Home ends the visit; when it holds anything the citizen is asked first."""
        if self._visit.holds_anything():
            self.end_visit_overlay.ask()
        else:
            self.end_visit()

    def end_visit(self) -> None:
        """Forget the citizen: the visit, every journey screen, the keyboard's and the
        scanner's half-typed input, the clipboard, messages, staff unlock, language, look."""
        self.finish_building()
        self._error_timer.stop()
        self.idle.restart()
        self.overlay.stop()
        self.end_visit_overlay.hide()
        self.banner.clear()
        ended, self._visit = self._visit, Visit()
        grant = ended.staff
        ended.end()
        if grant is not None and self._services is not None:
            staff = self._services.staff
            Op(lambda: staff.lock(grant), presenter=self.show_error).start()
        self.keyboard.reset()
        self.telex.reset()
        self.scanner.reset()
        # Home first, so no journey screen is current while it is taken down.
        self._show(HOME)
        self._tear_down_journeys()
        wipe_clipboard()
        if self.settings.kiosk_mode and not self._kiosk_mode:
            self.enter_kiosk_mode()
        self.languages.set_language(self.settings.language)
        self._theme = self.settings.theme
        self._scale = self.settings.text_scale
        self._apply_look()
        log.info("visit ended")
        self.visit_ended.emit()

    def show_error(self, error: KioskError) -> None:
        """An expected failure, translated, above the current screen."""
        self.banner.show_text(error.message)

    def hide_keyboard(self) -> None:
        self.finish_building()
        self.keyboard.dismiss()

    def poke_idle(self) -> None:
        self.idle.poke()

    def sync(self) -> SyncBridge | None:
        return self._sync

    def leave_kiosk_mode(self) -> None:
        if not self._kiosk_mode:
            return
        self._kiosk_mode = False
        self.kiosk_lock.release()
        self.setWindowFlags(
            self.windowFlags()
            & ~Qt.WindowType.FramelessWindowHint
            & ~Qt.WindowType.WindowStaysOnTopHint
        )
        self.showNormal()
        self.resize(*WINDOWED_SIZE)
        log.info("kiosk mode left by staff")

    def quit(self) -> None:
        self._allow_close = True
        self.quit_requested.emit()

    # -- screens -----------------------------------------------------------------------

    def _add_screen(self, name: str, screen: Screen) -> None:
        if name in self.screens:
            raise RuntimeError(f"two screens are called {name!r}")
        self.screens[name] = screen
        self.stack.addWidget(screen)

    def _show(self, name: str) -> None:
        screen = self.screens[name]
        self.banner.clear()
        self.stack.setCurrentWidget(screen)
        screen.entered()
        self.screen_changed_signal.emit(name)

    def _build_journey(self, key: str) -> None:
        spec = self._journeys.get(key)
        if spec is None:
            raise KeyError(f"no journey or screen is called {key!r}")
        self.finish_building()
        screens: Mapping[str, Screen] = spec.build(self)
        names = []
        for name, screen in screens.items():
            if name != key and not name.startswith(f"{key}."):
                raise RuntimeError(f"journey {key!r} named a screen {name!r}")
            self._add_screen(name, screen)
            names.append(name)
        self._built[key] = names
        log.debug("journey %s built for this visit", key)

    def _tear_down_journeys(self) -> None:
        """Take every journey's screens off the stack and delete them (and, with them,
        their flows, timers and scanners).

        Qt deletes them once control returns to the event loop (the tap that ended the
        visit may still be running in one of them), so their fields are emptied now:
        nothing typed waits in memory for the deletion.
        """
        built, self._built = self._built, {}
        for names in built.values():
            for name in names:
                screen = self.screens.pop(name)
                self.stack.removeWidget(screen)
                screen.hide()
                _empty_fields(screen)
                screen.deleteLater()

    def add_journey(self, spec: JourneySpec) -> None:
        """A journey beside the discovered ones (a test's own screen, a demonstration)."""
        if spec.key in self._journeys:
            raise RuntimeError(f"two journeys are called {spec.key!r}")
        self._journeys[spec.key] = spec

    def journey_screen(self, name: str) -> Screen:
        """The screen ``name`` of this visit, built if needed (tests and screenshots)."""
        if name not in self.screens:
            self._build_journey(name.split(".", 1)[0])
        return self.screens[name]

    # -- services and messages ---------------------------------------------------------

    def attach_services(self, services: KioskServices) -> None:
        self._services = services
        self._services_error = None
        self._changes.attach(services.changes)

    def open_setup_if_wanted(self) -> None:
        """A kiosk not yet set up opens on its setup, behind the setup code, so IT can
        finish it on the screen (``kiosk.setup.setup_wanted``); needs the services."""
        from kiosk.setup import setup_wanted

        if setup_wanted(self.settings.setup_code, self.services().paths.data_dir):
            self.show_screen("setup")

    def attach_sync(self, bridge: SyncBridge) -> None:
        """Own the sync bridge (its worker thread must not outlive the window), and show
        its state on the home screen."""
        if self._sync is not None and self._sync is not bridge:
            self._sync.close()
        self._sync = bridge
        bridge.setParent(self)
        bridge.status_changed.connect(self._sync_status)

    def _sync_status(self, status: SyncStatus) -> None:
        """Citizens see "online" only when what they submit reaches the centre now."""
        self.home.set_connecting(status.online is None and status.syncing)
        self.set_online(status.connected)

    def services_failed(self, error: KioskError) -> None:
        """The database could not be opened: say so now, and to staff who try later."""
        self._services_error = error
        self.show_error(error)

    def show_crash(self) -> None:
        """A bug happened: calm screen now, a full reset after a few seconds."""
        self.finish_building()
        self.overlay.stop()
        self.end_visit_overlay.hide()
        self._show(ERROR)
        self._error_timer.start()

    def set_online(self, online: bool) -> None:
        self._online = online
        self._refresh_home_toggles()

    # -- citizen choices ---------------------------------------------------------------

    def toggle_language(self) -> None:
        other = (
            Language.ENGLISH
            if self.languages.language == Language.VIETNAMESE
            else Language.VIETNAMESE
        )
        self._visit.touch()
        self.languages.set_language(other)

    def next_text_scale(self) -> None:
        self._visit.touch()
        self._scale = TEXT_SCALES[(TEXT_SCALES.index(self._scale) + 1) % len(TEXT_SCALES)]
        self._apply_look()

    def set_high_contrast(self, enabled: bool) -> None:
        self._visit.touch()
        self._theme = Theme.HIGH_CONTRAST if enabled else Theme.STANDARD
        self._apply_look()

    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def text_scale(self) -> TextScale:
        return self._scale

    def _apply_look(self) -> None:
        self.setProperty("panel", self._panel.value)
        sheet = stylesheet(self._theme, self._scale)
        # Setting the same sheet again polishes every widget anew: each ended visit
        # in the kiosk's own look would cost a tenth of a second for nothing.
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        if self._built_all:
            self.keyboard.fit_panel(tight=self._panel == PanelShape.SHORT)
        self._refresh_home_toggles()

    @property
    def panel(self) -> PanelShape:
        """The shape of panel the window fills now; screens lay out for it."""
        return self._panel

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new shape of panel restyles what the style sheet styles per panel (its
        selectors read the window's ``panel`` property) and tells the screens, which
        lay out again."""
        super().resizeEvent(event)
        shape = panel_shape(event.size())
        if shape != self._panel:
            left, self._panel = self._panel, shape
            self.setProperty("panel", shape.value)
            self._restyle_for_panel(left, shape)
            self.panel_changed.emit(shape.value)

    def _restyle_for_panel(self, left: PanelShape, entered: PanelShape) -> None:
        """Polish again only the widgets a ``[panel=…]`` rule for ``left`` or ``entered``
        names, and what they hold: restyling the whole window took four times as long
        as laying it out."""
        for name in panel_styled_names(self.styleSheet(), {left.value, entered.value}):
            for named in self.findChildren(QWidget, name):
                for widget in (named, *named.findChildren(QWidget)):
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)

    def _refresh_home_toggles(self) -> None:
        self.home.set_display_state(
            self.languages.language,
            self._scale,
            self._theme == Theme.HIGH_CONTRAST,
            self._online,
        )

    # -- staff -------------------------------------------------------------------------

    def open_staff(self) -> None:
        """The logo's long press or Ctrl+Alt+S: the PIN pad, or staff mode if unlocked."""
        if self.current_screen() == ERROR:
            return
        self.show_screen(STAFF if self._visit.staff is not None else STAFF_PIN)

    @property
    def in_kiosk_mode(self) -> bool:
        return self._kiosk_mode

    def present(self) -> None:
        """Show the window as configured: kiosk mode or a normal 1366×768 window."""
        if self.settings.kiosk_mode:
            self.enter_kiosk_mode()
        else:
            self.resize(*WINDOWED_SIZE)
            self.show()

    def enter_kiosk_mode(self) -> None:
        """Frameless, on top and full screen, held there by :attr:`kiosk_lock` until
        staff leave kiosk mode."""
        self._kiosk_mode = True
        self.setWindowFlags(
            self.windowFlags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self._cover_screen()
        self.kiosk_lock.engage()

    def _cover_screen(self) -> None:
        # WORKAROUND: without a window manager (a bare X session on a kiosk PC) X11
        # ignores the full-screen request, so cover the screen by geometry as well.
        self.setGeometry(self.screen().geometry())
        self.showFullScreen()

    # -- idle reset --------------------------------------------------------------------

    def is_pristine(self) -> bool:
        """Nothing to wipe: home screen, an empty visit, the default look, no message."""
        return (
            self.current_screen() == HOME
            and self._visit.is_empty()
            and self.languages.language == self.settings.language
            and self._theme == self.settings.theme
            and self._scale == self.settings.text_scale
            and self.banner.isHidden()
        )

    # -- Qt events ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("KioskWindow", "Một Cửa Kiosk"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_f4 = event.key() == Qt.Key.Key_F4 and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_Escape or alt_f4:
            if self._kiosk_mode and not self._allow_close:
                event.accept()
                return
            if alt_f4:
                self.close()
                return
        super().keyPressEvent(event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._kiosk_mode and not self._allow_close:
            log.info("close refused: kiosk mode")
            event.ignore()
            return
        # A closed window ends no visit on its own: no timer may start core work on
        # services its owner is about to close; nor may kiosk mode show it again.
        self.kiosk_lock.release()
        self.idle.stop()
        self._error_timer.stop()
        self._changes.detach()
        if self._sync is not None:
            self._sync.close()
        super().closeEvent(event)


class _ScreenStack(QStackedWidget):
    """The stack of screens, which never claims a height for its width.

    A screen with word-wrapping labels has a height for each width; a vertical box
    layout takes that height as the item's minimum whatever its size policy says, and
    would squeeze the docked keyboard (its bottom row cut by the screen's edge) rather
    than the screen, which lays out in the height it gets (its fields scroll)."""

    @override
    def hasHeightForWidth(self) -> bool:
        return False

    @override
    def heightForWidth(self, width: int) -> int:
        return -1


def _empty_fields(root: QWidget) -> None:
    """Empty every text input under ``root``, undo history included."""
    for line in root.findChildren(QLineEdit):
        line.setText("")  # unlike clear(), also drops the undo history
    for text in root.findChildren(QTextEdit):
        text.clear()
    for plain in root.findChildren(QPlainTextEdit):
        plain.clear()
