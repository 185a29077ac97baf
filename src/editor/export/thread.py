"""Splitting a post too long for X or Threads into a numbered thread (1/3, 2/3, ...).

Cuts fall between paragraphs first, then between sentences, then between words (a single word
longer than a part is cut as a last resort, between counting units: never inside a URL, an emoji
or a ZWJ sequence). Every part, its number included, is within the limit.

Time is linear in the length of the text: costs are counted once per piece and per word and added
up (a URL or an emoji never spans a space); each part is then counted exactly, and the rare part
whose exact count differs (a cut inside a word that makes a domain name out of its tail) is cut
again by bisection, which costs ``O(m log m)`` for a part of ``m`` characters.
"""
from __future__ import annotations

import re
import unicodedata

from editor.export.counting import _plain_cost, _special, count
from editor.export.networks import NetworkProfile

# A sentence ends at ordinary spaces only: a no-break space glues what it joins, even after « ! ».
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\")]*(?: +)(?=\S)")
_NOT_AN_END = re.compile(r"(?:^[ \t]*\d{1,3}[.)]"
                         r"|(?:^|[\s(])(?:Dr|Pr|M|Mme|Mlle|Me|cf|p|ex|env|av|apr|J\.-C|St|Ste)\.)$")
_NOT_AN_END_REACH = 12   # longest abbreviation above with the character before it, and some


def _pieces(text: str) -> list[tuple[str, str]]:
    """``(separator, piece)``: paragraphs (``"\\n\\n"``), lines (``"\\n"``), sentences (``" "``)."""
    out: list[tuple[str, str]] = []
    for pi, para in enumerate(re.split(r"\n{2,}", text)):
        for li, line in enumerate(para.split("\n")):
            sep = "\n\n" if pi and not li else "\n" if li else ""
            pos = 0
            first = True
            lead = len(line) - len(line.lstrip(" \t"))
            for m in _SENTENCE_END.finditer(line):
                # Only the few characters before the end can make it « Dr. » or a list number
                # (``^`` never matches at ``lo`` > 0): a bounded look, not a rescan of the line.
                lo = 0 if m.start() - lead <= 4 else m.start() - _NOT_AN_END_REACH
                if _NOT_AN_END.search(line, max(lo, 0), m.start()):
                    continue   # "1." of a numbered line, "Dr." ...
                sentence = line[pos:m.start()] + line[m.start():m.end()].rstrip(" \u00a0\u202f")
                out.append((sep if first else " ", sentence))
                first = False
                pos = m.end()
            out.append((sep if first else " ", line[pos:]))
    return [(s, p) for s, p in out if p]


def _cut_word(word: str, budget: int, profile: NetworkProfile) -> list[str]:
    """Cut a word longer than ``budget`` between counting units (last resort).

    URL and emoji units are taken whole; in a stretch of plain characters the cut is found by
    bisection over at most ``budget + 1`` characters (each costs at least 1), so the whole word
    costs ``O(len(word) + chunks * log(budget))`` cost evaluations of short strings.
    """
    cost = _plain_cost(profile)
    n = len(word)
    chunks: list[str] = []
    start, acc, pos = 0, 0, 0
    for s, e, c in _special(word, profile) + [(n, n, 0)]:
        plain_from = pos
        while pos < s:
            room = budget - acc
            end = min(s, pos + room + 1)
            stretch = cost(word[pos:end])
            if stretch <= room:
                acc += stretch
                pos = end
                continue
            lo, hi = pos, end        # cost(word[pos:lo]) <= room < cost(word[pos:hi])
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if cost(word[pos:mid]) <= room:
                    lo = mid
                else:
                    hi = mid
            k = lo
            while k > max(start + 1, plain_from) and _inside_cluster(word, k):
                k -= 1                 # never separate a combining mark from its letter
            if k <= start:             # nothing fits after what the chunk holds: close it
                k = pos
            chunks.append(word[start:k])
            start = pos = plain_from = k
            acc = 0
        if e > s:
            if c > budget:
                # A unit that cannot fit anywhere (a URL with a tiny budget): cut by code points.
                if s > start:
                    chunks.append(word[start:s])
                chunks.extend(_cut_exact(word[s:e], budget, profile))
                start, acc = e, 0
            else:
                if acc + c > budget and s > start:
                    chunks.append(word[start:s])
                    start, acc = s, 0
                acc += c
            pos = e
    if start < n:
        chunks.append(word[start:])
    return chunks


def _cut_exact(text: str, budget: int, profile: NetworkProfile) -> list[str]:
    """Cut ``text`` into chunks whose exact count is within ``budget``, by bisection.

    Used only for a part whose exact count differs from the sum of its pieces' counts; each cut
    costs ``O(m log m)``. A combining mark or a joiner never starts a chunk when avoidable.
    """
    out: list[str] = []
    while text and count(text, profile) > budget:
        lo, hi = 1, len(text)          # count(text[:lo]) fits (a unit is within any budget)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if count(text[:mid], profile) <= budget:
                lo = mid
            else:
                hi = mid
        k = lo
        while k > 1 and _inside_cluster(text, k):
            k -= 1
        cut = k if count(text[:k], profile) <= budget else lo
        # Prefer the last space within the chunk, so words stay whole where they can.
        space = text.rfind(" ", 0, cut)
        if space > 0:
            cut = space
        out.append(text[:cut].rstrip(" "))
        text = text[cut:].lstrip(" ")
    if text:
        out.append(text)
    return [c for c in out if c]


def _inside_cluster(text: str, k: int) -> bool:
    """Would a cut before ``text[k]`` split a character from its marks or a ZWJ sequence?"""
    return _glued(text[k]) or text[k - 1] == "\u200d"


def _glued(ch: str) -> bool:
    """Does ``ch`` belong to the character before it (combining mark, joiner, selector)?"""
    return unicodedata.combining(ch) != 0 or ch in "\u200d\ufe0e\ufe0f" or \
        "\U0001F3FB" <= ch <= "\U0001F3FF"


def _fit(piece: str, budget: int, profile: NetworkProfile, space: int) -> list[str]:
    """Cut one piece longer than ``budget`` at spaces, then (last resort) anywhere."""
    out: list[str] = []
    cur, cur_cost = "", 0
    for w in piece.split(" "):
        wc = count(w, profile)
        if cur and cur_cost + space + wc <= budget:
            cur += " " + w
            cur_cost += space + wc
            continue
        if not cur and wc <= budget:
            cur, cur_cost = w, wc
            continue
        if cur:
            out.append(cur)
        if wc > budget:
            chunks = _cut_word(w, budget, profile)
            out.extend(chunks[:-1])
            w = chunks[-1] if chunks else ""
            wc = count(w, profile)
        cur, cur_cost = w, wc
    if cur:
        out.append(cur)
    return out


def _pack(pieces: list[tuple[str, str]], budget: int, profile: NetworkProfile) -> list[str]:
    """Greedy packing of the pieces; the costs of the separators and pieces add up."""
    parts: list[str] = []
    cur: list[str] = []
    cur_cost = 0
    for sep, piece in pieces:
        cost = count(piece, profile)
        if not cur:
            cur, cur_cost = [piece], cost
            continue
        extra = count(sep, profile) + cost
        if cur_cost + extra <= budget:
            cur += (sep, piece)
            cur_cost += extra
        else:
            parts.append("".join(cur))
            cur, cur_cost = [piece], cost
    if cur:
        parts.append("".join(cur))
    # Exact check of every part; a part whose count is not the sum of its pieces is cut again.
    checked: list[str] = []
    for part in parts:
        if count(part, profile) <= budget:
            checked.append(part)
        else:
            checked.extend(_cut_exact(part, budget, profile))
    return checked


def _suffix(profile: NetworkProfile, i: int, n: int) -> str:
    return "\n\n" + profile.thread_numbering.format(i=i, n=n)


def split_thread(text: str, profile: NetworkProfile, limit: int | None = None) -> list[str]:
    """The parts of ``text`` for ``profile`` (numbered when more than one).

    A text within the limit, or a network without threads, comes back as ``[text]``.
    """
    limit = profile.text_limit if limit is None else limit
    if count(text, profile) <= limit or not profile.thread:
        return [text]
    if profile.counting == "weighted":
        text = unicodedata.normalize("NFC", text)   # what the network counts (and cuts)
    space = count(" ", profile)
    base = _pieces(text)
    n = 2
    parts: list[str] = []
    for _ in range(6):
        budget = limit - count(_suffix(profile, n, n), profile)
        if budget < 10:
            raise ValueError("limit too small for a numbered thread")
        pieces: list[tuple[str, str]] = []
        for sep, piece in base:
            if count(piece, profile) > budget:
                chunks = _fit(piece, budget, profile, space)
                if chunks:
                    pieces.append((sep, chunks[0]))
                    pieces.extend((" ", c) for c in chunks[1:])
            else:
                pieces.append((sep, piece))
        parts = _pack(pieces, budget, profile)
        if len(str(len(parts))) <= len(str(n)):
            break
        n = len(parts)
    total = len(parts)
    return [p + _suffix(profile, i, total) for i, p in enumerate(parts, 1)]
