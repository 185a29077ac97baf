"""Runs every rule's own examples, as LanguageTool does: each must-flag example must be flagged by
its rule (on the marked span when there is one), each must-stay-silent example must not be."""
from __future__ import annotations

from editor.compliance.engine import Engine
from editor.compliance.rules import RuleSet


def check_rule_examples(engine: Engine, rule) -> list[str]:
    failures = []
    for ex in rule.flag_examples:
        found = [f for f in engine.check(ex.text).findings if f.rule == rule.id]
        if not found:
            failures.append(f"{rule.id}: not flagged: {ex.text!r}")
        elif ex.span and not any((f.start, f.end) == ex.span for f in found):
            got = ", ".join(repr(f.text) for f in found)
            want = ex.text[ex.span[0]:ex.span[1]]
            failures.append(f"{rule.id}: flagged {got}, expected {want!r} in {ex.text!r}")
    for ex in rule.ok_examples:
        # Must stay silent: no warning or error from this rule (a rule whose own severity is
        # info must not fire at all).
        found = [f for f in engine.check(ex.text).findings if f.rule == rule.id
                 and (f.severity != "info" or rule.severity == "info")]
        if found:
            got = ", ".join(repr(f.text) for f in found)
            failures.append(f"{rule.id}: false alarm on {got} in {ex.text!r}")
    return failures


def run_examples(ruleset: RuleSet) -> tuple[list[str], int]:
    engine = Engine(ruleset)
    failures: list[str] = []
    total = 0
    for rule in ruleset.rules:
        total += len(rule.flag_examples) + len(rule.ok_examples)
        failures.extend(check_rule_examples(engine, rule))
    return failures, total
