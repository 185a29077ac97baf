"""`platform` findings for `tact check --target`, thread splitting, the GUI preview API,
and `tact export` on the command line."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import make_test_engine  # noqa: E402

from editor.export.counting import count  # noqa: E402
from editor.export.networks import load_networks  # noqa: E402
from editor.export.platform import platform_findings  # noqa: E402
from editor.export.preview import fold_index, preview  # noqa: E402
from editor.export.thread import split_thread  # noqa: E402

NETS = load_networks()
LONG = ("# Arrêter de fumer avant une chirurgie\n\n"
        + " ".join(f"Phrase numéro {i} sur la cicatrisation et le tabac\u202f!" for i in range(12))
        + "\n\n" + " ".join(f"Deuxième paragraphe, idée {i}, avec é et œ." for i in range(10))
        + "\n")


@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return make_test_engine(tmp_path_factory.mktemp("pack"))


def by_rule(findings, prefix):
    return [f for f in findings if f.rule.startswith(prefix)]


def test_over_the_limit_says_by_how_much_and_points_past_the_limit(eng):
    an = eng.check(LONG)
    fs = platform_findings(an, ["x"])
    [f] = by_rule(fs, "platform.x.length")
    assert f.severity == "warning" and f.category == "platform"
    n = count(preview(LONG, "x").text, NETS["x"])
    assert f"{n} caractères pondérés pour 280 autorisés, {n - 280} de trop" in f.message
    assert "fil de" in f.message
    assert f.end == len(LONG.rstrip("\n")) and 0 < f.start < f.end
    # The flagged passage starts at the word where the 281st weighted character falls.
    before = LONG[:f.start]
    assert count(preview(before, "x").text, NETS["x"]) <= 280
    assert LONG[f.start - 1].isspace() and not LONG[f.start].isspace()


def test_existing_findings_are_kept_and_everything_is_finalized(eng):
    md = "Une superpromo.\n\n" + "#a1 #b2 #c3 #d4 #e5 #f6 #g7\n"
    an = eng.check(md)
    fs = platform_findings(an, ["instagram", "threads"])
    assert [f.rule for f in fs if f.category == "pricing"] == ["pricing.test-superpromo"]
    ig = by_rule(fs, "platform.instagram.hashtags")
    assert [f.text for f in ig] == ["#f6", "#g7"]                # only the extra hashtags
    assert "7 pour 5 au maximum" in ig[0].message
    th = by_rule(fs, "platform.threads.hashtags")
    assert [f.text for f in th] == ["#b2", "#c3", "#d4", "#e5", "#f6", "#g7"]
    assert all(f.id and f.line == 3 for f in ig)
    assert fs == sorted(fs, key=lambda f: f.start)


def test_link_in_an_instagram_caption_and_fold(eng):
    md = ("Une très longue première ligne qui explique tout ce qu’il faut savoir sur la "
          "cicatrisation après une chirurgie et qui ne tient pas avant le pli.\n\n"
          "Voir [la HAS](https://has-sante.fr/x).\n")
    fs = platform_findings(eng.check(md), ["instagram", "linkedin"])
    [link] = by_rule(fs, "platform.instagram.link")
    assert link.text == "[la HAS](https://has-sante.fr/x)" and "lien en bio" in link.message
    [fold] = by_rule(fs, "platform.instagram.fold")
    # from the word the 125th character falls in (« tient »), never from the middle of a word
    assert fold.start == 121 and fold.text.startswith("tient ") and "voir plus" in fold.message
    assert not by_rule(fs, "platform.linkedin")                  # 210 chars on LinkedIn: fits
    assert all(f.severity == "warning" for f in fs)


def test_nothing_to_say_for_a_short_plain_post(eng):
    fs = platform_findings(eng.check("Bonjour à tous.\n"), list(NETS))
    assert fs == []


def test_thread_parts_are_numbered_split_at_sentences_and_within_the_limit():
    text = preview(LONG, "x").text
    parts = split_thread(text, NETS["x"])
    assert len(parts) >= 2
    for i, p in enumerate(parts, 1):
        assert count(p, NETS["x"]) <= 280
        assert p.endswith(f"\n\n{i}/{len(parts)}")
        body = p.rsplit("\n\n", 1)[0]
        assert body.rstrip()[-1] in ".!?", body          # cut at a sentence end
    joined = " ".join(p.rsplit("\n\n", 1)[0] for p in parts)
    assert " ".join(joined.split()) == " ".join(text.split())   # nothing lost or added


def test_thread_paragraph_boundaries_and_short_posts():
    x = NETS["x"]
    assert split_thread("Court.", x) == ["Court."]
    p1, p2 = "a" * 200 + ".", "b" * 200 + "."
    assert split_thread(f"{p1}\n\n{p2}", x) == [f"{p1}\n\n1/2", f"{p2}\n\n2/2"]
    words = " ".join(["mot"] * 200)                      # one sentence of 799 characters
    parts = split_thread(words, x)
    assert all(count(p, x) <= 280 for p in parts) and len(parts) == 3
    assert split_thread("é" * 600, NETS["threads"])[0].endswith("1/3")   # bytes on Threads


def test_preview_api_for_the_gui():
    md = "# Accroche\n\nLigne deux.\nLigne trois.\nLigne quatre.\n\n![schéma](a.png)"
    p = preview(md, "instagram")
    assert p.text == "Accroche\n\nLigne deux.\nLigne trois.\nLigne quatre."
    assert p.count == len(p.text) and p.limit == 2200 and p.over_by == 0 and p.cut is None
    assert p.fold == fold_index(p.text, NETS["instagram"]) == p.text.index("\nLigne deux")
    assert [a.alt for a in p.attachments] == ["schéma"]
    assert p.clipboard_text == p.text and p.parts == [p.text]
    s, e = p.source_span(0, 8)
    assert md[s:e] == "Accroche"
    xp = preview(LONG, "x")
    assert xp.over_by > 0 and len(xp.parts) > 1 and "-----" in xp.clipboard_text


# -- command line (in-process, with the isolated test rule pack) --------------------------------
@pytest.fixture
def cli(monkeypatch, tmp_path_factory, capsys):
    import editor.compliance.service as service
    from editor.cli import main

    engine = make_test_engine(tmp_path_factory.mktemp("pack"))
    monkeypatch.setattr(service, "make_engine", lambda *a, **k: (engine, []))

    def run(*args):
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_tact_check_target_x_reports_platform_findings(cli, tmp_path):
    post = tmp_path / "long.md"
    post.write_text(LONG, encoding="utf-8")
    code, out, err = cli("check", "--format", "json", "--target", "x", post)
    assert code == 0, err
    findings = json.loads(out)["files"][0]["findings"]
    [f] = [f for f in findings if f["rule"] == "platform.x.length"]
    assert f["category"] == "platform" and f["severity"] == "warning"
    assert f["text"] == LONG[f["start"]:f["end"]]
    code, out, err = cli("check", "--target", "x", post)
    assert "warning platform platform.x.length Trop long pour X" in out
    code, out, err = cli("check", "--target", "myspace", post)
    assert code == 2 and "unknown network 'myspace'" in err


def test_tact_export_command(cli, tmp_path):
    good = tmp_path / "bon.md"
    good.write_text(LONG, encoding="utf-8")
    bad = tmp_path / "promo.md"
    bad.write_text("Une superpromo !\n", encoding="utf-8")
    out = tmp_path / "sortie"
    code, _, err = cli("export", bad, "--target", "x", "--out", out, "--no-pdf")
    assert code == 1 and "export refused" in err and "pricing.test-superpromo" in err
    assert not out.exists() or not any(out.iterdir())
    code, _, err = cli("export", tmp_path / "absent.md", "--target", "x", "--out", out)
    assert code == 2 and "absent.md" in err
    code, _, err = cli("export", good, "--target", "nope", "--out", out)
    assert code == 2 and "unknown network" in err
    code, stdout, err = cli("export", good, "--target", "x", "--target", "threads", "--out", out,
                            "--no-pdf")
    assert code == 0, err
    text = (out / "bon" / "x.txt").read_text("utf-8")
    assert "1/" in text and "x.txt" in stdout


def test_image_without_alt_text_is_flagged_once(eng):
    md = "Texte.\n\n![](images/schema.png)\n"
    fs = platform_findings(eng.check(md), ["instagram", "x"])
    alt = [f for f in fs if f.rule == "platform.image.alt"]
    assert len(alt) == 1 and alt[0].text == "![](images/schema.png)"
