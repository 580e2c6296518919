"""The kiosk's settings: declared once, read from one TOML file."""

from kiosk.config.loader import default_config_path, load_settings
from kiosk.config.settings import Language, Settings, TextScale, Theme

__all__ = ["Language", "Settings", "TextScale", "Theme", "default_config_path", "load_settings"]
