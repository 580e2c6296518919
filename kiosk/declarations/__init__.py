"""Tờ khai đã điền: a citizen's declaration filled at the kiosk, with its slip and A4 PDF.

Not a hồ sơ (dossier): the citizen brings the slip to the counter, which receives the
dossier and gives it its own mã hồ sơ.

``docs/declarations.md`` describes the reference format, what a submission writes, the
receipt, the PDF and the ``declaration`` command.
"""

from kiosk.declarations.api import DeclarationView, OutboxState, SubmittedDeclaration
from kiosk.declarations.errors import (
    DeclarationDiscardedError,
    DeclarationError,
    DeclarationIncompleteError,
    DeclarationNotFoundError,
    DeclarationPurgedError,
)
from kiosk.declarations.service import DeclarationService

__all__ = [
    "DeclarationDiscardedError",
    "DeclarationError",
    "DeclarationIncompleteError",
    "DeclarationNotFoundError",
    "DeclarationPurgedError",
    "DeclarationService",
    "DeclarationView",
    "OutboxState",
    "SubmittedDeclaration",
]
