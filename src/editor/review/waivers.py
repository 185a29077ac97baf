"""Acceptances for ``tact check`` and the export gate: the findings a still-valid review decision
accepts, read from a post's review file.

The answer is a set of finding ids (:func:`editor.review.session.accepted_ids` decides); the
layer above carries it to whoever needs it (``editor.workflow`` writes it as ``"waived": true``
in the JSON report). :func:`review_acceptance` costs a single ``stat`` for a post without a review
file.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.compliance.findings import Finding


def read_acceptance(journal: Path, findings: Iterable[Finding]) -> tuple[frozenset[str],
                                                                          list[str]]:
    """The ids of the ``findings`` accepted in ``journal``, and warnings (English, for stderr).

    Only a history that verifies accepts anything: a corrupt or damaged review file, or one whose
    hashes no longer match (a decision edited by hand, an entry removed), accepts nothing
    (``tact review verify`` gives the details).
    """
    # Imported here: a post without a review file (most posts) never needs them.
    from editor.review.journal import read_journal, verify_journal
    from editor.review.session import accepted_ids
    from editor.review.state import replay

    j = read_journal(journal)
    warnings = [en for _, en in j.notes]
    if j.error:
        return frozenset(), warnings + [f"{j.error_en}; its decisions are ignored"]
    problems = verify_journal(j)
    if problems:
        return frozenset(), warnings + [
            f"review history is broken at entry {problems[0][0]}; its decisions are ignored "
            f"(run 'tact review verify' for details)"]
    return accepted_ids(replay(j.entries), findings), warnings


def review_acceptance(post: Path, findings: Iterable[Finding]) -> tuple[frozenset[str],
                                                                         list[tuple[str, str]]]:
    """The ids of the ``findings`` accepted in the post's review file, and ``(journal path,
    warning)`` pairs (English, for stderr)."""
    from editor.review import journal_path

    journal = journal_path(post)
    if not journal.is_file():
        return frozenset(), []
    ids, warnings = read_acceptance(journal, findings)
    return ids, [(str(journal), w) for w in warnings]
