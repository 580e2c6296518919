"""The home screen: who we are, what time it is, and four big doors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget
from typing_extensions import override

from kiosk.clock import Clock, utc_now
from kiosk.config import Language, TextScale
from ui.host import HomeTile
from ui.i18n import translate
from ui.panel import PanelShape
from ui.widgets.button_row import ButtonRow
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
    """The centre's name and the time above, the journeys as big tiles, and the
    citizen's choices (help, language, text size, contrast) at the foot.

    Landscape, the tiles are two by two and share the page's height. Portrait (a
    standing kiosk), they are one column of cards as tall as their words, in the
    middle of the page; the header puts the kiosk's line under the centre's name
    across the whole width, and the choices go two by two where one line is too
    narrow for them.
    """

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
        self._shape: PanelShape | None = None
        # The panel sizes the screen, never the screen the window: each shape's layout
        # is too wide or too tall for the other's panel.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

        header = self._build_header(centre_name, kiosk_name, clock)
        self.greeting = Label(self)
        self.greeting.setObjectName("Greeting")
        self.greeting.setWordWrap(True)
        self.tiles: dict[str, Tile] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(20)
        for key, spec in tiles:
            tile = Tile(spec.title, spec.subtitle, self)
            tile.clicked.connect(lambda _=False, key=key: self.journey_chosen.emit(key))
            self.tiles[key] = tile
        footer = self._build_footer()
        self._body = QVBoxLayout()
        self._body.setContentsMargins(40, 20, 40, 20)
        self._body.setSpacing(20)
        self._body.addStretch(0)
        self._body.addWidget(self.greeting)
        self._body.addLayout(self._grid, 1)
        self._body.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(self._body, 1)
        layout.addWidget(footer)
        self._lay_out(PanelShape.SHORT)
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
        # One line, beside "Bộ phận một cửa": the header gives the line the width it
        # needs (under the centre's name, or across the whole header on a portrait
        # panel), so the badge is never a two-line box.
        self._kiosk_row = QHBoxLayout()
        self._kiosk_row.setSpacing(16)
        self._kiosk_row.addWidget(self.kiosk_line)
        self._kiosk_row.addWidget(self.status)
        self._kiosk_row.addStretch(1)
        self._header_grid = QGridLayout(header)
        self._header_grid.setContentsMargins(32, 14, 32, 14)
        self._header_grid.setHorizontalSpacing(20)
        self._header_grid.setVerticalSpacing(4)
        self._header_grid.setColumnStretch(1, 1)
        self._header_grid.addWidget(self.centre_name, 0, 1)
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
        # One line at the right where the words fit; two by two where they do not.
        self.footer_buttons = ButtonRow(footer, spacing=14)
        for button in (
            self.help_button,
            self.language_button,
            self.text_size_button,
            self.contrast_button,
        ):
            self.footer_buttons.add(button)
        footer_row = QHBoxLayout(footer)
        footer_row.setContentsMargins(32, 12, 32, 12)
        footer_row.addWidget(self.footer_buttons)
        return footer

    @property
    def shape(self) -> PanelShape | None:
        """The panel shape the screen is laid out for."""
        return self._shape

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out(self.panel())

    def _lay_out(self, shape: PanelShape) -> None:
        """Lay the header, the tiles and the greeting out for a panel of ``shape``."""
        if shape == self._shape:
            return
        self._shape = shape
        portrait = shape == PanelShape.PORTRAIT
        # The header: the kiosk's line under the name between the emblem and the clock,
        # or under all three across the whole header.
        grid = self._header_grid
        for widget in (self.logo, self.clock):
            grid.removeWidget(widget)
        grid.removeItem(self._kiosk_row)
        self._kiosk_row.setParent(None)
        rows = 1 if portrait else 2
        centre = Qt.AlignmentFlag.AlignVCenter
        grid.addWidget(self.logo, 0, 0, rows, 1, centre)
        grid.addWidget(self.clock, 0, 2, rows, 1, centre)
        if portrait:
            grid.addLayout(self._kiosk_row, 1, 0, 1, 3)
        else:
            grid.addLayout(self._kiosk_row, 1, 1)
        # The tiles: two by two sharing the height, or one column as tall as the words,
        # the greeting and the tiles together in the middle of the page.
        columns = 1 if portrait else 2
        for index, tile in enumerate(self.tiles.values()):
            self._grid.removeWidget(tile)
            self._grid.addWidget(tile, index // columns, index % columns)
            tile.set_fills(not portrait)
        self._grid.setColumnStretch(1, 0 if portrait else 1)
        self._grid.setColumnStretch(0, 1)
        # Portrait: the spare height above and below them; landscape: the tiles take it.
        self._body.setStretch(0, 1 if portrait else 0)
        self._body.setStretch(self._body.count() - 1, 1 if portrait else 0)
        self._body.setStretchFactor(self._grid, 0 if portrait else 1)
        self._show_greeting()

    def _show_greeting(self) -> None:
        # At the largest text a landscape page gives the greeting's room to the tiles.
        self.greeting.setVisible(
            self._scale < TextScale.LARGEST or self._shape == PanelShape.PORTRAIT
        )

    def set_display_state(
        self, language: Language, scale: TextScale, high_contrast: bool, online: bool
    ) -> None:
        """Make the toggles show the window's current choices."""
        self._language, self._scale, self._online = language, scale, online
        self._show_greeting()
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
