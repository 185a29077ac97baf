"""Work shared so that the engine's cost does not grow with the rule set: identical conditions of
several rules are matched once, and the built second-opinion model is kept in the cache folder
like the compiled rules (issue 9, speed)."""
from __future__ import annotations

from editor.compliance import model as model_module
from editor.compliance.engine import Engine
from editor.compliance.model import SecondOpinion
from editor.compliance.rules import load_rules
from editor.compliance.ruleset import REQUIRES

TWO_RULES = """\
category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.shared-a
    severity: error
    message: "Réduction annoncée."
    patterns: ["remise"]
    requires: [{patterns: ["chez nous"], within: sentence}]
    examples:
      flag: ["Une [remise] chez nous."]
      ok: ["Une remise ailleurs."]
  - id: pricing.shared-b
    severity: warning
    message: "Offre annoncée."
    patterns: ["offre"]
    requires: [{patterns: ["chez nous"], within: sentence}]
    unless: [{patterns: ["de soins"], within: sentence}]
    examples:
      flag: ["Une [offre] chez nous."]
      ok: ["Une offre ailleurs."]
"""


def test_rules_with_the_same_condition_share_its_matches(tmp_path):
    d = tmp_path / "pack"
    d.mkdir()
    (d / "r.yaml").write_text(TWO_RULES, encoding="utf-8")
    rs = load_rules(dirs=[d], use_cache=False)
    assert not rs.errors, rs.errors
    # The second rule's « chez nous » is the first one's: one group in the matcher, not two.
    assert rs.condition_key(REQUIRES, 1, 0) == (REQUIRES, 0, 0)
    eng = Engine(rs)
    ids = lambda text: sorted(f.rule for f in eng.check(text).findings  # noqa: E731
                              if f.category == "pricing")
    assert ids("Une remise et une offre chez nous.") == ["pricing.shared-a", "pricing.shared-b"]
    assert ids("Une remise et une offre, mais ailleurs.") == []
    # A condition of one rule only (unless) still applies to that rule alone.
    assert ids("Une remise et une offre de soins chez nous.") == ["pricing.shared-a"]


def test_the_built_model_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    src = SecondOpinion.default_path()
    if not src.is_file():
        return
    monkeypatch.setattr("editor.paths.user_cache_dir", lambda: tmp_path)
    monkeypatch.setattr(SecondOpinion, "_loaded", {})
    first = SecondOpinion.load(src)
    cached = list(tmp_path.glob(f"{model_module.CACHE_PREFIX}*.pickle"))
    assert len(cached) == 1
    monkeypatch.setattr(SecondOpinion, "_loaded", {})
    again = SecondOpinion.load(src)
    assert again is not first and again.weights == first.weights
    assert again.thresholds == first.thresholds
    # A damaged cache file is rebuilt from the model file, not trusted.
    cached[0].write_bytes(b"not a pickle")
    monkeypatch.setattr(SecondOpinion, "_loaded", {})
    rebuilt = SecondOpinion.load(src)
    assert rebuilt.weights == first.weights


ANY_OF = """\
category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.any-of
    kind: conditional
    severity: error
    message: "Tarif mis en avant."
    patterns: ["lifting"]
    requires:
      - {patterns: ["chez nous"], within: sentence}
      - any:
          - {patterns: ["{num} €"], within: clause}
          - {patterns: ["réservez"], within: block}
    examples:
      flag: ["Le [lifting] à 900 € chez nous."]
      ok: ["Le lifting chez nous, parlons-en."]
"""


def test_requires_any_holds_when_one_alternative_does(tmp_path):
    d = tmp_path / "pack"
    d.mkdir()
    (d / "r.yaml").write_text(ANY_OF, encoding="utf-8")
    rs = load_rules(dirs=[d], use_cache=False)
    assert not rs.errors, rs.errors
    eng = Engine(rs)
    hit = lambda text: [f.rule for f in eng.check(text).findings]  # noqa: E731
    assert hit("Le lifting à 900 € chez nous.") == ["pricing.any-of"]         # first alternative
    assert hit("Le lifting chez nous. Réservez vite.") == ["pricing.any-of"]  # second one
    assert hit("Le lifting chez nous. Parlons-en.") == []                     # neither
    assert hit("Le lifting à 900 €, ailleurs.") == []                         # not the first group


def test_a_broken_any_is_refused_with_its_line(tmp_path):
    d = tmp_path / "pack"
    d.mkdir()
    broken = ANY_OF.replace("      - any:\n", "      - within: sentence\n        any:\n")
    (d / "r.yaml").write_text(broken, encoding="utf-8")
    rs = load_rules(dirs=[d], use_cache=False)
    assert rs.errors and "any" in str(rs.errors[0])
