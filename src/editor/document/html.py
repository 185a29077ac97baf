"""The preview's HTML: a rendering of the post as :mod:`editor.document.markdown` reads it.

No Qt here (it runs on a worker thread; the editor's preview is a sandboxed ``QTextBrowser``).

* Raw HTML written in the post is shown as text, escaped, never interpreted: no script, no
  iframe, no remote ``<img>`` can come from the post. HTML comments are not shown (they are never
  published).
* Links keep only safe targets (http, https, mailto, relative, a place in the page); any other
  scheme (``javascript:``, ``data:``, ``file:``…) becomes ``#``. The preview asks before opening
  any link.
* Images: a local file is shown (the preview serves only images inside the post's folder); a
  remote image (``https:``, ``//``, ``data:``…) is never loaded: a notice stands in its place.
* Every block gets an anchor ``L<line>`` (1-based source line where it starts) so the preview can
  follow the editor's scroll position.
* The front matter is not rendered; its title is shown as a header (unless the post opens with
  a level-1 heading) and its networks under it.
* Footnotes are numbered in the order they are first cited and listed at the end, with links
  both ways (``#fn:label``, ``#fnref:label``).
* Bounded for Qt, which lays the page out on the GUI thread: at most :data:`MAX_CHARS` characters
  of the body and :data:`MAX_BLOCKS` blocks are shown (with a notice), lists and quotations nest
  at most :data:`MAX_NESTING` deep, and long runs without a space get invisible break
  opportunities (:func:`breakable`: Qt's line breaking is quadratic in the length of an
  unbreakable run). Rendering is linear in the post, like reading it.
"""
from __future__ import annotations

import html
import re

from editor.document import markdown as md

MAX_CHARS = 200_000       # Qt lays the preview out on the GUI thread: 0.15 s at this size
MAX_BLOCKS = 40_000
MAX_NESTING = 12          # lists and quotations inside each other

CSS = """
body { font-family: sans-serif; line-height: 140%; }
h1 { font-size: 150%; } h2 { font-size: 125%; } h3 { font-size: 110%; }
pre { background: #f4f4f4; padding: 6px; }
code { background: #f4f4f4; }
blockquote { color: #555; margin-left: 12px; }
.hashtag { color: #2a6fb0; }
.fm { color: #777; font-size: 90%; }
.remote { color: #a33; font-style: italic; }
.raw { font-family: monospace; color: #333; }
.notice { color: #777; font-size: 90%; font-style: italic; }
.footnote { font-size: 90%; }
"""

_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_TAGS = {md.EMPHASIS: "em", md.STRONG: "strong", md.STRIKE: "s"}
_LONG_RUN = re.compile(r"[^\s\u200b]{100,}")
_RUN_PIECE = re.compile(r"(?:&#?\w{1,10};|[^&]|&){80}")
_TEXT_NODE = re.compile(r">([^<]+)")

NOTICE_TRUNCATED = "Aperçu limité au début du texte\u202f: la suite n’est pas affichée."


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def safe_href(url: str) -> str:
    """``url`` (as written in the post) if the preview may link to it, else ``#``."""
    url = html.unescape(url).strip()
    if url.startswith("#"):
        return url
    head = url.split("/", 1)[0]
    if ":" in head and not url.lower().startswith(_SAFE_SCHEMES):
        return "#"          # javascript:, data:, file: ... never followed
    return url


def _remote(target: str) -> bool:
    t = html.unescape(target).strip()
    if t.startswith("//"):
        return True
    return bool(_SCHEME.match(t)) and not t.lower().startswith("file:")


def breakable(text: str) -> str:
    """``text`` (escaped HTML text) with a zero-width space every 80 characters of a long run."""
    return _LONG_RUN.sub(lambda m: _RUN_PIECE.sub(lambda p: p.group() + "\u200b", m.group()), text)


def breakable_html(page: str) -> str:
    """:func:`breakable` applied to every text node of ``page`` (never inside a tag)."""
    return _TEXT_NODE.sub(lambda m: ">" + breakable(m.group(1)), page)


class _Renderer:
    def __init__(self, doc: md.Document) -> None:
        self.doc = doc
        self.src = doc.source
        self.out: list[str] = []
        self.limit = doc.body + MAX_CHARS
        self.truncated = False
        self.cited: dict[str, int] = {}             # footnote label -> number
        self.cite_order: list[str] = []             # the same labels, by number
        self.refs_seen: dict[str, int] = {}
        self.quote_depth = 0          # <blockquote> open
        self.quote_id = 0             # the quotation they belong to
        self.lists: list[tuple[int, str]] = []    # open lists: (indent, tag)
        self.table = 0                # table being written (0: none)

    # -- blocks ---------------------------------------------------------------------------------
    def run(self) -> str:
        out = self.out
        blocks = self.doc.blocks
        shown = 0
        for b in blocks:
            if b.label is not None:
                continue                              # footnotes: at the end
            if b.start >= self.limit or shown >= MAX_BLOCKS:
                self.truncated = True
                break
            shown += 1
            self.container(b)
            self.block(b)
        self.close_lists(0)
        self.close_table()
        self.set_quote(0)
        self.footnotes()
        return "".join(out)

    def anchor(self, b: md.Block) -> str:
        return f'<a name="L{b.line + 1}"></a>'

    def set_quote(self, depth: int) -> None:
        depth = min(depth, MAX_NESTING)
        if depth != self.quote_depth:
            self.close_lists(0)
            self.close_table()
        while self.quote_depth < depth:
            self.out.append("<blockquote>")
            self.quote_depth += 1
        while self.quote_depth > depth:
            self.out.append("</blockquote>\n")
            self.quote_depth -= 1

    def close_lists(self, keep: int) -> None:
        while len(self.lists) > keep:
            _, tag = self.lists.pop()
            self.out.append(f"</li></{tag}>\n")

    def close_table(self) -> None:
        if self.table:
            self.out.append("</tbody></table>\n")
            self.table = 0

    def container(self, b: md.Block) -> None:
        """Open or close quotations, lists and tables around ``b``."""
        if b.quote != self.quote_id:
            self.set_quote(0)
            self.quote_id = b.quote
        self.set_quote(b.depth if b.quote else 0)
        if b.kind != md.ITEM:
            self.close_lists(0)
        if b.kind != md.ROW or b.table != self.table:
            self.close_table()

    def block(self, b: md.Block) -> None:
        out = self.out
        kind = b.kind
        if kind == md.CODE:
            lines = [self.src[a:min(e, self.limit)] for a, e in zip(b.starts, b.ends)
                     if a < self.limit]
            cls = f' class="language-{_attr(b.info)}"' if b.info else ""
            code = _esc("\n".join(lines)) + ("\n" if lines else "")
            out.append(f"{self.anchor(b)}<pre><code{cls}>{code}</code></pre>\n")
        elif kind == md.RULE:
            out.append(f"{self.anchor(b)}<hr>\n")
        elif kind == md.HEADING:
            tag = f"h{b.level}"
            out.append(f"{self.anchor(b)}<{tag}>")
            self.lines(b)
            out.append(f"</{tag}>\n")
        elif kind == md.ITEM:
            self.item(b)
        elif kind == md.ROW:
            self.row(b)
        else:
            out.append(f"{self.anchor(b)}<p>")
            self.lines(b)
            out.append("</p>\n")

    def item(self, b: md.Block) -> None:
        out = self.out
        tag = "ol" if b.number is not None else "ul"
        lists = self.lists
        while len(lists) > 1 and b.indent < lists[-1][0]:
            self.close_lists(len(lists) - 1)
        if lists and b.indent >= lists[-1][0] + 2 and len(lists) < MAX_NESTING:
            pass                                           # nested in the open item
        elif lists and lists[-1][1] == tag:
            out.append("</li>\n")
            lists.pop()
            lists.append((b.indent, tag))
            out.append(f"<li>{self.anchor(b)}")
            self.lines(b)
            return
        elif lists:
            self.close_lists(len(lists) - 1)
        start = ""
        if b.number is not None and b.number.lstrip("0") != "1":
            start = f' start="{int(b.number)}"'
        out.append(f"<{tag}{start}>\n<li>{self.anchor(b)}")
        lists.append((b.indent, tag))
        self.lines(b)

    def row(self, b: md.Block) -> None:
        out = self.out
        cell = "th" if b.level else "td"
        if b.table != self.table:
            self.table = b.table
            out.append(f"{self.anchor(b)}<table>")
            if b.level:
                out.append("<thead>")
        out.append("<tr>")
        nodes = b.inlines
        k = 0
        for _, a, e in b.cells or ():
            j = k
            while j < len(nodes) and nodes[j].start < e:
                j += 1
            out.append(f"<{cell}>")
            self.inline(nodes[k:j], a, e, True)
            out.append(f"</{cell}>")
            k = j
        out.append("</tr>\n")
        if b.level:
            out.append("</thead><tbody>\n")

    def lines(self, b: md.Block) -> None:
        """The block's lines, joined by line breaks (``<br>`` for a hard break)."""
        out = self.out
        nodes = b.inlines
        k = 0
        starts, ends = b.starts, b.ends
        last = len(starts) - 1
        for i in range(last + 1):
            a, e = starts[i], ends[i]
            if a >= self.limit:
                self.truncated = True
                break
            j = k
            while j < len(nodes) and nodes[j].start < e:
                j += 1
            self.inline(nodes[k:j], a, e, i == last)
            k = j
            if i < last:
                out.append("\n")

    # -- inline ---------------------------------------------------------------------------------
    def inline(self, nodes, a: int, e: int, last_line: bool) -> None:
        src, out = self.src, self.out
        if e > self.limit:
            e = self.limit
            self.truncated = True
        pos = a
        for n in nodes:
            if n.end > e:
                break
            if n.start > pos:
                out.append(_esc(src[pos:n.start]))
            pos = n.end
            kind = n.kind
            if kind == md.DELIM:
                closes, opens = n.data if n.data else ((), ())
                out.extend(f"</{_TAGS[k]}>" for k, _ in closes)
                out.append(_esc(src[n.start + n.a:n.end - n.b]))
                out.extend(f"<{_TAGS[k]}>" for k, _ in reversed(opens))
            elif kind == md.ESCAPE:
                out.append(_esc(src[n.start + 1]))
            elif kind == md.CODE_SPAN:
                out.append(f"<code>{_esc(src[n.a:n.b])}</code>")
            elif kind == md.LINK:
                out.append(f'<a href="{_attr(safe_href(n.target))}">')
                self.inline(n.children, n.a, n.b, True)
                out.append("</a>")
            elif kind == md.AUTOLINK:
                url = n.target
                shown = url[7:] if url.lower().startswith("mailto:") else url
                out.append(f'<a href="{_attr(safe_href(url))}">{_esc(shown)}</a>')
            elif kind == md.IMAGE:
                alt = md.plain_alt(self.doc, n)
                if _remote(n.target):
                    label = f"\u202f: {alt}" if alt.strip() else ""
                    out.append(f'<span class="remote">[image distante non chargée{_esc(label)}]'
                               "</span>")
                else:
                    out.append(f'<img src="{_attr(html.unescape(n.target))}" alt="{_attr(alt)}">')
            elif kind == md.FOOTREF:
                out.append(self.footref(n.target))
            elif kind == md.ENTITY:
                out.append(_esc(n.target))
            elif kind == md.BREAK:
                if not last_line:
                    out.append("<br>")
            elif kind in (md.TAG, md.URL):
                out.append(_esc(src[n.start:n.end]))
            # comments: not shown
        if e > pos:
            out.append(_esc(src[pos:e]))

    def number(self, label: str) -> int:
        """The number of footnote ``label`` (the next one when it is first cited)."""
        n = self.cited.get(label)
        if n is None:
            n = self.cited[label] = len(self.cited) + 1
            self.cite_order.append(label)
        return n

    def footref(self, label: str) -> str:
        number = self.number(label)
        seen = self.refs_seen.get(label, 0) + 1
        self.refs_seen[label] = seen
        name = _attr(label)
        ref = f"fnref:{name}" if seen == 1 else f"fnref{seen}:{name}"
        return (f'<sup id="{ref}"><a name="{ref}"></a>'
                f'<a class="footnote-ref" href="#fn:{name}">{number}</a></sup>')

    def footnotes(self) -> None:
        """The notes at the end, in the order they were first cited (a note may cite another),
        then the others."""
        notes = self.doc.footnotes
        if not notes:
            return
        out = self.out
        order = self.cite_order
        out.append('<div class="footnote">\n<hr>\n<ol>\n')
        k = 0
        while True:
            if k == len(order):
                rest = [label for label in notes if label not in self.cited]
                if not rest:
                    break
                for label in rest:
                    self.number(label)
            label = order[k]
            k += 1
            name = _attr(label)
            out.append(f'<li id="fn:{name}"><a name="fn:{name}"></a>')
            blocks = notes[label]
            last = len(blocks) - 1
            for i, b in enumerate(blocks):
                if i and b.ms >= 0:
                    break                     # the label defined again: the first one counts
                out.append(f"{self.anchor(b)}<p>")
                self.lines(b)
                ends_note = i == last or blocks[i + 1].ms >= 0
                if ends_note and label in self.refs_seen:
                    out.append(f'\u00a0<a class="footnote-backref" href="#fnref:{name}">'
                               "&#8617;</a>")
                out.append("</p>")
            out.append("</li>\n")
        out.append("</ol>\n</div>\n")


def render(source: str) -> str:
    """The preview HTML of a post (a full document with a small style sheet)."""
    doc = md.parse(source)
    r = _Renderer(doc)
    with md.collector_paused():
        body = r.run()
    if r.truncated:
        body = f'<p class="notice">{_esc(NOTICE_TRUNCATED)}</p>' + body
    head = ""
    fm = doc.front_matter
    if fm.data:
        title = fm.title
        nets = fm.data.get("networks")
        if isinstance(nets, list) and nets:
            head = f'<p class="fm">{_esc(", ".join(str(n) for n in nets))}</p>'
        first = next((b for b in doc.blocks if b.label is None), None)
        opens_with_title = (first is not None and first.kind == md.HEADING and first.level == 1
                            and not first.setext)
        if title and not opens_with_title:
            head = f"<h1>{_esc(title)}</h1>" + head
    return (f"<html><head><style>{CSS}</style></head><body><a name=\"L1\"></a>{head}"
            f"{breakable_html(body)}</body></html>")


def anchor_lines(html_text: str) -> list[int]:
    """Source lines that have an anchor in ``html_text``, sorted."""
    return sorted({int(x) for x in re.findall(r'<a name="L(\d+)"', html_text)})
