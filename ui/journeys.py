"""Finding the journeys: every package under ``ui/screens/`` that defines ``JOURNEY``.

The window does not list its journeys: it asks this module, so adding a journey is
adding one folder (with a ``JOURNEY = JourneySpec(...)`` in its ``__init__``). A
journey's ``__init__`` imports only what its :class:`~ui.host.JourneySpec` needs (its
texts); the screens are imported by its ``build``, when a citizen first opens it.
"""

from __future__ import annotations

import importlib
import pkgutil

import ui.screens
from ui.host import HomeTile, JourneySpec


def discover() -> tuple[JourneySpec, ...]:
    """Every journey, those with a home tile first in tile order, then the rest by key."""
    found: dict[str, JourneySpec] = {}
    for info in pkgutil.iter_modules(ui.screens.__path__, f"{ui.screens.__name__}."):
        if not info.ispkg:
            continue
        spec = getattr(importlib.import_module(info.name), "JOURNEY", None)
        if not isinstance(spec, JourneySpec):
            continue
        if spec.key in found:
            raise RuntimeError(f"two journeys are called {spec.key!r}")
        found[spec.key] = spec
    return tuple(sorted(found.values(), key=_order))


def home_tiles(journeys: tuple[JourneySpec, ...]) -> tuple[tuple[str, HomeTile], ...]:
    """The home screen's tiles: (journey key, tile), in tile order."""
    return tuple((spec.key, spec.tile) for spec in journeys if spec.tile is not None)


def _order(spec: JourneySpec) -> tuple[int, str]:
    return (spec.tile.order if spec.tile is not None else 1_000_000, spec.key)
