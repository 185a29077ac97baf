"""Checking files: what ``tact check`` does, usable without the command line (GUI, export)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance.engine import Analysis, Engine
from editor.compliance.rules import RuleError, RuleSet, Settings, load_rules
from editor.document.files import find_posts
from editor.document.post import PostError, read_text


@dataclass
class FileReport:
    path: str
    analysis: Analysis | None = None

    @property
    def findings(self):
        return self.analysis.findings if self.analysis else []


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

    def blocking(self) -> bool:
        return any(x.severity == "error" and not x.waived for f in self.files for x in f.findings)


def default_settings_file() -> Path:
    from editor.paths import user_config_dir

    return user_config_dir() / "settings.yaml"


def make_engine(extra_rules: list[Path] | None = None, settings_file: Path | None = None,
                spelling: bool = True) -> tuple[Engine, list[RuleError]]:
    """The engine for the built-in packs plus ``extra_rules``, with the user's settings."""
    errors: list[RuleError] = []
    settings = None
    sfile = settings_file or default_settings_file()
    if settings_file is not None or sfile.is_file():
        try:
            settings = Settings.load(sfile)
        except RuleError as e:
            errors.append(e)
    ruleset: RuleSet = load_rules(extra_rules, settings)
    errors.extend(ruleset.errors)
    # The dictionary also serves the rules when spelling is not reported: it tells a typo of a
    # rule's word (« grattuit ») from a real word.
    speller = None
    try:
        from editor.spelling import default_speller
    except ImportError:
        default_speller = None
    if spelling and default_speller is not None:
        speller = default_speller()
    elif default_speller is not None:
        try:
            speller = default_speller()
        except OSError as e:       # the rules still work, without typo tolerance
            import logging

            logging.getLogger(__name__).warning("dictionary unavailable for the rules: %s", e)
    return Engine(ruleset, speller if spelling else None, dictionary=speller), errors


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


def check_paths(engine: Engine, paths: list[str]) -> CheckReport:
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
        _apply_review(p, analysis, report)
        report.files.append(FileReport(shown, analysis))
    return report


def _apply_review(post: Path, analysis: Analysis, report: CheckReport) -> None:
    for message in waive_accepted(post, analysis.findings):
        report.warnings.append((str(_journal(post)), message))


def _journal(post: Path) -> Path:
    from editor.review import journal_path

    return journal_path(post)


def waive_accepted(post: Path, findings) -> list[str]:
    """Findings accepted in the post's review file become ``waived``; return warnings (English).

    A post without a review file costs one ``stat``; the review package is imported only when
    there is one.
    """
    journal = _journal(post)
    if not journal.is_file():
        return []
    from editor.review.waivers import apply_waivers

    return apply_waivers(journal, findings)
