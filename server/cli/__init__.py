"""``python -m server``: serve the API, or administer centres, kiosks and publications."""
