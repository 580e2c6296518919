"""Every setting of the kiosk, declared once with its type, default and meaning.

This struct is the registry: the loader, ``doctor``, the README's table and its test
are all derived from it. Secrets (device token, staff PIN) never live here: the token
goes to the OS keyring, the PIN hash to the local database.

msgspec rather than a heavier validation library: the settings are read before the
first screen paints, and every millisecond there is one a citizen waits.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated

import msgspec
from msgspec import Meta

from wire.links import NATIONAL_PORTAL_DOMAINS, DomainPattern

#: Bumped when a setting is renamed or its meaning changes; the loader then upgrades
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


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """The whole configuration of one kiosk."""

    config_version: Annotated[int, Meta(ge=1, description="Version of this file's layout.")] = (
        CONFIG_VERSION
    )
    centre_name: Annotated[
        str,
        Meta(
            min_length=1,
            max_length=120,
            description="Name of the centre, shown on the home screen and on tickets.",
        ),
    ] = "Trung tâm Phục vụ hành chính công"
    kiosk_name: Annotated[
        str,
        Meta(
            pattern=r"^[A-Za-z0-9-]{1,20}\Z",
            description="Short name of this kiosk; part of every declaration reference.",
        ),
    ] = "KIOSK-01"
    kiosk_number: Annotated[
        int,
        Meta(
            ge=1,
            le=9,
            description="This kiosk's number at its centre (1-9); picks its offline ticket band.",
        ),
    ] = 1
    language: Annotated[
        Language, Meta(description="Language the kiosk starts in and returns to.")
    ] = Language.VIETNAMESE
    idle_timeout_s: Annotated[
        float,
        Meta(gt=0, le=3600, description="Seconds without a touch before the reset warning."),
    ] = 90.0
    idle_warning_s: Annotated[
        float, Meta(gt=0, le=300, description="Seconds the reset warning counts down.")
    ] = 20.0
    theme: Annotated[Theme, Meta(description="Colour theme: standard or high_contrast.")] = (
        Theme.STANDARD
    )
    text_scale: Annotated[TextScale, Meta(description="Text size in percent: 100, 125 or 150.")] = (
        TextScale.NORMAL
    )
    kiosk_mode: Annotated[
        bool, Meta(description="Frameless full screen that only staff can leave.")
    ] = False
    printer: Annotated[
        str,
        Meta(
            min_length=1,
            description="Receipt printer URI; 'file:' writes ESC/POS bytes to the data folder.",
        ),
    ] = "file:"
    office_printer: (
        Annotated[
            str,
            Meta(
                # A queue's name as the print system spells it; never an option.
                pattern=r"^[^\s\x00-\x1f-][^\x00-\x1f]{0,126}\Z",
                description="Name of the office (A4) printer queue for printing filled forms; "
                "not set means no A4 printing from the kiosk.",
            ),
        ]
        | None
    ) = None
    server_url: (
        Annotated[
            str,
            Meta(
                pattern=r"^https?://\S+\Z",
                description="URL of the centre's sync server; empty means offline only.",
            ),
        ]
        | None
    ) = None
    ca_bundle: (
        Annotated[
            Path,
            Meta(
                description="PEM file of the centre's own CA for the server's TLS certificate "
                "(default: the system's trusted roots).",
            ),
        ]
        | None
    ) = None
    portal_domains: Annotated[
        tuple[DomainPattern, ...],
        Meta(
            max_length=50,
            description="Hosts a procedure's portal link may point to, to become a QR code: "
            "'dichvucong.gov.vn', or '*.gov.vn' for any host under gov.vn; only https links.",
        ),
    ] = NATIONAL_PORTAL_DOMAINS
    sync_interval_s: Annotated[
        float,
        Meta(ge=5, le=86400, description="Seconds between sync passes while online."),
    ] = 60.0
    sync_batch_size: Annotated[
        int,
        Meta(ge=1, le=500, description="Outbox entries uploaded per request."),
    ] = 100
    retention_days: Annotated[
        int,
        Meta(
            ge=0,
            le=365,
            description="Days a declaration's or account's personal data stays on the kiosk after "
            "the server acknowledged it or, on a kiosk with no server, after it was submitted.",
        ),
    ] = 7
    refused_retention_days: Annotated[
        int,
        Meta(
            ge=1,
            le=365,
            description="Days an upload the server refused keeps its personal data while staff "
            "neither send it again nor discard it; then the kiosk discards it (audited).",
        ),
    ] = 30
    printouts_max_age_days: Annotated[
        int,
        Meta(
            ge=0,
            le=365,
            description="Days a file stays in the printouts and spool folders (never longer "
            "than retention_days).",
        ),
    ] = 3
    printouts_max_mb: Annotated[
        int,
        Meta(
            ge=1,
            le=100_000,
            description="Megabytes the printouts folder may hold; the oldest files go first.",
        ),
    ] = 100
    data_dir: (
        Annotated[
            Path,
            Meta(description="Folder for the database, logs and printouts (default: per-user)."),
        ]
        | None
    ) = None
    data_key_file: (
        Annotated[
            Path,
            Meta(
                description="File holding the key that encrypts citizens' data, for a kiosk "
                "without an OS keyring: owned by root, readable by the kiosk's user only, "
                "outside the data folder (default: the key is kept in the OS keyring).",
            ),
        ]
        | None
    ) = None
    setup_code: (
        Annotated[
            str,
            Meta(
                pattern=r"^[A-Za-z0-9-]{8,64}\Z",
                description="Code IT types to open the kiosk's setup on its screen (8-64 "
                "letters, digits or dashes; written by the installer); not set means the "
                "setup is only on the command line (python -m kiosk setup).",
            ),
        ]
        | None
    ) = None
    log_level: Annotated[
        str,
        Meta(
            pattern=r"^(DEBUG|INFO|WARNING|ERROR)\Z",
            description="Least severe log level written to the log files.",
        ),
    ] = "INFO"


@dataclass(frozen=True, slots=True)
class SettingInfo:
    """One setting as the registry declares it."""

    name: str
    value_type: type
    default: object
    description: str


def describe_settings() -> list[SettingInfo]:
    """Every setting, in declaration order, with its plain type and description."""
    hints = typing.get_type_hints(Settings, include_extras=True)
    described = []
    for field in msgspec.structs.fields(Settings):
        value_type, meta = _unwrap(hints[field.name])
        described.append(SettingInfo(field.name, value_type, field.default, meta.description or ""))
    return described


def _unwrap(hint: object) -> tuple[type, Meta]:
    """``Annotated[T, Meta(...)] | None`` → ``(T, Meta)``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (hint,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
    base, meta = typing.get_args(hint)
    base = typing.get_origin(base) or base  # tuple[str, ...] → tuple
    if not (isinstance(base, type) and isinstance(meta, Meta)):
        raise TypeError(f"every setting is declared as Annotated[type, Meta(...)]: {hint}")
    return base, meta
