"""Interface language: French source strings, an English translation (Qt .qm) for English systems.

``TACT_LANG`` (``fr`` or ``en``) overrides the system language. Qt's own strings (standard context
menu, dialog buttons) come from Qt's translations shipped with PySide6.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from editor.paths import resources_dir


def translations_dir():
    return resources_dir() / "translations"


def ui_language() -> str:
    lang = os.environ.get("TACT_LANG", "").strip().lower()
    if lang:
        return lang[:2]
    name = QLocale.system().name()    # fr_FR, en_GB, C...
    return "en" if name.startswith("en") else "fr"


def install_translators(app, language: str | None = None) -> list[QTranslator]:
    lang = language or ui_language()
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    if lang != "fr":
        ours = QTranslator(app)
        if ours.load(f"tact_{lang}", str(translations_dir())):
            app.installTranslator(ours)
            installed.append(ours)
    app.setProperty("tact_language", lang)
    from editor.ui import labels

    labels.clear_cache()
    return installed
