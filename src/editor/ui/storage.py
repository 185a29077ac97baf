"""Reading and saving posts for the editor, without ever losing the user's text.

* :func:`load_post` reads a post or raises :class:`LoadError` with a French message (binary,
  not UTF-8, too large, unreadable): the window shows it and never crashes.
* :func:`save_post` writes through ``QSaveFile``: the old file stays intact until the new content is
  completely on disk, whatever fails (full disk, read-only folder, killed process).
* :class:`Fingerprint` (mtime, size, hash) tells whether the file on disk is still the one we loaded.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QSaveFile

from editor.document.post import PostError, decode

# A post is a few kilobytes; a 20,000-word one is about 130 kB. Beyond this the editor refuses.
MAX_EDITOR_BYTES = 4 * 1024 * 1024




class LoadError(Exception):
    """The file cannot be opened in the editor; the message (French) says why."""


class SaveError(Exception):
    """The file could not be saved; the previous version on disk is untouched."""


@dataclass(frozen=True)
class Fingerprint:
    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of_bytes(cls, path: Path, raw: bytes) -> "Fingerprint":
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, hashlib.sha256(raw).hexdigest())

    @classmethod
    def of_file(cls, path: Path) -> "Fingerprint | None":
        try:
            raw = path.read_bytes()
            return cls.of_bytes(path, raw)
        except OSError:
            return None

    def same_content(self, other: "Fingerprint | None") -> bool:
        return other is not None and other.digest == self.digest


@dataclass
class LoadedPost:
    path: Path
    text: str               # newlines normalised to "\n"
    newline: str            # "\n" or "\r\n", restored on save
    fingerprint: Fingerprint


def _explain(exc: PostError, size: int = 0) -> str:
    msg = str(exc)
    if msg.startswith("binary"):
        return QCoreApplication.translate("storage", "Ce fichier est binaire (image, document…) : ce n'est pas une publication en texte.")
    if msg.startswith("not UTF-8"):
        return QCoreApplication.translate("storage", "Ce fichier n'est pas encodé en UTF-8 ({detail}). Ouvrez-le dans un autre "
                   "éditeur et enregistrez-le en UTF-8 avant de le modifier ici.").format(
            detail=msg.removeprefix("not UTF-8 text ").strip("()"))
    return QCoreApplication.translate("storage", "Ce fichier ne peut pas être lu ({detail}).").format(detail=msg)


def load_post(path: str | Path) -> LoadedPost:
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise LoadError(QCoreApplication.translate("storage", "C'est un dossier, pas un fichier."))
        if size > MAX_EDITOR_BYTES:
            raise LoadError(QCoreApplication.translate("storage", "Ce fichier est trop volumineux pour une publication ({size} Mo ; "
                                "limite {limit} Mo). Il n'a pas été ouvert.").format(
                size=f"{size / 1e6:.1f}".replace(".", ","), limit=MAX_EDITOR_BYTES // (1024 * 1024)))
        raw = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(QCoreApplication.translate("storage", "Ce fichier n'existe pas (ou plus).")) from None
    except PermissionError:
        raise LoadError(QCoreApplication.translate("storage", "Vous n'avez pas le droit de lire ce fichier.")) from None
    except OSError as exc:
        raise LoadError(QCoreApplication.translate("storage", "Ce fichier ne peut pas être lu ({detail}).").format(
            detail=exc.strerror or exc)) from None
    try:
        text = decode(raw, p.name)
    except PostError as exc:
        raise LoadError(_explain(exc)) from None
    text = text.removeprefix("\ufeff")
    newline = "\r\n" if "\r\n" in text else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return LoadedPost(p, text, newline, Fingerprint.of_bytes(p, raw))


def save_post(path: str | Path, text: str, newline: str = "\n") -> Fingerprint:
    """Write ``text`` atomically (QSaveFile) and return the new fingerprint; :class:`SaveError`
    leaves the old file exactly as it was."""
    p = Path(path)
    data = (text.replace("\n", newline) if newline != "\n" else text).encode("utf-8")
    f = QSaveFile(str(p))
    if not f.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveError(QCoreApplication.translate("storage", "Impossible d'écrire dans ce dossier ({detail}). Le fichier "
                            "précédent n'a pas été modifié.").format(detail=f.errorString()))
    written = f.write(data)
    if written != len(data):
        detail = f.errorString()
        f.cancelWriting()
        f.commit()
        raise SaveError(QCoreApplication.translate("storage", "L'écriture a échoué ({detail}) : disque plein ? Le fichier précédent "
                            "n'a pas été modifié.").format(detail=detail))
    if not f.commit():
        raise SaveError(QCoreApplication.translate("storage", "L'enregistrement n'a pas pu être terminé ({detail}). Le fichier "
                            "précédent n'a pas été modifié.").format(detail=f.errorString()))
    return Fingerprint.of_bytes(p, data)
