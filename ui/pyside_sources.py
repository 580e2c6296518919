"""Keep PySide6 from holding the source of every module in memory.

WORKAROUND: once shiboken6 is loaded, its import hook asks of every module imported
after it whether the source mentions "PySide6" (``shibokensupport/feature.py``,
``_mod_uses_pyside``, PYSIDE-2029), and asks with ``inspect.getsource``, which reads
the whole file into ``linecache`` and keeps it there for the life of the process. For
the kiosk that is every line of SQLAlchemy, the core and the screens: about 25 MB
held for nothing (https://github.com/pyzo/pyzo/pull/851 describes the hook). The
same question is answered here from the file's bytes, which are dropped at once.

The answer only decides whether a module may switch PySide6's ``__feature__`` options
(``snake_case``, ``true_property``), which the kiosk does not use; it is the same
answer for every module with a source file, and "no" for the rest, as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: Where shiboken6 keeps the hook's helper (``shibokensupport.feature``).
FEATURE_MODULE = "PySide6.support.feature"


def keep_sources_out_of_memory() -> bool:
    """Answer the hook's question without ``linecache``; ``False`` if PySide6 has no
    such hook (another version), which then stays as it is."""
    import PySide6.QtCore  # noqa: F401 - loads shiboken6 and its hook

    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    return True


def mentions_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file says "PySide6" (``False`` without one)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False
