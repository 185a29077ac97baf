"""Every question the window asks the user, in one replaceable object (tests swap in answers)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class Prompter:
    SAVE, DISCARD, CANCEL = "save", "discard", "cancel"

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def _box(self, icon, title: str, text: str, informative: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        # File names, links and error messages are shown as typed, never as markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        if informative:
            box.setInformativeText(informative)
        return box

    def _ask(self, icon, title: str, text: str, informative: str,
             buttons: list[tuple[str, QMessageBox.ButtonRole, object]], default=None,
             closed=None):
        """Ask with ``buttons``, each ``(label, role, answer)``: the answer of the button clicked,
        or ``closed`` when none was. ``default``: the answer of the button Enter presses (none
        given: Qt's choice)."""
        box = self._box(icon, title, text, informative)
        answers = []
        for label, role, answer in buttons:
            button = box.addButton(label, role)
            answers.append((button, answer))
            if default is not None and answer == default:
                box.setDefaultButton(button)
        box.exec()
        clicked = box.clickedButton()
        return next((answer for button, answer in answers if button is clicked), closed)

    def save_changes(self, name: str) -> str:
        return self._ask(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Prompter", "Modifications non enregistrées"),
            QCoreApplication.translate(
                "Prompter", "« {name} » a été modifié. Enregistrer les modifications ?").format(
                name=name),
            QCoreApplication.translate(
                "Prompter", "Si vous n'enregistrez pas, vos modifications seront perdues."),
            [(QCoreApplication.translate("Prompter", "Enregistrer"),
              QMessageBox.ButtonRole.AcceptRole, self.SAVE),
             (QCoreApplication.translate("Prompter", "Ne pas enregistrer"),
              QMessageBox.ButtonRole.DestructiveRole, self.DISCARD),
             (QCoreApplication.translate("Prompter", "Annuler"),
              QMessageBox.ButtonRole.RejectRole, self.CANCEL)],
            default=self.SAVE, closed=self.CANCEL)

    def reload_external(self, name: str) -> bool:
        """The file changed on disk while the user has unsaved text: True = reload from disk."""
        return self._ask(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Prompter", "Fichier modifié ailleurs"),
            QCoreApplication.translate(
                "Prompter",
                "« {name} » a été modifié sur le disque par un autre programme.").format(name=name),
            QCoreApplication.translate(
                "Prompter", "Vous avez aussi des modifications non enregistrées. Recharger la "
                "version du disque (vos modifications seront perdues) ou garder la "
                "vôtre ?"),
            [(QCoreApplication.translate("Prompter", "Recharger depuis le disque"),
              QMessageBox.ButtonRole.DestructiveRole, True),
             (QCoreApplication.translate("Prompter", "Garder ma version"),
              QMessageBox.ButtonRole.RejectRole, False)],
            default=False, closed=False)

    def overwrite_external(self, name: str) -> bool:
        return self._ask(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Prompter", "Conflit d'enregistrement"),
            QCoreApplication.translate(
                "Prompter",
                "« {name} » a été modifié sur le disque depuis son ouverture.").format(name=name),
            QCoreApplication.translate(
                "Prompter", "Enregistrer remplacera la version du disque par la vôtre."),
            [(QCoreApplication.translate("Prompter", "Remplacer"),
              QMessageBox.ButtonRole.DestructiveRole, True), self._cancel()], closed=False)

    def restore_drafts(self, names: list[str]) -> bool:
        return self._ask(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Prompter", "Récupération"),
            QCoreApplication.translate(
                "Prompter", "Tact s'est arrêté alors que des textes n'étaient pas enregistrés."),
            QCoreApplication.translate(
                "Prompter", "Brouillons récupérables : {names}. Les rouvrir ?").format(
                names=", ".join(names)),
            [(QCoreApplication.translate("Prompter", "Restaurer"),
              QMessageBox.ButtonRole.AcceptRole, True),
             (QCoreApplication.translate("Prompter", "Ignorer"),
              QMessageBox.ButtonRole.RejectRole, False)],
            default=True, closed=False)

    def open_link(self, url: str) -> bool:
        return self._ask(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Prompter", "Ouvrir un lien"),
            QCoreApplication.translate("Prompter", "Ouvrir ce lien dans votre navigateur ?"), url,
            [(QCoreApplication.translate("Prompter", "Ouvrir"),
              QMessageBox.ButtonRole.AcceptRole, True), self._cancel()], closed=False)

    def confirm(self, title: str, text: str, informative: str, action: str) -> bool:
        """Ask before an action that changes a file; ``action`` labels the accepting button."""
        return self._ask(QMessageBox.Icon.Question, title, text, informative,
                         [(action, QMessageBox.ButtonRole.AcceptRole, True), self._cancel()],
                         default=True, closed=False)

    @staticmethod
    def _cancel() -> tuple[str, QMessageBox.ButtonRole, bool]:
        """The « Annuler » button of a yes-or-no question."""
        return (QCoreApplication.translate("Prompter", "Annuler"),
                QMessageBox.ButtonRole.RejectRole, False)

    def error(self, title: str, text: str) -> None:
        self._box(QMessageBox.Icon.Critical, title, text).exec()

    def text(self, title: str, label: str, default: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return value if ok and value.strip() else None

    def new_post(self, networks: list[tuple[str, str]], checked: list[str]):
        """« Nouvelle publication »: ``(title, networks)`` or None (see NewPostDialog)."""
        from editor.ui.dialogs import NewPostDialog

        return NewPostDialog.ask(self.parent, networks, checked)

    def open_file(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, QCoreApplication.translate("Prompter", "Ouvrir une publication"), folder,
            QCoreApplication.translate(
                "Prompter", "Publications Markdown (*.md);;Tous les fichiers (*)"))
        return path or None

    def open_folder(self, folder: str) -> str | None:
        path = QFileDialog.getExistingDirectory(
            self.parent, QCoreApplication.translate("Prompter", "Ouvrir un espace de travail"),
            folder)
        return path or None

    def export_folder(self, folder: str) -> str | None:
        """The folder an export is written to (starts on the workspace's exports folder)."""
        path = QFileDialog.getExistingDirectory(
            self.parent, QCoreApplication.translate("Prompter", "Choisir le dossier d’export"),
            folder)
        return path or None

    def exported(self, text: str) -> bool:
        """Say an export succeeded; True when the user asks to open its folder."""
        return self._ask(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Prompter", "Export terminé"), text, "",
            [(QCoreApplication.translate("Prompter", "Ouvrir le dossier"),
              QMessageBox.ButtonRole.AcceptRole, True),
             (QCoreApplication.translate("Prompter", "Fermer"),
              QMessageBox.ButtonRole.RejectRole, False)],
            default=True, closed=False)

    def export_refused(self, problems: list) -> int | None:
        """« Export refusé »: the open problems in plain words, each with « Aller au
        passage »; the index of the one to go to, or None (closed)."""
        from editor.ui.exports_dialog import ExportRefusedDialog

        return ExportRefusedDialog.ask(problems, self.parent)

    CREATE, CHOOSE = "create", "choose"

    def outside_samples(self, workspace: str) -> str | None:
        """« Nouvelle publication » while the samples are open: they are kept apart, so where
        should it go? ``CREATE`` (the workspace ``workspace``, in the documents), ``CHOOSE``
        (another folder) or None (cancelled)."""
        return self._ask(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Prompter", "Nouvelle publication"),
            QCoreApplication.translate(
                "Prompter", "Les exemples restent à part\u00a0: votre publication "
                "sera enregistrée dans votre propre espace de travail."),
            QCoreApplication.translate(
                "Prompter", "Tact peut créer le dossier «\u00a0{f}\u00a0» pour vos "
                "publications, ou utiliser un dossier que vous choisissez.").format(f=workspace),
            [(QCoreApplication.translate("Prompter", "Créer ce dossier"),
              QMessageBox.ButtonRole.AcceptRole, self.CREATE),
             (QCoreApplication.translate("Prompter", "Choisir un dossier…"),
              QMessageBox.ButtonRole.ActionRole, self.CHOOSE),
             (QCoreApplication.translate("Prompter", "Annuler"),
              QMessageBox.ButtonRole.RejectRole, None)],
            default=self.CREATE)

    def save_file(self, folder: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("Prompter", "Enregistrer sous"), folder,
            QCoreApplication.translate("Prompter", "Publications Markdown (*.md)"))
        if path and not path.endswith(".md"):
            path += ".md"
        return path or None
