"""Tra cứu theo lĩnh vực: for a citizen who would rather pick than type.

First a tile per field (lĩnh vực) with how many procedures it holds, then the chosen
field's procedures, most asked for first. Both come from the database worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.errors import KioskError
from ui.screens.lookup.catalogue import FieldSummaryLike
from ui.screens.lookup.flow import BROWSE_SCREEN, SEARCH_SCREEN, LookupFlow
from ui.screens.lookup.widgets import ResultList
from ui.widgets.label import Label
from ui.widgets.navigation import NavBar, frame_page, kinetic_scroll_area
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from kiosk.catalog.search.api import SearchHit

BROWSE_LIMIT = 500
# Window widths from which the tiles sit three (else two) to a row.
THREE_COLUMNS_FROM_PX = 1600


class FieldTile(QPushButton):
    """A lĩnh vực: its name and how many procedures it holds; the whole tile is tappable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FieldTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.code = ""
        self._count = 0
        self.name = Label(self)
        self.name.setObjectName("FieldTileName")
        self.name.setWordWrap(True)
        self.count = Label(self)
        self.count.setObjectName("FieldTileCount")
        for label in (self.name, self.count):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(4)
        layout.addWidget(self.name)
        layout.addWidget(self.count)

    def show_field(self, field: FieldSummaryLike) -> None:
        self.code = field.code
        self._count = field.count
        self.name.setText(field.name)
        self.setAccessibleName(field.name)
        self.retranslate()

    def retranslate(self) -> None:
        self.count.setText(
            QCoreApplication.translate("Lookup", "{count} thủ tục").format(count=self._count)
        )


class BrowseScreen(Screen):
    def __init__(self, flow: LookupFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._field_code = ""
        self._field_name = ""
        self._columns = 2
        self.title = Label(self)
        self.title.setObjectName("ScreenTitle")
        self.title.setWordWrap(True)
        self.hint = Label(self)
        self.hint.setObjectName("ResultStatus")
        self.hint.setWordWrap(True)

        self.tiles: list[FieldTile] = []
        tiles_content = QWidget(self)
        tiles_content.setObjectName("FieldTiles")
        self._grid = QGridLayout(tiles_content)
        self._grid.setContentsMargins(0, 0, 12, 0)
        self._grid.setSpacing(16)
        self.tiles_page = kinetic_scroll_area(self, tiles_content)
        self.procedures = ResultList(self)
        self.procedures.chosen.connect(lambda code: self.flow.open_procedure(code, BROWSE_SCREEN))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tiles_page)
        self.pages.addWidget(self.procedures)

        self.nav = NavBar(self)
        self.nav.back.connect(self.back)
        self.nav.home.connect(self.flow.go_home)
        frame_page(self, (self.title, self.hint, self.pages), self.nav)
        self.retranslate()

    @property
    def showing_field(self) -> bool:
        return self.pages.currentWidget() is self.procedures

    # -- fields ------------------------------------------------------------------

    def entered(self) -> None:
        if not self.showing_field:
            self.load_fields()

    def load_fields(self) -> None:
        try:
            catalogue = self.flow.catalogue()
        except KioskError as error:
            self.flow.show_error(error)
            return
        self.flow.run(catalogue.fields).on_success(self._show_fields).start()

    def _show_fields(self, fields: Sequence[FieldSummaryLike]) -> None:
        shown = [field for field in fields if field.count > 0]
        while len(self.tiles) < len(shown):
            tile = FieldTile(self.tiles_page.widget())
            tile.clicked.connect(lambda _=False, t=tile: self.open_field(t.code, t.name.text()))
            self.tiles.append(tile)
        for tile, field in zip(self.tiles, shown, strict=False):
            tile.show_field(field)
        for tile in self.tiles[len(shown) :]:
            tile.code = ""
        self._lay_out_tiles()

    def visible_tiles(self) -> list[FieldTile]:
        return [tile for tile in self.tiles if tile.code]

    def _lay_out_tiles(self) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.visible_tiles()):
            self._grid.addWidget(tile, index // self._columns, index % self._columns)
        # After adding: putting a widget into a layout reparents it, which hides it.
        for tile in self.tiles:
            tile.setVisible(bool(tile.code))
        self._grid.setRowStretch(self._grid.rowCount(), 1)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = 3 if event.size().width() >= THREE_COLUMNS_FROM_PX else 2
        if columns != self._columns:
            self._columns = columns
            self._lay_out_tiles()

    # -- one field's procedures --------------------------------------------------

    def open_field(self, code: str, name: str) -> None:
        try:
            catalogue = self.flow.catalogue()
        except KioskError as error:
            self.flow.show_error(error)
            return
        self._field_code, self._field_name = code, name
        self.flow.run(lambda: catalogue.browse(code, limit=BROWSE_LIMIT)).on_success(
            self._show_procedures
        ).start()

    def _show_procedures(self, hits: list[SearchHit]) -> None:
        names = {self._field_code: self._field_name}
        self.procedures.set_hits(hits, lambda code: names.get(code, self.flow.field_name(code)))
        self.pages.setCurrentWidget(self.procedures)
        self.retranslate()

    def back(self) -> None:
        if self.showing_field:
            self.pages.setCurrentWidget(self.tiles_page)
            self._field_code = self._field_name = ""
            self.procedures.clear()
            self.retranslate()
        else:
            self.flow.show(SEARCH_SCREEN)

    def retranslate(self) -> None:
        if self.showing_field:
            self.title.setText(self._field_name)
            self.hint.setText(
                QCoreApplication.translate(
                    "Lookup", "{count} thủ tục trong lĩnh vực này. Bấm vào thủ tục để xem."
                ).format(count=len(self.procedures.hits))
            )
        else:
            self.title.setText(QCoreApplication.translate("Lookup", "Tra cứu theo lĩnh vực"))
            self.hint.setText(
                QCoreApplication.translate("Lookup", "Chọn lĩnh vực của việc cần làm:")
            )
        for tile in self.tiles:
            tile.retranslate()
        self.procedures.retranslate()
        self.nav.retranslate()
