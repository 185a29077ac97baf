"""The editor colours as links exactly what the networks and the rules take for links (the shared
detector editor.text.urls), plus Markdown's own link syntax."""
import pytest


@pytest.fixture
def colour_of(qtbot):
    from PySide6.QtGui import QTextDocument

    from editor.ui.highlighter import MarkdownHighlighter

    doc = QTextDocument()
    h = MarkdownHighlighter(doc)

    def colour(line: str) -> dict[str, str]:
        """``{text: format name}`` of the coloured runs of ``line`` (ASCII/BMP text)."""
        doc.setPlainText(line)
        h.rehighlight()
        names = {h.formats[n].foreground().color().name(): n for n in ("link", "hashtag")}
        out = {}
        for r in doc.firstBlock().layout().formats():
            name = names.get(r.format.foreground().color().name())
            if name:
                out[line[r.start:r.start + r.length]] = name
        return out
    return colour


def test_bare_urls_are_coloured_like_the_counters_see_them(colour_of):
    runs = colour_of("Voir www.ordre.fr, ameli.fr et « https://exemple.fr/a ». Fin.")
    assert runs == {"www.ordre.fr": "link", "ameli.fr": "link", "https://exemple.fr/a": "link"}


def test_parentheses_and_fragments_stay_in_the_link(colour_of):
    runs = colour_of("(voir https://fr.wikipedia.org/wiki/Lifting_(chirurgie)) "
                        "https://exemple.fr/#tarifs #chirurgie")
    assert runs == {"https://fr.wikipedia.org/wiki/Lifting_(chirurgie)": "link",
                    "https://exemple.fr/#tarifs": "link", "#chirurgie": "hashtag"}


def test_markdown_links_and_autolinks(colour_of):
    runs = colour_of("[le site](https://exemple.fr) <mailto:dr@clinique.fr> dr@clinique.fr")
    assert runs == {"[le site](https://exemple.fr)": "link", "<mailto:dr@clinique.fr>": "link"}
