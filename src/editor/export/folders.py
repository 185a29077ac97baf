"""The export's folders: which folder a post goes to, and replacing only what the export wrote.

Every post's export folder holds a marker, ``.tact-export.json``, naming the post it was exported
from and the files the export wrote. An existing folder is replaced only when its marker names the
same post and it holds nothing else; a folder without a marker is the user's and is never touched
(the export is refused); a folder of another post (colliding names: ``post 1.md`` and ``Post-1.md``
both give ``post-1``) makes the post take the next free name (``post-1-2``), the same at every run,
since the markers say which post owns which folder. An export written before markers existed is
recognised by its report (same post file name, nothing but the files that report lists).

Moving the new folders into place is all or nothing: old folders are moved aside, the new ones
moved in, and on any failure everything is moved back before the error is reported.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from editor.fileio import write_atomic

log = logging.getLogger(__name__)

MARKER = ".tact-export.json"
MARKER_KIND = "tact-export"
STAGING_PREFIX = ".tact-export-"
ASIDE_PREFIX = ".tact-old-"
LEFTOVER_AGE = 3600.0        # seconds: a staging folder older than this belongs to no live export
MAX_CANDIDATES = 1000        # names tried for one post: ``slug``, ``slug-2`` … ``slug-1000``
_LEFTOVER = re.compile(r"\.tact-(?:export|old)-[a-z0-9_]{8}\Z")


class FolderProblem(Exception):
    """An export folder cannot be used: ``message`` in English, ``french`` for the GUI."""

    def __init__(self, path: Path, message: str, french: str) -> None:
        super().__init__(message)
        self.path, self.message, self.french = path, message, french


def post_key(post: Path) -> str:
    return str(Path(post).resolve())


def _relative_key(post: Path, folder: Path) -> str | None:
    """The post as seen from the export folder (stable when the whole workspace moves)."""
    try:
        return Path(os.path.relpath(Path(post).resolve(), Path(folder).resolve())).as_posix()
    except ValueError:       # another drive (Windows)
        return None


def write_marker(folder: Path, post: Path, when: str, final: Path) -> None:
    """Write the marker of ``folder`` (built in staging, to be moved to ``final``)."""
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                   if p.is_file() and p.name != MARKER)
    marker = {"kind": MARKER_KIND, "version": 1, "post": post_key(post),
              "post_relative": _relative_key(post, final), "time": when, "files": files}
    write_atomic(folder / MARKER, (json.dumps(marker, ensure_ascii=False, indent=1) + "\n")
                 .encode("utf-8"))


def read_marker(folder: Path) -> dict | None:
    """The marker of ``folder``, or None when it has none (or an unreadable one)."""
    f = folder / MARKER
    try:
        if f.is_symlink() or not f.is_file() or f.stat().st_size > 4 * 1024 * 1024:
            return None
        data = json.loads(f.read_text("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        log.warning("%s: unreadable export marker (%s): the folder is treated as the user's",
                    f, exc)
        return None
    if not isinstance(data, dict) or data.get("kind") != MARKER_KIND:
        return None
    return data


OWN, OTHER_POST, FOREIGN = "own", "other-post", "foreign"


@dataclass
class Ownership:
    state: str                  # OWN, OTHER_POST or FOREIGN
    extra: str | None = None    # for OWN: a file the export did not write (blocks the replacement)


def ownership(folder: Path, post: Path) -> Ownership:
    """Whose is the existing ``folder``: this post's export, another post's, or the user's."""
    if folder.is_symlink() or not folder.is_dir():
        return Ownership(FOREIGN)
    marker = read_marker(folder)
    if marker is None:
        return Ownership(OWN) if _legacy_export_of(folder, post) else Ownership(FOREIGN)
    rel = _relative_key(post, folder)
    if marker.get("post") != post_key(post) and (rel is None or marker.get("post_relative") != rel):
        return Ownership(OTHER_POST)
    written = set(marker.get("files") or []) | {MARKER}
    for root, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            p = Path(root) / name
            rel_name = p.relative_to(folder).as_posix()
            if p.is_symlink() or (name in files and rel_name not in written):
                return Ownership(OWN, rel_name)
    return Ownership(OWN)


def _legacy_export_of(folder: Path, post: Path) -> bool:
    """Is ``folder`` an export of ``post`` written before markers existed? Only when its report
    names a post of the same file name and the folder holds nothing but the files that report
    lists (network texts, images, alt texts, the report itself)."""
    report = folder / "rapport-conformite.json"
    try:
        if report.is_symlink() or not report.is_file() or report.stat().st_size > 64 << 20:
            return False
        data = json.loads(report.read_text("utf-8"))
        shown = str(data["post"]["path"]).replace("\\", "/").rsplit("/", 1)[-1]
        written = {"rapport-conformite.json", "rapport-conformite.pdf"}
        for name, net in data["networks"].items():
            written.add(str(net["file"]))
            for img in net.get("images") or []:
                written.add(str(img["file"]))
                written.add(f"images/{name}/textes-alternatifs.txt")
    except (OSError, ValueError, RecursionError, KeyError, TypeError, AttributeError):
        return False
    if shown != Path(post).name:
        return False
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = Path(root) / name
            if p.is_symlink() or (name in files and p.relative_to(folder).as_posix()
                                  not in written):
                return False
    return True


def choose_folder(out: Path, post: Path, base: str, taken: set[str]) -> str:
    """The folder name (in ``out``) for ``post``: its own earlier export, else a free name.

    ``taken``: names already given in this run. Raises :class:`FolderProblem` when the post's
    name is a folder the export did not create, or its own export folder holds other files.
    """
    first_free: str | None = None
    for k in range(1, MAX_CANDIDATES + 1):
        name = base if k == 1 else f"{base}-{k}"
        d = out / name
        if not os.path.lexists(d):
            if name not in taken:
                first_free = name      # the names after it were never given: stop here
                break
            continue
        if name in taken:
            continue
        own = ownership(d, post)
        if own.state == OWN:
            if own.extra:
                raise FolderProblem(
                    d, f"export folder holds a file the export did not write ({own.extra}): it "
                       f"is not replaced; move the file elsewhere or choose another --out folder",
                    f"Le dossier d’export «\u00a0{d}\u00a0» contient un fichier que l’export "
                    f"n’a pas écrit («\u00a0{own.extra}\u00a0»)\u202f: déplacez-le, ou "
                    f"choisissez un autre dossier. Rien n’a été écrit.")
            return name
        if own.state == FOREIGN and k == 1:
            raise FolderProblem(
                d, "folder exists and was not created by tact export: it is never replaced; "
                   "choose another --out folder (for example an 'exports' folder)",
                f"Le dossier «\u00a0{d}\u00a0» existe et n’a pas été créé par l’export\u202f: "
                f"il n’est jamais remplacé. Choisissez un autre dossier de sortie (par exemple "
                f"un dossier «\u00a0exports\u00a0»). Rien n’a été écrit.")
    if first_free is None:
        raise FolderProblem(out / base, f"no free folder name for {base!r}",
                            f"Aucun nom de dossier libre pour «\u00a0{base}\u00a0» dans "
                            f"«\u00a0{out}\u00a0».")
    return first_free


def check_not_swapping(final: Path, protected: list[Path]) -> None:
    """Refuse a destination that is, or contains, the post or one of its images."""
    try:
        f = final.resolve()
    except OSError:
        return
    for p in protected:
        try:
            r = Path(p).resolve()
        except (OSError, ValueError):
            continue
        if r == f or f in r.parents:
            raise FolderProblem(
                final, f"export folder would replace the folder holding {Path(p).name}: "
                       f"choose an --out folder outside the post's folder",
                f"Le dossier d’export «\u00a0{final}\u00a0» remplacerait le dossier de "
                f"«\u00a0{Path(p).name}\u00a0»\u202f: choisissez un dossier de sortie hors du "
                f"dossier de la publication. Rien n’a été écrit.")


def sweep_leftovers(out: Path, max_age: float = LEFTOVER_AGE) -> None:
    """Remove staging folders an export killed mid-way left in ``out`` (old enough to be dead)."""
    now = time.time()
    try:
        entries = list(os.scandir(out))
    except OSError as exc:
        log.warning("cannot list %s for leftovers of an interrupted export: %s", out, exc)
        return
    for e in entries:
        if not _LEFTOVER.match(e.name):
            continue
        try:
            st = e.stat(follow_symlinks=False)
            if e.is_symlink() or not e.is_dir(follow_symlinks=False) or now - st.st_mtime < max_age:
                continue
        except OSError:
            continue
        log.info("removing the leftovers of an interrupted export: %s", e.path)
        shutil.rmtree(e.path, onerror=lambda _f, p, exc: log.warning(
            "cannot remove %s: %s", p, exc[1]))


class Placement:
    """Move built folders into place, all or nothing.

    ``place(built, final, post)`` moves an owned old folder aside and ``built`` in; ``rollback()``
    undoes every move; ``commit()`` deletes the old folders.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.aside_dir: Path | None = None
        self.moves: list[tuple[Path, Path]] = []    # (from, to), in order

    def _move(self, a: Path, b: Path) -> None:
        os.replace(a, b)
        self.moves.append((a, b))

    def place(self, built: Path, final: Path, post: Path) -> None:
        if os.path.lexists(final):
            own = ownership(final, post)       # again: it may have changed since the build
            if own.state != OWN or own.extra:
                raise FolderProblem(
                    final, "folder changed during the export and is not replaced",
                    f"Le dossier «\u00a0{final}\u00a0» a changé pendant l’export\u202f: il "
                    f"n’est pas remplacé. Rien n’a été écrit.")
            if self.aside_dir is None:
                self.aside_dir = Path(tempfile.mkdtemp(prefix=ASIDE_PREFIX, dir=self.out))
            self._move(final, self.aside_dir / final.name)
        self._move(built, final)

    def rollback(self) -> None:
        """Undo every move; an old folder that cannot be moved back stays aside, logged."""
        kept = False
        for a, b in reversed(self.moves):
            try:
                os.replace(b, a)
            except OSError as exc:      # say where the old folder is: never lose it silently
                kept = True
                log.error("cannot move %s back to %s: %s", b, a, exc)
        self.moves.clear()
        if self.aside_dir is not None and not kept:
            try:
                self.aside_dir.rmdir()
            except OSError as exc:
                log.error("cannot remove %s: %s", self.aside_dir, exc)
        self.aside_dir = None

    def commit(self) -> None:
        """The export stands: delete the old folders moved aside."""
        self.moves.clear()
        if self.aside_dir is not None:
            shutil.rmtree(self.aside_dir, onerror=lambda _f, p, exc: log.warning(
                "cannot remove %s: %s", p, exc[1]))
            self.aside_dir = None
