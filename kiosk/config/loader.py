"""Reading the settings file, with errors that name the offending key.

Precedence, highest first: command-line overrides, ``KIOSK_<SETTING>`` environment
variables, the answers the kiosk's setup stored in its data folder (``kiosk.setup``),
the TOML file, the defaults. The setup's answers lie over IT's file because they are
the later word, given at the kiosk itself (and redone from staff mode); the
environment and the command line still win, as they do for everything.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec
import platformdirs

from kiosk import APP_NAME
from kiosk.config.settings import Settings, describe_settings
from kiosk.errors import ConfigError

CONFIG_ENV = "KIOSK_CONFIG"
ENV_PREFIX = "KIOSK_"


def default_config_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the kiosk looks for its configuration when none is named."""
    named = (os.environ if environ is None else environ).get(CONFIG_ENV)
    if named:
        return Path(named)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def load_settings(
    path: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    answers: Mapping[str, Any] | None = None,
) -> Settings:
    """The settings in force; a missing file at the default place means defaults.

    ``answers``: the setup's stored answers, laid over the file (see the module).

    A file named explicitly must exist. Any unreadable file, unknown key or value of
    the wrong type raises :class:`ConfigError` naming the file and the key.
    """
    env = os.environ if environ is None else environ
    explicit = path is not None or bool(env.get(CONFIG_ENV))
    config_path = path or default_config_path(env)
    values: dict[str, Any] = {}
    if config_path.exists() or explicit:
        values.update(_read_toml(config_path))
    values.update(answers or {})
    values.update(_from_environment(env))
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return _validate(values, source=str(config_path))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(detail=f"{path}: không tìm thấy tệp / file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(detail=f"{path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(detail=f"{path}: TOML: {exc}") from exc


def _from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """``KIOSK_IDLE_TIMEOUT_S=30`` and the like; numbers and booleans read as JSON, lists
    separated by commas."""
    found: dict[str, Any] = {}
    for setting in describe_settings():
        raw = environ.get(ENV_PREFIX + setting.name.upper())
        if raw is None:
            continue
        if issubclass(setting.value_type, tuple):  # "dichvucong.gov.vn, *.hanoi.gov.vn"
            found[setting.name] = [item.strip() for item in raw.split(",") if item.strip()]
        elif issubclass(setting.value_type, bool | int | float):
            try:
                found[setting.name] = json.loads(raw.strip().lower())
            except ValueError:
                found[setting.name] = raw  # validation names the key and the type
        else:
            found[setting.name] = raw
    return found


def _validate(values: dict[str, Any], source: str) -> Settings:
    try:
        return msgspec.convert(values, Settings, strict=True, dec_hook=_decode_path)
    except msgspec.ValidationError as exc:
        raise ConfigError(detail=f"{source}: {_name_the_key(str(exc))}") from exc


def _decode_path(expected: type, value: object) -> object:
    if expected is Path and isinstance(value, str):
        return Path(value)
    raise TypeError(f"Expected a folder path, got `{type(value).__name__}`")


def _name_the_key(message: str) -> str:
    """msgspec's message, led by the setting's name the way an IT person reads it."""
    unknown = re.fullmatch(r"Object contains unknown field `(.+)`", message)
    if unknown:
        return f"'{unknown.group(1)}': khóa không được hỗ trợ / unknown setting"
    located = re.fullmatch(r"(.*) - at `\$\.(\w+)`", message)
    if located:
        return f"'{located.group(2)}': {located.group(1)}"
    return message
