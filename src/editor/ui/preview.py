"""The live preview: a QTextBrowser sandbox.

It never fetches anything from the network (``loadResource`` serves only image files inside the
post's folder), never navigates by itself (links go through :attr:`linkRequested`, which the window
confirms before handing them to the system browser) and the HTML it shows comes from
:mod:`editor.document.html`, where raw HTML of the post is escaped.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QRectF, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextBlockFormat, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from editor.document.html import anchor_lines

_OBJECT = "\ufffc"      # how an image stands in the document's text
_IMAGE_EXT = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"}


class PreviewBrowser(QTextBrowser):
    linkRequested = Signal(QUrl)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.base_dir: Path | None = None
        self.anchors: list[int] = []
        self.blocked: list[str] = []       # resources refused (for tests and the status bar)
        self.html_source = ""
        # What the image analysis saw, drawn over the pictures on demand: image file ->
        # (upright size, [(kind, box)]) with kind "panel", "face" or "text".
        self.outlines: dict[Path, tuple[tuple[int, int], list[tuple[str, tuple]]]] = {}
        self.show_outlines = False
        self.outlined: list[Path] = []     # images drawn with outlines at the last rendering

    def set_base_dir(self, folder: Path | None) -> None:
        self.base_dir = Path(folder).resolve() if folder else None
        if self.base_dir:
            self.document().setBaseUrl(QUrl.fromLocalFile(str(self.base_dir) + os.sep))

    def show_html(self, html_text: str) -> None:
        bar = self.verticalScrollBar()
        keep = bar.value()
        self.html_source = html_text
        self.anchors = anchor_lines(html_text)
        self.setHtml(html_text)
        if "<img" in html_text:
            self._single_lines_for_images()
        bar.setValue(min(keep, bar.maximum()))

    def _single_lines_for_images(self) -> None:
        """A line holding a picture is as tall as the picture: the text's proportional line
        height (140 %) would add a blank band under every image."""
        doc = self.document()
        fmt = QTextBlockFormat()
        fmt.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        c = doc.find(_OBJECT)
        last = -1
        while not c.isNull():
            if c.blockNumber() != last:
                last = c.blockNumber()
                c.mergeBlockFormat(fmt)
            c = doc.find(_OBJECT, c)

    # -- sandbox ----------------------------------------------------------------------------------
    def _local_path(self, url: QUrl) -> Path | None:
        if self.base_dir is None:
            return None
        if url.isRelative():
            rel = url.path()
            p = (self.base_dir / rel)
        elif url.isLocalFile():
            p = Path(url.toLocalFile())
        else:
            return None
        try:
            p = p.resolve()
        except OSError:
            return None
        if self.base_dir != p and self.base_dir not in p.parents:
            return None
        if p.suffix.lower() not in _IMAGE_EXT or not p.is_file():
            return None
        return p

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt API
        if kind == QTextDocument.ResourceType.ImageResource.value or \
                kind == QTextDocument.ResourceType.ImageResource:
            p = self._local_path(url)
            if p is None:
                self.blocked.append(url.toString())
                return None
            img = QImage(str(p))
            if img.isNull():
                return None
            width = max(120, self.viewport().width() - 40)
            if img.width() > width:
                img = img.scaledToWidth(width)
            if self.show_outlines and p in self.outlines:
                img = self._outline(img, *self.outlines[p])
                self.outlined.append(p)
            return img
        # Style sheets, HTML pages, anything else: never loaded.
        self.blocked.append(url.toString())
        return None

    _OUTLINE_COLOURS = {"panel": QColor(200, 30, 30), "face": QColor(230, 120, 0),
                        "text": QColor(30, 90, 200)}

    def _outline(self, img: QImage, size: tuple[int, int], boxes) -> QImage:
        """``img`` with the analysis' boxes drawn (boxes are in pixels of the upright image of
        ``size``; an image Qt shows in another orientation is left as it is)."""
        w, h = size
        if not w or not h or abs(img.width() / img.height() - w / h) > 0.02:
            return img
        scale = img.width() / w
        img = img.convertToFormat(QImage.Format.Format_ARGB32)
        painter = QPainter(img)
        for kind, (x, y, bw, bh) in boxes:
            pen = QPen(self._OUTLINE_COLOURS.get(kind, QColor(200, 30, 30)))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(QRectF(x * scale, y * scale, bw * scale, bh * scale))
        painter.end()
        return img

    def set_outlines(self, outlines: dict, show: bool) -> None:
        """Boxes to draw over images (see :attr:`outlines`); re-renders when something changed."""
        if outlines == self.outlines and show == self.show_outlines:
            return
        self.outlines, self.show_outlines = outlines, show
        self.outlined = []
        if self.html_source:
            self.document().clear()
            self.show_html(self.html_source)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
            return
        self.linkRequested.emit(url)

    # -- scroll sync -------------------------------------------------------------------------------
    def sync_to_line(self, line: int) -> None:
        """Scroll so that the block holding source ``line`` (1-based) is at the top."""
        if not self.anchors:
            return
        i = bisect_right(self.anchors, line) - 1
        if i <= 0:
            self.verticalScrollBar().setValue(0)
            return
        self.scrollToAnchor(f"L{self.anchors[i]}")
