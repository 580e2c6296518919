"""Guided forms: the kiosk's library of tờ khai, their answers and checks.

The form definition format, and the rules a definition must meet, are ``wire.forms``
and ``wire.form_integrity``, shared with the centre's server.
"""
