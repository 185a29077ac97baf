"""How one problem (an item of findings, :mod:`editor.review.items`) reads in the window: its
passage once, its reasons, its colour; the counts shown by the findings panel and the status bar."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.review.items import Item, ItemCounts, short_passage
from editor.ui import labels
from editor.ui.richtext import plain_tooltip


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemRows", text)


def quoted(item: Item, limit: int = 70) -> str:
    return f"«\u00a0{short_passage(item.passage, limit)}\u00a0»"


def item_label(item: Item) -> str:
    """The row of an item: the passage and its reason, or how many reasons follow under it."""
    if item.spelling:
        return item.first.message
    reasons = item.reasons
    if len(reasons) == 1:
        return f"{quoted(item)} — {reasons[0]}"
    return f"{quoted(item)} — " + _tr("{n} motifs").format(n=len(reasons))


def item_color(item: Item) -> str:
    if item.spelling:
        return labels.SPELLING_COLOR
    if item.all_accepted:
        return labels.ACCEPTED_COLOR
    return labels.SEVERITY_COLORS.get(item.severity, "#333")


def item_tooltip(item: Item) -> str:
    cats = ", ".join(labels.category(c) for c in item.categories)
    lines = [f"{labels.severity(item.severity)} · {cats}"]
    for message, fs in item.reason_findings():
        refs = "; ".join(dict.fromkeys(f.reference for f in fs if f.reference))
        lines.append(f"• {message}" + (f" ({refs})" if refs else ""))
    return plain_tooltip("\n".join(lines))


def summary(c: ItemCounts, sep: str = " · ", together: bool = False) -> str:
    """« 1 erreur(s) · 2 avertissement(s) · 0 info(s) » (+ possible misspellings, accepted).
    ``together``: each count kept on one line with its word (no-break spaces), for a label
    that wraps."""
    parts = [_tr("{n} erreur(s)").format(n=c.error),
             _tr("{n} avertissement(s)").format(n=c.warning),
             _tr("{n} info(s)").format(n=c.info)]
    if c.spelling:
        parts.append(_tr("{n} faute(s) possible(s)").format(n=c.spelling))
    if c.accepted:
        parts.append(_tr("{n} acceptée(s)").format(n=c.accepted))
    if together:
        parts = [p.replace(" ", "\u00a0") for p in parts]
    return sep.join(parts)
