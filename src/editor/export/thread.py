"""Splitting a post too long for X or Threads into a numbered thread (1/3, 2/3, ...).

Cuts fall between paragraphs first, then between sentences, then between words (a single word
longer than a part is cut as a last resort). Every part, its number included, is within the limit.
"""
from __future__ import annotations

import re

from editor.export.counting import count
from editor.export.networks import NetworkProfile

_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\")]*(?:[ \u00a0\u202f]+)(?=\S)")


_NOT_AN_END = re.compile(r"(?:^[ \t]*\d{1,3}[.)]|(?:^|[\s(])(?:Dr|Pr|M|Mme|Mlle|Me|cf|p|ex|env|av|apr|J\.-C|St|Ste)\.)$")


def _pieces(text: str) -> list[tuple[str, str]]:
    """``(separator, piece)``: paragraphs (``"\\n\\n"``), lines (``"\\n"``), sentences (``" "``)."""
    out: list[tuple[str, str]] = []
    for pi, para in enumerate(re.split(r"\n{2,}", text)):
        for li, line in enumerate(para.split("\n")):
            sep = "\n\n" if pi and not li else "\n" if li else ""
            pos = 0
            first = True
            for m in _SENTENCE_END.finditer(line):
                if _NOT_AN_END.search(line, 0, m.start()):
                    continue   # "1." of a numbered line, "Dr." ...
                sentence = line[pos:m.start()] + line[m.start():m.end()].rstrip(" \u00a0\u202f")
                out.append((sep if first else " ", sentence))
                first = False
                pos = m.end()
            out.append((sep if first else " ", line[pos:]))
    return [(s, p) for s, p in out if p]


def _fit(piece: str, budget: int, profile: NetworkProfile) -> list[str]:
    """Cut one piece longer than ``budget`` at spaces, then (last resort) anywhere."""
    words = piece.split(" ")
    out: list[str] = []
    cur = ""
    for w in words:
        cand = f"{cur} {w}" if cur else w
        if count(cand, profile) <= budget:
            cur = cand
            continue
        if cur:
            out.append(cur)
        cur = ""
        while count(w, profile) > budget:
            k = len(w)
            while k > 1 and count(w[:k], profile) > budget:
                k -= 1
            out.append(w[:k])
            w = w[k:]
        cur = w
    if cur:
        out.append(cur)
    return out


def _pack_exact(pieces, budget: int, profile: NetworkProfile) -> list[str]:
    parts: list[str] = []
    cur = ""
    for sep, piece in pieces:
        if not cur:
            cur = piece
        elif count(cur + sep + piece, profile) <= budget:
            cur += sep + piece
        else:
            parts.append(cur)
            cur = piece
    if cur:
        parts.append(cur)
    return parts


def _suffix(profile: NetworkProfile, i: int, n: int) -> str:
    return "\n\n" + profile.thread_numbering.format(i=i, n=n)


def split_thread(text: str, profile: NetworkProfile, limit: int | None = None) -> list[str]:
    """The parts of ``text`` for ``profile`` (numbered when more than one).

    A text within the limit, or a network without threads, comes back as ``[text]``.
    """
    limit = profile.text_limit if limit is None else limit
    if count(text, profile) <= limit or not profile.thread:
        return [text]
    n = 2
    for _ in range(6):
        budget = limit - count(_suffix(profile, n, n), profile)
        if budget < 10:
            raise ValueError("limit too small for a numbered thread")
        pieces: list[tuple[str, str]] = []
        for sep, piece in _pieces(text):
            if count(piece, profile) > budget:
                chunks = _fit(piece, budget, profile)
                pieces.append((sep, chunks[0]))
                pieces.extend((" ", c) for c in chunks[1:])
            else:
                pieces.append((sep, piece))
        # Costs add up across the whitespace separators (no URL or emoji spans a space); the
        # exact count is checked below and the slow exact packing used if ever it differs.
        parts: list[str] = []
        cur, cur_cost = "", 0
        for sep, piece in pieces:
            if not cur:
                cur, cur_cost = piece, count(piece, profile)
                continue
            extra = count(sep + piece, profile)
            if cur_cost + extra <= budget:
                cur += sep + piece
                cur_cost += extra
            else:
                parts.append(cur)
                cur, cur_cost = piece, count(piece, profile)
        if cur:
            parts.append(cur)
        if any(count(part, profile) > budget for part in parts):
            parts = _pack_exact(pieces, budget, profile)
        if len(str(len(parts))) <= len(str(n)):
            break
        n = len(parts)
    total = len(parts)
    return [p + _suffix(profile, i, total) for i, p in enumerate(parts, 1)]
