"""Text typed by users (names, comments, reasons, the post's own words, file names) shown as text.

Qt renders a QLabel, a tooltip or a message box as rich text as soon as the string looks like
markup: a reviewer named ``<span style="font-size:40px">APPROUVÉ ✔</span>`` would show as
formatting, and ``<img src=...>`` would load a local image. User text is therefore either escaped
(:func:`esc`) where the widget mixes it with our own markup, or the widget is told it holds plain
text (:func:`plain_label`, :func:`plain_tooltip`).
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt


def esc(value) -> str:
    """``value`` as text inside our own rich text."""
    return html.escape(str(value))


def plain_label(label):
    """Make ``label`` (QLabel) show its text literally, whatever it contains; returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text) -> str:
    """A tooltip string that shows ``text`` literally, line breaks and spaces included (a tooltip
    has no text format of its own: it is rich text when it looks like markup)."""
    text = "" if text is None else str(text)
    if not text:
        return ""
    return '<p style="white-space:pre-wrap">' + html.escape(text) + "</p>"
