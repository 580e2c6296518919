"""The ``vietnamadminunits`` package's data files, read without importing the package.

The kiosk needs only the package's data (MIT licence): the units in
``data/dataset.db`` and two tables of its JSON files. Its own API is not imported:
the package's ``__init__`` imports its address parser and converter, which import
numpy, shapely, geopy and requests for geocoding (about 56 MB and half a second, for
a feature that would send a citizen's address to an online service). So the installed
package is located with :func:`importlib.util.find_spec`, which does not run its
``__init__``, and the files are read here: the database read-only, and of each JSON
file the one table wanted, so the rest of the file never becomes Python objects.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

PACKAGE = "vietnamadminunits"
#: The 34 provinces and their wards since 1 July 2025.
UNITS_TABLE = "admin_units"
#: The 63 provinces, their districts and wards before.
LEGACY_UNITS_TABLE = "admin_units_legacy"


class PlacesDataError(RuntimeError):
    """The package's data is not where it should be: an installation fault for IT."""


def data_dir() -> Path:
    """The installed package's ``data`` folder."""
    spec = importlib.util.find_spec(PACKAGE)
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        raise PlacesDataError(f"the {PACKAGE} package is not installed")
    return Path(next(iter(locations))) / "data"


def units(table: str, fields: Sequence[str]) -> Iterator[sqlite3.Row]:
    """The distinct ``fields`` of ``table``, as the package's ``get_data`` reads them.

    Row by row (read by name: ``row["wardKey"]``), never all at once: the old units are
    10,000 rows, which as a list of dictionaries would take some 10 MB for a moment.
    """
    path = data_dir() / "dataset.db"
    if not path.is_file():
        raise PlacesDataError(f"{path} is missing")
    columns = ", ".join(f'"{field}"' for field in fields)
    # ``immutable``: package data never changes, so SQLite takes no lock and writes
    # nothing beside the file (the install folder is usually read-only).
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        connection.row_factory = sqlite3.Row
        # The names are the kiosk's own constants, never text from outside.
        yield from connection.execute(f'SELECT DISTINCT {columns} FROM "{table}"')
    finally:
        connection.close()


def json_table(file_name: str, key: str) -> Any:
    """The value of the top-level ``key`` in the package's JSON file ``file_name``.

    Only that value is decoded: ``parser_legacy.json`` is 2.6 MB, and decoding it
    whole would briefly take some 25 MB for the 38 kB table the kiosk reads (its other
    tables also hold ``NaN``, which strict decoders refuse). The tables are named by
    keys such as ``DICT_PROVINCE_DISTRICT_DIVIDED`` that occur nowhere else in the file.
    """
    path = data_dir() / file_name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PlacesDataError(f"{path}: {exc.strerror or exc}") from exc
    found = re.search(rb'"' + re.escape(key.encode()) + rb'"\s*:\s*', data)
    if found is None:
        raise PlacesDataError(f"{path} has no table {key!r}")
    try:
        # From the table on: what comes before it never becomes text.
        return json.JSONDecoder().raw_decode(data[found.end() :].decode("utf-8"))[0]
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError alike
        raise PlacesDataError(f"{path}: table {key!r} is not JSON ({exc})") from exc
