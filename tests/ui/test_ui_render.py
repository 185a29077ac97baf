"""Preview HTML (Qt-free) and Markdown highlighting."""
from editor.document.html import anchor_lines, render


def test_hostile_html_is_escaped_and_links_are_defused():
    src = ("---\ntitle: T\n---\n<script>alert(1)</script>\n\n<iframe src=\"https://x\"></iframe>\n\n"
           "[a](javascript:alert(1)) [b](https://ok.example) ![c](http://remote/x.png) "
           "<img src=\"http://remote/y.png\">\n")
    html = render(src)
    body = html[html.index("<body>"):]
    assert "<script" not in body and "<iframe" not in body and "&lt;script&gt;" in body
    assert 'href="#"' in body and 'href="https://ok.example"' in body
    import re

    assert not re.search(r'<img[^>]*src="http', body)
    assert "image distante non chargée" in body


def test_line_anchors_follow_the_source():
    src = "---\ntitle: T\n---\n# Titre\n\nParagraphe un.\n\n```\ncode\n\ncode\n```\n\n- liste\n"
    lines = anchor_lines(render(src))
    assert 4 in lines and 6 in lines and 14 in lines
    assert 9 not in lines and 11 not in lines      # nothing inside the code fence


def test_highlighter_fence_state_and_hashtags(qtbot):
    from PySide6.QtGui import QTextCharFormat, QTextDocument

    from editor.ui.highlighter import FENCE, NORMAL, MarkdownHighlighter

    doc = QTextDocument()
    h = MarkdownHighlighter(doc)
    doc.setPlainText("# Titre\n```\n# pas un titre\n```\nTexte 😀 #chirurgie **gras**")
    h.rehighlight()
    states = [doc.findBlockByNumber(i).userState() for i in range(5)]
    assert states == [NORMAL, FENCE, FENCE, NORMAL, NORMAL]
    last = doc.findBlockByNumber(4)
    ranges = last.layout().formats()
    fmts = {(r.start, r.length): QTextCharFormat(r.format) for r in ranges}
    # "#chirurgie" starts at code point 8, UTF-16 position 9 (after the emoji)
    assert (9, 10) in fmts and fmts[(9, 10)].fontWeight() > 400
    assert h.formats["hashtag"].foreground().color() == fmts[(9, 10)].foreground().color()
