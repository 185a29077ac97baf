"""What was published, and what may not be: the archive of exports and copies of a post, with
for each the difference between the approved text and what left the app for a network (word
level); and the export's refusal, which lists the open problems in plain words, each with a
button that goes to its passage.

:func:`gate_refusals` is the export's gate run on the text being edited, before any dialog (no
folder is asked for an export that would be refused): the same problems as
:func:`editor.export.exporter.export_posts` would refuse, nothing written."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.review.items import short_passage
from editor.review.session import format_time

KIND_LABELS = {"export": "export", "copy": "copie"}


def diff_ops_html(ops) -> str:
    """``[(equal|delete|insert, text)]`` as HTML: removed struck out in red, added in green."""
    parts = []
    for op, text in ops:
        e = html.escape(text)
        if op == "delete":
            parts.append(f'<span style="background:#fbe3e2;color:#8a1f1c;'
                         f'text-decoration:line-through">{e}</span>')
        elif op == "insert":
            parts.append(f'<span style="background:#e3f5e1;color:#1e5e27">{e}</span>')
        else:
            parts.append(e)
    return '<div style="white-space:pre-wrap">' + "".join(parts) + "</div>"


def record_label(rec: dict) -> str:
    nets = ", ".join(rec.get("networks", {}) or {})
    review = rec.get("review") if isinstance(rec.get("review"), dict) else {}
    unreviewed = " — sans relecture" if review.get("exported_without_review") else ""
    kind = KIND_LABELS.get(rec.get("kind"), rec.get("kind"))
    return f"{format_time(rec.get('time', ''))} — {kind} ({nets}){unreviewed}"


class ExportsDialog(QDialog):
    def __init__(self, post: Path, parent=None) -> None:
        super().__init__(parent)
        from editor.export.archive import find_workspace, records_for

        self.setObjectName("exportsDialog")
        self.setWindowTitle(self.tr("Exports et copies de la publication"))
        self.resize(760, 540)
        self.records = list(reversed(records_for(find_workspace(post), str(post))))
        self.record_combo = QComboBox()
        self.record_combo.setObjectName("exportsRecord")
        for rec in self.records:
            self.record_combo.addItem(record_label(rec))
        self.network_combo = QComboBox()
        self.network_combo.setObjectName("exportsNetwork")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("exportsDiff")
        form = QFormLayout()
        form.addRow(self.tr("Envoi\u00a0:"), self.record_combo)
        form.addRow(self.tr("Réseau\u00a0:"), self.network_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addLayout(form)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        self.record_combo.currentIndexChanged.connect(self._record_changed)
        self.network_combo.currentIndexChanged.connect(self.show_diff)
        if not self.records:
            self.info.setText(self.tr("Cette publication n'a encore été ni exportée ni copiée."))
        self._record_changed()

    def _record_changed(self, *_a) -> None:
        self.network_combo.blockSignals(True)
        self.network_combo.clear()
        i = self.record_combo.currentIndex()
        if 0 <= i < len(self.records):
            rec = self.records[i]
            for n in rec.get("networks", {}) or {}:
                self.network_combo.addItem(n, n)
            review = rec.get("review") if isinstance(rec.get("review"), dict) else {}
            if review.get("approved"):
                self.info.setText(self.tr("Barré en rouge\u00a0: dans le texte approuvé "
                                          "seulement\u00a0; en vert\u00a0: ajouté pour le réseau."))
            else:       # an unreviewed export, or a copy: never call its text « approuvé »
                self.info.setText(self.tr("Barré en rouge\u00a0: dans le texte de la publication "
                                          "seulement\u00a0; en vert\u00a0: ajouté pour le "
                                          "réseau."))
        self.network_combo.blockSignals(False)
        self.show_diff()

    def show_diff(self, *_a) -> None:
        from editor.export.archive import export_diff

        i = self.record_combo.currentIndex()
        net = self.network_combo.currentData()
        if not (0 <= i < len(self.records)) or not net:
            self.view.setHtml("")
            return
        self.view.setHtml(diff_ops_html(export_diff(self.records[i], net)))


# -- the export's refusal --------------------------------------------------------------------
def gate_refusals(engine, text: str, post: Path | None, base_dir: Path | None,
                  targets: list[str], two_person: bool) -> list:
    """Why the export of ``text`` would be refused now: one
    :class:`~editor.export.exporter.Problem` per open blocking problem (an item, its passage
    quoted, its reasons in plain French), then, in two-person mode, the text not being the
    approved one. Runs the engine: call it on a worker (under the engine's lock)."""
    from editor.export.exporter import blocking_items, review_refusal
    from editor.export.platform import platform_findings
    from editor.review.waivers import review_acceptance

    analysis = engine.check(text, base_dir)
    accepted: frozenset[str] = frozenset()
    if post is not None:        # accepted in the review: not blocking
        accepted, _ = review_acceptance(post, analysis.findings)
    findings = platform_findings(analysis, targets) if targets else analysis.findings
    refused = blocking_items(str(post or ""), findings, analysis.source, accepted)
    if two_person and post is not None:
        unapproved = review_refusal(post, text)
        if unapproved is not None:
            refused.append(unapproved)
    return refused


def problem_reasons(problem) -> list[str]:
    """The plain French reasons of a refused problem (its findings' messages, once each)."""
    from editor.review.model import typo

    if problem.findings:
        return [typo(m) for m in dict.fromkeys(f.message for f in problem.findings)]
    return [typo(problem.french)]


class ExportRefusedDialog(QDialog):
    """« Export refusé »: each open problem as its quoted passage and what is wrong, in plain
    words, with « Aller au passage »; :attr:`chosen` is the problem to go to (None: closed)."""

    def __init__(self, problems: list, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("exportRefusedDialog")
        self.setWindowTitle(self.tr("Export refusé"))
        self.problems = list(problems)
        self.chosen: int | None = None
        self.go_buttons: list[QPushButton] = []
        self.head = QLabel(self._head_text(sum(p.finding is not None for p in self.problems)))
        self.head.setObjectName("exportRefusedHead")
        self.head.setWordWrap(True)
        self.head.setTextFormat(Qt.TextFormat.PlainText)
        rows = QWidget()
        rows_lay = QVBoxLayout(rows)
        rows_lay.setContentsMargins(0, 0, 0, 0)
        rows_lay.setSpacing(6)
        self.rows: list[QFrame] = []
        for i, pr in enumerate(self.problems):
            frame = self._problem_row(i, pr)
            rows_lay.addWidget(frame)
            self.rows.append(frame)
        rows_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.head)
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)
        self.resize(620, min(560, 140 + 90 * len(self.problems)))
        if self.go_buttons:
            self.go_buttons[0].setDefault(True)
            self.go_buttons[0].setFocus()

    def _head_text(self, n: int) -> str:
        """What the dialog says first, for ``n`` passages to correct or accept."""
        if n == 0:
            return self.tr("Rien n’a été exporté : la publication n’est pas approuvée.")
        if n == 1:
            return self.tr("Rien n’a été exporté : un passage doit être corrigé, ou accepté "
                           "lors de la relecture avec une raison écrite.")
        return self.tr("Rien n’a été exporté : {n} passages doivent être corrigés, ou "
                       "acceptés lors de la relecture avec une raison écrite.").format(n=n)

    def _problem_row(self, i: int, pr) -> QFrame:
        """One problem: its passage quoted, what is wrong, and « Aller au passage »."""
        frame = QFrame()
        frame.setObjectName("exportRefusedItem")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(frame)
        lay.setContentsMargins(8, 6, 8, 6)
        text = QVBoxLayout()
        if pr.finding is not None:
            passage = short_passage(pr.passage or pr.finding.text)
            quote = QLabel("«\u00a0" + passage + "\u00a0»")
            quote.setObjectName("exportRefusedPassage")
            quote.setTextFormat(Qt.TextFormat.PlainText)     # the post's own words
            quote.setWordWrap(True)
            f = quote.font()
            f.setBold(True)
            quote.setFont(f)
            text.addWidget(quote)
        why = QLabel("\n".join(problem_reasons(pr)))
        why.setObjectName("exportRefusedReason")
        why.setTextFormat(Qt.TextFormat.PlainText)
        why.setWordWrap(True)
        text.addWidget(why)
        lay.addLayout(text, 1)
        if pr.finding is not None:
            go = QPushButton(self.tr("Aller au passage"))
            go.setObjectName("exportRefusedGo")
            go.setToolTip(self.tr("Fermer et sélectionner ce passage dans le texte"))
            go.clicked.connect(lambda _=False, k=i: self.go_to(k))
            lay.addWidget(go, 0, Qt.AlignmentFlag.AlignTop)
            self.go_buttons.append(go)
        return frame

    def go_to(self, index: int) -> None:
        self.chosen = index
        self.accept()

    def shown_text(self) -> str:
        """Everything the dialog says, as plain text (head, then each passage and reason)."""
        out = [self.head.text()]
        for frame in self.rows:
            out.extend(lab.text() for lab in frame.findChildren(QLabel))
        return "\n".join(out)

    @classmethod
    def ask(cls, problems: list, parent=None) -> int | None:
        dlg = cls(problems, parent)
        dlg.exec()
        return dlg.chosen
