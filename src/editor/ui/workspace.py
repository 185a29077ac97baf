"""The workspace: a folder of posts, listed with title, status and flag counts by severity."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.compliance.service import waive_accepted
from editor.document.post import parse_front_matter
from editor.ui import labels
from editor.ui.storage import LoadError, load_post

PATH_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass
class PostInfo:
    path: Path
    title: str
    status: str = ""
    counts: dict = field(default_factory=dict)   # severity -> number (spelling not counted)
    error: str | None = None


def list_posts(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def post_info(path: Path, text: str | None = None) -> PostInfo:
    if text is None:
        try:
            text = load_post(path).text
        except LoadError as exc:
            return PostInfo(path, path.stem, error=str(exc))
    fm = parse_front_matter(text)
    title = fm.title
    if not title:
        m = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text[fm.end:], re.MULTILINE)
        title = m.group(1) if m else path.stem
    status = str(fm.data.get("status", "")) if fm.data else ""
    return PostInfo(path, title, status)


def severity_counts(findings) -> dict:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        if f.category != "spelling" and not f.waived:
            out[f.severity] = out.get(f.severity, 0) + 1
    return out


def scan_workspace(folder: Path, check=None) -> list[PostInfo]:
    """Titles, statuses and (with ``check(text, base_dir)``) flag counts; runs on a worker."""
    out = []
    for p in list_posts(folder):
        try:
            loaded = load_post(p)
        except LoadError as exc:
            out.append(PostInfo(p, p.stem, error=str(exc)))
            continue
        info = post_info(p, loaded.text)
        if check is not None:
            findings = check(loaded.text, p.parent).findings
            waive_accepted(p, findings)  # errors accepted in review are not counted as open
            info.counts = severity_counts(findings)
        out.append(info)
    return out


class WorkspacePanel(QWidget):
    postActivated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("workspacePanel")
        self.folder: Path | None = None
        self.infos: dict[str, PostInfo] = {}
        self.title = QLabel()
        self.title.setObjectName("workspaceTitle")
        self.title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("workspaceList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Publication"), self.tr("Statut"), "E", "A", "I"])
        self.tree.headerItem().setToolTip(2, labels.severity("error", plural=True))
        self.tree.headerItem().setToolTip(3, labels.severity("warning", plural=True))
        self.tree.headerItem().setToolTip(4, labels.severity("info", plural=True))
        for i, s in zip((2, 3, 4), ("error", "warning", "info")):
            self.tree.headerItem().setForeground(i, QBrush(QColor(labels.SEVERITY_COLORS[s])))
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 80)
        for i in (2, 3, 4):
            self.tree.setColumnWidth(i, 28)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.tree)

    def set_folder(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder else None
        self.title.setText(f"<b>{self.folder.name}</b>" if self.folder else
                           self.tr("Aucun espace de travail"))
        self.title.setToolTip(str(self.folder) if self.folder else "")
        self.set_infos([post_info(p) for p in list_posts(self.folder)] if self.folder else [])

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
            cells = [info.title, info.status] + (
                [str(c.get(s, 0)) for s in ("error", "warning", "info")] if c else ["", "", ""])
            it = QTreeWidgetItem(cells)
            it.setData(0, PATH_ROLE, key)
            it.setToolTip(0, info.error or str(info.path.name))
            if info.error:
                it.setForeground(0, QBrush(QColor("#888")))
            for i, s in zip((2, 3, 4), ("error", "warning", "info")):
                it.setTextAlignment(i, Qt.AlignmentFlag.AlignCenter)
                if c.get(s):
                    it.setForeground(i, QBrush(QColor(labels.SEVERITY_COLORS[s])))
            self.tree.addTopLevelItem(it)
            if key == current:
                self.tree.setCurrentItem(it)

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
