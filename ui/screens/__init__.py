"""The kiosk's screens: home and error (the window's own), and one folder per journey.

Each journey folder (``lookup/``, ``form/``, ``queue/``, ``staff/``, ``help/``,
``register/``) defines ``JOURNEY`` in its ``__init__``; ``ui.journeys`` finds them, and
the window builds a journey's screens for one visit when a citizen first opens it.
"""
