"""Hồ sơ: a citizen's filled tờ khai, submitted at the kiosk, with receipt and A4 PDF.

``docs/dossiers.md`` describes the reference format, what a submission writes, the
receipt, the PDF and the ``dossier`` command.
"""

from kiosk.dossiers.api import DossierView, OutboxState, SubmittedDossier
from kiosk.dossiers.errors import (
    DossierDiscardedError,
    DossierError,
    DossierIncompleteError,
    DossierNotFoundError,
    DossierPurgedError,
)
from kiosk.dossiers.service import DossierService

__all__ = [
    "DossierDiscardedError",
    "DossierError",
    "DossierIncompleteError",
    "DossierNotFoundError",
    "DossierPurgedError",
    "DossierService",
    "DossierView",
    "OutboxState",
    "SubmittedDossier",
]
