"""The PDF compliance report is a designed A4 document (issue 10): the post's title and practice, a
summary with French local dates, the decisions table, the exported texts, the text's fingerprint
in the footer with « Page n / N »; no path, no counting code name, no ISO timestamp, no empty
table; English labels when the interface is English.

The content is checked on the rich text the painter lays out (no display needed); the PDF is
checked for its pages (A4, their number)."""
from __future__ import annotations

import html
import json
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import make_test_engine  # noqa: E402

from editor.export import report as rep  # noqa: E402

ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
HASH = "3363dabd00662d7582714c56258e7979c423911e8c63bda64f17c42948e683cb"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.out: list[str] = []

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("br", "p", "tr", "h1", "h2", "h3", "li", "td", "th"):
            self.out.append("\n")


def text_of(page: str) -> str:
    t = _Text()
    t.feed(page)
    return html.unescape("".join(t.out))


@pytest.fixture
def paris(monkeypatch):
    """Local time is Paris time (dates are printed in local time)."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def finding(i: int, decision: str = "open", **kw) -> dict:
    d = {"id": f"f{i}", "rule": "pricing.discount", "category": "pricing", "severity": "error",
         "message": "Les remises et promotions sont interdites.",
         "reference": "Règles de Instagram (resources/networks/instagram.yaml)",
         "line": 3 + i, "column": 1, "start": 10 * i, "end": 10 * i + 5, "text": f"-{i}0 %",
         "decision": decision, "reason": None, "decided_by": None, "decided_at": None}
    d.update(kw)
    return d


def a_report(findings=None, approved=True, **post) -> dict:
    review = {"state": "approuvé" if approved else "brouillon", "approved": approved,
              "exported_without_review": not approved,
              "reviewed_by": "Inès Dubois (assistante)", "reviewed_at": "2026-12-06T13:05:00Z",
              "approved_by": "Dr Claire Martin (chirurgienne)" if approved else None,
              "approved_at": "2026-12-06T13:40:12+00:00" if approved else None,
              "signatures": [{"by": "Dr Claire Martin", "role": "chirurgienne",
                              "at": "2026-12-06T13:40:12+00:00",
                              "meaning": "j'ai relu ce texte et j'en approuve la publication"}]
              if approved else [],
              "note": None if approved else
              "Exporté sans relecture\u202f: ce texte n’a pas été approuvé avant l’export (état "
              "«\u00a0brouillon\u00a0»). Aucune relecture enregistrée pour cette publication.",
              "journal_head": []}
    return {
        "version": 1, "generated_at": "2026-07-01T08:05:09+00:00", "tool": "tact 0.1.0",
        "post": {"path": "/home/claire/Cabinet secret/posts/rhino.md", "title": "Rhinoplastie",
                 "author": "Cabinet du Dr Claire Martin", "sha256": HASH,
                 "text": "La rhinoplastie se discute.\n\n#chirurgie", "text_format": "body",
                 **post},
        "rules_version": "fr-csp@2026.12.0", "targets": ["instagram", "threads"],
        "networks": {
            "instagram": {"label": "Instagram", "file": "instagram.txt", "sha256": "ab" * 32,
                          "text": "La rhinoplastie se discute.\n\n#chirurgie", "count": 1234,
                          "limit": 2200, "counting": "utf16", "parts": 1,
                          "images": [{"file": "images/instagram/image-01.jpg", "alt": "Schéma",
                                      "source": "/home/claire/photos/nez.png", "sha256": "c" * 64}],
                          "notes": ["Image /home/claire/photos/nez.png retirée du texte."]},
            "threads": {"label": "Threads", "file": "threads.txt", "sha256": "cd" * 32,
                        "text": "Partie un\n\n1/2\n\n-----\n\nPartie deux\n\n2/2", "count": 620,
                        "limit": 500, "counting": "utf8-bytes", "parts": 2, "images": [],
                        "notes": []}},
        "findings": [] if findings is None else findings,
        "review": review,
    }


def test_the_report_has_a_header_a_summary_with_french_local_dates_and_no_path(paris):
    decided = finding(1, "accepted", reason="faux positif\u202f: prix d’un remboursement",
                      decided_by="Dr Claire Martin (chirurgienne)",
                      decided_at="2026-12-06T13:20:00+00:00")
    page = rep.report_html(a_report([decided, finding(2, "sent-back")]))
    text = text_of(page)
    assert "RAPPORT DE CONFORMITÉ" in text and "Rhinoplastie" in text
    assert "Cabinet du Dr Claire Martin" in text                   # the practice, under the title
    assert "6 décembre 2026 à 14 h 05" in text                     # reviewed (13:05 UTC)
    assert "6 décembre 2026 à 14 h 40" in text                     # approved
    assert "1er juillet 2026 à 10 h 05" in text                    # exported (summer time)
    assert "fr-csp@2026.12.0" in text and HASH in text
    assert "Inès Dubois (assistante)" in text and "Texte approuvé" in text
    assert not ISO.search(text), ISO.search(text)
    assert "utf16" not in page and "utf8-bytes" not in page and "weighted" not in page
    assert "1\u202f234 / 2\u202f200 caractères" in text and "620 / 500 octets" in text
    for path_bit in ("/home/claire", "Cabinet secret", "posts/rhino.md", "resources/networks",
                     "images/instagram"):
        assert path_bit not in text, path_bit
    assert "image-01.jpg" in text and "nez.png" in text            # names, never where they lie


def test_the_decisions_table_has_its_columns_zebra_rows_and_who_decided(paris):
    rows = [finding(1, "accepted", reason="faux positif\u202f: prix d’un remboursement",
                    decided_by="Dr Claire Martin (chirurgienne)",
                    decided_at="2026-12-06T13:20:00+00:00"),
            finding(2, "sent-back", reason="À reformuler", decided_by="Inès Dubois",
                    decided_at="2026-12-06T13:21:00+00:00"),
            finding(3, "open", text="", in_comment=True)]
    page = rep.report_html(a_report(rows))
    text = text_of(page).replace("\u00a0", " ")
    head = page[page.index("<thead>"):page.index("</thead>")]
    assert [text_of(h).strip() for h in re.findall(r"<th[^>]*>.*?</th>", head)] == \
        ["Passage", "Problème", "Décision", "Motif", "Par"]
    body = page[page.index("<tbody>"):page.index("</tbody>")]
    assert body.count("<tr>") == 3 and body.count(f'bgcolor="{rep.ZEBRA}"') == 5   # row 2 of 3
    assert "« -10 % »" in text
    assert not re.search(r"\b(ligne|colonne|line|column)\b", text)     # no positions, ever
    assert "acceptée" in text and "renvoyée à l’auteur" in text and "non traitée" in text
    assert "faux positif\u202f: prix d’un remboursement" in text
    assert "Inès Dubois\n6 décembre 2026\nà 14 h 21" in text     # name, then day, then time
    assert "Dr Claire Martin (chirurgienne)\n6 décembre 2026\nà 14 h 20" in text
    assert "(passage dans un commentaire, non exporté)" in text
    assert "Les remises et promotions sont interdites." in text and "erreur" in text


def test_empty_sections_say_so_instead_of_an_empty_table():
    r = a_report([])
    r["networks"] = {}
    page = rep.report_html(r)
    text = text_of(page)
    assert "<table" in page                         # the banner and the summary
    assert "<thead>" not in page and "Passage" not in text
    assert "Aucun constat\u202f: le vérificateur n’a rien signalé sur ce texte." in text
    assert "Aucun texte par réseau n’a été exporté." in text
    r = a_report([], approved=False)
    r["networks"]["instagram"]["images"] = []
    r["networks"]["instagram"]["notes"] = []
    text = text_of(rep.report_html(r))
    assert "Images jointes" not in text and "Remarques de conversion" not in text
    assert "Signatures" not in text


def test_an_unreviewed_export_says_so_and_never_calls_it_approved():
    text = text_of(rep.report_html(a_report([finding(1)], approved=False)))
    assert "Exporté sans relecture\u202f: ce texte n’a pas été approuvé avant l’export." in text
    assert "brouillon — exporté sans relecture" in text
    assert "Aucune relecture enregistrée pour cette publication." in text
    assert "aucune approbation" in text and "Texte exporté sans relecture" in text
    assert "approuvé" not in text.replace("n’a pas été approuvé", "")


def test_english_labels_when_the_interface_is_english(paris):
    decided = finding(1, "accepted", reason="faux positif\u202f: prix d’un remboursement",
                      decided_by="Dr Claire Martin", decided_at="2026-12-06T13:20:00+00:00")
    page = rep.report_html(a_report([decided, finding(2)]), "en")
    text = text_of(page)
    for label in ("COMPLIANCE REPORT", "Summary", "Review state", "Reviewed by", "Approved by",
                  "Exported on", "Rule pack version", "Review decisions", "Passage", "Problem",
                  "Decision", "Reason", "Exported texts", "Approved text"):
        assert label in text, label
    assert "6 December 2026 at 14:05" in text and "1 July 2026 at 10:05" in text
    assert "1,234 / 2,200 characters" in text and "620 / 500 bytes" in text
    assert "accepted" in text and "not handled" in text and "false positive:" in text
    assert "I have reviewed this text and approve its publication" in text
    assert "approved" in text.lower() and "approuvé" not in text      # the state, in English
    for french in ("Rapport de conformité", "Résumé", "Relu par", "Décisions de relecture",
                   "Textes exportés", "décembre", "caractères"):
        assert french not in text, french
    assert "Les remises et promotions sont interdites." in text      # the rule's text stays
    assert not ISO.search(text)
    unreviewed = text_of(rep.report_html(a_report([], approved=False), "en"))
    assert "Exported without review: this text was not approved before the export." in unreviewed
    assert "draft — exported without review" in unreviewed
    assert "No review recorded for this post." in unreviewed and "No findings" in unreviewed


def test_dates_paths_and_fingerprints_helpers(paris):
    assert rep.format_date("2026-12-06T13:05:00Z") == "6 décembre 2026 à 14 h 05"
    assert rep.format_date("2026-03-01T08:00:00+00:00") == "1er mars 2026 à 9 h 00"
    assert rep.format_date("2026-12-06T13:05:00Z", "en") == "6 December 2026 at 14:05"
    assert rep.format_date("pas une date") == "pas une date" and rep.format_date(None) == ""
    assert rep.short_hash(HASH) == "3363dabd0066…83cb"
    assert rep.no_paths("Journal /home/ines/posts/a.review.jsonl illisible") == \
        "Journal a.review.jsonl illisible"
    assert rep.no_paths(r"Image C:\Users\ines\nez.png absente") == "Image nez.png absente"
    url = "Voir https://www.has-sante.fr/jcms/c_1234567/fr/page et www.ordre.fr/a/b."
    assert rep.no_paths(url) == url
    assert rep.no_paths("Remise de -20 % / mois / an") == "Remise de -20 % / mois / an"
    assert rep.no_paths("Photos avant/après, 1/2") == "Photos avant/après, 1/2"
    assert rep.no_paths("Source : https://www.has-sante.fr/docs/fiche.pdf") == \
        "Source : https://www.has-sante.fr/docs/fiche.pdf"
    assert rep.no_paths("(resources/networks/instagram.yaml)") == "(instagram.yaml)"
    assert rep.no_paths("/home/claire/Cabinet secret/posts/rhino.md") == "rhino.md"
    left = rep.footer_text(a_report())
    assert left == "Empreinte du texte 3363dabd0066…83cb · Règles fr-csp@2026.12.0"
    assert rep.footer_text(a_report(), "en").startswith("Text fingerprint 3363dabd0066…83cb")
    assert rep.page_label(1, 2) == "Page 1 / 2"


def _pdf_pages(data: bytes) -> tuple[int, list[bytes]]:
    counts = [int(n) for n in re.findall(rb"/Count (\d+)", data)]
    boxes = re.findall(rb"/MediaBox \[([^\]]*)\]", data)
    return max(counts), boxes


def _title(data: bytes) -> str:
    raw = re.search(rb"/Title \((.*?)\)\n", data, re.DOTALL).group(1)
    raw = re.sub(rb"\\(.)", rb"\1", raw)               # PDF string escapes
    return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def test_the_pdf_is_a4_and_counts_its_pages(tmp_path):
    short = tmp_path / "court.pdf"
    pages = rep.write_pdf(short, a_report([finding(1)]), "fr")
    data = short.read_bytes()
    assert data.startswith(b"%PDF")
    count, boxes = _pdf_pages(data)
    assert count == pages >= 1 and len(boxes) == pages
    for box in boxes:                                    # A4: 595 × 842 points
        x0, y0, x1, y1 = (float(v) for v in box.split())
        assert (round(x1 - x0), round(y1 - y0)) == (595, 842)
    long = tmp_path / "long.pdf"
    many = [finding(i, reason="Motif " * 12) for i in range(60)]
    more = rep.write_pdf(long, a_report(many), "en")
    count, boxes = _pdf_pages(long.read_bytes())
    assert more == count == len(boxes) > pages         # the table runs over several pages
    assert _title(long.read_bytes()) == "Compliance report — Rhinoplastie"
    assert _title(data) == "Rapport de conformité — Rhinoplastie"
    assert (long.stat().st_mode & 0o777) == 0o600


def test_the_pdf_language_follows_the_interface(monkeypatch):
    app = rep.painting_app()
    old = app.property("tact_language")
    try:
        app.setProperty("tact_language", "en")
        monkeypatch.setenv("TACT_LANG", "fr")
        assert rep.report_language() == "en"            # the running editor's language first
        app.setProperty("tact_language", "")
        assert rep.report_language() == "fr"
        monkeypatch.setenv("TACT_LANG", "en_GB")
        assert rep.report_language() == "en"            # tact export: TACT_LANG
        monkeypatch.setenv("TACT_LANG", "de")
        assert rep.report_language() == "fr"
        assert rep.report_language("en") == "en"
    finally:
        app.setProperty("tact_language", old or "")


def test_a_real_export_report_shows_no_path_and_no_code_names(tmp_path, monkeypatch):
    from editor.export.exporter import export_posts

    monkeypatch.setenv("TACT_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "Dossier Patiente Dupont"
    folder.mkdir()
    post = folder / "rhino.md"
    post.write_text("---\ntitle: La rhinoplastie\nauthor: Dr Claire Martin\nnetworks: [x]\n---\n"
                    "Une superpromo ici. " + "Le nez se discute en consultation. " * 12 + "\n",
                    encoding="utf-8")
    eng = make_test_engine(tmp_path / "pack")
    res = export_posts([str(post)], ["x", "threads"], tmp_path / "export", eng, pdf=True,
                       allow_unreviewed=True)
    assert res.exit_code == 1 and res.refused      # « superpromo » is an error: refused…
    post.write_text(post.read_text("utf-8").replace("Une superpromo ici. ", ""), encoding="utf-8")
    res = export_posts([str(post)], ["x", "threads"], tmp_path / "export", eng, pdf=True,
                       allow_unreviewed=True)
    assert res.exit_code == 0, [p.message for p in res.refused + res.problems]
    pe = res.posts[0]
    report = json.loads(pe.report_json.read_text("utf-8"))
    assert report["post"]["author"] == "Dr Claire Martin"
    for lang in ("fr", "en"):
        page = rep.report_html(report, lang)
        text = text_of(page)
        assert "La rhinoplastie" in text and "Dr Claire Martin" in text
        assert "Dossier Patiente Dupont" not in text and str(tmp_path) not in text
        assert "utf16" not in page and "utf8-bytes" not in page
        assert not ISO.search(text)
    assert pe.report_pdf.read_bytes().startswith(b"%PDF")


def test_one_row_per_problem_with_its_reasons_and_no_position(paris):
    """Findings sharing a group are one problem: one row, the passage quoted once (joined over
    the findings' offsets), each distinct reason listed, the worst first."""
    a = finding(1, "accepted", group="g1", start=10, end=21, text="avant/après",
                category="before-after", severity="warning", message="Photos avant/après.",
                reason="faux positif\u202f: schéma", decided_by="Dr Claire Martin",
                decided_at="2026-12-06T13:20:00+00:00")
    b = finding(2, "accepted", group="g1", start=16, end=30, text="après garanti",
                category="misleading-claim", message="Résultat garanti.",
                reason="faux positif\u202f: schéma", decided_by="Dr Claire Martin",
                decided_at="2026-12-06T13:20:00+00:00")
    c = finding(3, group="g2", start=40, end=45)
    page = rep.report_html(a_report([a, b, c]))
    body = page[page.index("<tbody>"):page.index("</tbody>")]
    assert body.count("<tr>") == 2
    text = text_of(page)
    assert "«\u00a0avant/après garanti\u00a0»" in text
    first = text_of(re.findall(r"<tr>.*?</tr>", body)[0])
    assert first.index("Résultat garanti.") < first.index("Photos avant/après.")   # error first
    assert first.count("faux positif") == 1 and "acceptée" in first
    assert "2 problème(s) relevé(s)" in text
    assert not re.search(r"\b(ligne|colonne)\b", text)


@pytest.mark.parametrize("raw, quoted", [
    ("avant ![avant](images/avant.jpg) et après", "avant image avant.jpg et après"),
    ("ant ![avant](ima", "ant avant"),
    ("![](photos/Résultat 1.png)", "image Résultat 1.png"),
    ("![Schéma du nez]()", "Schéma du nez"),
    ("![](photos/resultat.png)", "image resultat.png"),
    ("-20 %", "-20 %"),
])
def test_passages_are_quoted_cleanly(raw, quoted):
    assert rep.quote_passage(raw) == quoted


def test_long_passages_are_cut_on_word_boundaries():
    words = "Le lifting cervico-facial donne des résultats naturels et durables " * 6
    out = rep.quote_passage(words, 60)
    assert len(out) <= 60 and " … " in out and out.count("…") == 1
    head, tail = out.split(" … ")
    assert words.startswith(head) and " ".join(words.split()).endswith(tail)
    for w in head.split() + tail.split():                   # whole words only
        assert w in words.split(), w
    assert "…" not in rep.quote_passage("Court et entier.")


def test_the_par_cell_keeps_dates_unbreakable(paris):
    row = finding(1, "accepted", reason="ok", decided_by="Inès Dubois",
                  decided_at="2026-12-06T13:20:00+00:00")
    page = rep.report_html(a_report([row]))
    body = page[page.index("<tbody>"):page.index("</tbody>")]
    assert "6\u00a0décembre\u00a02026<br>à\u00a014\u00a0h\u00a020" in html.unescape(body)
    body_en = rep.report_html(a_report([row]), "en")
    assert "6\u00a0December\u00a02026<br>at\u00a014:20" in html.unescape(body_en)


@pytest.mark.parametrize("fillers", range(20, 34))
def test_a_heading_never_stays_alone_at_the_foot_of_a_page(fillers):
    rep.painting_app()
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    body = 600.0
    text = "".join(f"<p>Paragraphe {i} du rapport.</p>" for i in range(fillers))
    doc = QTextDocument()
    doc.setHtml(text + "<h2>Textes exportés</h2><p>Le texte publié sur Instagram.</p>")
    doc.setPageSize(QSizeF(400.0, body))
    rep.keep_headings_with_next(doc, body)
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            page = layout.blockBoundingRect(block).top() // body
            assert layout.blockBoundingRect(block.next()).top() // body == page
        block = block.next()
