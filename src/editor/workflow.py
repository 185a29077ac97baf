"""Checking and review together: what ``tact check`` and the editor's workspace run.

The rules (``editor.compliance``) know nothing of review, and review (``editor.review``) knows the
findings only as data. This module, above both, checks posts and applies the decisions recorded
in each post's review file (an accepted finding is ``waived``).
"""
from __future__ import annotations

from editor.compliance.engine import Engine
from editor.compliance.service import CheckReport, check_paths

# apply_review(post, findings): mark the findings the post's review file accepts; returns
# (journal, warning) pairs for stderr.
from editor.review.waivers import waive_accepted as apply_review

__all__ = ["apply_review", "check_posts"]


def check_posts(engine: Engine, paths: list[str]) -> CheckReport:
    """Check the posts named by ``paths`` and apply their review decisions."""
    return check_paths(engine, paths, after=apply_review)
