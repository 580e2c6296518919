"""An address as the 2025 two-level map has it: số nhà/thôn, xã/phường, tỉnh/thành phố.

The house part is typed; the tỉnh/thành phố (34, ``kiosk.places.find_provinces``) and
then the xã/phường (``kiosk.places.find_wards``), both searched with accents optional,
are picked from lists, so the names are always the official ones and the codes travel
with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.places import find_provinces, find_wards
from ui.screens.form.inputs.base import FieldEnv, FieldInput, Scope, plain_label
from ui.screens.form.inputs.picker import Row, SearchPicker
from ui.screens.form.texts import CHOOSE_PROVINCE, CHOOSE_WARD, WRITE_DETAIL
from wire import places
from wire.forms import FieldDefinition
from wire.i18n import TrText

MAX_DETAIL_CHARS = 200
WARDS_LISTED = 60


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
        for widget in (
            self.detail_label,
            self.detail,
            self.province_label,
            self.province,
            self.ward_label,
            self.ward,
        ):
            self.body.addWidget(widget)
        self._enable_ward()

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

    def value(self) -> Any:
        ward, detail = self._ward(), self.detail.text().strip()
        if ward is None or not detail:
            return None
        return places.address_value(detail, ward)

    def typing_problem(self) -> TrText | None:
        detail = self.detail.text().strip()
        if self.province.code is None:
            return CHOOSE_PROVINCE if detail else None
        if self.ward.code is None:
            return CHOOSE_WARD
        return None if detail else WRITE_DETAIL

    def _show_value(self, value: Any) -> None:
        address = value if isinstance(value, dict) else {}
        self.detail.setText(str(address.get("detail", "")))
        self.province.close_list()
        self.ward.close_list()
        province_code = address.get("province_code")
        self.province.show_choice(province_code, str(address.get("province", "")))
        ward_code = address.get("ward_code")
        self.ward.show_choice(ward_code, str(address.get("ward", "")))
        self._enable_ward()

    def focus_input(self) -> None:
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        super().wipe()
        self.province.wipe()
        self.ward.wipe()
        self._enable_ward()

    def retranslate(self) -> None:
        super().retranslate()
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
