"""Reading and checking catalogue files, the same way on the kiosk and on the server.

The server publishes only what a kiosk's strict decode accepts, because both call
these functions: the same format, the same limits (``wire.catalogue.MAX_*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import msgspec

from wire.catalogue import MAX_CATALOGUE_BYTES, CatalogueFile
from wire.errors import CatalogueFormatError, CatalogueTooLargeError
from wire.links import link_refusal
from wire.problems import ParseProblem


def read_limited(path: Path, limit: int = MAX_CATALOGUE_BYTES) -> bytes:
    """The bytes of ``path``, refused with ``CatalogueTooLargeError`` past ``limit``.

    Reads at most one byte more than the limit, so a huge file costs no memory; the
    portal reader uses it too.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise CatalogueFormatError(str(path), exc.strerror or str(exc)) from exc
    if len(data) > limit:
        size = path.stat().st_size if path.is_file() else len(data)
        raise CatalogueTooLargeError(str(path), size=size, limit=limit)
    return data


def read_catalogue_file(path: Path) -> CatalogueFile:
    """The validated contents of a kiosk-format file; raises ``CatalogueFormatError``.

    The error's detail names the place, e.g. "... - at `$.procedures[0].code`", or the
    limit it passed.
    """
    data = read_limited(path)
    try:
        return msgspec.json.decode(data, type=CatalogueFile, strict=True)
    except msgspec.ValidationError as exc:
        raise CatalogueFormatError(str(path), str(exc)) from exc
    except msgspec.DecodeError as exc:  # malformed JSON
        raise CatalogueFormatError(str(path), f"invalid JSON: {exc}") from exc
    except UnicodeDecodeError as exc:  # msgspec lets bad UTF-8 in a string escape as this
        raise CatalogueFormatError(str(path), f"not UTF-8: {exc.reason}") from exc


def validate_catalogue(catalogue: CatalogueFile) -> CatalogueFile:
    """The catalogue as a strict decode of its own encoding would give it.

    Structs are validated only when decoded, so one built in Python (the portal
    converter's) is round-tripped through JSON here; patterns, lengths and the
    references between parts are all checked before anything is written.
    """
    try:
        return msgspec.json.decode(msgspec.json.encode(catalogue), type=CatalogueFile, strict=True)
    except msgspec.ValidationError as exc:
        raise CatalogueFormatError(catalogue.catalogue_version, str(exc)) from exc


def drop_refused_links(
    catalogue: CatalogueFile, domains: Sequence[str]
) -> tuple[CatalogueFile, list[ParseProblem]]:
    """``catalogue`` without the portal links ``wire.links`` refuses, and why each went.

    A refused link is not a reason to refuse the catalogue: the procedure is still worth
    showing, and without its own link the kiosk shows the national portal's page for its
    code (``kiosk.catalog.portal_link``). Each dropped link is one problem of the import
    report, so IT sees what to correct.
    """
    problems: list[ParseProblem] = []
    procedures = list(catalogue.procedures)
    for number, procedure in enumerate(procedures):
        if procedure.portal_url is None:
            continue
        reason = link_refusal(procedure.portal_url, domains)
        if reason is not None:
            problems.append(ParseProblem(procedure.code, "portal_url", f"link dropped: {reason}"))
            procedures[number] = msgspec.structs.replace(procedure, portal_url=None)
    if not problems:
        return catalogue, problems
    return msgspec.structs.replace(catalogue, procedures=procedures), problems
