"""The reviewer profile dialog (name, role, one-person / two-person mode), asked when first
needed."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from editor.review.model import MODE_LABELS, MODES, PAIR
from editor.review.profile import Profile, load_profile, save_profile


class ProfileDialog(QDialog):
    def __init__(self, profile: Profile | None = None, problem: str | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("Profil de relecture"))
        self.name_edit = QLineEdit(profile.name if profile else "")
        self.name_edit.setObjectName("profileName")
        self.name_edit.setPlaceholderText(self.tr("Prénom Nom"))
        self.role_edit = QLineEdit(profile.role if profile else "")
        self.role_edit.setObjectName("profileRole")
        self.role_edit.setPlaceholderText(self.tr("chirurgien, assistante…"))
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("profileMode")
        for m in MODES:
            self.mode_combo.addItem(MODE_LABELS[m], m)
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(
            profile.mode if profile else PAIR)))
        intro = QLabel(self.tr("Votre nom et votre rôle sont enregistrés avec chaque décision, "
                               "commentaire et approbation. En mode «\u00a0deux personnes\u00a0», "
                               "qui a accepté un signalement ne peut pas être le seul à approuver "
                               "la publication."))
        intro.setWordWrap(True)
        self.problem = QLabel(problem or "")
        self.problem.setObjectName("profileProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#d0312d")
        self.problem.setVisible(bool(problem))
        form = QFormLayout()
        form.addRow(self.tr("Nom\u00a0:"), self.name_edit)
        form.addRow(self.tr("Rôle\u00a0:"), self.role_edit)
        form.addRow(self.tr("Mode de relecture\u00a0:"), self.mode_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.problem)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name_edit.text().strip()))

    def profile(self) -> Profile:
        return Profile(self.name_edit.text().strip(), self.role_edit.text().strip(),
                       self.mode_combo.currentData())

    def accept(self) -> None:  # noqa: D401 - Qt slot
        err = save_profile(self.profile())
        if err:
            self.problem.setText(err)
            self.problem.setVisible(True)
            return
        super().accept()


def ensure_profile(parent=None, force: bool = False) -> Profile | None:
    """The saved profile, or ask for it (the first time a review action needs it)."""
    profile, problem = load_profile()
    if profile is not None and not force:
        return profile
    dlg = ProfileDialog(profile, problem, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.profile()
