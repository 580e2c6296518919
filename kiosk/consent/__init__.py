"""The privacy notice a citizen reads before giving any personal data, and the record of
their consent, per purpose (Law 91/2025/QH15).

``docs/privacy.md`` ("Notice and consent") has the full text and what is stored.
"""

from kiosk.consent.errors import ConsentError, ConsentRequiredError, UnknownPurposeError
from kiosk.consent.notice import (
    CONTACT_PHONE,
    DECLARATION_PURPOSES,
    NOTICE_VERSION,
    PREPARE_DECLARATION,
    Notice,
    Purpose,
    privacy_notice,
)
from kiosk.consent.record import ConsentRecord, agree, require_consent
from kiosk.consent.service import ConsentService

__all__ = [
    "CONTACT_PHONE",
    "DECLARATION_PURPOSES",
    "NOTICE_VERSION",
    "PREPARE_DECLARATION",
    "ConsentError",
    "ConsentRecord",
    "ConsentRequiredError",
    "ConsentService",
    "Notice",
    "Purpose",
    "UnknownPurposeError",
    "agree",
    "privacy_notice",
    "require_consent",
]
