"""Tracebacks and library messages with the values they may quote left out.

The kiosk's own log calls carry ids and references, never field values. Two kinds of
text reach a log without passing through them, and either can quote what a citizen
typed:

- **an exception's message.** ``int("Nguyễn")`` says ``invalid literal … 'Nguyễn'``, a
  ``KeyError`` is its key, msgspec quotes an enum value it refused. A traceback keeps
  its frames (file, line, function, the line of code: enough to find a bug) and the
  message only of the exceptions whose wording is known to quote no value: the
  project's translatable errors (their contract, ``wire.errors``), operating-system
  errors (an errno, its text and a path), SQLite's and SQLAlchemy's (the engine hides
  the statement's parameters, ``kiosk.db.engine``; a ``[parameters: …]`` part is cut
  anyway) and the HTTP client's (a URL). Any other message is withheld;
- **a message from a library that lays out the citizen's text**: fpdf2 names the
  characters its font lacks ("missing the following glyphs: 'X'"), fontTools the glyphs
  it keeps, Pillow the chunks it reads. Their records keep the library's wording with
  the ``%s`` placeholders unfilled, and their chatter below WARNING is not logged.

The masking of ID and phone numbers (``kiosk.logs.masking``) still runs over the
result, as the net under all of this.
"""

from __future__ import annotations

import logging
import re
import traceback

from wire.errors import TranslatableError

#: Modules whose exceptions' messages carry no value (see the module docstring).
TRUSTED_MODULES = ("sqlite3", "sqlalchemy.exc", "requests.exceptions", "urllib3.exceptions")
#: Loggers of libraries that handle the citizen's text: arguments never logged.
TEXT_LIBRARIES = ("fpdf", "fontTools", "PIL")
WITHHELD = "[message withheld: it may quote personal data]"

_SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(Background on this error|\Z))", re.S)
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def message_is_safe(exc: BaseException) -> bool:
    """Whether ``exc``'s message is known never to quote a value."""
    if isinstance(exc, TranslatableError | OSError):
        return True
    module = type(exc).__module__
    return any(module == name or module.startswith(name + ".") for name in TRUSTED_MODULES)


def safe_message(exc: BaseException) -> str:
    """``exc``'s message when it is safe to log, else a note that it was withheld."""
    if not message_is_safe(exc):
        return WITHHELD
    try:
        text = str(exc)
    except Exception:  # a broken __str__ must not break logging
        return WITHHELD
    return _SQL_PARAMETERS.sub("[parameters withheld]", text)


def format_exception(exc: BaseException) -> str:
    """A traceback like Python's, each message in its chain through :func:`safe_message`."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__suppress_context__:
            current = None
        else:
            current = current.__context__
    ordered = chain[::-1]  # as Python prints it: the first cause first
    parts: list[str] = []
    for index, item in enumerate(ordered):
        if index:
            parts.append(_CAUSE if item.__cause__ is ordered[index - 1] else _CONTEXT)
        parts.append(_one(item))
    return "".join(parts).rstrip("\n")


def _one(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    head = "Traceback (most recent call last):\n" if frames else ""
    name = type(exc).__qualname__
    module = type(exc).__module__
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    message = safe_message(exc)
    return head + "".join(traceback.format_list(frames)) + f"{name}: {message}\n"


def quiet_text_libraries(record: logging.LogRecord) -> None:
    """A text library's record keeps its wording, never its arguments (in place)."""
    if record.args and record.name.split(".", 1)[0] in TEXT_LIBRARIES:
        record.args = None


def floor_text_libraries() -> None:
    """Below WARNING the text libraries log glyph names and image chunks: not needed."""
    for name in TEXT_LIBRARIES:
        logger = logging.getLogger(name)
        if logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)
