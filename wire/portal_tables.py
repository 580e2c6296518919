"""Reading the national portal's flattened tables back into structure.

The portal's pages (Cổng Dịch vụ công Quốc gia) show methods, documents and legal
basis as HTML tables; a crawl keeps only their text, cells run together with no
separator. Each parser here finds the cell boundaries with patterns learnt from the
real records (see ``docs/catalogue-format.md``, "Parsing heuristics") and returns what
it could read together with a list of short reasons for what it could not, so the
importer can report them per record and still import the procedure.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from wire.catalogue import Document, DocumentGroup, DocumentGroupKind, Method, MethodKind

NO_INFO = "Không có thông tin"

#: Vietnamese letters by case, spelt out: the ranges "À-Ỹ" mix both cases in Unicode.
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_UPPER = "A-Z" + _LOWER[3:].upper()

# --- Cách thức thực hiện: methods, time, fees ------------------------------------------

METHOD_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_KINDS: dict[str, MethodKind] = {
    "Trực tiếp": "truc_tiep",
    "Trực tuyến": "truc_tuyen",
    "Dịch vụ bưu chính": "buu_chinh",
}
#: A row starts with the method's name run straight into its time (a number) or into
#: words such as "Không quy định"; the same words inside a description have a space or ":".
_ROW_START = re.compile(r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không )")
_UNITS = "Ngày làm việc|Ngày|Giờ|Tháng"
_TIME = re.compile(rf"(?P<n>\d+(?:[.,]\d+)?)(?: (?P<unit>{_UNITS}))?")
_CURRENCY = r"Việt Nam Đồng|VNĐ|Đồng|USD"
_AMOUNT = re.compile(rf"(?P<amount>\d{{1,3}}(?:,\d{{3}})+|\d+) (?P<currency>{_CURRENCY})")
#: A unit-less time run into an amount: "1" + "20,000 VNĐ" arrives as "120,000 VNĐ".
_TIME_THEN_AMOUNT = re.compile(
    rf"(?P<n>\d+?)(?P<amount>\d{{1,3}}(?:,\d{{3}})*) (?P<currency>{_CURRENCY})"
)
_FEE_START = re.compile(rf"Miễn phí|{NO_INFO}|{_AMOUNT.pattern}")
#: Amounts in đồng inside a fee's note: "50.000 đồng", "15000000/lần Đồng", "20.000Đ".
_NOTE_AMOUNT = re.compile(
    r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d{4,})\s*(?:/\s*[^\s()]{1,20}\s*)?(?:đồng|Đồng|VNĐ|vnđ|đ\b|Đ\b)"
)
#: Working days per unit; calendar "Ngày" are taken as they are.
_DAYS_PER_UNIT = {"Ngày làm việc": 1.0, "Ngày": 1.0, "Giờ": 1 / 8, "Tháng": 22.0}


def _closing_paren(text: str, start: int) -> int:
    """Index just past the parenthesis opened at ``start``; -1 when it never closes."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _vnd(amount: str) -> int:
    return int(amount.replace(",", "").replace(".", ""))


@dataclass
class _Row:
    kind: MethodKind
    time_text: str = ""
    days: float | None = None
    fee_text: str = ""
    fee_vnd: int | None = None
    note: str = ""
    problems: list[str] = field(default_factory=list)


def _read_time(text: str, pos: int, row: _Row) -> int:
    if text.startswith(NO_INFO, pos):
        return pos + len(NO_INFO)
    if not text[pos].isdigit():  # "Không quy định": a time in words, up to the fee
        fee = _FEE_START.search(text, pos, pos + 200)
        end = fee.start() if fee is not None else pos
        row.time_text = text[pos:end]
        return end
    time = _TIME.match(text, pos)
    if time is None:  # pragma: no cover - the row pattern guarantees a digit
        row.problems.append("time not recognised")
        return pos
    unit = time["unit"]
    if unit is None:
        joined = _TIME_THEN_AMOUNT.match(text, pos)
        if joined is not None and not _AMOUNT.match(text, time.end()):
            row.time_text = joined["n"]
            row.problems.append("time and fee run together; split guessed")
            return joined.start("amount")
        row.time_text = time["n"]
        row.problems.append("time has no unit")
        return time.end()
    row.time_text = time.group(0)
    row.days = float(time["n"].replace(",", ".")) * _DAYS_PER_UNIT[unit]
    return time.end()


def _read_fee(text: str, pos: int, row: _Row) -> int:
    if text.startswith("Miễn phí", pos):
        row.fee_text, row.fee_vnd, end = "Miễn phí", 0, pos + len("Miễn phí")
    elif text.startswith(NO_INFO, pos):
        end = pos + len(NO_INFO)
    elif (amount := _AMOUNT.match(text, pos)) is not None:
        row.fee_text, end = amount.group(0), amount.end()
        if amount["currency"] != "USD":
            row.fee_vnd = _vnd(amount["amount"])
    else:
        row.problems.append("fee not recognised")
        return pos
    if text.startswith("(", end):
        close = _closing_paren(text, end)
        if close < 0:
            row.problems.append("fee note has an unclosed parenthesis")
            return end
        detail = text[end + 1 : close - 1].strip()
        if detail:
            row.fee_text = f"{row.fee_text} ({detail})".strip()
            if row.fee_vnd == 0:
                # "Miễn phí" over a note that names amounts: the note is the real fee.
                amounts = [_vnd(m.group(1)) for m in _NOTE_AMOUNT.finditer(detail)]
                if any(amounts):
                    row.fee_vnd = min(a for a in amounts if a > 0)
        end = close
    return end


def parse_methods(text: str) -> tuple[list[Method], list[str]]:
    """The methods of ``cach_thuc_thuc_hien``, and what could not be read in them."""
    problems: list[str] = []
    text = text.strip()
    if not text:
        return [], []
    if not text.startswith(METHOD_HEADER):
        return [], ["table header missing"]
    body = text[len(METHOD_HEADER) :]
    starts = list(_ROW_START.finditer(body))
    if not starts:
        return [], ["no method rows"]
    if body[: starts[0].start()].strip():
        problems.append("text before the first method")
    methods: list[Method] = []
    pos = 0
    while (start := _ROW_START.search(body, pos)) is not None:
        row = _Row(kind=_KINDS[start.group(1)])
        pos = _read_time(body, start.end(), row)
        pos = _read_fee(body, pos, row)
        following = _ROW_START.search(body, pos)
        end = following.start() if following is not None else len(body)
        row.note = body[pos:end].strip()
        pos = end
        problems.extend(f"{start.group(1)}: {p}" for p in row.problems)
        methods.append(
            Method(
                kind=row.kind,
                time_text=row.time_text,
                days=row.days,
                fee_text=row.fee_text,
                fee_vnd=row.fee_vnd,
                note=row.note,
            )
        )
    return methods, problems


# --- Thành phần hồ sơ: document groups --------------------------------------------------

DOCUMENT_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
#: A count ends a document: "1 bản chính", "2 bản sao" or "0 bản chính,1 bản sao". Run
#: straight onto the name or template (no space); counts in prose have a space or "(".
#: Counts are single digits: digits before it belong to the name ("Mẫu số 01" + "1 …"),
#: except a lone "0" after a space, which is prose ("nộp 01 bản chính;").
_COUNT = re.compile(
    r"(?:(?<=[^\s(])(?<!\s0)"
    rf"|(?<=\s)(?=\d bản (?:chính|sao)(?:,\d+ bản sao)?(?:[^\s,.;:){_LOWER}]|\Z)))"
    r"(?:(?P<originals>\d) bản chính(?:,(?P<copies_too>\d+) bản sao)?|(?P<copies>\d) bản sao)"
    r"(?=[^\s,;]|\Z)"
)
_EXTENSION = re.compile(r"\.(?:docx|doc|pdf|xlsx|xls|rar|zip)\Z", re.IGNORECASE)
#: Where a template cell was run onto its name: after ";", ":" or ")" with no space,
#: after "." before a capitalised word, at a lower→Upper join, or before "Mẫu"/"Mau".
_TEMPLATE_JOIN = re.compile(
    r"(?<=[;:)\]])(?=\S)"
    rf"|(?<=\.)(?=[{_UPPER}][{_LOWER}])"
    rf"|(?<=[{_LOWER}])(?=[{_UPPER}][{_LOWER}{_UPPER}])"
    r"|(?<=[A-ZĐ0-9])(?=(?:Mẫu|Mau|Mus)[\s\d_.])"
)


def _split_template(text: str, problems: list[str]) -> tuple[str, str | None]:
    """A document cell and the form-template file name run onto its end, if any."""
    files: list[str] = []
    name = text
    while _EXTENSION.search(name):
        joins = [m.start() for m in _TEMPLATE_JOIN.finditer(name) if m.start() > 0]
        if joins:
            start = joins[-1]
        else:
            problems.append("template name boundary guessed")
            start = name.rstrip().rfind(" ") + 1
        files.insert(0, name[start:].strip())
        name = name[:start]
    if not files:
        return text, None
    name = name.strip() or files[0]
    return name, ", ".join(files)


def _group_kind(heading: str) -> DocumentGroupKind:
    lowered = heading.lower()
    if "xuất trình" in lowered:
        return "xuat_trinh"
    if not heading or "nộp" in lowered or "thành phần hồ sơ" in lowered:
        return "nop"
    return "khac"


def _clean_heading(heading: str) -> str:
    return heading.strip().strip("-*").strip().rstrip(":").strip()


def _documents(segment: str, problems: list[str]) -> tuple[list[Document], str]:
    """The documents of one table, and the text after its last count."""
    documents: list[Document] = []
    pos = 0
    for count in _COUNT.finditer(segment):
        cell = segment[pos : count.start()].strip()
        pos = count.end()
        name, template = _split_template(cell, problems)
        if not name:
            problems.append("a count without a document name")
            continue
        if len(name) > 20_000:  # pragma: no cover - the longest seen is about 7,000
            problems.append("document name longer than 20000 characters, cut")
            name = name[:19_999] + "…"
        originals = int(count["originals"] or 0)
        copies = int(count["copies_too"] or count["copies"] or 0)
        documents.append(Document(name=name, template=template, originals=originals, copies=copies))
    return documents, segment[pos:]


def parse_documents(text: str) -> tuple[list[DocumentGroup], list[str]]:
    """The document groups of ``thanh_phan_ho_so``, and what could not be read."""
    problems: list[str] = []
    segments = text.split(DOCUMENT_HEADER)
    heading = segments[0]
    groups: list[DocumentGroup] = []
    if len(segments) == 1:
        if text.strip().strip("-").strip():
            problems.append("no document table")
        return [], problems
    for index, segment in enumerate(segments[1:], start=1):
        documents, rest = _documents(segment, problems)
        last = index == len(segments) - 1
        if last and rest.strip():
            problems.append("text after the last count kept as a document")
            documents.append(Document(name=rest.strip()[:20_000]))
        if documents:
            groups.append(
                DocumentGroup(
                    kind=_group_kind(_clean_heading(heading)),
                    title=_clean_heading(heading),
                    documents=documents,
                )
            )
        heading = rest
    return groups, problems


# --- Căn cứ pháp lý: legal basis --------------------------------------------------------

LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
#: A document's number ends where the next title starts with a capitalised word.
_LEGAL_SPLIT = re.compile(rf"(?<=[A-ZĐ0-9])(?=[{_UPPER}][{_LOWER}])")
_LEGAL_CODE = re.compile(r"(?P<number>\d+)/(?P<rest>\d{4}/[\wĐđ-]+)\Z")


def _legal_entry(cell: str) -> str:
    """``"Luật 65/2006/QH1165/2006/QH11"`` → ``"Luật 65/2006/QH11"``: title, then number."""
    code = _LEGAL_CODE.search(cell)
    if code is None:
        return cell
    digits = code["number"]
    for cut in range(len(digits)):
        number = f"{digits[cut:]}/{code['rest']}"
        title = cell[: len(cell) - len(number)].rstrip()
        if title.endswith(number):
            return title  # the title already names its number
    if len(digits) > 4 and digits[:2] in {"19", "20"}:
        digits = digits[4:]  # "năm 2011" + "02/2011/QH13"
    number = f"{digits}/{code['rest']}"
    title = cell[: len(cell) - len(number)].strip()
    return f"{title} ({number})" if title else number


def parse_legal_basis(text: str) -> list[str]:
    text = text.strip()
    if not text or text.startswith(NO_INFO):
        return []
    if text.startswith(LEGAL_HEADER):
        text = text[len(LEGAL_HEADER) :]
    return [_legal_entry(cell.strip()) for cell in _LEGAL_SPLIT.split(text) if cell.strip()]


# --- Trình tự thực hiện, kết quả --------------------------------------------------------

_STEP = re.compile(r"(?m)^[ \t\-–+*•]*Bước\s*\d+\s*[:.)–-]?")
_BLANK_LINES = re.compile(r"\n\s*\n")


def parse_steps(text: str) -> list[str]:
    """Steps split at "Bước N:" when the text numbers them, else at blank lines."""
    text = text.strip()
    if not text or text == NO_INFO:
        return []
    starts = [m.start() for m in _STEP.finditer(text)]
    if len(starts) >= 2:
        bounds = ([0] if starts[0] > 0 else []) + starts + [len(text)]
        parts = [text[a:b] for a, b in itertools.pairwise(bounds)]
    else:
        parts = _BLANK_LINES.split(text)
    return [re.sub(r"\n{3,}", "\n\n", p.strip()) for p in parts if p.strip()]


_RESULT_CODE = re.compile(r"Mã: ?KQ\.[A-Z]\d+\.\d+")


def parse_result(text: str) -> str:
    """The result papers' names, without their codes and the page's trailing widgets."""
    head = text.split("Từ khóa", 1)[0]
    names = [n.strip() for n in _RESULT_CODE.split(head) if n.strip() and n.strip() != NO_INFO]
    return "; ".join(names)
