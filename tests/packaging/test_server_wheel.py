"""The server's own wheel installs without Qt and runs from the installed packages."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from server.db.migrate import alembic_config
from tests.packaging.artefacts import clean_environment, find_wheel, fresh_venv, run

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def server_wheel(dist_dir: Path) -> Path:
    return find_wheel(dist_dir, "mot_cua_server")


@pytest.fixture(scope="module")
def installed(server_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("server-venv")
    return fresh_venv(folder / "venv", server_wheel, folder / "home")


def test_the_wheel_carries_the_server_and_wire_only(server_wheel: Path) -> None:
    tops = {name.split("/")[0] for name in zipfile.ZipFile(server_wheel).namelist()}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"server", "wire"}


def test_installing_the_server_brings_no_qt(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import importlib.util as u; "
        "print([m for m in ('PySide6', 'shiboken6', 'kiosk', 'ui') if u.find_spec(m)])"
    )
    done = run([installed / "python", "-c", probe], clean_environment(tmp_path), tmp_path)
    assert done.stdout.strip() == "[]"


def test_installed_server_answers_help(installed: Path, tmp_path: Path) -> None:
    env = clean_environment(tmp_path)
    for argv in (
        [installed / "python", "-m", "server", "--help"],
        [installed / "mot-cua-server", "--help"],
    ):
        done = run(argv, env, tmp_path)
        assert "--database-url" in done.stdout


def test_installed_server_migrates_a_new_database(installed: Path, tmp_path: Path) -> None:
    """The admin command line upgrades the database first: the migrations are found
    in the installed package (Alembic's ``server:migrations``)."""
    database = tmp_path / "server.db"
    done = run(
        [
            installed / "python",
            "-m",
            "server",
            "admin",
            "centres",
            "--database-url",
            f"sqlite:///{database}",
        ],
        clean_environment(tmp_path / "home"),
        tmp_path,
    )
    assert done.stdout == ""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
