"""Two computers, one review: journals written apart join (sync-tool conflict copies, git merges)
without losing a decision, and verification still catches any edit or removal."""
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from editor.review import journal as jr
from editor.review.dag import entry_hash, heads, ordered
from editor.review.gitmerge import merge_files
from editor.review.session import ReviewSession
from editor.review.sync import is_conflict_copy

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Offre : -25 % sur le lifting, résultat garanti.\n"


def finding(fid: str):
    return SimpleNamespace(id=fid, rule=f"test.{fid}", category="pricing", severity="error",
                           text="-25 %", start=8, end=13)


def _machines(tmp_path: Path) -> tuple[Path, Path]:
    """The shared history (submitted, commented), then two copies of the workspace."""
    a = tmp_path / "cabinet"
    a.mkdir()
    post = a / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    s = ReviewSession(post)
    assert s.submit(TEXT, "Julie", "assistante").ok
    assert s.add_comment(TEXT, 0, 5, "Titre ?", "Julie").ok
    b = tmp_path / "maison"
    shutil.copytree(a, b)
    return a / "offre.md", b / "offre.md"


def _write_apart(post_a: Path, post_b: Path) -> None:
    sa, sb = ReviewSession(post_a), ReviewSession(post_b)
    assert sa.accept(TEXT, finding("f1"), "autre", "Nom d'un atelier.", "Dr Martin").ok
    assert sb.send_back(TEXT, finding("f2"), "Retirez la promesse.", "Claire").ok
    assert sa.reply(next(iter(sa.state.comments)), "D'accord.", "Dr Martin").ok
    assert sb.accept(TEXT, finding("f3"), "faux-positif", "Pas un prix.", "Claire").ok


def _summary(s: ReviewSession):
    st = s.state
    return (st.state, {k: (d.action, d.by) for k, d in st.decisions.items()},
            {k: (c.text, [r.text for r in c.replies]) for k, c in st.comments.items()})


@pytest.mark.parametrize("name", [
    "offre.review (conflicted copy 2026-12-01).jsonl",
    "offre.review (Claire's conflicted copy 2026-12-01).jsonl",
    "offre.review (conflicted copy 2026-12-01 101010).jsonl",
    "offre.review (Conflit de synchronisation 2026-12-01 10-10-10).jsonl",
    "offre.review-CABINET-PC.jsonl",
    "offre.review.sync-conflict-20261201-101010-ABCDEFG.jsonl",
])
def test_the_usual_sync_tools_conflict_copy_names_are_recognised(name):
    assert is_conflict_copy(name, "offre.review.jsonl")


@pytest.mark.parametrize("name", [
    "offre.review.jsonl", "offre-2.review.jsonl", "offre.review-x.review.jsonl",
    "autre.review (conflicted copy 2026-12-01).jsonl", "offre (conflicted copy).md",
    "offre.review.jsonl.lock", "offre.review.a.b.jsonl",
])
def test_other_files_are_not_conflict_copies(name):
    assert not is_conflict_copy(name, "offre.review.jsonl")


@pytest.mark.parametrize("copy_name", [
    "offre.review (Claire's conflicted copy 2026-12-01).jsonl",
    "offre.review-CABINET-PC.jsonl",
])
def test_a_conflict_copy_is_joined_on_open_and_both_machines_agree(tmp_path, copy_name):
    post_a, post_b = _machines(tmp_path)
    _write_apart(post_a, post_b)
    ja, jb = jr.journal_path(post_a), jr.journal_path(post_b)
    raw_a, raw_b = ja.read_bytes(), jb.read_bytes()

    # The sync tool keeps the cabinet's journal and puts the other machine's beside it.
    copy = ja.with_name(copy_name)
    copy.write_bytes(raw_b)
    # Reading (tact check, the queue) already sees both machines' decisions, writing nothing.
    j = jr.read_journal(ja)
    assert j.copies == [copy] and {e.get("finding") for e in j.entries} >= {"f1", "f2", "f3"}
    assert ja.read_bytes() == raw_a and copy.exists()
    # Opening the post writes the copy into the journal, then removes it.
    s = ReviewSession(post_a)
    assert not copy.exists() and s.error is None and s.verify() == []
    assert ja.read_bytes().startswith(raw_a)                       # old bytes untouched
    assert s.journal.entries[-1]["type"] == "merge" and len(s.heads) == 1
    assert set(s.state.decisions) == {"f1", "f2", "f3"}
    assert len(s.state.comments) == 2                              # Julie's + the send-back's

    # The other way round on the other machine: the same entries, the same state, same head.
    jb.with_name(copy_name).write_bytes(raw_a)
    t = ReviewSession(post_b)
    assert t.verify() == [] and _summary(t) == _summary(s) and t.heads == s.heads
    assert {e["hash"] for e in t.journal.entries} == {e["hash"] for e in s.journal.entries}
    # and the next decision follows the joined history
    assert s.withdraw_decision(TEXT, "f3", "Dr Martin").ok
    assert s.journal.entries[-1]["parents"] == t.heads


def test_a_tampered_or_damaged_copy_is_left_aside(tmp_path):
    post_a, post_b = _machines(tmp_path)
    _write_apart(post_a, post_b)
    ja, jb = jr.journal_path(post_a), jr.journal_path(post_b)
    lines = jb.read_text(encoding="utf-8").splitlines(keepends=True)
    k = next(i for i, x in enumerate(lines) if '"send-back"' in x)
    e = json.loads(lines[k])
    e["action"] = "accept"                                   # the send-back turned by hand
    lines[k] = json.dumps(e, ensure_ascii=False) + "\n"
    copy = ja.with_name("offre.review (conflicted copy 2026-12-01).jsonl")
    copy.write_text("".join(lines), encoding="utf-8")
    before = ja.read_bytes()
    s = ReviewSession(post_a)
    assert copy.exists() and ja.read_bytes() == before
    assert any("laissée de côté" in fr for fr, _ in s.journal.notes)
    assert "f2" not in s.state.decisions and s.verify() == []
    copy.write_text("".join(lines[:-1]) + "{cut short", encoding="utf-8")
    s = ReviewSession(post_a)
    assert copy.exists() and "f2" not in s.state.decisions


def test_any_edit_or_removal_in_a_joined_history_is_caught_and_line_order_does_not_matter(
        tmp_path):
    post_a, post_b = _machines(tmp_path)
    _write_apart(post_a, post_b)
    ja, jb = jr.journal_path(post_a), jr.journal_path(post_b)
    ja.with_name("offre.review (conflicted copy).jsonl").write_bytes(jb.read_bytes())
    s = ReviewSession(post_a)
    lines = ja.read_text(encoding="utf-8").splitlines(keepends=True)
    entries = [json.loads(x) for x in lines]
    # other orders of the same lines, parents still first: same verdict, same state
    rng = random.Random(7)
    shuffled = next(o for o in (_random_topological(entries, rng) for _ in range(200))
                    if o != entries and o != ordered(entries))
    ja.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in shuffled), "utf-8")
    t = ReviewSession(post_a)
    assert t.verify() == [] and _summary(t) == _summary(s)
    for k in range(len(lines)):
        # each line removed: caught, except the last one (the exports' recorded heads catch it)
        ja.write_text("".join(lines[:k] + lines[k + 1:]), encoding="utf-8")
        problems = ReviewSession(post_a).verify()
        assert bool(problems) == (k != len(lines) - 1), k
        # each line edited
        e = json.loads(lines[k])
        e["by"] = "Quelqu'un d'autre"
        ja.write_text("".join(lines[:k] + [json.dumps(e, ensure_ascii=False) + "\n"]
                              + lines[k + 1:]), encoding="utf-8")
        assert [n for n, _ in ReviewSession(post_a).verify()][0] == k + 1


def _random_topological(entries: list[dict], rng: random.Random) -> list[dict]:
    left, out, done = list(entries), [], set()
    while left:
        ready = [e for e in left if all(p in done for p in e["parents"])]
        e = rng.choice(ready)
        left.remove(e)
        out.append(e)
        done.add(e["hash"])
    return out


def test_an_old_linear_journal_is_read_verified_and_continued(tmp_path):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    prev, old = jr.GENESIS, []
    digest = jr.text_digest(TEXT)
    for i, e in enumerate([
            {"type": "transition", "action": "submit", "from": "draft", "to": "review",
             "by": "Julie", "role": "", "at": "2026-11-01T10:00:00Z", "comment": "",
             "text_sha256": digest, "text": TEXT},
            {"type": "decision", "action": "accept", "finding": "f1", "rule": "test.f1",
             "category": "pricing", "severity": "error", "passage": "-25 %", "kind": "autre",
             "reason": "ok", "by": "Julie", "role": "", "at": "2026-11-01T10:01:00Z"}], 1):
        entry = {"n": i, **e, "prev": prev}
        entry["hash"] = prev = entry_hash(entry)
        old.append(entry)
    journal = jr.journal_path(post)
    journal.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in old), "utf-8")
    s = ReviewSession(post)
    assert s.verify() == [] and s.state.state == "review" and "f1" in s.state.decisions
    assert s.send_back(TEXT, finding("f1"), "Non.", "Dr Martin").ok
    assert s.verify() == [] and s.journal.entries[2]["parents"] == [old[-1]["hash"]]
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    journal.write_text(lines[1] + lines[0] + "".join(lines[2:]), encoding="utf-8")  # swapped
    assert ReviewSession(post).verify()[0][0] == 1


# ---- git ----------------------------------------------------------------------------------------
def _git(repo: Path, *args, check=True):
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PYTHONPATH": str(ROOT / "src")}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=120)
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def _two_branches(tmp_path: Path, driver: bool) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    if driver:
        (repo / ".gitattributes").write_text("*.review.jsonl merge=tact-review\n")
        _git(repo, "config", "merge.tact-review.name", "Tact review journal")
        _git(repo, "config", "merge.tact-review.driver",
             f"'{sys.executable}' -m editor review merge %O %A %B")
    post = repo / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    s = ReviewSession(post)
    assert s.submit(TEXT, "Julie").ok
    (repo / ".gitignore").write_text("*.lock\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "assistant")
    assert ReviewSession(post).send_back(TEXT, finding("f2"), "Retirez.", "Claire").ok
    _git(repo, "commit", "-q", "-am", "assistant")
    _git(repo, "checkout", "-q", "main")
    assert ReviewSession(post).accept(TEXT, finding("f1"), "autre", "ok", "Dr Martin").ok
    _git(repo, "commit", "-q", "-am", "surgeon")
    return repo


def test_a_real_git_merge_with_the_driver_joins_both_histories(tmp_path):
    repo = _two_branches(tmp_path, driver=True)
    ours = jr.journal_path(repo / "offre.md").read_bytes()
    proc = _git(repo, "merge", "-q", "--no-edit", "assistant", check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr          # no conflict
    journal = jr.journal_path(repo / "offre.md")
    assert journal.read_bytes().startswith(ours) and b"<<<<<<<" not in journal.read_bytes()
    s = ReviewSession(repo / "offre.md")
    assert s.verify() == [] and set(s.state.decisions) == {"f1", "f2"} and len(s.heads) == 1
    assert _git(repo, "status", "--porcelain").stdout.strip() == ""


def test_a_git_merge_without_the_driver_is_repaired_with_nothing_lost(tmp_path):
    repo = _two_branches(tmp_path, driver=False)
    proc = _git(repo, "merge", "-q", "--no-edit", "assistant", check=False)
    assert proc.returncode != 0                                      # git's own conflict
    post = repo / "offre.md"
    s = ReviewSession(post)
    assert s.error and "conflit" in s.error and s.verify()
    assert not s.submit(TEXT, "Julie").ok                            # no write while damaged
    from editor.review.repair import repair
    done = repair(jr.journal_path(post), "Julie")
    assert done.lost == [] and len(done.dropped) == 3
    s = ReviewSession(post)
    assert s.error is None and s.verify() == [] and set(s.state.decisions) == {"f1", "f2"}
    assert len(s.heads) == 1


def test_the_merge_driver_is_idempotent_and_refuses_a_damaged_side(tmp_path):
    post_a, post_b = _machines(tmp_path)
    _write_apart(post_a, post_b)
    ja, jb = jr.journal_path(post_a), jr.journal_path(post_b)
    base = tmp_path / "base.jsonl"
    base.write_bytes(b"".join(ja.read_bytes().splitlines(keepends=True)[:2]))
    ours, theirs = tmp_path / "ours.jsonl", tmp_path / "theirs.jsonl"
    ours.write_bytes(ja.read_bytes())
    theirs.write_bytes(jb.read_bytes())
    assert merge_files(base, ours, theirs)[0] == 0
    merged = ours.read_bytes()
    assert merge_files(base, ours, theirs) == (0, "nothing to merge")   # twice: no change
    assert ours.read_bytes() == merged
    # the same merge done the other way gives the same merge entry (same heads)
    assert merge_files(base, theirs, ours)[0] == 0
    ea = [json.loads(x) for x in merged.splitlines()]
    eb = [json.loads(x) for x in theirs.read_bytes().splitlines()]
    assert heads(ea) == heads(eb) and ea[-1] == eb[-1] and ea[-1]["type"] == "merge"
    theirs.write_bytes(jb.read_bytes() + b"{damaged\n")
    ours.write_bytes(ja.read_bytes())
    code, message = merge_files(base, ours, theirs)
    assert code == 1 and "theirs" in message and ours.read_bytes() == ja.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "editor", "review", "merge", str(base),
                           str(ours), str(theirs)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 1 and "not merged" in proc.stderr
