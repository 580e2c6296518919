"""The form journey's look, from the window's palette and text scale (``ui.theme``).

Inputs are at least 64 px high at every scale and their text grows with it; a
question with a problem gets a red bar on its left and the message in bold red
(yellow in high contrast), so it is found by colour *and* by shape.
"""

from __future__ import annotations

from kiosk.config import TextScale, Theme
from ui.theme import HIGH_CONTRAST, MIN_TOUCH_PX, palette, px


def form_stylesheet(theme: Theme, scale: TextScale) -> str:
    p = palette(theme)
    hc = p is HIGH_CONTRAST

    def s(size: float) -> int:
        return px(size, scale)

    title = p.text if hc else p.primary
    card_border = f"{p.border_px}px solid {p.border}"
    strong_border = f"{p.border_px + 1}px solid {p.border if hc else p.primary}"
    touch = max(MIN_TOUCH_PX, s(64))
    notice_text = "#0d5d2a" if not hc else p.text
    # The words of a secondary button, and of a chosen one (``ui.theme``'s colours).
    secondary = p.primary if not hc else p.primary_text
    chosen = p.primary_text if not hc else "#000000"
    return f"""
#StepLabel {{ font-size: {s(26)}px; font-weight: bold; color: {title}; }}
QProgressBar#StepBar {{
    max-height: {s(14)}px;
    min-height: {s(14)}px;
    border: {p.border_px}px solid {p.border};
    border-radius: {s(7)}px;
    background: {p.surface};
}}
QProgressBar#StepBar::chunk {{
    background: {p.accent if hc else p.primary};
    border-radius: {s(5)}px;
}}
#SectionContent, #ReviewContent, #ChooserContent {{ background: transparent; }}
#SectionHeading {{ font-size: {s(34)}px; font-weight: bold; color: {title}; }}
#SectionIntro {{ font-size: {s(24)}px; color: {p.muted}; }}
#CardNotice {{
    font-size: {s(22)}px;
    font-weight: bold;
    color: {notice_text};
    background: {"#dcf3e3" if not hc else p.surface};
    border: {p.border_px}px solid {"#2e8b57" if not hc else p.border};
    border-radius: 12px;
    padding: {s(10)}px {s(18)}px;
}}
#FormField {{
    border: 0px solid transparent;
    border-left: {s(6)}px solid transparent;
    padding-left: {s(12)}px;
}}
#FormField[problem="true"] {{ border-left-color: {p.danger}; }}
#FieldLabel {{ font-size: {s(26)}px; font-weight: bold; color: {p.text}; }}
#FieldHelp {{ font-size: {s(21)}px; color: {p.muted}; }}
#SubLabel {{ font-size: {s(22)}px; font-weight: bold; color: {p.muted}; }}
#FieldProblem {{ font-size: {s(23)}px; font-weight: bold; color: {p.danger}; }}
QLineEdit#FieldEdit, QLineEdit#DateEdit, QLineEdit#PickerSearch, QPlainTextEdit#FieldArea {{
    font-size: {s(28)}px;
    min-height: {touch}px;
    padding: 0 {s(16)}px;
    color: {p.text};
    background: {p.surface};
    border: {strong_border};
    border-radius: 12px;
}}
QPlainTextEdit#FieldArea {{ min-height: {touch * 2}px; padding: {s(8)}px {s(16)}px; }}
QLineEdit#FieldEdit:focus, QLineEdit#DateEdit:focus, QLineEdit#PickerSearch:focus,
QPlainTextEdit#FieldArea:focus {{ border-color: {p.focus}; border-width: {p.border_px + 2}px; }}
#FormField[problem="true"] QLineEdit#FieldEdit, #FormField[problem="true"] QLineEdit#DateEdit {{
    border-color: {p.danger};
}}
QPushButton#EmailPart {{ font-size: {s(22)}px; padding: {s(4)}px {s(14)}px; }}
QPushButton#ChoiceButton {{ min-height: {max(72, s(72))}px; }}
QPushButton#ChoiceButton:checked {{ border-width: {p.border_px + 2}px; }}
#ChoiceButton > #ButtonText {{ font-size: {s(26)}px; font-weight: bold; color: {secondary}; }}
#ChoiceButton > #ButtonText[checked="true"] {{ color: {chosen}; }}
#DateCaption {{ font-size: {s(20)}px; font-weight: bold; color: {p.muted}; }}
#DateValue {{ font-size: {s(36)}px; font-weight: bold; color: {p.text}; }}
QPushButton#DateStep {{ font-size: {s(26)}px; }}
QPushButton#DecadeStep {{ font-size: {s(22)}px; padding: {s(4)}px {s(12)}px; }}
QPushButton#PickerCurrent {{ padding: {s(8)}px {s(20)}px; }}
#PickerCurrent > #ButtonText {{ font-size: {s(26)}px; font-weight: normal; color: {secondary}; }}
#PickerCurrent > #ButtonText[empty="true"] {{ color: {p.muted if not hc else p.primary_text}; }}
QListWidget#PickerList {{
    font-size: {s(26)}px;
    background: {p.surface};
    border: {card_border};
    border-radius: 12px;
    outline: none;
}}
QListWidget#PickerList::item {{
    min-height: {touch}px;
    padding: 0 {s(16)}px;
    border-bottom: 1px solid {p.border};
    color: {p.text};
}}
QListWidget#PickerList::item:selected {{
    color: {p.primary_text if not hc else "#000000"};
    background: {p.primary if not hc else p.accent};
}}
#GroupItem {{ background: {p.window}; border: {card_border}; border-radius: 14px; }}
#GroupItemTitle {{ font-size: {s(26)}px; font-weight: bold; color: {title}; }}
#ReviewSection, #DoneCard {{
    background: {p.surface};
    border: {card_border};
    border-radius: 18px;
}}
#ReviewTitle {{ font-size: {s(28)}px; font-weight: bold; color: {title}; }}
#ReviewLabel {{ font-size: {s(22)}px; color: {p.muted}; }}
#ReviewValue {{ font-size: {s(24)}px; font-weight: bold; color: {p.text}; }}
#ReviewEmpty {{ font-size: {s(22)}px; font-style: italic; color: {p.muted}; }}
#DoneHeading {{ font-size: {s(36)}px; font-weight: bold; color: {notice_text}; }}
#DoneCaption {{ font-size: {s(24)}px; color: {p.muted}; }}
#DeclarationReference {{ font-size: {min(s(72), 80)}px; font-weight: bold; color: {title}; }}
#FormRow {{
    min-height: {max(80, s(80))}px;
    padding: 0;
    text-align: left;
    background: {p.surface};
    border: {card_border};
    border-radius: 14px;
}}
#FormRow:pressed {{ background: {p.window if not hc else p.primary_pressed}; }}
#FormRowName {{ font-size: {s(28)}px; font-weight: bold; color: {title}; }}
#FormRowTemplate {{ font-size: {s(20)}px; font-weight: normal; color: {p.muted}; }}
#AddressCaption {{ font-size: {s(22)}px; font-weight: bold; color: {p.muted}; }}
#OldAddress {{ font-size: {s(26)}px; color: {p.text}; }}
#NewAddress {{ font-size: {s(28)}px; font-weight: bold; color: {title}; }}
"""
