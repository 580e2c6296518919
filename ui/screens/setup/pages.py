"""The setup journey's pages: the setup code, one page per step, the list of steps.

Plain words for IT, in Vietnamese with English through Qt's translation; touch-sized
fields and buttons like the rest of the kiosk. A refused answer is shown under its
page's fields with what to do, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.setup import STEPS, TITLES, Step
from ui.i18n import translate
from ui.ops import Pool
from ui.screens.setup.flow import SetupFlow, step_screen
from ui.widgets.button_row import ButtonRow
from ui.widgets.label import Label
from ui.widgets.navigation import kinetic_scroll_area
from ui.widgets.screen import Screen, big_button

if TYPE_CHECKING:
    from kiosk.printing.probe import ProbeResult
    from kiosk.setup.service import PrinterChoice


def _tr(text: str) -> str:
    return QCoreApplication.translate("Setup", text)


def _field(parent: QWidget, *, secret: bool = False, latin: bool = True) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName("StaffField")
    field.setMinimumHeight(64)
    if latin:
        field.setProperty("telex", False)
        field.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _Page(Screen):
    """Title, hint, fields and a message line in a body that scrolls, the buttons at the
    foot: with the docked keyboard up on a 768 px panel at the largest text the body
    is taller than the room left, and the keyboard scrolls the field typed into into
    view (``ui.keyboard``) rather than squeezing every line."""

    def __init__(self, flow: SetupFlow) -> None:
        super().__init__()
        self.flow = flow
        body = QWidget(self)
        self.title = Label(body)
        self.title.setObjectName("ScreenTitle")
        self.hint = Label(body)
        self.hint.setObjectName("Body")
        self.hint.setWordWrap(True)
        self.message = Label(body)
        self.message.setObjectName("Body")
        self.message.setWordWrap(True)
        self.column = QVBoxLayout()
        self.column.setSpacing(12)
        # Side by side while they fit, else two by two: never a word cut.
        self.buttons = ButtonRow(self, spacing=16)
        content = QVBoxLayout(body)
        content.setContentsMargins(64, 40, 64, 20)
        content.setSpacing(20)
        content.addWidget(self.title)
        content.addWidget(self.hint)
        content.addLayout(self.column)
        content.addWidget(self.message)
        content.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(kinetic_scroll_area(self, body), 1)
        foot = QVBoxLayout()
        foot.setContentsMargins(64, 12, 64, 24)
        foot.addWidget(self.buttons)
        layout.addLayout(foot)

    def caption(self) -> Label:
        label = Label(self)
        label.setObjectName("FieldCaption")
        self.column.addWidget(label)
        return label

    def button(self, name: str, *, role: str | None = None) -> QPushButton:
        return self.buttons.add(big_button(self, role=role, name=name))

    def refused(self, error: KioskError) -> None:
        self.message.setText(translate(error.message))


class CodePage(_Page):
    """``setup``: the setup code IT was given with the installation."""

    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(flow)
        self.code_caption = self.caption()
        self.code_field = _field(self, secret=True)
        self.column.addWidget(self.code_field)
        self.code_field.returnPressed.connect(self.submit)
        self.home_button = self.button("HomeButton", role="home")
        self.home_button.clicked.connect(flow.host.end_visit)
        self.open_button = self.button("OpenSetupButton")
        self.open_button.clicked.connect(self.submit)
        self.retranslate()

    def entered(self) -> None:
        self.code_field.setFocus()

    def submit(self) -> None:
        try:
            self.flow.open_with(self.code_field.text())
        except KioskError as error:
            self.code_field.clear()
            self.refused(error)

    def retranslate(self) -> None:
        self.title.setText(_tr("Thiết lập kiosk"))
        self.hint.setText(
            _tr("Dành cho bộ phận CNTT. Vui lòng nhập mã thiết lập được cấp khi cài đặt kiosk.")
        )
        self.code_caption.setText(_tr("Mã thiết lập"))
        self.home_button.setText(_tr("Về trang chủ"))
        self.open_button.setText(_tr("Mở thiết lập"))


class MenuPage(_Page):
    """``setup.menu``: every step, each can be redone; "Xong" goes home."""

    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(flow)
        self.step_buttons: dict[Step, QPushButton] = {}
        for step in STEPS:
            button = big_button(self, role="secondary", name=f"Redo-{step.value}")
            button.clicked.connect(lambda _=False, s=step: flow.redo(s))
            self.column.addWidget(button)
            self.step_buttons[step] = button
        self.done_button = self.button("SetupDoneButton")
        self.done_button.clicked.connect(flow.host.end_visit)
        self.retranslate()

    def entered(self) -> None:
        if not self.flow.opened:  # never past the code
            self.flow.host.show_screen("setup")

    def retranslate(self) -> None:
        self.title.setText(_tr("Thiết lập kiosk"))
        self.hint.setText(
            _tr(
                "Chọn bước cần làm lại. Tên trung tâm, số kiosk và máy in có hiệu lực "
                "sau khi kiosk khởi động lại."
            )
        )
        for step, button in self.step_buttons.items():
            button.setText(translate(TITLES[step]))
        self.done_button.setText(_tr("Xong"))


@dataclass(frozen=True, slots=True)
class _FieldSpec:
    key: str
    caption: str
    secret: bool = False
    latin: bool = True


class StepPage(_Page):
    """``setup.<step>``: one step's fields; "Lưu" checks and stores, then the next step."""

    def __init__(self, flow: SetupFlow, step: Step, fields: tuple[_FieldSpec, ...]) -> None:
        super().__init__(flow)
        self.step = step
        self._specs = fields
        self.captions: dict[str, Label] = {}
        self.fields: dict[str, QLineEdit] = {}
        for spec in fields:
            self.captions[spec.key] = self.caption()
            field = _field(self, secret=spec.secret, latin=spec.latin)
            self.column.addWidget(field)
            self.fields[spec.key] = field
        self.extra = ButtonRow(self, spacing=16, align=Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(self.extra)
        self.save_button = self.button("SaveStepButton")
        self.save_button.clicked.connect(self.submit)
        self.busy = False

    def extra_button(self, name: str) -> QPushButton:
        return self.extra.add(big_button(self, role="secondary", name=name))

    def entered(self) -> None:
        if not self.flow.opened:  # never past the code
            self.flow.host.show_screen("setup")
            return
        self.message.clear()
        self.prefill()
        if self._specs:
            self.fields[self._specs[0].key].setFocus()

    def prefill(self) -> None:
        """Put the answer in force in the fields (none for secrets)."""

    def value(self, key: str) -> str:
        return self.fields[key].text().strip()

    def submit(self) -> None:
        raise NotImplementedError

    def perform(
        self,
        work: Callable[..., object],
        *,
        pool: Pool = Pool.DATABASE,
        then: Callable[[], None] | None = None,
    ) -> None:
        if self.busy:
            return
        self.busy = True
        self.message.setText(_tr("Đang thực hiện…"))

        def done(_: object) -> None:
            self.busy = False
            self.message.clear()
            if then is not None:
                then()
            self.flow.next_step()

        def failed(error: KioskError) -> None:
            self.busy = False
            self.refused(error)

        self.flow.call(work, done, failed, pool=pool)

    def retranslate(self) -> None:
        self.title.setText(translate(TITLES[self.step]))
        for spec in self._specs:
            self.captions[spec.key].setText(_tr(spec.caption))
        self.save_button.setText(_tr("Lưu và tiếp tục"))
        self.retranslate_step()

    def retranslate_step(self) -> None:
        self.hint.setText("")


class CentrePage(StepPage):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(flow, Step.CENTRE, (_FieldSpec("name", "Tên trung tâm", latin=False),))
        self.retranslate()

    def prefill(self) -> None:
        self.fields["name"].setText(self.flow.setup.settings().centre_name)

    def submit(self) -> None:
        name = self.value("name")
        self.perform(lambda setup: setup.set_centre(name))

    def retranslate_step(self) -> None:
        self.hint.setText(_tr("Tên in trên trang chủ và trên phiếu số thứ tự."))


class KioskNumberPage(StepPage):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(flow, Step.KIOSK_NUMBER, (_FieldSpec("number", "Số kiosk (1-9)"),))
        self.retranslate()

    def prefill(self) -> None:
        self.fields["number"].setText(str(self.flow.setup.settings().kiosk_number))

    def submit(self) -> None:
        number = self.value("number")
        self.perform(lambda setup: setup.set_kiosk_number(number))

    def retranslate_step(self) -> None:
        self.hint.setText(
            _tr("Mỗi kiosk của trung tâm một số khác nhau; máy chủ kiểm tra khi đăng ký.")
        )


class ServerPage(StepPage):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            Step.SERVER,
            (_FieldSpec("url", "Địa chỉ máy chủ"), _FieldSpec("code", "Mã đăng ký một lần")),
        )
        self.offline_button = self.extra_button("NoServerButton")
        self.offline_button.clicked.connect(
            lambda: self.perform(lambda setup: setup.without_server())
        )
        self.retranslate()

    def prefill(self) -> None:
        self.fields["url"].setText(self.flow.setup.settings().server_url or "")
        self.fields["code"].clear()

    def submit(self) -> None:
        url, code = self.value("url"), self.value("code")
        self.perform(lambda setup: setup.enrol(url, code), pool=Pool.IO, then=self.flow.enrolled)

    def retranslate_step(self) -> None:
        self.hint.setText(
            _tr("Mã đăng ký do quản trị máy chủ của trung tâm tạo; mỗi mã dùng được một lần.")
        )
        self.offline_button.setText(_tr("Chạy không có máy chủ"))


class PrinterPage(StepPage):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(flow, Step.PRINTER, (_FieldSpec("uri", "Địa chỉ máy in phiếu (URI)"),))
        self.paper_mm = 80
        #: Stored, its notes shown: the save button now goes on to the next step.
        self.saved = False
        self.width_buttons: dict[int, QPushButton] = {}
        for width in (58, 80):
            button = self.extra_button(f"Paper{width}Button")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, w=width: self.choose_width(w))
            self.width_buttons[width] = button
        self.probe_button = self.extra_button("ProbePrinterButton")
        self.probe_button.clicked.connect(self.probe)
        self.test_button = self.extra_button("TestSlipButton")
        self.test_button.clicked.connect(self.print_test)
        self.retranslate()

    def prefill(self) -> None:
        from kiosk.setup.printers import paper_width, usb_printers

        self.saved = False

        current = self.flow.setup.settings().printer
        found = usb_printers()
        self.fields["uri"].setText(found[0].uri if found and current == "file:" else current)
        try:
            self.choose_width(paper_width(current))
        except KioskError:
            self.choose_width(80)
        self.retranslate()

    def choose_width(self, width: int) -> None:
        self.paper_mm = width
        for value, button in self.width_buttons.items():
            button.setChecked(value == width)

    def submit(self) -> None:
        """Probe and store; the page then says what the probe found (``status=off`` for
        a printer that never answers) and the same button goes on."""
        if self.saved:
            self.saved = False
            self.flow.next_step()
            return
        uri, width = self.value("uri"), self.paper_mm
        self.message.setText(_tr("Đang kiểm tra máy in…"))

        def done(choice: PrinterChoice) -> None:
            self.saved = True
            self.message.setText("\n".join(translate(note) for note in choice.notes))
            self.retranslate()

        self.flow.call(
            lambda setup: setup.set_printer(uri, width), done, self.refused, pool=Pool.IO
        )

    def probe(self) -> None:
        uri = self.value("uri")

        def done(result: ProbeResult) -> None:
            notes = [result.message, *([result.fault] if result.fault else [])]
            self.message.setText("\n".join(translate(note) for note in notes))

        self.flow.call(lambda setup: setup.probe_printer(uri), done, self.refused, pool=Pool.IO)

    def print_test(self) -> None:
        from kiosk.setup.printers import with_paper_width

        uri, width = self.value("uri"), self.paper_mm
        self.message.setText(_tr("Đang in thử…"))

        def done(_: object) -> None:
            self.message.setText(_tr("Đã in phiếu thử. Vui lòng kiểm tra chữ có dấu trên phiếu."))

        self.flow.call(
            lambda setup: setup.print_test_slip(with_paper_width(uri, width)),
            done,
            self.refused,
            pool=Pool.IO,
        )

    def retranslate_step(self) -> None:
        self.hint.setText(
            _tr(
                "Ví dụ: usb://04b8:0e15, tcp://192.168.1.50 hoặc serial:/dev/ttyS0. "
                "Chọn khổ giấy, in thử, rồi lưu."
            )
        )
        for width, button in self.width_buttons.items():
            button.setText(_tr("Khổ {width} mm").format(width=width))
        if self.saved:
            self.save_button.setText(_tr("Tiếp tục"))
        self.probe_button.setText(_tr("Kiểm tra kết nối"))
        self.test_button.setText(_tr("In thử"))


class OfficePrinterPage(StepPage):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow, Step.OFFICE_PRINTER, (_FieldSpec("queue", "Tên hàng đợi máy in A4"),)
        )
        self.retranslate()

    def prefill(self) -> None:
        self.fields["queue"].setText(self.flow.setup.settings().office_printer or "")

    def submit(self) -> None:
        queue = self.value("queue")
        self.perform(lambda setup: setup.set_office_printer(queue))

    def retranslate_step(self) -> None:
        self.hint.setText(_tr("Để trống nếu kiosk không in tờ khai khổ A4."))


class FirstStaffPage(StepPage):
    def __init__(self, flow: SetupFlow) -> None:
        super().__init__(
            flow,
            Step.STAFF,
            (
                _FieldSpec("name", "Tên cán bộ", latin=False),
                _FieldSpec("pin", "Mã PIN (6-12 chữ số)", secret=True),
            ),
        )
        self.retranslate()

    def prefill(self) -> None:
        self.fields["pin"].clear()

    def submit(self) -> None:
        name, pin = self.value("name"), self.fields["pin"].text()
        self.fields["pin"].clear()
        self.perform(lambda setup: setup.set_first_staff(name, pin))

    def retranslate_step(self) -> None:
        self.hint.setText(_tr("Cán bộ dùng mã PIN này để mở chế độ cán bộ."))


def step_pages(flow: SetupFlow) -> dict[str, Screen]:
    pages: tuple[StepPage, ...] = (
        CentrePage(flow),
        KioskNumberPage(flow),
        ServerPage(flow),
        PrinterPage(flow),
        OfficePrinterPage(flow),
        FirstStaffPage(flow),
    )
    return {step_screen(page.step): page for page in pages}
