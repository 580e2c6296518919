"""The data key and the cipher that keep citizens' personal data unreadable at rest.

``cipher`` seals one value at a time (AES-256-GCM, the row it belongs to as associated
data); ``keys`` finds the 32-byte key in the OS keyring or in IT's key file. Neither
knows the database: ``kiosk.db.sealed`` applies them to columns.
``docs/privacy.md`` ("Encryption at rest") says why this design and how to run it.
"""

from kiosk.crypto.cipher import DataKey, FieldCipher, SealedValueError, is_sealed
from kiosk.crypto.errors import (
    DataKeyError,
    DataKeyUnavailableError,
    KeyFileError,
    KeyFileUnsafeError,
    KeyStoreError,
)
from kiosk.crypto.keys import KeyFileStore, KeyringKeyStore, KeyStore, key_store

__all__ = [
    "DataKey",
    "DataKeyError",
    "DataKeyUnavailableError",
    "FieldCipher",
    "KeyFileError",
    "KeyFileStore",
    "KeyFileUnsafeError",
    "KeyStore",
    "KeyStoreError",
    "KeyringKeyStore",
    "SealedValueError",
    "is_sealed",
    "key_store",
]
