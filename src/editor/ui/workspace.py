"""The workspace: a folder of posts, listed with title, review state and flag counts by severity.

The review state (:mod:`editor.review`) is a post's one status, shown as a coloured label; the
front matter's old ``status:`` field is never read.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.document.files import find_posts
from editor.document.post import parse_front_matter
from editor.ui import labels
from editor.ui.richtext import esc, plain_tooltip
from editor.ui.storage import LoadError, load_post
from editor.ui.workers import JobError, LatestJobRunner
from editor.workflow import review_acceptance

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole + 2
# Narrower than this, the list shows the title and the review state only (the counts are in each
# row's tooltip): on a 1366-pixel screen the posts' column is about 200 pixels wide.
COUNTS_MIN_WIDTH = 320


@dataclass
class PostInfo:
    path: Path
    title: str
    state: str = ""        # review state (editor.review.model.STATES); "" while not yet read
    counts: dict = field(default_factory=dict)   # severity -> number (spelling not counted)
    error: str | None = None


def review_state(path: Path, text: str) -> str:
    """The post's effective review state (« brouillon » without a review file); never raises."""
    from editor.review import journal_path
    from editor.review.model import DRAFT

    if not journal_path(path).exists():
        return DRAFT
    try:
        from editor.review.session import ReviewSession

        return ReviewSession(path, reconcile=False).effective_state(text)
    except Exception:  # noqa: BLE001 - the list still shows the post; logged
        log.exception("%s: review state unreadable", path)
        return DRAFT


# -- where posts are written: never in the samples ------------------------------------------------
WORKSPACE_NAME = "Tact"     # the folder a first run creates in the user's documents


def documents_dir() -> Path:
    """The user's documents folder (« Documents », as the system names it)."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home() / "Documents"


def default_workspace() -> Path:
    """``Documents/Tact``: the workspace the welcome page offers to create."""
    return documents_dir() / WORKSPACE_NAME


def create_workspace(folder: Path) -> str | None:
    """Create ``folder`` (and its parents) for posts; None, or why it could not be (French)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("workspace %s not created: %s", folder, exc)
        return QCoreApplication.translate(
            "workspace", "Le dossier «\u00a0{f}\u00a0» n’a pas pu être créé ({e}).").format(
            f=str(folder), e=exc.strerror or exc)
    return None


def samples_folders() -> list[Path]:
    """The sample posts: the bundled ones (read-only) and the copy in the user's data folder,
    which the first run opens (:func:`editor.ui.app.sample_workspace`)."""
    from editor.paths import resources_dir, user_data_dir

    return [user_data_dir() / "samples", resources_dir() / "samples"]


def is_samples(folder: Path | None) -> bool:
    """Is ``folder`` (or a folder inside it) the samples' copy, or the bundled samples? New
    posts never go there: the copy is hidden in the user's data folder."""
    if folder is None:
        return False
    try:
        f = Path(folder).resolve()
        return any(f == s.resolve() or s.resolve() in f.parents for s in samples_folders())
    except OSError:
        return False


def list_posts(folder: Path) -> list[Path]:
    """The posts of ``folder`` (:func:`editor.document.files.find_posts`, which logs what it could
    not read: an unreadable subfolder, an ``.md`` that is a pipe or a device is never listed)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return find_posts(folder)[0]


_HEADING = re.compile(r"^#[ \t]+(.*)$", re.MULTILINE)   # linear: no backtracking on « # # # »
MAX_TITLE = 200   # characters shown in the list


def _heading_title(text: str, start: int) -> str | None:
    for m in _HEADING.finditer(text, start):
        title = m.group(1).rstrip(" \t#")
        if title:
            return title
    return None


def post_info(path: Path, text: str | None = None) -> PostInfo:
    """Title and review state of one post; never raises: a problem is the post's ``error``."""
    if text is None:
        try:
            text = load_post(path).text
        except LoadError as exc:
            return PostInfo(path, path.stem, error=str(exc))
    try:
        fm = parse_front_matter(text)
        title = fm.title or _heading_title(text, fm.end) or path.stem
        if len(title) > MAX_TITLE:
            title = title[:MAX_TITLE - 1] + "…"
        error = fm.error_fr[:1].upper() + fm.error_fr[1:] if fm.error_fr else None
        if fm.error:
            log.warning("%s: %s", path, fm.error)
        return PostInfo(path, title, review_state(path, text), error=error)
    except Exception as exc:  # noqa: BLE001 - one post never stops the list; logged, shown
        log.exception("%s: cannot read its title and review state", path)
        return PostInfo(path, path.stem, error=QCoreApplication.translate(
            "workspace", "Cette publication n’a pas pu être analysée ({detail}).").format(
                detail=type(exc).__name__))


def severity_counts(findings, accepted: Set[str] = frozenset()) -> dict:
    """Open problems (items, :mod:`editor.review.items`) by severity, spelling apart (``accepted``:
    ids of the findings accepted in the review, not counted): what the findings panel and the
    status bar count too."""
    from editor.review.items import item_counts

    return item_counts(findings, accepted).by_severity()


def scan_workspace(folder: Path, check=None) -> list[PostInfo]:
    """Titles, review states and (with ``check(text, base_dir)``) flag counts; runs on a worker.

    Each post is read and checked on its own: one that cannot be is listed with its problem, the
    others are unaffected."""
    out = []
    for p in list_posts(folder):
        try:
            loaded = load_post(p)
        except LoadError as exc:
            out.append(PostInfo(p, p.stem, error=str(exc)))
            continue
        info = post_info(p, loaded.text)
        if check is not None:
            try:
                findings = check(loaded.text, p.parent).findings
                accepted, _ = review_acceptance(p, findings)  # accepted: not counted as open
                info.counts = severity_counts(findings, accepted)
            except Exception as exc:  # noqa: BLE001 - logged, shown on this post only
                log.exception("%s: check failed during the workspace scan", p)
                info.error = QCoreApplication.translate(
                    "workspace",
                    "La vérification de cette publication a échoué ({detail}).").format(
                        detail=type(exc).__name__)
        out.append(info)
    return out


def _row_tip(info: PostInfo) -> str:
    """A post's row, whole: its title, its file, its state and what its check counts."""
    lines = [info.title, info.path.name]
    state = labels.state(info.state) if info.state else ""
    if info.counts:
        from editor.review.items import ItemCounts
        from editor.ui.item_rows import summary

        state += (" · " if state else "") + summary(ItemCounts(
            **{s: int(info.counts.get(s, 0)) for s in ("error", "warning", "info")}))
    if state:
        lines.append(state)
    return "\n".join(lines)


def _titles(folder: Path) -> list[PostInfo]:
    """Titles and review states only (no check): what the list shows first, read on a worker."""
    return [post_info(p) for p in list_posts(folder)]


class WorkspacePanel(QWidget):
    postActivated = Signal(str)

    def __init__(self, parent=None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("workspacePanel")
        self.folder: Path | None = None
        self.infos: dict[str, PostInfo] = {}
        # Reading every post (titles, review states) is done on a worker: the list shows file names
        # at once and titles as soon as they are read; nothing here blocks the window.
        self.title_reader = LatestJobRunner(_titles, self, synchronous=synchronous)
        self.title_reader.finished.connect(self._titles_read)
        self._folder_generation = 0
        self.title = QLabel()
        self.title.setObjectName("workspaceTitle")
        self.title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("workspaceList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Publication"), self.tr("État"), "E", "A", "I"])
        self.tree.headerItem().setToolTip(2, labels.severity("error", plural=True))
        self.tree.headerItem().setToolTip(3, labels.severity("warning", plural=True))
        self.tree.headerItem().setToolTip(4, labels.severity("info", plural=True))
        for i, s in zip((2, 3, 4), ("error", "warning", "info")):
            self.tree.headerItem().setForeground(i, QBrush(QColor(labels.SEVERITY_COLORS[s])))
        # The title takes what the state and the counts leave (elided « … », whole in its
        # tooltip): no column is cut off behind a horizontal scroll bar.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(20)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in (1, 2, 3, 4):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.tree)

    def set_folder(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder else None
        self.title.setText(f"<b>{esc(self.folder.name)}</b>" if self.folder else
                           self.tr("Aucun espace de travail"))
        self.title.setToolTip(plain_tooltip(self.folder) if self.folder else "")
        self._folder_generation += 1
        self.set_infos([PostInfo(p, p.stem) for p in list_posts(self.folder)] if self.folder
                       else [])
        if self.folder:
            self.title_reader.submit(self._folder_generation, self.folder)

    def _titles_read(self, generation: int, infos) -> None:
        if generation != self._folder_generation:
            return   # another folder was opened meanwhile
        if isinstance(infos, JobError):
            return   # logged by the worker; the file names stay listed
        changed = False
        for info in infos:
            key = str(info.path)
            old = self.infos.get(key)
            if old is not None and not old.counts and old.error is None:   # not yet scanned
                self.infos[key] = info
                changed = True
        if changed:
            self._rebuild()

    def set_infos(self, infos: list[PostInfo]) -> None:
        self.infos = {str(i.path): i for i in infos}
        self._rebuild()

    def update_info(self, info: PostInfo) -> None:
        key = str(info.path)
        if key in self.infos or (self.folder and self.folder in info.path.parents):
            self.infos[key] = info
            self._rebuild()

    def _rebuild(self) -> None:
        current = self.current_path
        self.tree.clear()
        for key in sorted(self.infos):
            info = self.infos[key]
            c = info.counts
            cells = [info.title, labels.state(info.state) if info.state else ""] + (
                [str(c.get(s, 0)) for s in ("error", "warning", "info")] if c else ["", "", ""])
            it = QTreeWidgetItem(cells)
            if info.state:      # the review state as a coloured label
                color = QColor(labels.state_color(info.state))
                it.setForeground(1, QBrush(color))
                tint = QColor(color)
                tint.setAlpha(30)
                it.setBackground(1, QBrush(tint))
                font = it.font(1)
                font.setBold(True)
                it.setFont(1, font)
            it.setData(0, PATH_ROLE, key)
            it.setToolTip(0, plain_tooltip(info.error or _row_tip(info)))
            if info.error:
                it.setForeground(0, QBrush(QColor("#888")))
            for i, s in zip((2, 3, 4), ("error", "warning", "info")):
                it.setTextAlignment(i, Qt.AlignmentFlag.AlignCenter)
                if c.get(s):
                    it.setForeground(i, QBrush(QColor(labels.SEVERITY_COLORS[s])))
            self.tree.addTopLevelItem(it)
            if key == current:
                self.tree.setCurrentItem(it)

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(e)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The counts' columns only where the list is wide enough for them beside the title."""
        narrow = self.tree.width() < COUNTS_MIN_WIDTH
        for i in (2, 3, 4):
            if self.tree.isColumnHidden(i) != narrow:
                self.tree.setColumnHidden(i, narrow)

    @property
    def current_path(self) -> str | None:
        it = self.tree.currentItem()
        return it.data(0, PATH_ROLE) if it else None

    def select_path(self, path: str | None) -> None:
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            if path and it.data(0, PATH_ROLE) == str(Path(path)):
                self.tree.setCurrentItem(it)
                return
        self.tree.setCurrentItem(None)

    def _activated(self, item, _col=0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.postActivated.emit(path)
