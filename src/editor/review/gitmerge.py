"""``tact review merge BASE OURS THEIRS``: git's merge driver for review journals.

Configure it once per clone (the journal's lines then never conflict)::

    # .gitattributes (committed)
    *.review.jsonl merge=tact-review
    # once per clone
    git config merge.tact-review.name "Tact review journal"
    git config merge.tact-review.driver "tact review merge %O %A %B"

The result — OURS' bytes untouched, then every entry of THEIRS (and of BASE) that OURS lacks,
parents first, then a ``merge`` entry naming the heads — is written into OURS, as git expects.
A side with damaged lines cannot be merged safely: OURS is left as it is and git reports a
conflict (exit 1); ``tact review repair`` then recovers the entries between git's markers.
"""
from __future__ import annotations

from pathlib import Path

from editor.review import journal as jr
from editor.review.model import ReviewError
from editor.review.sync import union


def merge_files(base: Path, ours: Path, theirs: Path) -> tuple[int, str]:
    """Merge ``theirs`` (and ``base``) into ``ours``; (exit status, English message)."""
    for p in (ours, theirs):
        if not Path(p).is_file():
            return 2, f"{p}: no such file"
    sides = {name: jr.read_journal(p, copies=False)
             for name, p in (("base", base), ("ours", ours), ("theirs", theirs))}
    for name in ("ours", "theirs"):
        j = sides[name]
        if j.error:
            return 1, f"{name} ({j.path}): {j.error_en}; not merged"
    base_entries = sides["base"].entries if not sides["base"].error else []
    add = union(sides["ours"].entries, base_entries, sides["theirs"].entries)
    if not add:
        return 0, "nothing to merge"
    try:
        jr.write_with(ours, sides["ours"].raw, jr.encode(add))
    except ReviewError as exc:
        return 2, f"{ours}: {exc}"
    merged = sum(1 for e in add if e.get("type") != "merge")
    return 0, f"{merged} entr{'y' if merged == 1 else 'ies'} merged"
