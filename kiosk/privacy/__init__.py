"""Citizens' personal data on the kiosk: what is held, and its leaving on time."""

from kiosk.privacy.files import KioskFolders
from kiosk.privacy.report import PrivacyReport
from kiosk.privacy.service import PrivacyService

__all__ = ["KioskFolders", "PrivacyReport", "PrivacyService"]
