"""The layout audit: every screen at every panel, text size, theme and language, walked
widget by widget for clipped text, things off the window, targets too small for a
finger, text too faint, and content that would need sideways scrolling.

``python -m ui.audit`` runs it (see ``docs/layout-audit.md``); :mod:`ui.audit.checks`
holds the detectors, :mod:`ui.audit.screens` the screens and how each is reached,
:mod:`ui.audit.run` the matrix.
"""
