"""Character counts as each network counts them.

Three methods (the profile's ``counting``):

- ``weighted`` — X / twitter-text v3: text normalised to NFC, each code point weighs the weight of
  its range (profile ``weights``: 1 for U+0000–10FF, U+2000–200D, U+2010–201F, U+2032–2037, else 2),
  any emoji sequence (ZWJ, skin tone, flag, keycap) weighs 2 as a whole, every URL (with or
  without ``https://``, as :mod:`editor.text.urls` finds them) weighs ``url_length`` (23);
- ``utf16`` — UTF-16 code units (an emoji or a pseudo-bold letter counts 2);
- ``utf8-bytes`` — UTF-8 bytes (é = 2, NNBSP = 3, an emoji 4 or more).

``units(text, profile)`` yields the counting units ``(start, end, cost)`` so that callers can find
where a limit falls (``cut_index``) — the part beyond it is what a ``platform`` finding highlights.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from editor.export.networks import NetworkProfile
from editor.text.urls import url_spans

# -- emoji sequences and weights ------------------------------------------------------------
_BASE = ("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2300-\u23FF\u2B00-\u2BFF\u2190-\u21FF"
         "\u25A0-\u25FF\u203C\u2049\u2122\u2139\u24C2\u3030\u303D\u3297\u3299]")
_MOD = "[\uFE0F\uFE0E\u20E3\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]"
EMOJI_RE = re.compile(
    "[0-9#*]\uFE0F?\u20E3"                       # keycap
    "|[\u00A9\u00AE]\uFE0F"                      # ©️ ®️
    "|[\U0001F1E6-\U0001F1FF]{1,2}"               # flag (pair of regional indicators)
    f"|{_BASE}{_MOD}*(?:\u200D{_BASE}{_MOD}*){{0,10}}")   # emoji, skin tone, ZWJ sequence


@cache
def _plain_cost(profile: NetworkProfile):
    """A fast function: the cost of a text without URLs or emoji, as ``profile`` counts it."""
    if profile.counting == "utf16":
        return lambda t: len(t.encode("utf-16-le")) // 2
    if profile.counting == "utf8-bytes":
        return lambda t: len(t.encode("utf-8"))
    w = profile.weights
    by_delta: dict[int, list[str]] = {}
    for a, b, weight in w.ranges:
        if weight != w.default:
            by_delta.setdefault(weight - w.default, []).append(
                re.escape(chr(a)) + "-" + re.escape(chr(b)))
    others = [(re.compile("[" + "".join(r) + "]"), delta) for delta, r in by_delta.items()]

    def cost(t: str) -> int:
        return w.default * len(t) + sum(delta * len(rx.findall(t)) for rx, delta in others)
    return cost


def _special(text: str, profile: NetworkProfile) -> list[tuple[int, int, int]]:
    """URL and emoji units ``(start, end, cost)``, sorted, not overlapping."""
    out: list[tuple[int, int, int]] = []
    if profile.url_length is not None:
        out = [(s, e, profile.url_length) for s, e in url_spans(text)]
    if profile.counting == "weighted":
        taken = out
        emoji = []
        k = 0
        for m in EMOJI_RE.finditer(text):
            s, e = m.span()
            while k < len(taken) and taken[k][1] <= s:
                k += 1
            if k < len(taken) and taken[k][0] < e:
                continue   # inside a URL
            emoji.append((s, e, profile.weights.emoji))
        out = sorted(out + emoji)
    return out


def units(text: str, profile: NetworkProfile) -> Iterator[tuple[int, int, int]]:
    """``(start, end, cost)`` for each counting unit of ``text`` (assumed NFC for ``weighted``)."""
    cost = _plain_cost(profile)
    pos = 0
    for s, e, c in _special(text, profile) + [(len(text), len(text), 0)]:
        for i in range(pos, s):
            yield i, i + 1, cost(text[i])
        if e > s:
            yield s, e, c
        pos = e


def count(text: str, profile: NetworkProfile) -> int:
    """The length of ``text`` as ``profile``'s network counts it."""
    if profile.counting == "weighted":
        text = unicodedata.normalize("NFC", text)
    cost = _plain_cost(profile)
    total = 0
    pos = 0
    for s, e, c in _special(text, profile):
        total += cost(text[pos:s]) + c
        pos = e
    return total + cost(text[pos:])


def cut_index(text: str, profile: NetworkProfile, limit: int | None = None) -> int | None:
    """Index of the first character of ``text`` beyond ``limit`` (default: the text limit).

    ``None`` when the whole text fits. ``text`` must be NFC (the conversion's output is).
    """
    limit = profile.text_limit if limit is None else limit
    cost = _plain_cost(profile)
    total = 0
    pos = 0
    for s, e, c in _special(text, profile) + [(len(text), len(text), 0)]:
        stretch = cost(text[pos:s])
        if total + stretch > limit:
            for i in range(pos, s):
                total += cost(text[i])
                if total > limit:
                    return i
        total += stretch
        if e > s:
            total += c
            if total > limit:
                return s
        pos = e
    return None


def method_label(profile: NetworkProfile) -> str:
    """A French description of the counting method, for the UI and the messages."""
    return {"weighted": "caractères pondérés (emoji et « … », « € », « • » = 2, lien = 23)",
            "utf16": "caractères (emoji = 2)",
            "utf8-bytes": "octets UTF-8 (é = 2, emoji = 4)"}[profile.counting]
