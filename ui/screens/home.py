"""The home screen: who we are, what time it is, and four big doors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget
from typing_extensions import override

from kiosk.clock import Clock, utc_now
from kiosk.config import Language, TextScale
from ui.host import HomeTile
from ui.i18n import translate
from ui.widgets.clock import ClockPanel
from ui.widgets.label import Label
from ui.widgets.logo import CentreLogo
from ui.widgets.screen import Screen, big_button
from ui.widgets.tile import Tile
from wire.i18n import QT_TRANSLATE_NOOP, TrText

# The language toggle names the *other* language in that language, so a citizen who
# cannot read the current one still recognises their own.
LANGUAGE_TOGGLE_LABELS = {Language.VIETNAMESE: "English", Language.ENGLISH: "Tiếng Việt"}
# The text size in words: "125%" means nothing to someone who never used a computer.
TEXT_SIZE_LABELS: dict[TextScale, TrText] = {
    TextScale.NORMAL: QT_TRANSLATE_NOOP("HomeScreen", "Cỡ chữ: Vừa"),
    TextScale.LARGE: QT_TRANSLATE_NOOP("HomeScreen", "Cỡ chữ: Lớn"),
    TextScale.LARGEST: QT_TRANSLATE_NOOP("HomeScreen", "Cỡ chữ: Rất lớn"),
}


class HomeScreen(Screen):
    journey_chosen = Signal(str)
    help_requested = Signal()
    language_toggle_requested = Signal()
    text_scale_requested = Signal()
    contrast_toggled = Signal(bool)
    # Emitted once, after the first time this screen is painted (start-up benchmark).
    first_painted = Signal()

    def __init__(
        self,
        centre_name: str,
        kiosk_name: str,
        tiles: Sequence[tuple[str, HomeTile]],
        parent: QWidget | None = None,
        *,
        clock: Clock = utc_now,
    ) -> None:
        """``tiles``: the journeys a citizen can start here, as (key, tile), in order."""
        super().__init__(parent)
        self._painted = False
        self._online = False
        self._connecting = False
        self._language = Language.VIETNAMESE
        self._scale = TextScale.NORMAL

        header = self._build_header(centre_name, kiosk_name, clock)
        self.greeting = Label(self)
        self.greeting.setObjectName("Greeting")
        self.greeting.setWordWrap(True)
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(24)
        for index, (key, spec) in enumerate(tiles):
            tile = Tile(spec.title, spec.subtitle, self)
            tile.clicked.connect(lambda _=False, key=key: self.journey_chosen.emit(key))
            self.tiles[key] = tile
            grid.addWidget(tile, index // 2, index % 2)
        footer = self._build_footer()
        body = QVBoxLayout()
        body.setContentsMargins(40, 24, 40, 24)
        body.setSpacing(20)
        body.addWidget(self.greeting)
        body.addLayout(grid, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        layout.addWidget(footer)
        self.retranslate()

    def _build_header(self, centre_name: str, kiosk_name: str, clock: Clock) -> QWidget:
        header = QWidget(self)
        header.setObjectName("Header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.logo = CentreLogo(header)
        self.centre_name = Label(centre_name, header)
        self.centre_name.setObjectName("CentreName")
        self.centre_name.setWordWrap(True)
        self.kiosk_line = Label(header)
        self.kiosk_line.setObjectName("KioskName")
        # The kiosk's own name (KIOSK-01) is for staff and IT, not shown to citizens.
        self.kiosk_line.setAccessibleDescription(kiosk_name)
        self.clock = ClockPanel(header, clock=clock)
        self.status = Label(header)
        self.status.setObjectName("StatusBadge")
        # Wraps rather than widening the window at the largest text.
        self.status.setWordWrap(True)
        kiosk_row = QHBoxLayout()
        kiosk_row.setSpacing(16)
        kiosk_row.addWidget(self.kiosk_line)
        kiosk_row.addWidget(self.status)
        kiosk_row.addStretch(1)
        names = QVBoxLayout()
        names.setSpacing(4)
        names.addWidget(self.centre_name)
        names.addLayout(kiosk_row)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(32, 16, 32, 16)
        header_row.setSpacing(20)
        header_row.addWidget(self.logo)
        header_row.addLayout(names, 1)
        header_row.addWidget(self.clock)
        return header

    def _build_footer(self) -> QWidget:
        footer = QWidget(self)
        footer.setObjectName("Footer")
        footer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.help_button = big_button(footer, role="secondary", name="HelpButton")
        self.help_button.clicked.connect(self.help_requested)
        self.language_button = big_button(footer, role="secondary", name="LanguageButton")
        self.language_button.clicked.connect(self.language_toggle_requested)
        self.text_size_button = big_button(footer, role="secondary", name="TextSizeButton")
        self.text_size_button.clicked.connect(self.text_scale_requested)
        self.contrast_button = big_button(footer, role="secondary", name="ContrastButton")
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.contrast_toggled)
        footer_row = QHBoxLayout(footer)
        footer_row.setContentsMargins(32, 12, 32, 12)
        footer_row.setSpacing(14)
        footer_row.addStretch(1)
        for button in (
            self.help_button,
            self.language_button,
            self.text_size_button,
            self.contrast_button,
        ):
            footer_row.addWidget(button)
        return footer

    def set_display_state(
        self, language: Language, scale: TextScale, high_contrast: bool, online: bool
    ) -> None:
        """Make the toggles show the window's current choices."""
        self._language, self._scale, self._online = language, scale, online
        # At the largest text size the greeting gives its room to the tiles.
        self.greeting.setVisible(scale < TextScale.LARGEST)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.blockSignals(False)
        self.retranslate()

    def set_connecting(self, connecting: bool) -> None:
        """Whether the kiosk is reaching for its server for the first time (not yet known).

        Shown instead of "offline" so a kiosk that is starting up does not look broken;
        once the answer is in, the badge says online or offline.
        """
        self._connecting = connecting
        self._show_status()

    def retranslate(self) -> None:
        self.kiosk_line.setText(QCoreApplication.translate("HomeScreen", "Bộ phận một cửa"))
        self.greeting.setText(
            QCoreApplication.translate("HomeScreen", "Kính chào Ông/Bà. Ông/Bà cần làm thủ tục gì?")
        )
        for tile in self.tiles.values():
            tile.retranslate()
        self._show_status()
        self.help_button.setText(QCoreApplication.translate("HomeScreen", "Hướng dẫn"))
        self.language_button.setText(LANGUAGE_TOGGLE_LABELS[self._language])
        self.text_size_button.setText(translate(TEXT_SIZE_LABELS[self._scale]))
        self.contrast_button.setText(QCoreApplication.translate("HomeScreen", "Nền đen, chữ vàng"))
        self.logo.setToolTip(QCoreApplication.translate("HomeScreen", "Biểu trưng của trung tâm"))

    def _show_status(self) -> None:
        # Plain words, not "trực tuyến/ngoại tuyến": without its server the kiosk still
        # serves, and a citizen should read that rather than a fault.
        if self._online:
            text = QCoreApplication.translate("HomeScreen", "Đã kết nối mạng")
        elif self._connecting:
            text = QCoreApplication.translate("HomeScreen", "Đang kết nối…")
        else:
            text = QCoreApplication.translate("HomeScreen", "Kiosk vẫn hoạt động khi mất mạng")
        self.status.setText("● " + text)
        self.status.setProperty("online", "true" if self._online else "false")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
