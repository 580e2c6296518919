"""Offline-first sync with the centre's server: protocol v1, client, worker, purge."""
