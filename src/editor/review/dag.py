"""The review journal as a hash-linked graph of entries (like commits): identity, order, checks.

Every entry carries ``hash``: the SHA-256 of the entry itself without ``hash`` (keys sorted,
compact JSON). An entry names the entries it follows in ``parents`` (a list of hashes; empty for a
first entry; two or more after histories written apart were joined). Entries written by older
versions of Tact form a single chain with ``prev`` (the previous hash, 64 zeros for the first) and
``n`` (their number): they are read as ``parents = [prev]``, so old journals keep verifying.

Two copies of a journal written apart (the surgeon's and the assistant's machines on a synced
folder, two git branches) are joined by the union of their entries plus a ``merge`` entry naming
both heads. The meaning of a journal (the review state) is computed from a deterministic
topological order (:func:`ordered`: parents first, then by time ``at``, then by hash), so it does
not depend on the order of the lines on disk, nor on who joined the histories.

:func:`verify` finds every edit or removal: an entry whose hash no longer matches its content, a
parent that is absent (an entry removed), an entry written before its parent (lines moved), a
version whose text no longer matches its digest. Removing the *last* entries leaves a valid graph:
the heads recorded by each export catch that (:mod:`editor.review.recorded`).

Pure functions, no file access.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import re

GENESIS = "0" * 64
_HASH = re.compile(r"[0-9a-f]{64}\Z")


def text_digest(text: str) -> str:
    """SHA-256 of a post's text; line endings normalised so a CRLF conversion is not an edit."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def entry_hash(entry: dict) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    blob = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def ident(entry: dict) -> str:
    """The entry's identity: its recorded hash (recomputed when the field is missing)."""
    h = entry.get("hash")
    return h if isinstance(h, str) else entry_hash(entry)


def parents_of(entry: dict) -> list[str] | None:
    """The hashes ``entry`` follows; None when the entry names them in no readable way."""
    if "parents" in entry:
        ps = entry["parents"]
        if isinstance(ps, list) and all(isinstance(p, str) and _HASH.match(p) for p in ps):
            return list(ps)
        return None
    prev = entry.get("prev")
    if isinstance(prev, str) and _HASH.match(prev):
        return [] if prev == GENESIS else [prev]
    return None


def unique(entries: list[dict]) -> list[dict]:
    """``entries`` without exact duplicates (the same entry present twice), first kept."""
    seen: dict[str, dict] = {}
    out = []
    for e in entries:
        h = ident(e)
        if h in seen and seen[h] == e:
            continue
        seen.setdefault(h, e)
        out.append(e)
    return out


def heads(entries: list[dict]) -> list[str]:
    """Hashes of the entries no other entry follows (one for a linear history), sorted."""
    ids = {ident(e) for e in entries}
    followed = {p for e in entries for p in (parents_of(e) or [])}
    return sorted(ids - followed)


def _at(entry: dict) -> str:
    at = entry.get("at")
    return at if isinstance(at, str) else ""


def ordered(entries: list[dict]) -> list[dict]:
    """Deterministic topological order: parents first; among ready entries, by ``at`` then hash.

    Missing parents (a damaged or tampered journal) are ignored so that every entry still gets a
    place; a cycle (impossible without forging hashes) is broken in the same ``(at, hash)`` order.
    """
    entries = unique(entries)
    by_id: dict[str, dict] = {}
    for e in entries:
        by_id.setdefault(ident(e), e)
    waiting: dict[str, int] = {}
    children: dict[str, list[str]] = {}
    for h, e in by_id.items():
        ps = [p for p in dict.fromkeys(parents_of(e) or []) if p in by_id and p != h]
        waiting[h] = len(ps)
        for p in ps:
            children.setdefault(p, []).append(h)
    ready = [(_at(by_id[h]), h) for h, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    out: list[dict] = []
    done: set[str] = set()
    while len(done) < len(by_id):
        if not ready:   # a cycle: release its earliest entry
            h = min((k for k in by_id if k not in done), key=lambda k: (_at(by_id[k]), k))
            waiting[h] = 0
            ready.append((_at(by_id[h]), h))
        _, h = heapq.heappop(ready)
        if h in done:
            continue
        done.add(h)
        out.append(by_id[h])
        for c in children.get(h, ()):
            waiting[c] -= 1
            if waiting[c] == 0 and c not in done:
                heapq.heappush(ready, (_at(by_id[c]), c))
    return out


def acknowledged_losses(entries: list[dict]) -> dict[str, dict]:
    """Hashes declared lost by a ``repair`` entry (a damaged line removed), with that entry."""
    out: dict[str, dict] = {}
    for e in entries:
        if e.get("type") == "repair" and isinstance(e.get("lost"), list):
            for h in e["lost"]:
                if isinstance(h, str):
                    out.setdefault(h, e)
    return out


def verify(entries: list[dict], lines: list[int] | None = None) -> list[tuple[int, str]]:
    """Problems of the graph as (line on disk, French message), in line order; empty when intact.

    ``lines`` gives each entry's line number in the file (default: its position, 1-based).
    """
    problems: list[tuple[int, str]] = []
    where = lines if lines is not None else list(range(1, len(entries) + 1))
    first_line: dict[str, int] = {}
    for e, line in zip(entries, where):
        first_line.setdefault(ident(e), line)
    lost = acknowledged_losses(entries)
    seen: dict[str, dict] = {}
    for e, line in zip(entries, where):
        h = ident(e)
        if h in seen and seen[h] == e:
            continue                       # the same entry twice: harmless, ignored
        seen.setdefault(h, e)
        if e.get("hash") != entry_hash(e):
            problems.append((line, "le contenu de l’entrée a été modifié après son enregistrement"))
        ps = parents_of(e)
        if ps is None:
            problems.append((line, "l’entrée ne désigne pas les entrées qui la précèdent "
                                   "(champ « parents » absent ou illisible)"))
            ps = []
        for p in ps:
            if p in lost:
                continue
            if p not in first_line:
                problems.append((line, "l’empreinte de l’entrée précédente ne correspond à "
                                       "aucune entrée (entrée supprimée ou modifiée : chaîne "
                                       "rompue)"))
            elif first_line[p] > line:
                problems.append((line, "l’entrée est placée avant celle qui la précède "
                                       "(lignes déplacées)"))
        text = e.get("text")
        versioned = e.get("type") in ("transition", "sign", "saved")
        if versioned and isinstance(text, str) and e.get("text_sha256") != text_digest(text):
            problems.append((line, "le texte de la version ne correspond pas à son empreinte"))
    problems.sort(key=lambda p: p[0])
    return problems


def ancestors(entries: list[dict], start: str) -> tuple[set[str], set[str]]:
    """Hashes reachable from ``start`` through parents, and those of them that are absent."""
    by_id = {ident(e): e for e in entries}
    seen: set[str] = set()
    missing: set[str] = set()
    stack = [start]
    while stack:
        h = stack.pop()
        if h in seen or h in missing:
            continue
        e = by_id.get(h)
        if e is None:
            missing.add(h)
            continue
        seen.add(h)
        stack.extend(parents_of(e) or [])
    return seen, missing


def merge_entry(head_hashes: list[str]) -> dict:
    """The entry joining several heads. It holds nothing else, so joining the same heads twice
    (on two machines, by a sync copy and by git) gives the very same entry."""
    entry = {"type": "merge", "parents": sorted(head_hashes)}
    entry["hash"] = entry_hash(entry)
    return entry


def seal(entry: dict, parents: list[str]) -> dict:
    """A new entry following ``parents``, with its hash."""
    out = {k: v for k, v in entry.items() if k not in ("hash", "prev", "n", "parents")}
    out["parents"] = list(parents)
    out["hash"] = entry_hash(out)
    return out
