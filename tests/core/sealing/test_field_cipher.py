"""One value sealed: versioned text, a fresh nonce each time, bound to its column and row."""

from __future__ import annotations

import pytest

from kiosk.crypto.cipher import DataKey, FieldCipher, SealedValueError, is_sealed, sealed_key_id

LABEL = "dossiers.answers"
ROW = "6f1c0d3e9b8a4c2d8e7f6a5b4c3d2e1f"


def test_a_sealed_value_names_its_format_key_and_scope_and_opens_again() -> None:
    key = DataKey.generate()
    cipher = FieldCipher(key)

    token = cipher.seal(b'{"full_name": "Nguy\\u1ec5n V\\u0103n An"}', LABEL, ROW)

    assert token.startswith(f"mck1.{key.key_id}.r.")
    assert is_sealed(token)
    assert not is_sealed('{"full_name": "An"}')
    assert sealed_key_id(token) == key.key_id
    assert cipher.open(token, LABEL, ROW) == (b'{"full_name": "Nguy\\u1ec5n V\\u0103n An"}', "r")
    assert cipher.seal(b"{}", LABEL, ROW) != cipher.seal(b"{}", LABEL, ROW), "a nonce each time"
    assert key.secret.hex() not in repr(key)


@pytest.mark.parametrize(
    ("label", "row", "problem"),
    [
        ("outbox.payload", ROW, "tampered"),
        (LABEL, "0" * 32, "tampered"),
        (LABEL, None, "tampered"),
    ],
)
def test_it_opens_only_for_its_own_column_and_row(
    label: str, row: str | None, problem: str
) -> None:
    cipher = FieldCipher(DataKey.generate())
    token = cipher.seal(b"{}", LABEL, ROW)

    with pytest.raises(SealedValueError) as refused:
        cipher.open(token, label, row)
    assert refused.value.problem == problem


def test_another_key_or_a_damaged_value_is_told_apart() -> None:
    old, new = DataKey.generate(), DataKey.generate()
    token = FieldCipher(old).seal(b"{}", LABEL, ROW)

    with pytest.raises(SealedValueError) as unknown:
        FieldCipher(new).open(token, LABEL, ROW)
    assert (unknown.value.problem, unknown.value.key_id) == ("unknown_key", old.key_id)
    # A rotated key keeps the old one for reading.
    assert FieldCipher(new, older=(old,)).open(token, LABEL, ROW).plaintext == b"{}"
    with pytest.raises(SealedValueError) as malformed:
        FieldCipher(old).open("mck1." + old.key_id + ".r.!!!", LABEL, ROW)
    assert malformed.value.problem == "malformed"
