"""The settings file: defaults, overrides, and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import Language, Settings, TextScale, Theme, load_settings
from kiosk.config.settings import describe_settings
from kiosk.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_at_the_default_place_gives_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    settings = load_settings(None, environ={})
    assert not (tmp_path / "mot-cua-kiosk").exists()
    assert settings.language is Language.VIETNAMESE
    assert settings.idle_timeout_s == 90
    assert settings.idle_warning_s == 20
    assert settings.printer == "file:"
    assert settings.server_url is None


def test_every_setting_is_declared_with_a_description() -> None:
    described = describe_settings()
    assert [s.name for s in described] == list(Settings.__struct_fields__)
    for setting in described:
        assert setting.description, f"{setting.name} has no description"
    assert {s.name: s.default for s in described}["idle_timeout_s"] == 90.0


def test_file_values_and_environment_override(tmp_path: Path) -> None:
    config = write(
        tmp_path / "kiosk.toml",
        'centre_name = "UBND phường Bến Thành"\nlanguage = "en"\ntext_scale = 150\n'
        'theme = "high_contrast"\nidle_timeout_s = 45\n',
    )
    settings = load_settings(config, environ={"KIOSK_IDLE_TIMEOUT_S": "30"})
    assert settings.centre_name == "UBND phường Bến Thành"
    assert settings.language is Language.ENGLISH
    assert settings.text_scale is TextScale.LARGEST
    assert settings.theme is Theme.HIGH_CONTRAST
    assert settings.idle_timeout_s == 30


def test_command_line_overrides_win(tmp_path: Path) -> None:
    config = write(tmp_path / "kiosk.toml", "kiosk_mode = false\n")
    settings = load_settings(config, overrides={"kiosk_mode": True}, environ={})
    assert settings.kiosk_mode is True


def test_unknown_key_is_named(tmp_path: Path) -> None:
    config = write(tmp_path / "kiosk.toml", 'langauge = "en"\n')
    with pytest.raises(ConfigError, match=r"'langauge'.*unknown setting"):
        load_settings(config, environ={})


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('idle_timeout_s = "90"', "idle_timeout_s"),
        ('kiosk_mode = "yes"', "kiosk_mode"),
        ("text_scale = 120", "text_scale"),
        ('language = "fr"', "language"),
        ('server_url = "not a url"', "server_url"),
        ('kiosk_name = "Kiosk số 1"', "kiosk_name"),
    ],
)
def test_wrong_type_or_value_is_named(tmp_path: Path, line: str, key: str) -> None:
    config = write(tmp_path / "kiosk.toml", line + "\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ={})
    assert f"'{key}'" in str(caught.value)
    assert str(config) in str(caught.value)


def test_wrong_type_in_environment_is_named() -> None:
    with pytest.raises(ConfigError, match="'idle_timeout_s'"):
        load_settings(None, environ={"KIOSK_IDLE_TIMEOUT_S": "soon"})


def test_corrupt_file_is_reported_and_left_untouched(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_bytes(b'centre_name = "Trung t\xe2m\n[[[')
    before = config.read_bytes()
    with pytest.raises(ConfigError, match=str(config)):
        load_settings(config, environ={})
    assert config.read_bytes() == before


def test_a_named_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml", environ={})


def test_config_file_named_by_environment(tmp_path: Path) -> None:
    config = write(tmp_path / "kiosk.toml", 'kiosk_name = "QUAY-3"\n')
    settings = load_settings(None, environ={"KIOSK_CONFIG": str(config)})
    assert settings.kiosk_name == "QUAY-3"
