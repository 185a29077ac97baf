"""The journal against what the exports recorded: removed or rewritten history is caught.

A hash-linked journal cannot show, on its own, that its last entries were removed, nor that the
whole history was rewritten with hashes recomputed. Every export therefore records the journal's
head hashes (``review.journal_head`` in the report and in the archive ``.tact/exports.jsonl``,
with ``review_journal``: the journal's path in the workspace). :func:`audit` checks that each
recorded head is still in the journal with all its history: a truncated, rewritten or deleted
journal fails.

No file of the export package is read here (the callers pass the archive's records in), so the
review package does not depend on the export package.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.review.dag import ancestors
from editor.review.journal import Journal, read_journal, verify_journal


@dataclass
class Problem:
    line: int          # line of the journal (0: the journal as a whole)
    french: str


def journal_key(journal: Path, workspace: Path) -> str:
    """How exports name a journal: its path relative to the workspace (``/`` separators)."""
    j, ws = Path(journal).resolve(), Path(workspace).resolve()
    try:
        return j.relative_to(ws).as_posix()
    except ValueError:
        return j.as_posix()


def recorded_heads(records: list[dict], key: str) -> list[tuple[str, list[str]]]:
    """(time, heads) recorded by each export of the journal named ``key``, oldest first."""
    out = []
    for r in records:
        if r.get("kind") != "export" or r.get("review_journal") != key:
            continue
        review = r.get("review")
        hs = review.get("journal_head") if isinstance(review, dict) else None
        if isinstance(hs, list) and hs and all(isinstance(h, str) for h in hs):
            out.append((str(r.get("time", "")), hs))
    return out


def check_recorded(j: Journal, recorded: list[tuple[str, list[str]]]) -> list[Problem]:
    """Problems of ``j`` against the recorded heads: each must be there, its history complete."""
    problems: list[Problem] = []
    for when, hs in recorded:
        for h in hs:
            seen, missing = ancestors(j.entries, h)
            if h not in seen:
                what = ("le fichier de relecture a disparu" if not j.entries else
                        "des entrées ont été supprimées ou réécrites, à moins qu’une "
                        "synchronisation entre postes ne soit pas terminée")
                problems.append(Problem(0, f"l’état de la relecture enregistré par l’export du "
                                           f"{when} (empreinte {h[:12]}) n’est plus dans le "
                                           f"journal : {what}"))
            elif missing:
                problems.append(Problem(0, f"{len(missing)} entrée(s) antérieure(s) à l’export "
                                           f"du {when} manquent dans le journal (supprimées, "
                                           f"endommagées ou retirées par une réparation)"))
    return problems


def audit(journal: Path, records: list[dict], workspace: Path,
          j: Journal | None = None) -> list[Problem]:
    """Everything wrong with ``journal``: damaged lines, broken links, and recorded heads lost."""
    j = j if j is not None else read_journal(journal)
    problems = [Problem(n, m) for n, m in verify_journal(j)]
    if not j.fatal:
        problems += check_recorded(j, recorded_heads(records, journal_key(journal, workspace)))
    return problems
