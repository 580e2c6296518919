"""What a journey may ask of the window, and how a journey introduces itself.

Journeys (``ui/screens/<journey>/``) never import the window nor one another (the
import contracts in ``pyproject.toml`` say so). They get a :class:`Host`: show a screen,
read and fill the citizen's :class:`~kiosk.visit.Visit`, end it, reach the core
services, run core work off the UI thread. A journey's package defines ``JOURNEY``, a
:class:`JourneySpec`; the window finds every such package under ``ui/screens/`` (see
:mod:`ui.journeys`), so adding a journey is adding one folder.

Screens are built for one visit and thrown away when it ends: whatever a screen holds
(typed text, results, scroll positions, pages) cannot reach the next citizen, because
the next citizen gets new screens. A journey's ``build`` is therefore cheap and imports
its heavy modules itself, so the home screen paints before any journey is loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from ui.ops import Op, Pool

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from kiosk.config import Language
    from kiosk.errors import KioskError
    from kiosk.services import KioskServices
    from kiosk.visit import Visit
    from ui.changes import ChangeSignals
    from ui.sync import SyncBridge
    from ui.widgets.screen import Screen
    from wire.i18n import TrText

T = TypeVar("T")


class Host(Protocol):
    """The window as a journey sees it."""

    @property
    def visit(self) -> Visit:
        """The current citizen's visit; a new object after every end."""
        ...

    @property
    def language(self) -> Language: ...

    @property
    def changes(self) -> ChangeSignals:
        """What the core changed, as Qt signals on the UI thread."""
        ...

    @property
    def screen_changed(self) -> SignalInstance:
        """Emitted with the name of each screen shown."""
        ...

    @property
    def card_scanned(self) -> SignalInstance:
        """Emitted with a căn cước QR payload scanned while a ``form`` screen is shown
        (elsewhere the window reads the card into the visit and opens the form journey:
        ``Visit.card``). The payload is for reading at once, never for keeping."""
        ...

    def services(self) -> KioskServices:
        """The core services; raises ``KioskError`` while the kiosk starts up."""
        ...

    def show_screen(self, name: str) -> None:
        """Show a screen by name (``"lookup"``, ``"lookup.procedure"``, ``"home"``…),
        building its journey for this visit first if needed."""
        ...

    def current_screen(self) -> str: ...

    def go_home(self) -> None:
        """The citizen asked for home: ends the visit, asking first when it holds anything."""
        ...

    def end_visit(self) -> None:
        """The citizen is done (or staff locked): drop the visit now and greet the next one."""
        ...

    def show_error(self, error: KioskError) -> None:
        """An expected failure, translated, above the current screen."""
        ...

    def hide_keyboard(self) -> None:
        """As the keyboard's own "hide" key: the field keeps focus, a tap brings it back."""
        ...

    def poke_idle(self) -> None:
        """Someone is here (input the idle watchdog cannot see, such as a card scan)."""
        ...

    def sync(self) -> SyncBridge | None:
        """The sync worker's bridge, ``None`` until the services are open."""
        ...

    def leave_kiosk_mode(self) -> None: ...

    def quit(self) -> None: ...


def run(host: Host, fn: Callable[[], T], *, pool: Pool = Pool.DATABASE) -> Op[T]:
    """An :class:`~ui.ops.Op` tied to the current visit: its outcome is dropped if the
    visit has ended by the time it arrives. The one way journeys run core work."""
    return Op(fn, pool=pool, session=host.visit, presenter=host.show_error)


@dataclass(frozen=True, slots=True)
class HomeTile:
    """How a journey appears on the home screen; ``order`` sorts the tiles."""

    title: TrText
    subtitle: TrText
    order: int


@dataclass(frozen=True, slots=True)
class JourneySpec:
    """A journey's introduction: its key (its screens are named ``key`` and
    ``key.<page>``), its home tile (``None``: reached another way), and ``build``, which
    makes its screens for one visit."""

    key: str
    build: Callable[[Host], Mapping[str, Screen]]
    tile: HomeTile | None = None
