"""Maps from positions in a derived text back to positions in the text it was made from.

A derived text (the prose projection of a Markdown file, a normalised view of it) is built from
pieces of its source. Each piece is a *run*: ``tlen`` characters of the derived text made from
``slen`` characters of the source. A run with ``tlen == slen`` maps character for character; any
other run is one cluster (``œ`` -> ``oe``, ``&amp;`` -> ``&``, a zero-width space -> nothing) and
every derived character in it maps to the whole source cluster, so spans never cut a cluster.

:func:`line_starts` and :func:`line_column` turn offsets into the 1-based line and column of the
reports, whatever line endings the file uses.

Runs are kept in ``array('q')`` (8 bytes each, not a 28-byte integer object plus a list slot): a
post of millions of folded characters or inline markers stays within memory.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right


class OffsetMap:
    __slots__ = ("_t0", "_s0", "_tlen", "_slen", "length")

    def __init__(self) -> None:
        self._t0 = array("q")
        self._s0 = array("q")
        self._tlen = array("q")
        self._slen = array("q")
        self.length = 0  # length of the derived text built so far

    def add(self, src_start: int, src_len: int, text_len: int) -> None:
        """Append ``text_len`` derived characters made from
        ``source[src_start:src_start+src_len]``."""
        if text_len == 0 and src_len == 0:
            return
        if (text_len == src_len and self._t0 and self._tlen[-1] == self._slen[-1]
                and self._s0[-1] + self._slen[-1] == src_start
                and self._t0[-1] + self._tlen[-1] == self.length):
            self._tlen[-1] += text_len
            self._slen[-1] += src_len
        else:
            self._t0.append(self.length)
            self._s0.append(src_start)
            self._tlen.append(text_len)
            self._slen.append(src_len)
        self.length += text_len

    def _run(self, t: int) -> int:
        # The last run starting at or before t that has derived characters.
        i = bisect_right(self._t0, t) - 1
        while i > 0 and self._tlen[i] == 0:
            i -= 1
        return max(i, 0)

    def start(self, t: int) -> int:
        """Source offset where derived character ``t`` begins."""
        i = self._run(t)
        if self._tlen[i] == self._slen[i]:
            return self._s0[i] + (t - self._t0[i])
        return self._s0[i]

    def end(self, t: int) -> int:
        """Source offset just after derived character ``t``."""
        i = self._run(t)
        if self._tlen[i] == self._slen[i]:
            return self._s0[i] + (t - self._t0[i]) + 1
        return self._s0[i] + self._slen[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the derived span ``[start, end)`` (``end > start``)."""
        return self.start(start), self.end(end - 1)

    @classmethod
    def identity(cls, length: int, src_start: int = 0) -> "OffsetMap":
        m = cls()
        m.add(src_start, length, length)
        return m

    def compose(self, inner: "OffsetMap | None", start: int, end: int) -> tuple[int, int]:
        """Map a span of a view derived from this map's text (through ``inner``) to the source."""
        if inner is not None:
            start, end = inner.span(start, end)
        return self.span(start, end)


_BREAK = re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` begins (the first is 0), for 1-based line/column.

    A line ends with ``\\n`` (Unix), ``\\r\\n`` (Windows, one break) or ``\\r`` alone (classic Mac
    OS): whichever the file uses, line numbers are the ones an editor shows.
    """
    if "\r" not in text:
        starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return starts
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def line_column(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of code point ``offset``, given ``line_starts(text)``."""
    i = bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1
