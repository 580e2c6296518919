"""The kiosk's own catalogue format: what one procedure (thủ tục) says, structured.

Both the bundled catalogue and the centre's server speak this format; the portal
reader (``wire.portal``) turns the national portal's flattened records into it. A file is a
:class:`CatalogueFile`; ``docs/catalogue-format.md`` describes it for people.

Structs are validated when decoded (``msgspec.json.decode(..., type=..., strict=True)``),
never when built in Python, so code that builds them must build them right.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from wire.vocabulary import PRIORITY_GROUPS, PriorityGroup

FORMAT_NAME = "kiosk-catalogue"
FORMAT_VERSION = 1

#: National code ``d.dddddd``; a province's local variant adds a suffix: ``1.001193.HN``.
ProcedureCode = Annotated[str, Meta(pattern=r"^\d\.\d{6}(\.[A-Za-z0-9-]{1,16})?\Z")]
#: A short machine name: ``ho-tich``, ``ubnd-xa``.
Slug = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]{0,63}\Z")]
Text = Annotated[str, Meta(max_length=20_000)]
Name = Annotated[str, Meta(min_length=1, max_length=1_000)]

#: Cấp thực hiện: Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác.
Level = Literal["bo", "tinh", "xa", "khac"]
#: Hình thức nộp: trực tiếp, trực tuyến, dịch vụ bưu chính.
MethodKind = Literal["truc_tiep", "truc_tuyen", "buu_chinh"]
#: Dịch vụ công trực tuyến toàn trình, một phần, or none.
OnlineLevel = Literal["toan_trinh", "mot_phan", "khong"]
#: Giấy tờ phải nộp, giấy tờ phải xuất trình, or a group the portal names otherwise.
DocumentGroupKind = Literal["nop", "xuat_trinh", "khac"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
HourMinute = Annotated[str, Meta(pattern=r"^([01]\d|2[0-3]):[0-5]\d\Z")]


class Method(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One way to submit, with its processing time and fee as the portal words them.

    ``days`` and ``fee_vnd`` are what could be read out of the text (working days; the
    lowest fee in đồng, 0 when free); ``None`` when the text gives no number.
    """

    kind: MethodKind
    time_text: Text = ""
    days: Annotated[float, Meta(ge=0)] | None = None
    fee_text: Text = ""
    fee_vnd: Annotated[int, Meta(ge=0)] | None = None
    note: Text = ""


class Document(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A paper to bring: "Tờ khai đăng ký khai sinh (mẫu ...)", 1 bản chính."""

    #: Longer than other names: the portal lists some papers with a paragraph of cases.
    name: Annotated[str, Meta(min_length=1, max_length=20_000)]
    #: The form template's name or file, when the portal links one (e.g. "Mẫu TP/HT-...").
    template: str | None = None
    originals: Annotated[int, Meta(ge=0)] = 0
    copies: Annotated[int, Meta(ge=0)] = 0


class DocumentGroup(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    kind: DocumentGroupKind
    #: The portal's heading, e.g. "Giấy tờ phải nộp"; empty for the only group.
    title: str = ""
    documents: list[Document] = msgspec.field(default_factory=list)


class Procedure(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A thủ tục hành chính as the kiosk shows it."""

    code: ProcedureCode
    name: Name
    #: Two or three plain sentences for a citizen: what it is for, who does it.
    summary: Text = ""
    levels: list[Level]
    field: Slug
    agencies: list[Slug] = msgspec.field(default_factory=list)
    #: Đối tượng thực hiện: who may apply.
    applicants: Text = ""
    online: OnlineLevel = "khong"
    methods: list[Method] = msgspec.field(default_factory=list)
    document_groups: list[DocumentGroup] = msgspec.field(default_factory=list)
    steps: list[Text] = msgspec.field(default_factory=list)
    conditions: Text = ""
    result: Text = ""
    legal_basis: list[Text] = msgspec.field(default_factory=list)
    portal_url: str | None = None
    #: The kiosk's guided form (tờ khai) for this procedure, when there is one.
    form_id: Slug | None = None
    #: The counter queue (số thứ tự) a citizen joins for it: ``A``, ``B``…
    queue_service: str | None = None
    #: Higher is asked for more often; ranks search results and browse lists.
    popularity: Annotated[int, Meta(ge=0)] = 0
    #: Extra words citizens use for it ("giấy khai sinh", "làm giấy khai sinh cho con").
    keywords: list[str] = msgspec.field(default_factory=list)


class Field(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A lĩnh vực: Hộ tịch, Chứng thực, Đất đai…"""

    code: Slug
    name: Name
    position: int = 0


class Agency(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A cơ quan thực hiện: Ủy ban nhân dân cấp xã, Sở Tư pháp…"""

    code: Slug
    name: Name
    level: Level


class OpeningHours(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Per weekday, the spans the counters serve: ``mon = [["07:30", "11:30"], …]``."""

    mon: list[tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=list)
    tue: list[tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=list)
    wed: list[tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=list)
    thu: list[tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=list)
    fri: list[tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=list)
    sat: list[tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=list)
    sun: list[tuple[HourMinute, HourMinute]] = msgspec.field(default_factory=list)


class QueueService(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A counter queue a ticket (số thứ tự) is taken for."""

    code: Annotated[str, Meta(pattern=r"^[A-Z]{1,4}\Z")]
    name: Name
    counters: Annotated[list[Annotated[int, Meta(ge=1)]], Meta(min_length=1)]
    opening_hours: OpeningHours
    daily_limit: Annotated[int, Meta(ge=1)] | None = None
    position: int = 0
    #: Đối tượng ưu tiên served first at this queue; all four unless the centre says less.
    priority_groups: list[PriorityGroup] = msgspec.field(
        default_factory=lambda: list(PRIORITY_GROUPS)
    )


class CatalogueFile(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A whole catalogue: replaced on the kiosk in one transaction or not at all."""

    format: Literal["kiosk-catalogue"]
    version: Literal[1]
    catalogue_version: Annotated[str, Meta(min_length=1, max_length=64)]
    note: str = ""
    fields: list[Field]
    agencies: list[Agency] = msgspec.field(default_factory=list)
    queue_services: list[QueueService] = msgspec.field(default_factory=list)
    procedures: Annotated[list[Procedure], Meta(min_length=1)]

    def __post_init__(self) -> None:
        # Runs while decoding: a ValueError here becomes a msgspec.ValidationError, so
        # a file naming a field, agency or queue it does not define is refused whole.
        for kind, codes in (
            ("field", [f.code for f in self.fields]),
            ("agency", [a.code for a in self.agencies]),
            ("queue service", [q.code for q in self.queue_services]),
            ("procedure", [p.code for p in self.procedures]),
        ):
            if len(codes) != len(set(codes)):
                raise ValueError(f"duplicate {kind} code")
        fields = {f.code for f in self.fields}
        agencies = {a.code for a in self.agencies}
        queues = {q.code for q in self.queue_services}
        for p in self.procedures:
            if p.field not in fields:
                raise ValueError(f"procedure {p.code}: unknown field {p.field!r}")
            for agency in p.agencies:
                if agency not in agencies:
                    raise ValueError(f"procedure {p.code}: unknown agency {agency!r}")
            if p.queue_service is not None and p.queue_service not in queues:
                raise ValueError(f"procedure {p.code}: unknown queue {p.queue_service!r}")
