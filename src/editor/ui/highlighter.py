"""Markdown syntax colouring (QSyntaxHighlighter): front matter, headings, emphasis, lists, links
(Markdown links and autolinks, and bare URLs as :mod:`editor.text.urls` finds them), images, inline
code, fenced code (block state), quotes, hashtags and mentions.

Compliance findings and spelling are NOT drawn here: they are a separate layer (extra selections).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from editor.document.markdown import ATX_HEADING, fence_opens, thematic_break
from editor.document.markdown import FENCE as _FENCE
from editor.text.urls import URL_RE
from editor.text.utf16 import Utf16Map

NORMAL, FENCE, FRONT = 0, 1, 2     # block states (FRONT: inside the front matter)

_LIST = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,9}[.)])(?=[ \t])")
_QUOTE = re.compile(r"^[ ]{0,3}>.*")
# Inline patterns run on the GUI thread at every edit of a line: each is bounded and stops at the
# next marker of its kind (a line of 200,000 ``[`` froze the window for minutes), and a line
# longer than INLINE_LIMIT gets only its block format.
INLINE_LIMIT = 10_000
_CODE = re.compile(r"(`+)(?:(?!\1).){1,2000}?\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).){1,1000}?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![*\w])([*_])(?=\S)((?:(?!\1).){1,1000}?)(?<=\S)\1(?![*\w])")
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,1000}+\]\([^()\n]{0,2000}+\)")
# Markdown link syntax: ``[texte](cible)`` and ``<https://...>`` / ``<mailto:...>`` autolinks (the
# same schemes as editor.document.markdown). Bare URLs are found by editor.text.urls, as everywhere.
_MD_LINK = re.compile(r"(?<!!)\[[^\[\]\n]{0,1000}+\]\([^()\n]{0,2000}+\)"
                      r"|<(?i:https?|mailto|ftp):[^>\s]{1,2000}+>")
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
        umap = Utf16Map(text)
        n = umap.length_u16
        if self._block_state(text, n) or not text:
            return
        pos = umap.to_utf16
        if ATX_HEADING.match(text):
            self.setFormat(0, n, self.formats["heading"])
        elif thematic_break(text):
            self.setFormat(0, n, self.formats["rule"])
            return
        elif _QUOTE.match(text):
            self.setFormat(0, n, self.formats["quote"])
        lm = _LIST.match(text)
        if lm:
            self._apply(pos, lm.start(), lm.end(), "list")
        if len(text) <= INLINE_LIMIT:
            self._inline(text, pos)

    def _block_state(self, text: str, n: int) -> bool:
        """Front matter and fenced code, which span lines: set the line's state; True when the
        line is wholly one of them (nothing else to colour)."""
        prev = self.previousBlockState()
        # Front matter: only when the document starts with ---
        if self.currentBlock().blockNumber() == 0 and text.strip() == "---":
            self.setFormat(0, n, self.formats["front"])
            self.setCurrentBlockState(FRONT)
            return True
        if prev == FRONT:
            self.setFormat(0, n, self.formats["front"])
            self.setCurrentBlockState(NORMAL if text.strip() in ("---", "...") else FRONT)
            return True
        if prev == FENCE:
            m = _FENCE.match(text)
            self.setFormat(0, n, self.formats["fence"])
            self.setCurrentBlockState(NORMAL if m and not text[m.end():].strip() else FENCE)
            return True
        if fence_opens(text):
            self.setFormat(0, n, self.formats["fence"])
            self.setCurrentBlockState(FENCE)
            return True
        self.setCurrentBlockState(NORMAL)
        return False

    def _inline(self, text: str, pos) -> None:
        """Code spans first; then emphasis, images, links, URLs, hashtags and mentions outside
        them (a hashtag or mention inside a URL is the link's)."""
        code_starts, code_ends = [], []
        for m in _CODE.finditer(text):
            code_starts.append(m.start())
            code_ends.append(m.end())
            self._apply(pos, m.start(), m.end(), "code")

        def outside(m, starts=code_starts, ends=code_ends) -> bool:
            k = bisect_right(starts, m.end() - 1) - 1   # the last span starting inside
            return k < 0 or ends[k] <= m.start()

        url_starts: list[int] = []
        url_ends: list[int] = []
        for name, rx in (("strong", _STRONG), ("emphasis", _EMPH), ("image", _IMAGE),
                         ("link", _MD_LINK), ("link", URL_RE), ("hashtag", _HASHTAG),
                         ("mention", _MENTION)):
            for m in rx.finditer(text):
                if not outside(m):
                    continue
                if rx is URL_RE:
                    url_starts.append(m.start())
                    url_ends.append(m.end())
                elif name in ("hashtag", "mention") and not outside(m, url_starts, url_ends):
                    continue    # the #fragment of https://exemple.fr/#tarifs is the link's
                self._apply(pos, m.start(), m.end(), name)

    def _apply(self, pos, start: int, end: int, name: str) -> None:
        s = pos(start)
        self.setFormat(s, pos(end) - s, self.formats[name])
