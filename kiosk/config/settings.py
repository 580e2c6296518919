"""Every setting of the kiosk, declared once with its type, default and meaning.

This model is the registry: the loader, ``doctor``, the README's table and the
example file are all derived from it. Secrets (device token, staff PIN) never live
here: the token goes to the OS keyring, the PIN hash to the local database.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

#: Bumped when a setting is renamed or its meaning changes; the loader upgrades
#: older files in memory and says which keys it moved.
CONFIG_VERSION = 1


class Language(StrEnum):
    VIETNAMESE = "vi"
    ENGLISH = "en"


class Theme(StrEnum):
    STANDARD = "standard"
    HIGH_CONTRAST = "high_contrast"


class TextScale(IntEnum):
    NORMAL = 100
    LARGE = 125
    LARGEST = 150


class Settings(BaseModel):
    """The whole configuration of one kiosk."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_enum_values=False)

    config_version: int = Field(CONFIG_VERSION, description="Version of this file's layout.")
    centre_name: str = Field(
        "Trung tâm Phục vụ hành chính công",
        min_length=1,
        max_length=120,
        description="Name of the centre, shown on the home screen and on tickets.",
    )
    kiosk_name: str = Field(
        "KIOSK-01",
        pattern=r"^[A-Za-z0-9-]{1,20}$",
        description="Short name of this kiosk; part of every dossier reference.",
    )
    language: Language = Field(
        Language.VIETNAMESE, description="Language the kiosk starts in and returns to."
    )
    idle_timeout_s: float = Field(
        90.0, gt=0, le=3600, description="Seconds without a touch before the reset warning."
    )
    idle_warning_s: float = Field(
        20.0, gt=0, le=300, description="Seconds the reset warning counts down."
    )
    theme: Theme = Field(Theme.STANDARD, description="Colour theme: standard or high_contrast.")
    text_scale: TextScale = Field(
        TextScale.NORMAL, description="Text size in percent: 100, 125 or 150."
    )
    kiosk_mode: bool = Field(False, description="Frameless full screen that only staff can leave.")
    printer: str = Field(
        "file:",
        min_length=1,
        description="Receipt printer URI; 'file:' writes ESC/POS bytes to the data folder.",
    )
    server_url: str | None = Field(
        None,
        pattern=r"^https?://\S+$",
        description="URL of the centre's sync server; empty means offline only.",
    )
    data_dir: Path | None = Field(
        None, description="Folder for the database, logs and printouts (default: per-user)."
    )
    log_level: str = Field(
        "INFO",
        pattern=r"^(DEBUG|INFO|WARNING|ERROR)$",
        description="Least severe log level written to the log files.",
    )
