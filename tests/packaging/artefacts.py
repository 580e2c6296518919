"""Finding what ``./dev.sh package`` built, and clean places to run it in.

A missing artefact fails with what to run; it is never a skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from collections.abc import Sequence
from pathlib import Path

import pytest

from kiosk.paths import PROJECT_ROOT

#: Where the artefacts are; ``KIOSK_DIST_DIR`` points elsewhere (a CI artefact folder).
DIST_DIR = Path(os.environ.get("KIOSK_DIST_DIR", PROJECT_ROOT / "dist"))
FROZEN_NAME = "mot-cua-kiosk"
BUILD_FIRST = "run ./dev.sh package first"
#: Bound on a child's run: installing from PyPI or a first start on a cold disk.
CHILD_TIMEOUT_S = 600


def require(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.fail(f"{what} not found at {path}: {BUILD_FIRST}", pytrace=False)
    return path


def find_wheel(dist_dir: Path, distribution: str) -> Path:
    """The one wheel of ``distribution`` (``mot_cua_kiosk``) in ``dist_dir``."""
    found = sorted(dist_dir.glob(f"{distribution}-*.whl"))
    if len(found) != 1:
        pytest.fail(
            f"expected one {distribution} wheel in {dist_dir}, found {len(found)}: {BUILD_FIRST}",
            pytrace=False,
        )
    return found[0]


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """An environment that knows nothing of the clone or of this user's kiosk: its own
    home, configuration and data folders, no ``PYTHONPATH``, no display."""
    for name in ("config", "data", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        # pip keeps using this user's cache of downloaded wheels.
        "PIP_CACHE_DIR": os.environ.get(
            "PIP_CACHE_DIR", str(Path(os.environ.get("HOME", "/root")) / ".cache" / "pip")
        ),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.update(extra)
    return env


def run(
    argv: Sequence[str | Path], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """``argv`` run to its end; its output is in the failure message when it fails."""
    done = subprocess.run(
        [str(arg) for arg in argv],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, f"{argv} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def fresh_venv(folder: Path, wheel: Path, home: Path) -> Path:
    """A new virtual environment with ``wheel`` and its dependencies installed (from
    PyPI, as an IT install would); returns its ``bin`` folder."""
    venv.EnvBuilder(with_pip=True).create(folder)
    bin_dir = folder / ("Scripts" if sys.platform == "win32" else "bin")
    run([bin_dir / "python", "-m", "pip", "install", "-q", wheel], clean_environment(home), home)
    return bin_dir
