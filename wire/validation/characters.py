"""Which characters a form refuses wherever they appear.

Control characters, invisible formatting characters and emoji cannot be printed on
the paper tờ khai and are never part of a real answer: they arrive from a pasted
text, a confused scanner or a phone's keyboard.
"""

from __future__ import annotations

import unicodedata

#: Blocks of pictographs, dingbats and symbols that are drawn as emoji, plus the
#: variation selectors and tag characters that build emoji sequences.
_EMOJI_RANGES = (
    (0x20E3, 0x20E3),  # combining enclosing keycap (1️⃣)
    (0x231A, 0x231B),  # ⌚ ⌛
    (0x23E9, 0x23FA),  # ⏩ .. ⏺
    (0x25AA, 0x25AB),  # ▪ ▫
    (0x25B6, 0x25B6),  # ▶
    (0x25C0, 0x25C0),  # ◀
    (0x25FB, 0x25FE),  # ◻ .. ◾
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats (☀ ☎ ✂ ❤)
    (0x2B05, 0x2B07),  # ⬅ ⬆ ⬇
    (0x2B1B, 0x2B1C),  # ⬛ ⬜
    (0x2B50, 0x2B55),  # ⭐ .. ⭕
    (0xFE00, 0xFE0F),  # variation selectors (the "draw as emoji" selector among them)
    (0x1F000, 0x1FAFF),  # mahjong tiles .. symbols and pictographs extended-A
    (0xE0000, 0xE007F),  # tags (flags of regions)
)

_FIRST_EMOJI = _EMOJI_RANGES[0][0]

#: Unicode categories never accepted: controls, format characters (zero-width joiners,
#: bidi overrides), line and paragraph separators, surrogates, private use, unassigned.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


#: Within those blocks, letters, digits and punctuation (the ornate brackets ❨ ❩ of
#: the dingbats) are not pictures; symbols, modifiers and sequence glue are.
_EMOJI_CATEGORIES = frozenset({"So", "Sk", "Mn", "Me", "Cf"})


def is_emoji(char: str) -> bool:
    code = ord(char)
    return (
        code >= _FIRST_EMOJI
        and any(low <= code <= high for low, high in _EMOJI_RANGES)
        and unicodedata.category(char) in _EMOJI_CATEGORIES
    )


def is_refused(char: str, *, allow_newline: bool = False) -> bool:
    """Whether ``char`` may never appear in an answer (newlines only in multi-line text)."""
    if char == "\n" and allow_newline:
        return False
    return unicodedata.category(char) in _REFUSED_CATEGORIES or is_emoji(char)
