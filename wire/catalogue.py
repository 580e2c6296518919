"""The kiosk's own catalogue format: what one procedure (thủ tục) says, structured.

Both the bundled catalogue and the centre's server speak this format; the portal
reader (``wire.portal``) turns the national portal's flattened records into it. A file is a
:class:`CatalogueFile`; ``docs/catalogue-format.md`` describes it for people.

Structs are validated when decoded (``msgspec.json.decode(..., type=..., strict=True)``),
never when built in Python, so code that builds them must build them right.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from wire.vocabulary import PRIORITY_GROUPS, PriorityGroup

FORMAT_NAME = "kiosk-catalogue"
FORMAT_VERSION = 1

# Limits: a catalogue is data from outside the kiosk, and everything in it is held in
# memory while it is imported and searched. Each limit is several times what the
# national portal's records need (2,642 procedures, 18 MiB), so only a broken or
# hostile catalogue meets one; it is then refused whole, naming the limit.

#: Bytes of a catalogue file (the national portal's 2,642 records: 18 MiB, or 22 MiB
#: as ``catalog export`` writes them). Importing costs about nine times the file's size
#: in memory while it runs.
MAX_CATALOGUE_BYTES = 24 * 1024 * 1024
#: Procedures in one catalogue: twice the 10,000 search is built and measured for.
MAX_PROCEDURES = 20_000
#: Distinct words in what search indexes (procedure names, summaries, keywords, field
#: names). The index's memory grows with its vocabulary, not with the text: the
#: national portal's catalogue has about 850 words, while 11 MB of invented keywords
#: made 1.3 million of them and took the index to 1.8 GB and 20 s to build.
MAX_SEARCH_WORDS = 20_000

#: National code ``d.dddddd``; a province's local variant adds a suffix: ``1.001193.HN``.
ProcedureCode = Annotated[str, Meta(pattern=r"^\d\.\d{6}(\.[A-Za-z0-9-]{1,16})?\Z")]
#: A short machine name: ``ho-tich``, ``ubnd-xa``.
Slug = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]{0,63}\Z")]
Text = Annotated[str, Meta(max_length=20_000)]
Name = Annotated[str, Meta(min_length=1, max_length=1_000)]
#: What search reads besides the name: a few plain sentences, a few short phrases.
Summary = Annotated[str, Meta(max_length=2_000)]
Keyword = Annotated[str, Meta(max_length=200)]

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
Spans = Annotated[list[tuple[HourMinute, HourMinute]], Meta(max_length=12)]


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
    template: Annotated[str, Meta(max_length=5_000)] | None = None
    originals: Annotated[int, Meta(ge=0)] = 0
    copies: Annotated[int, Meta(ge=0)] = 0


class DocumentGroup(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    kind: DocumentGroupKind
    #: The portal's heading, e.g. "Giấy tờ phải nộp"; empty for the only group.
    title: Text = ""
    documents: Annotated[list[Document], Meta(max_length=500)] = msgspec.field(default_factory=list)


class Procedure(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A thủ tục hành chính as the kiosk shows it."""

    code: ProcedureCode
    name: Name
    #: Two or three plain sentences for a citizen: what it is for, who does it.
    summary: Summary = ""
    levels: Annotated[list[Level], Meta(max_length=8)]
    field: Slug
    agencies: Annotated[list[Slug], Meta(max_length=50)] = msgspec.field(default_factory=list)
    #: Đối tượng thực hiện: who may apply.
    applicants: Text = ""
    online: OnlineLevel = "khong"
    methods: Annotated[list[Method], Meta(max_length=50)] = msgspec.field(default_factory=list)
    document_groups: Annotated[list[DocumentGroup], Meta(max_length=50)] = msgspec.field(
        default_factory=list
    )
    steps: Annotated[list[Text], Meta(max_length=200)] = msgspec.field(default_factory=list)
    conditions: Text = ""
    result: Text = ""
    legal_basis: Annotated[list[Text], Meta(max_length=200)] = msgspec.field(default_factory=list)
    #: Where a phone continues online (a QR code); used only when ``wire.links`` allows it.
    portal_url: Annotated[str, Meta(max_length=2_000)] | None = None
    #: The kiosk's guided form (tờ khai) for this procedure, when there is one.
    form_id: Slug | None = None
    #: The counter queue (số thứ tự) a citizen joins for it: ``A``, ``B``…
    queue_service: Annotated[str, Meta(max_length=4)] | None = None
    #: Higher is asked for more often; ranks search results and browse lists.
    popularity: Annotated[int, Meta(ge=0)] = 0
    #: Extra words citizens use for it ("giấy khai sinh", "làm giấy khai sinh cho con").
    keywords: Annotated[list[Keyword], Meta(max_length=30)] = msgspec.field(default_factory=list)


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

    mon: Spans = msgspec.field(default_factory=list)
    tue: Spans = msgspec.field(default_factory=list)
    wed: Spans = msgspec.field(default_factory=list)
    thu: Spans = msgspec.field(default_factory=list)
    fri: Spans = msgspec.field(default_factory=list)
    sat: Spans = msgspec.field(default_factory=list)
    sun: Spans = msgspec.field(default_factory=list)


class QueueService(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A counter queue a ticket (số thứ tự) is taken for."""

    code: Annotated[str, Meta(pattern=r"^[A-Z]{1,4}\Z")]
    name: Name
    counters: Annotated[list[Annotated[int, Meta(ge=1)]], Meta(min_length=1, max_length=200)]
    opening_hours: OpeningHours
    daily_limit: Annotated[int, Meta(ge=1)] | None = None
    position: int = 0
    #: Đối tượng ưu tiên served first at this queue; all four unless the centre says less.
    priority_groups: Annotated[list[PriorityGroup], Meta(max_length=16)] = msgspec.field(
        default_factory=lambda: list(PRIORITY_GROUPS)
    )


class CatalogueFile(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A whole catalogue: replaced on the kiosk in one transaction or not at all."""

    format: Literal["kiosk-catalogue"]
    version: Literal[1]
    catalogue_version: Annotated[str, Meta(min_length=1, max_length=64)]
    note: Annotated[str, Meta(max_length=2_000)] = ""
    fields: Annotated[list[Field], Meta(max_length=2_000)]
    agencies: Annotated[list[Agency], Meta(max_length=20_000)] = msgspec.field(default_factory=list)
    queue_services: Annotated[list[QueueService], Meta(max_length=200)] = msgspec.field(
        default_factory=list
    )
    procedures: Annotated[list[Procedure], Meta(min_length=1, max_length=MAX_PROCEDURES)]

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
        if search_words(self, stop_after=MAX_SEARCH_WORDS) > MAX_SEARCH_WORDS:
            raise ValueError(
                f"more than {MAX_SEARCH_WORDS} distinct words in names, summaries and "
                "keywords, the most search takes (MAX_SEARCH_WORDS)"
            )


#: What search counts as one word: Latin letters and digits, with their accents (the
#: combining marks of the decomposed text, dropped once the words are found).
_WORD = re.compile(r"[a-z0-9\u0300-\u036f]+")
_NO_MARKS = dict.fromkeys(range(0x300, 0x370))


def search_words(catalogue: CatalogueFile, stop_after: int | None = None) -> int:
    """How many distinct words the kiosk's search index would hold for ``catalogue``.

    Folded as search folds them (lower case, no accents, ``đ`` as ``d``), so "Đăng ký"
    and "dang ky" count once; anything that is not a Latin letter or a digit separates
    words, as it does in the index. Counting stops once past ``stop_after``, so a
    catalogue of a million invented words costs no more to refuse than one at the limit.
    """
    texts = itertools.chain(
        (
            text
            for procedure in catalogue.procedures
            for text in (procedure.name, procedure.summary, *procedure.keywords)
        ),
        (field.name for field in catalogue.fields),
    )
    written: set[str] = set()  # as written, accents and all: each folded once
    words: set[str] = set()
    while batch := list(itertools.islice(texts, 500)):
        decomposed = unicodedata.normalize("NFD", "\n".join(batch).lower().replace("đ", "d"))
        new = set(_WORD.findall(decomposed)) - written
        written |= new
        words.update(word.translate(_NO_MARKS) for word in new)
        words.discard("")
        if stop_after is not None and len(words) > stop_after:
            break
    return len(words)
