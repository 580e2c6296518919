"""One procedure, in the order a citizen asks about it.

What it is (plain summary), what to bring (a checklist with bản chính / bản sao, each
row ticked by a tap as the citizen finds the paper in their bag),
what it costs and how long it takes per way of submitting, where to submit, whether it
can be done from home (with a QR code to continue on a phone), then the details. The
page scrolls by finger; the actions ("Điền tờ khai", "Lấy số thứ tự") stay in the bar.
"In danh sách giấy tờ" sits in the checklist's own header: it prints what is under it,
and says calmly under the header whether the paper came out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.catalog.wording import DOCUMENT_GROUPS, METHODS
from ui.i18n import translate
from ui.screens.lookup.catalogue import ProcedurePage
from ui.screens.lookup.flow import LookupFlow
from ui.screens.lookup.texts import (
    ONLINE_BADGES,
    ONLINE_SENTENCES,
    fee_text,
    levels_text,
    quantity_text,
    time_text,
)
from ui.screens.lookup.widgets import DocumentCheck
from ui.widgets.label import Label
from ui.widgets.navigation import NavBar, kinetic_scroll_area
from ui.widgets.qr import QrCode
from ui.widgets.screen import Screen, big_button
from wire.i18n import QT_TRANSLATE_NOOP, TrText

if TYPE_CHECKING:
    from kiosk.errors import KioskError
    from wire.catalogue import Document, Procedure

# The QR code's side in multiples of the body text size: grows with the text scale.
QR_SIDE_IN_TEXT = 12

CHECKLIST_PRINTED = QT_TRANSLATE_NOOP(
    "Lookup", "Đã in danh sách giấy tờ, vui lòng nhận ở khe máy in."
)


class _Page(QWidget):
    """The scrolling content for one procedure, built whole (and rebuilt on a language
    change) so no stale section survives from the previous procedure."""

    def __init__(
        self,
        page: ProcedurePage,
        qr_side: int,
        ticked: frozenset[str] = frozenset(),
        on_tick: Callable[[str, bool], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ProcedurePage")
        # The documents' rows by key ("group.document"); ``ticked`` are shown ticked and
        # ``on_tick`` hears each tap (the flow keeps the ticks for the visit).
        self.document_checks: dict[str, DocumentCheck] = {}
        self._ticked = ticked
        self._on_tick = on_tick
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 12, 24)
        self._layout.setSpacing(20)
        p = page.procedure
        # Shown only when there is a list to print; the screen wires and labels them.
        self.print_button = big_button(self, role="secondary", name="ChecklistPrintButton")
        self.print_message = self._label("", "ChecklistMessage")
        self.print_message.hide()
        self.title = self._label(p.name, "ProcedureName", self)
        self._layout.addWidget(self.title)
        meta = " · ".join(part for part in (page.field_name, levels_text(p.levels)) if part)
        self._layout.addWidget(
            self._label(
                QCoreApplication.translate("Lookup", "Mã thủ tục {code} · {meta}").format(
                    code=p.code, meta=meta
                ),
                "Muted",
            )
        )
        if p.summary:
            self._layout.addWidget(self._label(p.summary, "Lead"))
        self._documents(p)
        self._methods(p)
        self._agencies(page)
        self._online(page, qr_side)
        self._details(p)
        self._layout.addStretch(1)

    def _label(self, text: str, name: str, parent: QWidget | None = None) -> QLabel:
        label = Label(text, parent or self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _section(self, title: str, action: QWidget | None = None) -> QVBoxLayout:
        card = QFrame(self)
        card.setObjectName("Section")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(14)
        heading = self._label(title, "SectionTitle", card)
        if action is None:
            inner.addWidget(heading)
        else:
            header = QHBoxLayout()
            header.setSpacing(24)
            header.addWidget(heading, 1)
            header.addWidget(action, 0, Qt.AlignmentFlag.AlignVCenter)
            inner.addLayout(header)
        self._layout.addWidget(card)
        return inner

    def _documents(self, p: Procedure) -> None:
        groups = [g for g in p.document_groups if g.documents]
        inner = self._section(
            QCoreApplication.translate("Lookup", "Giấy tờ cần mang"),
            self.print_button if groups else None,
        )
        self.print_button.setVisible(bool(groups))
        inner.addWidget(self.print_message)
        if not groups:
            inner.addWidget(
                self._label(
                    QCoreApplication.translate(
                        "Lookup",
                        "Danh mục chưa ghi giấy tờ cho thủ tục này. Vui lòng hỏi cán bộ tại quầy.",
                    ),
                    "Body",
                )
            )
        if groups:
            inner.addWidget(
                self._label(
                    QCoreApplication.translate(
                        "Lookup", "Bấm vào giấy tờ đã mang theo để đánh dấu."
                    ),
                    "Muted",
                )
            )
        for group_index, group in enumerate(groups):
            if len(groups) > 1 or group.kind != "nop":
                inner.addWidget(
                    self._label(group.title or translate(DOCUMENT_GROUPS[group.kind]), "GroupTitle")
                )
            for index, document in enumerate(group.documents):
                inner.addWidget(self._document_row(f"{group_index}.{index}", document))

    def _document_row(self, key: str, document: Document) -> DocumentCheck:
        template = (
            QCoreApplication.translate("Lookup", "Mẫu: {template}").format(
                template=document.template
            )
            if document.template
            else ""
        )
        row = DocumentCheck(document.name, template, quantity_text(document), self)
        row.setChecked(key in self._ticked)
        on_tick = self._on_tick
        if on_tick is not None:
            row.toggled.connect(lambda ticked: on_tick(key, ticked))
        self.document_checks[key] = row
        return row

    def _methods(self, p: Procedure) -> None:
        inner = self._section(QCoreApplication.translate("Lookup", "Lệ phí và thời hạn giải quyết"))
        if not p.methods:
            inner.addWidget(
                self._label(
                    QCoreApplication.translate(
                        "Lookup", "Chưa có thông tin, vui lòng hỏi cán bộ tại quầy"
                    ),
                    "Body",
                )
            )
        for method in p.methods:
            inner.addWidget(self._label(translate(METHODS[method.kind]), "MethodName"))
            inner.addWidget(
                self._label(
                    QCoreApplication.translate("Lookup", "Thời hạn giải quyết: {time}").format(
                        time=time_text(method)
                    ),
                    "Body",
                )
            )
            inner.addWidget(
                self._label(
                    QCoreApplication.translate("Lookup", "Lệ phí: {fee}").format(
                        fee=fee_text(method)
                    ),
                    "Body",
                )
            )
            if method.note:
                inner.addWidget(self._label(method.note, "Muted"))

    def _agencies(self, page: ProcedurePage) -> None:
        if not page.agency_names:
            return
        inner = self._section(QCoreApplication.translate("Lookup", "Nơi nộp hồ sơ"))
        for name in page.agency_names:
            inner.addWidget(self._label(f"• {name}", "Body"))

    def _online(self, page: ProcedurePage, qr_side: int) -> None:
        p = page.procedure
        inner = self._section(QCoreApplication.translate("Lookup", "Làm trực tuyến"))
        badge = ONLINE_BADGES.get(p.online)
        if badge is not None:
            label = self._label(translate(badge), "OnlineBadge")
            label.setProperty("online", p.online)
            inner.addWidget(label, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self._label(translate(ONLINE_SENTENCES[p.online]), "Body"))
        self.qr: QrCode | None = None
        if page.portal_url is None:
            return  # the centre's allow-list takes no link for it: no QR code to follow
        row = QHBoxLayout()
        row.setSpacing(28)
        self.qr = QrCode(self, side_px=qr_side)
        self.qr.set_data(page.portal_url)
        self.qr.setAccessibleName(QCoreApplication.translate("Lookup", "Mã QR của trang thủ tục"))
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        caption = QVBoxLayout()
        caption.setSpacing(8)
        caption.addWidget(
            self._label(
                QCoreApplication.translate(
                    "Lookup",
                    "Quét mã QR bằng camera điện thoại để mở thủ tục này trên Cổng Dịch vụ công "
                    "quốc gia và xem lại hoặc nộp hồ sơ ở nhà.",
                ),
                "Body",
            )
        )
        # Only the site's name: a whole link has no spaces to wrap at, and would
        # widen the page past the screen at large text sizes.
        caption.addWidget(self._label(QUrl(page.portal_url).host(), "Url"))
        caption.addStretch(1)
        row.addLayout(caption, 1)
        inner.addLayout(row)

    def _details(self, p: Procedure) -> None:
        if p.applicants:
            self._section(
                QCoreApplication.translate("Lookup", "Ai được làm thủ tục này")
            ).addWidget(self._label(p.applicants, "Body"))
        if p.steps:
            inner = self._section(QCoreApplication.translate("Lookup", "Các bước thực hiện"))
            for number, step in enumerate(p.steps, 1):
                inner.addWidget(self._label(f"{number}. {step}", "Body"))
        if p.conditions:
            self._section(QCoreApplication.translate("Lookup", "Điều kiện")).addWidget(
                self._label(p.conditions, "Body")
            )
        if p.result:
            self._section(QCoreApplication.translate("Lookup", "Kết quả nhận được")).addWidget(
                self._label(p.result, "Body")
            )
        if p.legal_basis:
            inner = self._section(QCoreApplication.translate("Lookup", "Căn cứ pháp lý"))
            for basis in p.legal_basis:
                inner.addWidget(self._label(f"• {basis}", "Muted"))


class ProcedureScreen(Screen):
    def __init__(self, flow: LookupFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.page: ProcedurePage | None = None
        self.content: _Page | None = None
        # The checklist print in flight (its procedure's code), and the last outcome to
        # show under the checklist's header: the message and whether it failed.
        self._printing: str | None = None
        self._print_outcome: tuple[TrText, bool] | None = None
        self.scroll_area = kinetic_scroll_area(self, QWidget(self))
        self.nav = NavBar(self)
        self.nav.back.connect(self.flow.back_from_procedure)
        self.nav.home.connect(self.flow.go_home)
        self.form_button = big_button(self.nav, role="action", name="FormButton")
        self.form_button.clicked.connect(self._fill_form)
        self.ticket_button = big_button(self.nav, role="action", name="TicketButton")
        self.ticket_button.clicked.connect(self._take_ticket)
        self.nav.add_action(self.form_button)
        self.nav.add_action(self.ticket_button)
        flow.page_loaded.connect(self.show_page)
        flow.checklist_printed.connect(self._checklist_printed)
        flow.checklist_failed.connect(self._checklist_failed)
        body = QVBoxLayout()
        body.setContentsMargins(40, 24, 40, 8)
        body.addWidget(self.scroll_area, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(body, 1)
        layout.addWidget(self.nav)
        self.retranslate()

    @property
    def procedure(self) -> Procedure | None:
        return self.page.procedure if self.page is not None else None

    @property
    def print_button(self) -> QPushButton | None:
        """ "In danh sách giấy tờ" on the current page; ``None`` without a page."""
        return self.content.print_button if self.content is not None else None

    @property
    def print_message(self) -> QLabel | None:
        return self.content.print_message if self.content is not None else None

    @property
    def document_checks(self) -> list[DocumentCheck]:
        """The documents checklist's rows, in the page's order."""
        return list(self.content.document_checks.values()) if self.content is not None else []

    @property
    def printing(self) -> bool:
        return self._printing is not None

    def show_page(self, page: ProcedurePage) -> None:
        self.page = page
        self._print_outcome = None
        self._render()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _render(self) -> None:
        if self.page is None:
            self.content = None
            self.scroll_area.setWidget(QWidget(self))  # the old page is deleted with it
        else:
            qr_side = QR_SIDE_IN_TEXT * max(20, self.fontInfo().pixelSize())
            code = self.page.procedure.code
            self.content = _Page(
                self.page,
                qr_side,
                self.flow.ticked_documents(code),
                lambda key, ticked: self.flow.tick_document(code, key, ticked),
            )
            self.content.print_button.clicked.connect(self._print_checklist)
            self.scroll_area.setWidget(self.content)
            self._show_print_state()
        self.form_button.setVisible(self.page is not None and bool(self.page.procedure.form_id))
        self.ticket_button.setVisible(self.page is not None)

    def _show_print_state(self) -> None:
        if self.content is None:
            return
        button, message = self.content.print_button, self.content.print_message
        button.setEnabled(not self.printing)
        button.setText(
            QCoreApplication.translate("Lookup", "Đang in…")
            if self.printing
            else QCoreApplication.translate("Lookup", "In danh sách giấy tờ")
        )
        if self._print_outcome is None:
            message.hide()
            return
        text, failed = self._print_outcome
        message.setText(translate(text))
        message.setProperty("failed", failed)
        message.style().unpolish(message)
        message.style().polish(message)
        message.show()

    def _print_checklist(self) -> None:
        if self.procedure is None or self.printing:
            return
        self._printing = self.procedure.code
        self._print_outcome = None
        self._show_print_state()
        self.flow.print_checklist(self.procedure.code)

    def _checklist_printed(self, code: str) -> None:
        self._print_done(code, (CHECKLIST_PRINTED, False))

    def _checklist_failed(self, code: str, error: KioskError) -> None:
        self._print_done(code, (error.message, True))

    def _print_done(self, code: str, outcome: tuple[TrText, bool]) -> None:
        if self._printing != code:
            return  # the page was reset meanwhile
        self._printing = None
        # Said only on the page it was printed from.
        self._print_outcome = outcome if self.procedure and self.procedure.code == code else None
        self._show_print_state()

    def _fill_form(self) -> None:
        if self.procedure is not None:
            self.flow.fill_form(self.procedure)

    def _take_ticket(self) -> None:
        if self.procedure is not None:
            self.flow.take_ticket(self.procedure)

    def retranslate(self) -> None:
        self.form_button.setText(QCoreApplication.translate("Lookup", "Điền tờ khai"))
        self.ticket_button.setText(QCoreApplication.translate("Lookup", "Lấy số thứ tự"))
        self.nav.retranslate()
        if self.page is not None:
            position = self.scroll_area.verticalScrollBar().value()
            self._render()
            self.scroll_area.verticalScrollBar().setValue(position)
