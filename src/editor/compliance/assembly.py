"""The engine put together: rule packs with the user's settings, the dictionary, the statistical
second opinion and the image analyser, each optional part logged when it is missing."""
from __future__ import annotations

import logging
from pathlib import Path

from editor.compliance.compiler import load_rules
from editor.compliance.engine import Engine
from editor.compliance.ruleset import RuleError, RuleSet
from editor.compliance.settings import Settings

log = logging.getLogger(__name__)


def default_settings_file() -> Path:
    from editor.paths import user_config_dir

    return user_config_dir() / "settings.yaml"


def _settings(settings_file: Path | None, errors: list[RuleError]) -> Settings | None:
    """The given settings file (it must be readable), else the user's one when it exists."""
    sfile = settings_file or default_settings_file()
    if settings_file is None and not sfile.is_file():
        return None
    try:
        return Settings.load(sfile)
    except RuleError as e:
        errors.append(e)
        return None


def _dictionary(spelling: bool):
    """The French dictionary. It also serves the rules when spelling is not reported: it tells a
    typo of a rule's word (« grattuit ») from a real word."""
    try:
        from editor.spelling import default_speller
    except ImportError:
        return None
    if spelling:
        return default_speller()
    try:
        return default_speller()
    except OSError as e:       # the rules still work, without typo tolerance
        log.warning("dictionary unavailable for the rules: %s", e)
        return None


def _second_opinion():
    from editor.compliance.model import SecondOpinion

    try:
        return SecondOpinion.load()
    except (OSError, ValueError) as e:     # the rules still work without it
        log.error("second-opinion model unusable: %s", e)
        return None


def make_engine(extra_rules: list[Path] | None = None, settings_file: Path | None = None,
                spelling: bool = True, model: bool = True,
                images: bool = True) -> tuple[Engine, list[RuleError]]:
    """The engine for the built-in packs plus ``extra_rules``, with the user's settings, the
    statistical second opinion (``model``) when its file is there, and a look at the pixels of
    the posts' images (``images``: composites, faces, text, metadata)."""
    errors: list[RuleError] = []
    settings = _settings(settings_file, errors)
    ruleset: RuleSet = load_rules(extra_rules, settings)
    errors.extend(ruleset.errors)
    speller = _dictionary(spelling)
    second_opinion = _second_opinion() if model else None
    analyser = None
    if images:
        from editor.vision.analysis import ImageAnalyser

        analyser = ImageAnalyser()
    return Engine(ruleset, speller if spelling else None, dictionary=speller,
                  second_opinion=second_opinion,
                  image_analyser=analyser), errors
