"""The review of the current post: its state, the post's workflow actions, comments, history, and
the decisions on its problems (taken on the findings' cards, recorded here). Talks only to
:class:`editor.review.session.ReviewSession`.

The window calls :meth:`ReviewPanel.apply` with every new analysis *before* drawing the findings:
:attr:`ReviewPanel.accepted` then holds the ids of the findings a still-valid decision accepts
(the window passes them on: drawn greyed, not counted); a decision whose finding id disappeared
(the passage changed) has lapsed and the finding shows open again.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.review.items import Item, ItemStatus, group_items, group_key, short_passage
from editor.review.model import (
    ACTION_LABELS,
    APPROVAL_MEANING,
    REASON_KINDS,
    REASON_LABELS,
    REVIEW_MEANING,
    typo,
)
from editor.review.people import who as person
from editor.review.profile import load_profile
from editor.review.session import ReviewSession, format_time
from editor.text.utf16 import Utf16Map
from editor.ui import labels
from editor.ui.comments import CommentsWidget, TextDialog
from editor.ui.profile_dialog import ensure_profile
from editor.ui.richtext import esc, plain_label, plain_tooltip
from editor.ui.workers import JobError

STATE_COLORS = labels.STATE_COLORS


def _subject(subject) -> tuple[str, list[str], str, str]:
    """(passage, reasons, severity, category) of an item, an ItemStatus or a single finding."""
    item = getattr(subject, "item", subject)
    if isinstance(item, Item):
        return short_passage(item.passage), item.reasons, item.severity, item.category
    return subject.text, [subject.message], subject.severity, subject.category


def subject_html(subject) -> str:
    """The passage once, then its reason(s): what a decision on this problem covers."""
    passage, reasons, severity, category = _subject(subject)
    head = (f"<b>{labels.severity(severity)} · {labels.category(category)}</b><br>"
            f"«\u00a0{esc(passage)}\u00a0»")
    if len(reasons) == 1:
        return head + f" — {esc(reasons[0])}"
    return head + "<ul>" + "".join(f"<li>{esc(r)}</li>" for r in reasons) + "</ul>"


def subject_text(subject) -> str:
    passage, reasons, _s, _c = _subject(subject)
    if len(reasons) == 1:
        return f"«\u00a0{passage}\u00a0» — {reasons[0]}"
    return f"«\u00a0{passage}\u00a0»\n" + "\n".join(f"• {r}" for r in reasons)


class AcceptDialog(QDialog):
    """Accept a problem (every finding of an item, or one finding): a reason from the list plus a
    mandatory free text."""

    def __init__(self, subject, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("acceptDialog")
        self.setWindowTitle(self.tr("Accepter le signalement"))
        self.resize(500, 300)
        head = QLabel(subject_html(subject))
        head.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("acceptKind")
        for k in REASON_KINDS:
            self.kind.addItem(REASON_LABELS[k], k)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("acceptReason")
        self.reason.setPlaceholderText(self.tr("Pourquoi ce passage peut rester tel quel "
                                               "(obligatoire)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Accepter"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Motif\u00a0:"), self.kind)
        form.addRow(self.tr("Justification\u00a0:"), self.reason)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason.toPlainText().strip()))

    def choice(self) -> tuple[str, str]:
        return self.kind.currentData(), self.reason.toPlainText().strip()


def decision_label(fs) -> str:
    """The decision column of a problem (ItemStatus) or of one finding (FindingStatus)."""
    d = fs.decision
    if fs.status == "accepted":
        return QCoreApplication.translate("ReviewPanel", "acceptée ({kind}) par {by}").format(
            kind=REASON_LABELS.get(d.kind, d.kind), by=d.by)
    if fs.status == "sent-back":
        return QCoreApplication.translate("ReviewPanel", "renvoyée à l'auteur par {by}").format(
            by=d.by)
    done = len(getattr(fs, "accepted", []))
    if done:
        return QCoreApplication.translate("ReviewPanel", "ouverte ({n} motif(s) sur {total} "
                                                         "accepté(s))").format(
            n=done, total=len(fs.statuses))
    return QCoreApplication.translate("ReviewPanel", "ouverte")


class ReviewPanel(QWidget):
    """Dock content. ``window`` is the MainWindow (editor, prompter, holder, session, checker)."""
    changed = Signal()          # a review action was recorded (the window re-checks)

    def __init__(self, window, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.main = window
        self.review: ReviewSession | None = None
        self.overview = None
        self.text = ""
        self.findings: list = []
        self.accepted: frozenset[str] = frozenset()   # ids of the findings accepted (review)
        self.problems: list = []        # ItemStatus of the listed problems (spelling apart)
        self.items: list[Item] = []     # the items of the last analysis (spelling included)
        self._stamp = None
        self._pending = False       # a workflow action waits for its check
        self._build_labels()
        grid = self._build_buttons()
        self._build_tabs()
        self._lay_out(grid)
        self._connect_signals()
        self.set_post(None)

    def _build_labels(self) -> None:
        """The state, problem and message lines, and the history repair button."""
        self.state_label = QLabel()
        self.state_label.setObjectName("reviewState")
        self.state_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("reviewProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color:#d0312d")
        self.problem_label.hide()
        plain_label(self.problem_label)     # quotes journal lines and file names
        self.repair_b = QPushButton(self.tr("Réparer l’historique…"))
        self.repair_b.setObjectName("reviewRepair")
        self.repair_b.setToolTip(self.tr(
            "Met de côté les lignes endommagées (une copie intégrale du fichier est gardée) et "
            "note la réparation dans l’historique."))
        self.repair_b.hide()
        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plain_label(self.message)

    def _build_buttons(self) -> QGridLayout:
        """The workflow buttons, in their grid."""
        self.submit_b = QPushButton(self.tr("Soumettre à relecture"))
        self.submit_b.setObjectName("reviewSubmit")
        self.approve_b = QPushButton(self.tr("Approuver"))
        self.approve_b.setObjectName("reviewApprove")
        self.approve_b.setToolTip(self.tr(
            "Signature électronique\u00a0: «\u00a0{author}\u00a0» pour l’auteur, «\u00a0{review}"
            "\u00a0» pour la personne qui relit.").format(author=APPROVAL_MEANING,
                                                          review=REVIEW_MEANING))
        self.changes_b = QPushButton(self.tr("Demander des modifications…"))
        self.changes_b.setObjectName("reviewRequestChanges")
        self.withdraw_b = QPushButton(self.tr("Remettre en brouillon"))
        self.withdraw_b.setObjectName("reviewWithdraw")
        self.history_b = QPushButton(self.tr("Historique…"))
        self.history_b.setObjectName("reviewHistory")
        self.profile_b = QPushButton(self.tr("Profil…"))
        self.profile_b.setObjectName("reviewProfile")
        grid = QGridLayout()
        grid.addWidget(self.submit_b, 0, 0)
        grid.addWidget(self.approve_b, 0, 1)
        grid.addWidget(self.changes_b, 1, 0)
        grid.addWidget(self.withdraw_b, 1, 1)
        grid.addWidget(self.history_b, 2, 0)
        grid.addWidget(self.profile_b, 2, 1)
        return grid

    def _build_tabs(self) -> None:
        """Comments and the « À relire » queue, as tabs."""
        # The decisions are taken on the findings' cards (FindingsPanel, the window's one list):
        # this panel holds the post's workflow, comments and queue, and records the decisions.
        self.current_group: str | None = None     # the problem the next decision is about
        self.lapsed_label = QLabel()
        self.lapsed_label.setObjectName("reviewLapsed")
        self.lapsed_label.setWordWrap(True)
        self.lapsed_label.setStyleSheet("color:#b35c00")
        self.lapsed_label.hide()
        plain_label(self.lapsed_label)      # quotes passages and reviewers' names
        self.comments = CommentsWidget()
        self.queue = QListWidget()
        self.queue.setObjectName("reviewQueue")
        self.queue_b = QPushButton(self.tr("Actualiser"))
        self.queue_b.setObjectName("reviewQueueRefresh")
        queue_tab = QWidget()
        ql = QVBoxLayout(queue_tab)
        ql.setContentsMargins(0, 0, 0, 0)
        ql.addWidget(self.queue)
        ql.addWidget(self.queue_b)
        self.report_b = QPushButton(self.tr("Rapport des faux positifs…"))
        self.report_b.setObjectName("reviewFalsePositives")
        self.report_b.setToolTip(self.tr(
            "Les signalements acceptés comme «\u00a0faux positif\u00a0» "
            "dans cet espace de travail (règle, passage, motif), pour "
            "améliorer les règles."))
        ql.addWidget(self.report_b)
        self.workspace: Path | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.comments, self.tr("Commentaires"))
        self.tabs.addTab(queue_tab, self.tr("À relire"))
        self.queue_tab = queue_tab

    def _lay_out(self, grid: QGridLayout) -> None:
        """The panel from top to bottom."""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.state_label)
        lay.addWidget(self.problem_label)
        lay.addWidget(self.repair_b)
        lay.addLayout(grid)
        lay.addWidget(self.lapsed_label)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.message)

    def _connect_signals(self) -> None:
        """What the buttons, comments and queue do."""
        self.submit_b.clicked.connect(self.submit)
        self.repair_b.clicked.connect(self.repair_history)
        self.approve_b.clicked.connect(self.approve)
        self.changes_b.clicked.connect(self.request_changes)
        self.withdraw_b.clicked.connect(self.withdraw)
        self.history_b.clicked.connect(self.show_history)
        self.profile_b.clicked.connect(lambda: ensure_profile(self, force=True))
        self.comments.addRequested.connect(self.add_comment)
        self.comments.replyRequested.connect(self.reply)
        self.comments.resolveRequested.connect(self.resolve)
        self.comments.reopenRequested.connect(self.reopen)
        self.comments.commentActivated.connect(self._select_comment)
        self.queue_b.clicked.connect(self.refresh_queue)
        self.report_b.clicked.connect(self.false_positive_report)
        self.queue.itemActivated.connect(self._open_queued)
        self.queue.itemClicked.connect(self._open_queued)
        self.tabs.currentChanged.connect(
            lambda i: self.tabs.widget(i) is self.queue_tab and self.refresh_queue())

    # -- the post --------------------------------------------------------------------------------
    def set_post(self, path: Path | None) -> None:
        self.review = ReviewSession(path) if path else None
        self._stamp = self._journal_stamp()
        self.overview = None
        self.accepted = frozenset()
        self.items = []
        self.message.setText("")
        if self.review is not None and self.review.error:
            self.main.statusBar().showMessage(
                self.tr("Fichier de relecture inutilisable\u00a0: les décisions sont ignorées."),
                10000)
        self._render()

    def _journal_stamp(self):
        if self.review is None:
            return None
        try:
            st = self.review.path.stat()
            return (st.st_mtime_ns, st.st_size)
        except OSError:
            return None

    def _reload_if_changed(self) -> None:
        stamp = self._journal_stamp()
        if stamp != self._stamp:
            self._stamp = stamp
            self.review.reload()

    def current_state(self) -> str | None:
        """The post's effective review state (its one status); None for an unsaved post."""
        if self.review is None:
            return None
        if self.overview is not None:
            return self.overview.state
        return self.review.effective_state(self.main.editor.text())

    def apply(self, text: str, findings: list) -> None:
        """A new analysis: the ids of its accepted findings (:attr:`accepted`; a withdrawn or
        lapsed decision no longer accepts anything) and the panel refreshed."""
        self.text, self.findings = text, list(findings)
        self.accepted = frozenset()
        if self.review is None:
            self.overview = None
        else:
            self._reload_if_changed()
            self.accepted = self.review.accepted(self.findings)
            self.overview = self.review.overview(text, self.findings)
        # The result's one grouping: the findings list and the counts use these items too.
        self.items = group_items(self.findings, text or None, self.accepted)
        self._render()

    # -- view ---------------------------------------------------------------------------------
    def _render(self) -> None:
        ov = self.overview
        if self.review is None:
            self.state_label.setText(self.tr("Enregistrez la publication pour la faire relire."))
        elif ov is not None:
            color = STATE_COLORS.get(ov.state, "#333")
            parts = [self.tr("État\u00a0: <b style=\"color:{c}\">«\u00a0{s}\u00a0»</b>").format(
                c=color, s=esc(ov.state_label))]
            if ov.edited_after_approval:
                parts.append(self.tr("texte modifié après approbation\u00a0: l'approbation ne "
                                     "vaut plus"))
            t = ov.last_transition
            if t is not None:       # names and comments are typed by users: text, not markup
                who = f"{t.by} ({t.role})" if t.role else t.by
                line = f"{ACTION_LABELS.get(t.action, t.action)} par {who}, {format_time(t.at)}"
                if t.comment:
                    line += f"\u00a0: «\u00a0{t.comment}\u00a0»"
                parts.append(esc(typo(line)))
            for s in ov.signatures:
                parts.append(self.tr("signé par {who}, {at}").format(who=esc(s.by),
                                                                    at=format_time(s.at)))
                if s.override:
                    parts.append(esc(typo(self.tr(
                        "approuvé malgré {n} commentaire(s) ouvert(s)\u00a0: «\u00a0{why}\u00a0»")
                        .format(n=len(s.overridden), why=s.override))))
            people = ov.people
            if people is not None and ov.state in ("review", "approved", "exported"):
                if people.reviewers:
                    parts.append(esc(self.tr("Cette version relue par {who}").format(
                        who=", ".join(person(n, r) for n, r in people.reviewers))))
                else:
                    parts.append(self.tr("Cette version n’a encore été relue par personne."))
            self.state_label.setText("<br>".join(parts))
        problem = None
        if self.review is not None:
            problem = self.review.error or (ov.error if ov else None)
            if not problem and ov is not None and ov.problems:
                problem = self.tr("Historique altéré\u00a0: ") + "; ".join(
                    f"{n}\u00a0: {m}" for n, m in ov.problems[:3])
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))
        self.repair_b.setVisible(self.review is not None and bool(self.review.journal.damaged))
        self._fill_tree()
        if ov is not None:
            self.comments.set_comments(ov.comments)
            lapsed = ov.lapsed
            shown = dict.fromkeys(f"«\u00a0{d.decision.passage}\u00a0» ({d.decision.by})"
                                  for d in lapsed)     # one line per passage and person
            self.lapsed_label.setText("" if not lapsed else self.tr(
                "Décisions caduques (le passage a changé)\u00a0: ") + "\u00a0; ".join(shown))
        else:
            self.comments.set_comments([])
            self.lapsed_label.setText("")
        self.lapsed_label.setVisible(bool(self.lapsed_label.text()))
        self._update_buttons()

    def _fill_tree(self) -> None:
        """The problems (items) of the current text with their review status (spelling apart)."""
        self.problems = []
        if self.overview is None:
            return
        by_id = {id(s.finding): s for s in self.overview.findings}
        self.problems = [ItemStatus(it, [by_id[id(f)] for f in it.findings])
                         for it in self.items if not it.spelling]

    def statuses(self) -> dict:
        """Item group -> ItemStatus, for the findings' cards."""
        return {x.item.group: x for x in self.problems}

    def can_decide(self) -> bool:
        """May a decision on a finding be recorded now (saved post, usable review file, text not
        approved or exported, no workflow action waiting)?"""
        ov = self.overview
        return (self.review is not None and ov is not None and not self.review.error
                and not self._pending and ov.state not in ("approved", "exported"))

    def selected_id(self) -> str | None:
        """The group id of the problem the next decision is about."""
        return self.current_group

    def selected(self):
        """That problem: an :class:`editor.review.items.ItemStatus`, or None."""
        gid = self.current_group
        if self.overview is None or gid is None:
            return None
        return next((x for x in self.problems if x.item.group == gid), None)

    def select_finding(self, finding) -> None:
        """The problem ``finding`` belongs to becomes the one decisions are about."""
        self.select_group(group_key(finding))

    def select_group(self, group: str | None) -> None:
        self.current_group = group

    def status_of(self, needle: str):
        """The ItemStatus whose passage holds ``needle`` (tests, scripts), or None."""
        return next((x for x in self.problems if needle in x.item.passage), None)

    def _update_buttons(self, *_a) -> None:
        ov = self.overview
        usable = self.review is not None and ov is not None and not self.review.error
        allowed = ov.allowed_actions if usable and not self._pending else []
        self.submit_b.setEnabled("submit" in allowed)
        self.approve_b.setEnabled("approve" in allowed)
        self.changes_b.setEnabled("request-changes" in allowed)
        self.withdraw_b.setEnabled("withdraw" in allowed)
        self.history_b.setEnabled(self.review is not None and not self.review.error)
        self.comments.add_b.setEnabled(usable)
        # The tool bar's « Soumettre » and « Approuver » (and their shortcuts) follow the same
        # states as these buttons: never offered when the post's state does not allow them.
        actions = getattr(self.main, "actions", None)     # QWidget.actions() until it is built
        if isinstance(actions, dict):
            actions["submit"].setEnabled(self.submit_b.isEnabled())
            actions["approve"].setEnabled(self.approve_b.isEnabled())
        cards = getattr(self.main, "findings_panel", None)
        if cards is not None:       # the cards offer decisions only when they can be taken
            cards.set_decidable(self.can_decide())

    # -- actions -----------------------------------------------------------------------------------
    def _profile(self):
        return ensure_profile(self)

    def _report(self, outcome, title: str) -> bool:
        text = typo(outcome.message)
        if outcome.details:
            text += "\n" + "\n".join(f"• {typo(d)}" for d in outcome.details)
        self.message.setText(text)
        if outcome.ok:
            self.main.statusBar().showMessage(typo(outcome.message), 8000)
        else:
            self.main.prompter.error(title, text)
        self._stamp = self._journal_stamp()
        self.changed.emit()
        return outcome.ok

    def _ready(self) -> bool:
        if self.review is None:
            self.main.prompter.error(self.tr("Relecture"), self.tr(
                "Enregistrez d'abord la publication."))
            return False
        if self.review.error:
            self.main.prompter.error(self.tr("Relecture"), self.review.error)
            return False
        return True

    def _decide_on(self):
        """The selected problem and the reviewer's profile, or None when either is missing."""
        if not self._ready():
            return None
        x = self.selected()
        if x is None:
            return None
        profile = self._profile()
        if profile is None:
            return None
        return x, profile

    def accept_selected(self) -> bool:
        """Accept the selected problem: one reason covers every finding of it not yet accepted
        (one decision per finding, written in one step)."""
        target = self._decide_on()
        if target is None:
            return False
        x, profile = target
        dlg = AcceptDialog(x, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        kind, reason = dlg.choice()
        return self._report(self.review.accept_item(self.text, x.undecided, kind, reason,
                                                    profile.name, profile.role),
                            self.tr("Accepter le signalement"))

    def send_back_selected(self) -> bool:
        """Send the selected problem back to the author (its open findings, one comment)."""
        target = self._decide_on()
        if target is None:
            return False
        x, profile = target
        dlg = TextDialog(self.tr("Renvoyer à l'auteur"),
                         self.tr("Commentaire pour l'auteur\u00a0:"),
                         self, context=subject_text(x))
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        todo = [s.finding for s in x.statuses if s.status == "open"] or x.undecided
        return self._report(self.review.send_back_item(self.text, todo, dlg.text(),
                                                       profile.name, profile.role),
                            self.tr("Renvoyer à l'auteur"))

    def withdraw_selected_decision(self) -> bool:
        x = self.selected() if self._ready() else None
        if x is None or not x.decided:
            return False
        target = self._decide_on()
        if target is None:
            return False
        profile = target[1]
        return self._report(self.review.withdraw_item_decisions(
            self.text, [s.finding.id for s in x.decided], profile.name, profile.role),
            self.tr("Retirer la décision"))

    def _transition(self, method: str, title: str, comment: str = "") -> bool | None:
        """Record a workflow action on the saved text and its findings.

        The findings must be those of that very text: when the last check is older, the text is
        checked again as a worker job (never on the GUI thread, which would wait for the
        engine's lock). True/False when recorded (or refused) now, None while that check runs;
        its outcome is then shown like any other.
        """
        if not self._ready():
            return False
        profile = self._profile()
        if profile is None:
            return False
        w = self.main
        if w.session.modified and not w.save():
            return False
        text = w.editor.text()
        if text == self.text:
            return self._record(method, title, comment, profile, text, self.findings)
        base = w.checker.base_dir
        self._pending = True
        self._update_buttons()
        return w.jobs.run(lambda: w.holder.check(text, base),
                          lambda result: self._checked(result, method, title, comment, profile,
                                                       text))

    def _checked(self, result, method, title, comment, profile, text) -> bool:
        self._pending = False
        self._update_buttons()
        if isinstance(result, JobError):
            self.main.prompter.error(title, self.tr(
                "Vérification impossible\u202f: {e}").format(e=result.exc))
            return False
        return self._record(method, title, comment, profile, text, list(result.findings))

    def _record(self, method, title, comment, profile, text, findings) -> bool:
        if method == "approve":
            out = self.review.approve(text, findings, profile.name, profile.role, profile.mode)
            if not out.ok and out.reason == "open-comments":
                why = self._override_reason(out)
                if why is None:
                    return self._report(out, title)
                out = self.review.approve(text, findings, profile.name, profile.role,
                                          profile.mode, override=why)
        else:
            out = getattr(self.review, method)(text, profile.name, profile.role, comment)
        return self._report(out, title)

    def _override_reason(self, refused) -> str | None:
        """Ask why the approval may go ahead with comments still open; None: not approved."""
        listed = "\n".join(f"• {typo(d)}" for d in refused.details)
        dlg = TextDialog(self.tr("Approuver malgré des commentaires ouverts"), self.tr(
            "Ces commentaires ne sont pas résolus. Pourquoi approuver quand même\u00a0? "
            "(obligatoire, noté dans l’historique avec votre nom)"), self, context=listed)
        dlg.setObjectName("overrideDialog")
        if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.text():
            return None
        return dlg.text()

    def submit(self) -> bool | None:
        return self._transition("submit", self.tr("Soumettre à relecture"))

    def approve(self) -> bool | None:
        return self._transition("approve", self.tr("Approuver"))

    def withdraw(self) -> bool | None:
        return self._transition("withdraw", self.tr("Remettre en brouillon"))

    def request_changes(self) -> bool | None:
        if not self._ready():
            return False
        dlg = TextDialog(self.tr("Demander des modifications"),
                         self.tr("Ce qui doit changer (facultatif)\u00a0:"), self, required=False)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._transition("request_changes", self.tr("Demander des modifications"),
                                dlg.text())

    def note_saved(self, text: str) -> None:
        """After saving: an approved text that changed goes back to « à relire », and a text under
        review records who saved this version (in two-person mode, that person cannot approve
        it alone)."""
        if self.review is None or self.review.error:
            return
        state = self.review.effective_state(text)
        if state == self.review.state.state and state not in ("review", "changes"):
            return
        profile, _ = load_profile()
        out = self.review.note_saved(text, profile.name if profile else "",
                                     profile.role if profile else "")
        if not out.ok:
            self.main.statusBar().showMessage(typo(out.message), 8000)
        self._stamp = self._journal_stamp()

    # -- comments ----------------------------------------------------------------------------------
    def add_comment(self) -> bool:
        if not self._ready():
            return False
        w = self.main
        c = w.editor.textCursor()
        if not c.hasSelection():
            w.prompter.error(self.tr("Commenter"), self.tr("Sélectionnez d'abord le passage à "
                                                          "commenter."))
            return False
        text = w.editor.text()
        umap = Utf16Map(text)
        start, end = umap.to_cp(c.selectionStart()), umap.to_cp(c.selectionEnd())
        profile = self._profile()
        if profile is None:
            return False
        dlg = TextDialog(self.tr("Commenter le passage"), self.tr("Commentaire\u00a0:"), self,
                         context=f"«\u00a0{text[start:end]}\u00a0»")
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        ok = self._report(self.review.add_comment(text, start, end, dlg.text(), profile.name,
                                                  profile.role), self.tr("Commenter"))
        self.tabs.setCurrentWidget(self.comments)
        return ok

    def reply(self, cid: str) -> bool:
        if not self._ready():
            return False
        profile = self._profile()
        if profile is None:
            return False
        dlg = TextDialog(self.tr("Répondre"), self.tr("Réponse\u00a0:"), self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._report(self.review.reply(cid, dlg.text(), profile.name, profile.role),
                            self.tr("Répondre"))

    def resolve(self, cid: str) -> bool:
        if not self._ready():
            return False
        profile = self._profile()
        return profile is not None and self._report(
            self.review.resolve(cid, profile.name, profile.role), self.tr("Résoudre"))

    def reopen(self, cid: str) -> bool:
        if not self._ready():
            return False
        profile = self._profile()
        return profile is not None and self._report(
            self.review.reopen(cid, profile.name, profile.role), self.tr("Rouvrir"))

    def _select_comment(self, cs) -> None:
        if cs.anchor.orphaned:
            self.main.statusBar().showMessage(self.tr(
                "Le passage de ce commentaire a été supprimé."), 5000)
            return
        text = self.main.editor.text()
        umap = Utf16Map(text)
        c = QTextCursor(self.main.editor.document())
        c.setPosition(umap.to_utf16(min(cs.anchor.start, len(text))))
        c.setPosition(umap.to_utf16(min(cs.anchor.end, len(text))),
                      QTextCursor.MoveMode.KeepAnchor)
        self.main.editor.setTextCursor(c)
        self.main.editor.centerCursor()

    # -- queue of the posts waiting for review ---------------------------------------------------
    def set_workspace(self, folder: Path | None) -> None:
        self.workspace = folder
        if self.tabs.currentWidget() is self.queue_tab:
            self.refresh_queue()

    def refresh_queue(self) -> list:
        """The workspace's posts « à relire » (the effective state: an edited approval counts)."""
        from editor.review.queue import review_queue

        self.queue.clear()
        items = review_queue([str(self.workspace)]) if self.workspace else []
        for q in items:
            who = f" — {q.last_by}, {format_time(q.last_at)}" if q.last_by else ""
            it = QListWidgetItem(f"{q.path.name}{who}")
            it.setData(Qt.ItemDataRole.UserRole, str(q.path))
            if q.error:
                it.setToolTip(plain_tooltip(q.error))
            self.queue.addItem(it)
        if not items:
            it = QListWidgetItem(self.tr("Aucune publication à relire."))
            it.setFlags(Qt.ItemFlag.NoItemFlags)
            self.queue.addItem(it)
        return items

    def _ask_report_path(self, folder: Path) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Rapport des faux positifs"), str(folder / "faux-positifs.csv"),
            self.tr("Tableur CSV (*.csv);;YAML (*.yaml)"))
        return path or None

    def false_positive_report(self) -> Path | None:
        """« Faux positif » decisions of the workspace's posts, written as CSV (or YAML)."""
        from editor.compliance.service import collect_posts
        from editor.review.report import false_positives, write_report

        folder = self.workspace or (self.review.post.parent if self.review else None)
        if folder is None:
            return None
        files, _errors = collect_posts([str(folder)])
        rows, problems = false_positives(files)
        if not rows:
            self.main.prompter.error(self.tr("Rapport des faux positifs"), self.tr(
                "Aucun signalement accepté comme «\u00a0faux positif\u00a0» dans cet espace de "
                "travail."))
            return None
        out = self._ask_report_path(folder)
        if not out:
            return None
        out = Path(out)
        fmt = "yaml" if out.suffix in (".yaml", ".yml") else "csv"
        try:
            write_report(rows, out, fmt)
        except OSError as exc:
            self.main.prompter.error(self.tr("Rapport des faux positifs"),
                                     f"{out} : {exc.strerror or exc}")
            return None
        msg = self.tr("{n} faux positif(s) enregistré(s) dans {f}.").format(n=len(rows),
                                                                           f=out.name)
        if problems:
            msg += " " + self.tr("{n} fichier(s) de relecture illisible(s) ignoré(s).").format(
                n=len(problems))
        self.main.statusBar().showMessage(msg, 8000)
        self.message.setText(msg)
        return out

    def _open_queued(self, item) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.main.open_post(path)

    # -- history -----------------------------------------------------------------------------------
    def repair_history(self) -> bool:
        """Set the journal's damaged lines aside (a full copy is kept) and record who did it."""
        if self.review is None or not self.review.journal.damaged:
            return False
        damaged = self.review.journal.damaged
        lines = ", ".join(str(d.line) for d in damaged[:5]) + ("…" if len(damaged) > 5 else "")
        if not self.main.prompter.confirm(
                self.tr("Réparer l’historique de relecture"),
                self.tr("{n} ligne(s) de {name} sont illisibles (ligne(s) {lines}).").format(
                    n=len(damaged), name=self.review.path.name, lines=lines),
                self.tr("Une copie intégrale du fichier est gardée à côté de lui ; les lignes "
                        "illisibles sont écartées et la réparation est notée à votre nom. Si une "
                        "synchronisation est en cours, attendez qu’elle se termine."),
                self.tr("Réparer")):
            return False
        profile = self._profile()
        if profile is None:
            return False
        from editor.review.model import ReviewError
        from editor.review.repair import repair

        try:
            done = repair(self.review.path, profile.name, profile.role)
        except ReviewError as exc:
            self.main.prompter.error(self.tr("Réparer l’historique de relecture"), str(exc))
            return False
        text = self.tr("Historique réparé : {n} ligne(s) écartée(s), copie gardée dans "
                       "{backup}.").format(n=len(done.dropped),
                                           backup=done.backup.name if done.backup else "—")
        if done.lost:
            text += " " + self.tr("{n} décision(s) ou étape(s) perdue(s) : vérifiez "
                                  "l’historique.").format(n=len(done.lost))
        self.set_post(self.review.post)
        self.message.setText(text)
        self.main.statusBar().showMessage(text, 10000)
        self.changed.emit()
        return True

    def show_history(self) -> None:
        if not self._ready():
            return
        from editor.ui.history_dialog import HistoryDialog

        self.review.reload()
        HistoryDialog(self.review, self).exec()
