"""The review cycle as a user runs it from the command line: check, accept, lapse, approve, edit.

The ``tact`` command runs in-process (real argument parsing, output and exit codes) with a small
private rule pack, so that these tests neither depend on the built-in packs nor pay their loading
time for each of the ~40 commands; tests/test_review_e2e.py runs the real program in subprocesses.
"""
import csv
import json

import pytest
from review_support import make_engine

POST = ("---\ntitle: Offre d'hiver\n---\n"
        "Black Friday au cabinet : -25 % sur le lifting.\n\n"
        "Résultat garanti, effet miracle.\n\n"
        "Il est recommandé d'arrêter de fumer six semaines avant l'intervention.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return make_engine(tmp_path_factory.mktemp("pack"))


class Proc:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def env(tmp_path, monkeypatch, engine):
    """A private profile folder per test; every command uses the private rule pack."""
    import editor.compliance.service as service

    monkeypatch.setenv("TACT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(service, "make_engine", lambda *a, **k: (engine, []))
    return {}


@pytest.fixture
def tact(env, capsys):
    from editor.cli import main

    def run(*args, env=None):
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:               # argparse usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return Proc(code, out, err)
    return run


@pytest.fixture
def review(tact):
    def run(*args):
        return tact("review", *args)
    return run


def findings(tact, path, env):
    proc = tact("check", "--format", "json", "--no-spelling", path)
    [f] = json.loads(proc.stdout)["files"]
    return proc, f["findings"]


def errors_of(items):
    return [x for x in items if x["severity"] == "error"]


def accept_all_errors(review, path, items, by="Julie Moreau", kind="faux-positif"):
    for x in errors_of(items):
        proc = review("accept", path, "--finding", x["id"], "--kind", kind,
                      "--reason", f"Vérifié : {x['text']} est acceptable ici", "--by", by,
                      "--no-spelling")
        assert proc.returncode == 0, proc.stderr
        assert "accepté" in proc.stdout


def test_whole_cycle(tmp_path, tact, review, env):
    post = tmp_path / "offre.md"
    post.write_text(POST, encoding="utf-8")

    # 1. the post has blocking errors
    proc, items = findings(tact, post, env)
    assert proc.returncode == 1 and errors_of(items)
    assert review("status", post, "--no-spelling").stdout.count("«\u00a0-25 %\u00a0»") == 1

    # 2. submit; approving with open errors is refused with the list of them
    assert review("submit", post, "--by", "Dr Martin", "--role", "chirurgien").returncode == 0
    proc = review("approve", post, "--by", "Dr Martin", "--no-spelling")
    assert proc.returncode == 1
    assert "Approbation refusée" in proc.stderr and "-25 %" in proc.stderr

    # 3. the assistant accepts every error with a reason: check → waived, exit 0
    accept_all_errors(review, post, items)
    proc, items = findings(tact, post, env)
    assert proc.returncode == 0, proc.stdout
    assert all(x.get("waived") is True for x in errors_of(items))
    text = tact("check", "--no-spelling", post, env=env)
    assert text.returncode == 0 and "(accepté)" in text.stdout
    status = review("status", post, "--no-spelling").stdout
    assert "Signalements acceptés" in status and "Julie Moreau" in status
    assert "faux positif\u00a0: Vérifié" in status

    # 4. editing an accepted passage: the decision lapses, the finding is open again
    post.write_text(POST.replace("-25 %", "-30 %"), encoding="utf-8")
    proc, items = findings(tact, post, env)
    assert proc.returncode == 1
    reopened = [x for x in items if x["text"] == "-30 %"]
    assert reopened and not reopened[0].get("waived")
    assert any(x.get("waived") for x in items)          # the other decisions still hold
    status = review("status", post, "--no-spelling").stdout
    assert "Décisions caduques" in status and "«\u00a0-25 %\u00a0»" in status

    # 5. accept the new passage; in two-person mode the one who accepted cannot approve alone
    accept_all_errors(review, post, [x for x in items if not x.get("waived")])
    proc = review("approve", post, "--by", "Julie Moreau", "--no-spelling")
    assert proc.returncode == 0 and "seconde approbation" in proc.stdout
    assert "État\u00a0: à relire" in review("status", post, "--no-spelling").stdout
    proc = review("approve", post, "--by", "Dr Martin", "--role", "chirurgien", "--no-spelling")
    assert proc.returncode == 0, proc.stderr
    status = review("status", post, "--no-spelling").stdout
    assert "État\u00a0: approuvé" in status
    assert "j'approuve ce texte en tant qu'auteur" in status

    # 6. an edit after approval sends the post back to « à relire »; export is refused
    post.write_text(POST.replace("-25 %", "-30 %") + "\nÀ bientôt.\n", encoding="utf-8")
    status = review("status", post, "--no-spelling").stdout
    assert "État\u00a0: à relire" in status and "modifié depuis l'approbation" in status
    assert review("export", post, "--by", "Dr Martin").returncode == 1
    assert tact("review", "queue", tmp_path).stdout.count("offre.md") == 1
    # approving the new text records the edit first; nobody else has seen this version (it was
    # edited outside the editor): his approval is a first signature, the assistant's completes it
    proc = review("approve", post, "--by", "Dr Martin", "--no-spelling")
    assert proc.returncode == 0 and "seconde approbation" in proc.stdout
    assert review("export", post, "--by", "Dr Martin").returncode == 1
    assert review("approve", post, "--by", "Julie Moreau", "--no-spelling").returncode == 0
    assert review("export", post, "--by", "Dr Martin").returncode == 0
    assert "État\u00a0: exporté" in review("status", post, "--no-spelling").stdout

    # 7. history: versions with a readable diff between any two
    hist = review("history", post)
    assert hist.returncode == 0
    lines = hist.stdout.splitlines()
    assert len(lines) == 7 and "soumis pour relecture par Dr Martin, chirurgien" in lines[0]
    assert "modifié après approbation" in lines[3] and "exporté" in lines[6]
    assert any("approuvé par Dr Martin" in line for line in lines)
    diff = review("history", post, "--diff", "1", "5").stdout
    assert "-Black Friday au cabinet : -25 % sur le lifting." in diff
    assert "+Black Friday au cabinet : -30 % sur le lifting." in diff
    assert "+À bientôt." in diff
    assert diff.startswith("--- version 1")

    # 8. the whole history is intact
    proc = review("verify", post)
    assert proc.returncode == 0 and "historique intact" in proc.stdout


def test_tampering_is_detected_with_the_entry_number(tmp_path, tact, review, env):
    post = tmp_path / "offre.md"
    post.write_text(POST, encoding="utf-8")
    _, items = findings(tact, post, env)
    review("submit", post, "--by", "Dr Martin")
    accept_all_errors(review, post, items)
    journal = tmp_path / "offre.review.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = json.loads(lines[1])
    entry["reason"] = "raison réécrite après coup"
    lines[1] = json.dumps(entry, ensure_ascii=False) + "\n"
    journal.write_text("".join(lines), encoding="utf-8")
    proc = review("verify", post)
    assert proc.returncode == 1
    assert "entrée 2" in proc.stderr and "historique rompu" in proc.stderr
    # removing a line is detected too
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    journal.write_text(lines[0] + "".join(lines[2:]), encoding="utf-8")
    proc = review("verify", post)
    assert proc.returncode == 1 and "entrée 2" in proc.stderr
    # `tact check` warns but keeps working
    proc = tact("check", "--no-spelling", post)
    assert proc.returncode in (0, 1) and "review history is broken at entry 2" in proc.stderr


def test_corrupt_review_file_gives_a_clear_message_and_check_still_works(tmp_path, tact, review,
                                                                          env):
    post = tmp_path / "offre.md"
    post.write_text(POST, encoding="utf-8")
    _, items = findings(tact, post, env)
    accept_all_errors(review, post, items)
    journal = tmp_path / "offre.review.jsonl"
    broken = journal.read_bytes()[:-40] + b"\n{pas du json\n"
    journal.write_bytes(broken)

    proc, items = findings(tact, post, env)
    assert proc.returncode == 1                          # decisions of a corrupt file ignored
    assert not any(x.get("waived") for x in items)
    assert str(journal) in proc.stderr and "corrupt" in proc.stderr

    proc = review("status", post, "--no-spelling")
    assert proc.returncode == 2
    assert "corrompu" in proc.stderr and "ligne" in proc.stderr
    assert "Signalements ouverts" in proc.stdout        # the post is still shown

    proc = review("accept", post, "--finding", items[0]["id"], "--reason", "x", "--by", "Julie",
                  "--no-spelling")
    assert proc.returncode == 2 and "corrompu" in proc.stderr
    assert journal.read_bytes() == broken               # never overwritten


def test_usage_errors_exit_two(tmp_path, review):
    post = tmp_path / "offre.md"
    post.write_text(POST, encoding="utf-8")
    proc = review("accept", post, "--finding", "0000000000000000", "--reason", "x", "--by", "J",
                  "--no-spelling")
    assert proc.returncode == 2 and "identifiant" in proc.stderr
    proc = review("accept", post, "--finding", "0000", "--reason", "  ", "--by", "J",
                  "--no-spelling")
    assert proc.returncode == 2
    assert review("status", tmp_path / "absent.md").returncode == 2
    assert review("submit", post).returncode == 2            # no --by and no profile
    proc = review("request-changes", post, "--by", "Julie")   # still a draft
    assert proc.returncode == 1 and "brouillon" in proc.stderr


def test_profile_gives_the_default_name(tmp_path, review):
    post = tmp_path / "offre.md"
    post.write_text(POST, encoding="utf-8")
    proc = review("profile", "--name", "Julie Moreau", "--role", "assistante", "--mode", "solo")
    assert proc.returncode == 0 and "Julie Moreau" in proc.stdout
    assert review("submit", post).returncode == 0
    status = review("status", post, "--no-spelling").stdout
    assert "par Julie Moreau, assistante" in status


def test_comments_through_the_cli(tmp_path, review):
    post = tmp_path / "offre.md"
    post.write_text(POST, encoding="utf-8")
    proc = review("comment", post, "--quote", "six semaines", "--text", "Source ?", "--by", "Julie")
    assert proc.returncode == 0
    cid = proc.stdout.strip().split()[-1]
    assert review("reply", post, "--comment", cid, "--text", "HAS 2023", "--by", "Dr Martin"
                  ).returncode == 0
    assert review("resolve", post, "--comment", cid, "--by", "Julie").returncode == 0
    assert review("resolve", post, "--comment", cid, "--by", "Julie").returncode == 1
    assert review("reopen", post, "--comment", cid, "--by", "Julie").returncode == 0
    # text added before the passage: the comment follows it
    post.write_text(POST.replace("Il est", "Bonjour.\n\nIl est"), encoding="utf-8")
    status = review("status", post, "--no-spelling").stdout
    assert f"[{cid}] ouvert, ligne 10" in status and "↳ Dr Martin\u00a0: HAS 2023" in status
    # the passage deleted: shown as orphaned, never dropped
    post.write_text(POST.replace("six semaines avant l'intervention", "avant"), encoding="utf-8")
    status = review("status", post, "--no-spelling").stdout
    assert f"[{cid}] ouvert, orphelin" in status and "Source\u00a0?" in status
    # an ambiguous quote is refused
    proc = review("comment", post, "--quote", "e", "--text", "?", "--by", "Julie")
    assert proc.returncode == 2 and "--occurrence" in proc.stderr


def test_false_positive_report(tmp_path, tact, review, env):
    post = tmp_path / "offre.md"
    post.write_text(POST, encoding="utf-8")
    _, items = findings(tact, post, env)
    accept_all_errors(review, post, items)
    other = tmp_path / "autre.md"
    other.write_text(POST, encoding="utf-8")
    accept_all_errors(review, other, items, kind="mention-ailleurs")
    out = tmp_path / "faux-positifs.csv"
    proc = review("false-positives", tmp_path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == len(errors_of(items))
    assert {r["fichier"] for r in rows} == {str(post)}
    row = next(r for r in rows if r["passage"] == "-25 %")
    assert row["règle"] == "test.discount" and row["justification"].startswith("Vérifié")
    assert "«\u00a0-25 %\u00a0»" in row["contexte"]
    proc = review("false-positives", post, "--format", "yaml")
    assert "passage: '-25 %'" in proc.stdout or 'passage: "-25 %"' in proc.stdout \
        or "passage: -25 %" in proc.stdout


def test_platform_findings_can_be_accepted_too(tmp_path, tact):
    from types import SimpleNamespace

    from editor.review.session import ReviewSession

    post = tmp_path / "tags.md"
    text = " ".join(f"#mot{i}" for i in range(40)) + "\n"
    post.write_text(text, encoding="utf-8")
    proc = tact("check", "--format", "json", "--no-spelling", "--target", "instagram", post)
    [f] = json.loads(proc.stdout)["files"]
    platform = [x for x in f["findings"] if x["category"] == "platform"]
    assert platform
    x = platform[0]
    assert ReviewSession(post).accept(text, SimpleNamespace(**{k: x[k] for k in (
        "id", "rule", "category", "severity", "text", "start", "end")}), "autre", "voulu",
        "Julie").ok
    proc = tact("check", "--format", "json", "--no-spelling", "--target", "instagram", post)
    [f] = json.loads(proc.stdout)["files"]
    assert [y.get("waived") for y in f["findings"] if y["id"] == x["id"]] == [True]
