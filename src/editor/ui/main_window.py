"""The main window: wiring of the editor, preview, panels, live checking and the post's file."""
from __future__ import annotations

import html
import logging
import re
import unicodedata
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMessageBox, QSplitter,
                               QVBoxLayout, QWidget)

from editor.export.counts import count_post
from editor.paths import resources_dir
from editor.review.items import group_key, item_counts
from editor.ui import labels, state
from editor.ui.actions import build_actions, build_menus
from editor.ui.dialogs import FindBar, RuleDialog
from editor.ui.drafts import DraftStore
from editor.ui.editor_widget import PostEditor
from editor.ui.findings_panel import FindingsPanel
from editor.ui.item_rows import summary as item_summary
from editor.ui.live import CheckController, EngineHolder, PreviewController
from editor.ui.preview import PreviewBrowser
from editor.ui.network_preview import NetworkPreviewPanel
from editor.ui.prompts import Prompter
from editor.ui.review_panel import ReviewPanel
from editor.ui.richtext import plain_tooltip
from editor.ui.session import PostSession
from editor.ui.settings import SHOW_IMAGE_OUTLINES, get_bool, set_bool
from editor.ui.workers import JobError, JobQueue, LatestJobRunner, shutdown_all
from editor.ui.workspace import WorkspacePanel, post_info, scan_workspace, severity_counts

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, engine=None, prompter: Prompter | None = None, synchronous: bool = False,
                 drafts: DraftStore | None = None, spelling: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1360, 860)
        self.prompter = prompter or Prompter(self)
        if self.prompter.parent is None:
            self.prompter.parent = self
        self.holder = EngineHolder(engine, spelling=spelling)
        self.workspace: Path | None = None
        self._scan_pending = False
        self.marks = []
        self.analysis = None
        self.analysed_text: str | None = None     # the text of ``analysis``

        # -- widgets --
        self.editor = PostEditor()
        self.preview = PreviewBrowser()
        # The preview's header: the post's review state, its one status (never the front
        # matter's ``status:``).
        self.review_state: str | None = None
        self.preview_state = QLabel()
        self.preview_state.setObjectName("previewState")
        self.preview_state.setContentsMargins(6, 3, 6, 3)
        self.preview_pane = QWidget()
        pane = QVBoxLayout(self.preview_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.setSpacing(0)
        pane.addWidget(self.preview_state)
        pane.addWidget(self.preview, 1)
        self.find_bar = FindBar(self.editor)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.preview_pane)
        self.splitter.setSizes([620, 480])
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.splitter)
        lay.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.workspace_panel = WorkspacePanel(synchronous=synchronous)
        self.workspace_dock = QDockWidget(self.tr("Espace de travail"), self)
        self.workspace_dock.setObjectName("workspaceDock")
        self.workspace_dock.setWidget(self.workspace_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.workspace_dock)
        self.findings_panel = FindingsPanel()
        self.findings_dock = QDockWidget(self.tr("Signalements"), self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.setWidget(self.findings_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.findings_dock)
        self.splitDockWidget(self.workspace_dock, self.findings_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.workspace_dock, self.findings_dock], [210, 560],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.workspace_dock], [430], Qt.Orientation.Horizontal)
        self.review_panel = ReviewPanel(self)
        self.review_dock = QDockWidget(self.tr("Relecture"), self)
        self.review_dock.setObjectName("reviewDock")
        self.review_dock.setWidget(self.review_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_dock)
        self.network_panel = NetworkPreviewPanel(self)
        self.network_dock = QDockWidget(self.tr("Aperçu par réseau"), self)
        self.network_dock.setObjectName("networkDock")
        self.network_dock.setWidget(self.network_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.network_dock)
        self.tabifyDockWidget(self.review_dock, self.network_dock)
        self.review_dock.raise_()
        self.network_dock.visibilityChanged.connect(
            lambda shown: shown and self.network_panel.refresh())

        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.networks_label = QLabel()
        self.networks_label.setObjectName("networksLabel")
        self.check_label = QLabel()
        self.check_label.setTextFormat(Qt.TextFormat.PlainText)   # may quote an error message
        # Shown only when some image checks are off here (no OCR engine, no numpy…): the
        # tooltip says which and why.
        self.image_status_label = QLabel(self.tr("Analyse des images\u00a0: partielle"))
        self.image_status_label.setObjectName("imageStatusLabel")
        self.image_status_label.setStyleSheet("color:#b35c00")
        self.image_status_label.hide()
        self.image_status: list[str] | None = None      # None: not asked yet
        self.statusBar().addPermanentWidget(self.image_status_label)
        self.statusBar().addPermanentWidget(self.check_label)
        self.statusBar().addPermanentWidget(self.networks_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        # -- behaviour --
        self.synchronous = synchronous
        self.session = PostSession(self.editor, self.prompter, drafts, self, connect=False)
        self.checker = CheckController(self.editor, self.holder, synchronous, self, connect=False)
        self.previewer = PreviewController(self.editor, self.preview, synchronous, self,
                                           connect=False)
        if not synchronous:
            # Background work starts once the window is on screen (start-up stays quick).
            self.checker.enabled = self.previewer.enabled = False
            self._background_started = False
        self.scanner = LatestJobRunner(self._scan_job, self, synchronous=synchronous)
        # One-off jobs that need the engine (dictionary, review, export): never on the GUI thread.
        self.jobs = JobQueue(self, synchronous=synchronous)
        self.actions = build_actions(self)
        build_menus(self, self.actions)
        self.actions["show_image_outlines"].setChecked(get_bool(SHOW_IMAGE_OUTLINES))
        for button, name in ((self.review_panel.submit_b, "submit"),
                             (self.review_panel.approve_b, "approve")):
            keys = self.actions[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = button.toolTip()
            button.setToolTip((tip + "\n" if tip else "") + self.tr("Raccourci\u00a0: {k}")
                              .format(k=keys))
        self.recent_menu.aboutToShow.connect(self._fill_recent)

        self.checker.analysisReady.connect(self._analysis_ready)
        self.checker.failed.connect(lambda m: self.check_label.setText(
            self.tr("Vérification impossible : {m}").format(m=m)))
        self.scanner.finished.connect(self._scan_done)
        self.session.pathChanged.connect(self._path_changed)
        self.session.saved.connect(self._saved)
        self.session.message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.editor.document().modificationChanged.connect(self._update_title)
        self.editor.explainRequested.connect(self.explain)
        self.editor.addWordRequested.connect(self.add_word)
        self.editor.verticalScrollBar().valueChanged.connect(self._sync_preview)
        self.findings_panel.itemActivated.connect(self._item_activated)
        self.findings_panel.actionRequested.connect(self._card_action)
        self.editor.decisionRequested.connect(self._decision_from_editor)
        self.review_panel.changed.connect(self.check_now)
        self.workspace_panel.postActivated.connect(self.open_post)
        self.preview.linkRequested.connect(self.open_link)
        self.counts_timer = QTimer(self)
        self.counts_timer.setSingleShot(True)
        self.counts_timer.timeout.connect(self.update_counts)
        # Counting converts the post for each of its networks: on a worker, once per pause.
        self.counts_revision = 0
        self.network_counts = None
        self.counts_runner = LatestJobRunner(count_post, self, synchronous=synchronous)
        self.counts_runner.finished.connect(self._counts_ready)
        self.panel_timer = QTimer(self)
        self.panel_timer.setSingleShot(True)
        self.panel_timer.timeout.connect(
            lambda: self.findings_panel.set_marks(self.marks, self.analysed_text))
        # One Python slot per keystroke (each slot call has to take the GIL from the workers).
        self.editor.document().contentsChange.connect(self._contents_change)
        self._update_title()
        self.update_counts()

    def _contents_change(self, pos: int, removed: int, added: int) -> None:
        if not (removed or added):
            return
        self.session.changed(pos, removed, added)
        self.checker.changed(pos, removed, added)
        self.previewer.changed(pos, removed, added)
        self.network_panel.schedule()
        self.counts_timer.start(min(500, 80 + self.editor.document().characterCount() // 2000))

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        if not self.synchronous and not self._background_started:
            self._background_started = True
            QTimer.singleShot(150, self._start_background)

    def _start_background(self) -> None:
        self.checker.enabled = self.previewer.enabled = True
        self.check_now()
        self.previewer.run_now()
        if self._scan_pending:
            self.rescan()

    # -- opening ---------------------------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        p = Path(path).expanduser()
        if p.is_dir():
            return self.open_workspace(p)
        if p.is_file() or p.suffix == ".md":
            if self.workspace is None or self.workspace not in p.resolve().parents:
                self.open_workspace(p.resolve().parent, open_first=False)
            return self.open_post(str(p))
        self.prompter.error(self.tr("Ouverture impossible"),
                            self.tr("« {p} » n'existe pas.").format(p=str(p)))
        return False

    def open_workspace(self, folder: str | Path, open_first: bool = True) -> bool:
        folder = Path(folder).resolve()
        if not folder.is_dir():
            return False
        self.workspace = folder
        self.workspace_panel.set_folder(folder)
        self.review_panel.set_workspace(folder)
        state.remember_workspace(folder)
        self.rescan()
        if open_first:
            posts = sorted(self.workspace_panel.infos)
            if posts and self.session.path is None and not self.session.modified:
                self.open_post(posts[0])
        return True

    def open_post(self, path: str) -> bool:
        p = Path(path).resolve()
        if self.session.path == p:
            return True
        if not self.session.maybe_close():
            self.workspace_panel.select_path(str(self.session.path) if self.session.path else None)
            return False
        if not p.exists() and p.suffix == ".md":
            self.session.new_untitled()
            return self.session.save_as(p)
        ok = self.session.open(p)
        if not ok:
            self.workspace_panel.select_path(str(self.session.path) if self.session.path else None)
        return ok

    def open_file_dialog(self) -> None:
        folder = str(self.workspace or Path.home())
        path = self.prompter.open_file(folder)
        if path:
            self.open_path(path)

    def open_folder_dialog(self) -> None:
        path = self.prompter.open_folder(str(self.workspace or Path.home()))
        if path:
            if self.session.maybe_close():
                self.session.new_untitled()
                self.open_workspace(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = state.recent_workspaces()
        if not recent:
            a = self.recent_menu.addAction(self.tr("(aucun)"))
            a.setEnabled(False)
        for folder in recent:
            a = self.recent_menu.addAction(folder)
            a.triggered.connect(lambda _=False, f=folder: self._open_recent(f))

    def _open_recent(self, folder: str) -> None:
        if self.session.maybe_close():
            self.session.new_untitled()
            self.open_workspace(folder)

    def new_post(self) -> bool:
        if self.workspace is None:
            self.open_folder_dialog()
            if self.workspace is None:
                return False
        title = self.prompter.text(self.tr("Nouvelle publication"),
                                   self.tr("Titre de la publication :"))
        if not title:
            return False
        if not self.session.maybe_close():
            return False
        path = self.workspace / f"{date.today():%Y-%m-%d}-{slugify(title)}.md"
        n = 2
        while path.exists():
            path = path.with_name(f"{path.stem.rsplit('~', 1)[0]}~{n}.md")
            n += 1
        self.session.new_untitled(template(title))
        if self.session.save_as(path):
            self.rescan()
            return True
        return False

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        return self.session.save()

    def save_as(self) -> bool:
        return self.session.save_as()

    def rename(self) -> bool:
        if self.session.path is None:
            return self.session.save_as()
        name = self.prompter.text(self.tr("Renommer"), self.tr("Nouveau nom du fichier :"),
                                  self.session.path.name)
        if not name:
            return False
        ok = self.session.rename(name)
        if ok:
            self.rescan()
        return ok

    def _saved(self, path: Path) -> None:
        if self.workspace and self.workspace in path.parents:
            info = post_info(path, self.editor.text())
            if self.analysis is not None:
                info.counts = severity_counts(self.analysis.findings)
            self.workspace_panel.update_info(info)
            self.workspace_panel.select_path(str(path))
        self.review_panel.note_saved(self.editor.text())

    def export_post(self):
        return self.network_panel.export()

    def copy_for_network(self) -> bool:
        return self.network_panel.copy()

    def show_review_state(self, review_state: str | None) -> None:
        """Show the post's review state, its one status, in the title, the preview's header,
        the post list and the per-network preview."""
        self.review_state = review_state
        if review_state:
            self.preview_state.setText(labels.state_chip(review_state))
            self.preview_state.setToolTip(self.tr("État de la relecture"))
        else:
            self.preview_state.setText(self.tr("Non enregistrée\u00a0: pas encore de relecture"))
            self.preview_state.setToolTip("")
        self.network_panel.set_state(review_state)
        info = self.workspace_panel.infos.get(str(self.session.path)) if self.session.path \
            else None
        if info is not None and review_state and info.state != review_state:
            info.state = review_state
            self.workspace_panel._rebuild()
        self._update_title()

    def _path_changed(self, path) -> None:
        base = path.parent if path else self.workspace
        self.review_panel.set_post(path)
        self.show_review_state(self.review_panel.current_state())
        self.network_panel.post_opened()
        self.checker.base_dir = base
        self.preview.set_base_dir(base)
        self.workspace_panel.select_path(str(path) if path else None)
        self._update_title()
        self.check_now()
        self.previewer.run_now()
        self.update_counts()        # another text (opened, or the changes were not kept)

    def _update_title(self, *_args) -> None:
        star = "*" if self.session.modified else ""
        st = self.review_state
        shown = f" — {labels.state(st)}" if st and self.session.path else ""
        self.setWindowTitle(f"{self.session.name}{star}{shown} — Tact")

    def closeEvent(self, e) -> None:  # noqa: N802
        if self.session.maybe_close():
            # Jobs still running finish on their own; their results are dropped (the window is
            # going away), queued ones never start. Closing never waits for a long check.
            shutdown_all(self)
            e.accept()
        else:
            e.ignore()

    # -- recovery --------------------------------------------------------------------------------
    def offer_recovery(self) -> int:
        """Offer the drafts left by a crashed session; returns how many were restored."""
        orphans = self.session.drafts.orphans()
        if not orphans:
            return 0
        if not self.prompter.restore_drafts([d.name for d in orphans]):
            for d in orphans:
                d.file.unlink(missing_ok=True)
            return 0
        # One post is edited at a time: restore the newest, keep the others for the next start.
        newest = max(orphans, key=lambda d: d.saved_at)
        if not self.session.maybe_close():
            return 0
        self.session.restore_draft(newest)
        self.statusBar().showMessage(self.tr("Brouillon restauré : enregistrez-le pour le "
                                             "conserver."), 10000)
        return 1

    # -- checking --------------------------------------------------------------------------------
    def check_now(self) -> None:
        self.checker.run_now()

    def _analysis_ready(self, revision: int, analysis, text: str) -> None:
        self.analysis = analysis
        if self.holder.rule_errors and not getattr(self, "_rule_errors_shown", False):
            self._rule_errors_shown = True
            first = self.holder.rule_errors[0]
            self.statusBar().showMessage(
                self.tr("{n} fichier(s) de règles en erreur, ignoré(s) : {where}").format(
                    n=len(self.holder.rule_errors), where=first.where()), 15000)
        self.review_panel.apply(text, analysis.findings)   # marks accepted findings ``waived``
        self.findings_panel.set_review(self.review_panel.statuses(),
                                       self.review_panel.can_decide())
        self._apply_outlines()
        self._ask_image_status()
        self.show_review_state(self.review_panel.current_state())
        self.marks = self.editor.set_findings(analysis.findings, text)
        self.analysed_text = text
        if self.editor.marks_changed or not self.findings_panel.marks:
            if self.synchronous:
                self.findings_panel.set_marks(self.marks, text)
            else:   # next turn of the event loop: a key press can come in between
                self.panel_timer.start(0)
        elif not self.panel_timer.isActive():
            self.findings_panel.refresh()       # same findings: a decision may have changed
        counted = item_counts(analysis.findings)     # one per problem, as the panel counts
        c = counted.by_severity()
        self.check_label.setText(item_summary(counted, ", "))
        if self.session.path and self.workspace:
            info = self.workspace_panel.infos.get(str(self.session.path))
            if info is not None:
                info.counts = c
                if self.review_state:
                    info.state = self.review_state
                self.workspace_panel._rebuild()

    def rescan(self) -> None:
        if not self.synchronous and not self.checker.enabled:
            self._scan_pending = True
            return
        self._scan_pending = False
        if self.workspace is not None:
            self.scanner.submit(0, self.workspace)

    def _scan_job(self, folder: Path):
        return scan_workspace(folder, self.holder.check)

    def _scan_done(self, _rev, infos) -> None:
        if isinstance(infos, JobError):      # logged with its traceback by the worker
            self.statusBar().showMessage(self.tr(
                "Analyse de l’espace de travail impossible\u202f: {e}").format(e=infos.exc), 10000)
            return
        if infos and self.workspace and infos[0].path.parent.resolve() != self.workspace \
                and self.workspace not in infos[0].path.resolve().parents:
            return
        self.workspace_panel.set_infos(infos)
        self.workspace_panel.select_path(str(self.session.path) if self.session.path else None)

    def _item_activated(self, marks) -> None:
        """A card chosen in the findings list: its passage in the editor; the next decision is
        about it."""
        if not marks:
            return
        self.editor.select_marks(marks)
        self.review_panel.select_finding(marks[0].finding)

    def _card_action(self, key: str, item) -> bool | None:
        """A card's link or menu entry (see FindingsPanel.actions_of)."""
        if key == "explain":
            return self.explain_item(item)
        if key == "replace":
            return self._replace(item)
        if key == "add_word":
            return self.add_word(item.first.text)
        acts = {"accept": self.review_panel.accept_selected,
                "send_back": self.review_panel.send_back_selected,
                "withdraw": self.review_panel.withdraw_selected_decision}
        if key in acts:
            self.review_panel.select_group(item.group)
            return acts[key]()
        log.warning("unknown card action %r", key)
        return None

    def _replace(self, item) -> bool:
        """« Remplacer » on a card: the one drop-in at once, else a menu of them."""
        options = self.findings_panel.replacements_of(item)
        if not options:
            return False
        if len(options) == 1:
            mark, text = options[0]
            return self.editor.apply_suggestion(mark, text)
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        for mark, text in options:
            label = self.tr("Remplacer par «\u00a0{s}\u00a0»").format(s=text) if text else \
                self.tr("Supprimer «\u00a0{s}\u00a0»").format(s=mark.finding.text)
            a = menu.addAction(label)
            a.triggered.connect(lambda _=False, m=mark, t=text: self.editor.apply_suggestion(m, t))
        menu.exec(QCursor.pos())
        menu.deleteLater()
        return True

    def _decision_from_editor(self, key: str, finding) -> bool | None:
        """« Accepter… » / « Renvoyer à l’auteur… » in the editor's right-click menu: the whole
        problem the finding belongs to."""
        group = group_key(finding)
        self.findings_panel.select_group(group)
        self.review_panel.select_group(group)
        if key == "accept":
            return self.review_panel.accept_selected()
        if key == "send_back":
            return self.review_panel.send_back_selected()
        return None

    def _rule_of(self, finding):
        from editor.compliance import images

        return self.holder.rules.rule(finding.rule) or images.rule(finding.rule)

    def explain(self, finding) -> None:
        RuleDialog(finding, self._rule_of(finding), self).exec()

    def explain_item(self, item) -> None:
        """« Expliquer » on a card: every rule behind the problem, one after the other."""
        firsts = list({f.rule: f for f in reversed(item.findings)}.values())[::-1]
        if len(firsts) == 1:
            return self.explain(firsts[0])
        RuleDialog(firsts[0], self._rule_of(firsts[0]), self,
                   more=[(f, self._rule_of(f)) for f in firsts[1:]]).exec()
        return None

    # -- what the image analysis saw ----------------------------------------------------------------
    def show_image_outlines(self, checked: bool) -> None:
        """« Affichage › Montrer ce que Tact a vu dans les images » (remembered)."""
        set_bool(SHOW_IMAGE_OUTLINES, checked)
        if self.actions["show_image_outlines"].isChecked() != checked:
            self.actions["show_image_outlines"].setChecked(checked)
        self._apply_outlines()

    def _apply_outlines(self) -> None:
        from editor.compliance.images import outline_boxes

        findings = self.analysis.findings if self.analysis is not None else []
        self.preview.set_outlines(outline_boxes(findings, self.checker.base_dir),
                                  self.actions["show_image_outlines"].isChecked())

    def _ask_image_status(self) -> None:
        """Once the engine is there: which image checks are off here (asked once, on a worker:
        the answer imports the detectors)."""
        if self.image_status is not None:
            return
        analyser = self.holder.image_analyser
        if analyser is None or not hasattr(analyser, "status"):
            self.image_status = []
            return
        self.image_status = []          # asked: never twice
        self.jobs.run(analyser.status, self._image_status_ready)

    def _image_status_ready(self, sentences) -> None:
        if isinstance(sentences, JobError):     # logged by the worker
            return
        self.image_status = list(sentences)
        if not self.image_status:
            return
        self.image_status_label.setToolTip(plain_tooltip("\n".join(self.image_status)))
        self.image_status_label.show()
        self.statusBar().showMessage(self.image_status[0], 15000)

    # -- the review from the keyboard ---------------------------------------------------------------
    def step_finding(self, forward: bool = True):
        """F8 / Maj+F8: the next (previous) problem after (before) the cursor, selected in the
        editor and in the findings list (its card becomes the one decisions are about)."""
        if self.panel_timer.isActive():         # the list is about to be rebuilt: now
            self.panel_timer.stop()
            self.findings_panel.set_marks(self.marks, self.analysed_text)
        c = self.editor.textCursor()
        return self.findings_panel.step(c.selectionStart(), forward)

    def current_group(self) -> str | None:
        """The problem the user is on: the one under the editor's cursor, else the current
        card."""
        c = self.editor.textCursor()
        for pos in (c.selectionStart(), c.position()):
            marks = [m for m in self.editor.marks_at(pos) if m.finding.category != "spelling"]
            if marks:
                return group_key(marks[0].finding)
        x = self.review_panel.selected()
        return x.item.group if x is not None else None

    def _on_current(self, act) -> bool:
        group = self.current_group()
        if group is None:
            self.statusBar().showMessage(self.tr(
                "Placez le curseur sur un passage signalé (F8\u00a0: signalement suivant)."), 6000)
            return False
        self.review_panel.select_group(group)
        if self.review_panel.selected() is None:
            return False
        return act()

    def accept_current(self) -> bool:
        """Ctrl+Alt+A: accept the problem under the cursor (or selected), with a reason."""
        return self._on_current(self.review_panel.accept_selected)

    def send_back_current(self) -> bool:
        """Ctrl+Alt+R: send the problem under the cursor (or selected) back to the author."""
        return self._on_current(self.review_panel.send_back_selected)

    def add_word(self, word: str):
        """Add ``word`` to the user dictionary in the background (the engine may be checking)."""
        return self.jobs.run(lambda: self.holder.add_word(word),
                             lambda added: self._word_added(word, added))

    def _word_added(self, word: str, added) -> bool:
        if isinstance(added, JobError):
            self.statusBar().showMessage(self.tr(
                "«\u00a0{w}\u00a0» n’a pas pu être ajouté au dictionnaire\u202f: {e}").format(
                w=word, e=added.exc), 8000)
            return False
        if added:
            self.statusBar().showMessage(self.tr("« {w} » ajouté au dictionnaire.").format(w=word),
                                         5000)
            self.check_now()
        return bool(added)

    # -- counters, zoom, preview ------------------------------------------------------------------
    def update_counts(self) -> None:
        """Count the post as the export does (:func:`editor.export.counts.count_post`: the
        export's conversion and counting for each network), on a worker; the labels change when
        the result comes back (at once in a synchronous window)."""
        self.counts_revision += 1
        self.counts_runner.submit(self.counts_revision, self.editor.text())

    def _counts_ready(self, revision: int, c) -> None:
        if revision != self.counts_revision:
            return      # the text changed since: a newer count is on its way
        if isinstance(c, JobError):     # logged with its traceback by the worker
            self.networks_label.setText("")
            self.counts_label.setText(self.tr("Comptage impossible"))
            return
        self.counts_label.setText(self.tr("{w} mots · {c} caractères").format(
            w=_n(c.words), c=_n(c.chars)))
        parts = []
        for nc in c.networks:
            color = "#d0312d" if nc.over else "#e67e00" if nc.ratio > 0.9 else "#2b7a3d"
            parts.append(f'<span style="color:{color}">{html.escape(nc.label)} '
                         f'{_n(nc.used)}/{_n(nc.limit)}</span>')
        for name in c.unknown_networks:      # typed in the front matter: text, never markup
            parts.append(f'<span style="color:#888">{html.escape(str(name))}\u202f?</span>')
        self.networks_label.setText(" · ".join(parts))
        self.networks_label.setToolTip(plain_tooltip(c.error) if c.error else "")
        self.network_counts = c

    def zoom(self, steps: int) -> None:
        self.editor.zoom(steps)
        if steps == 0:
            self.preview.zoomIn(-getattr(self, "_preview_zoom", 0))
            self._preview_zoom = 0
        else:
            self.preview.zoomIn(steps)
            self._preview_zoom = getattr(self, "_preview_zoom", 0) + steps

    def toggle_preview(self) -> None:
        show = not self.preview_pane.isVisible()
        self.preview_pane.setVisible(show)
        self.actions["toggle_preview"].setChecked(show)
        if show:
            self.previewer.run_now()

    def _sync_preview(self, _value=None) -> None:
        block = self.editor.firstVisibleBlock()
        self.preview.sync_to_line(block.blockNumber() + 1)

    def open_link(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https", "mailto"):
            self.statusBar().showMessage(self.tr("Lien non suivi : {u}").format(u=url.toString()),
                                         5000)
            return
        if self.prompter.open_link(url.toString()):
            QDesktopServices.openUrl(url)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("À propos de Tact"),
                          self.tr("<b>Tact</b> — rédaction de publications médicales avec "
                                  "vérification des règles françaises de communication des "
                                  "médecins.<br>Règles : {v}").format(
                              v=html.escape(self.holder.rules.version) if self.holder.loaded
                              else "…"))

    # -- event log ---------------------------------------------------------------------------------
    def log_file(self) -> Path:
        from editor.logs import configured_file, log_file

        return configured_file() or log_file()

    def open_log(self) -> bool:
        """« Aide › Ouvrir le journal des événements »: the log file in the system's viewer."""
        path = self.log_file()
        if not path.is_file():
            self.prompter.error(self.tr("Journal des événements"), self.tr(
                "Aucun événement enregistré pour l’instant ({p}).").format(p=str(path)))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _n(value: int) -> str:
    """French thousands separator (narrow no-break space)."""
    return f"{value:,}".replace(",", "\u202f")


def slugify(title: str) -> str:
    s = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60] or "publication"


_STATUS_LINE = re.compile(r"^status:[^\n]*\n", re.MULTILINE)


def template(title: str) -> str:
    """A new post's text. No ``status:`` in its front matter: the review state is the status."""
    try:
        text = (resources_dir() / "templates" / "publication.md").read_text("utf-8")
    except OSError:
        text = "---\ntitle: {title}\nnetworks: [instagram]\n---\n# {title}\n\n"
    end = text.find("\n---", 3) if text.startswith("---") else -1
    if end > 0:     # a template still carrying the old field: left out of new posts
        text = _STATUS_LINE.sub("", text[:end + 1], count=1) + text[end + 1:]
    safe = title.replace('"', "'")
    return text.replace("title: {title}", f'title: "{safe}"').replace("{title}", title)
