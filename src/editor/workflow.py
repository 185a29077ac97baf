"""Checking, review and export together: what ``tact check``, ``tact review verify`` and the
editor's workspace run.

The rules (``editor.compliance``) know nothing of review, and review (``editor.review``) knows the
findings only as data and never reads the export archive. This module, above them, checks posts
and applies the decisions recorded in each post's review file (an accepted finding is
``waived``), and audits a review journal against the heads the workspace's exports recorded.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.compliance.engine import Engine
from editor.compliance.service import CheckReport, check_paths
from editor.export.archive import find_workspace, read_archive
from editor.review.journal import Journal
from editor.review.recorded import Problem, audit, journal_key, recorded_heads

# apply_review(post, findings): mark the findings the post's review file accepts; returns
# (journal, warning) pairs for stderr.
from editor.review.waivers import waive_accepted as apply_review

__all__ = ["JournalAudit", "apply_review", "audit_journal", "check_posts"]


def check_posts(engine: Engine, paths: list[str]) -> CheckReport:
    """Check the posts named by ``paths`` and apply their review decisions."""
    return check_paths(engine, paths, after=apply_review)


@dataclass
class JournalAudit:
    """A review journal checked on its own and against its workspace's export archive."""

    problems: list[Problem]     # damaged lines, broken links, recorded heads lost
    exports: int                # exports that recorded the journal's heads


def audit_journal(journal_file: Path, journal: Journal, post: Path) -> JournalAudit:
    """Audit ``journal`` (read from ``journal_file``, the review file of ``post``) against the
    exports recorded in the post's workspace. An archive that exists but cannot be read raises
    ``OSError`` (:func:`editor.export.archive.read_archive`)."""
    ws = find_workspace(post)
    records = read_archive(ws)
    return JournalAudit(audit(journal_file, records, ws, journal),
                        len(recorded_heads(records, journal_key(journal_file, ws))))
