"""The staff pages' look, from the window's palette and text size (``ui.theme``).

Kept with the journey, as the form's is: only staff pages use these rows, fields and
outcome lines. An outcome reads as a ticket's print status does: green when done,
amber when not (staff have something to do), the title colour while it runs.
"Hủy số" and "Hủy gửi" confirm in red: they cannot be undone. Fields are at least
64 px high at every scale and their text grows with it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.config import TextScale, Theme
from ui.theme import HIGH_CONTRAST, MIN_TOUCH_PX, palette, px

#: Where a screen keeps the look its stylesheet was made for.
_LOOK = "staffLook"


def apply_look(screen: QWidget) -> None:
    """Give ``screen`` the staff styles for the window's theme and text size.

    Those change only on the home screen, so a staff page being shown is the moment
    to catch up; the stylesheet is rebuilt only when the look changed.
    """
    window = screen.window()
    theme, scale = getattr(window, "theme", None), getattr(window, "text_scale", None)
    if not isinstance(theme, Theme) or not isinstance(scale, TextScale):
        return
    look = f"{theme.value}/{int(scale)}"
    if screen.property(_LOOK) != look:
        screen.setProperty(_LOOK, look)
        screen.setStyleSheet(staff_stylesheet(theme, scale))


def staff_stylesheet(theme: Theme, scale: TextScale) -> str:
    p = palette(theme)
    hc = p is HIGH_CONTRAST

    def s(size: float) -> int:
        return px(size, scale)

    title = p.text if hc else p.primary
    card_border = f"{p.border_px}px solid {p.border}"
    strong_border = f"{p.border_px + 1}px solid {p.border if hc else p.primary}"
    return f"""
#StaffNotice {{
    font-size: {s(24)}px;
    font-weight: bold;
    padding: {s(8)}px {s(18)}px;
    border-radius: 12px;
    color: {title};
    background: {p.surface};
    border: {card_border};
}}
#StaffNotice[tone="ok"] {{
    color: {"#0d5d2a" if not hc else p.text};
    background: {"#dcf3e3" if not hc else p.surface};
    border: {p.border_px}px solid {"#2e8b57" if not hc else p.border};
}}
#StaffNotice[tone="failed"] {{
    color: {"#5c3800" if not hc else p.text};
    background: {"#fff1cc" if not hc else p.surface};
    border: {p.border_px + 1}px solid {"#e0a800" if not hc else p.accent};
}}
QLineEdit#StaffField {{
    font-size: {s(28)}px;
    min-height: {max(MIN_TOUCH_PX, s(64))}px;
    padding: 0 {s(16)}px;
    color: {p.text};
    background: {p.surface};
    border: {strong_border};
    border-radius: 12px;
}}
QLineEdit#StaffField:focus {{ border-color: {p.focus}; border-width: {p.border_px + 2}px; }}
#StaffRow {{ background: {p.surface}; border: {card_border}; border-radius: 14px; }}
#RowTitle {{ font-size: {s(30)}px; font-weight: bold; color: {title}; }}
#RowDetail {{ font-size: {s(22)}px; color: {p.muted}; }}
#RowState {{ font-size: {s(22)}px; font-weight: bold; color: {p.text}; }}
#RowState[tone="failed"] {{ color: {"#7a4a00" if not hc else p.text}; }}
#FieldCaption {{ font-size: {s(22)}px; font-weight: bold; color: {p.muted}; }}
#DetailName {{ font-size: {s(22)}px; color: {p.muted}; }}
#DetailValue {{ font-size: {s(24)}px; color: {p.text}; }}
#ActionGrid QPushButton {{ padding: {s(8)}px {s(14)}px; }}
QPushButton[role="danger"] {{
    color: {"#ffffff" if not hc else p.primary_text};
    background: {p.danger if not hc else p.surface};
    border-color: {p.danger if not hc else p.accent};
}}
#StaffContent QPushButton:disabled {{
    color: {p.muted};
    background: {p.window};
    border-color: {p.border};
}}
"""
