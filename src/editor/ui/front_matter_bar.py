"""The bar above the text: the post's title and networks, edited as fields instead of YAML.

The front matter stays in the file (and in the editor's document, hidden): every change made here is
an edit of those hidden lines (:meth:`editor.ui.editor_widget.PostEditor.set_front_matter_values`),
so it marks the post modified, goes into the undo history with the text and is saved with it.
Findings inside the front matter (a title that promises a result) are shown on the title field.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QWidget,
    QWidgetItem,
)

from editor.ui import labels

log = logging.getLogger(__name__)

SEVERITY_ORDER = ("error", "warning", "info")


def network_choices() -> list[tuple[str, str]]:
    """``(name, label)`` of every network profile, as the export knows them."""
    try:
        from editor.export.networks import load_networks

        return [(name, p.label) for name, p in load_networks().items()]
    except Exception:  # noqa: BLE001 - a broken profile: the bar offers what it can, logged
        log.warning("network profiles could not be loaded for the front matter bar",
                    exc_info=True)
        return []


def front_matter_networks(fm) -> list[str]:
    """The networks named by a parsed front matter, as written (list or comma-separated)."""
    nets = fm.data.get("networks") if fm is not None and fm.data else None
    if isinstance(nets, str):
        nets = nets.split(",")
    if not isinstance(nets, list):
        return []
    return [str(n).strip() for n in nets if str(n).strip()]


class FlowLayout(QLayout):
    """Widgets in a row that wraps to the next line when the bar is narrow (the network check
    boxes): the bar never forces the window wider than the screen."""

    def __init__(self, parent=None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._items = []
        self._spacing = spacing

    def addItem(self, item) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802
        self.addChildWidget(widget)
        self._items.insert(max(0, min(index, len(self._items))), QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._lay_out(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._lay_out(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        w = sum(i.sizeHint().width() for i in self._items) + \
            self._spacing * max(0, len(self._items) - 1)
        h = max((i.sizeHint().height() for i in self._items), default=0)
        m = self.contentsMargins()
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _lay_out(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + 2, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class FrontMatterBar(QWidget):
    """Title field and one check box per network, bound to ``editor``'s front matter."""

    def __init__(self, editor, networks: list[tuple[str, str]] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("frontMatterBar")
        self.editor = editor
        self.choices = network_choices() if networks is None else list(networks)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("frontMatterTitle")
        self.title_edit.setPlaceholderText(self.tr("Titre de la publication"))
        self.title_edit.setClearButtonEnabled(True)
        self.title_label = QLabel(self.tr("&Titre\u00a0:"))
        self.title_label.setBuddy(self.title_edit)
        self.findings_label = QLabel()
        self.findings_label.setObjectName("frontMatterFindings")
        self.findings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.findings_label.hide()
        self.networks_label = QLabel(self.tr("Réseaux\u00a0:"))
        self.boxes: dict[str, QCheckBox] = {}
        self.unknown_boxes: dict[str, QCheckBox] = {}
        self.boxes_row = FlowLayout()
        self.boxes_row.setContentsMargins(0, 0, 0, 0)
        for name, label in self.choices:
            self.boxes[name.lower()] = self._box(name, label)
        self.problem = QLabel()
        self.problem.setObjectName("frontMatterProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#b35c00")
        self.problem.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        title_row = QHBoxLayout()
        title_row.setSpacing(6)
        title_row.addWidget(self.title_edit, 1)
        title_row.addWidget(self.findings_label)
        grid.addWidget(self.title_label, 0, 0)
        grid.addLayout(title_row, 0, 1)
        grid.addWidget(self.networks_label, 1, 0)
        grid.addLayout(self.boxes_row, 1, 1)
        grid.addWidget(self.problem, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self.title_edit.textEdited.connect(self._title_edited)
        self.title_edit.returnPressed.connect(self.editor.setFocus)
        editor.frontMatterChanged.connect(self.refresh)
        self.refresh()

    def _box(self, name: str, label: str, unknown: bool = False) -> QCheckBox:
        box = QCheckBox(label)
        box.setObjectName(f"network_{name}")
        box.setProperty("network", name)
        if unknown:
            box.setToolTip(self.tr("«\u00a0{n}\u00a0» n’est pas un réseau connu de Tact\u00a0: "
                                   "décochez-le pour le retirer.").format(n=name))
            box.setStyleSheet("color:#888")
        box.clicked.connect(self._networks_edited)
        self.boxes_row.insertWidget(self.boxes_row.count(), box)
        return box

    # -- from the document -------------------------------------------------------------------------
    def networks(self) -> list[str]:
        """The networks the front matter names, as written."""
        return front_matter_networks(self.editor.front_matter)

    def title(self) -> str:
        fm = self.editor.front_matter
        return (fm.title or "") if fm is not None else ""

    def refresh(self) -> None:
        """Show the front matter's title and networks (never while the user types in them:
        equal values are left alone, so the field's cursor and undo stay)."""
        title = self.title()
        if self.title_edit.text() != title:
            self.title_edit.setText(title)
        named = {n.lower(): n for n in self.networks()}
        for key, box in list(self.unknown_boxes.items()):
            if key not in named:
                self.boxes_row.removeWidget(box)
                box.deleteLater()
                del self.unknown_boxes[key]
        for key, written in named.items():
            if key not in self.boxes and key not in self.unknown_boxes:
                self.unknown_boxes[key] = self._box(written, f"{written}\u202f?", unknown=True)
        for key, box in {**self.boxes, **self.unknown_boxes}.items():
            if box.isChecked() != (key in named):
                box.setChecked(key in named)
        editable = self.editor.front_matter_editable
        for w in (self.title_edit, *self.boxes.values(), *self.unknown_boxes.values()):
            w.setEnabled(editable)
        error = self.editor.front_matter_error
        if error and not editable:
            error = self.tr("En-tête illisible, affiché dans le texte pour être corrigé\u00a0: "
                            "{e}").format(e=error)
        self.problem.setText(error or "")
        self.problem.setVisible(bool(error))

    # -- to the document ---------------------------------------------------------------------------
    def _title_edited(self, text: str) -> None:
        self.editor.set_front_matter_values(title=text)

    def _networks_edited(self) -> None:
        checked = {key for key, box in {**self.boxes, **self.unknown_boxes}.items()
                   if box.isChecked()}
        current = self.networks()
        kept = [n for n in current if n.lower() in checked]
        seen = {n.lower() for n in kept}
        added = [name for name, _label in self.choices if name.lower() in checked - seen]
        if not self.editor.set_front_matter_values(networks=kept + added):
            self.refresh()      # the boxes show the file again

    def set_networks(self, names: list[str]) -> bool:
        """Check exactly ``names`` (the order given), as the user would."""
        return self.editor.set_front_matter_values(networks=list(names))

    # -- findings in the front matter --------------------------------------------------------------
    def set_findings(self, findings) -> None:
        """Findings whose passage lies in the hidden front matter (the title, mostly): the title
        field is outlined in the colour of the most serious one, its tooltip says what they are."""
        from editor.ui.editor_widget import tooltip_html

        findings = list(findings)
        if not findings:
            self.title_edit.setStyleSheet("")
            self.title_edit.setToolTip("")
            self.findings_label.hide()
            self.findings_label.setToolTip("")
            return
        worst = min(findings, key=lambda f: SEVERITY_ORDER.index(f.severity)
                    if f.severity in SEVERITY_ORDER else len(SEVERITY_ORDER))
        color = labels.SPELLING_COLOR if worst.category == "spelling" else \
            labels.SEVERITY_COLORS.get(worst.severity, "#1f6fd1")
        self.title_edit.setStyleSheet(f"QLineEdit {{ border: 2px solid {color}; }}")
        tip = tooltip_html(findings, self.editor.accepted)
        self.title_edit.setToolTip(tip)
        self.findings_label.setText(self.tr("{n} signalement(s) dans l’en-tête").format(
            n=len(findings)))
        self.findings_label.setStyleSheet(f"color:{color}")
        self.findings_label.setToolTip(tip)
        self.findings_label.show()

    def show_marks(self, marks) -> None:
        """A finding of the front matter was chosen (list, F8): the title field, with the passage
        selected when it is in the title."""
        self.title_edit.setFocus()
        title = self.title_edit.text()
        for m in marks:
            text = getattr(m.finding, "text", "")
            i = title.find(text) if text else -1
            if i >= 0:
                self.title_edit.setSelection(i, len(text))
                return
        self.title_edit.selectAll()
