"""The kiosk's bundled data: forms, catalogue, fonts and translations.

A package so that :mod:`importlib.resources` finds it the same way from a clone, an
installed wheel and the frozen folder (``kiosk.paths.RESOURCES_DIR``). It has no code.
"""
