"""Normalised views of text, each with an offset map back to the original.

Two levels:

* ``light``: what the tokenizer and the spell checker read. NFKC (Unicode "bold" letters 𝗴𝗮𝗿𝗮𝗻𝘁𝗶,
  full-width letters and ligatures become plain letters), every apostrophe is ``'``, every dash
  ``-``, every space (no-break, narrow no-break, thin...) a plain space, double quotes ``"``, and
  zero-width characters, soft hyphens and emoji variation selectors disappear. Case and accents
  stay.
* ``full`` (:func:`fold_word`): what the rules compare: the light form, case-folded, without
  accents, ``œ`` -> ``oe`` and ``æ`` -> ``ae``. Applied per token, with a cache.
"""
from __future__ import annotations

import re
import unicodedata

from editor.text.offsets import OffsetMap

_SPECIAL: dict[str, str] = {}
for _c in "\u2019\u2018\u201b\u02bc\u2032\u0060\u00b4\uff07":
    _SPECIAL[_c] = "'"
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d":
    _SPECIAL[_c] = "-"
for _c in "\u201c\u201d\u201e\u201f\u2033\uff02":
    _SPECIAL[_c] = '"'
for _c in "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\u1680":
    _SPECIAL[_c] = " "
for _c in "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f\u180e\u034f":
    _SPECIAL[_c] = ""
_SPECIAL["\u2039"] = "«"
_SPECIAL["\u203a"] = "»"
_SPECIAL["\u2026"] = "\u2026"  # keep the ellipsis as one character (NFKC would make three dots)

_LIGHT: dict[str, str] = {}
_IRREGULAR: set[str] = set()  # characters whose light form is not exactly one character
_TABLE: dict[int, str] = {}   # one-to-one replacements, for str.translate


def _light_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    if c.isascii():
        return c
    n = unicodedata.normalize("NFKC", c)
    if n == c:
        return c
    return "".join(_SPECIAL.get(ch, ch) for ch in n)


def _learn(chars: set[str]) -> None:
    for c in chars:
        f = _light_char(c)
        _LIGHT[c] = f
        if len(f) != 1:
            _IRREGULAR.add(c)
        elif f != c:
            _TABLE[ord(c)] = f


# The letter O written for a zero inside an amount (« -2O% », « 1OO € »): read as « 0 ». One
# letter for one digit, so offsets do not move.
_LETTER_ZERO = re.compile(r"(?<=\d)[oO]+(?=\s?[%€])")
_ZERO_HINTS = ("o%", "O%", "o %", "O %", "o€", "O€", "o €", "O €")


def _zeros(text: str) -> str:
    if ("%" not in text and "€" not in text) or not any(h in text for h in _ZERO_HINTS):
        return text     # fast scans first: the regex is slower
    return _LETTER_ZERO.sub(lambda m: "0" * len(m.group()), text)


def light(text: str) -> tuple[str, OffsetMap | None]:
    """The light view of ``text`` and its map back (``None`` when offsets are unchanged)."""
    chars = set(text)
    new = chars.difference(_LIGHT)
    if new:
        _learn(new)
    irregular = chars & _IRREGULAR
    if not irregular:
        return _zeros(text.translate(_TABLE)), None
    finder = re.compile("[" + "".join(re.escape(c) for c in sorted(irregular)) + "]")
    out: list[str] = []
    omap = OffsetMap()
    pos = 0
    for m in finder.finditer(text):
        s = m.start()
        if s > pos:
            out.append(text[pos:s].translate(_TABLE))
            omap.add(pos, s - pos, s - pos)
        f = _LIGHT[m.group()]
        out.append(f)
        omap.add(s, 1, len(f))
        pos = s + 1
    if pos < len(text):
        out.append(text[pos:].translate(_TABLE))
        omap.add(pos, len(text) - pos, len(text) - pos)
    return _zeros("".join(out)), omap


_WORD_CACHE: dict[str, str] = {}
FOLDED = _WORD_CACHE   # token -> fold_word(token), for hot loops (read only; may miss)
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
# Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables), read as the Latin
# letter inside a word that also has Latin letters: « garаnti » with a Cyrillic « а » is
# « garanti ». A word wholly in another script is left alone.
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ɡ": "g", "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k",
    "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ı": "i"})
_LATIN = re.compile(r"[a-z]")
_LOOKALIKE = re.compile("[" + "".join(chr(c) for c in _CONFUSABLES) + "]")


def fold_word(token: str) -> str:
    """Case- and accent-insensitive form of a light-view token (``Œdèmes`` -> ``oedemes``)."""
    f = _WORD_CACHE.get(token)
    if f is None:
        low = token.casefold()
        if low.isascii():
            f = low
        else:
            low = low.translate(_LIGATURES)
            f = "".join(ch for ch in unicodedata.normalize("NFD", low)
                        if not unicodedata.combining(ch))
            if _LOOKALIKE.search(f) and _LATIN.search(f):
                f = f.translate(_CONFUSABLES)
        if len(_WORD_CACHE) > 200_000:
            _WORD_CACHE.clear()
        _WORD_CACHE[token] = f
    return f


def fold_text(text: str) -> str:
    """Light view then full folding of a whole string (for patterns and lexicon entries)."""
    return fold_word(light(text)[0])
