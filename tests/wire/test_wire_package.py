"""The wire package stands alone, and the server needs nothing else of the kiosk's code.

The import-linter contracts check what the source imports; these check what a fresh
process actually loads, lazy imports included, as a centre's machine without the
kiosk's dependencies would.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import wire
from kiosk.paths import PROJECT_ROOT

#: Beside the standard library, all the wire may load: its own code, msgspec (which
#: brings typing_extensions), and Babel's CLDR data (the nationality codes a form's
#: default is checked against).
ALLOWED = {"wire", "msgspec", "typing_extensions", "babel"}

_LOAD_EVERYTHING = """
import importlib, json, pkgutil, sys
import wire
for module in pkgutil.walk_packages(wire.__path__, "wire."):
    importlib.import_module(module.name)
from wire.vocabulary import nationality
assert nationality("VN") is not None  # builds the list from Babel's data
from wire import places
assert places.ward("00097") is not None  # reads the units' files, not their package
loaded = {name.split(".")[0] for name in sys.modules}
print(json.dumps(sorted(loaded - set(sys.stdlib_module_names))))
"""

_LOAD_THE_SERVER = """
import importlib, json, pkgutil, sys
import server
for module in pkgutil.walk_packages(server.__path__, "server."):
    # ``__main__`` would start the server; the migrations are Alembic's scripts.
    if not module.name.endswith("__main__") and not module.name.startswith("server.migrations"):
        importlib.import_module(module.name)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _loaded_packages(script: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout)
    return {name for name in loaded if not name.startswith("_")}


def test_every_wire_module_loads_with_only_msgspec_and_babel() -> None:
    loaded = _loaded_packages(_LOAD_EVERYTHING)
    assert "wire" in loaded
    assert loaded <= ALLOWED, f"the wire package loaded {sorted(loaded - ALLOWED)}"


def test_the_package_lists_its_modules_and_says_what_it_never_imports() -> None:
    modules = {module.name for module in pkgutil.iter_modules(wire.__path__)}
    assert {"protocol", "catalogue", "forms", "catalogue_files", "form_files"} <= modules
    assert wire.__doc__ is not None
    for never in ("SQLAlchemy", "Qt", "``kiosk``", "``ui``", "``server``"):
        assert never in wire.__doc__


def test_loading_every_server_module_loads_no_kiosk_ui_or_qt_code() -> None:
    loaded = _loaded_packages(_LOAD_THE_SERVER)
    assert {"server", "wire"} <= loaded
    assert loaded.isdisjoint({"kiosk", "ui", "PySide6", "shiboken6"})
