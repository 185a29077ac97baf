"""Reading pack folders: their pack.yaml, word lists, context and rule files, each rule validated.

Every problem becomes a :class:`RuleError` in :attr:`Loaded.errors` and the rest still loads: a
broken file does not hide the other files, a broken rule not the other rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance import categories as cats
from editor.compliance.contextfile import merge_context
from editor.compliance.packs import add_fallback_categories, builtin_lexicon_dir, read_pack
from editor.compliance.ruleset import Context, Pack, Rule, RuleError
from editor.compliance.schema import FILE_KEYS, known_keys, rule_from
from editor.compliance.settings import Settings
from editor.compliance.sources import read_lexicon, read_mapping

_NOT_RULES = ("pack.yaml", "context.yaml", "images.yaml")   # images.yaml: image rules' texts


@dataclass
class Loaded:
    """What the packs hold, before compilation."""
    packs: list[Pack] = field(default_factory=list)
    categories: dict[str, cats.Category] = field(default_factory=dict)
    context: Context = field(default_factory=Context)
    # word list name -> (file, lines); rule files as (pack name, file)
    lexicons: dict[str, tuple[Path, list[str]]] = field(default_factory=dict)
    rule_files: list[tuple[str, Path]] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)
    images: object = None       # the image rules (editor.compliance.images.ImageRules)

    def add_lexicons(self, files) -> None:
        for f in files:
            try:
                self.lexicons[f.stem] = (f, read_lexicon(f))
            except RuleError as e:
                self.errors.append(e)


def _read_folder(out: Loaded, d: Path) -> None:
    """One pack folder: its pack.yaml, word lists and context; its rule files are listed."""
    pack, declared = read_pack(d, out.errors)
    out.packs.append(pack)
    out.errors.extend(cats.declare(out.categories, declared))
    lexdir = d / "lexicons"
    out.add_lexicons(sorted(lexdir.glob("*.txt")) if lexdir.is_dir() else [])
    ctx_file = d / "context.yaml"
    if ctx_file.is_file():
        try:
            merge_context(out.context, ctx_file)
        except RuleError as e:
            out.errors.append(e)
    out.rule_files.extend((pack.name, f) for f in sorted(d.glob("*.yaml"))
                          if f.name not in _NOT_RULES)


def _rule_file(path: Path, errors: list[RuleError]):
    """The mapping of a rule file with its ``rules`` list, or None (empty or broken: reported)."""
    data = read_mapping(path, errors, "a rule file is a mapping with a 'rules' list")
    if data is None:
        return None
    try:
        known_keys(data, FILE_KEYS, path)
    except RuleError as e:
        errors.append(e)
        return None
    if not isinstance(data.get("rules"), list):
        errors.append(RuleError(path, data.line, "missing 'rules' list"))
        return None
    return data


def read_rules(out: Loaded, settings: Settings | None = None) -> None:
    """Every rule of every rule file listed by :func:`read_packs`, validated against the declared
    categories (an id defined twice is reported where it is defined again), then the settings'
    overrides applied."""
    seen: dict[str, Rule] = {}
    for pack, f in out.rule_files:
        data = _rule_file(f, out.errors)
        if data is None:
            continue
        for item in data["rules"]:
            try:
                r = rule_from(item, data, pack, f, out.categories)
                if r.id in seen:
                    raise RuleError(f, r.line, f"rule id {r.id!r} already defined in "
                                    f"{seen[r.id].file}:{seen[r.id].line}")
                seen[r.id] = r
                out.rules.append(r)
            except RuleError as e:
                out.errors.append(e)
    if settings:
        settings.apply(out.rules)


def read_packs(dirs: list[Path]) -> Loaded:
    """Read the packs of ``dirs`` in order (a later word list replaces an earlier one of the same
    name) and list their rule files; the built-in packs' categories complete the declared ones.
    The packs' image rules (images.yaml) are read and checked here too."""
    out = Loaded()
    lexdir = builtin_lexicon_dir()
    out.add_lexicons(sorted(lexdir.glob("*.txt")) if lexdir.is_dir() else [])
    for d in dirs:
        if not d.is_dir():
            out.errors.append(RuleError(d, None, "rule pack folder not found"))
            continue
        _read_folder(out, d)
    add_fallback_categories(out.categories, dirs, out.errors)
    from editor.compliance.images import read_image_rules

    out.images, errors = read_image_rules(dirs, out.categories)
    out.errors.extend(errors)
    return out
