"""Tra cứu thủ tục: type a few words, see the matching procedures as you type.

Searching runs on the UI thread, debounced, but only once the in-memory index is built
(a search then takes a few milliseconds); building it is the flow's job, done on the
database worker while this screen says the catalogue is loading.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from kiosk.catalog.wording import LEVELS
from kiosk.errors import KioskError
from ui.i18n import translate
from ui.screens.lookup.flow import BROWSE_SCREEN, SEARCH_SCREEN, LookupFlow
from ui.screens.lookup.widgets import ResultList
from ui.widgets.label import Label
from ui.widgets.navigation import NavBar
from ui.widgets.placeholder import PlaceholderFit
from ui.widgets.reflow import FlowRow
from ui.widgets.screen import Screen, big_button

if TYPE_CHECKING:
    from kiosk.catalog.search.api import SearchFilters, SearchHit
    from wire.catalogue import Level

# Quiet time after a keystroke before searching: fast typists do not search per letter.
DEBOUNCE_MS = 90
RESULT_LIMIT = 30
MAX_QUERY_CHARS = 80
# The body's margins and spacing (the search row, the status line, the results);
# while typing with little room, less above the search box.
BODY_MARGINS = (40, 24, 40, 8)
COMPACT_TOP_PX = 8
BODY_SPACING_PX = 14
# Room the results keep under the search box while typing: two rows (two lines each)
# whole once words are typed, so a citizen sees there is a choice (the bottom bar steps
# aside for them); before that one row's room, and the bottom bar stays. A row is at
# least this tall; it grows with the text size (141 px at 150 %).
RESULT_ROW_PX = 120
RESULT_ROWS_WHILE_TYPING = 2
# The level toggles offered, in this order: commune counters first.
LEVEL_TOGGLES: tuple[Level, ...] = ("xa", "tinh")


class Status(enum.Enum):
    LOADING = "loading"
    UNAVAILABLE = "unavailable"
    POPULAR = "popular"
    PROMPT = "prompt"
    FOUND = "found"
    NOTHING = "nothing"


#: What the line over the results says even while the keyboard leaves little room.
TOLD_WHILE_TYPING = frozenset({Status.LOADING, Status.UNAVAILABLE, Status.NOTHING})


class SearchScreen(Screen):
    def __init__(self, flow: LookupFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._status = Status.LOADING
        self._height = 0
        self._stale = True
        # The query the results on screen are for (``None``: none searched yet).
        self.searched_query: str | None = None
        self.title = Label(self)
        self.title.setObjectName("ScreenTitle")
        search_row = self._build_search_row()
        filter_row = self._build_filter_row()
        self._filter_widgets = [
            self.filters_label,
            *self.level_toggles.values(),
            self.online_toggle,
        ]
        self.status = Label(self)
        self.status.setObjectName("ResultStatus")
        self.status.setWordWrap(True)
        self.results = ResultList(self)
        self.results.chosen.connect(lambda code: self.flow.open_procedure(code, SEARCH_SCREEN))
        self.no_match = self._build_no_match()
        self.nav = NavBar(self)
        self.nav.back.connect(self.flow.go_home)
        self.nav.home.connect(self.flow.go_home)
        self.browse_button = big_button(self.nav, role="secondary", name="BrowseButton")
        self.browse_button.clicked.connect(lambda: self.flow.show(BROWSE_SCREEN))
        self.nav.add_action(self.browse_button)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        flow.index_ready.connect(self._index_ready)
        flow.index_failed.connect(self._index_failed)

        self._body = body = QVBoxLayout()
        body.setContentsMargins(*BODY_MARGINS)
        body.setSpacing(BODY_SPACING_PX)
        body.addWidget(self.title)
        body.addLayout(search_row)
        body.addLayout(filter_row)
        body.addWidget(self.status)
        body.addWidget(self.no_match)
        body.addWidget(self.results, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(body, 1)
        layout.addWidget(self.nav)
        self.retranslate()

    def _build_search_row(self) -> QHBoxLayout:
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("SearchField")
        self.search_field.setMaxLength(MAX_QUERY_CHARS)
        self.search_field.textChanged.connect(self._query_changed)
        self.search_field.returnPressed.connect(self._typing_done)
        # The example when it fits whole; on a narrow panel or at large text, the request.
        self._placeholder = PlaceholderFit(
            self.search_field,
            lambda: (
                QCoreApplication.translate("Lookup", "Gõ tên thủ tục, ví dụ: khai sinh, kết hôn"),
                QCoreApplication.translate("Lookup", "Gõ tên thủ tục"),
            ),
        )
        self.clear_button = big_button(self, role="secondary", name="ClearButton")
        # Acts on press and never takes the focus: a focus change would put the keyboard
        # away, the page would grow, and the button would slide from under the finger
        # before the release (a click would never happen).
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.pressed.connect(self._clear_query)
        search_row = QHBoxLayout()
        search_row.setSpacing(16)
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.clear_button)
        return search_row

    def _build_no_match(self) -> QWidget:
        """Under "Không tìm thấy thủ tục phù hợp": what to do next, and the way to the
        fields. Shown instead of weak matches, never beside them."""
        panel = QWidget(self)
        panel.setObjectName("NoMatch")
        self.no_match_hint = Label(panel)
        self.no_match_hint.setObjectName("Body")
        self.no_match_hint.setWordWrap(True)
        self.no_match_browse = big_button(panel, role="secondary", name="NoMatchBrowseButton")
        # No focus, like "Xóa": the keyboard stays put until the browse page is shown.
        self.no_match_browse.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.no_match_browse.clicked.connect(lambda: self.flow.show(BROWSE_SCREEN))
        row = QHBoxLayout(panel)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(20)
        row.addWidget(self.no_match_hint, 1)
        row.addWidget(self.no_match_browse, 0, Qt.AlignmentFlag.AlignVCenter)
        panel.hide()
        return panel

    def _build_filter_row(self) -> FlowRow:
        """The filters on one line where they fit; what does not fit goes to a line
        below (a portrait panel, English at the largest text), never cut."""
        self.level_toggles: dict[Level, QPushButton] = {}
        filter_row = FlowRow(spacing=14)
        self.filters_label = Label(self)
        self.filters_label.setObjectName("Muted")
        filter_row.add(self.filters_label)
        for level in LEVEL_TOGGLES:
            toggle = self._toggle(f"Filter-{level}")
            self.level_toggles[level] = toggle
            filter_row.add(toggle)
        self.online_toggle = self._toggle("Filter-online")
        filter_row.add(self.online_toggle)
        return filter_row

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().height())

    def _fit(self, height: int) -> None:
        """When the docked keyboard leaves little room, drop the title, the filters and
        the line over the results (the citizen is typing; a message that matters, such
        as "Không tìm thấy thủ tục phù hợp.", stays); they come back when it closes. The
        bottom bar ("Tra cứu theo lĩnh vực", "Về trang chủ") stays while the box is
        empty and while two results show whole under it; where they would not
        (1366×768) it steps aside once words are typed, until the keyboard's "Xong",
        "Ẩn bàn phím" or an empty box brings it back."""
        self._height = height
        search = max(self.search_field.sizeHint().height(), self.clear_button.sizeHint().height())
        rows = (self.title, self.status, self.online_toggle)
        row = self._row_height()
        left_margin, top, right_margin, bottom = BODY_MARGINS
        full = sum(w.sizeHint().height() for w in rows) + search + self.nav.needed_height()
        # The full layout also needs its margins, its spacing and one whole result row;
        # below that, while the docked keyboard is up, the title and filters step
        # aside. With the keyboard down they always show: the results scroll.
        typing = self.window().property("keyboard") == "up"
        compact = typing and height < full + top + bottom + 4 * BODY_SPACING_PX + row
        self.title.setVisible(not compact)
        for widget in self._filter_widgets:
            widget.setVisible(not compact)
        status = not compact or self._status in TOLD_WHILE_TYPING
        self.status.setVisible(status)
        top = COMPACT_TOP_PX if compact else top
        self._body.setContentsMargins(left_margin, top, right_margin, bottom)
        chrome = top + bottom + BODY_SPACING_PX + search
        if status:
            chrome += BODY_SPACING_PX + self.status.sizeHint().height()
        left = height - chrome - self.nav.needed_height()
        wanted = RESULT_ROWS_WHILE_TYPING if self.search_field.text().strip() else 1
        self.nav.setVisible(not compact or left >= wanted * row)

    def _row_height(self) -> int:
        """A result row's height as laid out now: rows grow with the text size and the
        font, so a fixed guess let the first result be cut above the keyboard."""
        rows = self.results.visible_rows()
        return max(RESULT_ROW_PX, rows[0].height() if rows else 0)

    @override
    def event(self, event: QEvent) -> bool:
        # A part's height changed (the bottom bar restyled for the keyboard, a font):
        # what fits above the keyboard may have changed with it.
        if event.type() == QEvent.Type.LayoutRequest and self._height:
            self._fit(self._height)
        return super().event(event)

    def _toggle(self, name: str) -> QPushButton:
        toggle = big_button(self, role="secondary", name=name)
        toggle.setProperty("filter", "true")
        toggle.setCheckable(True)
        toggle.toggled.connect(lambda _: self.search_now())
        return toggle

    # -- searching ---------------------------------------------------------------

    def filters(self) -> SearchFilters:
        # Imported here: the catalogue package pulls in the database layer, which the
        # start-up path must not load before the first paint.
        from kiosk.catalog.search.api import SearchFilters

        levels = tuple(level for level, t in self.level_toggles.items() if t.isChecked())
        return SearchFilters(levels=levels, online_only=self.online_toggle.isChecked())

    def _query_changed(self, text: str) -> None:
        self.flow.remember_query(text)
        self._debounce.start()
        if self._height:
            self._fit(self._height)

    def _typing_done(self) -> None:
        """Enter: search now and put the keyboard away, so results and filters show."""
        self.search_now()
        self.flow.hide_keyboard()

    def _clear_query(self) -> None:
        """Empty the field and stay in it, keyboard up, ready for the next words."""
        self.search_field.setText("")
        self.search_field.setFocus()
        self.search_now()

    def search_now(self) -> None:
        """Search for what is typed, with the chosen filters (the index must be ready)."""
        self._debounce.stop()
        if not self.flow.index_is_ready:
            self._show([], Status.LOADING)
            return
        query = self.search_field.text().strip()
        if query and not any(char.isalnum() for char in query):
            # Only symbols or emoji: nothing a procedure name could match. Without this
            # the index, which ignores them, would answer as for an empty query.
            self.searched_query = query
            self._stale = False
            self._show([], Status.NOTHING)
            return
        try:
            hits = self.flow.catalogue().search(query, self.filters(), RESULT_LIMIT)
        except KioskError:
            self._show([], Status.UNAVAILABLE)
            return
        self._stale = False
        self.searched_query = query
        if query:
            self._show(hits, Status.FOUND if hits else Status.NOTHING)
        else:
            self._show(hits, Status.POPULAR if hits else Status.PROMPT)

    @property
    def status_kind(self) -> Status:
        return self._status

    def _show(self, hits: list[SearchHit], status: Status) -> None:
        self._status = status
        self.results.set_hits(hits, self.flow.field_name)
        self._retranslate_status()
        if self._height:
            self._fit(self._height)

    def _index_ready(self) -> None:
        if self._stale or self._status == Status.LOADING:
            self.search_now()

    def _index_failed(self, _: KioskError) -> None:
        self._show([], Status.UNAVAILABLE)

    # -- screen ------------------------------------------------------------------

    def entered(self) -> None:
        if not self.flow.index_is_ready:
            self._show([], Status.LOADING)
            self.flow.warm_up()
        elif self._stale:
            self.search_now()
        if not self.search_field.text():
            self.search_field.setFocus()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("Lookup", "Tra cứu thủ tục"))
        self._placeholder.refit()
        self.search_field.setAccessibleName(
            QCoreApplication.translate("Lookup", "Tên thủ tục cần tìm")
        )
        self.clear_button.setText(QCoreApplication.translate("Lookup", "Xóa"))
        self.filters_label.setText(QCoreApplication.translate("Lookup", "Lọc:"))
        for level, toggle in self.level_toggles.items():
            toggle.setText(translate(LEVELS[level]))
        self.online_toggle.setText(QCoreApplication.translate("Lookup", "Có thể nộp trực tuyến"))
        self.browse_button.setText(QCoreApplication.translate("Lookup", "Tra cứu theo lĩnh vực"))
        self.nav.retranslate()
        self.results.retranslate()
        self._retranslate_status()

    def _retranslate_status(self) -> None:
        count = len(self.results.hits)
        texts = {
            Status.LOADING: QCoreApplication.translate("Lookup", "Đang tải danh mục thủ tục…"),
            Status.UNAVAILABLE: QCoreApplication.translate(
                "Lookup",
                "Chưa mở được danh mục thủ tục. Vui lòng hỏi cán bộ tại quầy.",
            ),
            Status.POPULAR: QCoreApplication.translate(
                "Lookup", "Các thủ tục được hỏi nhiều nhất:"
            ),
            Status.PROMPT: QCoreApplication.translate(
                "Lookup", "Gõ vài chữ trong tên thủ tục, không cần gõ dấu. Ví dụ: khai sinh."
            ),
            Status.FOUND: QCoreApplication.translate(
                "Lookup", "Các thủ tục phù hợp ({count}):"
            ).format(count=count),
            Status.NOTHING: QCoreApplication.translate("Lookup", "Không tìm thấy thủ tục phù hợp."),
        }
        self.status.setText(texts[self._status])
        nothing = self._status == Status.NOTHING
        self.no_match.setVisible(nothing)  # the result list is empty then
        filtered = any(t.isChecked() for t in (*self.level_toggles.values(), self.online_toggle))
        self.no_match_hint.setText(
            QCoreApplication.translate(
                "Lookup",
                "Vui lòng thử bỏ bớt bộ lọc, gõ ít chữ hơn, xem thủ tục theo lĩnh vực "
                "hoặc hỏi cán bộ tại quầy.",
            )
            if filtered
            else QCoreApplication.translate(
                "Lookup",
                "Vui lòng thử gõ ít chữ hơn, xem thủ tục theo lĩnh vực hoặc hỏi cán bộ tại quầy.",
            )
        )
        self.no_match_browse.setText(QCoreApplication.translate("Lookup", "Xem theo lĩnh vực"))
        self.status.setProperty("nothing", "true" if nothing else "false")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
