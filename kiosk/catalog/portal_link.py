"""Where a citizen continues a procedure online: its portal page, for QR codes.

The procedure screen's QR code and the printed checklist's both send a phone here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wire.catalogue import Procedure

#: Where a procedure without its own portal link continues: the national portal's page
#: for its code (Cổng Dịch vụ công Quốc gia). Not checked by the kiosk; just a link.
NATIONAL_PORTAL_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
)


def portal_url(procedure: Procedure) -> str:
    """The procedure's own portal link, else the national portal's page for its code."""
    return procedure.portal_url or NATIONAL_PORTAL_URL.format(code=procedure.code)
