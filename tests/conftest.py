"""Shared by every test: offscreen Qt, an in-memory keyring, no leftover threads."""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt: no test may need a display. The offscreen screen is a
# kiosk's 1920×1080 rather than the plugin's 800×800, so taps land where a finger
# would on the real screen (touch scrolling maps presses by screen position).
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
    os.path.dirname(__file__), "offscreen-screen.json"
)
# Nothing a test does may read or write the user's own configuration folder (the
# settings file, a data key made where there is no keyring): one of its own instead.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kiosk-tests-config-")

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from kiosk.clock import Clock
from kiosk.config import Language, Settings
from kiosk.paths import PROJECT_ROOT, KioskPaths, prepare_data_dir

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kiosk.services import KioskServices
    from tests.centre_server import CentreServer
    from ui.main_window import KioskWindow

STAFF_PIN = "246810"
#: 09:05 in Hà Nội: what the kiosk's clock says in UI tests.
FIXED_NOW = datetime(2025, 3, 10, 2, 5, tzinfo=UTC)


#: WORKAROUND: the offscreen platform plugin warns on every top-level show() that it
#: cannot propagate size hints, and on raise() (kiosk mode's) that it has no stacking;
#: that says nothing about our code.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class MemoryKeyring(KeyringBackend):
    """A faithful keyring that lives in memory, so no test touches the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


MEMORY_KEYRING = MemoryKeyring()
keyring.set_keyring(MEMORY_KEYRING)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    keyring.set_keyring(MEMORY_KEYRING)
    MEMORY_KEYRING.secrets.clear()
    yield MEMORY_KEYRING
    MEMORY_KEYRING.secrets.clear()


def _new_threads(before: set[int | None]) -> list[threading.Thread]:
    # Threads Qt starts for its pools show up as dummy threads once they ran Python;
    # they are checked through the pools' own counters below instead.
    return [
        t
        for t in threading.enumerate()
        if t.ident not in before and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]


@pytest.fixture(autouse=True)
def no_leftover_threads() -> Iterator[None]:
    """Fail a test that leaves a Python thread or a Qt worker running (as napari's)."""
    before = {t.ident for t in threading.enumerate()}
    yield
    deadline = time.monotonic() + 2.0
    for thread in _new_threads(before):
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    leftovers = _new_threads(before)
    busy_pools = 0
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        from ui import ops

        ops.wait_for_all(1000)
        QThreadPool.globalInstance().waitForDone(1000)
        busy_pools = ops.active_threads() + QThreadPool.globalInstance().activeThreadCount()
    if leftovers or busy_pools:
        pytest.fail(f"test left threads running: {leftovers!r}, busy Qt workers: {busy_pools}")


@pytest.fixture(scope="session", autouse=True)
def english_translation() -> None:
    """Compile the English ``.qm`` when it is missing or older than its ``.ts``."""
    from ui.i18n import build_translations, translations_stale

    if translations_stale():
        build_translations(update=False)


@pytest.fixture
def settings_factory() -> Callable[..., Settings]:
    """Settings with overrides; idle timers long unless a test asks for short ones."""

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {"idle_timeout_s": 600.0, "idle_warning_s": 60.0}
        values.update(overrides)
        return Settings(**values)

    return make


@pytest.fixture
def kiosk_paths(tmp_path: Path) -> KioskPaths:
    return prepare_data_dir(tmp_path / "kiosk-data")


@pytest.fixture
def services(
    settings_factory: Callable[..., Settings], kiosk_paths: KioskPaths
) -> Iterator[KioskServices]:
    """Opened core services on a temporary data folder (a real SQLite file)."""
    from kiosk.services import KioskServices

    opened = KioskServices(settings_factory(), kiosk_paths, clock=lambda: FIXED_NOW)
    opened.open()
    yield opened
    opened.close()


@pytest.fixture
def staff_pin(services: KioskServices) -> str:
    services.staff.set_pin(STAFF_PIN)
    return STAFF_PIN


@pytest.fixture
def synchronous_ops() -> Iterator[None]:
    from ui import ops

    ops.set_synchronous(True)
    yield
    ops.set_synchronous(False)


@pytest.fixture
def window_factory(
    qtbot: QtBot,
    services: KioskServices,
    settings_factory: Callable[..., Settings],
    synchronous_ops: None,
) -> Iterator[Callable[..., KioskWindow]]:
    """Shown 1366×768 windows; keyword arguments override settings."""
    from ui.main_window import KioskWindow

    made: list[KioskWindow] = []

    def make(
        *, long_press_ms: int = 150, error_return_ms: int = 50, **overrides: Any
    ) -> KioskWindow:
        window = KioskWindow(
            settings_factory(**overrides),
            services,
            clock=lambda: FIXED_NOW,
            long_press_ms=long_press_ms,
            error_return_ms=error_return_ms,
        )
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        _close(window)


@pytest.fixture
def window(window_factory: Callable[..., KioskWindow]) -> KioskWindow:
    """The kiosk window with real services and synchronous ops."""
    return window_factory()


@pytest.fixture
def kiosk_factory(
    qtbot: QtBot,
    tmp_path: Path,
    settings_factory: Callable[..., Settings],
    synchronous_ops: None,
) -> Iterator[Callable[..., KioskWindow]]:
    """Windows over their own services, for a printer or a clock of the test's choice."""
    from kiosk.services import KioskServices
    from ui.main_window import KioskWindow

    opened: list[tuple[KioskWindow, KioskServices]] = []

    def make(*, clock: Clock = lambda: FIXED_NOW, **overrides: Any) -> KioskWindow:
        settings = settings_factory(**overrides)
        paths = prepare_data_dir(tmp_path / f"kiosk-{len(opened)}")
        services = KioskServices(settings, paths, clock=clock)
        services.open()
        window = KioskWindow(settings, services, clock=clock)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, services))
        return window

    yield make
    for window, services in opened:
        _close(window)
        services.close()


def _close(window: KioskWindow) -> None:
    """Close ``window`` as the kiosk quits, and let its last core work finish, before
    its services close: a timer left running (the error screen's return, the idle
    watchdog) would otherwise end a visit on closed services."""
    from ui import ops

    window.languages.set_language(Language.VIETNAMESE)  # the translator is app-wide
    window.idle.stop()  # also when the test hid or closed the window itself
    window.quit()
    window.close()
    ops.wait_for_all(5000)


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on: a printer there refuses the connection."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def centre_server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[CentreServer]:
    """The real centre server on loopback over a SQLite file, with one centre.

    Stopped and joined at teardown; ``stop()`` and ``start()`` take it away and bring
    it back on the same address mid-test. It tells the time by the test's ``clock``
    when the test has one, as the kiosks do.
    """
    from tests.centre_server import running_centre_server  # loads the server's modules

    clock = request.getfixturevalue("clock") if "clock" in request.fixturenames else None
    with running_centre_server(tmp_path / "server.db", *([clock] if clock else [])) as server:
        yield server


KioskCli = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def shared_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A keyring in a JSON file that this process and its children share, as a kiosk and
    its command line share the OS keyring: the data key one makes opens what the other
    stored. Children find it through the environment; yields the file."""
    from tests.core.sync.file_keyring import BACKEND, PATH_ENV, JsonFileKeyring

    path = tmp_path / "shared-keyring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", BACKEND)
    monkeypatch.setenv(PATH_ENV, str(path))
    keyring.set_keyring(JsonFileKeyring())
    yield path
    keyring.set_keyring(MEMORY_KEYRING)


@pytest.fixture
def fresh_kiosk_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_keyring: Path
) -> dict[str, str]:
    """No user config, a fresh data folder in ``tmp_path / "data"``: a new install, with
    a keyring it shares with this process (:func:`shared_keyring`)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return dict(os.environ)


@pytest.fixture
def kiosk_cli() -> KioskCli:
    """The real ``python -m kiosk`` in a child process, as IT staff would type it."""

    def run(
        *args: str, env: dict[str, str] | None = None, stdin: str = ""
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            env=env,
            timeout=60,
            check=False,
        )

    return run
