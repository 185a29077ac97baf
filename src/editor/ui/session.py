"""The post being edited: its file, saving, recovery drafts and changes made by others on disk."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

from editor.document.drafts import DraftStore
from editor.ui.storage import Fingerprint, LoadError, SaveError, load_post, save_post


def draft_interval_ms() -> int:
    try:
        return max(200, int(os.environ.get("TACT_DRAFT_INTERVAL_MS", "3000")))
    except ValueError:
        return 3000


class PostSession(QObject):
    pathChanged = Signal(object)        # Path | None
    saved = Signal(object)              # Path
    reloaded = Signal(object)           # Path (external change taken from disk)
    message = Signal(str)               # status bar

    def __init__(self, editor, prompter, drafts: DraftStore | None = None, parent=None,
                 connect: bool = True) -> None:
        super().__init__(parent)
        self.editor = editor
        self.prompter = prompter
        self.drafts = drafts or DraftStore()
        self.path: Path | None = None
        self.newline = "\n"
        self.fingerprint: Fingerprint | None = None
        self.disk_conflict = False      # the user kept their version over a newer one on disk
        self.draft_key = DraftStore.key_for(None)
        self._draft_revision = -1
        self._revision = 0
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.draft_timer = QTimer(self)
        self.draft_timer.setInterval(draft_interval_ms())
        self.draft_timer.timeout.connect(self.write_draft)
        self.draft_timer.start()
        if connect:
            editor.document().contentsChange.connect(self.changed)

    # -- state ----------------------------------------------------------------------------------
    def changed(self, _p, removed, added) -> None:
        if removed or added:
            self._revision += 1

    @property
    def modified(self) -> bool:
        return self.editor.document().isModified()

    @property
    def name(self) -> str:
        return self.path.name if self.path else self.tr("Sans titre")

    def _set_path(self, path: Path | None) -> None:
        old = self.path
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.path = Path(path).resolve() if path else None
        if self.path and self.path.exists():
            self.watcher.addPath(str(self.path))
        if old != self.path:
            self.pathChanged.emit(self.path)

    # -- open / new ------------------------------------------------------------------------------
    def open(self, path: str | Path) -> bool:
        """Load ``path`` into the editor; False (with a French message shown) if it cannot be."""
        try:
            post = load_post(path)
        except LoadError as exc:
            self.prompter.error(self.tr("Impossible d'ouvrir le fichier"),
                                f"{Path(path).name} : {exc}")
            return False
        self.drafts.discard(self.draft_key) if not self.modified else None
        self.newline = post.newline
        self.fingerprint = post.fingerprint
        self.disk_conflict = False
        self.editor.set_post_text(post.text)
        self.editor.document().setModified(False)
        self.draft_key = DraftStore.key_for(str(Path(path).resolve()))
        self._draft_revision = self._revision
        self._set_path(Path(path))
        return True

    def new_untitled(self, text: str = "") -> None:
        self.newline = "\n"
        self.fingerprint = None
        self.disk_conflict = False
        self.editor.set_post_text(text)
        self.editor.document().setModified(bool(text))
        self.draft_key = DraftStore.key_for(None)
        self._set_path(None)

    def restore_draft(self, draft) -> None:
        """Put a recovered draft in the editor, unsaved, on the file it belonged to."""
        if draft.path and Path(draft.path).is_file():
            self.open(draft.path)
        else:
            self.new_untitled()
            if draft.path:
                self.path = Path(draft.path)
                self.pathChanged.emit(self.path)
        c = QTextCursor(self.editor.document())
        c.select(QTextCursor.SelectionType.Document)
        c.insertText(draft.text)
        self.editor.document().setModified(True)
        self.draft_key = draft.file.stem
        self.write_draft()

    # -- saving ---------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        if self.fingerprint is not None and self.path.exists():
            on_disk = Fingerprint.of_file(self.path)
            if not self.fingerprint.same_content(on_disk) or self.disk_conflict:
                if not self.prompter.overwrite_external(self.name):
                    return False
        return self._write(self.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            folder = str(self.path.parent) if self.path else str(Path.home())
            path = self.prompter.save_file(folder)
            if not path:
                return False
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        try:
            fp = save_post(path, self.editor.text(), self.newline)
        except SaveError as exc:
            self.prompter.error(self.tr("Enregistrement impossible"), str(exc))
            return False
        self.fingerprint = fp
        self.disk_conflict = False
        old_key = self.draft_key
        self.drafts.discard(old_key)
        self.draft_key = DraftStore.key_for(str(path.resolve()))
        self.drafts.discard(self.draft_key)
        self.editor.document().setModified(False)
        self._set_path(path)
        self.saved.emit(self.path)
        self.message.emit(self.tr("Enregistré : {name}").format(name=self.path.name))
        return True

    def rename(self, new_name: str) -> bool:
        if self.path is None:
            return self.save_as()
        new_name = new_name.strip()
        if not new_name.endswith(".md"):
            new_name += ".md"
        if "/" in new_name or "\\" in new_name or new_name.startswith("."):
            self.prompter.error(self.tr("Renommer"), self.tr("Nom de fichier invalide."))
            return False
        target = self.path.with_name(new_name)
        if target.exists():
            self.prompter.error(self.tr("Renommer"),
                                self.tr("Un fichier « {name} » existe déjà.").format(name=new_name))
            return False
        try:
            os.rename(self.path, target)
        except OSError as exc:
            self.prompter.error(self.tr("Renommer"), self.tr("Impossible de renommer ({detail}).")
                                .format(detail=exc.strerror or exc))
            return False
        self._move_review_file(self.path, target)
        self.drafts.discard(self.draft_key)
        self.draft_key = DraftStore.key_for(str(target.resolve()))
        self._set_path(target)
        if self.modified:
            self.write_draft()
        return True

    def _move_review_file(self, old: Path, new: Path) -> None:
        """The review journal travels with the post (decisions, comments, history)."""
        from editor.review import journal_path

        src, dst = journal_path(old), journal_path(new)
        if not src.exists():
            return
        if dst.exists():
            self.message.emit(self.tr("«\u00a0{name}\u00a0» existe déjà\u00a0: le fichier de "
                                      "relecture n'a pas été renommé.").format(name=dst.name))
            return
        try:
            os.rename(src, dst)
        except OSError as exc:
            self.message.emit(self.tr("Fichier de relecture non renommé ({detail}).").format(
                detail=exc.strerror or exc))

    def maybe_close(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self.modified:
            self.drafts.discard(self.draft_key)
            return True
        answer = self.prompter.save_changes(self.name)
        if answer == self.prompter.SAVE:
            return self.save()
        if answer == self.prompter.DISCARD:
            self.drafts.discard(self.draft_key)
            self.editor.document().setModified(False)
            return True
        return False

    # -- recovery drafts ---------------------------------------------------------------------------
    def write_draft(self) -> None:
        if not self.modified:
            return
        if self._draft_revision == self._revision and (self.drafts.folder /
                                                        f"{self.draft_key}.json").exists():
            return
        try:
            self.drafts.write(self.draft_key, str(self.path) if self.path else None,
                              self.editor.text())
            self._draft_revision = self._revision
        except OSError as exc:
            self.message.emit(self.tr("Brouillon de secours impossible : {detail}").format(
                detail=exc.strerror or exc))

    # -- external changes -------------------------------------------------------------------------
    def _file_changed(self, _path: str) -> None:
        QTimer.singleShot(50, self.check_external)

    def check_external(self) -> None:
        if self.path is None:
            return
        if self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))   # an atomic replace drops the watch
        if not self.path.exists():
            self.message.emit(self.tr("« {name} » a été supprimé ou déplacé sur le disque ; "
                                      "votre texte reste ouvert.").format(name=self.path.name))
            self.editor.document().setModified(True)
            self.disk_conflict = True
            return
        now = Fingerprint.of_file(self.path)
        if now is None or self.fingerprint is None or self.fingerprint.same_content(now):
            if now is not None and self.fingerprint is not None:
                self.fingerprint = now
            return
        if self.modified and not self.prompter.reload_external(self.name):
            self.disk_conflict = True
            self.message.emit(self.tr("Version du disque ignorée : la vôtre est conservée."))
            return
        self.reload_from_disk()

    def reload_from_disk(self) -> bool:
        try:
            post = load_post(self.path)
        except LoadError as exc:
            self.prompter.error(self.tr("Impossible de recharger"), str(exc))
            return False
        # An edit (not setPlainText): Ctrl+Z brings the previous text back.
        c = QTextCursor(self.editor.document())
        c.beginEditBlock()
        c.select(QTextCursor.SelectionType.Document)
        c.insertText(post.text)
        c.endEditBlock()
        self.newline = post.newline
        self.fingerprint = post.fingerprint
        self.disk_conflict = False
        self.editor.document().setModified(False)
        self.drafts.discard(self.draft_key)
        self.reloaded.emit(self.path)
        self.message.emit(
            self.tr("« {name} » rechargé depuis le disque.").format(name=self.path.name))
        return True
