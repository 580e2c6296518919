"""``python -m kiosk``: commands for IT staff, counter staff and benchmarks."""
