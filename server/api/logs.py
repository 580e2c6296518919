"""Text from a client, made safe to write into the server's log."""

from __future__ import annotations


def loggable(text: str) -> str:
    """``text`` as one line of printable ASCII: what a client sent can neither end a log
    line (``%0A`` in a path arrives decoded as a newline) nor pass for another one."""
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text
    return text.encode("unicode_escape").decode("ascii")
