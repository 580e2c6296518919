"""Reading a form definition from its JSON, the same way on the kiosk and on the server.

A form the server publishes and a form the kiosk stores pass this one gate: a size
limit, a strict decode, then every rule of ``wire.form_integrity``.
"""

from __future__ import annotations

import msgspec

from wire.errors import FormDefinitionError
from wire.form_integrity import check_definition
from wire.forms import MAX_FORM_BYTES, FormDefinition


def decode_form(data: bytes) -> FormDefinition:
    """A form from its JSON, decoded strictly and checked; raises ``FormDefinitionError``."""
    if len(data) > MAX_FORM_BYTES:
        raise FormDefinitionError(
            f"{len(data):,} bytes, more than the {MAX_FORM_BYTES:,} bytes a form may have"
        )
    try:
        form = msgspec.json.decode(data, type=FormDefinition, strict=True)
    except msgspec.ValidationError as exc:
        raise FormDefinitionError(f"not a valid form definition: {exc}") from exc
    except msgspec.DecodeError as exc:
        raise FormDefinitionError(f"invalid JSON: {exc}") from exc
    except UnicodeDecodeError as exc:  # bad UTF-8 inside a string escapes msgspec as this
        raise FormDefinitionError(f"not UTF-8: {exc.reason}") from exc
    check_definition(form)
    return form
