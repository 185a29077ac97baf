"""The window's remembered choices (QSettings, an INI file in the user's configuration folder, so
that TACT_CONFIG_DIR moves it like every other setting)."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from editor.paths import user_config_dir

SHOW_IMAGE_OUTLINES = "view/show_image_outlines"


def settings() -> QSettings:
    return QSettings(str(user_config_dir() / "tact.ini"), QSettings.Format.IniFormat)


def get_bool(key: str, default: bool = False) -> bool:
    value = settings().value(key, default)
    if isinstance(value, str):      # INI files keep "true"/"false"
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def set_bool(key: str, value: bool) -> None:
    s = settings()
    s.setValue(key, bool(value))
    s.sync()
