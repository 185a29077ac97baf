"""French names of severities, categories and review states (translated through Qt like every UI
string), and their colours."""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor.compliance import categories

SEVERITY_COLORS = {"error": "#d0312d", "warning": "#e67e00", "info": "#1f6fd1"}
SPELLING_COLOR = "#9b30c8"
ACCEPTED_COLOR = "#9a9a9a"     # findings accepted with a reason (review)
# The review state of a post is its one status (editor.review.model.STATES): list, title, preview,
# review panel and report all show it with these names and colours.
STATE_COLORS = {"draft": "#666666", "review": "#1f6fd1", "changes": "#b35c00",
                "approved": "#2b7a3d", "exported": "#6a3d9a"}
_STATES = {
    "draft": QT_TRANSLATE_NOOP("labels", "Brouillon"),
    "review": QT_TRANSLATE_NOOP("labels", "À relire"),
    "changes": QT_TRANSLATE_NOOP("labels", "Modifications demandées"),
    "approved": QT_TRANSLATE_NOOP("labels", "Approuvé"),
    "exported": QT_TRANSLATE_NOOP("labels", "Exporté"),
}

_SEVERITIES = {
    "error": QT_TRANSLATE_NOOP("labels", "Erreur"),
    "warning": QT_TRANSLATE_NOOP("labels", "Avertissement"),
    "info": QT_TRANSLATE_NOOP("labels", "Information"),
}
_SEVERITIES_PLURAL = {
    "error": QT_TRANSLATE_NOOP("labels", "Erreurs"),
    "warning": QT_TRANSLATE_NOOP("labels", "Avertissements"),
    "info": QT_TRANSLATE_NOOP("labels", "Informations"),
}


_cache: dict[str, str] = {}


def _t(text: str) -> str:
    try:
        return _cache[text]
    except KeyError:
        out = _cache[text] = QCoreApplication.translate("labels", text)
        return out


def clear_cache() -> None:
    """Forget translated names (after the interface language changes)."""
    _cache.clear()


def severity(name: str, plural: bool = False) -> str:
    table = _SEVERITIES_PLURAL if plural else _SEVERITIES
    return _t(table[name]) if name in table else name


def category(name: str) -> str:
    """The French label the rule packs declare for the category (their pack.yaml), translated
    when the translation has it."""
    return _t(categories.label(name))


def state(name: str) -> str:
    """The review state as shown in the list, the title and the preview: « À relire »…"""
    return _t(_STATES[name]) if name in _STATES else name


def state_color(name: str) -> str:
    return STATE_COLORS.get(name, "#333333")


def state_chip(name: str) -> str:
    """The state as a small coloured chip (rich text) for labels."""
    c = state_color(name)
    return (f'<span style="background:{c};color:#ffffff;font-weight:bold">'
            f'&nbsp;{html.escape(state(name))}&nbsp;</span>')
