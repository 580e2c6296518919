"""Vietnamese procedure search: accents optional, typos forgiven, as you type."""
