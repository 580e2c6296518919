"""The form definition format: one official tờ khai as data.

A form file (``resources/forms/<id>.json``) is a :class:`FormDefinition`. The wizard
walks its sections, the validators check its fields, the PDF writer lays out its
``layout`` like the official template, and the centre's server publishes new
versions in this same format. ``docs/forms-format.md`` describes it for people.

Citizen-facing wording lives in the file in both languages (:class:`Wording`): forms
are data that the centre can publish without a new kiosk release, so their texts
cannot go through Qt's ``.ts`` files the way the program's own texts do.

Structs are validated when decoded (``msgspec.json.decode(..., type=..., strict=True)``)
and then by :func:`wire.form_integrity.check_definition` for what a type cannot say
(unique field ids, conditions naming a field that exists, layout placeholders).
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

import msgspec
from msgspec import Meta

FORMAT_NAME: Final = "kiosk-form"
FORMAT_VERSION: Final = 3
#: The format that added ``same_as``: a file using it says so, as older kiosks cannot read it.
SAME_AS_FORMAT: Final = 3

#: Bytes of one form definition (the largest bundled form has 28 KB). Lists and texts
#: are bounded below too, so a form from the server cannot make the wizard build
#: thousands of inputs or lay out pages of one heading.
MAX_FORM_BYTES: Final = 1024 * 1024
#: A line or heading of the A4 layout: at most a paragraph.
LayoutText = Annotated[str, Meta(max_length=2_000)]
#: Where a fact of the form comes from, when it is not an official text the author read:
#: "Bố cục theo bản chép lại của mẫu 01/2025/LLTP; cần đối chiếu Công báo". Never
#: shown to citizens; it tells whoever checks the form what to check.
SourceNote = Annotated[str, Meta(max_length=1_000)]

#: In a ``repeat`` line, ``{#}`` prints the item's number (1, 2, 3 …): the "TT" column.
ITEM_NUMBER: Final = "#"
#: Placeholder styles, ``{field_id:style}``, for what the template asks of an answer:
#: "upper" where it says "(viết chữ in hoa)", "words" where it says "ghi bằng chữ".
UPPER: Final = "upper"
IN_WORDS: Final = "words"
PLACEHOLDER_STYLES: Final = frozenset({UPPER, IN_WORDS})

#: A form's id: ``khai-sinh``, ``ct01``; procedures link to it by this id.
FormId = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]{0,63}\Z")]
#: A field's or section's id, unique within the form: ``child_name``, ``mother_id``.
FieldId = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]{0,63}\Z")]
ProcedureCode = Annotated[str, Meta(pattern=r"^\d\.\d{6}(\.[A-Za-z0-9-]{1,16})?\Z")]

FieldKind = Literal[
    "text",  # free text on one line (or several with ``multiline``)
    "person_name",  # họ, chữ đệm và tên: Vietnamese letters and spaces
    "date",  # ngày tháng năm; stored ISO ``yyyy-mm-dd`` (or ``yyyy``), shown ``dd/mm/yyyy``
    "gender",  # "nam" | "nu"
    "ethnicity",  # one of the 54 dân tộc (wire.vocabulary.ETHNICITIES codes)
    "nationality",  # quốc tịch, ISO 3166 alpha-2 code; "VN" by default
    "id_number",  # số định danh cá nhân (12 digits) or old CMND (9 digits)
    "phone",  # số điện thoại; stored normalised ``0xxxxxxxxx``
    "email",
    "address",  # số nhà/thôn + xã/phường + tỉnh/thành phố (two-level, after 1/7/2025)
    "select",  # one of ``options``
    "yes_no",  # stored True / False
    "number",  # a whole number within ``minimum`` .. ``maximum``
    "group",  # a repeating group of ``fields`` (children, household members)
]

#: What the ID-card QR code can fill: the name of a field of the parsed card.
#: ``address`` is the card's address for a "nơi cư trú" field; ``permanent_address`` for
#: a "nơi thường trú" field (a newer card prints the nơi cư trú, which the citizen then
#: confirms as thường trú); ``issuer`` is the authority the card's generation names.
IdCardPart = Literal[
    "id_number",
    "old_id_number",
    "full_name",
    "date_of_birth",
    "gender",
    "address",
    "permanent_address",
    "issue_date",
    "issuer",
]
#: The gender a role implies (bên nữ, bên nam, the mother, the father).
ImpliedGender = Literal["nam", "nu"]


class Wording(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A citizen-facing text in Vietnamese and English."""

    vi: Annotated[str, Meta(min_length=1, max_length=2_000)]
    en: Annotated[str, Meta(min_length=1, max_length=2_000)]


class Option(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    value: Annotated[str, Meta(pattern=r"^[a-z0-9_]{1,64}\Z")]
    label: Wording


class Condition(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A field is shown (and can be required) only while another field has one of ``any_of``.

    ``field`` names a field of the same form outside any group, or, inside a group,
    a sibling field of the same item.
    """

    field: FieldId
    any_of: Annotated[
        tuple[Annotated[str, Meta(max_length=64)] | bool | int, ...], Meta(max_length=100)
    ]


class SameAs(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An address the citizen already gave, offered as this one in one tap.

    The parents often live where the person registering lives: "Giống địa chỉ của
    người đi khai" copies that answer (số nhà, xã/phường, tỉnh/thành phố) into this
    field, and the copy follows it while the two are the same. The answer stored and
    printed is the address itself, never "the same as".
    """

    #: The address field copied: asked on an earlier page (or, in a group, earlier in
    #: the same item).
    field: FieldId
    #: The button's words, naming whose address it is: "Giống địa chỉ của người đi khai".
    label: Wording


class FieldDefinition(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    id: FieldId
    kind: FieldKind
    label: Wording
    #: One or two plain sentences under the input: what to write, where to find it.
    help: Wording | None = None
    required: bool = False
    #: With ``required``: required only while this field of the same scope is
    #: unanswered ("Nơi cư trú" is needed only when no số định danh is given).
    required_unless: FieldId | None = None
    when: Condition | None = None
    #: The value the wizard starts with ("VN" for nationality, "01" (Kinh) for ethnicity).
    default: Annotated[str, Meta(max_length=2_000)] | bool | int | None = None
    #: ``text``: several lines allowed.
    multiline: bool = False
    min_length: Annotated[int, Meta(ge=0)] | None = None
    max_length: Annotated[int, Meta(ge=1, le=2_000)] | None = None
    #: ``select``: the choices, in the order shown.
    options: Annotated[tuple[Option, ...], Meta(max_length=500)] = ()
    #: ``number``: bounds, inclusive.
    minimum: int | None = None
    maximum: int | None = None
    #: ``date``: a date in the future is refused (birth dates, dates of death).
    not_future: bool = False
    #: ``date``: a date before today is refused (the end of a period still to come).
    not_past: bool = False
    #: ``date``: at most this many years after today (a tạm trú ends within 2 years).
    max_years_ahead: Annotated[int, Meta(ge=0, le=100)] | None = None
    #: ``date``: the year alone is accepted too, stored ``yyyy``, where the template
    #: asks "Năm sinh" and many people know no more (parents born before records).
    allow_year_only: bool = False
    #: ``date`` of birth: the person's age today must be within these (marriage age).
    min_age: Annotated[int, Meta(ge=0, le=150)] | None = None
    max_age: Annotated[int, Meta(ge=0, le=150)] | None = None
    #: ``date``: the date must not be before the date in this other field (e.g. death
    #: after birth).
    not_before: FieldId | None = None
    #: ``id_number``: check its province/century/gender digits against these fields.
    birth_date_field: FieldId | None = None
    gender_field: FieldId | None = None
    #: ``id_number``: the gender the number's gender digit must say, where the form fixes
    #: it without asking (the bride's number is a woman's): instead of ``gender_field``.
    gender_is: ImpliedGender | None = None
    #: ``id_number``: the old 9-digit CMND is accepted too.
    allow_old_id: bool = False
    #: ``address``: one tap makes it the same as another address of the form.
    same_as: SameAs | None = None
    #: What the ID-card QR code fills into this field, if scanned on this form.
    idcard: IdCardPart | None = None
    #: With ``idcard``, on a form with ``card_holders``: whose card fills this field.
    card_holder: FieldId | None = None
    #: ``group``: the fields of one item, and how many items.
    fields: Annotated[tuple[FieldDefinition, ...], Meta(max_length=100)] = ()
    min_items: Annotated[int, Meta(ge=0)] = 0
    max_items: Annotated[int, Meta(ge=1, le=50)] = 10
    #: Where the field's rule or wording comes from, when not the official text.
    source: SourceNote = ""


class CardHolder(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A person of the form whose căn cước may be scanned into it (bên nữ, bên nam).

    A scan fills one holder's fields: the one the page is about, else the one the
    card's gender implies, else the citizen answers "Thẻ này của ai?" with ``label``.
    """

    id: FieldId
    #: The person as a button names them: "Bên nữ", "Người cha".
    label: Wording
    #: The gender the role implies; a card of the other gender is not this person's.
    gender: ImpliedGender | None = None


class Section(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One page of the wizard."""

    id: FieldId
    title: Wording
    #: A sentence at the top of the page: who this page is about.
    intro: Wording | None = None
    fields: Annotated[tuple[FieldDefinition, ...], Meta(max_length=100)]


# The A4 layout: the official template read top to bottom as blocks. Texts are the
# template's own Vietnamese words (the paper form is Vietnamese whatever the screen
# language); ``{field_id}`` placeholders take the formatted answer, and an empty
# answer prints as a dotted line, like the blank paper form.


class NationalHeader(
    msgspec.Struct, frozen=True, tag="national_header", forbid_unknown_fields=True
):
    """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc."""


class Heading(msgspec.Struct, frozen=True, tag="heading", forbid_unknown_fields=True):
    """The form's title in capitals, centred: TỜ KHAI ĐĂNG KÝ KHAI SINH."""

    text: LayoutText


class Line(msgspec.Struct, frozen=True, tag="line", forbid_unknown_fields=True):
    """A line of the template: ``Họ, chữ đệm, tên: {child_name}``; wraps when long.

    Several ``cells`` print side by side on one line (Ngày sinh ... Giới tính ...).
    ``when``: the line is printed only while that answer holds, for templates whose
    wording depends on an answer (the person's own details or someone else's).
    """

    cells: Annotated[tuple[LayoutText, ...], Meta(max_length=20)]
    align: Literal["left", "centre", "right"] = "left"
    bold: bool = False
    italic: bool = False
    when: Condition | None = None
    source: SourceNote = ""


class Repeat(msgspec.Struct, frozen=True, tag="repeat", forbid_unknown_fields=True):
    """The ``lines`` once per item of a ``group`` field; placeholders name the item's fields."""

    field: FieldId
    lines: Annotated[tuple[Line, ...], Meta(max_length=100)]


class Signatures(msgspec.Struct, frozen=True, tag="signatures", forbid_unknown_fields=True):
    """The closing block: place and date, and the signer's title and name on the right.

    A second signer (bên nữ beside bên nam, the chủ hộ's opinion beside the declarant)
    takes the left: ``left_title`` and ``left_name``, and ``left_place_and_date`` when
    each signer dates their own part (CT01's opinion blocks).
    ``dated``: ``place_and_date`` takes the day of submission; an opinion written and
    dated by hand at home leaves it blank (the left one is always left blank).
    """

    place_and_date: LayoutText
    right_title: LayoutText
    right_name: LayoutText
    left_title: LayoutText = ""
    left_name: LayoutText = ""
    left_place_and_date: LayoutText = ""
    dated: bool = True
    source: SourceNote = ""


class Spacer(msgspec.Struct, frozen=True, tag="spacer", forbid_unknown_fields=True):
    mm: Annotated[float, Meta(gt=0, le=100)] = 4.0


LayoutBlock = NationalHeader | Heading | Line | Repeat | Signatures | Spacer


class FormDefinition(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    format: Literal["kiosk-form"] = FORMAT_NAME
    #: 2 added the template line, card holders, year-only dates and conditional
    #: requirements; 3 added ``same_as``. A file of an older format reads the same, as
    #: all of them are optional.
    format_version: Literal[1, 2, 3] = FORMAT_VERSION
    id: FormId
    #: Raised whenever fields or layout change; a dossier keeps the version it was filled in.
    version: Annotated[int, Meta(ge=1)]
    title: Wording
    #: The official template this reproduces: "Mẫu ... ban hành kèm theo Thông tư ...".
    template: Annotated[str, Meta(min_length=1, max_length=500)]
    #: The template's code as staff name it: "Mẫu CT01", "Mẫu số 01/2025/LLTP".
    template_code: Annotated[str, Meta(max_length=200)] = ""
    #: The text that issued the template: "Thông tư số 53/2025/TT-BCA ngày 01/7/2025 …".
    legal_basis: Annotated[str, Meta(max_length=500)] = ""
    #: Printed at the top right of the first page, as the template prints it ("\n"
    #: breaks the line): staff recognise the form's version by it.
    template_line: LayoutText = ""
    #: Where the layout comes from, when not from the official text itself.
    source: SourceNote = ""
    procedures: Annotated[tuple[ProcedureCode, ...], Meta(max_length=200)]
    sections: Annotated[tuple[Section, ...], Meta(max_length=50)]
    layout: Annotated[tuple[LayoutBlock, ...], Meta(max_length=1_000)]
    #: The people whose cards fill the form, when it has several; every ``idcard`` field
    #: then names its ``card_holder``. None: every ``idcard`` field is the applicant's.
    card_holders: Annotated[tuple[CardHolder, ...], Meta(max_length=20)] = ()
