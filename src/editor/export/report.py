"""The compliance report of an export, as JSON and as PDF (Qt's own printing, offscreen).

The JSON is the record; the PDF is the same content for a human (the Ordre, a lawyer, the practice).
QtGui is imported only when a PDF is written, on the offscreen platform when no GUI is running;
QtWidgets is never imported.

Both carry only what was exported: the approved body (no front matter, no HTML comments) and the
network texts, never the team's notes; the PDF's title metadata is the post's title or file name,
never a path. Both files are private (0600).
"""
from __future__ import annotations

import bisect
import html
import json
import logging
import os
import tempfile
from pathlib import Path

from editor.fileio import PRIVATE_FILE, sweep_stale_temps

log = logging.getLogger(__name__)

DECISIONS_FR = {"accepted": "acceptée", "sent-back": "renvoyée à l’auteur", "open": "non traitée"}
SEVERITIES_FR = {"error": "erreur", "warning": "avertissement", "info": "information"}


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does ``[a, b)`` overlap one of the sorted, disjoint ``spans``?"""
    k = bisect.bisect_right(spans, (a, float("inf"))) - 1
    return any(0 <= i < len(spans) and spans[i][0] < b and a < spans[i][1] for i in (k, k + 1))


def finding_record(f, decision: dict | None = None,
                   hidden: list[tuple[int, int]] | None = None) -> dict:
    """A finding with its decision (``accepted``, ``sent-back`` or ``open``), reason, who, when.

    ``hidden``: source spans never exported (HTML comments); a finding there keeps its rule and
    position but not its passage, which may be a working note (a patient's name).
    """
    d = f.to_json()
    if hidden and _inside(hidden, f.start, f.end):
        d["text"] = ""
        d.pop("suggestion", None)
        d.pop("replacement", None)
        d["in_comment"] = True
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

    # Only the approved text is called so; anything else was exported without review, in red.
    approved = bool(review.get("approved"))
    state = review.get("state") or "non renseigné"
    note = review.get("note") or ""
    if approved:
        note = f"<p><i>{_esc(note)}</i></p>" if note else ""
    else:
        state = f"{state} — exporté sans relecture"
        if "sans relecture" not in note:
            note = ("Exporté sans relecture\u202f: ce texte n’a pas été approuvé avant l’export. "
                    + note).strip()
        note = f'<p style="color:#b00020"><b>{_esc(note)}</b></p>'
    text_name = "texte approuvé" if approved else "texte exporté"
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: sans-serif; font-size: 9pt; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #888; padding: 2px; }}
pre {{ white-space: pre-wrap; font-family: monospace; font-size: 8pt; }}
</style></head><body>
<h1>Rapport de conformité — {_esc(post_name(post))}</h1>
<p>Publication : {_esc(post['path'])}<br>
Exporté le : {_esc(report['generated_at'])} ({_esc(report['tool'])})<br>
SHA-256 du {text_name} : <tt>{_esc(post['sha256'])}</tt><br>
Version des règles : {_esc(report['rules_version'])}<br>
Relu par : {who('reviewed_by', 'reviewed_at')}<br>
Approuvé par : {who('approved_by', 'approved_at')}<br>
État de la relecture : {_esc(state)}</p>{note}
<h2>Constats ({len(report['findings'])})</h2>
<table><tr><th>Position</th><th>Gravité</th><th>Catégorie</th><th>Règle</th><th>Passage</th>
<th>Message</th><th>Décision</th><th>Motif</th><th>Par</th></tr>
{''.join(rows)}</table>
<h2>Textes exportés</h2>{''.join(nets)}
<h2>{'Texte approuvé' if approved else 'Texte exporté sans relecture'}</h2>
<pre>{_esc(post['text'])}</pre>
</body></html>"""


def painting_app():
    """A Q(Gui)Application for painting: the running one, else an offscreen QGuiApplication.

    The editor already runs a QApplication, which is reused. Otherwise (``tact export``) one is
    made on the offscreen platform through its ``-platform`` argument: the process environment is
    left as the caller set it. The application is kept (:data:`_APP`) for the process's life, as
    Qt needs; a process that creates widgets later (a test session) must create its QApplication
    before the first PDF export.
    """
    global _APP
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["tact-export", "-platform", "offscreen"])
    _APP = app
    return app


_APP = None


def post_name(post: dict) -> str:
    """The post's title, else its file name: never a path (it names folders, even users)."""
    raw = str(post.get("path") or "").replace("\\", "/")
    return str(post.get("title") or "") or raw.rstrip("/").rsplit("/", 1)[-1]


def pdf_title(report: dict) -> str:
    """The PDF's title metadata."""
    return f"Rapport de conformité — {post_name(report['post'])}"


def write_pdf(path: Path, report: dict) -> None:
    """The report as a PDF (A4), through QTextDocument + QPdfWriter."""
    painting_app()
    # A temporary name write_atomic's sweep recognises, so a kill mid-write leaves no lasting copy.
    sweep_stale_temps(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _print_pdf(tmp, report)
        if tmp.stat().st_size == 0:
            raise OSError("the PDF report could not be written")
        os.chmod(tmp, PRIVATE_FILE)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def _print_pdf(tmp: Path, report: dict) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(tmp))
    writer.setTitle(pdf_title(report))
    writer.setCreator(report["tool"])
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    doc = QTextDocument()
    doc.setHtml(report_html(report))
    doc.print_(writer)
    del writer
