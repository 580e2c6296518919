"""Staff mode: the members and the PINs that unlock it, its lock-out, and the grants it
yields."""

from kiosk.staff.access import StaffAccess
from kiosk.staff.grant import GrantCheck, StaffGrant
from kiosk.staff.roster import StaffMember

__all__ = ["GrantCheck", "StaffAccess", "StaffGrant", "StaffMember"]
