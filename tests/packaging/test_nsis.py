"""The Windows installer (installer/windows/kiosk.nsi) installed and removed under Wine.

``./dev.sh package`` builds it on Linux around a placeholder program (the real kiosk is
frozen only on Windows, .github/workflows/windows.yml). Debian's NSIS has 64-bit stubs,
so the installer is a 64-bit program that Debian's 64-bit Wine runs in a private prefix.
Each check reads what the installer left in that Windows: files on its C: drive, the
uninstall entry exported with ``reg export``, the Task Scheduler task, the settings file
read by the kiosk's own loader. Commands run from batch files, as IT runs the silent
lines, so paths with spaces reach the installer unquoted as NSIS wants ``/D=``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

from kiosk import __version__
from kiosk.config.loader import load_settings
from kiosk.paths import PROJECT_ROOT
from tests.packaging.artefacts import require

pytestmark = pytest.mark.timeout(600)

WINDOWS_DIR = PROJECT_ROOT / "installer" / "windows"
UNINSTALL_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\MotCuaKiosk"
INSTALL_DIR = r"C:\Kiosk Test\Mot Cua"
DATA_ROOT = r"C:\ProgramData\MotCuaKiosk"
TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
#: Bound on one Wine command: the prefix's first boot takes about ten seconds.
WINE_TIMEOUT_S = 300


@dataclass
class Wine:
    """A private Wine prefix and the few ways these tests use it."""

    prefix: Path
    env: dict[str, str]

    def host_path(self, windows_path: str) -> Path:
        """Where ``C:\\...`` lies in the prefix."""
        parts = PureWindowsPath(windows_path).parts
        assert parts[0].upper() == "C:\\", windows_path
        return self.prefix.joinpath("drive_c", *parts[1:])

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["wine", *argv],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=WINE_TIMEOUT_S,
            check=False,
        )

    def batch(self, *lines: str) -> int:
        """Run ``lines`` as a batch file and return its exit code: the last command's."""
        script = self.host_path(r"C:\tests\run.bat")
        script.parent.mkdir(parents=True, exist_ok=True)
        body = ["@echo off", *lines, "exit /b %errorlevel%"]
        script.write_bytes("\r\n".join(body).encode("ascii") + b"\r\n")
        return self.run("cmd", "/c", r"C:\tests\run.bat").returncode

    def settle(self) -> None:
        """Wait until every program in the prefix has ended (the uninstaller copies
        itself elsewhere and starts again, so its first process ends early)."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=WINE_TIMEOUT_S, check=True)
        self.start_services()

    def start_services(self) -> None:
        """Task Scheduler, always running on Windows; Wine starts it on demand too slowly
        for ``schtasks``, so it is started (with RPC, which it needs) beforehand."""
        for service in ("rpcss", "schedule"):
            done = self.run("net", "start", service)
            running = done.returncode == 0 or "already running" in done.stdout
            assert running, f"net start {service}: {done.stdout}{done.stderr}"

    def registry_values(self, key: str) -> dict[str, str | int] | None:
        """The values of ``key`` as ``reg export`` writes them, or None when it is absent."""
        exported = self.host_path(r"C:\tests\export.reg")
        exported.unlink(missing_ok=True)
        if self.run("reg", "export", key, r"C:\tests\export.reg", "/y").returncode != 0:
            return None
        return parse_reg_export(exported.read_bytes().decode("utf-16"))

    def task_registered(self) -> bool:
        """Whether Task Scheduler holds the kiosk's task (Wine's ``schtasks /Query``
        answers 0 for any name, so its task store is read instead)."""
        store = self.host_path(r"C:\windows\system32")
        return any(
            (folder / "MotCuaKiosk").is_file()
            for folder in store.iterdir()
            if folder.name.lower() == "tasks"
        )


def parse_reg_export(text: str) -> dict[str, str | int]:
    """String and DWORD values of a one-key ``.reg`` export."""
    values: dict[str, str | int] = {}
    for line in text.splitlines():
        string = re.fullmatch(r'"((?:[^"\\]|\\.)*)"="((?:[^"\\]|\\.)*)"', line)
        dword = re.fullmatch(r'"((?:[^"\\]|\\.)*)"=dword:([0-9a-f]{8})', line)
        if string:
            values[_unescape(string.group(1))] = _unescape(string.group(2))
        elif dword:
            values[_unescape(dword.group(1))] = int(dword.group(2), 16)
    return values


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.fixture(scope="module")
def installer(dist_dir: Path) -> Path:
    """The installer ``build-installer.sh`` made around the placeholder."""
    return require(
        dist_dir / f"mot-cua-kiosk-setup-{__version__}-placeholder.exe",
        "the Windows installer (placeholder build)",
    )


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory, installer: Path) -> Iterator[Wine]:
    """A fresh 64-bit Windows in a temporary prefix, the installer copied onto its C:."""
    subprocess.run([WINDOWS_DIR / "deps.sh", "wine"], check=True, timeout=WINE_TIMEOUT_S)
    prefix = tmp_path_factory.mktemp("wine") / "prefix"
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    # No Mono or Gecko install prompts, no debug chatter.
    env.update(WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
    box = Wine(prefix, env)
    booted = box.run("wineboot", "--init")
    assert booted.returncode == 0, booted.stderr
    box.start_services()
    box.host_path(r"C:\tests").mkdir(parents=True, exist_ok=True)
    shutil.copy(installer, box.host_path(r"C:\tests\setup.exe"))
    yield box
    subprocess.run(["wineserver", "-k"], env=env, timeout=WINE_TIMEOUT_S, check=False)


@pytest.fixture(scope="module")
def kiosk_user(wine: Wine) -> str:
    """An account that exists in the prefix: Wine has one, named after the Unix user."""
    done = wine.run("cmd", "/c", "echo %USERNAME%")
    name = done.stdout.strip()
    assert re.fullmatch(r"[\w.-]+", name), done
    return name


def assert_nothing_installed(wine: Wine) -> None:
    assert not wine.host_path(INSTALL_DIR).exists()
    assert wine.registry_values(UNINSTALL_KEY) is None
    assert not wine.task_registered()


def test_every_installer_text_is_in_vietnamese_and_english() -> None:
    names = {}
    for language in ("vietnamese", "english"):
        text = (WINDOWS_DIR / "lang" / f"{language}.nsh").read_text(encoding="utf-8")
        found = re.findall(r"^LangString (\w+) \$\{LANG_(\w+)\} \"(.+)\"$", text, re.MULTILINE)
        assert {lang for _, lang, _ in found} == {language.upper()}
        assert all(value.strip() for _, _, value in found)
        names[language] = [name for name, _, _ in found]
    assert names["vietnamese"] == names["english"]
    script = (WINDOWS_DIR / "kiosk.nsi").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\((\w+)\)", script))
    assert used == set(names["english"])
    # The standard pages come from NSIS's own translations, in the same two languages.
    assert re.findall(r'MUI_LANGUAGE "(\w+)"', script) == ["Vietnamese", "English"]


@pytest.mark.parametrize(
    ("options", "exit_code"),
    [
        pytest.param("/KIOSKUSER=khong-co-tai-khoan", 12, id="unknown account"),
        pytest.param("/SETUPCODE=abc", 11, id="setup code too short"),
        pytest.param("/SETUPCODE=TTHC_2026_01", 11, id="setup code with an underscore"),
    ],
)
def test_bad_options_are_refused_and_change_nothing(
    wine: Wine, options: str, exit_code: int
) -> None:
    code = wine.batch(rf"C:\tests\setup.exe /S {options} /D={INSTALL_DIR}")

    assert code == exit_code
    assert_nothing_installed(wine)
    assert not wine.host_path(DATA_ROOT).exists()


def test_silent_install_update_and_uninstall(wine: Wine, kiosk_user: str) -> None:
    code = wine.batch(rf"C:\tests\setup.exe /S /KIOSKUSER={kiosk_user} /D={INSTALL_DIR}")

    assert code == 0
    installed = wine.host_path(INSTALL_DIR)
    assert (installed / "mot-cua-kiosk.exe").is_file()
    assert (installed / "mot-cua-kiosk-cli.exe").is_file()
    assert (installed / "_internal" / "PLACEHOLDER.txt").is_file()
    assert (installed / "uninstall.exe").is_file()

    entry = wine.registry_values(UNINSTALL_KEY)
    assert entry is not None
    assert entry["DisplayName"] == "Một Cửa Kiosk"
    assert entry["DisplayVersion"] == __version__
    assert entry["Publisher"] == "Một Cửa Kiosk"
    assert entry["InstallLocation"] == INSTALL_DIR
    assert entry["UninstallString"] == rf'"{INSTALL_DIR}\uninstall.exe"'
    assert entry["QuietUninstallString"] == rf'"{INSTALL_DIR}\uninstall.exe" /S'
    assert entry["KioskUser"] == kiosk_user

    settings = load_settings(wine.host_path(rf"{DATA_ROOT}\kiosk.toml"))
    assert settings.kiosk_mode is True
    assert settings.data_dir == Path(rf"{DATA_ROOT}\data")
    assert settings.setup_code is not None
    assert re.fullmatch(r"\d{10}", settings.setup_code)
    assert wine.host_path(rf"{DATA_ROOT}\data").is_dir()

    # The autostart: a logon task for the kiosk account only, starting the kiosk full
    # screen with the machine's settings, started again when it has stopped.
    assert wine.task_registered()
    task = ET.fromstring(
        (installed / "kiosk-autostart.xml").read_bytes().decode("utf-16").split("?>", 1)[1]
    )
    trigger = task.find("t:Triggers/t:LogonTrigger", TASK_NS)
    assert trigger is not None
    assert trigger.findtext("t:UserId", namespaces=TASK_NS) == kiosk_user
    assert trigger.findtext("t:Repetition/t:Interval", namespaces=TASK_NS) == "PT1M"
    principal = task.find("t:Principals/t:Principal", TASK_NS)
    assert principal is not None
    assert principal.findtext("t:UserId", namespaces=TASK_NS) == kiosk_user
    assert principal.findtext("t:RunLevel", namespaces=TASK_NS) == "LeastPrivilege"
    command = task.findtext("t:Actions/t:Exec/t:Command", namespaces=TASK_NS)
    arguments = task.findtext("t:Actions/t:Exec/t:Arguments", namespaces=TASK_NS)
    assert command == rf'"{INSTALL_DIR}\mot-cua-kiosk.exe"'
    assert arguments == rf'--fullscreen --config "{DATA_ROOT}\kiosk.toml"'
    # What the task starts does start: the placeholder notes its command line.
    started = wine.batch(
        r"set MOT_CUA_KIOSK_PLACEHOLDER_LOG=C:\tests\started.log", f"{command} {arguments}"
    )
    assert started == 0
    log = wine.host_path(r"C:\tests\started.log").read_bytes().decode("ascii")
    assert log.split()[-3:] == ["--fullscreen", "--config", rf'"{DATA_ROOT}\kiosk.toml"']

    # An update goes where the kiosk is, and keeps the settings, their setup code and
    # the kiosk account.
    (installed / "mot-cua-kiosk.exe").unlink()
    assert wine.batch(r"C:\tests\setup.exe /S") == 0
    assert (installed / "mot-cua-kiosk.exe").is_file()
    assert not wine.host_path(r"C:\Program Files\MotCuaKiosk").exists()
    updated = load_settings(wine.host_path(rf"{DATA_ROOT}\kiosk.toml"))
    assert updated.setup_code == settings.setup_code
    updated_entry = wine.registry_values(UNINSTALL_KEY)
    assert updated_entry is not None
    assert updated_entry["KioskUser"] == kiosk_user
    assert wine.task_registered()

    # IT's tools uninstall with the quiet line the entry gives.
    assert wine.batch(str(entry["QuietUninstallString"])) == 0
    wine.settle()
    assert_nothing_installed(wine)
    # The settings and citizens' data stay unless IT asks for them to go (/PURGE).
    assert load_settings(wine.host_path(rf"{DATA_ROOT}\kiosk.toml")).setup_code == (
        settings.setup_code
    )
    assert wine.host_path(rf"{DATA_ROOT}\data").is_dir()


def test_it_chosen_setup_code_and_purge(wine: Wine, kiosk_user: str) -> None:
    shutil.rmtree(wine.host_path(DATA_ROOT), ignore_errors=True)
    code = wine.batch(
        rf"C:\tests\setup.exe /S /KIOSKUSER={kiosk_user} /SETUPCODE=TTHC-2026-01 /NOAUTOSTART"
    )

    assert code == 0
    default_dir = r"C:\Program Files\MotCuaKiosk"
    assert wine.host_path(rf"{default_dir}\mot-cua-kiosk.exe").is_file()
    assert load_settings(wine.host_path(rf"{DATA_ROOT}\kiosk.toml")).setup_code == "TTHC-2026-01"
    assert not wine.task_registered()
    assert not wine.host_path(rf"{default_dir}\kiosk-autostart.xml").exists()

    assert wine.batch(rf'"{default_dir}\uninstall.exe" /S /PURGE') == 0
    wine.settle()
    assert not wine.host_path(default_dir).exists()
    assert wine.registry_values(UNINSTALL_KEY) is None
    assert not wine.host_path(DATA_ROOT).exists()
