"""Markdown syntax colouring (QSyntaxHighlighter): front matter, headings, emphasis, lists, links,
images, inline code, fenced code (block state), quotes, hashtags and mentions.

Compliance findings and spelling are NOT drawn here: they are a separate layer (extra selections).
"""
from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from editor.ui.offsets import Utf16Map

NORMAL, FENCE, FRONT = 0, 1, 2     # block states (FRONT: inside the front matter)

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]|$).*")
_LIST = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,9}[.)])(?=[ \t])")
_QUOTE = re.compile(r"^[ ]{0,3}>.*")
_HR = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![*\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*\w])")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>|https?://[^\s)>\]]+")
_HASHTAG = re.compile(r"(?<![\w&#])#[^\W\d_][\w]*")
_MENTION = re.compile(r"(?<![\w@])@[\w.]*\w")


def _fmt(color: str, bold=False, italic=False, mono=False, background: str | None = None):
    f = QTextCharFormat()
    f.setForeground(QColor(color))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    if italic:
        f.setFontItalic(True)
    if mono:
        f.setFontFamilies(["monospace"])
        f.setFontFixedPitch(True)
    if background:
        f.setBackground(QColor(background))
    return f


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document) -> None:
        super().__init__(document)
        self.formats = {
            "heading": _fmt("#1f3a5f", bold=True),
            "strong": _fmt("#222222", bold=True),
            "emphasis": _fmt("#222222", italic=True),
            "list": _fmt("#b35c00", bold=True),
            "link": _fmt("#1a5fb4"),
            "image": _fmt("#6a3d9a"),
            "code": _fmt("#8a2b2b", mono=True, background="#f3f3f3"),
            "fence": _fmt("#8a2b2b", mono=True, background="#f3f3f3"),
            "quote": _fmt("#5a5a5a", italic=True),
            "hashtag": _fmt("#0b7a75", bold=True),
            "mention": _fmt("#0b7a75"),
            "front": _fmt("#7a7a7a"),
            "rule": _fmt("#9a9a9a"),
        }

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        prev = self.previousBlockState()
        block = self.currentBlock()
        umap = Utf16Map(text)
        n = umap.length_u16
        # Front matter: only when the document starts with ---
        if block.blockNumber() == 0 and text.strip() == "---":
            self.setFormat(0, n, self.formats["front"])
            self.setCurrentBlockState(FRONT)
            return
        if prev == FRONT:
            self.setFormat(0, n, self.formats["front"])
            self.setCurrentBlockState(NORMAL if text.strip() in ("---", "...") else FRONT)
            return
        m = _FENCE.match(text)
        if prev == FENCE:
            self.setFormat(0, n, self.formats["fence"])
            self.setCurrentBlockState(NORMAL if m and not text[m.end():].strip() else FENCE)
            return
        if m:
            self.setFormat(0, n, self.formats["fence"])
            self.setCurrentBlockState(FENCE)
            return
        self.setCurrentBlockState(NORMAL)
        if not text:
            return
        pos = umap.to_utf16
        if _HEADING.match(text):
            self.setFormat(0, n, self.formats["heading"])
        elif _HR.match(text):
            self.setFormat(0, n, self.formats["rule"])
            return
        elif _QUOTE.match(text):
            self.setFormat(0, n, self.formats["quote"])
        lm = _LIST.match(text)
        if lm:
            self._apply(pos, lm.start(), lm.end(), "list")
        code_spans = []
        for m in _CODE.finditer(text):
            code_spans.append((m.start(), m.end()))
            self._apply(pos, m.start(), m.end(), "code")

        def outside(m) -> bool:
            return not any(s < m.end() and m.start() < e for s, e in code_spans)

        for name, rx in (("strong", _STRONG), ("emphasis", _EMPH), ("image", _IMAGE),
                         ("link", _LINK), ("hashtag", _HASHTAG), ("mention", _MENTION)):
            for m in rx.finditer(text):
                if outside(m):
                    self._apply(pos, m.start(), m.end(), name)

    def _apply(self, pos, start: int, end: int, name: str) -> None:
        s = pos(start)
        self.setFormat(s, pos(end) - s, self.formats[name])
