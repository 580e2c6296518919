"""The English translation: complete, current with the code, placeholders intact."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk import errors
from kiosk.config import Language
from ui.i18n import build_translations, ts_path
from wire.i18n import TrText


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def test_every_string_has_a_finished_english_translation_with_its_placeholders() -> None:
    found = messages(ts_path(Language.ENGLISH))
    assert len(found) > 50
    for (context, source), translation in found.items():
        assert translation is not None
        assert translation.get("type") is None, (context, source)
        assert translation.text, (context, source)
        placeholders = set(re.findall(r"\{[^}]*\}", source))
        assert set(re.findall(r"\{[^}]*\}", translation.text)) == placeholders, source


def test_core_error_messages_are_in_the_translation() -> None:
    found = messages(ts_path(Language.ENGLISH))
    core = [
        value.message
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.KioskError)
    ]
    assert len(core) > 5
    for text in core:
        assert isinstance(text, TrText)
        assert (text.context, text.source) in found, text.source


def test_the_committed_ts_is_current_with_the_code(tmp_path: Path) -> None:
    shutil.copy(ts_path(Language.ENGLISH), tmp_path)
    build_translations(folder=tmp_path)
    assert messages(tmp_path / "kiosk_en.ts").keys() == messages(ts_path(Language.ENGLISH)).keys()
    assert (tmp_path / "kiosk_en.qm").stat().st_size > 0
