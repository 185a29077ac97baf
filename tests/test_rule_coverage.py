"""Every trigger pattern is exercised by one of its rule's flag examples
(editor.compliance.coverage)."""
import textwrap

from editor.compliance.coverage import format_report, pattern_coverage
from editor.compliance.engine import Engine
from editor.compliance.rules import load_rules

NNBSP, NBSP = "\u202f", "\u00a0"


def test_every_pattern_of_the_builtin_pack_is_exercised(engine):
    report = pattern_coverage(engine.rules, engine)
    assert report.total == sum(len(r.patterns) for r in engine.rules.rules)
    assert report.uncovered() == [], "\n".join(format_report(report))
    assert report.percent == 100


# --- a tiny pack -------------------------------------------------------------------------------

RULES = """\
category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.tiny-offer
    severity: error
    message: "Offre interdite."
    patterns:
      - offre spéciale~
      - (prix|tarif~) cassé~
      - "{@tiny-gifts}"
      - code promo
    examples:
      flag:
        - "Une [offre spéciale] ce mois-ci."
        - "Un [coffret offert] à chaque séance."
        - "Pas de prix cassés chez nous, mais une [offre spéciale] en juin."
      ok: ["Aucune offre."]
  - id: pricing.tiny-prose
    severity: warning
    message: "Accroche interdite."
    scope: [paragraph]
    patterns: [ventre plat~, glow up]
    examples:
      flag: ["Un [ventre plat] pour l'été #GlowUp"]
      ok: ["Le ventre."]
  - id: pricing.tiny-tag
    severity: warning
    message: "Hashtag interdit."
    patterns: [glow up]
    examples:
      flag: ["Trois mois plus tard [#GlowUp]"]
      ok: ["Trois mois plus tard."]
"""


def tiny_pack(tmp_path, rules=RULES):
    d = tmp_path / "tiny"
    (d / "lexicons").mkdir(parents=True)
    (d / "pack.yaml").write_text("name: tiny\nversion: 1\n", encoding="utf-8")
    (d / "context.yaml").write_text("negators: [pas, jamais]\nparticles: [ne, \"n'\"]\n",
                                    encoding="utf-8")
    (d / "lexicons" / "tiny-gifts.txt").write_text("coffret offert\nsoin offert\n",
                                                   encoding="utf-8")
    (d / "r.yaml").write_text(textwrap.dedent(rules), encoding="utf-8")
    return d


def tiny_report(tmp_path, rules=RULES):
    rs = load_rules(dirs=[tiny_pack(tmp_path, rules)], use_cache=False)
    assert [str(e) for e in rs.errors] == []
    engine = Engine(rs)
    from editor.compliance.examples import run_examples

    assert run_examples(rs)[0] == []       # the examples themselves hold
    return pattern_coverage(rs, engine)


def test_each_pattern_is_counted_on_its_own(tmp_path):
    report = tiny_report(tmp_path)
    by_rule = {r.rule: r.uncovered for r in report.rules}
    # « offre spéciale » and the word list are exercised; « prix cassés » occurs only where it is
    # negated (not reported), and no example says « code promo ».
    assert by_rule["pricing.tiny-offer"] == ["(prix|tarif~) cassé~", "code promo"]
    # « #GlowUp » is read as « glow up » only in the hashtag scope, outside this rule's scope
    assert by_rule["pricing.tiny-prose"] == ["glow up"]
    # ... and inside this one's
    assert by_rule["pricing.tiny-tag"] == []
    assert (report.covered, report.total) == (4, 7)
    assert not report.complete()
    assert report.uncovered() == [("pricing.tiny-offer", "(prix|tarif~) cassé~"),
                                  ("pricing.tiny-offer", "code promo"),
                                  ("pricing.tiny-prose", "glow up")]


def test_report_lines_in_french(tmp_path):
    lines = format_report(tiny_report(tmp_path))
    assert lines == [
        f"Couverture des motifs{NNBSP}: 4 / 7 motifs exercés par un exemple (57,1{NBSP}%)",
        f"  pricing.tiny-offer{NNBSP}: (prix|tarif~) cassé~",
        f"  pricing.tiny-offer{NNBSP}: code promo",
        f"  pricing.tiny-prose{NNBSP}: glow up",
    ]


def test_a_complete_pack_prints_one_line_unless_verbose(tmp_path):
    rules = RULES.replace('        - "Une [offre spéciale] ce mois-ci."\n',
                          '        - "Une [offre spéciale] ce mois-ci."\n'
                          '        - "Des [prix cassés] tout l\'été."\n'
                          '        - "Votre [code promo] ici."\n')
    rules = rules.replace("patterns: [ventre plat~, glow up]", "patterns: [ventre plat~]")
    report = tiny_report(tmp_path, rules)
    assert report.complete() and report.percent == 100
    assert format_report(report) == [
        f"Couverture des motifs{NNBSP}: 6 / 6 motifs exercés par un exemple (100{NBSP}%)"]
    assert format_report(report, verbose=True) == format_report(report)   # nothing to list


def test_rules_test_fails_on_an_unexercised_pattern(tmp_path, tact):
    run = tact("rules", "--rules", tiny_pack(tmp_path), "test")
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout
    assert f"pricing.tiny-offer{NNBSP}: code promo" in out
    assert f"pricing.tiny-prose{NNBSP}: glow up" in out
    assert "Couverture des motifs" in out and out.strip().endswith(" 0 failed")
