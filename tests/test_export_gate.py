"""The gate and the record: refusals write nothing; an export writes texts, clean images, a JSON
and PDF report whose hashes match the files, and an archive line."""
import hashlib
import json
import sys
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import make_test_engine  # noqa: E402

from editor.export.archive import export_diff, read_archive, text_diff  # noqa: E402
from editor.export.exporter import export_posts  # noqa: E402

GOOD = """---
title: Tabac et chirurgie
---
# Tabac et chirurgie : pourquoi arrêter ?

Le tabac **retarde** la cicatrisation. Voir [la HAS](https://www.has-sante.fr/tabac).

- Parlez-en à votre médecin.
- Les substituts aident.

![Schéma de la cicatrisation](images/IMG_20260101_Ines.jpg)
"""
BAD = "# Printemps\n\nUne superpromo sur les injections.\n"


@pytest.fixture
def ws(tmp_path):
    (tmp_path / "images").mkdir()
    im = Image.new("RGB", (300, 200), "green")
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825)[1] = "N"
    im.save(tmp_path / "images" / "IMG_20260101_Ines.jpg", exif=exif.tobytes())
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    return tmp_path


@pytest.fixture
def eng(tmp_path_factory):
    return make_test_engine(tmp_path_factory.mktemp("pack"))


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")) if folder.exists() else []


def test_gate_refuses_while_an_error_is_open_and_writes_nothing(ws, eng):
    out = ws / "export"
    res = export_posts([str(ws / "good.md"), str(ws / "bad.md")], ["x", "instagram"], out, eng)
    assert res.exit_code == 1 and not res.ok
    assert [p.finding.rule for p in res.refused] == ["pricing.test-superpromo"]
    assert "superpromo" in res.refused[0].finding.text
    assert "Promotion interdite." in res.refused[0].message
    assert _files(out) == []                      # nothing partial, not even the good post
    assert not (ws / ".tact").exists()            # nothing archived


def test_an_accepted_error_no_longer_blocks_and_the_report_says_why(ws, eng):
    from editor.review.session import ReviewSession

    post = ws / "bad.md"
    text = post.read_text(encoding="utf-8")
    finding = next(f for f in eng.check(text).findings if f.severity == "error")
    outcome = ReviewSession(post).accept(text, finding, "autre", "Nom d'un atelier, pas une promo.",
                                         "Claire Dupont", "assistante")
    assert outcome.ok, outcome.message
    res = export_posts([str(post)], ["facebook"], ws / "export", eng, pdf=False)
    assert res.exit_code == 0, [p.message for p in res.refused + res.problems]
    report = json.loads((ws / "export" / "bad" / "rapport-conformite.json").read_text("utf-8"))
    rec = next(f for f in report["findings"] if f["rule"] == "pricing.test-superpromo")
    assert rec["decision"] == "accepted"
    assert "pas une promo" in rec["reason"] and "Claire Dupont" in rec["decided_by"]
    assert report["review"]["reviewed_by"].startswith("Claire Dupont")


def test_export_writes_texts_images_and_reports_with_matching_hashes(ws, eng, qapp):
    # ``qapp``: the PDF report reuses the running application; without one the export creates a
    # QGuiApplication, which would then prevent later tests from building widgets.
    out = ws / "export"
    original = (ws / "images" / "IMG_20260101_Ines.jpg").read_bytes()
    res = export_posts([str(ws / "good.md")], ["instagram", "x", "linkedin"], out, eng)
    assert res.exit_code == 0, [p.message for p in res.problems]
    folder = out / "good"
    names = {p.relative_to(folder).as_posix() for p in _files(folder)}
    assert {"instagram.txt", "x.txt", "linkedin.txt", "rapport-conformite.json",
            "rapport-conformite.pdf", "images/instagram/image-01.jpg"} <= names
    assert not any("Ines" in n or "IMG_" in n for n in names)       # neutral names
    assert [p for p in out.iterdir() if p.name.startswith(".")] == []   # no staging left
    report = json.loads((folder / "rapport-conformite.json").read_text("utf-8"))
    source = (ws / "good.md").read_text("utf-8")
    # The approved body only (the front matter's notes stay in the practice); the hash is the
    # file's.
    assert report["post"]["text"] == source[source.index("# Tabac"):]
    assert report["post"]["sha256"] == hashlib.sha256(source.encode()).hexdigest()
    assert report["rules_version"] == "testpack@1.0"
    for net in ("instagram", "x", "linkedin"):
        data = (folder / f"{net}.txt").read_bytes()
        assert report["networks"][net]["sha256"] == hashlib.sha256(data).hexdigest()
        assert report["networks"][net]["text"] == data.decode("utf-8")
    insta = (folder / "instagram.txt").read_text("utf-8")
    assert insta.startswith("Tabac et chirurgie : pourquoi arrêter ?\n\n")
    assert "lien en bio" in insta and "**" not in insta and "#" not in insta
    assert "• Parlez-en" in insta
    assert "https://www.has-sante.fr/tabac" in (folder / "linkedin.txt").read_text("utf-8")
    assert any(f["category"] == "platform" for f in report["findings"])     # IG link warning
    assert all(f["decision"] == "open" for f in report["findings"])
    assert set(report["review"]) >= {"reviewed_by", "reviewed_at", "approved_by", "approved_at"}
    img = report["networks"]["instagram"]["images"][0]
    assert img["alt"] == "Schéma de la cicatrisation"
    with Image.open(folder / img["file"]) as im:
        assert not im.getexif() and im.size == (200, 300)      # upright, bare
    assert (ws / "images" / "IMG_20260101_Ines.jpg").read_bytes() == original
    assert (folder / "rapport-conformite.pdf").read_bytes().startswith(b"%PDF")
    # The archive: one line with the same hashes.
    records = read_archive(ws)
    assert len(records) == 1 and records[0]["kind"] == "export"
    assert records[0]["post_sha256"] == report["post"]["sha256"]
    assert records[0]["networks"]["x"]["sha256"] == report["networks"]["x"]["sha256"]


def test_re_export_replaces_the_folder_and_appends_to_the_archive(ws, eng):
    out = ws / "export"
    for _ in range(2):
        assert export_posts([str(ws / "good.md")], ["x"], out, eng, pdf=False).exit_code == 0
    assert [p.name for p in out.iterdir()] == ["good"]
    assert len(read_archive(ws)) == 2
    archive = (ws / ".tact" / "exports.jsonl").read_text("utf-8").splitlines()
    assert len(archive) == 2
    assert all(json.loads(line)["post"].endswith("good.md") for line in archive)


@pytest.mark.parametrize("target, problem", [("images/absente.jpg", "file not found"),
                                             ("../dehors.jpg", "outside the post's folder")])
def test_missing_or_outside_image_blocks_the_export(ws, eng, target, problem):
    (ws.parent / "dehors.jpg").write_bytes(b"")
    post = ws / "img.md"
    post.write_text(f"Texte.\n\n![alt]({target})\n", encoding="utf-8")
    res = export_posts([str(post)], ["instagram"], ws / "export", eng)
    assert res.exit_code == 2
    assert any(problem in p.message and target in p.message for p in res.problems)
    assert _files(ws / "export") == []


def test_difference_between_approved_and_exported_text(ws, eng):
    export_posts([str(ws / "good.md")], ["instagram"], ws / "export", eng, pdf=False)
    rec = read_archive(ws)[-1]
    ops = export_diff(rec, "instagram")
    inserted = "".join(t for op, t in ops if op == "insert")
    deleted = "".join(t for op, t in ops if op == "delete")
    assert "lien en bio" in inserted and "•" in inserted
    assert "**" in deleted and "#" in deleted and "https" in deleted
    assert "".join(t for op, t in ops if op != "delete") == rec["networks"]["instagram"]["text"]
    assert text_diff("a b", "a b") == [("equal", "a b")]


def test_unknown_network_is_a_usage_problem(ws, eng):
    res = export_posts([str(ws / "good.md")], ["myspace"], ws / "export", eng)
    assert res.exit_code == 2 and "unknown network" in res.problems[0].message


def test_approved_post_records_who_approved_and_is_marked_exported(ws, eng, monkeypatch, tmp_path):
    from editor.review.model import EXPORTED
    from editor.review.session import ReviewSession

    config = tmp_path / "config"
    config.mkdir()
    (config / "reviewer.yaml").write_text("name: Dr Martin\nrole: chirurgien\nmode: solo\n",
                                          encoding="utf-8")
    monkeypatch.setenv("TACT_CONFIG_DIR", str(config))
    post = ws / "good.md"
    text = post.read_text(encoding="utf-8")
    s = ReviewSession(post)
    assert s.submit(text, "Claire Dupont", "assistante").ok
    out = s.approve(text, eng.check(text).findings, "Dr Martin", "chirurgien", mode="solo")
    assert out.ok, out.message
    res = export_posts([str(post)], ["facebook"], ws / "export", eng, pdf=False)
    assert res.exit_code == 0
    review = json.loads((ws / "export" / "good" / "rapport-conformite.json")
                        .read_text("utf-8"))["review"]
    assert review["approved_by"].startswith("Dr Martin") and review["approved_at"]
    assert review["state"] == "approuvé"
    assert ReviewSession(post).effective_state(text) == EXPORTED


def test_pdf_painting_runs_headless_without_touching_the_environment():
    """The report renderer makes its own offscreen application; the caller's environment is
    not changed (no QT_QPA_PLATFORM left behind for the rest of the process)."""
    import os
    import subprocess
    import sys

    code = ("import os\n"
            "from editor.export.report import painting_app\n"
            "app = painting_app()\n"
            "print(app.platformName(), os.environ.get('QT_QPA_PLATFORM'))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                               "WAYLAND_DISPLAY")}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["offscreen", "None"]
