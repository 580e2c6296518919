"""The kiosk's wheel, installed into a fresh virtual environment, runs the kiosk."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.db.migrate import head_revision
from tests.packaging.artefacts import clean_environment, find_wheel, fresh_venv, run

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def kiosk_wheel(dist_dir: Path) -> Path:
    return find_wheel(dist_dir, "mot_cua_kiosk")


@pytest.fixture(scope="module")
def installed(kiosk_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh environment with the kiosk's wheel installed."""
    folder = tmp_path_factory.mktemp("kiosk-venv")
    return fresh_venv(folder / "venv", kiosk_wheel, folder / "home")


def test_the_wheel_carries_the_data_and_not_the_server(kiosk_wheel: Path) -> None:
    names = set(zipfile.ZipFile(kiosk_wheel).namelist())
    for wanted in (
        "resources/__init__.py",
        "resources/fonts/NotoSans-Regular.ttf",
        "resources/catalogue/bundled.json",
        "resources/forms/khai-sinh.json",
        "resources/translations/kiosk_en.qm",
        "migrations/__init__.py",
        "migrations/env.py",
        "migrations/versions/0001_initial.py",
        "ui/__main__.py",
    ):
        assert wanted in names, wanted
    assert not [name for name in names if name.startswith("server/")]


def test_installed_kiosk_says_its_version(installed: Path, tmp_path: Path) -> None:
    done = run([installed / "mot-cua-kiosk", "--version"], clean_environment(tmp_path), tmp_path)
    assert done.stdout.split()[-1] == __version__


def test_installed_kiosk_reads_its_data_from_the_installed_packages(
    installed: Path, tmp_path: Path
) -> None:
    probe = "import kiosk.paths as p; print(p.RESOURCES_DIR); print(p.MIGRATIONS_DIR)"
    done = run([installed / "python", "-c", probe], clean_environment(tmp_path), tmp_path)
    venv_root = installed.parent.resolve()
    for folder in done.stdout.split():
        assert Path(folder).resolve().is_relative_to(venv_root), folder


def test_installed_doctor_finds_its_resources_and_migrates(installed: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = clean_environment(tmp_path / "home", KIOSK_HOME=str(data))
    done = run([installed / "mot-cua-kiosk", "doctor", "--json"], env, tmp_path)
    checks = {check["name"]: check for check in json.loads(done.stdout)["checks"]}
    assert checks["resources"]["status"] == "ok", checks["resources"]
    assert checks["database"]["status"] == "ok", checks["database"]
    with sqlite3.connect(data / "kiosk.sqlite3") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]


def test_installed_kiosk_run_paints_its_window(installed: Path, tmp_path: Path) -> None:
    """``mot-cua-kiosk run`` starts the window (offscreen), which paints and exits on
    the benchmark option; the data folder given is the one it used."""
    data = tmp_path / "data"
    env = clean_environment(tmp_path / "home", QT_QPA_PLATFORM="offscreen")
    done = run(
        [installed / "mot-cua-kiosk", "run", "--data-dir", data, "--benchmark-first-paint"],
        env,
        tmp_path,
    )
    assert done.stdout.split()[0] == "first-paint"
    assert (data / "logs" / "kiosk.log").is_file()
