"""The review journal beside a post: ``<post>.review.jsonl``, append-only and tamper-evident.

One JSON object per line (UTF-8, readable, diff-friendly: a new decision is one new line). Every
entry carries its number ``n``, its ``type``, ``prev`` (the ``hash`` of the previous entry, 64 zeros
for the first) and ``hash`` (SHA-256 of the entry itself without ``hash``, keys sorted, compact JSON).
Editing, removing or reordering a line breaks the chain; :func:`verify` says at which entry.

Writes (:func:`append`) take a lock file ``<journal>.lock`` (created with O_EXCL, waited for up to
``LOCK_TIMEOUT`` seconds, broken when older than ``LOCK_STALE``), re-read the journal, let the caller
build the new entries from the fresh contents (so two people working at the same time never lose
each other's decisions, and a transition is checked against the latest state), then write the old
bytes untouched plus the new lines to a temporary file in the same folder and ``os.replace`` it.
A journal that cannot be parsed is never written to.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import socket
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from editor.fileio import write_atomic
from editor.review import SUFFIX, journal_path  # noqa: F401 (re-exported)
from editor.review.model import ReviewError

GENESIS = "0" * 64
LOCK_TIMEOUT = 10.0
LOCK_STALE = 60.0
MAX_BYTES = 32 * 1024 * 1024


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_digest(text: str) -> str:
    """SHA-256 of a post's text; line endings normalised so a CRLF conversion is not an edit."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def entry_hash(entry: dict) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    blob = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class Journal:
    path: Path
    entries: list[dict] = field(default_factory=list)
    raw: bytes = b""
    error: str | None = None     # French message: the file cannot be used (state ignored, no writes)
    error_en: str | None = None  # the same in English, for ``tact check`` on stderr

    @property
    def exists(self) -> bool:
        return bool(self.raw)


def read_journal(path: Path) -> Journal:
    """Parse the journal; never raises. A missing file is an empty journal."""
    j = Journal(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            j.error = f"{path.name} : fichier de relecture trop volumineux ({size} octets)"
            j.error_en = f"review file too large ({size} bytes)"
            return j
        j.raw = path.read_bytes()
    except FileNotFoundError:
        return j
    except OSError as exc:
        j.error = f"{path.name} : fichier de relecture illisible ({exc.strerror or exc})"
        j.error_en = f"review file cannot be read ({exc.strerror or exc})"
        return j
    try:
        text = j.raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        j.error = (f"{path.name} : fichier de relecture corrompu (pas du texte UTF-8, octet "
                   f"{exc.start}) ; il n'a pas été modifié")
        j.error_en = f"review file is corrupt (not UTF-8 text, byte {exc.start})"
        return j
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            j.error = (f"{path.name}, ligne {lineno} : fichier de relecture corrompu ou modifié à "
                       f"la main (JSON invalide : {exc.msg}) ; les décisions qu'il contient sont "
                       f"ignorées et il ne sera pas modifié")
            j.error_en = f"review file is corrupt or was edited by hand (line {lineno}: invalid JSON)"
            j.entries = []
            return j
        if not isinstance(entry, dict) or not isinstance(entry.get("type"), str):
            j.error = (f"{path.name}, ligne {lineno} : entrée de relecture invalide (un objet avec "
                       f"un champ « type » est attendu) ; les décisions sont ignorées")
            j.error_en = f"review file is corrupt (line {lineno}: not a review entry)"
            j.entries = []
            return j
        j.entries.append(entry)
    return j


def verify(entries: list[dict]) -> list[tuple[int, str]]:
    """Problems of the hash chain, as (entry number, French message); empty when intact."""
    problems: list[tuple[int, str]] = []
    prev = GENESIS
    for i, e in enumerate(entries, 1):
        if e.get("n") != i:
            problems.append((i, f"numéro d'entrée {e.get('n')!r} au lieu de {i} (entrée supprimée, "
                                "ajoutée ou déplacée)"))
        if e.get("prev") != prev:
            problems.append((i, "l'empreinte de l'entrée précédente ne correspond pas "
                                "(chaîne rompue)"))
        h = entry_hash(e)
        if e.get("hash") != h:
            problems.append((i, "le contenu de l'entrée a été modifié après son enregistrement"))
        text = e.get("text")
        versioned = e.get("type") in ("transition", "sign") and isinstance(text, str)
        if versioned and e.get("text_sha256") != text_digest(text):
            problems.append((i, "le texte de la version ne correspond pas à son empreinte"))
        prev = e.get("hash") if isinstance(e.get("hash"), str) else h
    return problems


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT, stale: float = LOCK_STALE):
    """Hold ``<path>.lock`` (see the module docstring); raise :class:`ReviewError` on timeout."""
    lock = path.with_name(path.name + ".lock")
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                age = time.time() - lock.stat().st_mtime
            except FileNotFoundError:
                continue
            if age > stale:
                try:
                    os.replace(lock, lock.with_name(f"{lock.name}.stale-{os.getpid()}"))
                    os.unlink(lock.with_name(f"{lock.name}.stale-{os.getpid()}"))
                except OSError:
                    pass
                continue
            if time.monotonic() > deadline:
                raise ReviewError(
                    f"{path.name} est en cours d'écriture par une autre session (verrou "
                    f"{lock.name} depuis {age:.0f} s) ; réessayez dans un instant") from None
            time.sleep(0.005 + random.random() * 0.02)
            continue
        except OSError as exc:
            raise ReviewError(f"{path.parent} : impossible d'écrire le fichier de relecture "
                              f"({exc.strerror or exc})") from None
        try:
            os.write(fd, f"{os.getpid()} {socket.gethostname()} {now()}\n".encode())
        finally:
            os.close(fd)
        break
    try:
        yield
    finally:
        try:
            os.unlink(lock)
        except OSError:
            pass


atomic_write = write_atomic   # the shared implementation (editor.fileio)


def append(path: Path, build: Callable[[list[dict]], list[dict]]) -> list[dict]:
    """Append the entries ``build(fresh_entries)`` returns, under the lock; return all entries.

    ``build`` may raise (for example :class:`~editor.review.model.Refused`): nothing is written.
    Raises :class:`ReviewError` when the journal is corrupt, locked too long or not writable.
    """
    with locked(path):
        j = read_journal(path)
        if j.error:
            raise ReviewError(j.error)
        new = build(list(j.entries))
        if not new:
            return j.entries
        prev = GENESIS
        if j.entries:
            last = j.entries[-1]
            prev = last["hash"] if isinstance(last.get("hash"), str) else entry_hash(last)
        lines = []
        entries = list(j.entries)
        for e in new:
            entry = {"n": len(entries) + 1, **e, "prev": prev}
            entry["hash"] = prev = entry_hash(entry)
            entries.append(entry)
            lines.append(json.dumps(entry, ensure_ascii=False) + "\n")
        raw = j.raw
        if raw and not raw.endswith(b"\n"):
            raw += b"\n"
        try:
            atomic_write(path, raw + "".join(lines).encode("utf-8"))
        except OSError as exc:
            raise ReviewError(f"{path.name} : écriture impossible ({exc.strerror or exc})") from None
        return entries
