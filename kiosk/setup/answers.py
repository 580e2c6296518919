"""The setup's answers, stored in the data folder so nothing is asked twice.

``setup.json`` in the data folder, written whole and atomically (a new file renamed
over the old one), private to the kiosk's user like everything in that folder. It
holds the settings the setup chose and which steps are done; it is the kiosk's to
write, not a file to edit by hand (IT's hand edits go to ``config.toml``, which these
answers lie over: see ``kiosk.config.loader``). JSON rather than TOML because the
standard library reads TOML but cannot write it, and this file is only ever written
by the kiosk.

No secret is stored here: the enrolment token is kept by ``kiosk.sync.credentials``
and the staff PIN's hash in the database.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import msgspec

from kiosk.config import Settings, load_settings
from kiosk.errors import ConfigError
from kiosk.paths import resolve_data_dir

log = logging.getLogger("kiosk.setup")

ANSWERS_FILE = "setup.json"


class SetupAnswers(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """What the setup was told; ``None`` means not answered (the config file's value)."""

    centre_name: str | None = None
    kiosk_number: int | None = None
    #: ``""``: the kiosk was set up to run without a server.
    server_url: str | None = None
    printer: str | None = None
    #: ``""``: the kiosk was set up without an office printer.
    office_printer: str | None = None
    #: The steps done, by their ``Step`` value.
    done: tuple[str, ...] = ()

    def settings_values(self) -> dict[str, Any]:
        """The answers as settings, for ``load_settings(answers=...)``."""
        values: dict[str, Any] = {}
        for name in ("centre_name", "kiosk_number", "server_url", "printer", "office_printer"):
            value = getattr(self, name)
            if value is not None:
                values[name] = value or None  # "" stands for "none", over the file's value
        return values


def settings_in_force(config: Path | None, cli_data_dir: Path | None) -> Settings:
    """IT's file with the setup's answers laid over it: what the kiosk runs with.

    One function for the window, the command line and ``doctor``, so ``doctor`` checks
    the printer and server the kiosk really uses. Raises ``ConfigError``.
    """
    settings = load_settings(config)
    answers = read_answers(resolve_data_dir(cli_data_dir, settings.data_dir)).settings_values()
    return load_settings(config, answers=answers) if answers else settings


def answers_path(data_dir: Path) -> Path:
    return data_dir / ANSWERS_FILE


def read_answers(data_dir: Path) -> SetupAnswers:
    """The stored answers; none stored yet means none. Raises ``ConfigError``."""
    path = answers_path(data_dir)
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # the data folder's check says why
        return SetupAnswers()
    except OSError as exc:
        raise ConfigError(detail=f"{path}: {exc.strerror or exc}") from exc
    try:
        return msgspec.json.decode(data, type=SetupAnswers)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise ConfigError(detail=f"{path}: {exc}") from exc


def write_answers(data_dir: Path, answers: SetupAnswers) -> None:
    """Store ``answers`` whole: a crash leaves the old file or the new one, never half."""
    path = answers_path(data_dir)
    data = msgspec.json.format(msgspec.json.encode(answers), indent=2) + b"\n"
    try:
        descriptor, temporary = tempfile.mkstemp(dir=data_dir, prefix=".setup-", suffix=".json")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(detail=f"{path}: {exc.strerror or exc}") from exc


def setup_wanted(setup_code: str | None, data_dir: Path) -> bool:
    """Whether the window opens on the setup at start: a setup code is configured and
    a step is not done yet."""
    if setup_code is None:
        return False
    from kiosk.setup.steps import STEPS

    done = set(read_answers(data_dir).done)
    return any(step.value not in done for step in STEPS)
