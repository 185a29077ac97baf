"""A tiny private rule pack for the review tests, so they do not depend on the built-in packs."""
from pathlib import Path

PACK = {
    "pack.yaml": 'name: review-test\nversion: "1"\ntitle: test\nlanguage: fr\n',
    "rules.yaml": '''category: pricing
reference: "CSP"
rules:
  - id: test.discount
    severity: error
    message: Remise interdite.
    reference: "CSP"
    patterns: ["- {num} %"]
    examples: {flag: ["Offre [-25 %] ici."], ok: ["Le prix est fixe."]}
  - id: test.guarantee
    severity: error
    category: misleading-claim
    message: Promesse de résultat.
    reference: "CSP"
    patterns: ["résultat garanti"]
    examples: {flag: ["Un [résultat garanti] !"], ok: ["Un résultat probable."]}
  - id: test.miracle
    severity: warning
    category: misleading-claim
    message: Miracle.
    reference: "CSP"
    patterns: ["miracle"]
    examples: {flag: ["Un effet [miracle]."], ok: ["Un effet net."]}
''',
}


def make_engine(folder: Path):
    from editor.compliance.engine import Engine
    from editor.compliance.rules import load_rules

    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PACK.items():
        (folder / name).write_text(text, encoding="utf-8")
    ruleset = load_rules(dirs=[folder], use_cache=False)
    assert not ruleset.errors, ruleset.errors
    return Engine(ruleset)
