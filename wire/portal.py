"""The national portal's procedure records (one JSON object a line) as a kiosk catalogue.

A crawl of Cổng Dịch vụ công Quốc gia gives one flat record per thủ tục with its tables
run together as text. Every record becomes a :class:`~wire.catalogue.Procedure`:
what cannot be read is reported as a :class:`ParseProblem` (code, field, reason) and
the procedure is imported with what could be read, because a citizen is better served
by a procedure with its fee as raw text than by no procedure at all. Fields (lĩnh vực)
and agencies (cơ quan thực hiện) are derived from the records, with slugged codes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import msgspec

from wire import portal_tables as tables
from wire.catalogue import (
    Agency,
    CatalogueFile,
    Field,
    Level,
    OnlineLevel,
    Procedure,
)
from wire.catalogue_files import read_limited
from wire.errors import CatalogueFormatError
from wire.problems import ParseProblem

_LEVELS: dict[str, Level] = {
    "Cấp bộ": "bo",
    "Cấp tỉnh": "tinh",
    "Cấp xã": "xa",
    "Cơ quan khác": "khac",
}
_CODE = re.compile(r"^\d\.\d{6}(\.[A-Za-z0-9-]{1,16})?\Z")
_MAX_NAME = 1000
_MAX_TEXT = 20_000


class PortalRecord(msgspec.Struct, frozen=True, kw_only=True):
    """The fields of a portal record the kiosk uses; others are ignored."""

    ma_thu_tuc: str
    ten_thu_tuc: str
    cap_thuc_hien: str = ""
    linh_vuc: str = ""
    doi_tuong_thuc_hien: str = ""
    co_quan_thuc_hien: str = ""
    trinh_tu_thuc_hien: str = ""
    cach_thuc_thuc_hien: str = ""
    thanh_phan_ho_so: str = ""
    can_cu_phap_ly: str = ""
    yeu_cau_dieu_kien: str = ""
    ket_qua_xu_ly: str = ""
    detail_url: str = ""


def slugify(text: str, max_length: int = 64) -> str:
    """A stable ASCII code for a Vietnamese name: "Hộ tịch" → ``ho-tich``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
    if len(slug) > max_length:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
        slug = f"{slug[: max_length - 7].rstrip('-')}-{digest}"
    return slug


class _Codes:
    """Slugs for names, unique: a second name with the same slug gets a hash suffix."""

    def __init__(self) -> None:
        self._by_name: dict[str, str] = {}
        self._taken: set[str] = set()

    def code(self, name: str) -> str:
        if name not in self._by_name:
            slug = slugify(name)
            if slug in self._taken:
                digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
                slug = f"{slug[:57].rstrip('-')}-{digest}"
            self._taken.add(slug)
            self._by_name[name] = slug
        return self._by_name[name]


def _text(value: str) -> str:
    value = value.strip()
    return "" if value == tables.NO_INFO else value


def _agency_level(name: str, levels: list[Level]) -> Level:
    lowered = name.lower()
    if "cấp xã" in lowered or lowered.startswith(("ủy ban nhân dân xã", "ubnd xã")):
        return "xa"
    if "tỉnh" in lowered or lowered.startswith("sở "):
        return "tinh"
    if lowered.startswith(("bộ ", "cục ", "tổng cục", "ngân hàng nhà nước việt nam")):
        return "bo"
    return levels[0] if levels else "khac"


def _online(record: PortalRecord, kinds: Iterable[str]) -> OnlineLevel:
    """Heuristic: online "toàn trình" when a Trực tuyến row exists, unless "một phần" is said."""
    if "truc_tuyen" not in set(kinds):
        return "khong"
    if "một phần" in record.cach_thuc_thuc_hien.lower():
        return "mot_phan"
    return "toan_trinh"


class PortalConverter:
    """Turns records into procedures, collecting fields, agencies and problems."""

    def __init__(self) -> None:
        self.fields: dict[str, Field] = {}
        self.agencies: dict[str, Agency] = {}
        self.problems: list[ParseProblem] = []
        self._field_codes = _Codes()
        self._agency_codes = _Codes()

    def _problem(self, code: str, field: str, reason: str) -> None:
        self.problems.append(ParseProblem(code, field, reason))

    def _bounded(self, code: str, field: str, value: str, limit: int = _MAX_TEXT) -> str:
        if len(value) <= limit:
            return value
        self._problem(code, field, f"longer than {limit} characters, cut")
        return value[: limit - 1] + "…"

    def convert(self, record: PortalRecord) -> Procedure:
        code = record.ma_thu_tuc.strip()
        levels: list[Level] = []
        for part in (p.strip() for p in record.cap_thuc_hien.split(",")):
            if part in _LEVELS:
                levels.append(_LEVELS[part])
            elif part:
                self._problem(code, "cap_thuc_hien", f"unknown level {part!r}")
        field_name = _text(record.linh_vuc) or "Khác"
        field_code = self._field_codes.code(field_name)
        self.fields.setdefault(
            field_code,
            Field(code=field_code, name=self._bounded(code, "linh_vuc", field_name, _MAX_NAME)),
        )
        agencies: list[str] = []
        agency_name = _text(record.co_quan_thuc_hien)
        if agency_name:
            agency_code = self._agency_codes.code(agency_name)
            agencies.append(agency_code)
            self.agencies.setdefault(
                agency_code,
                Agency(
                    code=agency_code,
                    name=self._bounded(code, "co_quan_thuc_hien", agency_name, _MAX_NAME),
                    level=_agency_level(agency_name, levels),
                ),
            )
        methods, method_problems = tables.parse_methods(record.cach_thuc_thuc_hien)
        for reason in method_problems:
            self._problem(code, "cach_thuc_thuc_hien", reason)
        groups, document_problems = tables.parse_documents(record.thanh_phan_ho_so)
        for reason in document_problems:
            self._problem(code, "thanh_phan_ho_so", reason)
        return Procedure(
            code=code,
            name=self._bounded(code, "ten_thu_tuc", record.ten_thu_tuc.strip(), _MAX_NAME),
            levels=levels,
            field=field_code,
            agencies=agencies,
            applicants=self._bounded(code, "doi_tuong", _text(record.doi_tuong_thuc_hien)),
            online=_online(record, (m.kind for m in methods)),
            methods=methods,
            document_groups=groups,
            steps=[
                self._bounded(code, "trinh_tu_thuc_hien", step)
                for step in tables.parse_steps(record.trinh_tu_thuc_hien)
            ],
            conditions=self._bounded(code, "yeu_cau_dieu_kien", _text(record.yeu_cau_dieu_kien)),
            result=self._bounded(code, "ket_qua_xu_ly", tables.parse_result(record.ket_qua_xu_ly)),
            legal_basis=[
                self._bounded(code, "can_cu_phap_ly", entry)
                for entry in tables.parse_legal_basis(record.can_cu_phap_ly)
            ],
            portal_url=record.detail_url.strip() or None,
        )


def convert_records(
    records: Iterable[PortalRecord], catalogue_version: str
) -> tuple[CatalogueFile, list[ParseProblem]]:
    """A whole catalogue from portal records; a record with an unusable code is skipped."""
    converter = PortalConverter()
    procedures: dict[str, Procedure] = {}
    for record in records:
        code = record.ma_thu_tuc.strip()
        if not _CODE.match(code):
            converter._problem(code, "ma_thu_tuc", "not a procedure code; record skipped")
            continue
        if code in procedures:
            converter._problem(code, "ma_thu_tuc", "code seen before; record skipped")
            continue
        if not record.ten_thu_tuc.strip():
            converter._problem(code, "ten_thu_tuc", "no name; record skipped")
            continue
        procedures[code] = converter.convert(record)
    catalogue = CatalogueFile(
        format="kiosk-catalogue",
        version=1,
        catalogue_version=catalogue_version,
        note="Imported from national portal records.",
        fields=list(converter.fields.values()),
        agencies=list(converter.agencies.values()),
        procedures=list(procedures.values()),
    )
    return catalogue, converter.problems


def read_portal_file(path: Path) -> tuple[CatalogueFile, list[ParseProblem]]:
    """A portal JSON-lines file as a catalogue; raises ``CatalogueFormatError`` when unusable.

    A line that is not a record is reported (``line N``) and skipped; a file with no
    usable record at all, or larger than a catalogue file may be, is refused. The
    catalogue version is the file's content hash, so the same file always imports as
    the same version.
    """
    data = read_limited(path)
    decoder = msgspec.json.Decoder(PortalRecord)
    records: list[PortalRecord] = []
    problems: list[ParseProblem] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(decoder.decode(line))
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:
            problems.append(ParseProblem(f"line {number}", "", f"not a record: {exc}"))
    if not records:
        raise CatalogueFormatError(str(path), "no procedure records in the file")
    version = "portal-" + hashlib.sha256(data).hexdigest()[:12]
    catalogue, conversion_problems = convert_records(records, version)
    if not catalogue.procedures:
        raise CatalogueFormatError(str(path), "no usable procedure record")
    return catalogue, problems + conversion_problems
