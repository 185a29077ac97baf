"""Joining review histories written apart: the copies sync tools make, and the union of entries.

On a synced folder two machines that write the same journal while offline end up with the
journal and a « conflicted copy » beside it. The names the usual tools give such a copy of
``post.review.jsonl``::

    post.review (conflicted copy 2026-12-01).jsonl               Dropbox (older), Nextcloud
    post.review (Claire's conflicted copy 2026-12-01).jsonl      Dropbox
    post.review (conflicted copy 2026-12-01 101010).jsonl        Nextcloud
    post.review (Conflit de synchronisation …).jsonl             localised clients
    post.review-PC-NAME.jsonl                                    OneDrive (the computer's name)
    post.review.sync-conflict-20261201-101010-ABCDEFG.jsonl      Syncthing

A journal's own name always ends with ``.review.jsonl``, so a copy can never be mistaken for
another post's journal. :func:`union` gives what a copy (or the other side of a git merge) adds:
its entries missing here, parents first, and the ``merge`` entry joining the heads.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from editor.review import SUFFIX
from editor.review.dag import heads, ident, merge_entry, ordered

_COPY_TAIL = re.compile(r"(?: \([^/\\]*\)|-[^./\\ ]+|\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?)"
                        r"\.jsonl\Z")
_listing: dict[str, tuple[int, list[str]]] = {}


def is_conflict_copy(name: str, journal_name: str) -> bool:
    """Whether the file ``name`` is a sync tool's conflict copy of the journal ``journal_name``."""
    stem = journal_name[:-len(".jsonl")] if journal_name.endswith(".jsonl") else journal_name
    if name == journal_name or name.endswith(SUFFIX) or not name.startswith(stem):
        return False
    return bool(_COPY_TAIL.match(name, len(stem)))


def _candidates(folder: Path, fresh: bool) -> list[str]:
    """Names in ``folder`` that may be conflict copies (``*.jsonl`` that are no journal).

    One listing per folder while the folder is unchanged (checking 3,000 posts of one folder
    lists it once); ``fresh`` lists again (before a write, under the lock).
    """
    key = str(folder)
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return []
    cached = _listing.get(key)
    if cached is not None and cached[0] == stamp and not fresh:
        return cached[1]
    try:
        with os.scandir(folder) as it:
            names = sorted(e.name for e in it
                           if e.name.endswith(".jsonl") and not e.name.endswith(SUFFIX))
    except OSError:
        return []
    _listing[key] = (stamp, names)
    return names


def conflict_copies(journal: Path, fresh: bool = False) -> list[Path]:
    """The conflict copies of ``journal`` lying beside it, sorted by name."""
    return [journal.with_name(n) for n in _candidates(journal.parent, fresh)
            if is_conflict_copy(n, journal.name)]


def union(ours: list[dict], *others: list[dict]) -> list[dict]:
    """The entries to add to ``ours`` so that it holds every entry of ``others``.

    The additions come parents first; when the result has several heads, a ``merge`` entry
    naming them closes the list. An entry already here (same hash) is never added twice; when
    two entries claim the same hash, ours is kept (verification reports the one that lies).
    """
    have = {ident(e) for e in ours}
    add: list[dict] = []
    for lst in others:
        for e in lst:
            h = ident(e)
            if h not in have:
                have.add(h)
                add.append(e)
    if not add:
        return []
    add = ordered(add)
    tips = heads(ours + add)
    if len(tips) > 1:
        add.append(merge_entry(tips))
    return add
