"""The kiosk's look: one stylesheet built from the theme and the text size.

Sizes are written for 100 % and multiplied by the text scale, so 125 % and 150 %
grow text *and* the touch targets around it. At 100 % body text is at least 20 px
and every button at least 64 px high, the usual minimum for elderly users' fingers.
Scroll bars are touch targets too: 64 px wide with a handle at least 64 px long, and
no arrow buttons (a 28 px arrow is too small for a finger, and a flick scrolls).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass

from kiosk.config import TextScale, Theme

FONT_FAMILY = "Noto Sans"
MIN_TOUCH_PX = 64
BASE_TEXT_PX = 22
KEY_LABEL_PX = 24
#: Keys on a short panel at the largest text: the audit's floor for keyboard keys.
SHORT_KEY_PX = 48
#: A key label's line (stacked tone marks included) as a multiple of its font size.
KEY_LINE_RATIO = 1.4


@dataclass(frozen=True, slots=True)
class Palette:
    window: str
    surface: str
    text: str
    muted: str
    primary: str
    primary_text: str
    primary_pressed: str
    accent: str
    border: str
    border_px: int
    header: str
    header_text: str
    focus: str
    danger: str
    backdrop: str


STANDARD = Palette(
    window="#eef2f7",
    surface="#ffffff",
    text="#17212f",
    muted="#4a5668",
    primary="#0b4a8b",
    primary_text="#ffffff",
    primary_pressed="#083763",
    accent="#c8102e",
    border="#c7d2e0",
    border_px=2,
    header="#0b4a8b",
    header_text="#ffffff",
    focus="#f0b400",
    danger="#b3261e",
    backdrop="rgba(10, 25, 45, 185)",
)

HIGH_CONTRAST = Palette(
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffffff",
    primary="#000000",
    primary_text="#ffff00",
    primary_pressed="#333300",
    accent="#ffff00",
    border="#ffff00",
    border_px=4,
    header="#000000",
    header_text="#ffff00",
    focus="#ffffff",
    danger="#ffff00",
    backdrop="rgba(0, 0, 0, 230)",
)


#: A style sheet rule that holds for one shape of panel only (``KioskWindow[panel=…]``).
_PANEL_RULE = re.compile(r"^[^{]*\[panel=[^{]*\{", re.MULTILINE)
_PANEL_VALUE = re.compile(r'\[panel="(\w+)"\]')
_OBJECT_NAME = re.compile(r"#(\w+)")


def panel_styled_names(sheet: str, panels: Collection[str] | None = None) -> set[str]:
    """The object names the rules of ``sheet`` that hold for one panel only select: what
    must be polished again when the window fills another shape of panel.

    With ``panels`` (the shapes left and entered), only those of the rules for one of
    them: a rule for a third shape held neither before nor after.
    """
    return {
        name
        for rule in _PANEL_RULE.findall(sheet)
        if panels is None or _for_any(rule, panels)
        for name in _OBJECT_NAME.findall(rule)
    }


def _for_any(rule: str, panels: Collection[str]) -> bool:
    shapes = _PANEL_VALUE.findall(rule)
    return not shapes or any(shape in panels for shape in shapes)  # unquoted: polish anyway


def palette(theme: Theme) -> Palette:
    return HIGH_CONTRAST if theme == Theme.HIGH_CONTRAST else STANDARD


def px(size: float, scale: TextScale) -> int:
    return round(size * int(scale) / 100)


def text_px(scale: TextScale) -> int:
    """Body text size in pixels at ``scale``."""
    return px(BASE_TEXT_PX, scale)


def stylesheet(theme: Theme, scale: TextScale) -> str:
    """The whole window's stylesheet for ``theme`` at ``scale`` percent."""
    p = palette(theme)
    hc = theme == Theme.HIGH_CONTRAST

    def s(size: float) -> int:
        return px(size, scale)

    title = p.text if hc else p.primary
    tile_border = f"{p.border_px}px solid {p.border}"
    button_border = f"{p.border_px}px solid {p.border if hc else p.primary}"
    return (
        f"""
QWidget {{
    font-family: "{FONT_FAMILY}";
    font-size: {s(BASE_TEXT_PX)}px;
    color: {p.text};
}}
QMainWindow, QStackedWidget, #Screen {{ background: {p.window}; }}
QLineEdit {{ placeholder-text-color: {p.muted}; }}
#Header {{
    background: {p.header};
    border-bottom: {6 if not hc else p.border_px}px solid {p.accent};
}}
#Header QLabel {{ color: {p.header_text}; }}
#CentreName {{ font-size: {s(32)}px; font-weight: bold; }}
#KioskName {{ font-size: {s(20)}px; }}
#Clock {{ font-size: {s(44)}px; font-weight: bold; }}
#Date {{ font-size: {s(20)}px; }}
#Greeting {{ font-size: {s(34)}px; font-weight: bold; color: {p.text}; }}
#ScreenTitle {{ font-size: {s(40)}px; font-weight: bold; color: {title}; }}
#Lead {{ font-size: {s(28)}px; color: {p.text}; }}
#Body {{ font-size: {s(24)}px; color: {p.text}; }}
#Muted {{ font-size: {s(20)}px; color: {p.muted}; }}
#Card {{
    background: {p.surface};
    border: {tile_border};
    border-radius: 18px;
}}
QPushButton {{
    min-height: {max(MIN_TOUCH_PX, s(64))}px;
    min-width: {max(MIN_TOUCH_PX, s(64))}px;
    padding: {s(8)}px {s(24)}px;
    font-size: {s(24)}px;
    font-weight: bold;
    color: {p.primary_text};
    background: {p.primary};
    border: {button_border};
    border-radius: 14px;
}}
QPushButton:pressed {{ background: {p.primary_pressed}; }}
QPushButton[role="secondary"] {{
    color: {p.primary if not hc else p.primary_text};
    background: {p.surface};
}}
QPushButton[role="secondary"]:checked {{
    color: {p.primary_text if not hc else "#000000"};
    background: {p.primary if not hc else p.accent};
}}
QPushButton[role="home"] {{
    min-height: {max(80, s(80))}px;
    font-size: {s(28)}px;
    padding: {s(8)}px {s(48)}px;
}}
#Tile {{
    background: {p.surface};
    border: {tile_border};
    border-radius: 18px;
    padding: 0;
    text-align: left;
}}
#TileStripe {{ background: {p.accent if hc else p.primary}; border-radius: 5px; }}
#Tile:pressed {{ background: {p.window if not hc else p.primary_pressed}; }}
#TileTitle {{ font-size: {s(31)}px; font-weight: bold; color: {p.primary if not hc else p.text}; }}
#TileSubtitle {{ font-size: {s(21)}px; color: {p.muted}; }}
#TileArrow {{ font-size: {s(48)}px; color: {p.accent}; }}
#Footer {{ background: {p.surface}; border-top: {p.border_px}px solid {p.border}; }}
#Footer QPushButton {{ font-size: {s(22)}px; padding: {s(6)}px {s(18)}px; }}
#Header #StatusBadge {{
    font-size: {s(20)}px;
    font-weight: bold;
    padding: {s(2)}px {s(12)}px;
    border-radius: 12px;
    color: {"#7a4a00" if not hc else "#000000"};
    background: {"#fff1cc" if not hc else p.accent};
    border: {p.border_px}px solid {"#e0a800" if not hc else p.accent};
}}
#Header #StatusBadge[online="true"] {{
    color: {"#0d5d2a" if not hc else "#000000"};
    background: {"#dcf3e3" if not hc else p.accent};
    border-color: {"#2e8b57" if not hc else p.accent};
}}
#Banner {{
    background: {"#fdecea" if not hc else "#000000"};
    border: {p.border_px}px solid {p.danger};
    border-radius: 12px;
}}
#Banner QLabel {{ color: {p.danger}; font-size: {s(24)}px; font-weight: bold; }}
#Message {{ color: {p.danger}; font-size: {s(24)}px; font-weight: bold; }}
#PinField {{
    font-size: {s(44)}px;
    min-height: {max(MIN_TOUCH_PX, s(72))}px;
    padding: 0 {s(16)}px;
    color: {p.text};
    background: {p.surface};
    border: {p.border_px + 1}px solid {p.border if hc else p.primary};
    border-radius: 12px;
}}
QPushButton#PinKey, QPushButton#PinOk {{
    font-size: {s(34)}px;
    min-width: {s(96)}px;
    padding: {s(4)}px {s(12)}px;
    min-height: {max(80, s(80))}px;
    color: {p.text if not hc else p.primary_text};
    background: {p.surface};
    border: {tile_border};
}}
QPushButton#PinKey:pressed {{ background: {p.window if not hc else p.primary_pressed}; }}
QPushButton#PinOk {{
    color: {p.primary_text};
    background: {p.primary if not hc else p.surface};
    border: {button_border};
}}
QPlainTextEdit {{
    font-family: "{FONT_FAMILY}";
    font-size: {s(20)}px;
    background: {p.surface};
    border: {tile_border};
    border-radius: 10px;
    padding: {s(6)}px;
}}
QScrollBar:vertical {{ width: {MIN_TOUCH_PX}px; margin: 0; background: {p.window}; }}
QScrollBar:horizontal {{ height: {MIN_TOUCH_PX}px; margin: 0; background: {p.window}; }}
QScrollBar::handle {{
    background: {p.border if hc else "#7d8a9c"};
    border: {s(6)}px solid {p.window};
    border-radius: {s(14)}px;
}}
QScrollBar::handle:vertical {{ min-height: {MIN_TOUCH_PX}px; }}
QScrollBar::handle:horizontal {{ min-width: {MIN_TOUCH_PX}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{
    width: 0;
    height: 0;
    border: none;
    background: none;
}}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
#Scroll, #Scroll > QWidget > QWidget {{ background: transparent; }}
#Overlay {{ background: {p.backdrop}; }}
#OverlayCard {{
    background: {p.surface};
    border: {p.border_px + 2}px solid {p.accent if hc else p.primary};
    border-radius: 24px;
}}
#Countdown {{ font-size: {s(72)}px; font-weight: bold; color: {p.accent}; }}
#ErrorTitle {{ font-size: {s(44)}px; font-weight: bold; color: {p.text}; }}
"""
        + _lookup_styles(p, scale)
        + _queue_styles(p, scale)
        + keyboard_stylesheet(p, scale)
    )


# -- Tra cứu thủ tục: search, browse by field, procedure page ---------------------------


def _lookup_styles(p: Palette, scale: TextScale) -> str:
    """The lookup screens' widgets (``ui/screens/lookup``); rows are at least 72 px."""
    hc = p is HIGH_CONTRAST

    def s(size: float) -> int:
        return px(size, scale)

    title = p.text if hc else p.primary
    card_border = f"{p.border_px}px solid {p.border}"
    strong_border = f"{p.border_px + 1}px solid {p.border if hc else p.primary}"
    return f"""
#SearchField {{
    font-size: {s(30)}px;
    min-height: {max(72, s(72))}px;
    padding: 0 {s(20)}px;
    color: {p.text};
    background: {p.surface};
    border: {strong_border};
    border-radius: 14px;
}}
#SearchField:focus {{ border-color: {p.focus}; }}
QPushButton[filter="true"] {{ font-size: {s(22)}px; padding: {s(6)}px {s(20)}px; }}
#ResultStatus {{ font-size: {s(22)}px; color: {p.muted}; }}
#ResultStatus[nothing="true"] {{ font-size: {s(24)}px; font-weight: bold; color: {p.text}; }}
#ResultRow, #FieldTile {{
    min-height: {max(72, s(72))}px;
    padding: 0;
    text-align: left;
    background: {p.surface};
    border: {card_border};
    border-radius: 14px;
}}
#FieldTile {{ min-height: {max(96, s(96))}px; }}
#ResultRow:pressed, #FieldTile:pressed {{
    background: {p.window if not hc else p.primary_pressed};
}}
#ResultName {{ font-size: {s(26)}px; font-weight: normal; color: {p.text}; }}
#ResultMeta {{ font-size: {s(20)}px; font-weight: normal; color: {p.muted}; }}
#RowArrow {{ font-size: {s(40)}px; color: {p.accent}; }}
#OnlineBadge {{
    font-size: {s(20)}px;
    font-weight: bold;
    padding: {s(2)}px {s(12)}px;
    border-radius: 10px;
    color: {"#0d5d2a" if not hc else "#000000"};
    background: {"#dcf3e3" if not hc else p.accent};
    border: {p.border_px}px solid {"#2e8b57" if not hc else p.accent};
}}
#OnlineBadge[online="mot_phan"] {{
    color: {"#0b4a8b" if not hc else "#000000"};
    background: {"#e3edf8" if not hc else p.accent};
    border-color: {"#6d93c0" if not hc else p.accent};
}}
#FieldTileName {{ font-size: {s(26)}px; font-weight: bold; color: {title}; }}
#FieldTileCount {{ font-size: {s(20)}px; font-weight: normal; color: {p.muted}; }}
#NavBar {{ background: {p.surface}; border-top: {p.border_px}px solid {p.border}; }}
#NavBar QPushButton {{ font-size: {s(24)}px; padding: {s(6)}px {s(24)}px; }}
#NavBar QPushButton#HomeButton {{
    min-height: {max(MIN_TOUCH_PX, s(64))}px;
    color: {p.primary if not hc else p.primary_text};
    background: {p.surface};
}}
QPushButton[role="action"] {{ font-size: {s(26)}px; padding: {s(6)}px {s(32)}px; }}
#ProcedurePage {{ background: transparent; }}
#ProcedureName {{ font-size: {s(36)}px; font-weight: bold; color: {title}; }}
#Section {{ background: {p.surface}; border: {card_border}; border-radius: 18px; }}
#SectionTitle {{ font-size: {s(30)}px; font-weight: bold; color: {title}; }}
#GroupTitle {{ font-size: {s(24)}px; font-weight: bold; color: {p.text}; }}
#DocumentName {{ font-size: {s(24)}px; color: {p.text}; }}
#Quantity {{ font-size: {s(22)}px; font-weight: bold; color: {title}; }}
QPushButton#DocumentRow {{
    min-height: {max(MIN_TOUCH_PX, s(64))}px;
    padding: 0;
    text-align: left;
    font-weight: normal;
    color: {p.text};
    background: {p.surface};
    border: {p.border_px}px solid {p.border};
    border-radius: 12px;
}}
QPushButton#DocumentRow:pressed {{ background: {p.window if not hc else p.primary_pressed}; }}
QPushButton#DocumentRow:checked {{
    background: {"#e6f4ea" if not hc else p.surface};
    border: {p.border_px + 1}px solid {"#1f7a45" if not hc else p.accent};
}}
#CheckBox {{
    min-width: {s(36)}px;
    max-width: {s(36)}px;
    min-height: {s(36)}px;
    max-height: {s(36)}px;
    background: {p.surface};
    border: {strong_border};
    border-radius: 6px;
}}
#CheckBox[ticked="true"] {{
    color: {p.primary_text if not hc else "#000000"};
    background: {"#1f7a45" if not hc else p.accent};
    border-color: {"#1f7a45" if not hc else p.accent};
}}
#MethodName {{ font-size: {s(26)}px; font-weight: bold; color: {title}; }}
#Url {{ font-size: {s(20)}px; color: {p.muted}; }}
#ChecklistMessage {{
    font-size: {s(24)}px;
    font-weight: bold;
    color: {"#0d5d2a" if not hc else p.text};
}}
#ChecklistMessage[failed="true"] {{ color: {"#5c3800" if not hc else p.text}; }}
#QrCode {{ background: #ffffff; }}
"""


# -- Lấy số thứ tự: queue cards, the priority question, the ticket ---------------------


def _queue_styles(p: Palette, scale: TextScale) -> str:
    """The ticket screens' widgets (``ui/screens/queue``).

    Cards and priority buttons are at least 96 and 80 px high. The ticket number is
    150 px at 100 %, capped so the whole ticket still fits a 768 px screen at 150 %
    (on that short panel, at 150 px: the ticket shares 768 px with its message).
    A closed or full queue is told in calm grey or amber, never alarm red: nothing is
    wrong, the citizen only has to come back. A ticket that did not print gets a warm
    amber box, the colour of "please do this", and high contrast keeps yellow on black.
    """
    hc = p is HIGH_CONTRAST

    def s(size: float) -> int:
        return px(size, scale)

    title = p.text if hc else p.primary
    card_border = f"{p.border_px}px solid {p.border}"
    return f"""
#ServiceCard {{
    min-height: {max(96, s(96))}px;
    padding: 0;
    text-align: left;
    background: {p.surface};
    border: {card_border};
    border-radius: 16px;
}}
#ServiceCard:pressed {{ background: {p.window if not hc else p.primary_pressed}; }}
#ServiceCard[state="closed"], #ServiceCard[state="full"] {{
    background: {p.window if not hc else p.surface};
    border-style: dashed;
}}
#ServiceCard[tappable="false"] {{
    border: {p.border_px + 1}px solid {p.accent if hc else p.primary};
}}
#ServiceCode {{
    min-width: {s(72)}px;
    min-height: {s(72)}px;
    font-size: {s(44)}px;
    font-weight: bold;
    color: {p.primary_text if not hc else "#000000"};
    background: {p.primary if not hc else p.accent};
    border-radius: 12px;
}}
#ServiceCard[state="closed"] #ServiceCode, #ServiceCard[state="full"] #ServiceCode {{
    background: {p.muted if not hc else p.accent};
}}
#ServiceName {{ font-size: {s(28)}px; font-weight: bold; color: {title}; }}
#ServiceCounters {{ font-size: {s(22)}px; font-weight: normal; color: {p.muted}; }}
#ServiceState {{
    font-size: {s(22)}px;
    font-weight: bold;
    padding: {s(4)}px {s(16)}px;
    border-radius: 12px;
    color: {"#0d5d2a" if not hc else "#000000"};
    background: {"#dcf3e3" if not hc else p.accent};
    border: {p.border_px}px solid {"#2e8b57" if not hc else p.accent};
}}
#ServiceState[state="closed"] {{
    color: {p.muted if not hc else "#000000"};
    background: {p.surface if not hc else p.accent};
    border-color: {p.border if not hc else p.accent};
}}
#ServiceState[state="full"] {{
    color: {"#7a4a00" if not hc else "#000000"};
    background: {"#fff1cc" if not hc else p.accent};
    border-color: {"#e0a800" if not hc else p.accent};
}}
#QueueNotice {{ font-size: {s(22)}px; color: {p.muted}; }}
#QueueNotice[attention="true"] {{
    font-size: {s(24)}px;
    font-weight: bold;
    color: {"#7a4a00" if not hc else p.text};
}}
#PriorityPage {{ background: transparent; }}
#PriorityQuestion {{ font-size: {s(32)}px; font-weight: bold; color: {p.text}; }}
QPushButton#NoPriorityButton {{
    min-height: {max(96, s(88))}px;
    font-size: {s(30)}px;
}}
QPushButton#ClaimButton {{ min-height: {max(80, s(72))}px; padding: 0; }}
#ClaimButton #ChoiceText {{
    font-size: {s(24)}px;
    font-weight: bold;
    color: {p.primary if not hc else p.primary_text};
}}
QPushButton#NoPriorityButton:disabled, QPushButton#ClaimButton:disabled {{
    color: {p.muted};
    background: {p.window if not hc else p.surface};
    border-color: {p.border};
}}
#ChoiceText:disabled {{ color: {p.muted}; }}
QPushButton#ConfirmClaimButton, QPushButton#DeclineClaimButton {{
    min-height: {max(80, s(80))}px;
    font-size: {s(26)}px;
}}
#QueueIssuing {{ font-size: {s(24)}px; font-weight: bold; color: {title}; }}
#TicketCard {{
    background: {p.surface};
    border: {p.border_px + 1}px solid {p.accent if hc else p.primary};
    border-radius: 20px;
}}
#TicketCaption {{ font-size: {s(26)}px; color: {p.muted}; }}
#TicketNumber {{
    font-size: {min(s(150), 180)}px;
    font-weight: bold;
    color: {title};
}}
#TicketService {{ font-size: {s(28)}px; font-weight: bold; color: {p.text}; }}
#TicketCounters {{ font-size: {s(32)}px; font-weight: bold; color: {p.text}; }}
#TicketAhead {{ font-size: {s(24)}px; color: {p.text}; }}
#TicketPriority {{ font-size: {s(22)}px; font-weight: bold; color: {p.muted}; }}
#PrintStatus {{
    background: {"#dcf3e3" if not hc else p.surface};
    border: {p.border_px}px solid {"#2e8b57" if not hc else p.border};
    border-radius: 14px;
}}
#PrintStatus[failed="true"] {{
    background: {"#fff1cc" if not hc else p.surface};
    border: {p.border_px + 1}px solid {"#e0a800" if not hc else p.accent};
}}
#PrintMessage {{
    font-size: {s(26)}px;
    font-weight: bold;
    color: {"#0d5d2a" if not hc else p.text};
}}
#PrintMessage[failed="true"] {{ color: {"#5c3800" if not hc else p.text}; }}
#PrintError {{ font-size: {s(20)}px; color: {p.muted}; }}
#TicketCountdown {{ font-size: {s(22)}px; color: {p.muted}; }}
QPushButton#DoneButton {{ min-width: {s(200)}px; min-height: {max(96, s(96))}px; }}
KioskWindow[panel="short"] #TicketNumber {{ font-size: {min(s(150), 150)}px; }}
KioskWindow[panel="short"] QPushButton#DoneButton {{
    min-width: {s(120)}px;
    padding: {s(8)}px {s(32)}px;
}}
"""


# -- Bàn phím ảo: the on-screen keyboard (ui/keyboard) ---------------------------------


def keyboard_stylesheet(p: Palette, scale: TextScale) -> str:
    """Keys 64 px high, labels 24 px or more; and the chrome that steps aside for them.

    Key height (border included) does not grow with the text scale: six rows already
    take more than half of a 768 px screen. On that short panel at the largest text
    the keys are 48 px (no less than their label's line), so the field being typed
    into, its label and its message still fit above them. Labels grow, but stop at
    30 px so a row of twelve keys still fits 1366 px. The Vietnamese letters and the
    tone keys are tinted so that row reads as "Vietnamese" at a glance; high contrast
    keeps yellow on black.

    While the keyboard is up on a landscape panel (the window's ``keyboard`` property
    is ``up``), the bottom bar's buttons shrink to 64 px with their border: the citizen
    is typing, and the room is the field's.
    """
    hc = p is HIGH_CONTRAST
    label = min(max(KEY_LABEL_PX, px(26, scale)), 30)
    short_key = max(SHORT_KEY_PX - 2 * p.border_px, math.ceil(label * KEY_LINE_RATIO))
    typing = [
        f'KioskWindow[keyboard="up"][panel="{panel}"] #NavBar QPushButton{name}'
        for panel in ("short", "landscape")
        for name in ("", "#BackButton", "#HomeButton")
    ]
    short_keys = (
        f"""
KioskWindow[panel="short"] #Keyboard QPushButton {{
    min-height: {short_key}px;
    max-height: {short_key}px;
}}
"""
        if scale >= TextScale.LARGEST
        else ""
    )
    return (
        f"""
{", ".join(typing)} {{
    min-height: {MIN_TOUCH_PX - 2 * p.border_px}px;
    padding-top: 0;
    padding-bottom: 0;
}}
"""
        + short_keys
        + f"""
#Keyboard {{
    background: {p.window};
    border-top: {p.border_px + 1}px solid {p.accent if hc else p.primary};
}}
#Keyboard QPushButton {{
    min-height: {MIN_TOUCH_PX - 2 * p.border_px}px;
    max-height: {MIN_TOUCH_PX - 2 * p.border_px}px;
    min-width: 0px;
    padding: 0 4px;
    font-size: {label}px;
    font-weight: bold;
    color: {p.primary_text if hc else p.text};
    background: {p.surface};
    border: {p.border_px}px solid {p.border};
    border-radius: 10px;
}}
#Keyboard QPushButton:pressed {{ background: {p.primary_pressed if hc else p.border}; }}
#Keyboard QPushButton[keyrole="vietnamese"] {{
    background: {p.surface if hc else "#fff4d6"};
    border-color: {p.accent if hc else "#e0a800"};
}}
#Keyboard QPushButton[keyrole="tone"] {{
    background: {p.surface if hc else "#e3eefb"};
    border-color: {p.accent if hc else p.primary};
}}
#Keyboard QPushButton[keyrole="action"], #Keyboard QPushButton[keyrole="toggle"] {{
    color: {p.primary_text};
    background: {p.primary};
    border-color: {p.border if hc else p.primary};
}}
#Keyboard QPushButton[keyrole="action"]:pressed {{ background: {p.primary_pressed}; }}
#Keyboard QPushButton:checked {{
    color: {"#000000" if hc else p.primary_text};
    background: {p.accent if hc else "#1f7a4a"};
}}
#Keyboard QPushButton[keyrole="toggle"]:!checked {{
    color: {p.primary_text if hc else p.text};
    background: {p.surface};
}}
"""
    )
