"""Per-network preview (the post as it will look, « voir plus » fold marked, the network's counter),
« Copier pour … » (clipboard) and « Exporter… » (the export with its gate).

Nothing leaves the editor unreviewed without a word: in two-person mode only the approved text is
copied or exported; otherwise (solo mode, or no reviewer profile) a text that is not approved
leaves only after a confirmation, and its report says « exporté sans relecture ».

Everything comes from :mod:`editor.export.preview` (pure, positions in code points of the converted
text; the HTML built here needs no UTF-16 conversion because it is built from Python slices).
"""
from __future__ import annotations

import html
import logging
from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from editor.review.model import PAIR, STATE_LABELS, typo
from editor.ui import labels
from editor.ui.render_guard import breakable
from editor.ui.workers import JobError, LatestJobRunner

log = logging.getLogger(__name__)

FOLD_MARK = "… voir plus"


def _n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def post_networks(source: str) -> list[str]:
    """The networks named in the post's front matter (``networks: [instagram, x]``)."""
    from editor.document.post import parse_front_matter

    try:
        data = parse_front_matter(source).data or {}
    except Exception:  # noqa: BLE001 - a broken front matter only loses the ordering
        return []
    nets = data.get("networks") if isinstance(data, dict) else None
    if isinstance(nets, str):
        nets = [nets]
    return [str(n).strip().lower() for n in nets or [] if str(n).strip()]


SHOWN_CHARS = 100_000    # the view shows this much of a huge post (setHtml runs on the GUI thread)
SHOWN_PARTS = 200


def preview_html(p, truncated: str = "… (aperçu tronqué\u202f: texte très long)") -> str:
    """The converted text as HTML: hashtags/mentions coloured, the fold marked with « voir plus »,
    what lies beyond the network's limit on a red background, thread parts separated.

    Linear in the text (spans are walked once, in order); a huge post is shown up to
    :data:`SHOWN_CHARS` characters (or :data:`SHOWN_PARTS` thread parts), with a note.
    """
    text = p.text
    spans = sorted([(s, e, "#0b7a75") for s, e in p.hashtags] +
                   [(s, e, "#1a5fb4") for s, e in p.mentions])
    ends = [e for _s, e, _c in spans]
    cut = p.cut if p.cut is not None and p.over_by else None
    fold = p.fold
    more = f'<p style="color:#777;font-style:italic">{html.escape(truncated)}</p>'

    def piece(x: int, y: int, color: str | None, out: list[str]) -> None:
        if cut is not None and x < cut < y:
            piece(x, cut, color, out)
            piece(cut, y, color, out)
            return
        h = breakable(html.escape(text[x:y]))
        if color:
            h = f'<span style="color:{color};font-weight:bold">{h}</span>'
        if cut is not None and x >= cut:
            h = f'<span style="background:#f8d3d1">{h}</span>'
        out.append(h)

    def seg(a: int, b: int) -> str:
        """text[a:b] with its hashtags coloured and the part beyond the limit marked."""
        out: list[str] = []
        pos = a
        i = bisect_right(ends, a)            # the first span ending after a
        while i < len(spans) and spans[i][0] < b:
            s, e, c = spans[i]
            s, e = max(s, a), min(e, b)
            if pos < s:
                piece(pos, s, None, out)
            piece(s, e, c, out)
            pos = e
            i += 1
        if pos < b:
            piece(pos, b, None, out)
        return "".join(out)

    if len(p.parts) > 1:
        shown = p.parts[:SHOWN_PARTS]
        body = "<hr>".join('<div style="white-space:pre-wrap">'
                           f"{breakable(html.escape(part))}</div>" for part in shown)
        if len(shown) < len(p.parts):
            body += more
    elif fold is not None:
        end = min(len(text), max(fold, SHOWN_CHARS))
        body = (f'<div style="white-space:pre-wrap">{seg(0, fold)}'
                f'<span style="color:#888;font-weight:bold"> {html.escape(FOLD_MARK)}</span></div>'
                f'<div style="white-space:pre-wrap;color:#777">{seg(fold, end)}</div>')
        if end < len(text):
            body += more
    else:
        end = min(len(text), SHOWN_CHARS)
        body = f'<div style="white-space:pre-wrap">{seg(0, end)}</div>'
        if end < len(text):
            body += more
    return f'<div style="font-family:sans-serif">{body}</div>'


def _preview_job(payload):
    """Worker thread: the network's preview and its HTML."""
    from editor.export.preview import preview

    text, name, truncated = payload
    p = preview(text, name)
    return p, preview_html(p, truncated)


def plain_with_fold(p) -> str:
    """The preview as plain text, the fold marked (what the preview widget shows, for tests)."""
    if p.fold is None or len(p.parts) > 1:
        return p.text
    return p.text[:p.fold] + " " + FOLD_MARK + "\n" + p.text[p.fold:]


class NetworkPreviewPanel(QWidget):
    copied = Signal(str, str)       # network, text

    def __init__(self, main, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("networkPreview")
        self.main = main
        self.current = None
        self.networks: dict = {}
        self.error: str | None = None
        self.combo = QComboBox()
        self.combo.setObjectName("networkCombo")
        self.counter = QLabel()
        self.counter.setObjectName("networkCounter")
        self.state = QLabel()           # the post's review state: what may leave, and how
        self.state.setObjectName("networkState")
        self.view = QTextBrowser()
        self.view.setObjectName("networkView")
        self.info = QLabel()
        self.info.setObjectName("networkInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)   # quotes image names and alt texts
        self.copy_b = QPushButton()
        self.copy_b.setObjectName("networkCopy")
        self.export_b = QPushButton(self.tr("Exporter…"))
        self.export_b.setObjectName("networkExport")
        self.archive_b = QPushButton(self.tr("Exports précédents…"))
        self.archive_b.setObjectName("networkArchive")
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addWidget(self.combo, 1)
        top.addWidget(self.counter)
        row = QHBoxLayout()
        row.addWidget(self.copy_b)
        row.addWidget(self.export_b)
        row.addWidget(self.archive_b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.info)
        lay.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        self.combo.currentIndexChanged.connect(self.refresh)
        self.copy_b.clicked.connect(self.copy)
        self.export_b.clicked.connect(self.export)
        self.archive_b.clicked.connect(self.show_archive)
        self._loaded = False      # network profiles are read when first needed (quick start-up)
        # The preview (conversion, counts, thread splitting, HTML) is built on a worker; each
        # request carries a revision and a result whose revision is no longer current is dropped.
        self.revision = 0
        self.stale_dropped = 0
        self._runner: LatestJobRunner | None = None

    def set_state(self, review_state: str | None) -> None:
        """Show the post's review state (the window calls this whenever it changes)."""
        self.state.setText(labels.state_chip(review_state) if review_state else "")

    # -- the review gate -----------------------------------------------------------------------
    def _release(self, text: str, copy: bool) -> tuple[bool, bool]:
        """May ``text`` leave the editor now? ``(go, approved)``.

        The approved text always may. In two-person mode nothing else may (refused with a French
        explanation); otherwise the user confirms an unreviewed copy or export first.
        """
        from editor.review.profile import load_profile
        from editor.review.session import ReviewSession

        w = self.main
        path = w.session.path
        approved, state = False, "draft"
        if path is not None:
            s = ReviewSession(path, reconcile=False)
            approved, state = s.approved_for_export(text), s.effective_state(text)
        if approved:
            return True, True
        profile, _ = load_profile()
        label = STATE_LABELS.get(state, state)
        if profile is not None and profile.mode == PAIR:
            title = self.tr("Copie refusée") if copy else self.tr("Export refusé")
            what = self.tr("copié") if copy else self.tr("exporté")
            w.prompter.error(title, self.tr(
                "La publication n’est pas approuvée (état\u00a0: {state}). En mode deux "
                "personnes, seul le texte approuvé peut être {what}\u00a0: soumettez-la, puis "
                "faites-la approuver par l’autre personne.").format(state=label, what=what))
            return False, False
        if copy:
            go = w.prompter.confirm(
                self.tr("Copier sans relecture\u00a0?"),
                self.tr("Cette publication n’est pas approuvée (état\u00a0: {state}).").format(
                    state=label),
                self.tr("Elle n’a pas été relue et approuvée. La copie sera notée dans "
                        "l’archive des exports."),
                self.tr("Copier sans relecture"))
        else:
            go = w.prompter.confirm(
                self.tr("Exporter sans relecture\u00a0?"),
                self.tr("Cette publication n’est pas approuvée (état\u00a0: {state}).").format(
                    state=label),
                self.tr("Le rapport de conformité indiquera qu’elle a été exportée sans "
                        "relecture."),
                self.tr("Exporter sans relecture"))
        return go, False

    def _load_networks(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        from editor.export.networks import NetworkError, load_networks

        try:
            self.networks = load_networks()
        except (NetworkError, OSError) as exc:
            self.networks = {}
            self.error = self.tr("Profils des réseaux illisibles\u00a0: {e}").format(e=exc)
        self._fill_combo([])

    def _fill_combo(self, first: list[str]) -> None:
        current = self.combo.currentData()
        order = [n for n in first if n in self.networks] + \
            sorted(n for n in self.networks if n not in first)
        self.combo.blockSignals(True)
        self.combo.clear()
        for n in order:
            self.combo.addItem(self.networks[n].label, n)
        i = self.combo.findData(current)
        self.combo.setCurrentIndex(i if i >= 0 else 0)
        self.combo.blockSignals(False)

    def set_network(self, name: str) -> None:
        self._load_networks()
        i = self.combo.findData(name)
        if i >= 0:
            self.combo.setCurrentIndex(i)
        self.refresh()

    def schedule(self) -> None:
        if self.isVisible():
            self.timer.start(min(1200, 250 + self.main.editor.document().characterCount() // 300))

    def post_opened(self) -> None:
        """A post was opened: its own networks first, the first of them shown."""
        self._load_networks()
        first = [n for n in post_networks(self.main.editor.text()) if n in self.networks]
        self._fill_combo(first)
        if first:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(0)
            self.combo.blockSignals(False)
        if self.isVisible():
            self.refresh()

    # -- preview -------------------------------------------------------------------------------
    def _jobs(self) -> LatestJobRunner:
        if self._runner is None:     # the window's mode is known once it is built
            self._runner = LatestJobRunner(_preview_job, self,
                                           synchronous=getattr(self.main, "synchronous", False))
            self._runner.finished.connect(self._preview_ready)
        return self._runner

    @property
    def up_to_date(self) -> bool:
        """No preview pending: what is shown is the current text's (tests, status)."""
        return not self.timer.isActive() and not (self._runner and self._runner.busy)

    def refresh(self) -> None:
        """Ask for the current network's preview (shown when the worker has built it)."""
        self.timer.stop()
        self._load_networks()
        self.revision += 1
        name = self.combo.currentData()
        if not name:
            self.view.setPlainText(self.error or "")
            self.copy_b.setEnabled(False)
            return
        self._jobs().submit(self.revision, (self.main.editor.text(), name, self._truncated()))

    def _truncated(self) -> str:
        return self.tr("… (aperçu tronqué\u202f: texte très long)")

    def _preview_ready(self, revision: int, result) -> None:  # GUI thread
        if revision != self.revision:
            self.stale_dropped += 1     # the text or the network changed meanwhile
            return
        self._show(result)

    def _show(self, result) -> None:
        if isinstance(result, JobError):    # logged with its traceback by the worker
            self.current = None
            self.view.setPlainText(self.tr("Aperçu impossible\u00a0: {e}").format(e=result.exc))
            self.copy_b.setEnabled(False)
            return
        p, page = result
        self.current = p
        self.copy_b.setText(self.tr("Copier pour {network}").format(network=p.label))
        self.copy_b.setEnabled(True)
        color = "#d0312d" if p.over_by else "#2b7a3d"
        self.counter.setText(f'<span style="color:{color}">{_n(p.count)}\u202f/\u202f'
                             f'{_n(p.limit)}</span>')
        self.counter.setToolTip(p.method)
        self.view.setHtml(page)
        info = []
        if p.over_by:
            info.append(self.tr("{n} de trop pour {network}.").format(n=_n(p.over_by),
                                                                      network=p.label))
        if len(p.parts) > 1:
            info.append(self.tr("Exporté en fil de {n} messages numérotés.").format(
                n=len(p.parts)))
        if p.fold is not None and len(p.parts) == 1:
            info.append(self.tr("«\u00a0voir plus\u00a0» après {n} caractères.").format(n=p.fold))
        for a in p.attachments[:20]:
            info.append(self.tr("Image jointe\u00a0: {t} (texte alternatif\u00a0: «\u00a0{alt}"
                                "\u00a0»)").format(t=a.target, alt=a.alt or "—"))
        info.extend(typo(n.message) for n in p.notes[:20])
        self.info.setText("\n".join(info))

    def preview_text(self) -> str:
        return plain_with_fold(self.current) if self.current is not None else ""

    # -- clipboard ------------------------------------------------------------------------------
    def fill_copy_menu(self, menu) -> None:
        """« Copier pour Instagram », « Copier pour LinkedIn »… one action per network."""
        self._load_networks()
        menu.clear()
        for i in range(self.combo.count()):
            name = self.combo.itemData(i)
            a = menu.addAction(self.tr("Copier pour {network}").format(network=self.combo.itemText(i)))
            a.triggered.connect(lambda _=False, n=name: self.copy_for(n))

    def copy_for(self, name: str) -> bool:
        self.set_network(name)
        return self.copy()

    def copy(self):
        """Copy the current text for the network shown, converted on a worker.

        Returns whether it was copied when it ran at once (synchronous window), else None (the
        clipboard is filled when the conversion ends).
        """
        self._load_networks()
        name = self.combo.currentData()
        if not name:
            return False
        text = self.main.editor.text()
        if not self._release(text, copy=True)[0]:
            return False
        self.revision += 1          # a preview still running for an older text is dropped
        revision = self.revision
        truncated = self._truncated()
        return self.main.jobs.run(lambda: _preview_job((text, name, truncated)),
                                  lambda result: self._copy_ready(result, text, revision))

    def _copy_ready(self, result, text: str, revision: int) -> bool:  # GUI thread
        if revision == self.revision:
            self._show(result)
        if isinstance(result, JobError):
            return False
        p = result[0]
        QGuiApplication.clipboard().setText(p.clipboard_text)
        path = self.main.session.path
        if path is not None:
            try:
                from editor.export.archive import find_workspace, record_copy

                record_copy(find_workspace(path), str(path), text, p.network, p.clipboard_text)
            except OSError:
                # The copy itself worked; the archive is a record, not a precondition.
                log.warning("copy for %s not recorded in the export archive", p.network,
                            exc_info=True)
        self.main.statusBar().showMessage(self.tr("Texte copié pour {network}.").format(
            network=p.label), 5000)
        self.copied.emit(p.network, p.clipboard_text)
        return True

    def show_archive(self) -> None:
        path = self.main.session.path
        if path is None:
            return
        from editor.ui.exports_dialog import ExportsDialog

        ExportsDialog(path, self).exec()

    # -- export -------------------------------------------------------------------------------------
    def export(self, out: str | None = None):
        """Run the export (with its gate) into ``out`` (asked when None), as a worker job; returns
        its result when it ran at once (synchronous window), else None (shown when it ends)."""
        w = self.main
        if w.session.path is None or w.session.modified:
            if not w.save():
                return None
        path = w.session.path
        go, approved = self._release(w.editor.text(), copy=False)
        if not go:
            return None
        if out is None:
            # A dedicated <workspace>/exports folder, never the post's own folder.
            from editor.export.archive import find_workspace
            from editor.export.exporter import default_export_folder

            base = w.workspace or find_workspace(path)
            try:
                start = default_export_folder(base)
            except OSError:
                start = base     # read-only workspace: the user picks a folder elsewhere
            out = w.prompter.export_folder(str(start))
            if not out:
                return None
        self._load_networks()
        wanted = post_networks(w.editor.text())
        targets = [n for n in wanted if n in self.networks] or \
            ([self.combo.currentData()] if self.combo.currentData() else [])
        from editor.export.exporter import export_posts

        # On a worker: the export checks the post with the engine, whose lock a running check
        # holds; the GUI thread never waits for it. The button waits for the outcome.
        self.export_b.setEnabled(False)
        return w.jobs.run(
            lambda: w.holder.with_engine(
                lambda engine: export_posts([str(path)], targets, Path(out), engine,
                                            allow_unreviewed=not approved)),
            lambda result: self._exported(result, path, targets, out))

    def _exported(self, result, path, targets, out):
        """The export's outcome, on the GUI thread; returns the result (None: it failed)."""
        w = self.main
        self.export_b.setEnabled(True)
        if isinstance(result, JobError):     # logged with its traceback by the worker
            w.prompter.error(self.tr("Export impossible"), str(result.exc))
            return None
        if result.refused:
            # one line per problem (an item: its passage once, its reasons), in plain words
            lines = [f"• {pr.french}" if pr.finding is not None else f"• {typo(pr.french)}"
                     for pr in result.refused]     # a quoted passage stays as written
            problems = sum(1 for pr in result.refused if pr.finding is not None)
            head = self.tr("Export refusé\u00a0: {n} problème(s) à corriger ou à accepter "
                           "lors de la relecture. Rien n'a été écrit.").format(n=problems) \
                if problems else \
                self.tr("Export refusé\u00a0: la publication n’est pas approuvée. Rien n'a été "
                        "écrit.")
            w.prompter.error(self.tr("Export refusé"), head + "\n" + "\n".join(lines))
        elif result.problems:
            w.prompter.error(self.tr("Export impossible"), "\n".join(
                f"• {typo(pr.french)}" for pr in result.problems))
        else:
            folder = result.posts[0].folder if result.posts else Path(out)
            reviewed = all(pe.report.get("review", {}).get("approved") for pe in result.posts)
            done = self.tr("Exporté dans {f} ({nets}).") if reviewed else \
                self.tr("Exporté dans {f} ({nets}), sans relecture.")
            message = done.format(f=str(folder), nets=", ".join(targets))
            w.statusBar().showMessage(message, 10000)
            w.review_panel.set_post(path)     # the journal now says « exporté »
            w.check_now()
            if result.archive_error is not None:   # the export stands; the record is missing
                w.prompter.error(self.tr("Archive des exports non écrite"),
                                 typo(result.archive_error.french))
            elif w.prompter.exported(message):
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        return result
