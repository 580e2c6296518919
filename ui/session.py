"""One citizen's visit, so that walking away leaves nothing behind."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class Session:
    """What the current visit has gathered; the window drops it whole on reset.

    ``ended`` lets late results of background work (an :class:`ui.ops.Op` that finishes
    after the reset) be thrown away instead of reaching the next citizen's screen.
    """

    ended: bool = False
    data: dict[str, object] = field(default_factory=dict)

    def end(self) -> None:
        self.ended = True
        self.data.clear()
