"""Reading the files of a rule pack (YAML, word lists), every problem a :class:`RuleError`."""
from __future__ import annotations

from pathlib import Path

from editor.compliance.ruleset import RuleError
from editor.compliance.schema import is_mapping


def read_yaml(path: Path):
    """A rule file or the settings, through the program's one bounded YAML reader.

    Anchors and aliases are accepted (packs share pattern lists) with the expanded size capped;
    nesting, size and numbers are capped too: every problem is a :class:`RuleError` at file:line.
    """
    from editor import yamlsafe  # PyYAML only when rules are (re)compiled

    try:
        text = yamlsafe.read_text(path)
    except yamlsafe.YamlError as exc:   # not a regular file, too large, not UTF-8
        raise RuleError(path, None, exc.message) from None
    except OSError as exc:
        raise RuleError(path, None, f"cannot be read ({exc.strerror or exc})") from None
    try:
        return yamlsafe.load(text, aliases=True)
    except yamlsafe.YamlError as exc:
        raise RuleError(path, exc.line, exc.message) from None


def read_mapping(path: Path, errors: list[RuleError], not_a_mapping: str):
    """The mapping a pack file holds, or None: an empty file silently, an unreadable one or one
    that is not a mapping reported in ``errors`` (``not_a_mapping`` says what it should be)."""
    try:
        data = read_yaml(path)
    except RuleError as e:
        errors.append(e)
        return None
    if data is None:
        return None
    if not is_mapping(data):
        errors.append(RuleError(path, None, not_a_mapping))
        return None
    return data


def read_lexicon(path: Path) -> list[str]:
    """The lines of a word list (one pattern per line)."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, None, f"cannot be read as UTF-8 text ({exc})") from None
