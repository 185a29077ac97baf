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

    def save_changes(self, name: str) -> str:
        box = self._box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Prompter", "Modifications non enregistrées"),
            QCoreApplication.translate(
                "Prompter", "« {name} » a été modifié. Enregistrer les modifications ?").format(
                name=name),
            QCoreApplication.translate(
                "Prompter", "Si vous n'enregistrez pas, vos modifications seront perdues."))
        save = box.addButton(QCoreApplication.translate("Prompter", "Enregistrer"),
                             QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("Prompter", "Ne pas enregistrer"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QCoreApplication.translate("Prompter", "Annuler"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return self.SAVE if clicked is save else self.DISCARD if clicked is discard else self.CANCEL

    def reload_external(self, name: str) -> bool:
        """The file changed on disk while the user has unsaved text: True = reload from disk."""
        box = self._box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Prompter", "Fichier modifié ailleurs"),
            QCoreApplication.translate(
                "Prompter",
                "« {name} » a été modifié sur le disque par un autre programme.").format(name=name),
            QCoreApplication.translate(
                "Prompter", "Vous avez aussi des modifications non enregistrées. Recharger la "
                "version du disque (vos modifications seront perdues) ou garder la "
                "vôtre ?"))
        reload = box.addButton(QCoreApplication.translate("Prompter", "Recharger depuis le disque"),
                               QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QCoreApplication.translate("Prompter", "Garder ma version"),
                             QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is reload

    def overwrite_external(self, name: str) -> bool:
        box = self._box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Prompter", "Conflit d'enregistrement"),
            QCoreApplication.translate(
                "Prompter",
                "« {name} » a été modifié sur le disque depuis son ouverture.").format(name=name),
            QCoreApplication.translate(
                "Prompter", "Enregistrer remplacera la version du disque par la vôtre."))
        over = box.addButton(QCoreApplication.translate("Prompter", "Remplacer"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QCoreApplication.translate("Prompter", "Annuler"),
                      QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is over

    def restore_drafts(self, names: list[str]) -> bool:
        box = self._box(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Prompter", "Récupération"),
            QCoreApplication.translate(
                "Prompter", "Tact s'est arrêté alors que des textes n'étaient pas enregistrés."),
            QCoreApplication.translate(
                "Prompter", "Brouillons récupérables : {names}. Les rouvrir ?").format(
                names=", ".join(names)))
        restore = box.addButton(QCoreApplication.translate("Prompter", "Restaurer"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Prompter", "Ignorer"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def open_link(self, url: str) -> bool:
        box = self._box(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Prompter", "Ouvrir un lien"),
            QCoreApplication.translate("Prompter", "Ouvrir ce lien dans votre navigateur ?"), url)
        ok = box.addButton(QCoreApplication.translate("Prompter", "Ouvrir"),
                           QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Prompter", "Annuler"),
                      QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is ok

    def confirm(self, title: str, text: str, informative: str, action: str) -> bool:
        """Ask before an action that changes a file; ``action`` labels the accepting button."""
        box = self._box(QMessageBox.Icon.Question, title, text, informative)
        ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Prompter", "Annuler"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

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
        box = self._box(QMessageBox.Icon.Information,
                        QCoreApplication.translate("Prompter", "Export terminé"), text)
        show = box.addButton(QCoreApplication.translate("Prompter", "Ouvrir le dossier"),
                             QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Prompter", "Fermer"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(show)
        box.exec()
        return box.clickedButton() is show

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
        box = self._box(QMessageBox.Icon.Question,
                        QCoreApplication.translate("Prompter", "Nouvelle publication"),
                        QCoreApplication.translate(
                            "Prompter", "Les exemples restent à part\u00a0: votre publication "
                            "sera enregistrée dans votre propre espace de travail."),
                        QCoreApplication.translate(
                            "Prompter", "Tact peut créer le dossier «\u00a0{f}\u00a0» pour vos "
                            "publications, ou utiliser un dossier que vous choisissez.").format(
                            f=workspace))
        create = box.addButton(QCoreApplication.translate("Prompter", "Créer ce dossier"),
                               QMessageBox.ButtonRole.AcceptRole)
        choose = box.addButton(QCoreApplication.translate("Prompter", "Choisir un dossier…"),
                               QMessageBox.ButtonRole.ActionRole)
        box.addButton(QCoreApplication.translate("Prompter", "Annuler"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(create)
        box.exec()
        clicked = box.clickedButton()
        return self.CREATE if clicked is create else self.CHOOSE if clicked is choose else None

    def save_file(self, folder: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("Prompter", "Enregistrer sous"), folder,
            QCoreApplication.translate("Prompter", "Publications Markdown (*.md)"))
        if path and not path.endswith(".md"):
            path += ".md"
        return path or None
