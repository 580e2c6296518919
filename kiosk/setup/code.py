"""The setup code that guards the setup on the kiosk's screen.

The installer writes ``setup_code`` into the config file (or prints one for IT to put
there). Compared in constant time; after :data:`MAX_TRIES` wrong codes in a row the
check refuses every code for :data:`LOCK_SECONDS`, so a passer-by cannot try codes at
the pace of a keyboard.
"""

from __future__ import annotations

import hmac
import math
import time
from collections.abc import Callable

from kiosk.setup.errors import SetupCodeLockedError, WrongSetupCodeError

MAX_TRIES = 5
LOCK_SECONDS = 60


def check_setup_code(configured: str | None, given: str) -> None:
    """Raise ``WrongSetupCodeError`` unless ``given`` is the configured code."""
    if configured is None or not hmac.compare_digest(
        given.strip().upper().encode(), configured.strip().upper().encode()
    ):
        raise WrongSetupCodeError()


class SetupCodeGate:
    """Counts wrong codes and shuts for a while after too many."""

    def __init__(
        self, configured: str | None, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._configured = configured
        self._monotonic = monotonic
        self._wrong = 0
        self._shut_until = 0.0

    def check(self, given: str) -> None:
        """Raise ``WrongSetupCodeError`` or ``SetupCodeLockedError``; count a wrong code."""
        now = self._monotonic()
        if now < self._shut_until:
            raise SetupCodeLockedError(seconds=math.ceil(self._shut_until - now))
        try:
            check_setup_code(self._configured, given)
        except WrongSetupCodeError:
            self._wrong += 1
            if self._wrong >= MAX_TRIES:
                self._wrong = 0
                self._shut_until = now + LOCK_SECONDS
            raise
        self._wrong = 0
