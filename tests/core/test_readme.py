"""The README tells the truth about the settings and the commands."""

from __future__ import annotations

import re

from kiosk.config import Settings
from kiosk.paths import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_in_the_readme() -> None:
    for name in Settings.__struct_fields__:
        assert f"| `{name}` |" in README, f"README's settings table lacks {name}"


def test_readme_opens_with_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:25])
    assert "./dev.sh run" in first_screen
    assert "./dev.sh test" in first_screen
    assert (PROJECT_ROOT / "dev.sh").stat().st_mode & 0o111


def test_every_screenshot_the_readme_shows_exists() -> None:
    links = set(re.findall(r"docs/screenshots/[\w.-]+\.png", README))
    assert len(links) >= 40
    missing = [link for link in links if not (PROJECT_ROOT / link).is_file()]
    assert missing == []
