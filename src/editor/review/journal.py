"""The review journal beside a post: ``<post>.review.jsonl``, append-only and tamper-evident.

One JSON object per line (UTF-8, readable, diff-friendly: a new decision is one new line). Every
entry carries its ``type``, ``parents`` (the hashes of the entries it follows) and ``hash``; the
entries form a hash-linked graph, like commits (see :mod:`editor.review.dag`), so that two copies
written apart on two machines can be joined and editing or removing an entry is still detected.

Reading (:func:`read_journal`) never raises and never gives up on the whole file for one bad
line: a line that is not a review entry (invalid JSON, a 5,000-digit number, an array nested
100,000 deep, longer than ``MAX_LINE``…) is reported with its number and reason in
``Journal.damaged`` and the other lines are still read. A damaged journal is not written to
until it is repaired (:mod:`editor.review.repair` keeps every byte of it): the damage may be a
sync still in progress, and writing would turn it into a conflict.

Conflict copies left by sync tools beside the journal (:mod:`editor.review.sync`) are joined to
the journal when read (in memory) and written into it at the next write, under the lock; a copy
is removed only once the journal on disk holds every one of its entries.

Writes (:func:`append`) hold the operating system's lock on ``<journal>.lock``
(:func:`editor.locking.file_lock`, waited for up to ``LOCK_TIMEOUT`` seconds), re-read the
journal, let the caller build the new entries from the fresh contents (so two people working at
the same time never lose each other's decisions, and a transition is checked against the latest
state), then write the old bytes untouched plus the new lines atomically.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from editor.fileio import write_atomic
from editor.locking import LockTimeout, file_lock, lock_path
from editor.review import SUFFIX, journal_path  # noqa: F401 (re-exported)
from editor.review.dag import GENESIS, entry_hash, heads, ident, seal, text_digest  # noqa: F401
from editor.review.dag import verify as verify_entries
from editor.review.model import ReviewError
from editor.review.sync import conflict_copies, union

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 10.0
MAX_BYTES = 32 * 1024 * 1024     # a whole journal
MAX_LINE = 2 * 1024 * 1024       # one entry (a post's text is at most a few tens of kB)
MAX_DEPTH = 16                   # nesting of an entry (real entries: 3)


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Damage:
    """A line of the file that is not a readable review entry."""
    line: int
    french: str
    english: str


@dataclass
class Journal:
    path: Path
    entries: list[dict] = field(default_factory=list)   # the file's entries + what copies add
    raw: bytes = b""
    error: str | None = None     # French: the file cannot be written to (unreadable or damaged)
    error_en: str | None = None  # the same in English, for ``tact check`` on stderr
    fatal: bool = False          # the file could not be read at all: no entry is known
    lines: list[int] = field(default_factory=list)      # line of each entry of the file
    damaged: list[Damage] = field(default_factory=list)
    copies: list[Path] = field(default_factory=list)    # conflict copies joined (in memory)
    added: list[dict] = field(default_factory=list)     # entries they add (merge entry last)
    notes: list[tuple[str, str]] = field(default_factory=list)   # (French, English) remarks

    @property
    def exists(self) -> bool:
        return bool(self.raw) or bool(self.copies)

    @property
    def disk_entries(self) -> list[dict]:
        """The entries of the journal file itself (without those of conflict copies)."""
        return self.entries[:len(self.lines)]


# ---- reading --------------------------------------------------------------------------------
def _too_deep(value, limit: int = MAX_DEPTH) -> bool:
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, (dict, list)):
            if depth > limit:
                return True
            items = v.values() if isinstance(v, dict) else v
            stack.extend((x, depth + 1) for x in items)
    return False


def parse_line(line: bytes) -> tuple[dict | None, str, str]:
    """One line → (entry, "", "") or (None, French reason, English reason)."""
    if len(line) > MAX_LINE:
        return None, f"ligne trop longue ({len(line)} octets, au plus {MAX_LINE})", \
            f"line too long ({len(line)} bytes, at most {MAX_LINE})"
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"pas du texte UTF-8 (octet {exc.start + 1})", \
            f"not UTF-8 text (byte {exc.start + 1})"
    if text.startswith(("<<<<<<<", "=======", ">>>>>>>", "|||||||")):
        return None, "marqueur de conflit de fusion git", "git merge conflict marker"
    try:
        entry = json.loads(text)
    except RecursionError:
        return None, "JSON imbriqué trop profondément", "JSON nested too deep"
    except json.JSONDecodeError as exc:
        return None, f"JSON invalide : {exc.msg} (colonne {exc.colno})", \
            f"invalid JSON: {exc.msg} (column {exc.colno})"
    except ValueError:          # an integer beyond Python's digit limit (4,300 digits)
        return None, "nombre trop long (plus de 4 300 chiffres)", \
            "number too long (more than 4,300 digits)"
    if not isinstance(entry, dict) or not isinstance(entry.get("type"), str):
        return None, "entrée de relecture invalide (un objet avec un champ « type » est attendu)", \
            "not a review entry (an object with a \"type\" field is expected)"
    # Bounded nesting keeps hashing and replaying an entry safe; only lines with many brackets
    # (counted at C speed) can be deep enough to need the walk.
    if line.count(b"[") + line.count(b"{") > MAX_DEPTH and _too_deep(entry):
        return None, f"entrée imbriquée sur plus de {MAX_DEPTH} niveaux", \
            f"entry nested deeper than {MAX_DEPTH} levels"
    return entry, "", ""


def _read_file(path: Path) -> Journal:
    """Parse one journal file (no conflict copies); never raises. Missing file: empty journal."""
    j = Journal(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            j.fatal = True
            j.error = f"{path.name} : fichier de relecture trop volumineux ({size} octets)"
            j.error_en = f"review file too large ({size} bytes)"
            return j
        j.raw = path.read_bytes()
    except FileNotFoundError:
        return j
    except OSError as exc:
        j.fatal = True
        j.error = f"{path.name} : fichier de relecture illisible ({exc.strerror or exc})"
        j.error_en = f"review file cannot be read ({exc.strerror or exc})"
        return j
    for lineno, line in enumerate(j.raw.split(b"\n"), 1):
        if not line.strip():
            continue
        entry, french, english = parse_line(line.rstrip(b"\r"))
        if entry is None:
            j.damaged.append(Damage(lineno, french, english))
        else:
            j.entries.append(entry)
            j.lines.append(lineno)
    if j.damaged:
        first = j.damaged[0]
        more = (f" (et {len(j.damaged) - 1} autre(s) ligne(s))" if len(j.damaged) > 1 else "")
        j.error = (f"{path.name}, ligne {first.line} : fichier de relecture corrompu ou modifié "
                   f"à la main ({first.french}){more} ; les autres lignes sont lues, mais les "
                   f"décisions ne valent pas et rien n’y sera écrit avant réparation "
                   f"(tact review repair)")
        where = ", ".join(str(d.line) for d in j.damaged[:5])
        j.error_en = (f"review file is corrupt or was edited by hand (line "
                      f"{where}{'…' if len(j.damaged) > 5 else ''}: {first.english})")
    return j


def read_journal(path: Path, copies: bool = True, fresh: bool = False) -> Journal:
    """Parse the journal and join the sync tools' conflict copies lying beside it; never raises.

    A copy is joined only when it is itself intact (no damaged line, its history verifies);
    otherwise ``notes`` says why it was left aside. ``fresh`` lists the folder again.
    """
    j = _read_file(path)
    if not copies or j.fatal:
        return j
    for c in conflict_copies(path, fresh=fresh):
        cj = _read_file(c)
        problems = verify_journal(cj)
        if cj.error or problems:
            why_fr = cj.error or f"entrée {problems[0][0]} : {problems[0][1]}"
            why_en = cj.error_en or f"its history is broken at entry {problems[0][0]}"
            j.notes.append((f"{c.name} : copie de conflit de synchronisation laissée de côté "
                            f"({why_fr})",
                            f"{c.name}: sync conflict copy left aside ({why_en})"))
            continue
        j.copies.append(c)
        j.added.extend(cj.entries)
    if j.copies:
        j.added = union(j.entries, j.added)
        j.entries = j.entries + j.added
    return j


def verify_journal(j: Journal) -> list[tuple[int, str]]:
    """Every problem of the file as (line, French message): damaged lines and broken links."""
    if j.fatal:
        return [(0, j.error or "fichier illisible")]
    problems = [(d.line, f"ligne endommagée : {d.french}") for d in j.damaged]
    problems += verify_entries(j.disk_entries, j.lines)
    problems.sort(key=lambda p: p[0])
    return problems


def verify(entries: list[dict]) -> list[tuple[int, str]]:
    """Problems of a list of entries (see :func:`editor.review.dag.verify`)."""
    return verify_entries(entries)


# ---- writing --------------------------------------------------------------------------------
def lock_error(path: Path, exc: OSError, timeout: float) -> ReviewError:
    if isinstance(exc, LockTimeout):
        return ReviewError(f"{path.name} est en cours d’écriture par une autre session (verrou "
                           f"{lock_path(path).name} tenu depuis plus de {timeout:g} s) ; "
                           f"réessayez dans un instant")
    return ReviewError(f"{path.parent} : impossible d’écrire le fichier de relecture "
                       f"({exc.strerror or exc})")


def encode(entries: list[dict]) -> bytes:
    out = []
    for e in entries:
        line = json.dumps(e, ensure_ascii=False) + "\n"
        if len(line.encode("utf-8")) > MAX_LINE:
            raise ReviewError(f"entrée de relecture trop longue pour être enregistrée "
                              f"(plus de {MAX_LINE // (1024 * 1024)} Mo)")
        out.append(line)
    return "".join(out).encode("utf-8")


def write_with(path: Path, raw: bytes, lines: bytes) -> None:
    """``raw`` (the old bytes, untouched) followed by ``lines``, written atomically."""
    if raw and not raw.endswith(b"\n"):
        raw += b"\n"
    try:
        write_atomic(path, raw + lines)
    except OSError as exc:
        raise ReviewError(f"{path.name} : écriture impossible ({exc.strerror or exc})") from None


def remove_joined_copies(path: Path, copies: list[Path], copy_entries: dict[Path, list[str]]) \
        -> list[str]:
    """Remove each copy whose every entry the journal on disk now holds; return French notes."""
    notes: list[str] = []
    if not copies:
        return notes
    on_disk = {ident(e) for e in _read_file(path).entries}
    for c in copies:
        if not set(copy_entries.get(c, [])) <= on_disk:
            notes.append(f"{c.name} : copie de conflit gardée (entrées absentes du journal)")
            continue
        try:
            c.unlink()
            log.info("conflict copy %s joined into %s and removed", c, path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("cannot remove the joined conflict copy %s: %s", c, exc)
            notes.append(f"{c.name} : copie de conflit fusionnée mais impossible à supprimer "
                         f"({exc.strerror or exc})")
    return notes


def append(path: Path, build: Callable[[list[dict]], list[dict]],
           timeout: float | None = None) -> list[dict]:
    """Append the entries ``build(fresh_entries)`` returns, under the lock; return all entries.

    Conflict copies lying beside the journal are written into it at the same time (and then
    removed). ``build`` may raise (for example :class:`~editor.review.model.Refused`): nothing
    is written. Raises :class:`ReviewError` when the journal is damaged, locked too long or not
    writable.
    """
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    try:
        with file_lock(path, timeout):
            return _append_locked(path, build)
    except OSError as exc:    # the lock: held too long, or its file cannot be created
        raise lock_error(path, exc, timeout) from None


def _append_locked(path: Path, build: Callable[[list[dict]], list[dict]]) -> list[dict]:
    j = read_journal(path, fresh=True)
    if j.error:
        raise ReviewError(j.error)
    new = build(list(j.entries))
    if not new and not j.copies:
        return j.entries
    entries = list(j.entries)
    tips = heads(entries)
    sealed = []
    for e in new:
        s = seal(e, tips)
        sealed.append(s)
        entries.append(s)
        tips = [s["hash"]]
    copy_entries = {c: [ident(e) for e in _read_file(c).entries] for c in j.copies}
    if j.added or sealed:
        write_with(path, j.raw, encode(j.added + sealed))
    for note in remove_joined_copies(path, j.copies, copy_entries):
        log.warning("%s", note)
    return entries


def reconcile(path: Path) -> list[str]:
    """Write the conflict copies lying beside the journal into it (under the lock); French notes.

    Nothing happens (and nothing is locked) when there is no copy: opening every post of a
    folder lists the folder once (see :func:`editor.review.sync.conflict_copies`).
    """
    if not conflict_copies(path):
        return []
    try:
        append(path, lambda entries: [])
    except ReviewError as exc:
        if _read_file(path).error:   # damaged: that is reported as the journal's own error, and
            return []                # the repair joins the copies too
        return [str(exc)]
    return []
