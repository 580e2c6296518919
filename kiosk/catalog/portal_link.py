"""Where a citizen continues a procedure online: its portal page, for QR codes.

The procedure screen's QR code and the printed checklist's both send a phone here, so
a link is given only when the centre's allow-list takes it (``portal_domains``, the rule
in ``wire.links``). The importer and the sync pull already dropped the links they
refused; the check is made again here, where the link is shown, because a catalogue
loaded before the centre narrowed its list still holds links the new list refuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wire.links import link_refusal

if TYPE_CHECKING:
    from wire.catalogue import Procedure

#: Where a procedure without its own portal link continues: the national portal's page
#: for its code (Cổng Dịch vụ công Quốc gia), when the allow-list takes it.
NATIONAL_PORTAL_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
)


def portal_url(procedure: Procedure, domains: Sequence[str]) -> str | None:
    """The procedure's own link, else the national portal's page for its code, whichever
    ``domains`` allows first; ``None`` (no QR code) when it allows neither."""
    for link in (procedure.portal_url, NATIONAL_PORTAL_URL.format(code=procedure.code)):
        if link is not None and link_refusal(link, domains) is None:
            return link
    return None
