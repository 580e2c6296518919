"""The Linux kiosk package (``dist/mot-cua-kiosk_<version>_amd64.deb``), installed on
this machine as IT would install it: lintian, the systemd unit, the user, folders and
key it makes, the service's own command line run inside cage's headless backend as
the ``kiosk`` user, ``doctor``, an upgrade, a remove and a purge.

This machine's PID 1 is not systemd, so the service is not started by systemd here:
its ``ExecStart=`` and ``Environment=`` are read from the installed unit and run as the
unit would run them, with a notify socket of the test's own standing in for systemd's.
The restart after SIGKILL needs a real systemd: ``installer/linux/restart-test.sh``.
Needs root (it installs a package), like ``./dev.sh package-test`` on CI.
"""

from __future__ import annotations

import grp
import hashlib
import json
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import __version__
from tests.packaging.artefacts import require

pytestmark = pytest.mark.timeout(1200)

PACKAGE = "mot-cua-kiosk"
USER = "kiosk"
UNIT = Path("/lib/systemd/system/mot-cua-kiosk.service")
PROGRAM = Path("/usr/lib/mot-cua-kiosk/mot-cua-kiosk")
COMMAND = Path("/usr/bin/mot-cua-kiosk")
CONFIG_DIR = Path("/etc/mot-cua-kiosk")
CONFIG = CONFIG_DIR / "kiosk.toml"
DATA_KEY = CONFIG_DIR / "data.key"
SETUP_ENV = CONFIG_DIR / "setup.env"
DATA_DIR = Path("/var/lib/mot-cua-kiosk")
DATABASE = DATA_DIR / "kiosk.sqlite3"
PAM = Path("/etc/pam.d/mot-cua-kiosk")
ENABLED = Path("/etc/systemd/system/graphical.target.wants/mot-cua-kiosk.service")
#: Bound on the kiosk's first start inside cage: a cold disk, migrations included.
START_BOUND_S = 180
#: Watchdog pings the test waits for after READY=1 (every 0.5 s here).
PINGS = 4


#: apt-get waits this long for another package manager on the machine to finish.
APT = ["apt-get", "-y", "-qq", "-o", "DPkg::Lock::Timeout=600"]


def sh(*argv: str | Path, env: dict[str, str] | None = None) -> str:
    """``argv`` run to its end as root; its output is in the failure message."""
    done = subprocess.run(
        [str(arg) for arg in argv],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive", **(env or {})},
    )
    assert done.returncode == 0, f"{argv} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def package_status() -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", PACKAGE],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else "not known"


def purge() -> None:
    if package_status() != "not known":
        sh(*APT, "purge", PACKAGE)


def owner_and_mode(path: Path) -> tuple[str, str, int]:
    info = path.stat()
    return (
        pwd.getpwuid(info.st_uid).pw_name,
        grp.getgrgid(info.st_gid).gr_name,
        stat.S_IMODE(info.st_mode),
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unit_values(key: str) -> list[str]:
    """Every value of ``key=`` in the installed unit's ``[Service]`` section."""
    values, section = [], ""
    for raw in UNIT.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and line.startswith(key + "="):
            values.append(line.split("=", 1)[1])
    return values


@pytest.fixture(scope="module")
def deb(dist_dir: Path) -> Path:
    return require(dist_dir / f"{PACKAGE}_{__version__}_amd64.deb", "the kiosk's .deb")


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[Path]:
    """The package installed with apt (which brings cage and the libraries; xwayland,
    which it recommends, named so that it is there whatever apt's settings), from a
    machine where it was never installed; purged at the end."""
    if os.geteuid() != 0:
        pytest.fail("the .deb round trip installs a package: run it as root", pytrace=False)
    purge()
    sh(*APT, "update")
    sh(*APT, "install", deb, "xwayland")
    yield deb
    purge()


def test_lintian_finds_no_error(deb: Path) -> None:
    done = subprocess.run(
        ["lintian", "--fail-on", "error", deb], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " E: " not in done.stdout


def test_the_unit_passes_systemd_analyze_verify(installed: Path) -> None:
    done = subprocess.run(
        ["systemd-analyze", "verify", UNIT], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "mot-cua-kiosk.service" not in done.stderr, done.stderr
    assert unit_values("Type") == ["notify"]
    assert unit_values("Restart") == ["always"]
    assert unit_values("User") == [USER]
    assert unit_values("WatchdogSec")


def test_install_makes_the_user_folders_key_and_enables_the_service(installed: Path) -> None:
    assert package_status() == f"install ok installed {__version__}"
    user = pwd.getpwnam(USER)
    assert user.pw_uid < 1000  # a system user
    assert user.pw_shell == "/usr/sbin/nologin"
    assert user.pw_dir == str(DATA_DIR)
    assert owner_and_mode(DATA_DIR) == (USER, USER, 0o700)
    assert owner_and_mode(CONFIG_DIR) == ("root", USER, 0o750)
    assert owner_and_mode(DATA_KEY) == ("root", USER, 0o640)
    assert len(DATA_KEY.read_bytes()) == 32
    assert 'data_key_file = "/etc/mot-cua-kiosk/data.key"' in CONFIG.read_text(encoding="utf-8")
    assert owner_and_mode(SETUP_ENV) == ("root", "root", 0o600)
    assert re.fullmatch(
        r"KIOSK_SETUP_CODE=[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\n", SETUP_ENV.read_text()
    )
    conffiles = sh("dpkg-query", "-W", "-f=${Conffiles}", PACKAGE)
    assert str(CONFIG) in conffiles
    assert str(PAM) in conffiles
    assert str(DATA_KEY) not in conffiles  # made on this machine, never shipped
    assert os.access(PROGRAM, os.X_OK)
    assert ENABLED.resolve() == UNIT.resolve()


@pytest.fixture
def notify_socket() -> Iterator[tuple[str, socket.socket]]:
    """systemd's notify socket, in a folder the kiosk's user may reach (as
    ``/run/systemd/notify`` is)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-notify-", dir="/run"))
    folder.chmod(0o755)
    path = folder / "notify"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
            listener.bind(str(path))
            path.chmod(0o777)
            listener.settimeout(START_BOUND_S)
            yield str(path), listener
    finally:
        shutil.rmtree(folder)


@pytest.fixture
def runtime_dir() -> Iterator[Path]:
    """``XDG_RUNTIME_DIR`` as the service makes it (``RuntimeDirectory=``): no logind
    session, whose scope would keep systemd from taking the kiosk's READY=1."""
    (name,) = unit_values("RuntimeDirectory")
    assert f"XDG_RUNTIME_DIR=/run/{name}" in unit_values("Environment")
    pam = PAM.read_text(encoding="utf-8")
    assert "pam_systemd" not in "".join(
        line for line in pam.splitlines() if not line.startswith("#")
    )
    user = pwd.getpwnam(USER)
    folder = Path(f"/run/{name}")
    folder.mkdir(parents=True, exist_ok=True)
    os.chown(folder, user.pw_uid, user.pw_gid)
    folder.chmod(0o700)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_kiosk(argv: list[str]) -> list[str]:
    """``argv`` run as the ``kiosk`` user with its groups, as ``User=`` does."""
    return ["setpriv", f"--reuid={USER}", f"--regid={USER}", "--init-groups", "--", *argv]


def test_the_services_command_line_runs_the_kiosk_inside_cage(
    installed: Path, notify_socket: tuple[str, socket.socket], runtime_dir: Path
) -> None:
    address, listener = notify_socket
    (exec_start,) = unit_values("ExecStart")
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(DATA_DIR), "LANG": "C.UTF-8"}
    for assignment in unit_values("Environment"):
        for pair in shlex.split(assignment):
            name, value = pair.split("=", 1)
            env[name] = value
    for env_file in unit_values("EnvironmentFile"):
        for line in Path(env_file.removeprefix("-")).read_text(encoding="utf-8").splitlines():
            name, value = line.split("=", 1)
            env[name] = value
    assert env["QT_QPA_PLATFORM"] == "wayland"
    assert env["XDG_RUNTIME_DIR"] == str(runtime_dir)
    assert env["KIOSK_SETUP_CODE"]
    env.update(
        {
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            # What systemd gives the service: its notify socket and its watchdog.
            "NOTIFY_SOCKET": address,
            "WATCHDOG_USEC": "1000000",
        }
    )
    cage = subprocess.Popen(
        as_kiosk(shlex.split(exec_start)),
        env=env,
        cwd="/",
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        messages = [listener.recv(4096).decode() for _ in range(1 + PINGS)]
        alive = cage.poll() is None
        kiosk_pids = subprocess.run(
            ["pgrep", "-u", USER, "-f", f"^{PROGRAM}"], capture_output=True, text=True, check=False
        ).stdout.split()
    finally:
        os.killpg(cage.pid, signal.SIGTERM)
        try:
            output, _ = cage.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(cage.pid, signal.SIGKILL)
            output, _ = cage.communicate()
    assert messages == ["READY=1"] + ["WATCHDOG=1"] * PINGS, output
    assert alive, output
    assert kiosk_pids, output  # the kiosk itself, not only cage
    # The first screen is up before the database opens: give it its start-up.
    deadline = time.monotonic() + START_BOUND_S
    while not DATABASE.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert owner_and_mode(DATABASE) == (USER, USER, 0o600), output
    assert owner_and_mode(DATA_DIR) == (USER, USER, 0o700)


def test_doctor_answers_as_the_kiosk_user_with_the_installed_settings(installed: Path) -> None:
    done = subprocess.run(
        as_kiosk([str(COMMAND), "doctor", "--json"]),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(DATA_DIR), "LANG": "C.UTF-8"},
        cwd="/",
    )
    report = json.loads(done.stdout)
    checks = {check["name"]: check for check in report["checks"]}
    assert checks["config"]["status"] == "ok", done.stdout
    assert checks["data_dir"]["status"] == "ok"
    assert str(DATA_DIR) in checks["data_dir"]["detail"]
    assert checks["file_modes"]["status"] == "ok"
    assert checks["data_key"]["status"] == "ok"
    assert str(DATA_KEY) in checks["data_key"]["detail"]
    assert checks["database"]["status"] == "ok"


def bumped_copy(deb: Path, folder: Path) -> Path:
    """The same package under a later version: what IT installs to update."""
    tree = folder / "tree"
    sh("dpkg-deb", "-R", deb, tree)
    control = tree / "DEBIAN" / "control"
    control.write_text(
        control.read_text(encoding="utf-8").replace(
            f"Version: {__version__}\n", f"Version: {__version__}+1\n"
        ),
        encoding="utf-8",
    )
    bumped = folder / f"{PACKAGE}_{__version__}+1_amd64.deb"
    sh("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "-b", tree, bumped)
    shutil.rmtree(tree)
    return bumped


def test_upgrade_keeps_data_key_and_settings_then_remove_then_purge(
    installed: Path, tmp_path: Path
) -> None:
    # A kiosk in service: data in its folder, IT's own settings.
    marker = DATA_DIR / "printouts" / "kept.bin"
    marker.parent.mkdir(exist_ok=True)
    marker.write_bytes(b"\x1b@ticket")
    key, setup_code = digest(DATA_KEY), digest(SETUP_ENV)
    CONFIG.write_text(
        CONFIG.read_text(encoding="utf-8") + 'centre_name = "UBND phường Bến Nghé"\n',
        encoding="utf-8",
    )
    settings = digest(CONFIG)

    sh(*APT, "install", "--reinstall", installed)
    sh(*APT, "-o", "Dpkg::Options::=--force-confold", "install", bumped_copy(installed, tmp_path))
    assert package_status() == f"install ok installed {__version__}+1"
    assert digest(DATA_KEY) == key
    assert owner_and_mode(DATA_KEY) == ("root", USER, 0o640)
    assert digest(CONFIG) == settings
    assert digest(SETUP_ENV) == setup_code
    assert marker.read_bytes() == b"\x1b@ticket"
    assert owner_and_mode(DATA_DIR) == (USER, USER, 0o700)

    # Remove: the program goes; the data, its key and the settings stay.
    sh(*APT, "remove", PACKAGE)
    assert package_status().startswith("deinstall ok config-files")
    for gone in (PROGRAM.parent, COMMAND, UNIT, ENABLED):
        assert not gone.exists(), gone
    assert marker.exists()
    assert digest(DATA_KEY) == key
    assert digest(CONFIG) == settings

    # Purge: the settings, the key and the data go; the system user stays.
    sh(*APT, "purge", PACKAGE)
    assert package_status() == "not known"
    for gone in (CONFIG_DIR, DATA_DIR, PAM, ENABLED):
        assert not gone.exists(), gone
    assert pwd.getpwnam(USER).pw_shell == "/usr/sbin/nologin"
