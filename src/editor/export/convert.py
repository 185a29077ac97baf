"""Markdown → each network's plain text (networks.md §2.2), with a map back to the source.

What the conversion does, whatever the network:

- no heading ``#`` is ever left (it would become a hashtag): a heading becomes its own line followed
  by a blank line (optionally in capitals);
- emphasis markers are removed (``**mot**`` → ``mot``); Unicode pseudo-bold only when asked
  (``ConvertOptions(pseudo_bold=True)``), with a note: accented letters stay plain, screen readers
  skip it or spell it, search does not find it;
- list items become ``• item`` lines (the profile's ``bullet``; X uses ``–``), numbered items keep
  their number, nesting is flattened;
- links become ``texte : url``; where links are not clickable (Instagram) the URL is replaced by
  « lien en bio » and the link is listed in ``links`` (the ``platform`` check flags it);
- images leave the text and become ``attachments`` with their alt text;
- block quotes become « … »; code blocks, tables and HTML become lines of text, with a note;
- the author's line breaks are kept; runs of blank lines become one blank line;
- text is NFC; U+202F (narrow no-break space) follows the profile's ``nbsp`` policy; the profile's
  ``forbidden_chars`` (YouTube: ``<`` ``>``) are removed, with a note.

- footnotes (``[^1]`` and ``[^1]: texte``) become « [1] » in the text and the notes, numbered in
  the order they are first cited, at the end (``[1] texte``);

Every character of the result keeps the source span it came from (``Conversion.source_span``), so a
``platform`` finding can point at the passage in the Markdown file.

Time and memory are linear in the post: inline patterns are bounded and never rescan what the
next match will scan (a text of 100,000 ``[`` took 6 s), and the map back to the source is kept in
machine integers (8 bytes a character; 50 MB took over 10 GB as one Python list per character).
"""
from __future__ import annotations

import html
import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from editor.document.projection import fence_closes, iter_lines, thematic_break
from editor.document.post import parse_front_matter
from editor.export.counting import URL_RE, url_end
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


# -- Markdown patterns (the same dialect as editor.document.projection) ---------------------------
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"[ ]{0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*$")
_LIST = re.compile(r"[ \t]*(?:([-*+•])|(\d{1,9})[.)])(?:[ \t]+|$)")
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*){0,200}"
                        r"\|?[ \t]*$")
_REFDEF = re.compile(r"[ ]{0,3}\[([^\]\n^][^\]\n]{0,199})\]:[ \t]*<?([^\s>]+)>?")
_FOOTDEF = re.compile(r"[ ]{0,3}\[\^([^\]\s\[]{1,100})\]:[ \t]?")
_HTML_BLOCK = re.compile(r"[ ]{0,3}</?(?:div|p|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|section|"
                         r"article|details|summary|center|blockquote|pre|figure|figcaption|img|br|"
                         r"hr|span|iframe|video|audio)\b", re.IGNORECASE)
# Bounded, possessive where giving back cannot help, and never scanning across the next ``[``,
# ``(`` or ``<!--`` (which the next attempt scans): each character is looked at a bounded number
# of times. A link target may hold one level of parentheses (``…/Lifting_(chirurgie)``).
_LINK_TARGET = r"(?:[^()\s]|\([^()\s]{0,200}+\)){0,2000}+"
_LINK_TITLE = r"(?:[ \t]+(?:\"[^\"\n]{0,500}+\"|'[^'\n]{0,500}+'))?[ \t]*\)"
_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>`+)"
    r"|(?P<image>!\[(?P<ialt>[^\[\]\n]{0,1000}+)\]\([ \t]*"
    r"(?P<isrc><[^>\n]{0,2000}+>|" + _LINK_TARGET + r")" + _LINK_TITLE + r")"
    r"|(?P<link>\[(?P<ltext>[^\[\]\n]{0,1000}+)\]\([ \t]*"
    r"(?P<lurl><[^>\n]{0,2000}+>|" + _LINK_TARGET + r")" + _LINK_TITLE + r")"
    r"|(?P<fnref>\[\^(?P<fnlabel>[^\]\s\[]{1,100}+)\])"
    r"|(?P<reflink>\[(?P<rtext>[^\[\]\n]{0,1000}+)\](?:\[(?P<rref>[^\[\]\n]{0,200}+)\])?)"
    r"|(?P<autolink><(?P<aurl>(?:https?|mailto|ftp):[^>\s]{1,2000}+)>)"
    r"|(?P<comment><!--(?:[^<-]|<(?!!--)|-(?!->)){0,5000}+-->)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}+(?:[ \t][^<>\n]{0,2000}+)?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<url>" + URL_RE.pattern + r")"
    r"|(?P<emph>\*{1,3}(?!\*)|~~|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_]))",
    re.IGNORECASE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).){1,5000}?)(?<=\S)\1")   # stops at the next marker
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")

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


def _lines(src: str, start: int):
    """``(line_start, content_end)`` of each line: the projection's line reader."""
    for a, e, _ in iter_lines(src, start):
        yield a, e


class _Converter:
    def __init__(self, src: str, profile: NetworkProfile, options: ConvertOptions) -> None:
        self.src = src
        self.p = profile
        self.o = options
        self.out = _Output()
        self.refs: dict[str, str] = {}
        self.conv = Conversion(profile.name, "", array("i"), array("i"))
        self.notes_by_kind: dict[str, list[Note]] = {}
        self.bold: list[tuple[int, int]] = []
        self.bold_ends: list[int] = []
        self.caps = False
        self.footnotes: dict[str, tuple[int, int]] = {}     # label -> source region
        self.cited: dict[str, int] = {}                      # label -> number, in citing order
        self.quote_last: _Line | None = None                 # the block quote being read
        self.quote_open = False
        self.quote_marks = False
        self.quote_start = self.quote_end = 0

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

    def _set_bold(self, spans: list[tuple[int, int]]) -> None:
        """Bold spans, merged and sorted (they may repeat between nested calls)."""
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
    def _definitions(self, body: int) -> list[tuple[int, int]]:
        """Read the link references and footnote definitions; the footnotes' source regions."""
        src = self.src
        regions: list[tuple[int, int]] = []
        label: str | None = None         # the footnote being read
        start = end = 0
        after_blank = False
        for ls, le in _lines(src, body):
            line = src[ls:le]
            if label is not None:
                if not line.strip():
                    after_blank = True
                    continue
                if (not after_blank or line.startswith(("    ", "\t"))) \
                        and not _FOOTDEF.match(line):
                    end, after_blank = le, False
                    continue
                self.footnotes.setdefault(label, (start, end))
                regions.append((start, end))
                label = None
            m = _FOOTDEF.match(src, ls, le)
            if m:
                label, start, end, after_blank = m.group(1).lower(), ls, le, False
                continue
            m = _REFDEF.match(src, ls, le)
            if m and m.end() >= le - 40:
                self.refs[m.group(1).strip().lower()] = m.group(2)
        if label is not None:
            self.footnotes.setdefault(label, (start, end))
            regions.append((start, end))
        return regions

    def run(self, body: int) -> Conversion:
        src = self.src
        regions = self._definitions(body)
        region = 0
        fence: tuple[str, int] | None = None
        in_comment = False
        open_inline = False
        in_para = False
        in_list = False
        in_table = False
        rows = _lines(src, body)
        following = next(rows, None)
        while following is not None:
            ls, le = following
            following = next(rows, None)      # the line after (a table's separator row)
            while region < len(regions) and regions[region][1] < ls:
                region += 1
            if region < len(regions) and regions[region][0] <= ls and not fence \
                    and not in_comment and not open_inline:
                continue                      # a footnote's definition: at the end
            line = src[ls:le]
            if fence:
                if fence_closes(line, fence):
                    fence = None
                    self.blank()
                    continue
                out = _Line()
                self.copy(out, ls, le)
                self.emit(out)
                continue
            if in_comment:
                if "-->" in line:
                    in_comment = False
                continue
            if open_inline:   # a comment opened inside an earlier line: never published
                j = line.find("-->")
                if j < 0:
                    continue
                open_inline = False
                ls += j + 3
                line = src[ls:le]
                if not line.strip():
                    continue
            k = line.rfind("<!--")
            if k > 0 and line[:k].strip() and "-->" not in line[k:]:
                le, line, open_inline = ls + k, line[:k], True
            # Block quote markers (any depth).
            pos, quoted = ls, False
            while True:
                p = pos
                while p < le and p - pos < 4 and src[p] in " \t":
                    p += 1
                if p < le and src[p] == ">":
                    quoted, pos = True, p + 1
                    if pos < le and src[pos] == " ":
                        pos += 1
                else:
                    break
            if quoted and src[pos:le].strip():
                m = _LIST.match(src, pos, le) or _ATX.match(src, pos, le)
                self.quote_line(m.end() if m else pos, le)
                in_para = in_list = in_table = False
                continue
            self.flush_quote()
            if not line.strip():
                self.blank()
                in_para = in_list = in_table = False
                continue
            m = _FENCE.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
                fence = (m.group(1)[0], len(m.group(1)))
                self.note("code", MSG_CODE, ls, le)
                self.blank()
                in_para = in_list = in_table = False
                continue
            stripped = line.lstrip()
            if stripped.startswith("<!--") and "-->" not in stripped:
                in_comment = True
                continue
            if _REFDEF.match(line) and _REFDEF.match(line).group(1).strip().lower() in self.refs \
                    and not in_para:
                continue
            m = _ATX.match(line)
            if m:
                a = ls + m.end()
                close = _ATX_CLOSE.search(src, a, le)
                e = close.start() if close else le
                self.blank()
                out = _Line()
                self.caps = self.o.heading_style == "caps"
                self.inline(out, a, e)
                self.caps = False
                self.emit(out)
                self.blank()
                in_para = in_list = in_table = False
                continue
            if in_para and _SETEXT.match(line) and self.out.lines and not self.out.blank:
                if self.o.heading_style == "caps":
                    self.out.upper_last()
                self.blank()
                in_para = False
                continue
            if thematic_break(line):
                self.blank()
                in_para = in_list = in_table = False
                continue
            if "|" in line and not in_table and following is not None \
                    and _TABLE_SEP.match(src, *following) and "|" in src[slice(*following)]:
                in_table = True
                self.note("table", MSG_TABLE, ls, le)
            if in_table:
                if _TABLE_SEP.match(line):
                    continue
                if "|" in line:
                    self.table_row(ls, le)
                    continue
                in_table = False
            if _HTML_BLOCK.match(line):
                self.note("html", MSG_HTML, ls, le)
            m = _LIST.match(line)
            if m:
                out = _Line()
                marker_end = ls + m.end()
                if m.group(2):
                    out.put(f"{m.group(2)}. ", ls + m.start(2), marker_end)
                else:
                    out.put(f"{self.p.bullet} ", ls + m.start(1), marker_end)
                self.inline(out, marker_end, self._hard_break_end(ls, le))
                if out.text().strip() != (f"{m.group(2)}." if m.group(2) else self.p.bullet):
                    self.emit(out)
                in_list, in_para = True, False
                continue
            a = ls + len(line) - len(stripped)
            out = _Line()
            self.inline(out, a, self._hard_break_end(ls, le))
            self.emit(out)
            in_para = not in_list
        self.flush_quote()
        self.footnote_lines()
        return self.finish()

    def footnote_lines(self) -> None:
        """The notes at the end, « [1] texte », in the order they were first cited (then the
        ones never cited, so no text is lost)."""
        if not self.footnotes:
            return
        self.blank()
        order = list(self.cited)
        listed = set(order)
        k = 0
        while True:
            if k == len(order):
                rest = [label for label in self.footnotes if label not in listed]
                if not rest:
                    break
                for label in rest:
                    self.cited.setdefault(label, len(self.cited) + 1)
                order.extend(rest)
                listed.update(rest)
            label = order[k]
            k += 1
            self.emit(self.footnote_line(label, self.cited[label]))
            for cited in self.cited:          # notes may cite other notes
                if cited not in listed:
                    order.append(cited)
                    listed.add(cited)

    def footnote_line(self, label: str, n: int) -> _Line:
        src = self.src
        start, end = self.footnotes[label]
        out = _Line()
        for ls, le in _lines(src, start):
            if ls > end:
                break
            if ls == start:
                m = _FOOTDEF.match(src, ls, le)
                out.put(f"[{n}] ", ls, m.end())
                a = m.end()
            elif not src[ls:le].strip():
                continue
            else:
                a = ls + len(src[ls:le]) - len(src[ls:le].lstrip())
                out.put(" ", ls, a)
            self.inline(out, a, self._hard_break_end(ls, le))
        return out

    def _hard_break_end(self, ls: int, le: int) -> int:
        e = le
        if e > ls and self.src[e - 1] == "\\":
            e -= 1
        return e

    def quote_line(self, a: int, e: int) -> None:
        """One line of a block quote: « … » around the quotation (unless it has its own)."""
        if not self.quote_open:
            self.quote_open, self.quote_start = True, a
        self.quote_end = e
        out = _Line()
        self.inline(out, a, self._hard_break_end(a, e))
        if not out.text().strip():
            return
        if self.quote_last is None:           # the quotation's first line
            out.strip(" \t", leading=True)
            self.quote_marks = not out.text().startswith(("«", "\"", "“"))
            if self.quote_marks:
                opening = _Line()
                opening.put("«" + NBSP, self.quote_start, self.quote_start)
                out.prepend(opening)
        else:
            self.emit(self.quote_last)
        self.quote_last = out

    def flush_quote(self) -> None:
        last = self.quote_last
        if last is not None:
            last.strip(" \t", leading=False)
            if self.quote_marks:
                last.put(NBSP + "»", self.quote_end, self.quote_end)
            self.emit(last)
        self.quote_last, self.quote_open, self.quote_marks = None, False, False

    def table_row(self, ls: int, le: int) -> None:
        src = self.src
        cells: list[tuple[int, int]] = []
        a = ls
        i = ls
        while i < le:
            if src[i] == "\\":
                i += 2
                continue
            if src[i] == "|":
                cells.append((a, i))
                a = i + 1
            i += 1
        cells.append((a, le))
        cells = [(a, e) for a, e in cells if src[a:e].strip()]
        out = _Line()
        for k, (a, e) in enumerate(cells):
            if k:
                out.put(" – ", a - 1, a)
            while a < e and src[a] in " \t":
                a += 1
            while e > a and src[e - 1] in " \t":
                e -= 1
            self.inline(out, a, e)
        self.emit(out)

    # -- inline ---------------------------------------------------------------------------------
    def inline(self, out: _Line, a: int, e: int, in_link: bool = False) -> None:
        src = self.src
        saved = self.bold, self.bold_ends
        if self.o.pseudo_bold and not in_link:
            strong = [(m.start(2), m.end(2)) for m in _STRONG.finditer(src, a, e)]
            if strong:
                self._set_bold(saved[0] + strong)
            for s2, e2 in strong:
                self.note("pseudo-bold", MSG_BOLD, s2 - 2, e2 + 2)
        pos = a
        search = a
        while True:
            m = _INLINE.search(src, search, e)
            if not m:
                break
            s, t = m.span()
            kind = m.lastgroup
            if kind not in ("escape", "code", "image", "link", "fnref", "reflink", "autolink",
                            "comment", "tag", "entity", "url", "emph"):
                kind = next(k for k in ("image", "link", "fnref", "reflink", "autolink", "url")
                            if m.group(k))
            search = t
            if kind == "code":
                ticks = m.group("code")
                reach = min(e, t + 2000)      # as the projection: a code span is short
                close = src.find(ticks, t, reach)
                while close >= 0 and close + len(ticks) < e and src[close + len(ticks)] == "`":
                    close = src.find(ticks, close + len(ticks) + 1, reach)
                if close < 0:
                    continue
                self.copy(out, pos, s)
                inner_a, inner_e = t, close
                if src[inner_a:inner_e].startswith(" ") and src[inner_a:inner_e].endswith(" ") \
                        and src[inner_a:inner_e].strip():
                    inner_a, inner_e = inner_a + 1, inner_e - 1
                self.copy(out, inner_a, inner_e)
                pos = search = close + len(ticks)
                continue
            if kind == "url":
                t = url_end(src, s, t)
                search = t
                self.copy(out, pos, s)
                pos = t
                if in_link:
                    self.copy(out, s, t)
                else:
                    self.conv.links.append(LinkRef(src[s:t], src[s:t], s, t))
                    if self.p.links_clickable:
                        self.copy(out, s, t)
                    else:
                        out.put(LINK_IN_BIO, s, t)
                continue
            if kind == "emph":
                before = src[s - 1] if s > a else " "
                after = src[t] if t < e else " "
                if m.group().startswith("*") and before.isspace() and after.isspace():
                    continue   # "5 * 3": a star standing alone is text
                self.copy(out, pos, s)
                pos = t
                continue
            self.copy(out, pos, s)
            pos = t
            if kind == "escape":
                out.put(self._case(src[s + 1]), s, t)
            elif kind == "image":
                target = m.group("isrc")
                if target.startswith("<") and target.endswith(">"):
                    target = target[1:-1]
                alt = html.unescape(m.group("ialt")).replace("\\", "")
                self.conv.attachments.append(Attachment(target, alt, s, t))
            elif kind == "link" and not in_link:
                url = m.group("lurl")
                if url.startswith("<") and url.endswith(">"):
                    url = url[1:-1]
                self.link(out, m.start("ltext"), m.end("ltext"), url, s, t, m.start("lurl"),
                          m.end("lurl"))
            elif kind == "fnref":
                label = m.group("fnlabel").lower()
                if label in self.footnotes and not in_link:
                    n = self.cited.setdefault(label, len(self.cited) + 1)
                    out.put(f"[{n}]", s, t)
                else:
                    self.copy(out, s, t)     # no such note: the text as written
            elif kind == "reflink" and not in_link:
                ref = (m.group("rref") or m.group("rtext") or "").strip().lower()
                url = self.refs.get(ref)
                if url is None:
                    self.copy(out, s, t)  # "[texte]" that is no link
                else:
                    self.link(out, m.start("rtext"), m.end("rtext"), url, s, t, s, t)
            elif kind in ("link", "reflink"):
                self.copy(out, s, t)
            elif kind == "autolink":
                url = m.group("aurl")
                shown = url[7:] if url.lower().startswith("mailto:") else url
                self.conv.links.append(LinkRef(url, shown, s, t))
                out.put(shown if self.p.links_clickable else LINK_IN_BIO, s, t)
            elif kind == "comment":
                pass
            elif kind == "tag":
                name = _TAG_NAME.match(m.group()).group(1).lower()
                if name == "br":
                    out.put("\n", s, t)
                else:
                    self.note("html", MSG_HTML, s, t)
            elif kind == "entity":
                out.put(self._case(html.unescape(m.group())), s, t)
        self.copy(out, pos, e)
        self.bold, self.bold_ends = saved

    def link(self, out: _Line, ta: int, te: int, url: str, s: int, t: int, ua: int, ue: int):
        text_line = _Line()
        self.inline(text_line, ta, te, in_link=True)
        shown = url[7:] if url.lower().startswith("mailto:") else url
        label = text_line.text().strip()
        self.conv.links.append(LinkRef(url, label, s, t))
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", shown).rstrip("/")
        same = not label or re.sub(r"^(?:https?://)?(?:www\.)?", "", label).rstrip("/") == bare
        if not same:
            out.extend(text_line)
        if not self.p.links_clickable:
            if not same:
                out.put(NBSP + ": ", te, te + 1)
            out.put(LINK_IN_BIO, ua, ue)
            return
        if not same:
            out.put(NBSP + ": ", te, te + 1)
        out.put(shown, ua, ue)

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
        table = {"\t": " "}
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


def convert(source: str, profile: NetworkProfile, options: ConvertOptions | None = None) -> Conversion:
    """The post's text as ``profile``'s network should receive it (front matter left out)."""
    c = _Converter(source, profile, options or ConvertOptions())
    return c.run(body_start(source))
