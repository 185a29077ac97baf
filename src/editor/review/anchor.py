"""Anchoring a comment to a passage so that it survives edits (W3C Web Annotation style).

A comment stores a :class:`TextQuote` (the exact passage plus up to ``CONTEXT`` characters of prefix
and suffix, like the W3C ``TextQuoteSelector``) and the offsets it had when it was written (a
``TextPositionSelector`` used only as a hint). :func:`locate` finds the passage again in the current
text:

1. **exact**: every occurrence of the quote, ranked by how well the prefix and suffix still match
   and by the distance from the hint;
2. **fuzzy**, only inside a bounded window around the hint: first the span between the surviving
   prefix and suffix, then the most similar slice of the text (``difflib`` ratio);
3. otherwise **orphaned**: the passage was deleted. The comment is kept and shown as orphaned.

Offsets are code points into the post's text, as everywhere in Tact.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32          # characters of prefix / suffix stored with a quote
WINDOW = 2000         # fuzzy search at most this far (code points) from the expected position
MAX_EXACT = 500       # exact occurrences considered
FUZZY_MIN = 0.6       # similarity for a span found between the surviving prefix and suffix
SLIDE_MIN = 0.75      # similarity for a slice found by sliding over the window
SLIDE_MIN_LEN = 8     # shorter quotes are only re-anchored exactly or between their context


@dataclass(frozen=True)
class TextQuote:
    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}

    @classmethod
    def from_json(cls, d) -> "TextQuote":
        d = d if isinstance(d, dict) else {}
        return cls(str(d.get("exact", "")), str(d.get("prefix", "")), str(d.get("suffix", "")))


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    state: str            # "exact" | "fuzzy" | "orphaned"
    score: float = 1.0

    @property
    def orphaned(self) -> bool:
        return self.state == "orphaned"


def make_quote(text: str, start: int, end: int, context: int = CONTEXT) -> TextQuote:
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return TextQuote(text[start:end], text[max(0, start - context):start], text[end:end + context])


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _context_score(text: str, q: TextQuote, s: int, e: int) -> float:
    p = (_common_suffix(text[max(0, s - len(q.prefix)):s], q.prefix) / len(q.prefix)
         if q.prefix else 1)
    f = _common_prefix(text[e:e + len(q.suffix)], q.suffix) / len(q.suffix) if q.suffix else 1
    return (p + f) / 2


def locate(text: str, quote: TextQuote, hint: int | None = None, window: int = WINDOW) -> Anchor:
    """Where ``quote`` is in ``text`` now (see the module docstring)."""
    exact = quote.exact
    if not exact:
        return Anchor(0, 0, "orphaned", 0.0)
    # 1. exact occurrences
    best: tuple[float, int] | None = None
    pos, seen = text.find(exact), 0
    while pos >= 0 and seen < MAX_EXACT:
        ctx = _context_score(text, quote, pos, pos + len(exact))
        dist = abs(pos - hint) / (len(text) + 1) if hint is not None else 0.0
        score = ctx - 0.1 * dist
        if best is None or score > best[0]:
            best = (score, pos)
        pos, seen = text.find(exact, pos + 1), seen + 1
    if best is not None:
        return Anchor(best[1], best[1] + len(exact), "exact", 1.0)
    # 2. fuzzy, bounded to a window around the expected position
    centre = hint if hint is not None else 0
    lo = max(0, centre - window)
    hi = min(len(text), centre + len(exact) + window if hint is not None else 2 * window)
    area = text[lo:hi]
    found = _between_context(area, quote)
    if found is None:
        found = _slide(area, quote)
    if found is not None:
        s, e, score = found
        return Anchor(lo + s, lo + e, "fuzzy", round(score, 3))
    return Anchor(hint or 0, hint or 0, "orphaned", 0.0)


def _between_context(area: str, q: TextQuote) -> tuple[int, int, float] | None:
    """The span between the stored prefix and suffix, when it still resembles the quote."""
    pre, suf = q.prefix[-16:], q.suffix[:16]
    if len(pre) < 4 or len(suf) < 4:
        return None
    best = None
    sm = SequenceMatcher(None, autojunk=False)
    sm.set_seq2(q.exact)
    p = area.find(pre)
    while p >= 0:
        s = p + len(pre)
        e = area.find(suf, s)
        if e > s and e - s <= 3 * len(q.exact) + 20:
            sm.set_seq1(area[s:e])
            r = sm.ratio()
            if r >= FUZZY_MIN and (best is None or r > best[2]):
                best = (s, e, r)
        p = area.find(pre, p + 1)
    return best


def _slide(area: str, q: TextQuote) -> tuple[int, int, float] | None:
    """The slice of ``area`` most similar to the quote (lengths within ±20 %)."""
    exact = q.exact
    n = len(exact)
    if n < SLIDE_MIN_LEN or not area:
        return None
    sm = SequenceMatcher(None, autojunk=False)
    sm.set_seq2(exact)
    grams = {exact[i:i + 2] for i in range(n - 1)}
    # cheap filter: a slice must share enough character pairs with the quote (prefix sums)
    hits = [0]
    for i in range(len(area) - 1):
        hits.append(hits[-1] + (area[i:i + 2] in grams))
    best = None
    for s in range(0, max(1, len(area) - int(n * 0.8) + 1)):
        if s and area[s - 1].isalnum() and area[s].isalnum():
            continue                        # start on a word boundary
        last = min(s + n - 1, len(hits) - 1)
        if hits[last] - hits[min(s, last)] < 0.5 * (n - 1):
            continue
        cand = area[s:s + n]
        sm.set_seq1(cand)
        if sm.real_quick_ratio() < SLIDE_MIN or sm.quick_ratio() < SLIDE_MIN:
            continue
        r = sm.ratio()
        if r >= SLIDE_MIN and (best is None or r > best[2]):
            best = (s, s + n, r)
    if best is None:
        return None
    s, e, r = best
    step = max(1, n // 10)
    for length in range(int(n * 0.8), int(n * 1.2) + 1, step):    # refine the end
        sm.set_seq1(area[s:s + length])
        rr = sm.ratio()
        if rr > r:
            e, r = s + length, rr
    return s, min(e, len(area)), r
