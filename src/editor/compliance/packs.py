"""Rule packs as folders: where they are, which version wins, and what their pack.yaml declares.

A pack is a folder::

    rules/<pack>/pack.yaml        name, version, title, description, language, categories
    rules/<pack>/context.yaml     negators, refutation cues, self-reference cues (optional)
    rules/<pack>/<topic>.yaml     rules (a mapping with optional file defaults and ``rules:``)
    rules/<pack>/lexicons/*.txt   word lists usable in patterns as {@name}

The bundled ``resources/lexicon/*.txt`` lists are usable by every pack as well.
"""
from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path

from editor.compliance import categories as cats
from editor.compliance.ruleset import Pack, RuleError
from editor.compliance.schema import known_keys
from editor.compliance.sources import read_yaml

log = logging.getLogger(__name__)

PACK_KEYS = {"name", "version", "title", "description", "language", "categories"}

_PACK_VERSION = re.compile(r"""^version\s*:\s*["']?([^"'#\s]+)""", re.M)


def builtin_lexicon_dir() -> Path:
    from editor.paths import resources_dir

    return resources_dir() / "lexicon"


def pack_version(folder: Path) -> str:
    """The ``version`` of a pack folder's ``pack.yaml`` (read without parsing YAML), else "0"."""
    try:
        m = _PACK_VERSION.search((folder / "pack.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return "0"
    return m.group(1) if m else "0"


def _version_key(version: str) -> tuple:
    return tuple((0, int(x), "") if x.isdigit() else (1, 0, x)
                 for x in re.split(r"[.\-+]", version))


def _subfolders(base: Path) -> list[Path]:
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))


def builtin_pack_dirs() -> list[Path]:
    """The packs shipped with the program (``rules/``)."""
    from editor.paths import rules_dir

    base = rules_dir()
    return _subfolders(base) if base.is_dir() else []


def pack_dirs(extra: list[Path] | None = None) -> list[Path]:
    """The built-in packs, then the user's downloaded packs, then the ``--rules`` folders. A pack in
    the user's data folder with the name of a built-in one replaces it when its version is the same
    or newer (rule packs are updated without a new build; a newer build wins over an old update)."""
    from editor.paths import user_data_dir

    dirs: list[Path] = builtin_pack_dirs()
    user = user_data_dir() / "rules"
    for p in _subfolders(user) if user.is_dir() else []:
        same = next((i for i, d in enumerate(dirs) if d.name == p.name), None)
        if same is None:
            dirs.append(p)
        elif _version_key(pack_version(p)) >= _version_key(pack_version(dirs[same])):
            dirs[same] = p      # an update of a built-in pack, downloaded later
    for d in extra or []:
        d = Path(d)
        if (d / "pack.yaml").is_file() or any(d.glob("*.yaml")):
            dirs.append(d)
        elif d.is_dir():
            dirs.extend(sorted(p for p in d.iterdir() if p.is_dir()))
        else:
            dirs.append(d)  # reported as missing by load_rules
    return dirs


def read_pack(folder: Path, errors: list[RuleError]) -> tuple[Pack, list[cats.Category]]:
    """The pack of ``folder`` and the categories its pack.yaml declares. Problems go to
    ``errors``; the pack is still returned (named after its folder when pack.yaml is broken)."""
    meta = {"name": folder.name, "version": "0"}
    declared: list[cats.Category] = []
    pack_file = folder / "pack.yaml"
    if pack_file.is_file():
        try:
            data = read_yaml(pack_file) or {}
            if not isinstance(data, dict):
                raise RuleError(pack_file, None, "pack.yaml must be a mapping")
            known_keys(data, PACK_KEYS, pack_file)
            meta.update({k: str(v) for k, v in data.items() if k != "categories"})
            declared = cats.parse(data, pack_file, meta["name"])
        except RuleError as e:
            errors.append(e)
    pack = Pack(meta["name"], meta["version"], meta.get("title", ""), meta.get("description", ""),
                str(folder))
    return pack, declared


def fallback_dirs(dirs: list[Path]) -> list[Path]:
    """The built-in packs not among ``dirs`` (by name): their categories are known all the same."""
    names = {d.name for d in dirs}
    return [d for d in builtin_pack_dirs() if d.name not in names]


def add_fallback_categories(known: dict, dirs: list[Path], errors: list[RuleError]) -> None:
    """Complete ``known`` with the categories of the built-in packs that ``dirs`` leaves out."""
    for d in fallback_dirs(dirs):
        _, declared = read_pack(d, errors)
        for c in declared:
            known.setdefault(c.id, c)


@cache
def builtin_categories() -> dict[str, cats.Category]:
    """The categories the built-in packs declare (read once; problems are logged)."""
    known: dict[str, cats.Category] = {}
    errors: list[RuleError] = []
    add_fallback_categories(known, [], errors)
    for e in errors:
        log.error("built-in rule pack: %s", e)
    return known
