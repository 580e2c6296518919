"""Offline-first sync with the centre's server: client, worker, outbox, purge.

Protocol v1 itself is ``wire.protocol``, the one definition both sides decode with.
"""
