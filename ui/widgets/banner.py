"""A message line above the current screen for expected failures (``KioskError``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget
from typing_extensions import override

from ui.i18n import translate
from ui.widgets.label import Label
from wire.i18n import TrText


class MessageBanner(QWidget):
    """Shows one translated message; keeps the untranslated text so a language
    switch re-translates it; a tap dismisses it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._text: TrText | None = None
        self.label = Label(self)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addWidget(self.label)
        self.hide()

    @property
    def text(self) -> TrText | None:
        return self._text

    def show_text(self, text: TrText) -> None:
        self._text = text
        self.label.setText(translate(text))
        self.show()

    def clear(self) -> None:
        self._text = None
        self.label.clear()
        self.hide()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clear()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._text is not None:
            self.label.setText(translate(self._text))
        super().changeEvent(event)
