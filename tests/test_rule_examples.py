"""Every rule carries its own examples, and they all hold (as LanguageTool's rule tests)."""
import pytest

from editor.compliance.examples import check_rule_examples
from editor.compliance.rules import SCORED_CATEGORIES, load_rules

RULESET = load_rules()


def test_the_packs_load_without_error():
    assert [str(e) for e in RULESET.errors] == []


def test_every_scored_category_has_rules():
    covered = {r.category for r in RULESET.rules}
    missing = [c for c in SCORED_CATEGORIES if c not in covered]
    assert not missing, f"no rule for {missing}"


def test_reminder_categories_have_rules():
    covered = {r.category for r in RULESET.rules}
    for c in ("reflection-period", "retouched-image", "links-of-interest", "consent", "evidence",
              "minors"):
        assert c in covered, c


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.id)
def test_rule_examples(engine, rule):
    assert rule.flag_examples and rule.ok_examples
    assert rule.reference.strip()
    assert check_rule_examples(engine, rule) == []
