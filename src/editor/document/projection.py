"""The prose projection of a Markdown post: what a reader reads, in scopes, with source offsets.

A rendering of the post as :mod:`editor.document.markdown` reads it. Each block (heading,
paragraph, list item, quoted paragraph, table row, footnote paragraph) becomes a segment of its
scope, its inline Markdown reduced to words: paired emphasis markers, code spans, raw HTML tags
and comments, footnote marks and hard-break backslashes are left out, entities and escapes
decoded, link text kept (not the link's target), autolinks and bare URLs kept as written. Image
alt text and image file names become segments of their own. Every segment keeps an
:class:`OffsetMap` to the source, so a match anywhere in the projection has exact offsets in the
file as written (CRLF, front matter and emoji included).

Linear in the size of the post, like the reader.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from editor.document import markdown as md
from editor.document.post import FrontMatter
from editor.text.offsets import OffsetMap

# Stands in the prose where an image is, so rules can see images side by side.
IMAGE_MARK = "\ue000"
PROSE_SCOPES = ("title", "heading", "paragraph", "list", "quote", "table")
MEDIA_SCOPES = ("alt", "image-name")

# Inline HTML tags that sit inside a word (``<b>mot</b>``): left out without a space.
_INLINE_TAGS = {"b", "i", "em", "strong", "u", "s", "span", "mark", "sup", "sub", "small", "a",
                "abbr", "cite", "del", "ins", "q", "code", "kbd", "font"}


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


def _scope(block: md.Block) -> str:
    if block.kind == md.HEADING:
        return "heading"
    if block.kind == md.ROW:
        return "table"
    if block.quote:
        return "quote"
    return "list" if block.kind == md.ITEM else "paragraph"


class _Projector:
    def __init__(self, doc: md.Document, proj: Projection) -> None:
        self.doc = doc
        self.src = doc.source
        self.proj = proj
        self.block = 0
        self.media: list[Segment] = []

    def segment(self, scope: str, b: _Builder) -> None:
        text = b.text()
        if text.strip():
            self.proj.segments.append(Segment(scope, self.block, text, b.map))

    def run(self) -> None:
        doc, src = self.doc, self.src
        if doc.title:
            b = _Builder()
            b.copy(src, *doc.title)
            self.segment("title", b)
            self.block += 1
        for block in doc.blocks:
            if block.kind in (md.CODE, md.RULE):
                continue
            b = _Builder()
            nodes = block.inlines
            k = 0
            starts, ends, lends, brks = block.starts, block.ends, block.lends, block.brks
            last = len(starts) - 1
            for i in range(last + 1):
                a, e = starts[i], ends[i]
                j = k
                while j < len(nodes) and nodes[j].start < e:
                    j += 1
                self.inline(b, nodes[k:j] if j > k else (), a, e)
                k = j
                if i < last:
                    le = lends[i]
                    b.put("\n", le, le + max(brks[i], 1))
            proj = self.proj
            if self.media:
                proj.segments.extend(self.media)
                self.media = []
            self.segment(_scope(block), b)
            self.block += 1

    def inline(self, b: _Builder, nodes, a: int, e: int) -> None:
        src = self.src
        pos = a
        for n in nodes:
            b.copy(src, pos, n.start)
            pos = n.end
            kind = n.kind
            if kind == md.DELIM:
                b.copy(src, n.start + n.a, n.end - n.b)
            elif kind == md.URL:
                b.copy(src, n.start, n.end)
            elif kind == md.ESCAPE:
                b.put(src[n.start + 1], n.start, n.end)
            elif kind == md.LINK:
                self.inline(b, n.children, n.a, n.b)
            elif kind == md.ENTITY:
                if n.target == src[n.start:n.end]:
                    b.copy(src, n.start, n.end)
                else:
                    b.put(n.target.replace("\u00a0", " "), n.start, n.end)
            elif kind == md.IMAGE:
                b.put(" " + IMAGE_MARK + " ", n.start, n.end)
                self.image(n)
            elif kind == md.AUTOLINK:
                b.put(" ", n.start, n.ts)
                b.copy(src, n.ts, n.te)
                b.put(" ", n.te, n.end)
            elif kind == md.TAG:
                if n.target not in _INLINE_TAGS:
                    b.put(" ", n.start, n.end)
            elif kind in (md.CODE_SPAN, md.COMMENT):
                b.put(" ", n.start, n.end)
            # footnote marks and hard breaks: nothing
        b.copy(src, pos, e)

    def image(self, n: md.Inline) -> None:
        src = self.src
        alt_b = _Builder()
        self.inline(alt_b, n.children, n.a, n.b)
        alt = alt_b.text()
        if alt.strip():
            self.media.append(Segment("alt", self.block, alt, alt_b.map))
        ts, te, target = n.ts, n.te, n.target
        self.proj.images.append(ImageRef(target, alt, n.start, n.end, ts, te, self.block))
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
            self.media.append(Segment("image-name", self.block, nb.text(), nb.map))


def project(source: str) -> Projection:
    """Build the prose projection of a post's source text."""
    doc = md.parse(source)
    proj = Projection(source, front_matter=doc.front_matter, code_blocks=doc.code_blocks)
    with md.collector_paused():
        _Projector(doc, proj).run()
    return proj
