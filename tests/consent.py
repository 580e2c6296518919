"""A citizen's consent to the privacy notice, as the form screen records it, for tests
that submit a declaration without walking the screen."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.config import Language, Settings
from kiosk.consent import DECLARATION_PURPOSES, ConsentRecord, agree, privacy_notice

#: When the tests' citizen tapped "Đồng ý và tiếp tục" (before the tests' fixed clock).
AGREED_AT = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)


def agreed(
    settings: Settings | None = None,
    *,
    language: Language = Language.VIETNAMESE,
    purposes: frozenset[str] = DECLARATION_PURPOSES,
) -> ConsentRecord:
    """Consent to ``purposes`` on the notice a kiosk with ``settings`` shows."""
    return agree(privacy_notice(settings or Settings(), language), purposes, AGREED_AT)


#: Consent to what a declaration needs, on a kiosk with the default centre and retention.
AGREED = agreed()
