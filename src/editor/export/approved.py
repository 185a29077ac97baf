"""What of a post may leave the practice: its body, without front matter and without HTML comments.

The front matter holds the team's working notes (a patient's name, a phone number, « à revoir »);
HTML comments (``<!-- … -->``) are notes the published text never shows. Neither belongs in the
compliance report, the export archive or anything else that travels with an export: those carry
:func:`approved_text` and, for proof, the SHA-256 of the whole source.

Which spans are comments is the Markdown reader's knowledge (:attr:`Document.comments
<editor.document.markdown.Document>`): comments inside fenced code blocks are text, kept as
written; elsewhere (inline code spans included) every comment goes: removing too much is the safe
side. A comment that is never closed runs to the end of the post, as in HTML. This module only
decides what becomes of the lines around them. Linear in the size of the post.
"""
from __future__ import annotations

from editor.document import markdown as md

Span = tuple[int, int]


def _line(source: str, ls: int, le: int, end: int, comments: list[Span],
          keep: list[Span], hide: list[Span]) -> None:
    """Sort one line ``[ls, end)`` (content up to ``le``) holding ``comments`` into kept and
    hidden spans: a line that was only comments (or a block comment's line) goes whole."""
    gaps: list[Span] = []
    pos = ls
    for a, b in comments:
        gaps.append((pos, a))
        pos = b
    gaps.append((pos, le))
    if pos > le or (source[ls:le].strip() and not any(source[a:b].strip() for a, b in gaps)):
        hide.append((ls, end))
        return
    keep.extend(gaps)
    keep.append((le, end))
    hide.extend(comments)


def split_source(source: str) -> tuple[list[Span], list[Span]]:
    """``(kept, hidden)``: source spans of the approved body, and of what is left out (the front
    matter and the comments), both sorted. Line breaks of left-out lines are hidden with them."""
    doc = md.parse(source)
    keep: list[Span] = []
    hide: list[Span] = []
    if doc.body:
        hide.append((0, doc.body))
    comments = doc.comments
    k, n = 0, len(comments)
    for ls, le, brk in md.iter_lines(source, doc.body):
        end = le + brk
        first = k
        while k < n and comments[k][0] < end:
            k += 1
        if k == first:
            keep.append((ls, end))
        else:
            _line(source, ls, le, end, comments[first:k], keep, hide)
    return [s for s in keep if s[1] > s[0]], [s for s in hide if s[1] > s[0]]


def approved_text(source: str) -> str:
    """The post's body as approved for publication: no front matter, no HTML comments.

    Line breaks are kept as written; a line that held only a comment is left out.
    """
    return "".join(source[a:b] for a, b in split_source(source)[0])


def comment_spans(source: str) -> list[Span]:
    """The source spans of the HTML comments (what neither a network nor a report receives)."""
    body = md.parse(source).body
    return [(a, b) for a, b in split_source(source)[1] if a >= body]
