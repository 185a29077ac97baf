"""Per-network preview (the post as it will look, « voir plus » fold marked, the network's counter),
« Copier pour … » (clipboard) and « Exporter… » (the export with its gate).

Everything comes from :mod:`editor.export.preview` (pure, positions in code points of the converted
text; the HTML built here needs no UTF-16 conversion because it is built from Python slices).
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from editor.review.model import typo
from editor.ui.workers import JobError

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


def preview_html(p) -> str:
    """The converted text as HTML: hashtags/mentions coloured, the fold marked with « voir plus »,
    what lies beyond the network's limit on a red background, thread parts separated."""
    text = p.text
    spans = sorted([(s, e, "#0b7a75") for s, e in p.hashtags] +
                   [(s, e, "#1a5fb4") for s, e in p.mentions])
    cut = p.cut if p.cut is not None and p.over_by else None
    fold = p.fold

    def seg(a: int, b: int) -> str:
        """text[a:b] with its hashtags coloured and the part beyond the limit marked."""
        out = []
        points = sorted({a, b, *(x for s, e, _c in spans for x in (s, e) if a < x < b),
                         *([cut] if cut is not None and a < cut < b else [])})
        for x, y in zip(points, points[1:]):
            piece = html.escape(text[x:y])
            color = next((c for s, e, c in spans if s <= x and y <= e), None)
            if color:
                piece = f'<span style="color:{color};font-weight:bold">{piece}</span>'
            if cut is not None and x >= cut:
                piece = f'<span style="background:#f8d3d1">{piece}</span>'
            out.append(piece)
        return "".join(out)

    if len(p.parts) > 1:
        body = "<hr>".join(f'<div style="white-space:pre-wrap">{html.escape(part)}</div>'
                           for part in p.parts)
    elif fold is not None:
        body = (f'<div style="white-space:pre-wrap">{seg(0, fold)}'
                f'<span style="color:#888;font-weight:bold"> {html.escape(FOLD_MARK)}</span></div>'
                f'<div style="white-space:pre-wrap;color:#777">{seg(fold, len(text))}</div>')
    else:
        body = f'<div style="white-space:pre-wrap">{seg(0, len(text))}</div>'
    return f'<div style="font-family:sans-serif">{body}</div>'


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
    def refresh(self) -> None:
        self.timer.stop()
        self._load_networks()
        name = self.combo.currentData()
        if not name:
            self.view.setPlainText(self.error or "")
            self.copy_b.setEnabled(False)
            return
        from editor.export.preview import preview

        try:
            p = preview(self.main.editor.text(), name)
        except Exception as exc:  # noqa: BLE001 - shown, never a crash while typing
            self.current = None
            self.view.setPlainText(self.tr("Aperçu impossible\u00a0: {e}").format(e=exc))
            self.copy_b.setEnabled(False)
            return
        self.current = p
        self.copy_b.setText(self.tr("Copier pour {network}").format(network=p.label))
        self.copy_b.setEnabled(True)
        color = "#d0312d" if p.over_by else "#2b7a3d"
        self.counter.setText(f'<span style="color:{color}">{_n(p.count)}\u202f/\u202f'
                             f'{_n(p.limit)}</span>')
        self.counter.setToolTip(p.method)
        self.view.setHtml(preview_html(p))
        info = []
        if p.over_by:
            info.append(self.tr("{n} de trop pour {network}.").format(n=_n(p.over_by),
                                                                      network=p.label))
        if len(p.parts) > 1:
            info.append(self.tr("Exporté en fil de {n} messages numérotés.").format(
                n=len(p.parts)))
        if p.fold is not None and len(p.parts) == 1:
            info.append(self.tr("«\u00a0voir plus\u00a0» après {n} caractères.").format(n=p.fold))
        for a in p.attachments:
            info.append(self.tr("Image jointe\u00a0: {t} (texte alternatif\u00a0: «\u00a0{alt}"
                                "\u00a0»)").format(t=a.target, alt=a.alt or "—"))
        info.extend(typo(n.message) for n in p.notes)
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

    def copy(self) -> bool:
        self.refresh()
        p = self.current
        if p is None:
            return False
        QGuiApplication.clipboard().setText(p.clipboard_text)
        path = self.main.session.path
        if path is not None:
            try:
                from editor.export.archive import find_workspace, record_copy

                record_copy(find_workspace(path), str(path), self.main.editor.text(), p.network,
                            p.clipboard_text)
            except OSError:
                pass   # the copy itself worked; the archive is a record, not a precondition
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
        if out is None:
            # A dedicated <workspace>/exports folder, never the post's own folder.
            from editor.export.archive import find_workspace
            from editor.export.exporter import default_export_folder

            base = w.workspace or find_workspace(path)
            try:
                start = default_export_folder(base)
            except OSError:
                start = base     # read-only workspace: the user picks a folder elsewhere
            out = w.prompter.open_folder(str(start))
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
                lambda engine: export_posts([str(path)], targets, Path(out), engine)),
            lambda result: self._exported(result, path, targets, out))

    def _exported(self, result, path, targets, out):
        """The export's outcome, on the GUI thread; returns the result (None: it failed)."""
        w = self.main
        self.export_b.setEnabled(True)
        if isinstance(result, JobError):     # logged with its traceback by the worker
            w.prompter.error(self.tr("Export impossible"), str(result.exc))
            return None
        if result.refused:
            lines = []
            for pr in result.refused:
                f = pr.finding
                lines.append(f"• ligne {f.line}\u00a0: «\u00a0{f.text}\u00a0» — {f.message}"
                             if f is not None else f"• {pr.french}")
            w.prompter.error(self.tr("Export refusé"), self.tr(
                "Export refusé\u00a0: {n} erreur(s) ni corrigée(s) ni acceptée(s). Rien n'a été "
                "écrit.").format(n=len(result.refused)) + "\n" + "\n".join(lines))
        elif result.problems:
            w.prompter.error(self.tr("Export impossible"), "\n".join(
                f"• {typo(pr.french)}" for pr in result.problems))
        else:
            folder = result.posts[0].folder if result.posts else Path(out)
            w.statusBar().showMessage(self.tr("Exporté dans {f} ({nets}).").format(
                f=str(folder), nets=", ".join(targets)), 10000)
            w.review_panel.set_post(path)     # the journal now says « exporté »
            w.check_now()
            if result.archive_error is not None:   # the export stands; the record is missing
                w.prompter.error(self.tr("Archive des exports non écrite"),
                                 typo(result.archive_error.french))
        return result
