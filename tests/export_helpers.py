"""Shared helpers for the export tests: a tiny, isolated rule pack and engine."""
from __future__ import annotations

from pathlib import Path

PACK_YAML = 'name: testpack\nversion: "1.0"\ntitle: Test\n'
RULES_YAML = """category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.test-superpromo
    severity: error
    message: "Promotion interdite."
    reference: "CSP art. R.4127-19"
    patterns:
      - superpromo
    examples:
      flag:
        - "Une [superpromo] ici."
      ok:
        - "Rien à signaler."
"""


def make_test_engine(tmp: Path):
    """An engine with one ``error`` rule (« superpromo »), independent of the shipped packs."""
    from editor.compliance.engine import Engine
    from editor.compliance.rules import load_rules

    pack = tmp / "testpack"
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (pack / "pricing.yaml").write_text(RULES_YAML, encoding="utf-8")
    rs = load_rules(dirs=[pack], use_cache=False)
    assert not rs.errors, rs.errors
    return Engine(rs)
