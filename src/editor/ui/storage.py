"""Reading and saving posts for the editor, without ever losing the user's text.

* :func:`load_post` reads a post or raises :class:`LoadError` with a French message (binary,
  not UTF-8, too large, unreadable): the window shows it and never crashes.
* :func:`save_post` writes atomically (:func:`editor.fileio.write_atomic`): the old file stays
  intact until the new content is completely on disk, whatever fails (full disk, read-only folder,
  killed process), and no temporary copy of the post outlives the next save.
* :class:`Fingerprint` (mtime, size, hash) tells whether the file on disk is still the one we
  loaded.
"""
from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from editor.document.files import FileTooLarge, NotRegularFile, read_regular
from editor.document.post import PostError, decode
from editor.fileio import sweep_stale_temps, write_atomic

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
        return QCoreApplication.translate(
            "storage",
            "Ce fichier est binaire (image, document…) : ce n'est pas une publication en texte.")
    if msg.startswith("not UTF-8"):
        return QCoreApplication.translate(
            "storage", "Ce fichier n'est pas encodé en UTF-8 ({detail}). Ouvrez-le dans un autre "
            "éditeur et enregistrez-le en UTF-8 avant de le modifier ici.").format(
            detail=msg.removeprefix("not UTF-8 text ").strip("()"))
    return QCoreApplication.translate(
        "storage", "Ce fichier ne peut pas être lu ({detail}).").format(detail=msg)


def load_post(path: str | Path) -> LoadedPost:
    p = Path(path)
    try:
        if p.is_dir():
            raise LoadError(
                QCoreApplication.translate("storage", "C'est un dossier, pas un fichier."))
        raw = read_regular(p, MAX_EDITOR_BYTES)   # a FIFO or a device is refused, never read
    except NotRegularFile:
        raise LoadError(QCoreApplication.translate(
            "storage", "Ce n'est pas un fichier ordinaire (tube, périphérique…) : il n'a pas été "
            "ouvert.")) from None
    except FileTooLarge as exc:
        raise LoadError(QCoreApplication.translate(
            "storage", "Ce fichier est trop volumineux pour une publication ({size}\u00a0Mo\u202f; "
            "limite {limit}\u00a0Mo). Il n'a pas été ouvert.").format(
            size=f"{exc.size / 1e6:.1f}".replace(".", ","),
            limit=MAX_EDITOR_BYTES // (1024 * 1024))) from None
    except FileNotFoundError:
        raise LoadError(QCoreApplication.translate(
            "storage", "Ce fichier n'existe pas (ou plus).")) from None
    except PermissionError:
        raise LoadError(QCoreApplication.translate(
            "storage", "Vous n'avez pas le droit de lire ce fichier.")) from None
    except OSError as exc:
        raise LoadError(QCoreApplication.translate(
            "storage", "Ce fichier ne peut pas être lu ({detail}).").format(
            detail=exc.strerror or exc)) from None
    try:
        text = decode(raw, p.name)
    except PostError as exc:
        raise LoadError(_explain(exc)) from None
    text = text.removeprefix("\ufeff")
    newline = "\r\n" if "\r\n" in text else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    sweep_stale_temps(p.resolve())     # a copy left by a save that was killed midway
    return LoadedPost(p, text, newline, Fingerprint.of_bytes(p, raw))


def _save_error(exc: OSError) -> SaveError:
    detail = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return SaveError(QCoreApplication.translate(
            "storage", "L'écriture a échoué ({detail})\u202f: disque plein\u202f? "
            "Le fichier précédent n'a pas été modifié.").format(detail=detail))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR,
                     errno.EISDIR):
        return SaveError(QCoreApplication.translate(
            "storage", "Impossible d'écrire dans ce dossier ({detail}). Le fichier "
            "précédent n'a pas été modifié.").format(detail=detail))
    return SaveError(QCoreApplication.translate(
        "storage", "L'enregistrement n'a pas pu être terminé ({detail}). Le fichier "
        "précédent n'a pas été modifié.").format(detail=detail))


def save_post(path: str | Path, text: str, newline: str = "\n") -> Fingerprint:
    """Write ``text`` atomically and return the new fingerprint; :class:`SaveError` leaves the old
    file exactly as it was.

    :func:`editor.fileio.write_atomic` does the work: a hidden temporary file beside the post
    (``.<name>.XXXXXXXX.tmp``), flushed to disk, then renamed over it. A failure removes the
    temporary file; a killed process leaves one that the next save of the post removes. The post
    keeps its permissions (a new post is private, 0600). A symbolic link is followed: its target
    is saved, the link stays.
    """
    p = Path(path)
    if p.is_symlink():
        p = p.resolve()
    data = (text.replace("\n", newline) if newline != "\n" else text).encode("utf-8")
    if not p.parent.is_dir():
        raise _save_error(OSError(errno.ENOENT, os.strerror(errno.ENOENT), str(p.parent)))
    try:
        write_atomic(p, data)
    except OSError as exc:
        raise _save_error(exc) from None
    return Fingerprint.of_bytes(p, data)
