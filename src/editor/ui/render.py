"""Markdown -> HTML for the preview (no Qt here: it runs on a worker thread).

* python-markdown with ``extra``; raw HTML written in the post is escaped (shown as text, never
  interpreted): no script, no iframe, no remote ``<img>`` can come from the post.
* Links keep only safe schemes (http, https, mailto, relative); the preview asks before opening any.
* Each top-level block gets an anchor ``L<line>`` (1-based source line) so the preview can follow
  the editor's scroll position.
* The front matter is not rendered; the title from it is shown as a header.
* Bounded: fenced code is rendered here and python-markdown only gets blocks whose cost is within
  a budget (:mod:`editor.ui.render_guard`); the others are shown as written. A render takes about
  a second at most, whatever the post.
"""
from __future__ import annotations

import html
import logging
import re

import markdown

from editor.document.post import parse_front_matter
from editor.ui import render_guard

log = logging.getLogger(__name__)

_MARK_OPEN, _MARK_CLOSE = "\uf8f0", "\uf8f1"   # private-use: never typed, never touched by markdown
_MARK_RE = re.compile(_MARK_OPEN + r"L(\d+)" + _MARK_CLOSE)
_SETEXT_LINE = re.compile(r"[=-]+")
_SAFE_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")', re.IGNORECASE)
_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")', re.IGNORECASE)
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_FOOTNOTE_ID = re.compile(r'(<(?:li|sup)\b[^>]*?\sid="(fn(?:ref)?:[^"<>]{1,100})"[^>]*>)')

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
"""


def _markers(lines: list[str], numbers: list[int], first_line: int) -> str:
    """Append an invisible line marker at the end of the first line of each top-level block.

    ``numbers[i]`` is the body line (0-based) that ``lines[i]`` stands for; fenced code is already
    out of the text (see :mod:`editor.ui.render_guard`).
    """
    out = []
    prev_blank = True
    for line, number in zip(lines, numbers):
        stripped = line.strip()
        if stripped and prev_blank and not line.startswith(("    ", "\t")) \
                and not stripped.startswith("|") and not stripped.startswith(("---", "***", "___")) \
                and not _SETEXT_LINE.fullmatch(stripped):
            line = f"{line.rstrip()}{_MARK_OPEN}L{first_line + number}{_MARK_CLOSE}"
        out.append(line)
        prev_blank = not stripped
    return "\n".join(out)


def _new_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    # Raw HTML is not interpreted: it stays text and is escaped by the serializer.
    # Fenced code is rendered by render_guard (python-markdown searches its fences again from the
    # start of the document for each one found: quadratic).
    for name in ("html_block", "fenced_code_block"):
        if name in md.preprocessors:
            md.preprocessors.deregister(name)
    for name in ("html",):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    if "markdown_block" in md.parser.blockprocessors:
        md.parser.blockprocessors.deregister("markdown_block")
    return md


def _safe_href(m: re.Match) -> str:
    url = html.unescape(m.group(2)).strip()
    low = url.lower()
    if low.startswith("#"):
        pass       # a place in the preview itself (footnotes: #fn:1, #fnref:1)
    elif ":" in low.split("/", 1)[0] and not low.startswith(_SAFE_SCHEMES):
        url = "#"   # javascript:, data:, file: ... never followed
    return m.group(1) + html.escape(url, quote=True) + m.group(3)


_REMOTE_IMG = re.compile(r'<img\b[^>]*?\ssrc="(?:[a-z][a-z0-9+.-]*:|//)[^"]*"[^>]*>', re.IGNORECASE)
_ALT = re.compile(r'\salt="([^"]*)"')


def _remote_image(m: re.Match) -> str:
    if re.search(r'\ssrc="file:', m.group(0), re.IGNORECASE):
        return m.group(0)   # local file URLs are served (or refused) by the preview
    alt = _ALT.search(m.group(0))
    label = alt.group(1) if alt else ""
    return f'<span class="remote">[image distante non chargée{": " + label if label else ""}]</span>'


def _anchor(m: re.Match) -> str:
    return f'<a name="L{m.group(1)}"></a>'


def render(source: str) -> str:
    """The preview HTML of a post (a full document with a small style sheet)."""
    fm = parse_front_matter(source)
    body = source[fm.end:] if fm.end else source
    first_line = source.count("\n", 0, fm.end) + 1
    guarded = render_guard.plan(body)
    try:
        out = _new_markdown().convert(_markers(guarded.lines, guarded.numbers, first_line))
    except RecursionError:
        # Nesting the budget did not foresee: the whole post is shown as written.
        log.warning("preview: python-markdown recursed too deep; the post is shown as written")
        out = render_guard.raw_html(guarded.lines)
        guarded.simplified += 1
    out = _SAFE_HREF.sub(_safe_href, out)
    out = _REMOTE_IMG.sub(_remote_image, out)
    # Anchors move in front of the block they mark (the marker sits at the end of its first line).
    out = re.sub(r"(<(h[1-6]|p|li|ul|ol|blockquote|table|dl|pre)\b[^>]*>)((?:(?!</?\2\b).)*?)"
                 + _MARK_OPEN + r"L(\d+)" + _MARK_CLOSE,
                 lambda m: f'<a name="L{m.group(4)}"></a>{m.group(1)}{m.group(3)}', out,
                 flags=re.DOTALL)
    out = _MARK_RE.sub(_anchor, out)
    out = _FOOTNOTE_ID.sub(r'\1<a name="\2"></a>', out)   # Qt scrolls to names, not ids
    out = out.replace(_MARK_OPEN, "").replace(_MARK_CLOSE, "")
    out = render_guard.breakable_html(render_guard.restore(out, guarded.blocks))
    notices = []
    if guarded.simplified:
        notices.append("Aperçu simplifié\u202f: un passage trop complexe pour être mis en forme "
                       "rapidement est affiché tel qu’il est écrit.")
    if guarded.truncated:
        notices.append("Aperçu limité au début du texte\u202f: la suite n’est pas affichée.")
    out = "".join(f'<p class="notice">{html.escape(n)}</p>' for n in notices) + out
    head = ""
    if fm.data:
        title = fm.title
        nets = fm.data.get("networks")
        meta = []
        if isinstance(nets, list):
            meta.append(", ".join(str(n) for n in nets))
        if meta:
            head = f'<p class="fm">{html.escape(" · ".join(meta))}</p>'
        if title and not re.match(r"\s*#\s", body.lstrip("\n")):
            head = f"<h1>{html.escape(title)}</h1>" + head
    return (f"<html><head><style>{CSS}</style></head><body><a name=\"L1\"></a>{head}{out}"
            "</body></html>")


def anchor_lines(html_text: str) -> list[int]:
    """Source lines that have an anchor in ``html_text``, sorted."""
    return sorted({int(x) for x in re.findall(r'<a name="L(\d+)"', html_text)})
