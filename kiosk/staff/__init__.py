"""Staff mode: the PIN that unlocks it, and its lock-out."""

from kiosk.staff.access import StaffAccess

__all__ = ["StaffAccess"]
