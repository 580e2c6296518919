"""Vietnamese text input for the kiosk: the Telex engine, without Qt.

It lives in the core so the rules are tested on plain strings, and the UI's
keyboard and key filter only move words in and out of text fields.
"""

from kiosk.text.telex import TONE_MARKS, Tone, current_word_start, set_tone, telex, type_key

__all__ = ["TONE_MARKS", "Tone", "current_word_start", "set_tone", "telex", "type_key"]
