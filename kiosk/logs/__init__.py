"""Logging: one named logger per area, rotating files, personal data masked."""

from kiosk.logs.masking import PersonalDataFilter, mask_personal_data
from kiosk.logs.setup import LOG_TAIL, LogTail, configure_logging

__all__ = ["LOG_TAIL", "LogTail", "PersonalDataFilter", "configure_logging", "mask_personal_data"]
