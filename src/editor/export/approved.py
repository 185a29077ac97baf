"""What of a post may leave the practice: its body, without front matter and without HTML comments.

The front matter holds the team's working notes (a patient's name, a phone number, « à revoir »);
HTML comments (``<!-- … -->``) are notes the published text never shows. Neither belongs in the
compliance report, the export archive or anything else that travels with an export: those carry
:func:`approved_text` and, for proof, the SHA-256 of the whole source.

Comments inside fenced code blocks are text, kept as written; elsewhere (inline code spans
included) every comment goes: removing too much is the safe side. A comment that is never closed
runs to the end of the post, as in HTML. Linear in the size of the post.
"""
from __future__ import annotations

from editor.document.post import parse_front_matter
from editor.document.projection import _FENCE, fence_closes, iter_lines

_OPEN, _CLOSE = "<!--", "-->"


def _inline(src: str, a: int, e: int, in_comment: bool, keep: list, hide: list) -> bool:
    """Split ``src[a:e]`` (one line) into kept and hidden spans; return whether a comment is
    still open at its end (``in_comment``: open at its start)."""
    i = a
    while True:
        if in_comment:
            j = src.find(_CLOSE, i, e)
            if j < 0:
                hide.append((i, e))
                return True
            hide.append((i, j + len(_CLOSE)))
            i, in_comment = j + len(_CLOSE), False
        j = src.find(_OPEN, i, e)
        if j < 0:
            keep.append((i, e))
            return False
        keep.append((i, j))
        i, in_comment = j, True


def split_source(source: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``(kept, hidden)``: source spans of the approved body, and of what is left out (the front
    matter and the comments). Line breaks of left-out lines are hidden with them."""
    keep: list[tuple[int, int]] = []
    hide: list[tuple[int, int]] = []
    body = parse_front_matter(source).end
    if body:
        hide.append((0, body))
    fence: tuple[str, int] | None = None
    block_comment = False      # a comment opening a line: its lines are left out entirely
    in_comment = False         # a comment opened inside a line and still open
    for ls, le, brk in iter_lines(source, body):
        line, end = source[ls:le], le + brk
        if fence:
            keep.append((ls, end))
            if fence_closes(line, fence):
                fence = None
            continue
        if block_comment:
            hide.append((ls, end))
            if _CLOSE in line:
                block_comment = False
            continue
        if not in_comment:
            m = _FENCE.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
                fence = (m.group(1)[0], len(m.group(1)))
                keep.append((ls, end))
                continue
            if line.lstrip().startswith(_OPEN) and _CLOSE not in line:
                block_comment = True
                hide.append((ls, end))
                continue
        line_keep: list[tuple[int, int]] = []
        in_comment = _inline(source, ls, le, in_comment, line_keep, hide)
        if line.strip() and not any(source[a:b].strip() for a, b in line_keep):
            hide.extend(line_keep)             # the line was only a comment: it goes whole
            hide.append((le, end))
            continue
        keep.extend(line_keep)
        keep.append((le, end))
    return [s for s in keep if s[1] > s[0]], [s for s in hide if s[1] > s[0]]


def approved_text(source: str) -> str:
    """The post's body as approved for publication: no front matter, no HTML comments.

    Line breaks are kept as written; a line that held only a comment is left out.
    """
    return "".join(source[a:b] for a, b in split_source(source)[0])


def comment_spans(source: str) -> list[tuple[int, int]]:
    """The source spans of the HTML comments (what neither a network nor a report receives)."""
    body = parse_front_matter(source).end
    return [(a, b) for a, b in split_source(source)[1] if a >= body]
