"""``replacement:`` in the rule format: a declared drop-in, validated, carried to the finding and to
``tact check --format json``; a rule's ``suggestion`` stays advice and is never a replacement."""
import json
import textwrap

import pytest

from editor.compliance.rules import load_rules

PACK_YAML = 'name: drop-in\nversion: "1"\ntitle: test\nlanguage: fr\n'
RULES = """\
category: misleading-claim
reference: "CSP art. R.4127-19-1"
rules:
  - id: test.guaranteed
    severity: error
    message: Promesse de résultat.
    suggestion: Parler d'un résultat attendu, expliqué en consultation.
    replacement: résultat attendu
    patterns: [résultat garanti]
    examples: {flag: ["Un [résultat garanti] !"], ok: ["Un résultat attendu."]}
  - id: test.number-one
    category: superlative
    severity: warning
    message: Classement promotionnel.
    replacement: ""
    patterns: [numéro un]
    examples: {flag: ["Le chirurgien [numéro un] de Lyon."], ok: ["Le chirurgien de Lyon."]}
  - id: test.advice-only
    severity: warning
    message: Promesse de confort.
    suggestion: Décrire les suites réelles de l'intervention.
    patterns: [sans douleur]
    examples: {flag: ["Une intervention [sans douleur]."], ok: ["Une intervention."]}
"""


def write_pack(folder, rules=RULES):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (folder / "rules.yaml").write_text(textwrap.dedent(rules), encoding="utf-8")
    return folder


def test_the_rule_format_accepts_a_drop_in_and_an_empty_one(tmp_path):
    rs = load_rules(dirs=[write_pack(tmp_path / "p")], use_cache=False)
    assert not rs.errors, rs.errors
    assert rs.rule("test.guaranteed").replacement == "résultat attendu"
    assert rs.rule("test.number-one").replacement == ""            # delete the passage
    assert rs.rule("test.advice-only").replacement is None


@pytest.mark.parametrize("value, problem", [
    ("replacement: 3", "'replacement' must be a text"),
    ("replacement:", "'replacement' must be a text"),
    ('replacement: "une\\nautre ligne"', "'replacement' must fit on one line"),
    ("replacement: " + "x" * 201, "at most 200"),
])
def test_a_bad_replacement_is_reported_with_its_line(tmp_path, value, problem):
    rules = RULES.replace("    replacement: résultat attendu", "    " + value)
    rs = load_rules(dirs=[write_pack(tmp_path / "p", rules)], use_cache=False)
    [err] = rs.errors
    assert err.line == 8 and problem in err.message


def test_the_finding_carries_the_replacement_into_the_json_report(tmp_path, tact):
    pack = write_pack(tmp_path / "p")
    post = tmp_path / "post.md"
    post.write_text("Le chirurgien numéro un : résultat garanti, sans douleur.\n",
                    encoding="utf-8")
    proc = tact("check", "--format", "json", "--no-spelling", "--rules", pack, post)
    assert proc.returncode == 1, proc.stderr
    found = {f["rule"]: f for f in json.loads(proc.stdout)["files"][0]["findings"]
             if f["rule"].startswith("test.")}
    assert found["test.guaranteed"]["replacement"] == "résultat attendu"
    assert found["test.number-one"]["replacement"] == ""
    assert "replacement" not in found["test.advice-only"]
    assert found["test.advice-only"]["suggestion"].startswith("Décrire")


def test_rules_explain_tells_advice_from_replacement(tmp_path, tact):
    pack = write_pack(tmp_path / "p")
    out = tact("rules", "--rules", pack, "explain", "test.number-one").stdout
    assert "Remplacement proposé\u00a0: supprimer le passage" in out
    out = tact("rules", "--rules", pack, "explain", "test.guaranteed").stdout
    assert "Conseil\u00a0: Parler d'un résultat attendu" in out
    assert "Remplacement proposé\u00a0: «\u00a0résultat attendu\u00a0»" in out


def test_a_rules_link_is_shown_by_explain(tmp_path, tact):
    """``link`` is documented and shown: « Pour en savoir plus » in ``tact rules explain``."""
    rules = RULES.replace("  - id: test.guaranteed\n",
                          "  - id: test.guaranteed\n    link: https://www.conseil-national.medecin.fr/\n")
    pack = write_pack(tmp_path / "p", rules)
    out = tact("rules", "--rules", pack, "explain", "test.guaranteed").stdout
    assert "Pour en savoir plus\u00a0: https://www.conseil-national.medecin.fr/" in out
    out = tact("rules", "--rules", pack, "explain", "test.number-one").stdout
    assert "Pour en savoir plus" not in out


def test_a_finding_in_a_hashtag_offers_to_remove_the_hashtag_only():
    from editor.compliance.service import make_engine

    eng, _ = make_engine(spelling=False, model=False)
    found = [f for f in eng.check("Lifting à -30 % ce mois-ci ! #promo #chirurgie").findings
             if f.category == "pricing"]
    by_text = {f.text: f.replacement for f in found}
    assert by_text.get("#promo") == ""              # the hashtag goes, the sentence stays whole
    assert all(r is None for t, r in by_text.items() if not t.startswith("#"))
