"""Markdown → each network's plain text (networks.md §2.2), with a map back to the source.

A rendering of the post as :mod:`editor.document.markdown` reads it (the dialect is described
there). What the conversion does, whatever the network:

- no heading ``#`` is ever left (it would become a hashtag): a heading becomes its own line followed
  by a blank line (optionally in capitals);
- emphasis markers are removed (``**mot**`` → ``mot``); a marker that pairs with nothing is text
  (``5 * 3``, ``5*3``); Unicode pseudo-bold only when asked (``ConvertOptions(pseudo_bold=True)``),
  with a note: accented letters stay plain, screen readers skip it or spell it, search does not
  find it;
- list items become ``• item`` lines (the profile's ``bullet``; X uses ``–``), numbered items keep
  their number, nesting is flattened;
- links become ``texte : url``; where links are not clickable (Instagram) the URL is replaced by
  « lien en bio » and the link is listed in ``links`` (the ``platform`` check flags it);
- images leave the text and become ``attachments`` with their alt text;
- block quotes become « … » (a list in a quotation keeps its bullets, paragraphs of one
  quotation stay in the same « »); code blocks, tables and HTML become lines of text, with a note;
- the author's line breaks are kept; runs of blank lines become one blank line;
- text is NFC; U+202F (narrow no-break space) follows the profile's ``nbsp`` policy; the profile's
  ``forbidden_chars`` (YouTube: ``<`` ``>``) are removed, with a note.
- footnotes (``[^1]`` and ``[^1]: texte``) become « [1] » in the text and the notes, numbered in
  the order they are first cited, at the end (``[1] texte``);

Every character of the result keeps the source span it came from (``Conversion.source_span``), so a
``platform`` finding can point at the passage in the Markdown file.

Time and memory are linear in the post, like the reader's; the map back to the source is kept in
machine integers (8 bytes a character; 50 MB took over 10 GB as one Python list per character).
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from editor.document import markdown as md
from editor.document.post import parse_front_matter
from editor.export.networks import NetworkProfile

LINK_IN_BIO = "lien en bio"
NBSP = "\u00a0"
NNBSP = "\u202f"


@dataclass
class ConvertOptions:
    pseudo_bold: bool = False          # **bold** → Unicode sans-serif bold (opt-in, with a note)
    heading_style: str = "plain"       # "plain" or "caps"
    nbsp: str | None = None            # None: the profile's policy; else keep / nbsp / space


@dataclass
class Attachment:
    target: str          # as written in the Markdown
    alt: str
    start: int           # source span of ``![alt](target)``
    end: int


@dataclass
class LinkRef:
    url: str
    text: str
    start: int           # source span of the link (or bare URL)
    end: int


@dataclass
class Note:
    """Something the conversion changed that the author should know (French message)."""
    kind: str            # code, table, html, pseudo-bold, forbidden-char
    message: str
    start: int
    end: int


@dataclass
class Conversion:
    network: str
    text: str
    starts: array                      # per character of ``text``: source span it came from
    ends: array
    attachments: list[Attachment] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        """Source span (code points) of ``text[i:j]``."""
        j = max(j, i + 1)
        return min(self.starts[i:j]), max(self.ends[i:j])

    @property
    def hook(self) -> str:
        """The first line: what must fit before the « voir plus » fold."""
        return self.text.split("\n", 1)[0]


MSG_CODE = "Bloc de code converti en lignes de texte : les réseaux n’affichent pas le code."
MSG_TABLE = "Tableau converti en lignes de texte : les réseaux n’affichent pas les tableaux."
MSG_HTML = "HTML retiré : les réseaux n’affichent que du texte."
MSG_BOLD = ("Gras Unicode : les lettres accentuées restent en maigre, les lecteurs d’écran ne le "
            "lisent pas (ou l’épellent) et la recherche ne le trouve pas. À éviter pour les "
            "mises en garde et les risques.")
NOTES_PER_KIND = 100     # 100,000 forbidden characters give 100 notes, not 100,000

MSG_FORBIDDEN = "Caractère « {ch} » retiré : {label} ne l’accepte pas."


def pseudo_bold(text: str) -> str:
    """ASCII letters and digits → Mathematical sans-serif bold; everything else unchanged."""
    out = []
    for ch in text:
        if "A" <= ch <= "Z":
            out.append(chr(0x1D5D4 + ord(ch) - 65))
        elif "a" <= ch <= "z":
            out.append(chr(0x1D5EE + ord(ch) - 97))
        elif "0" <= ch <= "9":
            out.append(chr(0x1D7EC + ord(ch) - 48))
        else:
            out.append(ch)
    return "".join(out)


class _Line:
    """The text of one output line and, per character, the source span it came from.

    Text is kept as the pieces it was built from and spans as machine integers: about 8 bytes a
    character, where a Python list ``[char, start, end]`` per character took over 200.
    """

    __slots__ = ("parts", "starts", "ends")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts = array("i")
        self.ends = array("i")

    def put(self, text: str, a: int, b: int) -> None:
        """``text`` standing for the source cluster ``[a, b)`` (every character maps to it)."""
        if text:
            self.parts.append(text)
            self.starts.extend(array("i", (a,)) * len(text))
            self.ends.extend(array("i", (b,)) * len(text))

    def put_identity(self, text: str, a: int) -> None:
        """``text`` copied from the source at ``a``, character for character."""
        if text:
            self.parts.append(text)
            self.starts.extend(range(a, a + len(text)))
            self.ends.extend(range(a + 1, a + len(text) + 1))

    def extend(self, other: "_Line") -> None:
        self.parts.extend(other.parts)
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)

    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts[:] = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def strip(self, chars: str, leading: bool) -> None:
        """Remove ``chars`` from the start (``leading``) or the end of the line."""
        t = self.text()
        k = len(t) - len(t.lstrip(chars) if leading else t.rstrip(chars))
        if not k:
            return
        if leading:
            self.parts[:] = [t[k:]]
            del self.starts[:k], self.ends[:k]
        else:
            self.parts[:] = [t[:-k]]
            del self.starts[-k:], self.ends[-k:]

    def prepend(self, other: "_Line") -> None:
        self.parts[:0] = other.parts
        self.starts[:0] = other.starts
        self.ends[:0] = other.ends

    def upper(self) -> None:
        """Capitals, where a letter's capital is one character (``ß`` stays)."""
        t = self.text()
        up = t.upper()
        if len(up) != len(t):
            up = "".join(c.upper() if len(c.upper()) == 1 else c for c in t)
        self.parts[:] = [up] if up else []


class _Output:
    """The converted lines so far, as one text and its spans (blank lines between paragraphs).

    Lines are kept as text pieces, gathered into chunks as they pile up, so a post of millions of
    short lines costs a few bytes a character, not an object per line.
    """

    CHUNK = 4096

    def __init__(self) -> None:
        self.done: list[str] = []        # older lines, joined by chunks
        self.parts: list[str] = []       # recent pieces; the last line starts at ``last_part``
        self.starts = array("i")
        self.ends = array("i")
        self.last_part = 0
        self.last_char = 0               # index (in the arrays) where the last line starts
        self.lines = 0
        self.blank = False               # a blank line is due before the next line

    def add(self, line: _Line) -> None:
        if self.lines:
            anchor = self.ends[-1]
            breaks = "\n\n" if self.blank else "\n"
            self.parts.append(breaks)
            self.starts.extend(array("i", (anchor,)) * len(breaks))
            self.ends.extend(array("i", (anchor,)) * len(breaks))
        if len(self.parts) >= self.CHUNK:
            self.done.append("".join(self.parts))
            self.parts.clear()
        self.last_part, self.last_char = len(self.parts), len(self.starts)
        self.parts.extend(line.parts)
        self.starts.extend(line.starts)
        self.ends.extend(line.ends)
        self.lines += 1
        self.blank = False

    def upper_last(self) -> None:
        """The last line in capitals (a setext heading), one character for one."""
        last = _Line()
        last.parts = self.parts[self.last_part:]
        last.upper()
        self.parts[self.last_part:] = last.parts

    def text(self) -> str:
        return "".join(self.done) + "".join(self.parts)


_HTML_BLOCK = re.compile(r"[ ]{0,3}</?(?:div|p|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|section|"
                         r"article|details|summary|center|blockquote|pre|figure|figcaption|img|br|"
                         r"hr|span|iframe|video|audio)\b", re.IGNORECASE)
_SCHEME_WWW = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)


class _Converter:
    def __init__(self, doc: md.Document, profile: NetworkProfile, options: ConvertOptions) -> None:
        self.doc = doc
        self.src = doc.source
        self.p = profile
        self.o = options
        self.out = _Output()
        self.conv = Conversion(profile.name, "", array("i"), array("i"))
        self.notes_by_kind: dict[str, list[Note]] = {}
        self.bold: list[tuple[int, int]] = []
        self.bold_ends: list[int] = []
        self.caps = False
        self.cited: dict[str, int] = {}                      # label -> number, in citing order
        self.cite_order: list[str] = []                      # the same labels, by number

    # -- output ---------------------------------------------------------------------------------
    def blank(self) -> None:
        if self.out.lines:
            self.out.blank = True

    def emit(self, line: _Line) -> None:
        if line.text().strip():
            self.out.add(line)

    def note(self, kind: str, message: str, a: int, b: int) -> None:
        """Tell the author once per passage (a note already covering ``a`` is enough)."""
        mine = self.notes_by_kind.setdefault(kind, [])
        if len(mine) >= NOTES_PER_KIND:
            return
        k = bisect_right(mine, a, key=lambda n: n.start) - 1
        if k >= 0 and mine[k].start <= a < mine[k].end:
            return
        n = Note(kind, message, a, max(b, a + 1))
        mine.insert(k + 1, n)
        self.conv.notes.append(n)

    def copy(self, line: _Line, a: int, b: int) -> None:
        if b <= a:
            return
        seg = self.src[a:b]
        if self.bold:
            k = bisect_right(self.bold_ends, a)        # the first bold span ending after a
            if k < len(self.bold) and self.bold[k][0] < b:
                self._copy_bold(line, a, b, k)
                return
        nf = unicodedata.normalize("NFC", seg)
        if len(nf) == len(seg):
            if self.caps:
                nf = nf.upper() if len(nf.upper()) == len(nf) else nf
            line.put_identity(nf, a)
        else:
            line.put(self._case(nf), a, b)

    def _copy_bold(self, line: _Line, a: int, b: int, k: int) -> None:
        """Character by character (no NFC), bold spans in pseudo-bold letters."""
        src = self.src
        pos = a
        while pos < b:
            if k < len(self.bold) and self.bold[k][0] <= pos:
                end, bold = min(b, self.bold[k][1]), True
                k += 1
            else:
                end = min(b, self.bold[k][0]) if k < len(self.bold) else b
                bold = False
            for i in range(pos, end):
                ch = self._case(src[i])
                line.put(pseudo_bold(ch) if bold else ch, i, i + 1)
            pos = end

    def _set_bold(self, block: md.Block) -> None:
        """The block's strong emphasis (``**mot**``) in pseudo-bold, with a note each."""
        spans: list[tuple[int, int]] = []
        nodes = list(block.inlines)
        for n in block.inlines:
            if n.kind == md.LINK and n.children:
                nodes.extend(n.children)
        for n in nodes:
            if n.kind == md.DELIM and n.data:
                for kind, closer in n.data[1]:
                    if kind == md.STRONG and closer.start > n.end:
                        spans.append((n.end, closer.start))
                        self.note("pseudo-bold", MSG_BOLD, n.end - 2, closer.start + 2)
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self.bold = merged
        self.bold_ends = [e for _, e in merged]

    def _case(self, s: str) -> str:
        return s.upper() if self.caps else s

    # -- blocks ---------------------------------------------------------------------------------
    def run(self) -> Conversion:
        blocks = self.doc.blocks
        i, n = 0, len(blocks)
        while i < n:
            b = blocks[i]
            if b.quote:
                j = i + 1
                while j < n and blocks[j].quote == b.quote:
                    j += 1
                self.quotation(blocks[i:j])
                i = j
                continue
            self.block(b)
            i += 1
        self.footnote_lines()
        return self.finish()

    def lines(self, block: md.Block, bullets: bool = True):
        """The block's lines as output lines (a list item's first one with its bullet)."""
        if self.o.pseudo_bold:
            self._set_bold(block)
        nodes = block.inlines
        k = 0
        starts, ends = block.starts, block.ends
        for i in range(len(starts)):
            a, e = starts[i], ends[i]
            j = k
            while j < len(nodes) and nodes[j].start < e:
                j += 1
            out = _Line()
            marker = ""
            if i == 0 and block.kind == md.ITEM and bullets:
                marker = f"{block.number}." if block.number else self.p.bullet
                out.put(marker + " ", block.ms, block.me)
            if block.kind in (md.PARAGRAPH, md.ITEM) and _HTML_BLOCK.match(self.src, a, e):
                self.note("html", MSG_HTML, a, e)
            self.inline(out, nodes[k:j], a, e)
            k = j
            if not marker or out.text().strip() != marker:
                yield out
        self.bold, self.bold_ends = [], []

    def block(self, b: md.Block) -> None:
        kind = b.kind
        if b.label is not None:
            return                            # a footnote: at the end
        if kind == md.CODE:
            self.blank()
            self.note("code", MSG_CODE, b.ms, b.me)
            for a, e in zip(b.starts, b.ends):
                out = _Line()
                self.copy(out, a, e)
                self.emit(out)
            if b.closed:
                self.blank()
            return
        if kind == md.RULE:
            self.blank()
            return
        if b.gap:
            self.blank()
        if kind == md.HEADING:
            self.blank()
            self.caps = self.o.heading_style == "caps"
            for out in self.lines(b):
                self.emit(out)
            self.caps = False
            self.blank()
            return
        if kind == md.ROW:
            self.row(b)
            return
        for out in self.lines(b):
            self.emit(out)

    def row(self, b: md.Block) -> None:
        """A table row: its cells on one line, separated by dashes."""
        if b.level:
            self.note("table", MSG_TABLE, b.starts[0], b.lends[0])
        if self.o.pseudo_bold:
            self._set_bold(b)
        nodes = b.inlines
        out = _Line()
        k = 0
        first = True
        for pipe, a, e in b.cells or ():
            j = k
            while j < len(nodes) and nodes[j].start < e:
                j += 1
            if a < e:
                if not first:
                    out.put(" – ", pipe, pipe + 1)     # a later cell follows a pipe
                first = False
                self.inline(out, nodes[k:j], a, e)
            k = j
        self.bold, self.bold_ends = [], []
        self.emit(out)

    def quotation(self, blocks: list[md.Block]) -> None:
        """One block quote: « … » around the quotation (unless it opens with its own quotes)."""
        pending: list[tuple[_Line, bool]] = []
        for k, b in enumerate(blocks):
            gap = b.gap and k > 0
            if b.kind in (md.CODE, md.RULE):
                continue
            for out in self.lines(b):
                if out.text().strip():
                    pending.append((out, gap))
                    gap = False
        if not pending:
            return
        if blocks[0].gap:
            self.blank()
        first, last = pending[0][0], pending[-1][0]
        first.strip(" \t", leading=True)
        marks = not first.text().startswith(("«", "\"", "“"))
        if marks:
            qs = blocks[0].start
            opening = _Line()
            opening.put("«" + NBSP, qs, qs)
            first.prepend(opening)
        last.strip(" \t", leading=False)
        if marks:
            tail = blocks[-1]
            qe = tail.lends[-1] if tail.lends else tail.start
            last.put(NBSP + "»", qe, qe)
        for out, gap in pending:
            if gap:
                self.blank()
            self.emit(out)

    def cite(self, label: str) -> int:
        """The number of footnote ``label`` (the next one when it is first cited)."""
        n = self.cited.get(label)
        if n is None:
            n = self.cited[label] = len(self.cited) + 1
            self.cite_order.append(label)
        return n

    def footnote_lines(self) -> None:
        """The notes at the end, « [1] texte », in the order they were first cited (a note may
        cite another), then the ones never cited, so no text is lost."""
        notes = self.doc.footnotes
        if not notes:
            return
        self.blank()
        k = 0
        while True:
            if k == len(self.cite_order):
                rest = [label for label in notes if label not in self.cited]
                if not rest:
                    break
                for label in rest:
                    self.cite(label)
            label = self.cite_order[k]
            k += 1
            self.emit(self.footnote_line(label, self.cited[label]))

    def footnote_line(self, label: str, n: int) -> _Line:
        """One note on one line: its paragraphs joined (the first definition of a label)."""
        blocks = self.doc.footnotes[label]
        out = _Line()
        out.put(f"[{n}] ", blocks[0].ms, blocks[0].me)
        prev = -1
        for i, b in enumerate(blocks):
            if i and b.ms >= 0:
                break                         # the label defined again: the first one counts
            for line in self.lines(b, bullets=False):
                a = line.starts[0] if len(line.starts) else b.starts[0]
                if prev >= 0:
                    out.put(" ", prev, max(prev, a))
                out.extend(line)
                prev = line.ends[-1] if len(line.ends) else a
        return out

    # -- inline ---------------------------------------------------------------------------------
    def inline(self, out: _Line, nodes, a: int, e: int) -> None:
        src = self.src
        pos = a
        for n in nodes:
            self.copy(out, pos, n.start)
            pos = n.end
            s, t = n.start, n.end
            kind = n.kind
            if kind == md.DELIM:
                self.copy(out, s + n.a, t - n.b)
            elif kind == md.URL:
                self.conv.links.append(LinkRef(src[s:t], src[s:t], s, t))
                if self.p.links_clickable:
                    self.copy(out, s, t)
                else:
                    out.put(LINK_IN_BIO, s, t)
            elif kind == md.ESCAPE:
                out.put(self._case(src[s + 1]), s, t)
            elif kind == md.CODE_SPAN:
                self.copy(out, n.a, n.b)
            elif kind == md.LINK:
                self.link(out, n)
            elif kind == md.IMAGE:
                self.conv.attachments.append(
                    Attachment(n.target, md.plain_alt(self.doc, n), s, t))
            elif kind == md.ENTITY:
                out.put(self._case(n.target), s, t)
            elif kind == md.FOOTREF:
                out.put(f"[{self.cite(n.target)}]", s, t)
            elif kind == md.AUTOLINK:
                url = n.target
                shown = url[7:] if url.lower().startswith("mailto:") else url
                self.conv.links.append(LinkRef(url, shown, s, t))
                out.put(shown if self.p.links_clickable else LINK_IN_BIO, s, t)
            elif kind == md.TAG:
                if n.target == "br":
                    out.put("\n", s, t)
                else:
                    self.note("html", MSG_HTML, s, t)
            # comments and hard breaks: nothing
        self.copy(out, pos, e)

    def link(self, out: _Line, n: md.Inline) -> None:
        """``texte : url`` (« lien en bio » where links are not clickable); the URL alone when
        the text is the URL."""
        text_line = _Line()
        self.inline(text_line, n.children, n.a, n.b)
        url = n.target
        shown = url[7:] if url.lower().startswith("mailto:") else url
        label = text_line.text().strip()
        self.conv.links.append(LinkRef(url, label, n.start, n.end))
        bare = _SCHEME_WWW.sub("", shown).rstrip("/")
        same = not label or _SCHEME_WWW.sub("", label).rstrip("/") == bare
        if not same:
            out.extend(text_line)
            out.put(NBSP + ": ", n.b, n.b + 1)
        out.put(shown if self.p.links_clickable else LINK_IN_BIO, n.ts, n.te)


    # -- final text -----------------------------------------------------------------------------
    def finish(self) -> Conversion:
        """Typography, forbidden characters, spaces and blank lines, on the whole text at once:
        deletions are found by regular expressions and applied by slicing (linear)."""
        out = self.out
        text, starts, ends = out.text(), out.starts, out.ends
        forbidden = "".join(sorted(set(self.p.forbidden_chars)))
        if forbidden:
            dels = []
            for m in re.finditer("[" + re.escape(forbidden) + "]", text):
                i = m.start()
                self.note("forbidden-char", MSG_FORBIDDEN.format(ch=text[i], label=self.p.label),
                          starts[i], ends[i])
                dels.append((i, i + 1))
            text, starts, ends = _delete(text, starts, ends, dels)
        policy = self.o.nbsp or self.p.nbsp
        table: dict[str, str | int | None] = {"\t": " "}
        if policy != "keep":
            table[NNBSP] = NBSP if policy == "nbsp" else " "
        if policy == "space":
            table[NBSP] = " "
        text = text.translate(str.maketrans(table))
        # Physical lines: trim, collapse spaces; then at most one blank line in a row.
        dels = [(m.start() + 1, m.end()) if m.lastgroup == "inner" else m.span()
                for m in _SPACES.finditer(text)]
        text, starts, ends = _delete(text, starts, ends, dels)
        dels = [(m.start() + 2, m.end()) if m.lastgroup == "blank" else m.span()
                for m in _BREAKS.finditer(text)]
        text, starts, ends = _delete(text, starts, ends, dels)
        for m in _NEWLINE.finditer(text):          # a line break maps to the end of the line
            i = m.start()
            starts[i] = ends[i] = ends[i - 1] if i else 0
        conv = self.conv
        conv.text, conv.starts, conv.ends = text, starts, ends
        # NFC over the whole text (copies were normalised run by run; markers may split clusters).
        nf = unicodedata.normalize("NFC", text)
        if nf != text:
            conv.text = nf
            # Keep the map length in step; the few merged characters map approximately.
            for arr in (conv.starts, conv.ends):
                if len(arr) > len(nf):
                    del arr[len(nf):]
                else:
                    arr.extend(array("i", (arr[-1],)) * (len(nf) - len(arr)))
        conv.notes.sort(key=lambda n: n.start)
        return conv


_SPACES = re.compile(r"(?m)^ +| +$|(?P<inner> {2,})")
_BREAKS = re.compile(r"\A\n+|\n+\Z|(?P<blank>\n{3,})")
_NEWLINE = re.compile(r"\n")


def _delete(text: str, starts: array, ends: array, dels: list[tuple[int, int]]):
    """``text`` and its spans without the (sorted, disjoint) ranges ``dels``."""
    if not dels:
        return text, starts, ends
    parts: list[str] = []
    new_starts, new_ends = array("i"), array("i")
    pos = 0
    for a, b in dels:
        if a > pos:
            parts.append(text[pos:a])
            new_starts.extend(starts[pos:a])
            new_ends.extend(ends[pos:a])
        pos = max(pos, b)
    parts.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(parts), new_starts, new_ends



def body_start(source: str) -> int:
    return parse_front_matter(source).end


def convert(source: str, profile: NetworkProfile,
            options: ConvertOptions | None = None) -> Conversion:
    """The post's text as ``profile``'s network should receive it (front matter left out)."""
    doc = md.parse(source)
    with md.collector_paused():
        return _Converter(doc, profile, options or ConvertOptions()).run()
