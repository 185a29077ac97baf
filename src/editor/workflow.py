"""Checking and review together: what ``tact check`` and the editor's workspace run.

The rules (``editor.compliance``) know nothing of review, and review (``editor.review``) knows the
findings only as data. This module, above both, checks posts and applies the decisions recorded
in each post's review file (an accepted finding is ``waived``).
"""
from __future__ import annotations

from pathlib import Path

from editor.compliance.engine import Engine
from editor.compliance.service import CheckReport, check_paths
from editor.review.waivers import waive_accepted

__all__ = ["check_posts", "waive_accepted"]


def check_posts(engine: Engine, paths: list[str]) -> CheckReport:
    """Check the posts named by ``paths`` and apply their review decisions."""
    return check_paths(engine, paths, after=waive_accepted)


def apply_review(post: Path, findings) -> list[tuple[str, str]]:
    """Mark the findings of ``post`` that its review file accepts; warnings for stderr."""
    return waive_accepted(post, findings)
