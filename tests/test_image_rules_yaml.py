"""The texts of the image rules are pack data (rules/<pack>/images.yaml): what an image finding
says comes from that file, a clinic's pack may say it otherwise, and a broken entry is reported
in French with its file and line, like a broken text rule."""
from pathlib import Path

import pytest

from editor.compliance.engine import Engine
from editor.compliance.rules import load_rules
from editor.vision.analysis import ImageReport, file_sha256

PACK_YAML = 'name: clinique\nversion: "1"\ntitle: Règles de la clinique\nlanguage: fr\n'
RULE_FILE = """category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.maison
    severity: error
    message: Prix affiché.
    patterns: [tarif maison]
    examples:
      flag: ["Notre [tarif maison]."]
      ok: ["Un tarif."]
"""


class SeenImages:
    """An analyser reporting, for each file name, what the test says was seen in it."""

    def __init__(self, seen: dict[str, dict]) -> None:
        self.seen = seen

    def analyse_many(self, paths):
        return {p: ImageReport(file_sha256(p), 1000, 800, **self.seen.get(p.name, {}))
                for p in paths}


def clinic(tmp_path: Path, images: str | None) -> Path:
    d = tmp_path / "clinique"
    d.mkdir()
    (d / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (d / "maison.yaml").write_text(RULE_FILE, encoding="utf-8")
    if images is not None:
        (d / "images.yaml").write_text(images, encoding="utf-8")
    return d


def findings_of(ruleset, folder: Path, text: str, seen: dict):
    eng = Engine(ruleset, second_opinion=None, image_analyser=SeenImages(seen))
    return eng.check(text, base_dir=folder).findings


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "post"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"first photo")
    (folder / "b.jpg").write_bytes(b"second photo")
    return folder


def test_the_built_in_pack_defines_every_image_rule_the_analysis_reports():
    from editor.compliance.images import PLACEHOLDERS, read_image_rules

    table, errors = read_image_rules([])
    assert errors == []
    assert sorted(table.rules) == sorted(PLACEHOLDERS)
    for rid, fields in PLACEHOLDERS.items():
        r = table.rules[rid]
        assert r.message and r.reference and r.explanation and r.suggestion
        assert bool(r.detail) == bool(fields), rid     # the counted messages are data too


def test_image_messages_come_from_the_packs_images_yaml(tmp_path, photos):
    images = """rules:
  - id: before-after.image-composite
    message: "Montage avant/après : interdit par la charte de la clinique."
  - id: patient-identity.image-face
    severity: error
    detail: "{count} visages : floutez-les."
text_message: "Dans l'image ({words}) : {message}"
"""
    rs = load_rules(dirs=[clinic(tmp_path, images)], use_cache=False)
    assert rs.errors == []
    got = findings_of(rs, photos, "![](a.jpg)\n\n![](b.jpg)\n\nNotre tarif maison.\n", {
        "a.jpg": {"layout": "side-by-side", "panels": [(0, 0, 500, 800), (500, 0, 500, 800)]},
        "b.jpg": {"faces": [(10, 10, 90, 90), (300, 10, 90, 90)],
                  "lines": [("Tarif maison", (10, 700, 300, 40))], "ocr_done": True}})
    by_rule = {}
    for f in got:
        by_rule.setdefault(f.rule, []).append(f)
    montage = by_rule["before-after.image-composite"][0]
    assert montage.message == "Montage avant/après : interdit par la charte de la clinique."
    # the keys the clinic does not give stay those of the built-in pack
    assert montage.severity == "error" and montage.reference.startswith("CSP art. R.4127-19-1")
    faces = by_rule["patient-identity.image-face"][0]
    assert faces.message == "2 visages : floutez-les." and faces.severity == "error"
    in_image = [f for f in by_rule["pricing.maison"] if "image" in f.extra]
    assert [f.message for f in in_image] == ["Dans l'image (Tarif maison) : Prix affiché."]


def test_without_a_clinic_file_the_built_in_texts_are_used(tmp_path, photos):
    rs = load_rules(dirs=[clinic(tmp_path, None)], use_cache=False)
    assert rs.errors == []
    got = findings_of(rs, photos, "![](a.jpg)\n", {"a.jpg": {"faces": [(1, 1, 50, 50)]}})
    face = next(f for f in got if f.rule == "patient-identity.image-face")
    assert face.message == "Visage reconnaissable\u00a0: accord écrit du patient et floutage\u00a0?"


@pytest.mark.parametrize("entry, line, words", [
    ("  - id: before-after.image-composite\n    severity: grave\n", 3,
     "gravité «\u00a0grave\u00a0» de la règle d'image «\u00a0before-after.image-composite"),
    ("  - id: before-after.image-composite\n    mesage: Montage.\n", 3,
     "clé inconnue «\u00a0mesage\u00a0» dans la règle d'image"),
    ("  - id: before-after.montage\n    message: Montage.\n", 2,
     "règle d'image inconnue «\u00a0before-after.montage\u00a0»"),
    ("  - id: patient-identity.image-face\n    detail: \"{nombre} visages\"\n", 3,
     "champ inconnu «\u00a0{nombre}\u00a0»"),
    ("  - id: before-after.image-composite\n    category: avant-apres\n", 3,
     "catégorie inconnue «\u00a0avant-apres\u00a0» dans la règle d'image"),
    ("  - id: image.missing\n    message: \"\"\n", 3,
     "«\u00a0message\u00a0» de la règle d'image «\u00a0image.missing\u00a0» doit être un texte"),
])
def test_a_broken_image_rule_is_reported_in_french_with_its_line(tmp_path, photos, entry, line,
                                                                 words):
    d = clinic(tmp_path, "rules:\n" + entry)
    rs = load_rules(dirs=[d], use_cache=False)
    assert len(rs.errors) == 1, rs.errors
    e = rs.errors[0]
    assert e.path == str(d / "images.yaml") and e.line == line
    assert words in e.message
    # the broken entry is left out: the built-in pack's texts are still used, the rest works
    got = findings_of(rs, photos, "Notre tarif maison.\n\n![](a.jpg)\n",
                      {"a.jpg": {"layout": "side-by-side",
                                 "panels": [(0, 0, 500, 800), (500, 0, 500, 800)]}})
    montage = next(f for f in got if f.rule == "before-after.image-composite")
    assert montage.message == "Montage avant/après détecté dans l'image."
    assert "pricing.maison" in {f.rule for f in got}


def test_tact_check_exits_2_on_a_broken_images_yaml(tmp_path, capsys):
    from editor.cli import main

    d = clinic(tmp_path, "rules:\n  - id: before-after.image-composite\n    severity: grave\n")
    post = tmp_path / "post.md"
    post.write_text("Bonjour.\n", encoding="utf-8")
    assert main(["check", "--no-spelling", "--no-images", "--rules", str(d), str(post)]) == 2
    err = capsys.readouterr().err
    assert f"{d / 'images.yaml'}:3" in err and "gravité «\u00a0grave\u00a0»" in err


def test_images_yaml_is_not_read_as_a_text_rule_file(tmp_path):
    d = clinic(tmp_path, "rules:\n  - id: image.missing\n    message: Image absente.\n")
    rs = load_rules(dirs=[d], use_cache=False)
    assert rs.errors == [] and [r.id for r in rs.rules] == ["pricing.maison"]


def test_rules_explain_shows_a_clinics_override_of_an_image_rule(tmp_path, capsys):
    from editor.cli import main

    d = clinic(tmp_path, """rules:
  - id: before-after.image-composite
    severity: warning
    message: "Montage avant/après : interdit par la charte de la clinique."
""")
    assert main(["rules", "explain", "before-after.image-composite"]) == 0
    built_in = capsys.readouterr().out
    assert built_in.startswith("before-after.image-composite — before-after, error "
                               "(analyse des images, paquet fr-csp)")
    assert "Montage avant/après détecté dans l'image." in built_in
    assert "modifié" not in built_in

    assert main(["rules", "--rules", str(d), "explain", "before-after.image-composite"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == ("before-after.image-composite — before-after, warning "
                        "(analyse des images, paquet fr-csp)")
    assert lines[1] == ("Texte modifié par le paquet «\u00a0clinique\u00a0»\u00a0: message, "
                        "severity.")
    assert "Montage avant/après : interdit par la charte de la clinique." in out
    # what the clinic did not give stays the built-in pack's
    assert "Fondement\u00a0: CSP art. R.4127-19-1" in out and "Conseil\u00a0: Retirer" in out


def test_rules_explain_gives_the_detailed_message_of_an_image_rule(capsys):
    from editor.cli import main

    assert main(["rules", "explain", "patient-identity.image-face"]) == 0
    out = capsys.readouterr().out
    assert "Visage reconnaissable\u00a0: accord écrit du patient et floutage\u00a0?" in out
    assert ("Message détaillé\u00a0: {count}\u00a0visages" in out
            or "Message détaillé\u00a0: {count} visages" in out)
