"""A small tờ khai built in code, with every layout block the PDF writer knows.

Importable by child processes too (``tests.core.declarations.sample_form``), so the
durability test submits the same form as the rest.
"""

from __future__ import annotations

from typing import Any

from wire.forms import (
    Condition,
    FieldDefinition,
    FormDefinition,
    Heading,
    Line,
    NationalHeader,
    Option,
    Repeat,
    Section,
    Signatures,
    Spacer,
    Wording,
)

#: The bundled catalogue's birth registration, whose checklist starts with its tờ khai.
PROCEDURE_CODE = "1.001193"
APPLICANT = "Nguyễn Thị Ánh"
CHILD = "Trần Minh Khôi"


def _w(vi: str, en: str) -> Wording:
    return Wording(vi=vi, en=en)


def sample_form(version: int = 1) -> FormDefinition:
    child = Section(
        id="child",
        title=_w("Thông tin của trẻ", "The child"),
        fields=(
            FieldDefinition(
                id="child_name", kind="person_name", label=_w("Họ tên", "Name"), required=True
            ),
            FieldDefinition(
                id="child_birth_date",
                kind="date",
                label=_w("Ngày sinh", "Date of birth"),
                required=True,
                not_future=True,
            ),
            FieldDefinition(
                id="child_gender", kind="gender", label=_w("Giới tính", "Sex"), required=True
            ),
            FieldDefinition(id="birth_place", kind="address", label=_w("Nơi sinh", "Born at")),
            FieldDefinition(id="note", kind="text", multiline=True, label=_w("Ghi chú", "Note")),
        ),
    )
    applicant = Section(
        id="applicant",
        title=_w("Người yêu cầu", "Applicant"),
        fields=(
            FieldDefinition(
                id="applicant_name",
                kind="person_name",
                label=_w("Họ tên người yêu cầu", "Applicant's name"),
                required=True,
            ),
            FieldDefinition(
                id="relationship",
                kind="select",
                label=_w("Quan hệ với trẻ", "Relationship"),
                required=True,
                options=(
                    Option(value="me", label=_w("Mẹ", "Mother")),
                    Option(value="cha", label=_w("Cha", "Father")),
                    Option(value="khac", label=_w("Khác", "Other")),
                ),
            ),
            FieldDefinition(
                id="relationship_other",
                kind="text",
                label=_w("Quan hệ khác", "Other relationship"),
                required=True,
                when=Condition(field="relationship", any_of=("khac",)),
            ),
            FieldDefinition(
                id="siblings",
                kind="group",
                label=_w("Anh chị em", "Siblings"),
                max_items=50,
                fields=(
                    FieldDefinition(
                        id="name", kind="person_name", label=_w("Họ tên", "Name"), required=True
                    ),
                    FieldDefinition(id="birth_date", kind="date", label=_w("Ngày sinh", "Born")),
                ),
            ),
        ),
    )
    layout = (
        NationalHeader(),
        Heading(text="TỜ KHAI ĐĂNG KÝ KHAI SINH"),
        Line(cells=("Kính gửi: Ủy ban nhân dân phường",), align="centre", italic=True),
        Line(cells=("Họ, chữ đệm, tên người yêu cầu: {applicant_name}",)),
        Line(cells=("Quan hệ với người được khai sinh: {relationship}",)),
        Line(
            cells=("Quan hệ cụ thể: {relationship_other}",),
            when=Condition(field="relationship", any_of=("khac",)),
        ),
        Spacer(mm=2),
        Line(cells=("Họ, chữ đệm, tên: {child_name}",), bold=True),
        Line(cells=("Ngày sinh: {child_birth_date}", "Giới tính: {child_gender}")),
        Line(cells=("Nơi sinh: {birth_place}",)),
        Line(cells=("Ghi chú: {note}",)),
        Repeat(
            field="siblings",
            lines=(Line(cells=("Anh, chị: {name}", "sinh ngày {birth_date}")),),
        ),
        Signatures(
            place_and_date="Hà Nội, ngày ...... tháng ...... năm ........",
            right_title="NGƯỜI YÊU CẦU",
            right_name="{applicant_name}",
        ),
    )
    return FormDefinition(
        id="khai-sinh-mau",
        version=version,
        title=_w("Tờ khai đăng ký khai sinh", "Birth registration form"),
        template="Mẫu thử, theo Thông tư số 04/2024/TT-BTP",
        procedures=(PROCEDURE_CODE,),
        sections=(child, applicant),
        layout=layout,
    )


def sample_answers(**changes: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "child_name": CHILD,
        "child_birth_date": "2025-02-20",
        "child_gender": "nam",
        "birth_place": {
            "detail": "Bệnh viện Phụ sản Hà Nội, số 929 đường La Thành",
            "province_code": "01",
            "province": "Thành phố Hà Nội",
            "ward_code": "00025",
            "ward": "Phường Giảng Võ",
        },
        "applicant_name": APPLICANT,
        "relationship": "me",
        "siblings": [{"name": "Trần Minh An", "birth_date": "2020-06-01"}],
    }
    answers.update(changes)
    return answers
