"""What the preview hands to python-markdown, bounded so that no post can stall it.

python-markdown is quadratic in places: each ``[`` scans, character by character in Python, to its
matching ``]`` (to the end of the paragraph when there is none), each ``](`` to its ``)``; every
inline match rebuilds the paragraph's string; headings, setext underlines, abbreviation and
footnote definitions re-split their whole block; unclosed code fences are searched again from the
start of the document for every fence found; lists nested on one line recurse until Python's
limit. 8,000 ``[`` took 12 s, a 40 KB block of ``# a`` lines 4 s.

So, in time linear in the post:

* fenced code blocks are rendered here (escaped, ``<pre><code>``), never by python-markdown;
* every other block (lines between blank lines) gets an estimate of python-markdown's cost, from
  its length, its inline markers, its quadratic line kinds and the exact lengths its ``[`` and
  ``](`` scans would have (a stack pass); a block over :data:`BLOCK_BUDGET`, nested deeper than
  :data:`MAX_NESTING` on one line, or among the costliest once the post's total passes
  :data:`TOTAL_BUDGET`, is shown as written (escaped text) instead of formatted;
* only the first :data:`MAX_CHARS` characters (and :data:`MAX_BLOCKS` blocks) are previewed;
* in the HTML, runs of more than 100 characters without a space get invisible break opportunities
  (:func:`breakable`): Qt's line breaking is quadratic in the length of an unbreakable run (a
  40,000-character word took 0.4 s to lay out, on the GUI thread; a 1 MB one minutes).

Real posts stay far below the budgets (a 20 KB post estimates at about a millisecond). Blocks
taken out of python-markdown's hands become one placeholder line each; every line handed over
keeps the number of the body line it stands for (:attr:`Plan.numbers`, for the preview's scroll
anchors), and :func:`restore` puts the blocks' HTML back.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

MAX_CHARS = 200_000       # Qt lays the preview out on the GUI thread: 0.15 s at this size
BLOCK_BUDGET = 0.25       # estimated seconds for one block
TOTAL_BUDGET = 0.6        # estimated seconds for the whole post
MAX_NESTING = 12          # list / quotation markers at the start of one line
MAX_BLOCKS = 40_000       # blocks between blank lines

# Seconds per unit, measured with python-markdown 3.11 (the worst input of each kind, rounded up).
_PER_INLINE_PAIR = 2e-9   # markers x block length: string rebuilds and rescans
_PER_LINE_PAIR = 1.5e-7   # quadratic line kinds x block length: block re-splitting
_PER_STEP = 1e-7          # one character of a Python-level bracket scan
_PER_STRUCTURE = 8e-5     # one list item, table row, quotation or heading line (linear, but slow)

PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE = "\uf8f2", "\uf8f3"
_PRIVATE = {cp: "\ufffd" for cp in range(0xF8F0, 0xF8F8)}   # markers a post may not spoof
_PLACEHOLDER_P = re.compile("<p>" + PLACEHOLDER_OPEN + r"(\d+)" + PLACEHOLDER_CLOSE + "</p>")
_PLACEHOLDER = re.compile(PLACEHOLDER_OPEN + r"(\d+)" + PLACEHOLDER_CLOSE)

_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)")
_INLINE_MARKS = "[]()`*_\\<>&!~"
_QUADRATIC_LINE = re.compile(
    r"[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|(?:=+|-+)[ \t]*$|\*\[|\[\^[^\]\n]{0,200}\]:|:[ \t])")
_STRUCTURE_LINE = re.compile(r"[ \t]*(?:[-*+>:#]|\d{1,9}[.)])|.*\|")
_NEST_MARK = re.compile(r"[ \t]{0,8}(?:[-*+>:]|\d{1,9}[.)])(?=[ \t]|$)")
_BRACKET = re.compile(r"[\[\]]")
_LONG_RUN = re.compile(r"[^\s\u200b]{100,}")
_RUN_PIECE = re.compile(r"(?:&#?\w{1,10};|[^&]|&){80}")
_TEXT_NODE = re.compile(r">([^<]+)")
_PAREN = re.compile(r"[()]")


@dataclass
class Plan:
    """The lines for python-markdown and the HTML of the blocks rendered here."""
    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)   # 0-based line of the body, per line
    blocks: list[str] = field(default_factory=list)    # HTML by placeholder number
    simplified: int = 0      # blocks shown as written
    truncated: bool = False  # only the beginning is previewed

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def fence_closes(line: str, char: str, length: int) -> bool:
    m = _FENCE.match(line)
    return bool(m and m.group(1)[0] == char and len(m.group(1)) >= length
                and not line[m.end(1):].strip())


def _fence_opens(line: str) -> re.Match | None:
    m = _FENCE.match(line)
    if m and m.group(1)[0] == "`" and "`" in line[m.end(1):]:
        return None     # ``` `code` ``` on one line is inline code, not a fence
    return m


def _code_html(lang: str, code_lines: list[str]) -> str:
    cls = f' class="language-{html.escape(lang, quote=True)}"' if lang else ""
    code = html.escape("\n".join(code_lines), quote=False)
    end = "\n" if code_lines else ""
    return f"<pre><code{cls}>{code}{end}</code></pre>"


def raw_html(lines: list[str]) -> str:
    text = html.escape("\n".join(lines), quote=False)
    return f'<p class="raw" style="white-space:pre-wrap">{text}</p>'


def nesting(line: str) -> int:
    """List and quotation markers opening ``line`` (``- - 1. > a`` has 4), counted to 1 + max."""
    depth, pos = 0, 0
    while depth <= MAX_NESTING:
        m = _NEST_MARK.match(line, pos)
        if not m:
            break
        depth += 1
        pos = m.end()
    return depth


def _scan_steps(text: str) -> int:
    """Characters python-markdown's ``[``…``]`` and ``](``…``)`` scans walk in ``text``."""
    n = len(text)
    steps = 0
    stack: list[int] = []
    for m in _BRACKET.finditer(text):
        if m.group() == "[":
            stack.append(m.start())
        elif stack:
            steps += m.start() - stack.pop()
    steps += sum(n - p for p in stack)
    steps *= 3      # reference, inline and short-reference processors each scan
    closing: dict[int, int] = {}
    stack = []
    for m in _PAREN.finditer(text):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            closing[stack.pop()] = m.start()
    pos = text.find("](")
    while pos >= 0:
        o = pos + 1
        c = closing.get(o)
        if c is None or text.find("'", o, c) >= 0 or text.find('"', o, c) >= 0:
            steps += n - o      # a title quote or no ``)``: the scan runs to the end
        else:
            steps += c - o
        pos = text.find("](", pos + 2)
    return steps


def estimate(lines: list[str]) -> float:
    """Estimated seconds python-markdown spends on one block, beyond plain text's linear cost."""
    text = "\n".join(lines)
    n = len(text)
    marks = sum(text.count(ch) for ch in _INLINE_MARKS)
    quadratic_lines = sum(1 for line in lines if _QUADRATIC_LINE.match(line))
    structures = sum(1 for line in lines if _STRUCTURE_LINE.match(line))
    return (_PER_INLINE_PAIR * marks * n + _PER_LINE_PAIR * quadratic_lines * n
            + _PER_STEP * _scan_steps(text) + _PER_STRUCTURE * structures)


def _segments(lines: list[str]) -> list[list]:
    """``[kind, start, end, html]`` runs of lines: ``text`` blocks between blank lines and fences,
    ``html`` fenced code (rendered here). Blank lines are left between them."""
    segs: list[list] = []
    n = len(lines)
    i = 0
    block_start: int | None = None
    while i < n:
        line = lines[i]
        m = _fence_opens(line)
        if line.strip() and not m:
            if block_start is None:
                block_start = i
            i += 1
            continue
        if block_start is not None:
            segs.append(["text", block_start, i, None])
            block_start = None
        if not m:
            i += 1
            continue
        char, length, lang = m.group(1)[0], len(m.group(1)), m.group(2)
        j = i + 1
        while j < n and not fence_closes(lines[j], char, length):
            j += 1
        code = lines[i + 1:j]
        if j >= n:                       # unclosed: code to the end, trailing blanks off
            while code and not code[-1].strip():
                code.pop()
        segs.append(["html", i, min(j + 1, n), _code_html(lang, code)])
        i = j + 1
    if block_start is not None:
        segs.append(["text", block_start, n, None])
    return segs


def plan(body: str) -> Plan:
    """Bound ``body`` for python-markdown (see the module's documentation)."""
    body = body.translate(_PRIVATE)
    result = Plan()
    if len(body) > MAX_CHARS:
        cut = body.rfind("\n", 0, MAX_CHARS)
        body = body[:cut if cut > 0 else MAX_CHARS]
        result.truncated = True
    lines = body.split("\n")
    segs = _segments(lines)
    if len(segs) > MAX_BLOCKS:      # python-markdown pops its blocks from the front of a list
        segs = segs[:MAX_BLOCKS]
        result.truncated = True
    costs: list[tuple[float, int]] = []
    for k, seg in enumerate(segs):
        if seg[0] != "text":
            continue
        block = lines[seg[1]:seg[2]]
        cost = estimate(block)
        if cost > BLOCK_BUDGET or any(nesting(x) > MAX_NESTING for x in block):
            seg[0], seg[3] = "html", raw_html(block)
            result.simplified += 1
        else:
            costs.append((cost, k))
    total = sum(c for c, _ in costs)
    for cost, k in sorted(costs, reverse=True):
        if total <= TOTAL_BUDGET:
            break
        seg = segs[k]
        seg[0], seg[3] = "html", raw_html(lines[seg[1]:seg[2]])
        result.simplified += 1
        total -= cost
    # The lines for python-markdown: kept blocks as written (with the blank lines between two of
    # them), each block rendered here as one placeholder line between blank lines.
    out, nums = result.lines, result.numbers
    prev_end, prev_kind = 0, "text"
    for kind, start, end, block_html in segs:
        if kind == "text" and prev_kind == "text":
            gap = range(prev_end, start)
        else:
            gap = range(start - 1, start) if out else range(0)
        for g in gap:
            out.append("")
            nums.append(g)
        if kind == "text":
            out.extend(lines[start:end])
            nums.extend(range(start, end))
        else:
            out.append(f"{PLACEHOLDER_OPEN}{len(result.blocks)}{PLACEHOLDER_CLOSE}")
            nums.append(start)
            result.blocks.append(block_html)
        prev_end, prev_kind = end, kind
    return result


def breakable(text: str) -> str:
    """``text`` (escaped HTML text) with a zero-width space every 80 characters of a long run."""
    return _LONG_RUN.sub(lambda m: _RUN_PIECE.sub(lambda p: p.group() + "\u200b", m.group()), text)


def breakable_html(page: str) -> str:
    """:func:`breakable` applied to every text node of ``page`` (never inside a tag)."""
    return _TEXT_NODE.sub(lambda m: ">" + breakable(m.group(1)), page)


def restore(out: str, blocks: list[str]) -> str:
    """Put the HTML of the blocks rendered here in place of their placeholders."""
    if not blocks:
        return out
    out = _PLACEHOLDER_P.sub(lambda m: blocks[int(m.group(1))], out)
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], out)
