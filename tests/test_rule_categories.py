"""Categories are declared by the rule packs: the base pack declares the contract's, a clinic pack
adds its own, and a rule with a category no pack declares is refused in French at file:line."""
import json
import textwrap

import pytest

from editor.compliance import categories
from editor.compliance.engine import Engine
from editor.compliance.rules import CONTRACT_CATEGORIES, load_rules
from editor.paths import rules_dir

CLINIC_PACK = """\
name: clinique
version: "1.0"
title: Charte de la clinique
categories:
  - id: house-style
    label: Charte de la clinique
    description: Mots que la charte de la clinique écarte.
"""

CLINIC_RULES = """\
category: house-style
reference: "Charte de la clinique, art. 2"
rules:
  - id: house-style.licorne
    severity: error
    message: "Mot écarté par la charte de la clinique."
    patterns: [licorne~]
    examples:
      flag: ["Une [licorne] au cabinet."]
      ok: ["Un cheval au cabinet."]
"""


def write_pack(folder, files):
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def clinic(tmp_path, rules=CLINIC_RULES, pack=CLINIC_PACK):
    files = {"maison.yaml": rules}
    if pack is not None:
        files["pack.yaml"] = pack
    return write_pack(tmp_path / "clinique", files)


def post(tmp_path, text):
    p = tmp_path / "posts" / "a.md"
    p.parent.mkdir(exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_the_base_pack_declares_every_contract_category_with_a_french_label():
    rs = load_rules(dirs=[rules_dir() / "fr-csp"], use_cache=False)
    assert rs.errors == []
    assert set(CONTRACT_CATEGORIES) <= set(rs.categories)
    for cid in CONTRACT_CATEGORIES:
        cat = rs.categories[cid]
        assert cat.pack == "fr-csp" and cat.label.strip() and cat.description.strip()
    assert rs.categories["before-after"].label == "Avant/après"
    assert rs.categories["misleading-claim"].label == "Allégations trompeuses"


def test_a_clinic_pack_adds_a_category_and_its_rule_reports_it(tact, tmp_path):
    pack = clinic(tmp_path)
    p = post(tmp_path, "---\ntitle: Test\n---\nUne licorne dans la salle d'attente.\n")
    r = tact("check", "--format", "json", "--no-spelling", "--rules", pack, p)
    assert r.returncode == 1, r.stderr
    found = [f for f in json.loads(r.stdout)["files"][0]["findings"]
             if f["rule"] == "house-style.licorne"]
    assert [(f["category"], f["severity"], f["text"]) for f in found] == \
        [("house-style", "error", "licorne")]


def test_the_clinic_category_is_declared_beside_the_base_ones(tmp_path):
    rs = load_rules(dirs=[clinic(tmp_path)], use_cache=False)
    assert rs.errors == []
    assert rs.categories["house-style"].label == "Charte de la clinique"
    assert rs.categories["house-style"].pack == "clinique"
    assert "pricing" in rs.categories          # the built-in categories stay known
    found = Engine(rs).check("Deux licornes !").findings
    assert [(f.rule, f.category, f.text) for f in found] == \
        [("house-style.licorne", "house-style", "licornes")]


def test_the_editor_shows_the_declared_label(tmp_path, monkeypatch):
    pack = clinic(tmp_path)
    load_rules(dirs=[pack])
    assert categories.label("house-style") == "Charte de la clinique"
    assert categories.label("pricing") == "Prix et promotions"
    assert categories.label("no-such-category") == "no-such-category"

    # the compiled rule set kept between runs brings its categories and their labels back
    from editor.compliance import compiler

    monkeypatch.setattr(categories, "_remembered", {})
    monkeypatch.setattr(compiler, "compile_rules", lambda *a: pytest.fail("not from the cache"))
    rs = load_rules(dirs=[pack])
    assert rs.categories["house-style"].label == "Charte de la clinique"
    assert categories.label("house-style") == "Charte de la clinique"


def test_the_ui_label_of_a_clinic_category(tmp_path):
    pytest.importorskip("PySide6")
    from editor.ui import labels

    load_rules(dirs=[clinic(tmp_path)], use_cache=False)
    labels.clear_cache()
    assert labels.category("house-style") == "Charte de la clinique"
    assert labels.category("before-after") == "Avant/après"


def test_an_unknown_category_is_refused_in_french_with_file_and_line(tmp_path):
    pack = clinic(tmp_path, rules=CLINIC_RULES.replace(
        "    severity: error\n", "    category: house-styel\n    severity: error\n"))
    rs = load_rules(dirs=[pack], use_cache=False)
    assert rs.rules == []
    [e] = rs.errors
    assert e.path == str(pack / "maison.yaml") and e.line == 5
    assert e.message.startswith("catégorie inconnue «\u00a0house-styel\u00a0» dans la règle "
                                "«\u00a0house-style.licorne\u00a0»")
    assert "pack.yaml" in e.message and "house-style" in e.message


def test_check_exits_2_naming_the_file_and_the_unknown_category(tact, tmp_path):
    pack = clinic(tmp_path, pack=None)          # its rules use a category nobody declares
    p = post(tmp_path, "Bonjour.\n")
    r = tact("check", "--no-spelling", "--rules", pack, p)
    assert r.returncode == 2
    line = next(x for x in r.stderr.splitlines() if "maison.yaml" in x)
    assert f"{pack / 'maison.yaml'}:" in line
    assert "catégorie inconnue «\u00a0house-style\u00a0»" in line


def test_a_category_belongs_to_the_packs_loaded(tmp_path):
    """Another pack may use the clinic's category only when the clinic pack is loaded too."""
    other = write_pack(tmp_path / "autre", {"r.yaml": CLINIC_RULES.replace(
        "house-style.licorne", "house-style.dragon").replace("licorne", "dragon")})
    alone = load_rules(dirs=[other], use_cache=False)
    assert [e.message.split("\u00a0»")[0] for e in alone.errors] == \
        ["catégorie inconnue «\u00a0house-style"]
    both = load_rules(dirs=[clinic(tmp_path), other], use_cache=False)
    assert both.errors == []
    assert sorted(r.id for r in both.rules) == ["house-style.dragon", "house-style.licorne"]


def test_a_category_declared_twice_is_reported(tmp_path):
    second = write_pack(tmp_path / "seconde", {"pack.yaml": CLINIC_PACK.replace(
        "name: clinique", "name: seconde").replace("label: Charte de la clinique",
                                                   "label: Autre libellé")})
    rs = load_rules(dirs=[clinic(tmp_path), second], use_cache=False)
    [e] = rs.errors
    assert e.path == str(second / "pack.yaml") and e.line == 5
    assert ("«\u00a0house-style\u00a0» déjà déclarée par le paquet «\u00a0clinique\u00a0»"
            in e.message)
    assert rs.categories["house-style"].label == "Charte de la clinique"
    assert [r.id for r in rs.rules] == ["house-style.licorne"]


@pytest.mark.parametrize("entry, line, words", [
    ("  - id: house-style\n", 5, "«\u00a0label\u00a0» d'une catégorie"),
    ("  - id: House Style\n    label: X\n", 5, "identifiant de catégorie invalide"),
    ("  - id: house-style\n    label: X\n    colour: red\n", 7,
     "clé inconnue «\u00a0colour\u00a0»"),
    ("  - id: house-style\n    label: X\n  - id: house-style\n    label: Y\n", 7,
     "déclarée deux fois"),
])
def test_a_broken_declaration_names_its_line(tmp_path, entry, line, words):
    pack = CLINIC_PACK.split("categories:\n")[0] + "categories:\n" + entry
    rs = load_rules(dirs=[clinic(tmp_path, pack=pack)], use_cache=False)
    e = rs.errors[0]
    assert e.path.endswith("pack.yaml") and e.line == line and words in e.message
    assert rs.packs[0].name == "clinique" and rs.packs[0].version == "1.0"


def test_the_builtin_category_labels_have_their_english_translation():
    """scripts/translations.py hands the packs' labels to lupdate: the English editor names them."""
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QTranslator

    from editor.compliance.packs import builtin_categories
    from editor.ui.i18n import translations_dir

    t = QTranslator()
    assert t.load("tact_en", str(translations_dir()))
    missing = [c.label for c in builtin_categories().values() if not t.translate("labels", c.label)]
    assert missing == []
    assert t.translate("labels", "Avant/après") == "Before/after"


def test_findings_made_by_code_use_categories_the_base_pack_declares():
    """Image findings, spelling and network limits are not pack rules: their categories still
    have a declared label."""
    from editor.compliance.images import RULES as IMAGE_RULES
    from editor.compliance.packs import builtin_categories

    declared = builtin_categories()
    used = {r.category for r in IMAGE_RULES.values()} | {"spelling", "platform"}
    assert sorted(used - set(declared)) == []


def test_a_category_that_is_not_a_mapping_names_its_line(tmp_path):
    pack = CLINIC_PACK.split("categories:\n")[0] + "categories:\n  - house-style\n"
    rs = load_rules(dirs=[clinic(tmp_path, pack=pack)], use_cache=False)
    e = rs.errors[0]
    assert e.path.endswith("pack.yaml") and e.line == 5
    assert e.message.startswith("chaque catégorie est une table")
