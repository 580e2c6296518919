"""A citizen with known details, planted through the kiosk, and a search for them anywhere.

The search looks for each detail in every spelling a file could hold it in: UTF-8, in
both Unicode normal forms, as JSON's ``\\uXXXX`` escapes (SQLAlchemy's JSON column
writes those), UTF-16 (Windows), and the words of a PDF's text layer (its content
streams are compressed, so bytes alone would prove nothing).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from kiosk.forms.samples import sample_answers

FORM_ID = "ly-lich-tu-phap"
NAME = "Nguyễn Văn An"
ID_NUMBER = "001099012345"
PHONE = "0936215487"
ADDRESS = "Số 17 ngõ Thịnh Hào 3"
BIRTH_DATE = "1999-04-17"
#: A word the bundled font cannot draw: fpdf2 names such characters in a warning.
NO_GLYPH = "王氏"
PURPOSE = f"Xin việc ở công ty {NO_GLYPH}"

#: Every detail planted, and how the birth date is written on paper.
SECRETS = (NAME, ID_NUMBER, PHONE, ADDRESS, BIRTH_DATE, "17/04/1999", NO_GLYPH)


def planted_answers() -> dict[str, Any]:
    """The sample lý lịch tư pháp request, made out to the planted citizen."""
    answers = sample_answers(FORM_ID)
    answers.update(
        full_name=NAME,
        id_number=ID_NUMBER,
        birth_date=BIRTH_DATE,
        phone=PHONE,
        purpose=PURPOSE,
    )
    answers["permanent_address"] = {**answers["permanent_address"], "detail": ADDRESS}
    return answers


def spellings(secret: str) -> set[bytes]:
    """The byte strings ``secret`` may be stored as."""
    found: set[bytes] = set()
    for form in ("NFC", "NFD"):
        text = unicodedata.normalize(form, secret)
        escaped = json.dumps(text)[1:-1]
        for variant in {text, escaped, escaped.upper().replace("\\U", "\\u")}:
            found.add(variant.encode("utf-8"))
            found.add(variant.encode("utf-16-le"))
    return found


def hits(data: bytes, text: str = "", secrets: Iterable[str] = SECRETS) -> list[str]:
    """The secrets found in ``data`` (bytes) or ``text`` (a document's extracted text)."""
    words = " ".join(unicodedata.normalize("NFC", text).split())
    return [
        secret
        for secret in secrets
        if any(spelling in data for spelling in spellings(secret)) or secret in words
    ]


def find_planted(folder: Path, secrets: Iterable[str] = SECRETS) -> dict[str, list[str]]:
    """Every file under ``folder`` holding a secret, with the secrets it holds."""
    wanted = tuple(secrets)
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        text = _pdf_text(path) if path.suffix.lower() == ".pdf" else ""
        inside = hits(data, text, wanted)
        if inside:
            found[str(path.relative_to(folder))] = inside
    return found


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() or "" for page in reader.pages)
