"""Categories of findings, declared by the rule packs (``categories:`` of a pack's pack.yaml).

The base pack (``rules/fr-csp``) declares the categories of the interface contract; a clinic's
pack may declare more. A rule's category must be declared by a loaded pack or by a built-in one
(the built-in packs' categories are known to every pack, so a clinic pack checked on its own keeps
them). The interface shows a category by its declared French label (:func:`label`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from editor.compliance.ruleset import RuleError
from editor.compliance.schema import is_mapping

CATEGORY_KEYS = {"id", "label", "description"}

# The categories the contract (shared/CONTRACT.md) fixes: the evaluation scores the first ones.
# The base pack must declare them all; nothing else reads these lists to validate a rule.
SCORED_CATEGORIES = ("before-after", "superlative", "misleading-claim", "pricing", "testimonial",
                     "rating", "comparison", "incentive", "medicine-brand", "patient-identity",
                     "title", "sponsored", "solicitation", "dignity")
OTHER_CATEGORIES = ("reflection-period", "retouched-image", "links-of-interest", "consent",
                    "evidence", "minors", "spelling", "platform")
CONTRACT_CATEGORIES = SCORED_CATEGORIES + OTHER_CATEGORIES

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Category:
    id: str
    label: str                 # French, as the interface shows it
    description: str = ""
    pack: str = ""             # the pack that declares it
    file: str = ""             # its pack.yaml
    line: int = 0


def _text(entry, key: str, path, required: bool) -> str:
    v = entry.get(key)
    if v is None and not required:
        return ""
    if not isinstance(v, str) or not v.strip():
        raise RuleError(path, entry.lines.get(key, entry.line),
                        f"«\u00a0{key}\u00a0» d'une catégorie doit être un texte non vide")
    return v.strip()


def _category(entry, path: Path, pack: str, line: int | None) -> Category:
    if not is_mapping(entry):
        raise RuleError(path, line, "chaque catégorie est une table avec «\u00a0id\u00a0» et "
                                    "«\u00a0label\u00a0»")
    unknown = sorted(set(entry) - CATEGORY_KEYS, key=str)
    if unknown:
        raise RuleError(path, entry.lines.get(unknown[0]),
                        f"clé inconnue «\u00a0{unknown[0]}\u00a0» dans une catégorie (clés "
                        f"permises\u00a0: {', '.join(sorted(CATEGORY_KEYS))})")
    cid = entry.get("id")
    if not isinstance(cid, str) or not _ID.fullmatch(cid):
        raise RuleError(path, entry.lines.get("id", entry.line),
                        f"identifiant de catégorie invalide «\u00a0{cid}\u00a0» (minuscules, "
                        "chiffres et tirets, comme «\u00a0before-after\u00a0»)")
    return Category(cid, _text(entry, "label", path, True),
                    _text(entry, "description", path, False), pack, str(path), entry.line)


def parse(data, path: Path, pack: str) -> list[Category]:
    """The categories a pack.yaml mapping declares (none when it has no ``categories`` key)."""
    if "categories" not in data:
        return []
    items = data["categories"]
    if not isinstance(items, list):
        raise RuleError(path, data.lines.get("categories"),
                        "«\u00a0categories\u00a0» doit être une liste de catégories "
                        "(«\u00a0id\u00a0», «\u00a0label\u00a0», «\u00a0description\u00a0»)")
    out: list[Category] = []
    lines = getattr(items, "lines", [])
    for i, entry in enumerate(items):
        cat = _category(entry, path, pack, lines[i] if i < len(lines) else None)
        if any(c.id == cat.id for c in out):
            raise RuleError(path, cat.line, f"catégorie «\u00a0{cat.id}\u00a0» déclarée deux fois")
        out.append(cat)
    return out


def declare(known: dict[str, Category], declared: list[Category]) -> list[RuleError]:
    """Add a pack's categories to ``known``; a category another loaded pack declared already is
    an error (the first declaration stays)."""
    errors = []
    for cat in declared:
        first = known.get(cat.id)
        if first is not None:
            errors.append(RuleError(
                cat.file, cat.line, f"catégorie «\u00a0{cat.id}\u00a0» déjà déclarée par le "
                f"paquet «\u00a0{first.pack}\u00a0» ({first.file}:{first.line})"))
            continue
        known[cat.id] = cat
    return errors


# --- labels for the interface -----------------------------------------------------------------

_remembered: dict[str, Category] = {}


def remember(categories: dict[str, Category]) -> None:
    """Keep the categories of a rule set just loaded: the interface shows their labels."""
    _remembered.update(categories)


def label(category_id: str) -> str:
    """The French label a pack declares for ``category_id`` (the id itself when none does):
    from the rule sets loaded in this process, else from the built-in packs."""
    cat = _remembered.get(category_id)
    if cat is None:
        from editor.compliance.packs import builtin_categories

        cat = builtin_categories().get(category_id)
    return cat.label if cat is not None else category_id
