"""Checking files: what ``tact check`` does, usable without the command line (GUI, export)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance.engine import Analysis, Engine
from editor.compliance.rules import RuleError, RuleSet, Settings, load_rules
from editor.document.files import find_posts
from editor.document.post import PostError, read_text

log = logging.getLogger(__name__)


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
                spelling: bool = True, model: bool = True,
                images: bool = True) -> tuple[Engine, list[RuleError]]:
    """The engine for the built-in packs plus ``extra_rules``, with the user's settings, the
    statistical second opinion (``model``) when its file is there, and a look at the pixels of
    the posts' images (``images``: composites, faces, text, metadata)."""
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
            log.warning("dictionary unavailable for the rules: %s", e)
    second_opinion = None
    if model:
        from editor.compliance.model import SecondOpinion

        try:
            second_opinion = SecondOpinion.load()
        except (OSError, ValueError) as e:     # the rules still work without it
            log.error("second-opinion model unusable: %s", e)
    analyser = None
    if images:
        from editor.vision.analysis import ImageAnalyser

        analyser = ImageAnalyser()
    return Engine(ruleset, speller if spelling else None, dictionary=speller,
                  second_opinion=second_opinion, image_analyser=analyser), errors


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


def check_paths(engine: Engine, paths: list[str], after=None) -> CheckReport:
    """Check the posts named by ``paths`` (files or folders). ``after(path, findings)``, when
    given, runs on each checked post and returns warnings for stderr: the workflow applies the
    review decisions there (:func:`editor.workflow.check_posts`); checking knows nothing of them.
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
            report.warnings.extend(after(p, analysis.findings))
        report.files.append(FileReport(shown, analysis))
    return report
