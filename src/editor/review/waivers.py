"""Waivers for ``tact check``: findings accepted by a still-valid review decision.

:func:`waive_accepted` costs a single ``stat`` for a post without a review file.
"""
from __future__ import annotations

from pathlib import Path

from editor.review.journal import read_journal, verify_journal
from editor.review.session import _waive
from editor.review.state import replay


def apply_waivers(journal: Path, findings: list) -> list[str]:
    """Set ``waived`` on accepted findings; return warnings (English, for stderr), if any.

    Only a history that verifies waives anything: a corrupt or damaged review file, or one whose
    hashes no longer match (a decision edited by hand, an entry removed), waives nothing
    (``tact review verify`` gives the details).
    """
    j = read_journal(journal)
    warnings = [en for _, en in j.notes]
    if j.error:
        return warnings + [f"{j.error_en}; its decisions are ignored"]
    problems = verify_journal(j)
    if problems:
        return warnings + [f"review history is broken at entry {problems[0][0]}; its decisions "
                           f"are ignored (run 'tact review verify' for details)"]
    _waive(replay(j.entries), findings)
    return warnings


def waive_accepted(post: Path, findings) -> list[tuple[str, str]]:
    """Findings accepted in the post's review file become ``waived``; return ``(journal path,
    warning)`` pairs (English, for stderr)."""
    from editor.review import journal_path

    journal = journal_path(post)
    if not journal.is_file():
        return []
    return [(str(journal), w) for w in apply_waivers(journal, findings)]
