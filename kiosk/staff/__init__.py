"""Staff mode: the PIN that unlocks it, its lock-out, and the grants it yields."""

from kiosk.staff.access import StaffAccess
from kiosk.staff.grant import GrantCheck, StaffGrant

__all__ = ["GrantCheck", "StaffAccess", "StaffGrant"]
