"""Vietnamese text for the kiosk, without Qt: the Telex engine;
:mod:`kiosk.text.folding`, how "Đăng kí", "đăng ký" and "dang ky" become one word for
the catalogue's search, the place names and the pickers alike;
:mod:`kiosk.text.matching`, how pickers find a name by the words typed; and
:mod:`kiosk.text.number_words`, numbers and dates in words ("ghi bằng chữ" on the
forms, and what a voice reads aloud).

It lives in the core so the rules are tested on plain strings, and the UI's
keyboard, key filter and pickers only move words in and out of widgets.
"""

from kiosk.text.telex import TONE_MARKS, Tone, current_word_start, set_tone, telex, type_key

__all__ = ["TONE_MARKS", "Tone", "current_word_start", "set_tone", "telex", "type_key"]
