"""Rule packs as data: validation with file:line, clinic packs and settings."""
import textwrap

import pytest

from editor.compliance.engine import Engine
from editor.compliance.rules import Settings, load_rules

GOOD = """\
category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.test-offer
    severity: error
    message: "Offre interdite."
    patterns: [offre spéciale~]
    examples:
      flag: ["Une [offre spéciale] ce mois-ci."]
      ok: ["Aucune offre."]
"""


def pack(tmp_path, name, files):
    d = tmp_path / name
    d.mkdir()
    for fname, text in files.items():
        (d / fname).write_text(textwrap.dedent(text), encoding="utf-8")
    return d


def errors_of(tmp_path, text):
    n = len(list(tmp_path.iterdir()))
    d = pack(tmp_path, f"p{n}", {"r.yaml": text})
    rs = load_rules(dirs=[d], use_cache=False)
    return rs, [(e.path.split("/")[-1], e.line, e.message) for e in rs.errors]


def test_a_valid_pack_loads_and_matches(tmp_path):
    rs, errs = errors_of(tmp_path, GOOD)
    assert errs == []
    findings = Engine(rs).check("Profitez de notre OFFRE SPÉCIALE !").findings
    assert [(f.rule, f.text) for f in findings] == [("pricing.test-offer", "OFFRE SPÉCIALE")]


def test_unknown_key_is_reported_with_its_line(tmp_path):
    _, errs = errors_of(tmp_path, GOOD.replace("    severity: error\n",
                                               "    severity: error\n    colour: red\n"))
    assert errs == [("r.yaml", 6, "unknown key 'colour' in rule 'pricing.test-offer'")]


def test_invalid_pattern_is_reported(tmp_path):
    rs, errs = errors_of(tmp_path, GOOD.replace("[offre spéciale~]", '["offre (spéciale"]'))
    assert len(errs) == 1 and errs[0][0] == "r.yaml" and "invalid pattern" in errs[0][2]
    assert "missing )" in errs[0][2]
    assert rs.rules == []


def test_a_group_made_optional_by_one_of_its_alternatives_is_reported(tmp_path):
    # « (spéciale|spéciales?) » reads like « an optional s » but would match « offre » alone.
    rs, errs = errors_of(tmp_path, GOOD.replace("[offre spéciale~]",
                                                '["offre (spéciale|spéciales?)"]'))
    assert len(errs) == 1 and "makes the whole group optional" in errs[0][2]
    rs, errs = errors_of(tmp_path, GOOD.replace("[offre spéciale~]",
                                                '["offre (spéciale|limitée)? du mois"]'))
    assert errs == []


def test_broken_yaml_gives_its_line(tmp_path):
    _, errs = errors_of(tmp_path, GOOD.replace("patterns: [offre spéciale~]", "patterns: [offre"))
    assert len(errs) == 1 and errs[0][1] in (8, 9) and "invalid YAML" in errs[0][2]


def test_rule_without_examples_or_reference_is_rejected(tmp_path):
    no_examples = GOOD.split("    examples:")[0]
    _, errs = errors_of(tmp_path, no_examples)
    assert "examples" in errs[0][2]
    _, errs = errors_of(tmp_path, GOOD.replace('reference: "CSP art. R.4127-19"\n', ""))
    assert "reference" in errs[0][2]


@pytest.mark.parametrize("pattern", ["_ offre", "a _{0,99} b", "{inconnu}", "{@absent}", "x*"])
def test_patterns_that_could_be_slow_or_wrong_are_refused(tmp_path, pattern):
    _, errs = errors_of(tmp_path, GOOD.replace("[offre spéciale~]", f"[{pattern!r}]"))
    assert errs and "invalid pattern" in errs[0][2]


def test_expansion_limit(tmp_path):
    huge = " ".join(["(a|b|c|d)"] * 8)
    _, errs = errors_of(tmp_path, GOOD.replace("[offre spéciale~]", f"['{huge}']"))
    assert errs and "expands to more than" in errs[0][2]


def test_large_groups_are_shared_not_multiplied(tmp_path):
    words = "|".join(f"mot{i}" for i in range(50))
    pattern = " ".join([f"({words})"] * 6)  # 50^6 sequences if expanded
    rs, errs = errors_of(tmp_path, GOOD.replace("[offre spéciale~]", f"['{pattern}']")
                         .replace("[offre spéciale]", "[mot1 mot2 mot3 mot4 mot5 mot49]")
                         .replace('"Une [', '"Un [').replace("] ce mois-ci.", "]."))
    assert errs == []
    found = Engine(rs).check("Voici mot1 mot2 mot3 mot4 mot5 mot49 enfin.").findings
    assert [f.text for f in found] == ["mot1 mot2 mot3 mot4 mot5 mot49"]


def test_a_broken_file_does_not_hide_the_other_rules(tmp_path):
    d = pack(tmp_path, "p", {"a.yaml": GOOD, "b.yaml": "rules: [oops"})
    rs = load_rules(dirs=[d], use_cache=False)
    assert [r.id for r in rs.rules] == ["pricing.test-offer"]
    assert len(rs.errors) == 1 and rs.errors[0].path.endswith("b.yaml")


def test_a_broken_cue_costs_only_itself(tmp_path):
    """A typo in one refutation cue of context.yaml is reported; the other cues still work (one
    bad cue used to drop them all, and every refuted myth became an alarm)."""
    d = pack(tmp_path, "p", {"r.yaml": GOOD,
                             "context.yaml": "negators: [pas]\nmyth:\n  - idée reçue\n"
                                             "  - e-mail~ faux\n"})
    rs = load_rules(dirs=[d], use_cache=False)
    assert len(rs.errors) == 1 and "e-mail~" in rs.errors[0].message
    assert Engine(rs).check("Offre spéciale").findings
    assert not Engine(rs).check("Idée reçue : offre spéciale").findings


def test_settings_switch_off_and_change_severity(tmp_path):
    d = pack(tmp_path, "p", {"r.yaml": GOOD})
    s = tmp_path / "settings.yaml"
    s.write_text("rules:\n  pricing.test-offer: warning\n", encoding="utf-8")
    rs = load_rules(dirs=[d], settings=Settings.load(s), use_cache=False)
    assert [f.severity for f in Engine(rs).check("offre spéciale").findings] == ["warning"]
    s.write_text("rules:\n  pricing.test-offer: off\n", encoding="utf-8")
    rs = load_rules(dirs=[d], settings=Settings.load(s), use_cache=False)
    assert Engine(rs).check("offre spéciale").findings == []


def test_settings_with_a_bad_value_name_the_line(tmp_path):
    s = tmp_path / "settings.yaml"
    s.write_text("rules:\n  a.b: maybe\n", encoding="utf-8")
    with pytest.raises(Exception) as exc:
        Settings.load(s)
    assert "settings.yaml:2" in str(exc.value)


def test_duplicate_ids_across_files(tmp_path):
    d = pack(tmp_path, "p", {"a.yaml": GOOD, "b.yaml": GOOD})
    rs = load_rules(dirs=[d], use_cache=False)
    assert len(rs.rules) == 1
    assert "already defined" in rs.errors[0].message


def test_cache_is_reused_and_invalidated(tmp_path):
    d = pack(tmp_path, "p", {"r.yaml": GOOD})
    a = load_rules(dirs=[d])
    b = load_rules(dirs=[d])
    assert [r.id for r in a.rules] == [r.id for r in b.rules]
    (d / "r.yaml").write_text(GOOD.replace("offre spéciale~", "vente flash"), encoding="utf-8")
    c = load_rules(dirs=[d])
    assert Engine(c).check("vente flash").findings


# --- rules/README.md documents every key the loader accepts -----------------------------------

def _documented_keys() -> dict[str, set[str]]:
    """Section title -> the `keys` of the first column of its table, in the README's
    « Every key the loader accepts »."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "rules" / "README.md").read_text("utf-8")
    part = readme.split("## Every key the loader accepts", 1)[1].split("\n## ", 1)[0]
    out = {}
    for chunk in part.split("\n### ")[1:]:
        title, body = chunk.split("\n", 1)
        out[title.strip()] = set(re.findall(r"^\| `([^`]+)` \|", body, re.M))
    return out


def test_the_readme_documents_every_key_the_loader_accepts():
    from editor.compliance import rules

    accepted = {
        "`pack.yaml`": rules.PACK_KEYS,
        "A category (an entry of `categories`)": rules.CATEGORY_KEYS,
        "A rule file (`<topic>.yaml`)": rules.FILE_KEYS,
        "A rule (an entry of `rules`)": rules.RULE_KEYS,
        "A condition (`requires`, `unless`)": rules.COND_KEYS,
        "`examples`": rules.EXAMPLE_KEYS,
        "`context.yaml`": rules.CONTEXT_KEYS,
        "The settings file (`settings.yaml`)": rules.SETTINGS_KEYS,
    }
    documented = _documented_keys()
    assert set(documented) == set(accepted)
    for section, keys in accepted.items():
        missing = sorted(set(keys) - documented[section])
        assert not missing, f"{section}: accepted by the loader, not in rules/README.md: {missing}"
        extra = sorted(documented[section] - set(keys))
        assert not extra, f"{section}: in rules/README.md, refused by the loader: {extra}"


@pytest.mark.parametrize("name, text", [
    ("pack.yaml", 'name: p\nversion: "1"\nundocumented: 1\n'),
    ("pack.yaml", 'name: p\ncategories:\n  - id: a-b\n    label: A\n    undocumented: 1\n'),
    ("context.yaml", "negators: [pas]\nundocumented: 1\n"),
    ("r.yaml", GOOD + "undocumented: 1\n"),
    ("r.yaml", GOOD.replace("    patterns:", "    undocumented: 1\n    patterns:")),
    ("r.yaml", GOOD.replace("    patterns:", "    requires: {patterns: [a], undocumented: 1}\n"
                                            "    patterns:")),
    ("r.yaml", GOOD.replace('ok: ["Aucune offre."]', 'ok: ["Aucune offre."]\n      other: [x]')),
])
def test_the_loader_refuses_an_undocumented_key(tmp_path, name, text):
    files = {name: text} if name == "r.yaml" else {name: text, "r.yaml": GOOD}
    rs = load_rules(dirs=[pack(tmp_path, "p", files)], use_cache=False)
    assert rs.errors and rs.errors[0].path.endswith(name)


def test_settings_refuse_an_undocumented_key(tmp_path):
    s = tmp_path / "settings.yaml"
    s.write_text("rules: {}\nundocumented: 1\n", encoding="utf-8")
    with pytest.raises(Exception) as exc:
        Settings.load(s)
    assert "unknown key 'undocumented'" in str(exc.value)
