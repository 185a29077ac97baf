"""The one Markdown reader: a post is read once into blocks and inline nodes with source offsets.

Three renderings walk what :func:`parse` returns: the prose projection that is checked
(:mod:`editor.document.projection`), each network's plain text (:mod:`editor.export.convert`) and
the preview's HTML (:mod:`editor.document.html`). Offsets are code points into the source exactly
as decoded (front matter, CRLF and emoji included); a line ends with LF, CRLF or a lone CR.

The dialect (one behaviour for the three renderings):

Blocks, read line by line
- Front matter (:mod:`editor.document.post`) is not part of the body; its ``title:`` value is
  :attr:`Document.title`.
- Fenced code: ``` or ~~~ (at most 3 spaces before); a ``` line with another backtick after the
  fence is text (inline code). An unclosed fence runs to the end. Indented lines are never code:
  they are text (lists nest by indentation).
- HTML comments are never published, checked or previewed. A line that starts with ``<!--``
  without ``-->`` opens a comment that hides every line up to the one holding ``-->`` (that
  whole line included). A ``<!--`` left open later in a line hides the rest of that line and the
  lines after it up to ``-->``; what follows ``-->`` on that line is read as a line.
- Block quotes: ``>`` markers, any depth (each with at most 3 spaces before); a quote interrupts
  a paragraph (a deeper one too: ``> a`` then ``> > b`` is a quotation in a quotation). A line of
  markers only (``>``) separates paragraphs inside the quotation; a blank line ends it; a line
  with fewer markers (or none) right after a quoted paragraph continues it (lazy continuation).
  The quotation's blocks keep their depth (:attr:`Block.depth`) and the quotation's number
  (:attr:`Block.quote`).
- ATX headings (``#`` to ``######`` then a space or the end; closing ``#`` dropped); setext
  headings: a ``===`` or ``---`` line (even a single ``-``) under a paragraph turns the whole
  paragraph into a heading of level 1 or 2 (under a list item it is a rule or text).
- Thematic breaks: ``***``, ``- - -``, ``___`` (3 or more, spaces allowed).
- Tables (outside quotations): a line holding ``|`` followed by a separator row (``|---|:-:|``)
  is a header row, even right after a paragraph line; then every line holding ``|`` is a row,
  until a blank line, a line without ``|`` or another block. Cells are split at every ``|`` not
  escaped. A separator row without a header is text.
- List items: ``-``, ``*``, ``+``, ``•`` or a number with ``.`` or ``)`` (up to 9 digits), then a
  space or the end of the line, after any indentation; an item interrupts a paragraph. A list
  marker right after another on one line is text (``- - a`` is a rule, ``1. 1. a`` an item whose
  text is ``1. a``). The marker's indentation nests items (:attr:`Block.indent`). Lines that
  follow an item without a blank line continue it; after a blank line, text is a new paragraph.
- Footnote definitions ``[^label]: text`` (outside quotations, may interrupt a paragraph):
  the definition runs over the following lines up to a blank line, then over indented lines.
  Link reference definitions ``[label]: url`` (not inside a paragraph) are read and hidden.
- Everything else is paragraph text; a blank line ends a paragraph.

Inline nodes, within one line (nothing spans a line break but emphasis, paired over a block)
- ``\\x`` (x an ASCII punctuation mark) is the character ``x``.
- Code spans: a run of backticks closed by the same run within 2,000 characters on the line;
  otherwise the backticks are text.
- Images ``![alt](target "title")``, links ``[text](target "title")`` (``<target>`` may hold
  spaces; one level of parentheses in a target), reference links ``[text][label]``, ``[label][]``
  and ``[label]`` where ``label`` is defined (otherwise the brackets are text), footnote
  references ``[^label]`` to a defined footnote (otherwise text). Link text and alt text hold no
  brackets and no link, image, footnote or URL: a linked image ``[![a](b)](c)`` is the text
  ``[``, the image, then the text ``](c)``.
- Autolinks ``<https://…>``, ``<http://…>``, ``<mailto:…>``, ``<ftp:…>``.
- Bare URLs exactly as :mod:`editor.text.urls` finds them (``https://``, ``www.``, known domains);
  inside a URL nothing is markup (``exemple.fr/mon_article_``).
- HTML comments on one line; any other HTML tag is raw HTML: never interpreted (the preview shows
  it as written, the plain renderings leave it out).
- Entities (``&amp;``, ``&#233;``, ``&nbsp;``) are the characters they name.
- Emphasis: runs of ``*`` or ``_`` and runs of exactly two ``~``, paired by CommonMark's
  delimiter rules (flanking, the rule of three, ``_`` never inside a word) over the whole block
  (a paragraph, a heading, an item, one table cell, one link text). A paired marker is markup:
  the preview shows emphasis, the plain renderings drop it. A marker that pairs with nothing is
  text everywhere (``5 * 3``, ``5*3``, ``**Offre`` unclosed: what the preview shows is what is
  checked and published).
- A ``\\`` or two spaces ending a line is a hard line break.

Reading is linear in the size of the post, whatever it holds: patterns are bounded or
possessive, a scan never rescans what the next one will read, emphasis pairing is CommonMark's
bounded algorithm, and lines are kept in machine integers. :func:`parse` keeps the last few
documents read (within :data:`CACHE_BYTES`), so the checker, the per-network conversions and the
preview of one text read it once.
"""
from __future__ import annotations

import gc
import html
import re
import threading
import unicodedata
from array import array
from collections import OrderedDict
from contextlib import contextmanager

from editor.document.post import FrontMatter, parse_front_matter
from editor.text.urls import URL_RE

# -- block kinds --------------------------------------------------------------------------------
PARAGRAPH, HEADING, ITEM, ROW, CODE, RULE = "paragraph", "heading", "item", "row", "code", "rule"

# -- inline kinds ---------------------------------------------------------------------------------
ESCAPE, CODE_SPAN, IMAGE, LINK, FOOTREF, AUTOLINK, URL, COMMENT, TAG, ENTITY, DELIM, BREAK = (
    "escape", "code", "image", "link", "footref", "autolink", "url", "comment", "tag", "entity",
    "delim", "break")
EMPHASIS, STRONG, STRIKE = "em", "strong", "del"

FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# « ## Titre »; the editor's syntax colouring (ui/highlighter.py) uses it too
ATX_HEADING = re.compile(r"[ ]{0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*$")
_LIST = re.compile(r"[ \t]*+(?:([-*+•])|(\d{1,9})[.)])(?:[ \t]+|$)")
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-++:?[ \t]*(?:\|[ \t]*:?-++:?[ \t]*){0,200}"
                        r"\|?[ \t]*$")
_REFDEF = re.compile(r"[ ]{0,3}\[([^\]\n^][^\]\n]{0,199})\]:[ \t]*<?([^\s>]+)>?")
_FOOTDEF = re.compile(r"[ ]{0,3}\[\^([^\]\s\[]{1,100})\]:[ \t]?")
_TITLE = re.compile(r"^title[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)

# Bounded, possessive where giving back cannot help, and never scanning across the next ``[``,
# ``(`` or ``<`` (which the next attempt scans): each character is looked at a bounded number of
# times (100,000 ``[`` took 3.3 s when each scanned up to 1,000 characters of the next ones).
_LINK_TARGET = r"(?:[^()\s]|\([^()\s]{0,200}+\)){0,2000}+"
_LINK_TITLE = r"(?:[ \t]+(?:\"[^\"\n]{0,500}+\"|'[^'\n]{0,500}+'))?[ \t]*\)"
_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>`++)"
    r"|(?P<image>!\[(?P<ialt>[^\[\]\n]{0,1000}+)\]\([ \t]*"
    r"(?P<isrc><[^>\n]{0,2000}+>|" + _LINK_TARGET + r")" + _LINK_TITLE + r")"
    r"|(?P<link>\[(?P<ltext>[^\[\]\n]{0,1000}+)\]\([ \t]*"
    r"(?P<lurl><[^>\n]{0,2000}+>|" + _LINK_TARGET + r")" + _LINK_TITLE + r")"
    r"|(?P<fnref>\[\^(?P<fnlabel>[^\]\s\[]{1,100}+)\])"
    r"|(?P<reflink>\[(?P<rtext>[^\[\]\n]{0,1000}+)\](?:\[(?P<rref>[^\[\]\n]{0,200}+)\])?)"
    r"|(?P<autolink><(?P<aurl>(?i:https?|mailto|ftp):[^>\s]{1,2000}+)>)"
    r"|(?P<comment><!--)"
    r"|(?P<tag></?(?P<tname>[A-Za-z][A-Za-z0-9-]{0,30}+)(?:[ \t][^<>\n]{0,2000}+)?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<delim>\*++|_++|~~++)")
# Where an inline node may start: a plain character class is searched at C speed (a pattern of
# named alternatives is tried at every position).
_CANDIDATE = re.compile(r"[\\`!\[<&*_~]")
# Every URL holds ``://`` or a dot followed by a letter: lines without are not searched.
_DOT_LETTER = re.compile(r"\.[^\W\d_]")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def thematic_break(line: str) -> bool:
    """``***``, ``- - -``, ``___``: a horizontal rule (as a regular expression with a repeated
    group, a line of a million ``*`` took 120 MB of backtracking marks)."""
    body = line.lstrip(" ")
    if len(line) - len(body) > 3 or not body or body[0] not in "*-_":
        return False
    marks = body.replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and marks.count(body[0]) == len(marks)


def fence_closes(line: str, fence: tuple[str, int]) -> bool:
    """Does ``line`` close the code fence opened with ``fence`` (its character and length)?"""
    m = FENCE.match(line)
    return bool(m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1]
                and not line[m.end():].strip())


def fence_opens(line: str) -> re.Match | None:
    """The fence that ``line`` opens, if any (``` `code` ``` on one line is inline code)."""
    m = FENCE.match(line)
    if m and m.group(1)[0] == "`" and "`" in line[m.end():]:
        return None
    return m


def iter_lines(src: str, start: int):
    """Yield ``(line_start, content_end, break_len)`` for each line from ``start``; a line ends
    with LF, CRLF or a lone CR (classic Mac files), as editors and ``line_starts`` count them."""
    n = len(src)
    pos = start
    lone_cr = "\r" in src
    while pos < n:
        nl = src.find("\n", pos)
        if lone_cr:
            cr = src.find("\r", pos, n if nl < 0 else nl)
            if cr >= 0 and cr + 1 != nl:      # a CR on its own ends the line
                yield pos, cr, 1
                pos = cr + 1
                continue
        if nl < 0:
            yield pos, n, 0
            return
        end = nl - 1 if nl > pos and src[nl - 1] == "\r" else nl
        yield pos, end, nl + 1 - end
        pos = nl + 1


def label_key(label: str) -> str:
    """A reference label as it is matched: case and runs of spaces do not count."""
    return " ".join(label.split()).lower()


class Inline:
    """One inline node; plain text is what lies between nodes.

    ``start``/``end`` span the whole node in the source. By kind:
    ``code``: ``a``/``b`` the code inside; ``image``: ``a``/``b`` the alt text, ``ts``/``te`` and
    ``target`` the target (without ``<>``), ``children`` the alt's nodes; ``link``: ``a``/``b``
    the link text, ``ts``/``te`` and ``target`` the URL (a reference link: the whole node and
    the defined URL), ``children`` the text's nodes; ``autolink``: ``ts``/``te`` and ``target``
    the URL; ``footref``: ``target`` the footnote's label; ``tag``: ``target`` its lower-case
    name; ``entity``: ``target`` the decoded text; ``delim``: ``a`` characters closing emphasis
    (on the left), ``b`` characters opening emphasis (on the right), the rest is literal text;
    once paired, ``data`` is ``(closes, opens)``, lists of ``(kind, partner)`` in the order they
    were paired (innermost first); None for a marker that pairs with nothing.
    """

    __slots__ = ("kind", "start", "end", "a", "b", "ts", "te", "target", "children", "data")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.a = self.b = self.ts = self.te = 0
        self.target = ""
        self.children: list[Inline] | None = None
        # A delimiter run's pairings while emphasis is resolved: (closers, openers) of
        # (kind, other run).
        self.data: tuple[list[tuple[str, Inline]], list[tuple[str, Inline]]] | None = None

    def __repr__(self) -> str:
        return f"Inline({self.kind}, {self.start}, {self.end})"


class Block:
    """One block. Its lines are parallel arrays: where each line's content starts and ends (after
    markers and indentation), where the line itself ends and the length of its line break.

    ``quote`` is the number of the quotation the block belongs to (0: none) and ``depth`` its
    quotation depth; ``gap``: a blank line (or a ``>`` line) comes before it. By kind:
    ``heading``: ``level``, ``setext``; ``item``: ``ms``/``me`` the marker (up to the text),
    ``number`` (text) or ``bullet``, ``indent`` (column of the marker); ``row``: ``table`` (its
    table's number), ``level`` 1 for the header row, ``cells`` as ``(pipe, start, end)`` (``pipe``
    the ``|`` before the cell, -1 for none); ``code``: ``info`` (language), ``ms``/``me`` the
    opening fence line, ``closed``; a ``paragraph`` of a footnote: ``label`` and, on its first
    paragraph, ``ms``/``me`` the ``[^label]:`` marker.
    """

    __slots__ = ("kind", "line", "starts", "ends", "lends", "brks", "inlines", "gap", "quote",
                 "depth", "level", "setext", "ms", "me", "number", "bullet", "indent", "label",
                 "info", "closed", "table", "cells")

    def __init__(self, kind: str, line: int, gap: bool, quote: int = 0, depth: int = 0) -> None:
        self.kind = kind
        self.line = line            # 0-based line of the source where the block starts
        self.starts = array("i")
        self.ends = array("i")
        self.lends = array("i")
        self.brks = array("i")
        self.inlines: list[Inline] = []
        self.gap = gap
        self.quote = quote
        self.depth = depth
        self.level = 0
        self.setext = False
        self.ms = self.me = -1
        self.number: str | None = None
        self.bullet = ""
        self.indent = 0
        self.label: str | None = None
        self.info = ""
        self.closed = False
        self.table = 0
        self.cells: list[tuple[int, int, int]] | None = None

    def add(self, a: int, e: int, le: int, brk: int) -> None:
        self.starts.append(a)
        self.ends.append(e)
        self.lends.append(le)
        self.brks.append(brk)

    @property
    def start(self) -> int:
        return self.starts[0] if self.starts else (max(self.ms, 0))

    def __repr__(self) -> str:
        return f"Block({self.kind}, line {self.line + 1}, {len(self.starts)} line(s))"


class Document:
    """A post as read: its blocks in order, link definitions, footnotes and HTML comments.

    ``comments`` are the source spans of the HTML comments outside fenced code, in order, as the
    approved text (:mod:`editor.export.approved`) leaves them out: a comment that opens a line
    without closing on it covers its whole lines, line breaks included; any other comment is one
    span per line it covers, without the line break. Every ``<!--`` … ``-->`` of a line counts,
    inside a code span too (a working note is left out rather than published).
    """

    __slots__ = ("source", "front_matter", "body", "title", "blocks", "refs", "footnotes",
                 "code_blocks", "comments")

    def __init__(self, source: str, front_matter: FrontMatter) -> None:
        self.source = source
        self.front_matter = front_matter
        self.body = front_matter.end
        self.title: tuple[int, int] | None = None       # span of the front matter's title
        self.blocks: list[Block] = []
        self.refs: dict[str, str] = {}                   # label key -> URL as written
        self.footnotes: dict[str, list[Block]] = {}      # label key -> its paragraphs
        self.code_blocks = 0
        self.comments: list[tuple[int, int]] = []        # source spans (see above)


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = False


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector waits while the block runs (in any thread).

    Reading and rendering make many small objects that point at each other (blocks, nodes,
    segments, offset maps) but no cycle: the collector, run every few hundred allocations,
    walked them again and again (250,000 headings took three times as long to project, a line
    of 500,000 ``*a`` five times as long to read). It runs again when the last holder leaves.
    """
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if not _gc_holders:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if not _gc_holders and _gc_was_enabled:
                gc.enable()


# The last documents read, so that the check, the six conversions and the preview of one text
# read it once; bounded by an estimate of their size (a node or a block weighs about 150 bytes).
CACHE_DOCUMENTS = 8
CACHE_BYTES = 32 << 20
_cache: OrderedDict[str, tuple[Document, int]] = OrderedDict()
_cache_lock = threading.Lock()
_cache_bytes = 0


def parse(source: str) -> Document:
    """The post ``source`` read into a :class:`Document`, or the one read last time for the same
    text (treat it as read-only: it is shared between threads)."""
    global _cache_bytes
    with _cache_lock:
        hit = _cache.get(source)
        if hit is not None:
            _cache.move_to_end(source)
            return hit[0]
    doc = _read(source)
    weight = len(source) + 150 * (len(doc.blocks) + sum(len(b.inlines) for b in doc.blocks))
    if weight <= CACHE_BYTES:
        with _cache_lock:
            if source not in _cache:
                _cache[source] = (doc, weight)
                _cache_bytes += weight
            while len(_cache) > CACHE_DOCUMENTS or _cache_bytes > CACHE_BYTES:
                _cache_bytes -= _cache.popitem(last=False)[1][1]
    return doc


def clear_cache() -> None:
    """Forget the documents read (benchmarks measure a first reading)."""
    global _cache_bytes
    with _cache_lock:
        _cache.clear()
        _cache_bytes = 0


def _read(source: str) -> Document:
    fm = parse_front_matter(source)
    doc = Document(source, fm)
    if fm.end:
        m = _TITLE.search(source, 0, fm.end)
        if m and m.group(1):
            a, e = m.span(1)
            if e - a >= 2 and source[a] in "\"'" and source[e - 1] == source[a]:
                a, e = a + 1, e - 1
            if e > a:
                doc.title = (a, e)
    with collector_paused():
        _Reader(doc).run()
        for block in doc.blocks:
            if block.kind not in (CODE, RULE):
                _lex_block(doc, block)
    return doc


# -- blocks ---------------------------------------------------------------------------------------
_BLOCK_COMMENT, _LINE_COMMENT = 1, 2


def _leading_ws(src: str, a: int, e: int) -> int:
    """``a`` moved past leading whitespace (as ``str.lstrip`` counts it)."""
    while a < e and src[a].isspace():
        a += 1
    return a


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.src = doc.source
        self.comments = doc.comments           # source spans of the comments, as they are read
        self.open: Block | None = None        # paragraph, item or footnote paragraph being read
        self.fence: Block | None = None
        self.fence_mark: tuple[str, int] = ("`", 3)
        self.comment = 0
        self.gap = False
        self.quote = 0                         # number of the quotation being read (0: none)
        self.quotes = 0
        self.table = 0                         # number of the table being read (0: none)
        self.tables = 0
        self.skip_separator = False
        self.footnote: str | None = None       # label key of the footnote being read
        self.footnote_blank = False

    def _new(self, kind: str, line: int, depth: int = 0) -> Block:
        if depth:
            if not self.quote:
                self.quotes += 1
                self.quote = self.quotes
        else:
            self.quote = 0
        if kind != ROW:
            self.table = 0
        b = Block(kind, line, self.gap, self.quote, depth)
        self.gap = False
        self.doc.blocks.append(b)
        return b

    def close(self) -> None:
        self.open = None

    def run(self) -> None:
        src = self.src
        body = self.doc.body
        lineno = src.count("\n", 0, body)
        lines = iter_lines(src, body)
        following = next(lines, None)
        while following is not None:
            ls, le, brk = following
            following = next(lines, None)
            self.line(ls, le, brk, lineno, following)
            lineno += 1
        if self.fence is not None:
            self._trim_unclosed(self.fence)

    def _trim_unclosed(self, code: Block) -> None:
        """An unclosed fence runs to the end; its trailing blank lines are not code."""
        src = self.src
        while code.starts and not src[code.starts[-1]:code.ends[-1]].strip():
            for col in (code.starts, code.ends, code.lends, code.brks):
                col.pop()

    def line(self, ls: int, le: int, brk: int, lineno: int, following) -> None:
        """Read one line: ``[ls, le)`` its content, ``brk`` its line break's length, ``following``
        the next line's ``(start, end, break)`` (a table's header looks at it) or None."""
        src = self.src
        if self.skip_separator:           # a table's separator row
            self.skip_separator = False
            return
        if self.fence is not None or self.comment:
            ls = self._continued(ls, le, brk)
            if ls < 0:
                return
        line = src[ls:le]
        key = self.footnote
        if key is not None and self._footnote_line(key, line, ls, le, brk, lineno):
            return
        if not line.strip():
            self.close()
            self.gap = True
            self.quote = self.table = 0
            return
        if self._opens(line, ls, le, brk, lineno):
            return
        e = self._cut(ls, le)
        pos, depth = self._quote_markers(ls, e)
        if depth and not src[pos:e].strip():
            # A line of markers only: a paragraph ends, the quotation goes on.
            self.close()
            if not self.quote:
                self.quotes += 1
                self.quote = self.quotes
            self.gap = True
            self.table = 0
            return
        if not depth and self._definition(ls, e, le, brk, lineno):
            return
        rest = src[pos:e]
        if self._heading_or_rule(rest, pos, e, le, brk, lineno, depth):
            return
        if not depth and self._table_row(rest, ls, e, le, brk, lineno, following):
            return
        self._text(pos, e, le, brk, lineno, depth)

    def _continued(self, ls: int, le: int, brk: int) -> int:
        """A line inside a fence or a comment goes there; where the rest of the line starts (after
        a comment's ``-->``), or -1 when nothing of it is left to read."""
        src = self.src
        fence = self.fence
        if fence is not None:
            if fence_closes(src[ls:le], self.fence_mark):
                fence.closed = True
                self.fence = None
                self.gap = True
            else:
                fence.add(ls, le, le, brk)
            return -1
        if self.comment == _BLOCK_COMMENT:
            if le + brk > ls:
                self.comments.append((ls, le + brk))
            if src.find("-->", ls, le) >= 0:
                self.comment = 0
            return -1
        j = src.find("-->", ls, le)             # a comment left open on a line above
        if j < 0:
            if le > ls:
                self.comments.append((ls, le))
            return -1
        self.comment = 0
        self.comments.append((ls, j + 3))
        ls = j + 3
        return ls if src[ls:le].strip() else -1

    def _footnote_line(self, key: str, line: str, ls: int, le: int, brk: int,
                       lineno: int) -> bool:
        """A line after the definition of the footnote ``key``: True when it belongs to the
        footnote (a blank line, a continuation), False when the footnote ends before it."""
        if not line.strip():
            self.footnote_blank = True
            self.gap = True
            self.close()
            return True
        if (not self.footnote_blank or line.startswith(("    ", "\t"))) \
                and not _FOOTDEF.match(line):
            e = self._cut(ls, le)
            a = _leading_ws(self.src, ls, e)
            if self.open is None:
                b = self._new(PARAGRAPH, lineno)
                b.gap = True
                b.label = key
                self.doc.footnotes[key].append(b)
                self.open = b
            self.open.add(a, e, le, brk)
            return True
        self.footnote = None
        self.close()
        return False

    def _opens(self, line: str, ls: int, le: int, brk: int, lineno: int) -> bool:
        """A code fence or a comment that opens on this line and hides the lines after it."""
        m = fence_opens(line)
        if m:
            self.close()
            b = self._new(CODE, lineno)
            b.ms, b.me = ls, le
            b.info = line[m.end():].strip().split(" ", 1)[0][:100]
            self.fence = b
            self.fence_mark = (m.group(1)[0], len(m.group(1)))
            self.table = 0
            self.doc.code_blocks += 1
            return True
        stripped = line.lstrip()
        if stripped.startswith("<!--") and "-->" not in stripped:
            self.close()
            self.comment = _BLOCK_COMMENT
            self.comments.append((ls, le + brk))
            return True
        return False

    def _quote_markers(self, ls: int, e: int) -> tuple[int, int]:
        """Where the text starts after the block quote markers (any depth), and the depth."""
        src = self.src
        pos, depth = ls, 0
        while True:
            p = pos
            while p < e and p - pos < 4 and src[p] in " \t":
                p += 1
            if p < e and src[p] == ">":
                depth += 1
                pos = p + 1
                if pos < e and src[pos] == " ":
                    pos += 1
            else:
                return pos, depth

    def _definition(self, ls: int, e: int, le: int, brk: int, lineno: int) -> bool:
        """A footnote definition (its first paragraph) or a link reference definition (hidden)."""
        src, doc = self.src, self.doc
        m = _FOOTDEF.match(src, ls, e)
        if m:
            self.close()
            key = label_key(m.group(1))
            b = self._new(PARAGRAPH, lineno)
            b.label = key
            b.ms, b.me = ls, m.end()
            doc.footnotes.setdefault(key, []).append(b)
            b.add(_leading_ws(src, m.end(), e), e, le, brk)
            self.open = b
            self.footnote, self.footnote_blank = key, False
            self.table = 0
            return True
        if self.open is None or self.open.kind != PARAGRAPH:
            m = _REFDEF.match(src, ls, e)
            if m and m.end() >= e - 40:
                self.close()
                doc.refs.setdefault(label_key(m.group(1)), m.group(2))
                self.table = 0
                return True
        return False

    def _heading_or_rule(self, rest: str, pos: int, e: int, le: int, brk: int, lineno: int,
                         depth: int) -> bool:
        """An ATX heading, a setext underline (the open paragraph becomes a heading) or a
        thematic break; ``rest``: the line after its quote markers, from ``pos``."""
        m = ATX_HEADING.match(rest)
        if m:
            self.close()
            a = pos + m.end()
            close = _ATX_CLOSE.search(self.src, a, e)
            b = self._new(HEADING, lineno, depth)
            b.level = len(m.group(1))
            b.add(a, close.start() if close else e, le, brk)
            self.gap = True
            self.table = 0
            return True
        op = self.open
        if op is not None and op.kind == PARAGRAPH and op.label is None and _SETEXT.match(rest):
            op.kind = HEADING
            op.setext = True
            op.level = 1 if rest.lstrip()[0] == "=" else 2
            self.close()
            self.gap = True
            return True
        if thematic_break(rest):
            self.close()
            b = self._new(RULE, lineno, depth)
            b.add(pos, e, le, brk)
            self.gap = True
            self.table = 0
            return True
        return False

    def _table_row(self, rest: str, ls: int, e: int, le: int, brk: int, lineno: int,
                   following) -> bool:
        """A row of the table being read, or a header row (a separator row follows)."""
        if self.table:
            if "|" in rest:
                self._row(lineno, ls, e, le, brk, header=False)
                return True
            self.table = 0
        elif "|" in rest and following is not None:
            src = self.src
            fs, fe, _ = following
            if "|" in src[fs:fe] and _TABLE_SEP.match(src, fs, fe):
                self.close()
                self.tables += 1
                self.table = self.tables
                self._row(lineno, ls, e, le, brk, header=True)
                self.skip_separator = True
                return True
        return False

    def _text(self, pos: int, e: int, le: int, brk: int, lineno: int, depth: int) -> None:
        """A list item, or text: it continues the open paragraph or item, else opens one."""
        src = self.src
        m = _LIST.match(src, pos, e)
        if m:
            self.close()
            b = self._new(ITEM, lineno, depth)
            b.ms = m.start(1) if m.group(1) else m.start(2)
            b.me = m.end()
            b.indent = b.ms - pos
            if m.group(2):
                b.number = m.group(2)
            else:
                b.bullet = m.group(1)
            b.add(m.end(), e, le, brk)
            self.open = b
            self.table = 0
            return
        a = _leading_ws(src, pos, e)
        op = self.open
        if op is not None and depth <= op.depth:
            op.add(a, e, le, brk)              # continues the paragraph or item (lazily)
            return
        self.close()
        b = self._new(PARAGRAPH, lineno, depth)
        b.add(a, e, le, brk)
        self.open = b
        self.table = 0

    def _cut(self, ls: int, le: int) -> int:
        """The end of the line's content: a comment left open cuts it (and hides what follows).
        Every comment of the line is noted in :attr:`Document.comments`."""
        src = self.src
        i = src.find("<!--", ls, le)
        while i >= 0:
            c = src.find("-->", i + 4, le)
            if c < 0:
                self.comments.append((i, le))
                self.comment = _LINE_COMMENT
                return i
            self.comments.append((i, c + 3))
            i = src.find("<!--", c + 3, le)
        return le

    def _row(self, lineno: int, ls: int, e: int, le: int, brk: int, header: bool) -> None:
        src = self.src
        b = self._new(ROW, lineno)
        b.table = self.table
        b.level = 1 if header else 0
        a = _leading_ws(src, ls, e)
        b.add(a, e, le, brk)
        cells: list[tuple[int, int, int]] = []
        start, pipe, i = a, -1, a
        while i < e:
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "|":
                cells.append((pipe, start, i))
                pipe, start = i, i + 1
            i += 1
        cells.append((pipe, start, e))
        if len(cells) > 1 and not src[cells[0][1]:cells[0][2]].strip():
            cells.pop(0)                          # the row opens with ``|``
        if len(cells) > 1 and not src[cells[-1][1]:cells[-1][2]].strip():
            cells.pop()                           # the row closes with ``|``
        trimmed = []
        for pipe, s, t in cells:
            while s < t and src[s] in " \t":
                s += 1
            while t > s and src[t - 1] in " \t":
                t -= 1
            trimmed.append((pipe, s, t))
        b.cells = trimmed


# -- inline ---------------------------------------------------------------------------------------
def _is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or (ch > "\x7f" and unicodedata.category(ch)[0] in "PS")


def _lex_block(doc: Document, block: Block) -> None:
    src = doc.source
    out = block.inlines
    if block.kind == ROW:
        for _, a, e in block.cells or ():
            nodes = _lex(doc, a, e, False)
            _pair(src, nodes)
            out.extend(nodes)
        return
    starts, ends = block.starts, block.ends
    last = len(starts) - 1
    for i in range(last + 1):
        a, e = starts[i], ends[i]
        if a >= e:
            continue
        out.extend(_lex(doc, a, e, False))
        # A hard line break: a backslash or two spaces ending a line.
        if src[e - 1] == "\\" and (not out or out[-1].end < e):
            out.append(Inline(BREAK, e - 1, e))
        elif e - a >= 3 and src[e - 1] == " " and src[e - 2] == " " and i < last:
            t = e
            while t > a and src[t - 1] == " ":
                t -= 1
            if not out or out[-1].end <= t:
                out.append(Inline(BREAK, t, e))
    _pair(src, out)


# The kind of node a match of :data:`_INLINE` is (``lastgroup`` names the last group it closed).
_GROUP_KIND = {"ialt": "image", "isrc": "image", "ltext": "link", "lurl": "link",
               "fnlabel": "fnref", "rtext": "reflink", "rref": "reflink", "aurl": "autolink",
               "tname": "tag"}


def _lex(doc: Document, a: int, e: int, nested: bool) -> list[Inline]:
    """The inline nodes of ``source[a:e]`` (one line, a cell or a link text when ``nested``)."""
    src = doc.source
    nodes: list[Inline] = []
    search = a
    url = None
    urls = not nested and (src.find("://", a, e) >= 0 or _DOT_LETTER.search(src, a, e) is not None)
    cs = -1                                  # the next candidate at or after ``search`` (e: none)
    while search < e:
        if cs < search:
            c = _CANDIDATE.search(src, search, e)
            cs = c.start() if c else e
        if urls:
            if url is not None and url.start() < search:
                url = None
            if url is None:
                url = URL_RE.search(src, search, e)
                if url is None:
                    urls = False
            if url is not None and url.start() < cs:
                nodes.append(Inline(URL, url.start(), url.end()))
                search = url.end()
                url = None
                continue
        if cs >= e:
            break
        m = _INLINE.match(src, cs, e)
        if m is None:
            search = cs + 1
            continue
        s, t = m.span()
        kind = m.lastgroup or ""
        kind = _GROUP_KIND.get(kind, kind)
        search = t
        if kind == "delim":
            delim = _delimiter(src, s, t, a, e)
            if delim is not None:
                nodes.append(delim)
        elif kind == "escape" or kind == "entity" or kind == "tag":
            nodes.append(_token(kind, m))
        elif kind == "code" or kind == "comment":
            closed = _code_span(src, s, t, e) if kind == "code" else _comment(src, s, t, e)
            if closed is not None:           # otherwise ``<!--`` or the backticks are text
                nodes.append(closed)
                search = closed.end
        elif nested:
            search = s + 1                   # no link, image, footnote or autolink in a link text
        else:
            linked = _link(doc, m, kind)
            if linked is None:
                search = s + 1               # brackets that are text: what is inside is read
            else:
                nodes.append(linked)
    return nodes


def _token(kind: str, m: re.Match) -> Inline:
    """An escape (``\\*``), an entity (``&amp;``: its text decoded) or a raw HTML tag (its
    lower-case name)."""
    s, t = m.span()
    if kind == "escape":
        return Inline(ESCAPE, s, t)
    if kind == "entity":
        node = Inline(ENTITY, s, t)
        node.target = html.unescape(m.group())
        return node
    node = Inline(TAG, s, t)
    node.target = m.group("tname").lower()
    return node


def _code_span(src: str, s: int, t: int, e: int) -> Inline | None:
    """The code span opened by the backticks ``src[s:t]``: closed by a run of exactly as many
    within 2,000 characters on the line, else None (the backticks are text)."""
    n = t - s
    ticks = src[s:t]
    reach = min(e, t + 2000)        # a code span is short
    close = src.find(ticks, t, reach)
    while close >= 0:               # a run of exactly as many backticks closes it
        r = close + n
        while r < e and src[r] == "`":
            r += 1
        if r - close == n:
            break
        close = src.find(ticks, r, reach)
    if close < 0:
        return None
    node = Inline(CODE_SPAN, s, close + n)
    ia, ib = t, close
    if ib - ia >= 2 and src[ia] == " " and src[ib - 1] == " " and src[ia:ib].strip():
        ia, ib = ia + 1, ib - 1
    node.a, node.b = ia, ib
    return node


def _comment(src: str, s: int, t: int, e: int) -> Inline | None:
    """The comment ``<!--`` (``src[s:t]``) opens, if it closes on the line."""
    close = src.find("-->", t, e)
    return Inline(COMMENT, s, close + 3) if close >= 0 else None


def _link(doc: Document, m: re.Match, kind: str) -> Inline | None:
    """The image, link, footnote reference, reference link or autolink ``m`` matched; None for a
    footnote or a reference whose label is not defined (its brackets are text)."""
    src = doc.source
    s, t = m.span()
    if kind == "image" or kind == "link":
        node = Inline(IMAGE if kind == "image" else LINK, s, t)
        node.a, node.b = m.span("ialt" if kind == "image" else "ltext")
        ts, te = m.span("isrc" if kind == "image" else "lurl")
        if te - ts >= 2 and src[ts] == "<" and src[te - 1] == ">":
            ts, te = ts + 1, te - 1
        node.ts, node.te, node.target = ts, te, src[ts:te]
        node.children = _lex_nested(doc, node.a, node.b)
        return node
    if kind == "fnref":
        key = label_key(m.group("fnlabel"))
        if key not in doc.footnotes:
            return None
        node = Inline(FOOTREF, s, t)
        node.target = key
        return node
    if kind == "reflink":
        ref = m.group("rref")
        key = label_key(ref if ref and ref.strip() else m.group("rtext"))
        target = doc.refs.get(key) if key else None
        if target is None:
            return None                      # ``[texte]``: not a link
        node = Inline(LINK, s, t)
        node.a, node.b = m.span("rtext")
        node.ts, node.te, node.target = s, t, target
        node.children = _lex_nested(doc, node.a, node.b)
        return node
    node = Inline(AUTOLINK, s, t)            # kind == "autolink"
    node.ts, node.te = m.span("aurl")
    node.target = m.group("aurl")
    return node


def _lex_nested(doc: Document, a: int, e: int) -> list[Inline]:
    nodes = _lex(doc, a, e, True)
    _pair(doc.source, nodes)
    return nodes


def _delimiter(src: str, s: int, t: int, lo: int, hi: int) -> Inline | None:
    """A run of ``*``, ``_`` or ``~~`` that may open or close emphasis (CommonMark's flanking
    rules), or None when it can do neither (it is then text)."""
    ch = src[s]
    if ch == "~" and t - s != 2:
        return None
    before = src[s - 1] if s > lo else " "
    after = src[t] if t < hi else " "
    b_space, a_space = before.isspace(), after.isspace()
    b_punct, a_punct = _is_punct(before), _is_punct(after)
    left = not a_space and (not a_punct or b_space or b_punct)
    right = not b_space and (not b_punct or a_space or a_punct)
    if ch == "_":
        can_open = left and (not right or b_punct)
        can_close = right and (not left or a_punct)
    else:
        can_open, can_close = left, right
    if not (can_open or can_close):
        return None
    node = Inline(DELIM, s, t)
    node.ts, node.te = can_open, can_close     # read by _pair; ``data`` is set once paired
    return node


def _pair(src: str, nodes: list[Inline]) -> None:
    """Pair the emphasis delimiters of one block (CommonMark's "process emphasis"). Linear: a
    closer never searches below where a closer of the same kind already failed (openers are
    numbered as they are pushed; ``bottom`` keeps, per kind, the first number still worth
    searching), and openers passed over by a match are dropped."""
    stack: list[list] = []      # openers: [node, remaining, original length, can_close, number]
    bottom: dict[tuple, int] = {}
    pushed = 0
    for node in nodes:
        if node.kind != DELIM:
            continue
        can_open, can_close = node.ts, node.te
        node.ts = node.te = 0
        char = src[node.start]
        length = node.end - node.start
        remaining = length
        if can_close and stack:
            while remaining:
                key = (char, length % 3, can_open)
                floor = bottom.get(key, 0)
                i = len(stack) - 1
                while i >= 0 and stack[i][4] >= floor:
                    o = stack[i]
                    if src[o[0].start] == char and not (
                            (can_open or o[3]) and (o[2] + length) % 3 == 0
                            and not (o[2] % 3 == 0 and length % 3 == 0)):
                        break
                    i -= 1
                if i < 0 or stack[i][4] < floor:
                    bottom[key] = pushed
                    break
                o = stack[i]
                opener = o[0]
                if char == "~":
                    kind, width = STRIKE, 2
                elif o[1] >= 2 and remaining >= 2:
                    kind, width = STRONG, 2
                else:
                    kind, width = EMPHASIS, 1
                if opener.data is None:
                    opener.data = ([], [])
                if node.data is None:
                    node.data = ([], [])
                opener.data[1].append((kind, node))
                opener.b += width
                o[1] -= width
                node.data[0].append((kind, opener))
                node.a += width
                remaining -= width
                del stack[i + 1:]             # openers in between are text now
                if not o[1]:
                    stack.pop()
                if not stack:
                    break
        if can_open and remaining:
            stack.append([node, remaining, length, can_close, pushed])
            pushed += 1


def plain_alt(doc: Document, image: Inline) -> str:
    """The alt text of an image as a reader hears it (markup left out, entities decoded)."""
    src = doc.source
    out: list[str] = []
    pos = image.a
    for n in image.children or ():
        out.append(src[pos:n.start])
        pos = n.end
        k = n.kind
        if k == ESCAPE:
            out.append(src[n.start + 1])
        elif k == CODE_SPAN:
            out.append(src[n.a:n.b])
        elif k == ENTITY:
            out.append(n.target)
        elif k == DELIM:
            out.append(src[n.start + n.a:n.end - n.b])
    out.append(src[pos:image.b])
    return "".join(out)
