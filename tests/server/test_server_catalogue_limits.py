"""``admin import-catalogue`` and ``publish-form`` refuse what a kiosk would refuse for its
size: the server reads through the same ``wire`` functions, so it never publishes a
catalogue or a form its kiosks' limits turn away."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.cli.main import main
from tests.server.samples import BUNDLED_CATALOGUE, BUNDLED_FORMS
from wire.catalogue import MAX_CATALOGUE_BYTES
from wire.forms import MAX_FORM_BYTES


def admin(url: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["admin", *args, "--database-url", url])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def centre_id(database_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = admin(database_url, capsys, "create-centre", "Trung tâm xã Đông Anh")
    assert code == 0, err
    return out.strip()


def test_a_catalogue_file_past_the_size_limit_is_not_published(
    database_url: str, capsys: pytest.CaptureFixture[str], centre_id: str, tmp_path: Path
) -> None:
    text = BUNDLED_CATALOGUE.read_bytes()
    path = tmp_path / "big.json"
    path.write_bytes(text + b" " * (MAX_CATALOGUE_BYTES + 1 - len(text)))

    code, out, err = admin(
        database_url, capsys, "import-catalogue", str(path), "--centre", centre_id
    )

    assert code == 1
    assert "more than the 25,165,824 bytes a catalogue file may have" in err
    assert out == ""


def test_a_text_past_its_limit_is_not_published(
    database_url: str, capsys: pytest.CaptureFixture[str], centre_id: str, tmp_path: Path
) -> None:
    catalogue = json.loads(BUNDLED_CATALOGUE.read_text(encoding="utf-8"))
    catalogue["procedures"][0]["keywords"] = ["x" * 201]
    path = tmp_path / "long.json"
    path.write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")

    code, out, err = admin(
        database_url, capsys, "import-catalogue", str(path), "--centre", centre_id
    )

    assert code == 1
    assert "length <= 200 - at `$.procedures[0].keywords[0]`" in err
    assert out == ""


def test_a_form_past_its_size_limit_is_not_published(
    database_url: str, capsys: pytest.CaptureFixture[str], centre_id: str, tmp_path: Path
) -> None:
    text = (BUNDLED_FORMS / "khai-sinh.json").read_bytes()
    path = tmp_path / "khai-sinh.json"
    path.write_bytes(text + b" " * (MAX_FORM_BYTES + 1 - len(text)))

    code, out, err = admin(database_url, capsys, "publish-form", str(path), "--centre", centre_id)

    assert code == 1
    assert "1,048,576 bytes a form may have" in err
    assert out == ""
