"""Checking files: what ``tact check`` does, usable without the command line (GUI, export).

The engine it checks with comes from :func:`make_engine` (:mod:`editor.compliance.assembly`,
named here too: callers and tests reach it as ``service.make_engine``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance.assembly import default_settings_file, make_engine
from editor.compliance.engine import Analysis, Engine
from editor.document.files import find_posts
from editor.document.post import PostError, read_text

__all__ = ["CheckReport", "FileReport", "check_paths", "collect_posts", "default_settings_file",
           "make_engine"]


@dataclass
class FileReport:
    path: str
    analysis: Analysis

    @property
    def findings(self):
        return self.analysis.findings


@dataclass
class CheckReport:
    rules_version: str
    files: list[FileReport] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)   # (path, message)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # stderr only, no exit 2

    def to_json(self) -> dict:
        return {
            "version": 1,
            "rules_version": self.rules_version,
            "files": [{"path": f.path, "findings": [x.to_json() for x in f.findings]}
                      for f in self.files],
            "errors": [{"path": p, "message": m} for p, m in self.errors],
        }


def collect_posts(paths: list[str]) -> tuple[list[tuple[str, Path]], list[tuple[str, str]]]:
    """Expand folders to their posts (:func:`editor.document.files.find_posts`); report missing
    paths, empty folders and what could not be read below a folder (an unreadable subfolder, an
    ``.md`` that is not a regular file). A path given as is is kept: reading it says what is wrong.
    """
    files: list[tuple[str, Path]] = []
    errors: list[tuple[str, str]] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found, problems = find_posts(p)
            errors.extend((str(x.path), x.message) for x in problems)
            if not found and not problems:
                errors.append((arg, "folder contains no Markdown post (*.md)"))
            files.extend((str(x), x) for x in found)
        elif p.exists():
            files.append((arg, p))
        else:
            errors.append((arg, "no such file or folder"))
    return files, errors


# after(post, analysis) -> (path, warning) pairs for stderr
AfterCheck = Callable[[Path, Analysis], list[tuple[str, str]]]


def check_paths(engine: Engine, paths: list[str], after: AfterCheck | None = None) -> CheckReport:
    """Check the posts named by ``paths`` (files or folders). ``after(path, analysis)``, when
    given, runs on each checked post, just before its :class:`FileReport` is appended to
    ``files`` (so once per file report, in order), and returns warnings for stderr: the workflow
    reads the review decisions there (:func:`editor.workflow.check_posts`); checking knows
    nothing of them.
    """
    report = CheckReport(engine.rules.version)
    files, report.errors = collect_posts(paths)
    for shown, p in files:
        try:
            text = read_text(p)
        except PostError as e:
            report.errors.append((shown, str(e)))
            continue
        analysis = engine.check(text, base_dir=p.parent)
        front = analysis.projection.front_matter
        if front.error:   # the body is still checked; the author is told on stderr
            report.warnings.append((shown, f"warning: front matter ignored: {front.error}"))
        if after is not None:
            report.warnings.extend(after(p, analysis))
        report.files.append(FileReport(shown, analysis))
    return report
