"""The prose projection of a Markdown post: what a reader reads, in scopes, with source offsets.

The post is cut into blocks (headings, paragraphs, list items, quotes, table rows) and each block's
inline Markdown is reduced to its words: emphasis markers, code, URLs, HTML tags and attributes and
comments are dropped, entities and escapes decoded, link text kept. Image alt text and image file
names become segments of their own. Every segment keeps an :class:`OffsetMap` to the source, so a
match anywhere in the projection has exact offsets in the file as written (CRLF, front matter and
emoji included).

Scanning is line by line with bounded inline patterns: time is linear in the size of the post,
whatever its Markdown (deep nesting, enormous lines, unclosed fences).
"""
from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass, field

from editor.document.post import FrontMatter, parse_front_matter
from editor.text.offsets import OffsetMap

IMAGE_MARK = "\ue000"   # stands in the prose where an image is, so rules can see images side by side
PROSE_SCOPES = ("title", "heading", "paragraph", "list", "quote", "table")
MEDIA_SCOPES = ("alt", "image-name")


@dataclass(slots=True)
class Segment:
    scope: str
    block: int          # index of the block (paragraph, list item...) it belongs to
    text: str
    map: OffsetMap      # text -> source


@dataclass(slots=True)
class ImageRef:
    target: str         # as written in the Markdown
    alt: str
    start: int          # source span of the whole ``![alt](target)``
    end: int
    target_start: int   # source span of the target
    target_end: int
    block: int


@dataclass
class Projection:
    source: str
    segments: list[Segment] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    front_matter: FrontMatter = field(default_factory=FrontMatter)
    code_blocks: int = 0   # fenced blocks left out of the check


_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"[ ]{0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*$")
_LIST = re.compile(r"[ \t]*(?:[-*+•]|\d{1,9}[.)])(?:[ \t]+|$)")
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*){0,200}"
                        r"\|?[ \t]*$")
_TITLE = re.compile(r"^title[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)

# Bounded, possessive where giving back cannot help, and never scanning across the next ``[``,
# ``(`` or ``<!--`` (which the next attempt scans): each character is looked at a bounded number of
# times (100,000 ``[`` took 3.3 s when each scanned up to 1,000 characters of the next ones).
_LINK_TARGET = r"(?:[^()\s]|\([^()\s]{0,200}+\)){0,2000}+"
_LINK_TITLE = r"(?:[ \t]+(?:\"[^\"\n]{0,500}+\"|'[^'\n]{0,500}+'))?[ \t]*\)"
_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>`+)"
    r"|(?P<image>!\[(?P<ialt>[^\[\]\n]{0,1000}+)\]\([ \t]*"
    r"(?P<isrc><[^>\n]{0,2000}+>|" + _LINK_TARGET + r")" + _LINK_TITLE + r")"
    r"|(?P<link>\[(?P<ltext>[^\[\]\n]{0,1000}+)\]\([ \t]*"
    r"(?:<[^>\n]{0,2000}+>|" + _LINK_TARGET + r")" + _LINK_TITLE + r")"
    r"|(?P<reflink>\[(?P<rtext>[^\[\]\n]{0,1000}+)\]\[[^\[\]\n]{0,200}+\])"
    r"|(?P<autolink><(?:https?|mailto|ftp):[^>\s]{1,2000}+>)"
    r"|(?P<comment><!--(?:[^<-]|<(?!!--)|-(?!->)){0,5000}+-->)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}+(?:[ \t\n][^<>]{0,2000}+)?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emph>\*{1,3}(?!\*)|~~|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_]))"
)
_INLINE_TAGS = {"b", "i", "em", "strong", "u", "s", "span", "mark", "sup", "sub", "small", "a",
                "abbr", "cite", "del", "ins", "q", "code", "kbd", "font"}
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")


class _Builder:
    """Accumulates the text of one segment and its offset map."""

    __slots__ = ("parts", "map")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.map = OffsetMap()

    def copy(self, src: str, a: int, b: int) -> None:
        if b > a:
            self.parts.append(src[a:b])
            self.map.add(a, b - a, b - a)

    def put(self, text: str, a: int, b: int) -> None:
        """Add ``text`` standing for the source cluster ``[a, b)``."""
        if text:
            self.parts.append(text)
            self.map.add(a, b - a, len(text))

    def text(self) -> str:
        return "".join(self.parts)


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
    m = _FENCE.match(line)
    return bool(m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1]
                and not line[m.end():].strip())


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


class _Parser:
    def __init__(self, src: str, proj: Projection) -> None:
        self.src = src
        self.proj = proj
        self.block = 0
        # current block: scope and its lines' (content_start, content_end, break_len), kept in
        # machine integers (a paragraph of millions of short lines costs 12 bytes a line)
        self.scope: str | None = None
        self.lines: list[array] = [array("i"), array("i"), array("i")]

    # -- blocks -------------------------------------------------------------------------------
    def _clear(self) -> None:
        for col in self.lines:
            del col[:]

    def _add(self, a: int, e: int, brk: int) -> None:
        starts, ends, brks = self.lines
        starts.append(a)
        ends.append(e)
        brks.append(brk)

    def flush(self) -> None:
        if self.scope is None or not self.lines[0]:
            self.scope = None
            self._clear()
            return
        b = _Builder()
        starts, ends, brks = self.lines
        last = len(starts) - 1
        for i in range(last + 1):
            e = ends[i]
            self.inline(b, starts[i], e)
            if i < last:
                b.put("\n", e, e + max(brks[i], 1))
        text = b.text()
        if text.strip():
            self.proj.segments.append(Segment(self.scope, self.block, text, b.map))
        self.block += 1
        self.scope = None
        self._clear()

    def start(self, scope: str, a: int, e: int, brk: int) -> None:
        self.flush()
        self.scope = scope
        self._add(a, e, brk)

    def run(self, body_start: int) -> None:
        src = self.src
        fence: tuple[str, int] | None = None
        in_comment = False
        for ls, le, brk in iter_lines(src, body_start):
            line = src[ls:le]
            if fence:
                if fence_closes(line, fence):
                    fence = None
                continue
            if in_comment:
                if "-->" in line:
                    in_comment = False
                continue
            if not line.strip():
                self.flush()
                continue
            m = _FENCE.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
                self.flush()
                fence = (m.group(1)[0], len(m.group(1)))
                self.proj.code_blocks += 1
                continue
            stripped = line.lstrip()
            if stripped.startswith("<!--") and "-->" not in stripped:
                self.flush()
                in_comment = True
                continue
            # Block quote markers (any depth).
            pos = ls
            quoted = False
            while True:
                p = pos
                while p < le and p - pos < 4 and src[p] in " \t":
                    p += 1
                if p < le and src[p] == ">":
                    quoted = True
                    pos = p + 1
                    if pos < le and src[pos] == " ":
                        pos += 1
                else:
                    break
            rest = src[pos:le]
            m = _ATX.match(rest)
            if m:
                a = pos + m.end()
                close = _ATX_CLOSE.search(src, a, le)
                e = close.start() if close else le
                self.start("heading", a, e, brk)
                self.flush()
                continue
            if self.scope in ("paragraph", "quote") and self.lines[0] and _SETEXT.match(rest) \
                    and not _LIST.match(rest.strip("=") or "x"):
                self.scope = "heading"
                self.flush()
                continue
            if thematic_break(rest):
                self.flush()
                continue
            if _TABLE_SEP.match(rest) and "|" in rest:
                if self.scope in ("paragraph", "table"):
                    self.scope = "table"
                continue
            m = _LIST.match(rest)
            if m:
                self.start("quote" if quoted else "list", pos + m.end(), le, brk)
                continue
            a = pos + (len(rest) - len(rest.lstrip()))
            if self.scope is not None and self.lines[0]:
                if quoted and self.scope != "quote":
                    self.start("quote", a, le, brk)
                elif self.scope == "table" or (rest.lstrip().startswith("|") and self.scope != "list"):
                    self.start("table", a, le, brk)
                else:
                    self._add(a, le, brk)
                continue
            scope = "quote" if quoted else ("table" if rest.lstrip().startswith("|") else "paragraph")
            self.start(scope, a, le, brk)
        self.flush()

    # -- inline -------------------------------------------------------------------------------
    def inline(self, b: _Builder, a: int, e: int, in_link: bool = False) -> None:
        src = self.src
        pos = a
        for m in _INLINE.finditer(src, a, e):
            s, t = m.span()
            if s < pos:
                continue
            kind = m.lastgroup
            if kind in ("ialt", "isrc", "ltext", "rtext"):
                kind = next(k for k in ("image", "link", "reflink") if m.group(k))
            if kind == "code":
                ticks = m.group("code")
                close = src.find(ticks, t, min(e, t + 2000))
                while close >= 0 and close + len(ticks) < e and src[close + len(ticks)] == "`":
                    close = src.find(ticks, close + len(ticks) + 1, min(e, t + 2000))
                if close < 0:
                    continue  # a lone backtick is text
                b.copy(src, pos, s)
                b.put(" ", s, close + len(ticks))
                pos = close + len(ticks)
                continue
            b.copy(src, pos, s)
            pos = t
            if kind == "escape":
                b.put(src[s + 1], s, t)
            elif kind == "image":
                b.put(" " + IMAGE_MARK + " ", s, t)
                self.image(m)
            elif kind == "link" and not in_link:
                self.inline(b, m.start("ltext"), m.end("ltext"), in_link=True)
            elif kind == "reflink" and not in_link:
                self.inline(b, m.start("rtext"), m.end("rtext"), in_link=True)
            elif kind in ("link", "reflink"):
                b.copy(src, s, t)
            elif kind in ("autolink", "comment"):
                b.put(" ", s, t)
            elif kind == "tag":
                name = _TAG_NAME.match(m.group()).group(1).lower()
                if name not in _INLINE_TAGS:
                    b.put(" ", s, t)
            elif kind == "entity":
                decoded = html.unescape(m.group())
                if decoded == m.group():
                    b.copy(src, s, t)
                else:
                    b.put(decoded.replace("\u00a0", " "), s, t)
            # emph: markers are dropped
        b.copy(src, pos, e)

    def image(self, m: re.Match) -> None:
        src = self.src
        alt_b = _Builder()
        self.inline(alt_b, m.start("ialt"), m.end("ialt"), in_link=True)
        alt = alt_b.text()
        if alt.strip():
            self.proj.segments.append(Segment("alt", self.block, alt, alt_b.map))
        ts, te = m.span("isrc")
        target = m.group("isrc")
        if target.startswith("<") and target.endswith(">"):
            ts, te, target = ts + 1, te - 1, target[1:-1]
        self.proj.images.append(ImageRef(target, alt, m.start(), m.end(), ts, te, self.block))
        # The file name (without folders and extension) is a segment of its own.
        path_end = te
        for sep in "?#":
            cut = src.find(sep, ts, te)
            if cut >= 0:
                path_end = min(path_end, cut)
        slash = max(src.rfind("/", ts, path_end), src.rfind("\\", ts, path_end))
        name_start = slash + 1 if slash >= 0 else ts
        dot = src.rfind(".", name_start, path_end)
        name_end = dot if dot > name_start else path_end
        if name_end > name_start and not target.startswith("data:"):
            nb = _Builder()
            nb.copy(src, name_start, name_end)
            self.proj.segments.append(Segment("image-name", self.block, nb.text(), nb.map))


def project(source: str) -> Projection:
    """Build the prose projection of a post's source text."""
    proj = Projection(source)
    fm = parse_front_matter(source)
    proj.front_matter = fm
    parser = _Parser(source, proj)
    if fm.end:
        m = _TITLE.search(source, 0, fm.end)
        if m and m.group(1):
            a, e = m.span(1)
            if e - a >= 2 and source[a] in "\"'" and source[e - 1] == source[a]:
                a, e = a + 1, e - 1
            if e > a:
                parser.start("title", a, e, 0)
                parser.flush()
    parser.run(fm.end)
    return proj
