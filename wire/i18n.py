"""Translatable texts for code that cannot import Qt: the core, and what it shares with
the server.

The core names what a citizen should read; the UI translates it at the moment it is
shown, so a language switch re-translates messages already on screen. The marker is
spelled ``QT_TRANSLATE_NOOP`` on purpose: Qt's ``lupdate`` finds calls by that name
in Python sources and puts their texts into the ``.ts`` files. Source texts are the
Vietnamese ones; English is a translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TrText:
    """A text to be translated in ``context``, with ``{name}`` placeholders."""

    context: str
    source: str
    params: dict[str, object] = field(default_factory=dict)

    def with_params(self, **params: object) -> TrText:
        return TrText(self.context, self.source, {**self.params, **params})

    def render(self, translated: str | None = None) -> str:
        """The text with its placeholders filled, from its translation if given."""
        text = self.source if translated is None else translated
        return text.format(**self.params) if self.params else text


def QT_TRANSLATE_NOOP(context: str, source: str) -> TrText:  # noqa: N802 - lupdate's name
    return TrText(context, source)
