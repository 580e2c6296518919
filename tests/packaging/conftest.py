"""What ``./dev.sh package`` put in ``dist/``: fixtures for the packaging tests.

These tests check the built artefacts, not the clone: ``./dev.sh package-test`` runs
them after ``./dev.sh package`` (the suite never collects them, see ``pyproject.toml``).
``dist_dir`` is the folder; ``frozen_program`` the frozen kiosk's executable.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.artefacts import DIST_DIR, FROZEN_NAME, require


@pytest.fixture(scope="session")
def dist_dir() -> Path:
    """The folder ``./dev.sh package`` filled (``dist/``, or ``KIOSK_DIST_DIR``)."""
    return require(DIST_DIR, "the dist folder")


@pytest.fixture(scope="session")
def frozen_program(dist_dir: Path) -> Path:
    """The frozen kiosk's executable, ``dist/mot-cua-kiosk/mot-cua-kiosk``."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return require(dist_dir / FROZEN_NAME / f"{FROZEN_NAME}{suffix}", "the frozen kiosk")
