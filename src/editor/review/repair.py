"""Repairing a damaged review journal without losing a byte of it.

A line that is not a readable entry (a sync cut short, a disk fault, git's conflict markers, a
hand edit) blocks every write to the journal (see :mod:`editor.review.journal`). ``repair``:

1. copies the whole file, byte for byte, to ``<journal>.damaged-<time>`` beside it;
2. rewrites the journal with its readable lines unchanged (same bytes, same order), the entries
   of the conflict copies lying beside it, and a ``repair`` entry that records who repaired it,
   when, which lines were dropped (number, reason, SHA-256 of their bytes) and which entries the
   others referred to but are gone (``lost``).

Git's conflict markers hold no entry: the lines between them are both sides' entries, so a
journal merged by git without the ``tact-review`` driver is repaired with nothing lost. Entries
declared ``lost`` no longer break the history's links, but an export that recorded a head
depending on one still fails ``tact review verify`` (:mod:`editor.review.recorded`).
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from editor.fileio import write_atomic
from editor.locking import file_lock
from editor.review import journal as jr
from editor.review.dag import heads, ident, parents_of, seal
from editor.review.model import ReviewError

log = logging.getLogger(__name__)


@dataclass
class Repaired:
    dropped: list[jr.Damage] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)


def repair(path: Path, by: str, role: str = "") -> Repaired:
    """Repair the journal ``path`` (see the module docstring); raise :class:`ReviewError`."""
    try:
        with file_lock(path, jr.LOCK_TIMEOUT):
            return _repair_locked(path, by, role)
    except OSError as exc:
        raise jr.lock_error(path, exc, jr.LOCK_TIMEOUT) from None


def _repair_locked(path: Path, by: str, role: str) -> Repaired:
    j = jr.read_journal(path, fresh=True)
    if j.fatal:
        raise ReviewError(j.error or f"{path.name} : fichier illisible")
    out = Repaired()
    if not j.damaged:
        return out
    raw_lines = j.raw.split(b"\n")
    out.dropped = list(j.damaged)
    out.backup = path.with_name(f"{path.name}.damaged-{jr.now().replace(':', '')}")
    try:
        write_atomic(out.backup, j.raw)
    except OSError as exc:
        raise ReviewError(f"{out.backup.name} : copie de sauvegarde impossible "
                          f"({exc.strerror or exc}) ; rien n’a été modifié") from None
    present = {ident(e) for e in j.entries}
    out.lost = sorted({p for e in j.entries for p in (parents_of(e) or []) if p not in present})
    entry = {"type": "repair", "by": by, "role": role, "at": jr.now(), "backup": out.backup.name,
             "dropped": [{"line": d.line, "reason": d.english,
                          "sha256": hashlib.sha256(raw_lines[d.line - 1]).hexdigest()}
                         for d in j.damaged],
             "lost": out.lost}
    kept = b"".join(raw_lines[n - 1].rstrip(b"\r") + b"\n" for n in j.lines)
    copy_entries = {c: [ident(e) for e in jr.read_journal(c, copies=False).entries]
                    for c in j.copies}
    jr.write_with(path, kept, jr.encode(j.added + [seal(entry, heads(j.entries))]))
    log.info("review journal %s repaired: %d line(s) dropped, kept in %s", path,
             len(j.damaged), out.backup)
    out.notes = jr.remove_joined_copies(path, j.copies, copy_entries)
    return out
