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


def test_a_picture_in_the_preview_has_no_blank_band_under_it(qtbot, tmp_path):
    """The text's 140 % line height is not applied to a line holding a picture (it left a
    band of 40 % of the picture's height empty under it); text lines keep it."""
    from PySide6.QtGui import QColor, QImage

    from editor.ui.preview import PreviewBrowser

    (tmp_path / "images").mkdir()
    img = QImage(480, 360, QImage.Format.Format_RGB32)
    img.fill(QColor("#c08080"))
    assert img.save(str(tmp_path / "images" / "a.png"))
    b = PreviewBrowser()
    qtbot.addWidget(b)
    b.resize(400, 900)
    b.set_base_dir(tmp_path)
    b.show_html(render("Un texte.\n\nAvant ![avant](images/a.png) après ![apres](images/a.png)"
                       "\n\nFin.\n"))
    doc = b.document()
    blocks = [doc.findBlockByNumber(i) for i in range(doc.blockCount())]
    text, pictures = blocks[0], next(bl for bl in blocks if "\ufffc" in bl.text())
    image_h = max(120, b.viewport().width() - 40) * 360 / 480      # shown at the view's width
    lines = text.layout().boundingRect().height()
    assert pictures.layout().boundingRect().height() < 2 * image_h + 3 * lines
    assert text.blockFormat().lineHeight() == 140                  # text lines: unchanged
