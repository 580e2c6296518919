"""The staff audit log."""

from kiosk.audit.log import AuditEntry, AuditLog

__all__ = ["AuditEntry", "AuditLog"]
