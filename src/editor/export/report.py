"""The compliance report of an export, as JSON and as PDF (Qt's own printing, offscreen).

The JSON is the record; the PDF is the same content for a human (the Ordre, a lawyer, the practice).
QtGui is imported only when a PDF is written, on the offscreen platform when no GUI is running;
QtWidgets is never imported.
"""
from __future__ import annotations

import html
import json
import os
from pathlib import Path

DECISIONS_FR = {"accepted": "acceptée", "sent-back": "renvoyée à l’auteur", "open": "non traitée"}
SEVERITIES_FR = {"error": "erreur", "warning": "avertissement", "info": "information"}


def finding_record(f, decision: dict | None = None) -> dict:
    """A finding with its decision (``accepted``, ``sent-back`` or ``open``), reason, who, when."""
    d = f.to_json()
    decision = decision or {}
    d["decision"] = "accepted" if f.waived else decision.get("decision", "open")
    d["reason"] = decision.get("reason")
    d["decided_by"] = decision.get("decided_by")
    d["decided_at"] = decision.get("decided_at")
    return d


def write_json(path: Path, report: dict) -> None:
    from editor.fileio import write_atomic

    write_atomic(path, (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _esc(s) -> str:
    return html.escape("" if s is None else str(s))


def report_html(report: dict) -> str:
    post = report["post"]
    review = report.get("review", {})
    rows = []
    for f in report["findings"]:
        rows.append(
            "<tr>" + "".join(f"<td>{_esc(x)}</td>" for x in (
                f"{f['line']}:{f['column']}", SEVERITIES_FR.get(f["severity"], f["severity"]),
                f["category"], f["rule"], _short(f["text"]), f["message"],
                DECISIONS_FR.get(f["decision"], f["decision"]), f.get("reason") or "",
                f.get("decided_by") or "")) + "</tr>")
    nets = []
    for name, n in report["networks"].items():
        imgs = "".join(f"<li>{_esc(i['file'])} — texte alternatif : {_esc(i['alt'])}</li>"
                       for i in n.get("images", []))
        nets.append(
            f"<h3>{_esc(n['label'])} — {_esc(n['file'])}</h3>"
            f"<p>{n['count']} / {n['limit']} ({_esc(n['counting'])}), "
            f"{n['parts']} partie(s). SHA-256 : <tt>{_esc(n['sha256'])}</tt></p>"
            f"<pre>{_esc(n['text'])}</pre>" + (f"<ul>{imgs}</ul>" if imgs else ""))

    def who(key_by, key_at):
        by, at = review.get(key_by), review.get(key_at)
        return f"{_esc(by)} le {_esc(at)}" if by else "non renseigné"

    note = f"<p><i>{_esc(review['note'])}</i></p>" if review.get("note") else ""
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: sans-serif; font-size: 9pt; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #888; padding: 2px; }}
pre {{ white-space: pre-wrap; font-family: monospace; font-size: 8pt; }}
</style></head><body>
<h1>Rapport de conformité — {_esc(post.get('title') or post['path'])}</h1>
<p>Publication : {_esc(post['path'])}<br>
Exporté le : {_esc(report['generated_at'])} ({_esc(report['tool'])})<br>
SHA-256 du texte approuvé : <tt>{_esc(post['sha256'])}</tt><br>
Version des règles : {_esc(report['rules_version'])}<br>
Relu par : {who('reviewed_by', 'reviewed_at')}<br>
Approuvé par : {who('approved_by', 'approved_at')}<br>
État de la relecture : {_esc(review.get('state') or 'non renseigné')}</p>{note}
<h2>Constats ({len(report['findings'])})</h2>
<table><tr><th>Position</th><th>Gravité</th><th>Catégorie</th><th>Règle</th><th>Passage</th>
<th>Message</th><th>Décision</th><th>Motif</th><th>Par</th></tr>
{''.join(rows)}</table>
<h2>Textes exportés</h2>{''.join(nets)}
<h2>Texte approuvé</h2><pre>{_esc(post['text'])}</pre>
</body></html>"""


def _gui_app():
    """A Q(Gui)Application for painting: the running one, else an offscreen QGuiApplication.

    The editor already runs a QApplication, which is reused. A process that creates widgets later
    (a test session) must create its QApplication before the first PDF export.
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["tact-export", "-platform", "offscreen"])
    return app


_APP = None


def write_pdf(path: Path, report: dict) -> None:
    """The report as a PDF (A4), through QTextDocument + QPdfWriter."""
    global _APP
    _APP = _gui_app()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    tmp = path.with_name(path.name + ".tmp")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(f"Rapport de conformité — {report['post']['path']}")
    writer.setCreator(report["tool"])
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    doc = QTextDocument()
    doc.setHtml(report_html(report))
    doc.print_(writer)
    del writer
    if not tmp.is_file() or tmp.stat().st_size == 0:
        raise OSError("the PDF report could not be written")
    os.replace(tmp, path)
