"""Checking, review and export together: what ``tact check``, ``tact review verify`` and the
editor's workspace run.

The rules (``editor.compliance``) know nothing of review, and review (``editor.review``) knows the
findings only as data and never reads the export archive. This module, above them, checks posts
and reads the decisions recorded in each post's review file (:class:`CheckedPosts` carries, per
post, the ids of the accepted findings; its JSON report marks them ``"waived": true`` and they do
not block), and audits a review journal against the heads the workspace's exports recorded.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.compliance.engine import Analysis, Engine
from editor.compliance.service import CheckReport, FileReport, check_paths

# review_acceptance(post, findings) -> (ids of the findings the post's review file accepts,
# (journal, warning) pairs for stderr).
from editor.review.waivers import review_acceptance

if TYPE_CHECKING:   # the audit's modules are imported by the audit (not by ``tact check``)
    from editor.review.journal import Journal
    from editor.review.recorded import Problem

__all__ = ["CheckedPosts", "JournalAudit", "audit_journal", "check_posts", "review_acceptance"]


@dataclass
class CheckedPosts:
    """What ``tact check`` reports: the check of each post (``report``) and, for each of its
    files, the ids of the findings a still-valid review decision accepts."""

    report: CheckReport
    accepted: list[frozenset[str]]      # one per ``report.files``, in the same order

    def reviewed(self) -> Iterator[tuple[FileReport, frozenset[str]]]:
        """Each checked file with the ids of its accepted findings."""
        return zip(self.report.files, self.accepted, strict=True)

    def blocking(self) -> bool:
        """Is an ``error`` finding left that no review decision accepts (exit status 1)?"""
        return any(x.severity == "error" and x.id not in ids
                   for f, ids in self.reviewed() for x in f.findings)

    def to_json(self) -> dict[str, Any]:
        """The JSON report (``CONTRACT.md``): the check's, an accepted finding with
        ``"waived": true``."""
        d = self.report.to_json()
        for entry, ids in zip(d["files"], self.accepted, strict=True):
            for x in entry["findings"]:
                if x["id"] in ids:
                    x["waived"] = True
        return d


def check_posts(engine: Engine, paths: list[str], targets: Sequence[str] = ()) -> CheckedPosts:
    """Check the posts named by ``paths`` (with the limits of the networks ``targets``) and read
    their review decisions."""
    accepted: list[frozenset[str]] = []

    def review(post: Path, analysis: Analysis) -> list[tuple[str, str]]:
        if targets:
            from editor.export.platform import platform_findings

            analysis.findings = platform_findings(analysis, list(targets))
        ids, warnings = review_acceptance(post, analysis.findings)
        accepted.append(ids)
        return warnings

    report = check_paths(engine, paths, after=review)
    return CheckedPosts(report, accepted)


@dataclass
class JournalAudit:
    """A review journal checked on its own and against its workspace's export archive."""

    problems: list[Problem]     # damaged lines, broken links, recorded heads lost
    exports: int                # exports that recorded the journal's heads


def audit_journal(journal_file: Path, journal: Journal, post: Path) -> JournalAudit:
    """Audit ``journal`` (read from ``journal_file``, the review file of ``post``) against the
    exports recorded in the post's workspace. An archive that exists but cannot be read raises
    ``OSError`` (:func:`editor.export.archive.read_archive`)."""
    from editor.export.archive import find_workspace, read_archive
    from editor.review.recorded import audit, journal_key, recorded_heads

    ws = find_workspace(post)
    records = read_archive(ws)
    return JournalAudit(audit(journal_file, records, ws, journal),
                        len(recorded_heads(records, journal_key(journal_file, ws))))
