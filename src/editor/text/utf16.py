"""Code points (the engine's offsets) <-> UTF-16 code units (Qt's positions).

Python indexes strings by code point; ``QTextCursor`` and ``QTextDocument`` count UTF-16 units, in
which every character outside the Basic Multilingual Plane (emoji, mathematical letters) takes two.
This is the one place where the two are converted; the widgets (editor.ui) call it at their
boundary. It needs no Qt, so it lives with the other offset maps of :mod:`editor.text`.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")   # characters that take two UTF-16 units


class Utf16Map:
    """Converts offsets for one text. Building it is linear; each conversion is a bisection."""

    __slots__ = ("_astral_cp", "_astral_u16", "length_cp", "length_u16")

    def __init__(self, text: str) -> None:
        # The regular expression finds them in C: a Python loop over a long post's characters
        # took 4 ms at every check result.
        astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_cp = astral
        # UTF-16 position of each astral character (its high surrogate).
        self._astral_u16 = [cp + n for n, cp in enumerate(astral)]
        self.length_cp = len(text)
        self.length_u16 = len(text) + len(astral)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code point offset ``cp`` (0 <= cp <= len(text))."""
        return cp + bisect_left(self._astral_cp, cp)

    def to_cp(self, u16: int) -> int:
        """Code point offset of UTF-16 position ``u16``; a position inside a surrogate pair maps to
        the character it belongs to."""
        # Each astral character starting before u16 adds one unit; inside a pair, the formula
        # lands on the character itself.
        return u16 - bisect_left(self._astral_u16, u16)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    if text.isascii():
        return len(text)
    return len(text) + len(_ASTRAL.findall(text))
