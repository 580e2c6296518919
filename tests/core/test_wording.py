"""Every text a citizen reads keeps one polite register (docs/wording.md).

The texts are read where they are written, not from the ``.ts`` file (which is
regenerated from these sources): every ``QT_TRANSLATE_NOOP`` and
``QCoreApplication.translate`` source text in ``ui/``, ``kiosk/`` and ``wire/`` — what
``lupdate`` collects — plus the privacy notice, which the core keeps whole, and every
string of the bundled catalogue and forms. Staff screens are held to the same rules:
they are short, and the spelling is the government's everywhere.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from kiosk.config import Language, Settings
from kiosk.consent.notice import privacy_notice
from kiosk.paths import PROJECT_ROOT, RESOURCES_DIR

#: What a text must not say, each with the reason a reviewer reads when it does.
RULES: dict[str, re.Pattern[str]] = {
    # Ông/Bà or no pronoun: "bạn" is how one talks to a friend, not to an elderly citizen.
    "bạn": re.compile(r"\b[Bb]ạn\b"),
    # "Vui lòng …" asks; "Xin hãy" and "Hãy" order.
    "Xin hãy": re.compile(r"\b[Xx]in hãy\b"),
    "a sentence starting with Hãy": re.compile(r"(?:^|[.!?:;]\s+)[Hh]ãy\b"),
    # The old tone placement of government documents: hòa, xóa, hủy, khóa, not hoà, xoá,
    # huỷ, khoá. Only an open syllable differs (hoàn, khuyến are the same in both); the
    # "u" of "qu" is part of the consonant (quý).
    "new tone style (Xoá, Huỷ, khoá)": re.compile(
        r"(?<![qQ])(?:[oO][áàảãạ]|[oO][éèẻẽẹ]|[uU][ýỳỷỹỵ])(?![^\W\d_])"
    ),
    # And never the reverse where a final sound follows: Thoát, toàn, khoảng, huỳnh.
    "tone mark on the wrong vowel (Thóat)": re.compile(
        r"(?<![qQ])(?:[óòỏõọÓÒỎÕỌ][aăâe]|[úùủũụÚÙỦŨỤ]y)[^\W\d_]"
    ),
    # The same tap is "Bấm" everywhere: "Chạm" is the phone makers' word.
    "Chạm": re.compile(r"\b[Cc]hạm\b"),
    # Words a citizen cannot act on.
    "số nguyên": re.compile(r"\bsố nguyên\b", re.IGNORECASE),
    "ký tự điều khiển": re.compile(r"\bký tự điều khiển\b", re.IGNORECASE),
}

#: How the sources mark a text for translation, and which argument is the text.
TRANSLATION_CALLS = {"QT_TRANSLATE_NOOP": 1, "translate": 1}
SOURCE_PACKAGES = ("ui", "kiosk", "wire")
BUNDLED_JSON = (
    RESOURCES_DIR / "catalogue" / "bundled.json",
    *sorted((RESOURCES_DIR / "forms").glob("*.json")),
)
TS_FILE = RESOURCES_DIR / "translations" / "kiosk_en.ts"


def broken_rules(text: str) -> list[str]:
    """The names of the rules ``text`` breaks."""
    return [name for name, pattern in RULES.items() if pattern.search(text)]


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


@cache
def source_texts() -> tuple[tuple[str, str], ...]:
    """(where, text) for every text the sources mark for translation."""
    found: list[tuple[str, str]] = []
    for package in SOURCE_PACKAGES:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                position = TRANSLATION_CALLS.get(_call_name(node) or "")
                if position is None or len(node.args) <= position:
                    continue
                argument = node.args[position]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    where = f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"
                    found.append((where, argument.value))
    return tuple(found)


def notice_texts() -> Iterator[tuple[str, str]]:
    """The notice as shown, with and without days of retention (two wordings)."""
    for settings in (Settings(), Settings(retention_days=0)):
        yield "kiosk/consent/notice.py", privacy_notice(settings, Language.VIETNAMESE).text


def json_texts(path: Path) -> Iterator[tuple[str, str]]:
    """Every string of a JSON file, with its place in it."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]")

    name = str(path.relative_to(PROJECT_ROOT))
    yield from walk(json.loads(path.read_text(encoding="utf-8")), f"{name}:$")


def violations(texts: Iterator[tuple[str, str]] | tuple[tuple[str, str], ...]) -> list[str]:
    return [
        f"{where}: {', '.join(rules)}: {text!r}"
        for where, text in texts
        if (rules := broken_rules(text))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Xin chào! Bạn cần làm gì hôm nay?",
        "Hai bạn cùng có mặt tại quầy.",
        "Xin hãy nhập một số nguyên, chỉ gồm chữ số, ví dụ 2.",
        "Hãy nhập mã PIN.",
        "Cần giúp đỡ? Hãy hỏi cán bộ tại quầy.",
        "Xoá",
        "Huỷ số {label}",
        "Tạm khoá {minutes} phút",
        "Khoá lại & về trang chủ",
        "Không dùng được khoá mã hoá",
        "Chạm để chọn xã/phường",
        "Thóat chế độ kiosk",
        "Nội dung có ký tự điều khiển hoặc ký tự ẩn không in được.",
    ],
)
def test_the_rules_catch_the_old_wording(text: str) -> None:
    assert broken_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kính chào Ông/Bà. Ông/Bà cần làm thủ tục gì?",
        "Vui lòng chỉ nhập số, ví dụ: 2.",
        "Xóa, Hủy, khóa, Ủy ban, tùy thân, thỏa thuận, Hòa, Thủy",
        "hoàn tác, khuyến khích, quý, thuở, hoặc, toán, ngoáy, khoái, Thoát, huỳnh, khoảng",
        "Bấm để chọn xã/phường/đặc khu",
        "Người đi khai là gì của cháu bé? Xin chia buồn cùng gia đình.",
        "Mời công dân có số A-012 đến quầy 2.",
    ],
)
def test_the_rules_let_the_new_wording_through(text: str) -> None:
    assert broken_rules(text) == []


def test_the_scan_reads_every_area_the_translation_file_holds() -> None:
    texts = {text for _, text in source_texts()}
    # The .ts lists what lupdate found in the same sources: the scan finds about as much.
    in_ts = {source.text for source in ET.parse(TS_FILE).getroot().iter("source")}
    assert len(texts) >= 0.9 * len(in_ts)
    areas = {where.split("/")[0] for where, _ in source_texts()}
    assert areas == set(SOURCE_PACKAGES)
    for known in ("Về trang chủ", "Lấy số thứ tự", "Đã có lỗi xảy ra.", "Ưu tiên"):
        assert known in texts


def test_texts_marked_for_translation_keep_the_register() -> None:
    assert violations(source_texts()) == []


def test_the_privacy_notice_keeps_the_register() -> None:
    assert violations(notice_texts()) == []


@pytest.mark.parametrize("path", BUNDLED_JSON, ids=lambda path: path.name)
def test_bundled_catalogue_and_forms_keep_the_register(path: Path) -> None:
    texts = list(json_texts(path))
    assert texts
    assert violations(iter(texts)) == []
