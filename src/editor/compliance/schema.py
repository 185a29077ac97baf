"""The schema of a rule: one YAML mapping of a rule file checked and turned into a :class:`Rule`.

Every problem is a :class:`RuleError` naming the file and the line of the offending key. The key
sets below are what the loader accepts; rules/README.md documents each of them (a test holds
the two together).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from editor.compliance.ruleset import (
    ALL_SCOPES,
    CONDITION_WITHIN,
    DEFAULT_SCOPE,
    KINDS,
    SCOPE_GROUPS,
    SEVERITIES,
    WITHIN,
    Condition,
    Example,
    Rule,
    RuleError,
)

if TYPE_CHECKING:
    from editor.yamlsafe import LineDict

RULE_KEYS = {"id", "kind", "category", "severity", "message", "explanation", "reference",
             "suggestion", "replacement", "link", "scope", "patterns", "exceptions", "requires",
             "unless", "negation", "myth", "subject", "otherwise", "quoted", "question", "max",
             "within", "enabled", "examples"}
FILE_KEYS = {"category", "reference", "scope", "severity", "rules", "description"}
COND_KEYS = {"patterns", "within", "scope", "any"}
EXAMPLE_KEYS = {"flag", "ok"}

MAX_REPLACEMENT = 200   # characters: a drop-in is a word or a short phrase, not advice

_RULE_ID = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")
_MARKER = re.compile(r"(?<!!)\[([^\[\]\n]*)\](?!\()")


# --- values of any pack file ------------------------------------------------------------------
def is_mapping(value: object) -> TypeGuard[LineDict]:
    """``value`` is a mapping of a pack file. :func:`editor.yamlsafe.load` builds every mapping as
    a :class:`~editor.yamlsafe.LineDict` (``.line``, ``.lines``); the check is on ``dict`` so that
    PyYAML is imported only when rules are (re)compiled."""
    return isinstance(value, dict)


def known_keys(d, allowed, path, where: str = "") -> None:
    """Reject a mapping with a key outside ``allowed``, naming the key and its line."""
    unknown = set(d) - set(allowed)
    if unknown:
        k = sorted(unknown, key=str)[0]   # keys may be numbers, dates…
        raise RuleError(path, d.lines.get(k), f"unknown key {k!r}{where}")


def text_value(d, key, path, required=False, default=None):
    """The non-empty text under ``key``, stripped (``default`` when absent and not required)."""
    if key not in d:
        if required:
            raise RuleError(path, getattr(d, "line", None), f"missing key {key!r}")
        return default
    v = d[key]
    if not isinstance(v, str) or not v.strip():
        raise RuleError(path, d.lines.get(key), f"{key!r} must be a non-empty text")
    return v.strip()


def choice(d, key, path, choices, default):
    v = d.get(key, default)
    if isinstance(v, bool) and key in ("negation", "myth"):
        v = "suppress" if v else "ignore"
    if v not in choices:
        raise RuleError(path, d.lines.get(key, d.line),
                        f"{key!r} must be one of {', '.join(map(str, choices))} (got {v!r})")
    return v


def patterns_of(d, key, path) -> list[str]:
    v = d.get(key, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(p, str) and p.strip() for p in v):
        raise RuleError(path, d.lines.get(key, d.line), f"{key!r} must be a list of patterns")
    return list(v)


def scope_of(value, path, line) -> frozenset:
    if value is None:
        return DEFAULT_SCOPE
    if isinstance(value, str):
        value = [value]
    out: set[str] = set()
    for s in value:
        if s in SCOPE_GROUPS:
            out.update(SCOPE_GROUPS[s])
        elif s in ALL_SCOPES:
            out.add(s)
        else:
            raise RuleError(path, line, f"unknown scope {s!r} (known: "
                            f"{', '.join(list(SCOPE_GROUPS) + list(ALL_SCOPES))})")
    return frozenset(out)


# --- parts of a rule --------------------------------------------------------------------------

def parse_example(text: str) -> Example:
    """``[...]`` marks the expected span; Markdown images and links ``![a](b)`` ``[a](b)`` are
    not markers."""
    m = _MARKER.search(text)
    if m:
        clean = text[:m.start()] + m.group(1) + text[m.end():]
        return Example(clean, (m.start(), m.start() + len(m.group(1))))
    return Example(text)


def _replacement(d, path) -> str | None:
    """The rule's drop-in replacement: a text on one line, possibly empty (delete the passage)."""
    if "replacement" not in d:
        return None
    v = d["replacement"]
    line = d.lines.get("replacement", d.line)
    if not isinstance(v, str):
        raise RuleError(path, line, "'replacement' must be a text (\"\" to delete the passage)")
    if "\n" in v or "\r" in v:
        raise RuleError(path, line, "'replacement' must fit on one line")
    if len(v) > MAX_REPLACEMENT:
        raise RuleError(path, line, f"'replacement' is {len(v)} characters long (at most "
                                    f"{MAX_REPLACEMENT}): advice belongs in 'suggestion'")
    return v


def _conditions(d, key, path, default_scope) -> list[Condition]:
    """``requires`` or ``unless``: one condition mapping or a list of them; a mapping
    ``{any: [condition, ...]}`` holds when one of its conditions does."""
    if key not in d:
        return []
    v, line = d[key], d.lines[key]
    out = []
    for group, item in enumerate(v if isinstance(v, list) else [v]):
        if not is_mapping(item):
            raise RuleError(path, line, "a condition is a mapping with 'patterns' and 'within'")
        if "any" in item:
            if set(item) != {"any"}:
                raise RuleError(path, item.line, "a condition with 'any' holds nothing else: "
                                                 "its alternatives carry 'patterns' and 'within'")
            alternatives = item["any"]
            if not isinstance(alternatives, list) or not alternatives:
                raise RuleError(path, item.line, "'any' is a list of conditions")
            for alt in alternatives:
                if not is_mapping(alt) or "any" in alt:
                    raise RuleError(path, item.line, "each alternative of 'any' is a mapping "
                                                     "with 'patterns' and 'within'")
                out.append(_condition(alt, path, default_scope, group))
        else:
            out.append(_condition(item, path, default_scope, group))
    return out


def _condition(item, path, default_scope, group: int) -> Condition:
    known_keys(item, COND_KEYS, path, " in condition")
    pats = patterns_of(item, "patterns", path)
    if not pats:
        raise RuleError(path, item.line, "a condition needs patterns")
    within = choice(item, "within", path, CONDITION_WITHIN, "sentence")
    scope = scope_of(item.get("scope"), path, item.lines.get("scope")) \
        if "scope" in item else default_scope
    return Condition(pats, within, scope, group)


def _category(d, defaults, path, rid: str, categories) -> str:
    """The rule's category, one of those the loaded packs declare (``categories`` of pack.yaml)."""
    category = d.get("category", defaults.get("category"))
    line = d.lines.get("category", d.line)
    if category is None:
        raise RuleError(path, line, f"la règle «\u00a0{rid}\u00a0» n'a pas de catégorie "
                                    "(clé «\u00a0category\u00a0» de la règle ou du fichier)")
    if not isinstance(category, str) or category not in categories:
        known = ", ".join(sorted(categories)) or "aucune"
        raise RuleError(path, line, f"catégorie inconnue «\u00a0{category}\u00a0» dans la règle "
                                    f"«\u00a0{rid}\u00a0»\u00a0: elle doit être déclarée dans "
                                    f"le pack.yaml d'un paquet chargé (catégories déclarées\u00a0: "
                                    f"{known})")
    return category


def _head(d, defaults, path, categories) -> dict:
    """Id, category, severity, legal reference and scope: what every rule must have."""
    rid = text_value(d, "id", path, required=True)
    if not _RULE_ID.fullmatch(rid):
        raise RuleError(path, d.lines.get("id"), f"rule id {rid!r} must look like 'category.name'")
    category = _category(d, defaults, path, rid, categories)
    severity = d.get("severity", defaults.get("severity"))
    if severity not in SEVERITIES:
        raise RuleError(path, d.lines.get("severity", d.line),
                        f"severity of {rid!r} must be error, warning or info")
    reference = d.get("reference", defaults.get("reference"))
    if not isinstance(reference, str) or not reference.strip():
        raise RuleError(path, d.line, f"rule {rid!r} has no legal 'reference'")
    scope = scope_of(d.get("scope", defaults.get("scope")), path, d.lines.get("scope", d.line))
    return {"id": rid, "category": category, "severity": severity,
            "reference": reference.strip(), "scope": scope}


def _context_choices(d, path) -> dict:
    """How the rule treats negation, refutation, the author, quotes and questions."""
    return {
        "negation": choice(d, "negation", path, ("suppress", "ignore"), "suppress"),
        "myth": choice(d, "myth", path, ("suppress", "ignore"), "suppress"),
        "subject": choice(d, "subject", path, ("any", "self"), "any"),
        "otherwise": choice(d, "otherwise", path, ("off", "info", "warning"), "off"),
        "quoted": choice(d, "quoted", path, ("any", "inside", "outside"), "any"),
        "question": choice(d, "question", path, ("keep", "suppress"), "keep"),
        "within": choice(d, "within", path, WITHIN, "post"),
    }


def _check_kind(rule: Rule, d, path) -> None:
    """Patterns are required; a conditional rule needs a condition, an occurrence rule ``max``."""
    rid = rule.id
    if not rule.patterns:
        raise RuleError(path, d.line, f"rule {rid!r} has no 'patterns'")
    if rule.kind == "conditional" and not (rule.requires or rule.unless):
        raise RuleError(path, d.line, f"conditional rule {rid!r} needs 'requires' or 'unless'")
    if rule.kind == "occurrence":
        mx = d.get("max")
        if not isinstance(mx, int) or isinstance(mx, bool) or mx < 0:
            raise RuleError(path, d.lines.get("max", d.line),
                            f"occurrence rule {rid!r} needs 'max' ≥ 0")
        rule.max = mx


def _examples(rule: Rule, d, path) -> None:
    """The rule's ``flag`` and ``ok`` examples (at least one of each): its own tests."""
    rid = rule.id
    ex = d.get("examples")
    if not is_mapping(ex) or set(ex) - EXAMPLE_KEYS:
        raise RuleError(path, d.lines.get("examples", d.line),
                        f"rule {rid!r} needs 'examples' with 'flag' and 'ok' lists")
    for key, target in (("flag", rule.flag_examples), ("ok", rule.ok_examples)):
        items = ex.get(key) or []
        if not isinstance(items, list) or not items or not all(isinstance(x, str) for x in items):
            raise RuleError(path, ex.lines.get(key, ex.line),
                            f"rule {rid!r} needs at least one '{key}' example (a list of texts)")
        target.extend(parse_example(x) for x in items)


def rule_from(d, defaults: dict, pack: str, path: Path, categories) -> Rule:
    """The rule of mapping ``d`` of a rule file whose top-level keys are ``defaults``;
    ``categories``: the category ids the loaded packs declare."""
    if not is_mapping(d):
        raise RuleError(path, None, "each entry of 'rules' must be a mapping")
    known_keys(d, RULE_KEYS, path, f" in rule {d.get('id', '?')!r}")
    head = _head(d, defaults, path, categories)
    kind = choice(d, "kind", path, KINDS, "existence")
    rule = Rule(
        **head, pack=pack, message=text_value(d, "message", path, required=True),
        patterns=patterns_of(d, "patterns", path), kind=kind,
        explanation=text_value(d, "explanation", path, default="") or "",
        suggestion=text_value(d, "suggestion", path), replacement=_replacement(d, path),
        link=text_value(d, "link", path), exceptions=patterns_of(d, "exceptions", path),
        requires=_conditions(d, "requires", path, head["scope"]),
        unless=_conditions(d, "unless", path, head["scope"]),
        **_context_choices(d, path),
        enabled=bool(d.get("enabled", True)), file=str(path), line=d.line)
    _check_kind(rule, d, path)
    _examples(rule, d, path)
    return rule
