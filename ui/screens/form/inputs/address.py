"""An address as the 2025 two-level map has it: số nhà/thôn, xã/phường, tỉnh/thành phố.

The house part is typed; the tỉnh/thành phố (34, ``kiosk.places.find_provinces``) and
then the xã/phường (``kiosk.places.find_wards``), both searched with accents optional,
are picked from lists, so the names are always the official ones and the codes travel
with them.

Where the form offers it (``same_as``), one tap on "Giống địa chỉ của người đi khai"
makes the answer the address given on an earlier page: the three inputs step aside
for the address itself, in words, so the citizen sees what was filled in. The copy
follows its source while the two stay the same (``kiosk.forms.draft.carry_copies``;
the page shows the latest when it is shown again); a second tap gives the inputs back,
holding the copy, to change what differs. The answer is always the address itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from typing_extensions import override

from kiosk.forms.format import format_answer
from kiosk.places import find_provinces, find_wards
from ui.i18n import translate
from ui.screens.form.inputs.base import FieldEnv, FieldInput, Scope, plain_label
from ui.screens.form.inputs.picker import Row, SearchPicker
from ui.screens.form.texts import CHOOSE_PROVINCE, CHOOSE_WARD, WRITE_DETAIL, say
from ui.widgets.label import button_text
from ui.widgets.screen import big_button
from wire import places
from wire.forms import FieldDefinition
from wire.i18n import QT_TRANSLATE_NOOP, TrText

MAX_DETAIL_CHARS = 200
WARDS_LISTED = 60

# Under "Giống địa chỉ của …" once tapped: the address copied, in words.
SAME_ADDRESS_FILLED = QT_TRANSLATE_NOOP(
    "Form", "Đã điền địa chỉ: {address}. Nếu địa chỉ khác, bấm lại nút trên để sửa."
)


def province_rows(query: str) -> list[Row]:
    return [(province.code, province.name) for province in find_provinces(query)]


def ward_rows(province_code: str | None, query: str) -> Sequence[Row]:
    if not province_code:
        return []
    found = (
        find_wards(province_code, query, limit=WARDS_LISTED)
        if query.strip()
        else places.wards(province_code)
    )
    return [(ward.code, ward.name) for ward in found]


class AddressInput(FieldInput):
    def __init__(
        self, field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, env, scope, parent)
        # "Giống địa chỉ của …" and the address it filled in, where the form offers it.
        self.same_button: QPushButton | None = None
        self.same_text: QLabel | None = None
        self._linked = False
        if field.same_as is not None:
            self.same_button = big_button(self, role="secondary", name="SameAddressButton")
            self.same_button.setCheckable(True)
            self.same_button.clicked.connect(self._same_tapped)
            self.same_text = plain_label(self, "CardNotice")
            self.same_text.hide()
            self.body.addWidget(self.same_button)
            self.body.addWidget(self.same_text)
        self.detail_label = plain_label(self, "SubLabel")
        self.detail = QLineEdit(self)
        self.detail.setObjectName("FieldEdit")
        self.detail.setMaxLength(MAX_DETAIL_CHARS)
        self.detail.textChanged.connect(lambda _: self._edited())
        self.detail.editingFinished.connect(self.left)
        self.detail.returnPressed.connect(lambda: self.detail.focusNextPrevChild(True))
        self.province_label = plain_label(self, "SubLabel")
        self.province = SearchPicker(self, province_rows)
        self.province.chosen.connect(self._province_chosen)
        self.ward_label = plain_label(self, "SubLabel")
        self.ward = SearchPicker(self, lambda q: ward_rows(self.province.code, q))
        self.ward.chosen.connect(lambda _: self._ward_chosen())
        # What the citizen fills in by hand: stepped aside while the address is a copy.
        self._typed_parts: tuple[QWidget, ...] = (
            self.detail_label,
            self.detail,
            self.province_label,
            self.province,
            self.ward_label,
            self.ward,
        )
        for widget in self._typed_parts:
            self.body.addWidget(widget)
        self._enable_ward()
        self._show_same()

    def _province_chosen(self, _code: str) -> None:
        self.ward.show_choice(None, "")
        self._enable_ward()
        self._edited()
        self.ward.open_list()  # the next thing to choose

    def _ward_chosen(self) -> None:
        self._edited()
        self.left.emit()

    def _enable_ward(self) -> None:
        self.ward.setEnabled(self.province.code is not None)
        self.ward.set_placeholder(
            QCoreApplication.translate(
                "Form", "Chọn tỉnh/thành phố trước, rồi chọn xã/phường/đặc khu"
            )
            if self.province.code is None
            else QCoreApplication.translate("Form", "Bấm để chọn xã/phường/đặc khu")
        )

    def _ward(self) -> places.Ward | None:
        return places.ward(self.ward.code) if self.ward.code else None

    # -- "Giống địa chỉ của …" ----------------------------------------------------

    def source_value(self) -> dict[str, Any] | None:
        """The address this one may copy (``same_as``), if the citizen gave it."""
        same_as = self.field.same_as
        source = self.scope().get(same_as.field) if same_as is not None else None
        return dict(source) if isinstance(source, Mapping) and source else None

    @property
    def linked(self) -> bool:
        """Whether the answer is the copied address (the inputs stepped aside)."""
        return self._linked

    def _same_tapped(self, checked: bool) -> None:
        source = self.source_value()
        if checked and source is not None:
            self.set_value(source)  # the inputs hold the copy too, for a later change
        else:
            self._linked = False
            self._show_same()
        self._edited()
        self.left.emit()

    def refresh_copy(self) -> None:
        """Show the answer as it stands now: the address copied may have changed (or
        gone) on its own page since this one was last shown."""
        stored = self.scope().get(self.field.id)
        if self._linked or stored != self.value():
            self.set_value(stored)
        else:
            self._show_same()

    def _show_same(self) -> None:
        """The button while there is an address to copy; the copy, or the inputs."""
        if self.same_button is None or self.same_text is None:
            return
        source = self.source_value()
        self._linked = self._linked and source is not None
        self.same_button.setVisible(source is not None)
        self.same_button.setChecked(self._linked)
        self.same_text.setVisible(self._linked)
        filled = SAME_ADDRESS_FILLED.with_params(address=format_answer(self.field, source))
        self.same_text.setText(translate(filled) if self._linked else "")
        for widget in self._typed_parts:
            widget.setVisible(not self._linked)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.field.same_as is not None:
            self.refresh_copy()

    # -- the value -----------------------------------------------------------------

    def value(self) -> Any:
        if self._linked:
            return self.source_value()
        ward, detail = self._ward(), self.detail.text().strip()
        if ward is None or not detail:
            return None
        return places.address_value(detail, ward)

    def typing_problem(self) -> TrText | None:
        if self._linked:
            return None
        detail = self.detail.text().strip()
        if self.province.code is None:
            return CHOOSE_PROVINCE if detail else None
        if self.ward.code is None:
            return CHOOSE_WARD
        return None if detail else WRITE_DETAIL

    def _show_value(self, value: Any) -> None:
        source = self.source_value()
        self._linked = source is not None and isinstance(value, Mapping) and dict(value) == source
        address = value if isinstance(value, dict) else {}
        self.detail.setText(str(address.get("detail", "")))
        self.province.close_list()
        self.ward.close_list()
        province_code = address.get("province_code")
        self.province.show_choice(province_code, str(address.get("province", "")))
        ward_code = address.get("ward_code")
        self.ward.show_choice(ward_code, str(address.get("ward", "")))
        self._enable_ward()
        self._show_same()

    def focus_input(self) -> None:
        if self._linked and self.same_button is not None:
            self.same_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        super().wipe()
        self.province.wipe()
        self.ward.wipe()
        self._enable_ward()

    def retranslate(self) -> None:
        super().retranslate()
        same_as = self.field.same_as
        if same_as is not None and self.same_button is not None:
            self.same_button.setText(button_text(say(same_as.label, self.env.language())))
            self._show_same()
        self.detail_label.setText(
            QCoreApplication.translate("Form", "Số nhà, tên đường; hoặc thôn, tổ dân phố")
        )
        self.province_label.setText(QCoreApplication.translate("Form", "Tỉnh/thành phố"))
        self.ward_label.setText(QCoreApplication.translate("Form", "Xã/phường/đặc khu"))
        self.province.set_placeholder(
            QCoreApplication.translate("Form", "Bấm để chọn tỉnh/thành phố")
        )
        self._enable_ward()
        self.province.retranslate()
        self.ward.retranslate()
