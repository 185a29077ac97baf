"""`tact check` as a user runs it: exit codes, reports, and bad input that never crashes."""
import json
import subprocess
import sys

PROMO = "Black Friday au cabinet : -25 % sur le lifting jusqu'à dimanche seulement !\n"
CLEAN = ("# Tabac et chirurgie\n\nIl est recommandé d'arrêter de fumer six semaines avant "
         "l'intervention.\n")


def write(tmp_path, name, data):
    p = tmp_path / name
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_bytes(data.encode("utf-8"))
    return p


def report(proc):
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


def test_text_format_and_exit_one_on_error(tmp_path, tact):
    p = write(tmp_path, "promo.md", PROMO)
    proc = tact("check", "--no-spelling", p)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines and all(line.startswith(f"{p}:1:") for line in lines)
    assert any(" error pricing pricing." in line for line in lines)


def test_clean_post_exits_zero(tmp_path, tact):
    p = write(tmp_path, "clean.md", CLEAN)
    proc = tact("check", "--no-spelling", p)
    assert (proc.returncode, proc.stdout) == (0, "")


def test_json_report_follows_the_contract(tmp_path, tact):
    src = ("---\r\ntitle: Offre\r\n---\r\n😀 Résultat 𝗴𝗮𝗿𝗮𝗻𝘁𝗶 ✨\r\n\r\n"
           + PROMO.replace("\n", "\r\n"))
    p = write(tmp_path, "crlf.md", src)
    proc = tact("check", "--format", "json", "--no-spelling", p)
    data = report(proc)
    assert set(data) == {"version", "rules_version", "files", "errors"}
    assert data["version"] == 1 and data["errors"] == []
    [f] = data["files"]
    assert f["path"] == str(p)
    starts = [x["start"] for x in f["findings"]]
    assert starts == sorted(starts) and starts
    text = p.read_bytes().decode("utf-8")
    for x in f["findings"]:
        assert x["end"] > x["start"]
        assert text[x["start"]:x["end"]] == x["text"]
        lines = text.split("\n")
        assert lines[x["line"] - 1][x["column"] - 1:].startswith(x["text"].split("\n")[0])
        assert {"id", "rule", "category", "severity", "message", "reference"} <= set(x)
    assert any(x["text"] == "𝗴𝗮𝗿𝗮𝗻𝘁𝗶" or "𝗴𝗮𝗿𝗮𝗻𝘁𝗶" in x["text"] for x in f["findings"])


def test_bad_files_are_reported_and_the_others_still_checked(tmp_path, tact):
    good = write(tmp_path, "good.md", PROMO)
    latin1 = write(tmp_path, "latin1.md", "Résultat".encode("latin-1"))
    binary = write(tmp_path, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    empty = write(tmp_path, "empty.md", "")
    proc = tact("check", "--format", "json", "--no-spelling", good, latin1, binary, empty,
                tmp_path / "missing.md")
    assert proc.returncode == 2
    data = report(proc)
    assert [f["path"] for f in data["files"]] == [str(good), str(empty)]
    assert data["files"][0]["findings"]
    errors = {e["path"]: e["message"] for e in data["errors"]}
    assert errors[str(latin1)] == "not UTF-8 text (byte 0xe9 at offset 1)"
    assert "binary" in errors[str(binary)]
    assert "no such file" in errors[str(tmp_path / "missing.md")]
    for path in (latin1, binary, tmp_path / "missing.md"):
        assert str(path) in proc.stderr


def test_folder_without_posts(tmp_path, tact):
    (tmp_path / "vide").mkdir()
    proc = tact("check", tmp_path / "vide")
    assert proc.returncode == 2 and "no Markdown post" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_folder_is_checked_recursively(tmp_path, tact):
    (tmp_path / "a" / "b").mkdir(parents=True)
    write(tmp_path / "a", "un.md", CLEAN)
    write(tmp_path / "a" / "b", "deux.md", PROMO)
    data = report(tact("check", "--format", "json", "--no-spelling", tmp_path / "a"))
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in data["files"]) == ["deux.md", "un.md"]


def test_broken_rule_pack_exit_two_with_line_and_posts_still_checked(tmp_path, tact):
    pack = tmp_path / "clinique"
    pack.mkdir()
    (pack / "r.yaml").write_text("rules:\n  - id: x.y\n    bogus: 1\n", encoding="utf-8")
    p = write(tmp_path, "promo.md", PROMO)
    proc = tact("check", "--format", "json", "--no-spelling", "--rules", pack, p)
    assert proc.returncode == 2
    assert f"{pack / 'r.yaml'}:3" in proc.stderr
    data = report(proc)
    assert data["files"][0]["findings"]


def test_clinic_pack_adds_rules(tmp_path, tact):
    pack = tmp_path / "clinique"
    pack.mkdir()
    (pack / "maison.yaml").write_text(
        'category: superlative\nreference: "Charte de la clinique"\nrules:\n'
        '  - id: superlative.maison\n    severity: warning\n    message: "Formule maison."\n'
        '    patterns: [clinique du bonheur]\n'
        '    examples: {flag: ["la [clinique du bonheur]"], ok: ["la clinique"]}\n',
        encoding="utf-8")
    p = write(tmp_path, "p.md", "Bienvenue à la clinique du bonheur.\n")
    data = report(tact("check", "--format", "json", "--no-spelling", "--rules", pack, p))
    assert [x["rule"] for x in data["files"][0]["findings"]] == ["superlative.maison"]


def test_unknown_option_and_network(tmp_path, tact):
    p = write(tmp_path, "p.md", CLEAN)
    for args in (("check", "--frobnicate", p), ("check", "--format", "xml", p),
                 ("check", "--target", "myspace", p)):
        proc = tact(*args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr


def test_hostile_markdown_never_crashes(tmp_path, tact):
    hostile = ("> " * 3000 + "garanti\n\n" + "[" * 200_000 + "\n\n" + "*" * 100_000 + "\n\n"
               + "<div " * 10_000 + "\n\n" + "- " * 5000 + "item\n\n" + "x" * 2_000_000
               + "\n\n```\nnon fermé résultat garanti\n")
    p = write(tmp_path, "hostile.md", hostile)
    proc = tact("check", "--format", "json", p)
    assert proc.returncode in (0, 1)
    report(proc)


def test_a_20_mb_file_completes(tmp_path, tact):
    # Varied text (no two paragraphs alike), so the engine's paragraph memo cannot make it trivial.
    import random

    words = ("le la les un une des du de et ou en au aux pour avec dans sur chez après avant "
             "pendant œdème cicatrice semaine consultation chirurgien intervention anesthésie "
             "patiente rhinoplastie paupière suivi pansement contrôle douleur repos gonflement "
             "ecchymose infirmière dossier examen bilan ordonnance traitement délai mois jour "
             "matin soir visite cabinet clinique geste incision suture drain tissu peau cartilage "
             "nez menton oreille diminue disparaît reste varie dépend explique prévoit indique "
             "vérifie reprend surveille progressivement lentement souvent parfois habituellement "
             "léger modéré stable prudent premier dernier quelques plusieurs chaque résultat "
             "risque chirurgie anesthésiste").split()
    rng = random.Random(20)
    parts, size, n = [], 0, 0
    while size < 20_000_000:
        n += 1
        sentences = []
        for _ in range(rng.randint(2, 4)):
            w = rng.choices(words, k=rng.randint(8, 16))
            sentences.append(" ".join(w).capitalize() + f" ({rng.randint(1, 365)} jours).")
        parts.append(f"Suivi {n} : " + " ".join(sentences) + "\n\n")
        size += len(parts[-1].encode())
    p = write(tmp_path, "big.md", "".join(parts) + "Black Friday : -25 % !\n")
    proc = tact("check", "--format", "json", "--no-spelling", p)
    assert proc.returncode == 1
    [f] = report(proc)["files"]
    assert {x["text"] for x in f["findings"] if x["severity"] == "error"} >= {"-25 %"}


def test_check_does_not_import_qt(tmp_path):
    p = write(tmp_path, "p.md", PROMO)
    code = ("import sys, io, contextlib\nfrom editor.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['check', {str(p)!r}])\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_rules_list_explain_and_test(tact):
    listing = tact("rules", "list")
    assert listing.returncode == 0 and "pricing.discount" in listing.stdout
    assert "fr-csp@" in listing.stdout
    explain = tact("rules", "explain", "pricing.discount")
    assert explain.returncode == 0
    assert "Fondement\u00a0: CSP" in explain.stdout and "Exemples signalés" in explain.stdout
    assert tact("rules", "explain", "no.such-rule").returncode == 2
    run = tact("rules", "test")
    assert run.returncode == 0 and run.stdout.strip().endswith("0 failed")


def test_a_refused_front_matter_is_said_on_stderr_and_the_body_still_checked(tmp_path, tact):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: &a [x]\nb: *a\n---\n# Titre\n\n-30 % sur la rhinoplastie.\n",
                    encoding="utf-8")
    r = tact("check", "--no-spelling", post)
    assert r.returncode == 1                       # the discount in the body is found
    assert "front matter ignored" in r.stderr and "aliases" in r.stderr
