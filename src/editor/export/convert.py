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

Every character of the result keeps the source span it came from (``Conversion.source_span``), so a
``platform`` finding can point at the passage in the Markdown file.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from editor.document.projection import fence_closes, iter_lines
from editor.document.post import parse_front_matter
from editor.export.counting import URL_RE
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
    starts: list[int]                  # per character of ``text``: source span it came from
    ends: list[int]
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
_HR = re.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST = re.compile(r"[ \t]*(?:([-*+•])|(\d{1,9})[.)])(?:[ \t]+|$)")
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_REFDEF = re.compile(r"[ ]{0,3}\[([^\]\n]{1,200})\]:[ \t]*<?([^\s>]+)>?")
_HTML_BLOCK = re.compile(r"[ ]{0,3}</?(?:div|p|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|section|"
                         r"article|details|summary|center|blockquote|pre|figure|figcaption|img|br|"
                         r"hr|span|iframe|video|audio)\b", re.IGNORECASE)
_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>`+)"
    r"|(?P<image>!\[(?P<ialt>[^\]\n]{0,1000})\]\([ \t]*(?P<isrc><[^>\n]{0,2000}>|[^)\s]{0,2000})"
    r"(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?[ \t]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]\n]{0,1000})\]\([ \t]*(?P<lurl><[^>\n]{0,2000}>|[^)\s]{0,2000})"
    r"(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?[ \t]*\))"
    r"|(?P<reflink>\[(?P<rtext>[^\]\n]{0,1000})\](?:\[(?P<rref>[^\]\n]{0,200})\])?)"
    r"|(?P<autolink><(?P<aurl>(?:https?|mailto|ftp):[^>\s]{1,2000})>)"
    r"|(?P<comment><!--.{0,5000}?-->)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}(?:[ \t][^<>\n]{0,2000})?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<url>" + URL_RE.pattern + r")"
    r"|(?P<emph>\*{1,3}(?!\*)|~~|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_]))",
    re.IGNORECASE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_URL_TRAIL = ".,;:!?'\"’»…)]}"

MSG_CODE = "Bloc de code converti en lignes de texte : les réseaux n’affichent pas le code."
MSG_TABLE = "Tableau converti en lignes de texte : les réseaux n’affichent pas les tableaux."
MSG_HTML = "HTML retiré : les réseaux n’affichent que du texte."
MSG_BOLD = ("Gras Unicode : les lettres accentuées restent en maigre, les lecteurs d’écran ne le "
            "lisent pas (ou l’épellent) et la recherche ne le trouve pas. À éviter pour les "
            "mises en garde et les risques.")
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
    """Characters of one output line, each with its source span."""

    __slots__ = ("chars",)

    def __init__(self) -> None:
        self.chars: list[list] = []   # [char, start, end]

    def put(self, text: str, a: int, b: int) -> None:
        for ch in text:
            self.chars.append([ch, a, b])

    def text(self) -> str:
        return "".join(c[0] for c in self.chars)


def _lines(src: str, start: int):
    """``(line_start, content_end)`` of each line: the projection's line reader."""
    for a, e, _ in iter_lines(src, start):
        yield a, e


class _Converter:
    def __init__(self, src: str, profile: NetworkProfile, options: ConvertOptions) -> None:
        self.src = src
        self.p = profile
        self.o = options
        self.out: list[_Line | None] = []     # None = blank line
        self.refs: dict[str, str] = {}
        self.conv = Conversion(profile.name, "", [], [])
        self.bold: list[tuple[int, int]] = []
        self.caps = False

    # -- output ---------------------------------------------------------------------------------
    def blank(self) -> None:
        if self.out and self.out[-1] is not None:
            self.out.append(None)

    def emit(self, line: _Line) -> None:
        if line.text().strip():
            self.out.append(line)

    def note(self, kind: str, message: str, a: int, b: int) -> None:
        if not any(n.kind == kind and n.start <= a < n.end for n in self.conv.notes):
            self.conv.notes.append(Note(kind, message, a, max(b, a + 1)))

    def copy(self, line: _Line, a: int, b: int) -> None:
        if b <= a:
            return
        seg = self.src[a:b]
        if self.bold and any(s < b and a < e for s, e in self.bold):
            for k, ch in enumerate(seg):
                i = a + k
                ch = self._case(ch)
                if any(s <= i < e for s, e in self.bold):
                    ch = pseudo_bold(ch)
                line.put(ch, i, i + 1)
            return
        nf = unicodedata.normalize("NFC", seg)
        if len(nf) == len(seg):
            if self.caps:
                nf = nf.upper() if len(nf.upper()) == len(nf) else nf
            line.chars.extend([ch, a + k, a + k + 1] for k, ch in enumerate(nf))
        else:
            line.put(self._case(nf), a, b)

    def _case(self, s: str) -> str:
        return s.upper() if self.caps else s

    # -- blocks ---------------------------------------------------------------------------------
    def run(self, body: int) -> Conversion:
        src = self.src
        rows = list(_lines(src, body))
        for ls, le in rows:
            m = _REFDEF.match(src, ls, le)
            if m and m.end() >= le - 40:
                self.refs[m.group(1).strip().lower()] = m.group(2)
        fence: tuple[str, int] | None = None
        in_comment = False
        open_inline = False
        in_para = False
        in_list = False
        in_table = False
        quote: list[tuple[int, int]] = []
        for idx, (ls, le) in enumerate(rows):
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
                quote.append((m.end() if m else pos, le))
                in_para = in_list = in_table = False
                continue
            if quote:
                self.flush_quote(quote)
                quote = []
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
            if in_para and _SETEXT.match(line) and self.out and self.out[-1] is not None:
                if self.o.heading_style == "caps":
                    for c in self.out[-1].chars:
                        c[0] = c[0].upper()
                self.blank()
                in_para = False
                continue
            if _HR.match(line):
                self.blank()
                in_para = in_list = in_table = False
                continue
            if "|" in line and not in_table and idx + 1 < len(rows) \
                    and _TABLE_SEP.match(src, *rows[idx + 1]) and "|" in src[slice(*rows[idx + 1])]:
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
        if quote:
            self.flush_quote(quote)
        return self.finish()

    def _hard_break_end(self, ls: int, le: int) -> int:
        e = le
        if e > ls and self.src[e - 1] == "\\":
            e -= 1
        return e

    def flush_quote(self, quote: list[tuple[int, int]]) -> None:
        lines = []
        for a, e in quote:
            out = _Line()
            self.inline(out, a, self._hard_break_end(a, e))
            if out.text().strip():
                lines.append(out)
        if not lines:
            return
        first, last = lines[0], lines[-1]
        while first.chars and first.chars[0][0] in " \t":
            first.chars.pop(0)
        while last.chars and last.chars[-1][0] in " \t":
            last.chars.pop()
        if not first.text().startswith(("«", "\"", "“")):
            a = quote[0][0]
            opening = _Line()
            opening.put("«" + NBSP, a, a)
            first.chars[:0] = opening.chars
            e = quote[-1][1]
            last.put(NBSP + "»", e, e)
        for line in lines:
            self.emit(line)

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
        saved = self.bold
        if self.o.pseudo_bold and not in_link:
            self.bold = saved + [(m.start(2), m.end(2)) for m in _STRONG.finditer(src, a, e)]
            for m in _STRONG.finditer(src, a, e):
                self.note("pseudo-bold", MSG_BOLD, m.start(), m.end())
        pos = a
        search = a
        while True:
            m = _INLINE.search(src, search, e)
            if not m:
                break
            s, t = m.span()
            kind = m.lastgroup
            if kind not in ("escape", "code", "image", "link", "reflink", "autolink", "comment",
                            "tag", "entity", "url", "emph"):
                kind = next(k for k in ("image", "link", "reflink", "autolink", "url")
                            if m.group(k))
            search = t
            if kind == "code":
                ticks = m.group("code")
                close = src.find(ticks, t, e)
                while close >= 0 and close + len(ticks) < e and src[close + len(ticks)] == "`":
                    close = src.find(ticks, close + len(ticks) + 1, e)
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
                while t > s and src[t - 1] in _URL_TRAIL:
                    if src[t - 1] == ")" and src.count("(", s, t) >= src.count(")", s, t):
                        break
                    t -= 1
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
        self.bold = saved

    def link(self, out: _Line, ta: int, te: int, url: str, s: int, t: int, ua: int, ue: int):
        text_line = _Line()
        self.inline(text_line, ta, te, in_link=True)
        shown = url[7:] if url.lower().startswith("mailto:") else url
        label = text_line.text().strip()
        self.conv.links.append(LinkRef(url, label, s, t))
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", shown).rstrip("/")
        same = not label or re.sub(r"^(?:https?://)?(?:www\.)?", "", label).rstrip("/") == bare
        if not same:
            out.chars.extend(text_line.chars)
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
        policy = self.o.nbsp or self.p.nbsp
        forbidden = set(self.p.forbidden_chars)
        flat: list[list] = []
        for line in self.out:
            if flat:
                prev_end = flat[-1][2]
                flat.append(["\n", prev_end, prev_end])
            if line is not None:
                flat.extend(line.chars)
        # Typography and forbidden characters.
        chars: list[list] = []
        for c in flat:
            ch = c[0]
            if ch == NNBSP and policy != "keep":
                c[0] = NBSP if policy == "nbsp" else " "
            elif ch == NBSP and policy == "space":
                c[0] = " "
            if ch in forbidden:
                self.note("forbidden-char", MSG_FORBIDDEN.format(ch=ch, label=self.p.label),
                          c[1], c[2])
                continue
            if ch == "\t":
                c[0] = " "
            chars.append(c)
        # Physical lines: trim, collapse spaces, at most one blank line in a row.
        lines: list[list[list]] = [[]]
        for c in chars:
            if c[0] == "\n":
                lines.append([])
            else:
                lines[-1].append(c)
        result: list[list] = []
        blank = True   # drop leading blank lines
        for ln in lines:
            cleaned: list[list] = []
            for c in ln:
                if c[0] == " " and (not cleaned or cleaned[-1][0] == " "):
                    continue
                cleaned.append(c)
            while cleaned and cleaned[-1][0] in " ":
                cleaned.pop()
            if not cleaned:
                if not blank:
                    blank = True
                    result.append(None)
                continue
            blank = False
            result.append(cleaned)
        while result and result[-1] is None:
            result.pop()
        text_chars: list[list] = []
        for k, ln in enumerate(result):
            if k:
                anchor = text_chars[-1][2] if text_chars else 0
                text_chars.append(["\n", anchor, anchor])
            if ln is not None:
                text_chars.extend(ln)
        conv = self.conv
        # NFC over the whole text (copies were normalised run by run; markers may split clusters).
        text = "".join(c[0] for c in text_chars)
        conv.text = text
        conv.starts = [c[1] for c in text_chars]
        conv.ends = [c[2] for c in text_chars]
        if unicodedata.normalize("NFC", text) != text:
            nf = unicodedata.normalize("NFC", text)
            conv.text = nf
            # Keep the map length in step; the few merged characters map approximately.
            conv.starts = (conv.starts + [conv.starts[-1]] * len(nf))[:len(nf)]
            conv.ends = (conv.ends + [conv.ends[-1]] * len(nf))[:len(nf)]
        conv.notes.sort(key=lambda n: n.start)
        return conv


def body_start(source: str) -> int:
    return parse_front_matter(source).end


def convert(source: str, profile: NetworkProfile, options: ConvertOptions | None = None) -> Conversion:
    """The post's text as ``profile``'s network should receive it (front matter left out)."""
    c = _Converter(source, profile, options or ConvertOptions())
    return c.run(body_start(source))
