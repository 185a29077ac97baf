"""Waivers for ``tact check``: findings accepted by a still-valid review decision.

``check_paths`` imports this only when a post has a review file, so a post without one costs a
single ``stat``.
"""
from __future__ import annotations

from pathlib import Path

from editor.review.journal import read_journal, verify
from editor.review.session import _waive
from editor.review.state import replay


def apply_waivers(journal: Path, findings: list) -> list[str]:
    """Set ``waived`` on accepted findings; return warnings (English, for stderr), if any.

    A corrupt review file waives nothing (its decisions cannot be trusted); a broken hash chain
    is reported but the decisions are still applied (``tact review verify`` gives the details).
    """
    j = read_journal(journal)
    if j.error:
        return [f"{j.error_en}; its decisions are ignored"]
    _waive(replay(j.entries), findings)
    problems = verify(j.entries)
    if problems:
        return [f"review history is broken at entry {problems[0][0]} "
                f"(run 'tact review verify' for details)"]
    return []
