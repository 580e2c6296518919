"""The kiosk window: a stack of screens, kiosk mode, idle reset and crash recovery."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.clock import Clock, utc_now
from kiosk.config import Language, Settings, TextScale, Theme
from kiosk.errors import KioskError
from ui.errors import StartingUpError
from ui.i18n import LanguageSwitcher
from ui.idle import IdleWatchdog
from ui.journeys import JOURNEYS
from ui.screens.base import Screen
from ui.screens.home import HomeScreen
from ui.screens.unavailable import UnavailableScreen
from ui.session import Session
from ui.theme import stylesheet
from ui.widgets.banner import MessageBanner
from ui.widgets.idle_overlay import IdleOverlay
from ui.widgets.logo import LONG_PRESS_MS

if TYPE_CHECKING:
    from kiosk.services import KioskServices
    from ui.keyboard import KeyboardFocus, OnScreenKeyboard, TelexFilter
    from ui.screens.error import ErrorScreen
    from ui.screens.help import HelpScreen
    from ui.screens.lookup import LookupFlow
    from ui.screens.pin_pad import PinPadScreen
    from ui.screens.queue import QueueFlow
    from ui.screens.staff import StaffScreen
    from ui.staff_mode import StaffMode
    from ui.sync import SyncBridge

log = logging.getLogger("kiosk.ui")

WINDOWED_SIZE = (1366, 768)
ERROR_RETURN_MS = 8000
TEXT_SCALES = (TextScale.NORMAL, TextScale.LARGE, TextScale.LARGEST)
STAFF_SHORTCUT = "Ctrl+Alt+S"


class KioskWindow(QMainWindow):
    """The one window of the kiosk.

    In kiosk mode it is frameless, full screen and on top, and neither Esc, Alt+F4 nor
    a close request lets a citizen out; only staff (PIN) can leave kiosk mode or quit.
    """

    quit_requested = Signal()
    session_reset = Signal()
    screen_changed = Signal(str)

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
        """``build_all=False`` builds only the home screen; :meth:`finish_building`
        adds the rest, which the app does right after the first paint."""
        super().__init__(parent)
        self.settings = settings
        self._services = services
        self._services_error: KioskError | None = None
        # Set by ui.sync.install once the services are open; closed with the window.
        self.sync: SyncBridge | None = None
        self.session = Session()
        self.languages = LanguageSwitcher(self)
        self.languages.language_changed.connect(lambda _: self._refresh_home_toggles())
        self._theme = settings.theme
        self._scale = settings.text_scale
        self._online = False
        self._kiosk_mode = False
        self._allow_close = False

        central = QWidget(self)
        self.setCentralWidget(central)
        self.banner = MessageBanner(central)
        self.stack = QStackedWidget(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        self.screens: dict[str, Screen] = {}
        self._central, self._layout = central, layout
        self._built_all = False
        self.home = HomeScreen(settings.centre_name, settings.kiosk_name, clock=clock)
        self.home.logo.set_hold_ms(long_press_ms)
        self.add_screen("home", self.home)
        self._wire_home()
        self.idle = IdleWatchdog(settings.idle_timeout_s, settings.idle_warning_s, self)
        self.overlay = IdleOverlay(central, self.idle.remaining_ms)
        self._wire_idle()
        self._error_timer = QTimer(self)
        self._error_timer.setSingleShot(True)
        self._error_timer.setInterval(error_return_ms)
        self._error_timer.timeout.connect(self.reset_session)

        self.languages.set_language(settings.language)
        self._apply_look()
        self.retranslate()
        self.go_home()
        self.idle.start()
        if build_all:
            self.finish_building()

    def finish_building(self) -> None:
        """Every screen but home, the keyboard and staff mode; safe to call again.

        Kept out of the first paint: a citizen sees the home screen sooner, and these
        are ready long before a finger reaches a tile.
        """
        if self._built_all:
            return
        self._built_all = True
        self._build_screens()
        self._build_keyboard(self._central, self._layout)

    def _build_screens(self) -> None:
        from ui.screens.error import ErrorScreen
        from ui.screens.form import install as install_form
        from ui.screens.help import HelpScreen
        from ui.screens.lookup import install as install_lookup
        from ui.screens.pin_pad import PinPadScreen
        from ui.screens.queue import install as install_queue
        from ui.screens.staff import StaffScreen
        from ui.staff_mode import StaffMode

        for journey in JOURNEYS:
            placeholder = UnavailableScreen(journey)
            placeholder.home_requested.connect(self.go_home)
            self.add_screen(journey.key, placeholder)
        self.lookup: LookupFlow = install_lookup(self)
        self.queue: QueueFlow = install_queue(self)
        self.form = install_form(self)
        self.help: HelpScreen = HelpScreen()
        self.help.home_requested.connect(self.go_home)
        self.add_screen("help", self.help)
        self.pin_pad: PinPadScreen = PinPadScreen()
        self.pin_pad.cancelled.connect(self.go_home)
        self.add_screen("pin", self.pin_pad)
        self.staff: StaffScreen = StaffScreen()
        self.add_screen("staff", self.staff)
        self.error_screen: ErrorScreen = ErrorScreen()
        self.add_screen("error", self.error_screen)

        self.staff_mode: StaffMode = StaffMode(
            self.services, lambda: self.session, self.pin_pad, self.staff, self
        )
        self.staff_mode.unlocked.connect(lambda: self.show_screen("staff"))
        self.staff_mode.leave_kiosk_mode.connect(self.leave_kiosk_mode)
        self.staff_mode.quit_app.connect(self._quit)
        self.staff_mode.lock_and_go_home.connect(self.reset_session)

    def _build_keyboard(self, central: QWidget, layout: QVBoxLayout) -> None:
        """Telex for every field, and the on-screen keyboard docked under the screens."""
        from ui.keyboard import KeyboardFocus, OnScreenKeyboard, TelexFilter

        self.telex: TelexFilter = TelexFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.telex)
        self.keyboard: OnScreenKeyboard = OnScreenKeyboard(self.telex, central)
        self.keyboard.hide()
        layout.addWidget(self.keyboard)
        # The keyboard takes over half of a 768 px screen: let the screen above give up
        # height rather than grow the window off the screen (screens with fields scroll).
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.keyboard_focus: KeyboardFocus = KeyboardFocus(self.keyboard, self)
        self.pin_pad.field.setProperty("keyboard", False)  # it has its own digit pad

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
        self.idle.warning.connect(self.overlay.start)
        self.idle.resumed.connect(self.overlay.stop)
        self.idle.expired.connect(self.reset_session)

    # -- screens ---------------------------------------------------------------------

    def add_screen(self, name: str, screen: Screen) -> None:
        """Stack ``screen`` under ``name`` (later journeys replace the placeholders)."""
        old = self.screens.get(name)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.screens[name] = screen
        self.stack.addWidget(screen)

    def current_screen_name(self) -> str:
        current = self.stack.currentWidget()
        return next((n for n, s in self.screens.items() if s is current), "")

    def show_screen(self, name: str) -> None:
        if name not in self.screens:
            self.finish_building()
        screen = self.screens[name]
        self.banner.clear()
        self.stack.setCurrentWidget(screen)
        screen.entered()
        if name == "staff":
            self.staff_mode.refresh_views()
        self.screen_changed.emit(name)

    def go_home(self) -> None:
        self.show_screen("home")

    # -- services and messages -------------------------------------------------------

    def services(self) -> KioskServices:
        """The core services; until the database is open, why they are not there."""
        if self._services is None:
            raise self._services_error or StartingUpError()
        return self._services

    def attach_services(self, services: KioskServices) -> None:
        self._services = services
        self._services_error = None

    def attach_sync(self, bridge: SyncBridge) -> None:
        """Own the sync bridge: its worker thread must not outlive the window."""
        if self.sync is not None and self.sync is not bridge:
            self.sync.close()
        self.sync = bridge

    def services_failed(self, error: KioskError) -> None:
        """The database could not be opened: say so now, and to staff who try later."""
        self._services_error = error
        self.show_error(error)

    def show_error(self, error: KioskError) -> None:
        """An expected failure, translated, above the current screen."""
        self.banner.show_text(error.message)

    def show_crash(self) -> None:
        """A bug happened: calm screen now, a full reset after a few seconds."""
        self.overlay.stop()
        self.show_screen("error")
        self._error_timer.start()

    def set_online(self, online: bool) -> None:
        self._online = online
        self._refresh_home_toggles()

    # -- citizen choices -------------------------------------------------------------

    def toggle_language(self) -> None:
        other = (
            Language.ENGLISH
            if self.languages.language == Language.VIETNAMESE
            else Language.VIETNAMESE
        )
        self.languages.set_language(other)

    def next_text_scale(self) -> None:
        self._scale = TEXT_SCALES[(TEXT_SCALES.index(self._scale) + 1) % len(TEXT_SCALES)]
        self._apply_look()

    def set_high_contrast(self, enabled: bool) -> None:
        self._theme = Theme.HIGH_CONTRAST if enabled else Theme.STANDARD
        self._apply_look()

    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def text_scale(self) -> TextScale:
        return self._scale

    def _apply_look(self) -> None:
        self.setStyleSheet(stylesheet(self._theme, self._scale))
        self._refresh_home_toggles()

    def _refresh_home_toggles(self) -> None:
        self.home.set_display_state(
            self.languages.language,
            self._scale,
            self._theme == Theme.HIGH_CONTRAST,
            self._online,
        )

    # -- staff -----------------------------------------------------------------------

    def open_staff(self) -> None:
        if self.current_screen_name() == "error":
            return
        self.finish_building()
        self.show_screen("staff" if self.staff_mode.is_unlocked else "pin")

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
        self._kiosk_mode = True
        self.setWindowFlags(
            self.windowFlags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        # WORKAROUND: without a window manager (a bare X session on a kiosk PC) X11
        # ignores the full-screen request, so cover the screen by geometry as well.
        self.setGeometry(self.screen().geometry())
        self.showFullScreen()

    def leave_kiosk_mode(self) -> None:
        if not self._kiosk_mode:
            return
        self._kiosk_mode = False
        self.setWindowFlags(
            self.windowFlags()
            & ~Qt.WindowType.FramelessWindowHint
            & ~Qt.WindowType.WindowStaysOnTopHint
        )
        self.showNormal()
        self.resize(*WINDOWED_SIZE)
        log.info("kiosk mode left by staff")

    def _quit(self) -> None:
        self._allow_close = True
        self.quit_requested.emit()

    # -- idle reset ------------------------------------------------------------------

    def is_pristine(self) -> bool:
        """Nothing to wipe: home screen, defaults, staff locked, no message."""
        return (
            self.current_screen_name() == "home"
            and self.languages.language == self.settings.language
            and self._theme == self.settings.theme
            and self._scale == self.settings.text_scale
            and not (self._built_all and self.staff_mode.is_unlocked)
            and self.banner.isHidden()
        )

    def reset_session(self) -> None:
        """Forget the citizen: inputs, messages, session, staff unlock, language, look."""
        self.finish_building()
        self._error_timer.stop()
        self.overlay.stop()
        self.banner.clear()
        for screen in self.screens.values():
            screen.reset()
        self._wipe_inputs()
        self.keyboard.reset()
        self.telex.reset()
        self.session.end()
        self.session = Session()
        self.staff_mode.lock()
        if self.settings.kiosk_mode and not self._kiosk_mode:
            self.enter_kiosk_mode()
        self.languages.set_language(self.settings.language)
        self._theme = self.settings.theme
        self._scale = self.settings.text_scale
        self._apply_look()
        self.go_home()
        log.info("session reset")
        self.session_reset.emit()

    def _wipe_inputs(self) -> None:
        """Clear every input widget in the window, even ones a screen forgot."""
        for spin in self.findChildren(QAbstractSpinBox):
            spin.clear()
            if isinstance(spin, QSpinBox):
                spin.setValue(spin.minimum())  # also rewrites the text just cleared
            elif isinstance(spin, QDoubleSpinBox):
                spin.setValue(spin.minimum())
            elif isinstance(spin, QDateTimeEdit):
                spin.setDateTime(spin.minimumDateTime())
        for combo in self.findChildren(QComboBox):
            if combo.isEditable():
                combo.clearEditText()
        for line in self.findChildren(QLineEdit):
            if not isinstance(line.parentWidget(), QAbstractSpinBox | QComboBox):
                line.setText("")  # unlike clear(), also drops the undo history
        for text in self.findChildren(QTextEdit):
            text.clear()
        for plain in self.findChildren(QPlainTextEdit):
            plain.clear()

    # -- Qt events -------------------------------------------------------------------

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
        self.idle.stop()
        if self.sync is not None:
            self.sync.close()
        super().closeEvent(event)
