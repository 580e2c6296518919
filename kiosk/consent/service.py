"""The notice and the consent as the screens and the command line ask for them."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.clock import Clock
from kiosk.config import Language, Settings
from kiosk.consent.notice import Notice, privacy_notice
from kiosk.consent.record import ConsentRecord, agree


class ConsentService:
    """This kiosk's privacy notice in each language, and the record of agreeing to it.

    Nothing is written here: the record lives in the citizen's visit (memory only) until
    the declaration it allows is saved, and is stored with it. Declining leaves nothing.
    """

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self._settings = settings
        self._clock = clock

    def notice(self, language: Language) -> Notice:
        return privacy_notice(self._settings, language)

    def agree(self, language: Language, ticked: Iterable[str]) -> ConsentRecord:
        """ "Đồng ý và tiếp tục": the record of ``ticked`` on the notice in ``language``,
        timed now. Raises ``ConsentRequiredError`` or ``UnknownPurposeError``."""
        return agree(self.notice(language), ticked, self._clock())
