"""What the engine reports about a post's images (editor.compliance.images), given what the image
analysis saw. The analysis itself (pixels) is tested in tests/test_vision_*.py; here a table stands
for it so that each case says exactly what was seen."""
import json

import pytest

from editor.compliance.engine import Engine
from editor.vision.analysis import ImageReport, file_sha256


class SeenImages:
    """An analyser that reports, for each file name, what the test says was seen in it."""

    def __init__(self, seen: dict[str, dict]) -> None:
        self.seen = seen
        self.calls = 0

    def analyse_many(self, paths):
        self.calls += 1
        return {p: ImageReport(file_sha256(p), 1000, 800, **self.seen.get(p.name, {}))
                for p in paths}


@pytest.fixture
def folder(tmp_path):
    for name, content in (("a.jpg", b"first photo"), ("b.jpg", b"second photo"),
                          ("c.jpg", b"third photo")):
        (tmp_path / name).write_bytes(content)
    return tmp_path


def check(engine, text, folder, seen):
    eng = Engine(engine.rules, second_opinion=None, image_analyser=SeenImages(seen))
    return eng.check(text, base_dir=folder).findings


def rules_of(findings):
    return [f.rule for f in findings]


def test_a_composite_is_a_before_after_error_with_its_panels(engine, folder):
    text = "Une rhinoplastie expliquée.\n\n![](a.jpg)\n"
    got = check(engine, text, folder, {"a.jpg": {"layout": "side-by-side",
                                                 "panels": [(0, 0, 500, 800), (500, 0, 500, 800)],
                                                 "composite_score": 0.93}})
    f = next(f for f in got if f.rule == "before-after.image-composite")
    assert f.severity == "error" and f.category == "before-after"
    assert f.message == "Montage avant/après détecté dans l'image."
    assert text[f.start:f.end] == "![](a.jpg)"
    image = f.to_json()["image"]
    assert image["path"] == "a.jpg" and image["sha256"] == file_sha256(folder / "a.jpg")
    assert image["boxes"] == [[0, 0, 500, 800], [500, 0, 500, 800]]


def test_image_finding_ids_follow_the_image_not_its_place(engine, folder):
    seen = {"a.jpg": {"faces": [(10, 10, 90, 90)]}, "b.jpg": {"faces": [(5, 5, 80, 80)]}}
    one = check(engine, "![](a.jpg)\n\n![](b.jpg)\n", folder, seen)
    two = check(engine, "![](c.jpg)\n\n![](b.jpg)\n\n![](a.jpg)\n", folder, seen)
    ids_one = {f.extra["image"]["path"]: f.id for f in one}
    ids_two = {f.extra["image"]["path"]: f.id for f in two}
    assert ids_one["a.jpg"] == ids_two["a.jpg"] and ids_one["b.jpg"] == ids_two["b.jpg"]
    assert ids_one["a.jpg"] != ids_one["b.jpg"]


def test_a_face_replaces_the_generic_consent_reminder(engine, folder):
    text = "Ma patiente, trois mois après.\n\n![](a.jpg)\n"
    plain = check(engine, text, folder, {})
    assert "consent.patient-photo" in rules_of(plain)
    faced = check(engine, text, folder, {"a.jpg": {"faces": [(100, 80, 200, 200)]}})
    assert "consent.patient-photo" not in rules_of(faced)
    face = next(f for f in faced if f.rule == "patient-identity.image-face")
    assert face.severity == "warning"
    assert face.message == "Visage reconnaissable\u00a0: accord écrit du patient et floutage\u00a0?"


def test_text_in_the_image_goes_through_the_rules(engine, folder):
    got = check(engine, "Nouveauté au cabinet.\n\n![](a.jpg)\n", folder,
                {"a.jpg": {"lines": [("Ce mois-ci", (20, 640, 300, 50)),
                                     ("-30 % sur les injections", (20, 700, 500, 60))],
                           "ocr_done": True}})
    priced = [f for f in got if f.category == "pricing"]
    assert priced, rules_of(got)
    f = priced[0]
    assert f.message.startswith("Texte dans l'image «\u00a0")
    assert f.to_json()["image"]["text"] == "Ce mois-ci\n-30 % sur les injections"
    assert f.to_json()["image"]["boxes"] == [[20, 700, 500, 60]]


def test_metadata_hints(engine, folder):
    got = check(engine, "![](a.jpg) ![](b.jpg)\n", folder,
                {"a.jpg": {"taken": "2025-01-10T10:00:00", "has_gps": True},
                 "b.jpg": {"taken": "2025-07-02T09:00:00", "software": "Adobe Photoshop 25.0",
                           "edited": True}})
    by_rule = {f.rule: f for f in got}
    assert by_rule["before-after.image-dates"].severity == "error"
    assert "6\u00a0mois" in by_rule["before-after.image-dates"].message
    assert "Adobe Photoshop" in by_rule["retouched-image.image-software"].message
    gps = by_rule["patient-identity.image-gps"]
    assert gps.severity == "info" and "retirée de la copie exportée" in gps.message


def test_missing_and_outside_images(engine, folder):
    got = check(engine, "![](absente.jpg) ![](../a.jpg) ![](https://ex.org/x.jpg)\n", folder, {})
    missing = [f for f in got if f.rule == "image.missing"]
    assert [f.text for f in missing] == ["absente.jpg", "../a.jpg"]


def test_json_report_of_tact_check_carries_the_image_object(folder, capsys, monkeypatch):
    from editor.cli import main
    from editor.compliance import service

    real = service.make_engine

    def with_seen(*a, **kw):
        eng, errors = real(*a, **kw)
        if kw.get("images", True):
            eng.image_analyser = SeenImages({"a.jpg": {"layout": "grid", "panels": [
                (0, 0, 500, 400), (500, 0, 500, 400), (0, 400, 500, 400), (500, 400, 500, 400)]}})
        return eng, errors

    monkeypatch.setattr(service, "make_engine", with_seen)
    post = folder / "post.md"
    post.write_text("Explications.\n\n![](a.jpg)\n", encoding="utf-8")
    assert main(["check", "--format", "json", "--no-spelling", str(post)]) == 1
    report = json.loads(capsys.readouterr().out)
    f = report["files"][0]["findings"][0]
    assert f["rule"] == "before-after.image-composite" and len(f["image"]["boxes"]) == 4
    assert main(["check", "--format", "json", "--no-spelling", "--no-images", str(post)]) == 0


@pytest.mark.parametrize("burned", [["AVANT", "APRÈS"], ["J+30"], ["3 mois après"],
                                    ["Témoignage de Julie"]])
def test_labels_burned_into_a_photo_are_caught(engine, folder, burned):
    got = check(engine, "Une information sur la rhinoplastie.\n\n![](a.jpg)\n", folder,
                {"a.jpg": {"lines": [(t, (10, 10 + 40 * i, 200, 30)) for i, t in
                                     enumerate(burned)], "ocr_done": True}})
    flagged = [f for f in got if f.severity in ("warning", "error")]
    assert flagged, burned
    assert all(f.message.startswith("Texte dans l'image") for f in flagged)


def test_plain_text_in_an_image_stays_silent(engine, folder):
    got = check(engine, "Les étapes de la cicatrisation.\n\n![](a.jpg)\n", folder,
                {"a.jpg": {"lines": [("Cicatrisation : les trois phases", (10, 10, 400, 40)),
                                     ("Inflammation, prolifération, remodelage",
                                      (10, 60, 500, 40))], "ocr_done": True}})
    assert [f for f in got if f.severity in ("warning", "error")] == []


# --- a clinic's settings.yaml applies to the image rules too (through `tact check`) -------------

def _montage(path):
    """A side-by-side montage of one portrait, the second view brighter: a composite with two
    faces for the installed detectors."""
    from PIL import Image

    skdata = pytest.importorskip("skimage.data")
    face = Image.fromarray(skdata.astronaut())
    montage = Image.new("RGB", (1024, 512), "white")
    montage.paste(face, (0, 0))
    montage.paste(face.point(lambda v: min(255, int(v * 1.15))), (512, 0))
    montage.save(path, quality=88)


def _tact_json(capsys, *args):
    from editor.cli import main

    code = main(["check", "--format", "json", "--no-spelling", *args])
    return code, json.loads(capsys.readouterr().out)["files"][0]["findings"]


def test_settings_switch_off_or_soften_image_rules_in_tact_check(tmp_path, capsys):
    pytest.importorskip("numpy")
    pytest.importorskip("dlib")
    post = tmp_path / "post.md"
    _montage(tmp_path / "IMG_4412.jpg")
    post.write_text("Explications sur la rhinoplastie.\n\n![](IMG_4412.jpg)\n", encoding="utf-8")
    code, found = _tact_json(capsys, str(post))
    by_rule = {f["rule"]: f for f in found}
    assert code == 1 and by_rule["before-after.image-composite"]["severity"] == "error"
    assert by_rule["patient-identity.image-face"]["severity"] == "warning"

    settings = tmp_path / "settings.yaml"
    settings.write_text("rules:\n  before-after.image-composite: warning\n"
                        "  patient-identity.image-face: off\n", encoding="utf-8")
    code, found = _tact_json(capsys, "--settings", str(settings), str(post))
    by_rule = {f["rule"]: f for f in found}
    assert code == 0, found       # the montage no longer blocks: the clinic made it a warning
    montage = by_rule["before-after.image-composite"]
    assert montage["severity"] == "warning" and montage["image"]["boxes"]
    assert "patient-identity.image-face" not in by_rule

    settings.write_text("rules:\n  before-after.image-composite: {enabled: false}\n"
                        "  patient-identity.image-face: error\n", encoding="utf-8")
    code, found = _tact_json(capsys, "--settings", str(settings), str(post))
    by_rule = {f["rule"]: f for f in found}
    assert "before-after.image-composite" not in by_rule
    assert code == 1 and by_rule["patient-identity.image-face"]["severity"] == "error"


def test_switching_off_the_face_rule_brings_back_the_consent_reminder(engine, folder):
    from dataclasses import replace

    text = "Ma patiente, trois mois après.\n\n![](a.jpg)\n"
    seen = {"a.jpg": {"faces": [(100, 80, 200, 200)]}}
    off = replace(engine.rules, overrides={"patient-identity.image-face": {"enabled": False}})
    got = rules_of(check(Engine(off), text, folder, seen))
    assert "patient-identity.image-face" not in got and "consent.patient-photo" in got


def test_settings_apply_to_missing_images_and_metadata_hints(engine, folder):
    from dataclasses import replace

    rules = replace(engine.rules, overrides={"image.missing": {"enabled": False},
                                             "patient-identity.image-gps": {"severity": "warning"},
                                             "before-after.image-dates": {"severity": "info"}})
    got = check(Engine(rules), "![](absente.jpg) ![](a.jpg) ![](b.jpg)\n", folder,
                {"a.jpg": {"taken": "2025-01-10T10:00:00", "has_gps": True},
                 "b.jpg": {"taken": "2025-07-02T09:00:00"}})
    by_rule = {f.rule: f for f in got}
    assert "image.missing" not in by_rule
    assert by_rule["patient-identity.image-gps"].severity == "warning"
    assert by_rule["before-after.image-dates"].severity == "info"


def test_settings_on_a_text_rule_apply_to_the_text_read_in_an_image(tmp_path, capsys):
    from PIL import Image, ImageDraw, ImageFont

    from editor.vision import ocr

    if not ocr.available():
        pytest.skip(ocr.unavailable_reason() or "OCR off")
    im = Image.new("RGB", (1000, 500), (240, 240, 235))
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 80)
    ImageDraw.Draw(im).text((60, 180), "PROMO -30 %", font=font, fill=(20, 20, 20))
    im.save(tmp_path / "promo.png")
    post = tmp_path / "post.md"
    post.write_text("Nouveautés du cabinet.\n\n![](promo.png)\n", encoding="utf-8")
    code, found = _tact_json(capsys, str(post))
    in_image = [f for f in found if f["category"] == "pricing" and "image" in f]
    assert code == 1 and in_image and in_image[0]["message"].startswith("Texte dans l'image")
    settings = tmp_path / "settings.yaml"
    settings.write_text("rules:\n" + "".join(f"  {f['rule']}: warning\n" for f in in_image),
                        encoding="utf-8")
    code, found = _tact_json(capsys, "--settings", str(settings), str(post))
    softened = [f for f in found if f["category"] == "pricing" and "image" in f]
    assert code == 0 and softened and {f["severity"] for f in softened} == {"warning"}
