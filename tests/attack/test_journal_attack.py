"""Attacks on the review record: hand edits, truncation, rewritten history, damaged lines, locks.

Each case is bounded: hostile inputs run in a subprocess with a timeout and a memory cap.
"""
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from export_helpers import make_test_engine  # noqa: E402

from editor.review import journal as jr  # noqa: E402
from editor.review.dag import entry_hash  # noqa: E402
from editor.review.session import ReviewSession  # noqa: E402

BAD = "# Printemps\n\nUne superpromo sur les injections.\n"
TEXT = "Offre : -25 % sur le lifting.\n"


# ---- helpers ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def eng(tmp_path_factory):
    return make_test_engine(tmp_path_factory.mktemp("pack"))


@pytest.fixture
def tact(eng, monkeypatch, capsys, tmp_path):
    """``tact ARGS`` in-process (real parsing, output, exit codes) with the tiny rule pack."""
    import editor.compliance.service as service
    from editor.cli import main

    monkeypatch.setenv("TACT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(service, "make_engine", lambda *a, **k: (eng, []))

    def run(*args):
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)
    return run


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _write(path: Path, entries: list[dict]) -> None:
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries),
                    encoding="utf-8")


def _rechain(entries: list[dict]) -> list[dict]:
    """What a forger does after editing: recompute every hash and link, so the chain verifies."""
    out, prev = [], []
    for e in entries:
        e = {k: v for k, v in e.items() if k not in ("hash", "parents")}
        e["parents"] = prev
        e["hash"] = entry_hash(e)
        prev = [e["hash"]]
        out.append(e)
    return out


def _sent_back(ws: Path, eng) -> Path:
    post = ws / "bad.md"
    post.write_text(BAD, encoding="utf-8")
    finding = next(f for f in eng.check(BAD).findings if f.severity == "error")
    s = ReviewSession(post)
    assert s.send_back(BAD, finding, "Retirez la promotion.", "Dr Martin", "chirurgien").ok
    return post


# ---- hand edits must not pass -----------------------------------------------------------------
def test_send_back_edited_into_accept_is_refused_by_the_export(tmp_path, tact, eng):
    post = _sent_back(tmp_path, eng)
    journal = jr.journal_path(post)
    entries = _lines(journal)
    decision = next(e for e in entries if e["type"] == "decision")
    decision.update(action="accept", kind="autre", reason="ok")      # the hand edit
    _write(journal, entries)

    proc = tact("export", post, "--target", "facebook", "--out", tmp_path / "out", "--no-pdf")
    assert proc.returncode == 2, proc.stderr                # before the fix: 0, « accepted »
    assert "does not verify" in proc.stderr and "export refused" in proc.stderr
    assert not (tmp_path / "out" / "bad").exists()
    proc = tact("check", post)
    assert proc.returncode == 1 and "decisions are ignored" in proc.stderr   # nothing waived


def test_a_rechained_edit_or_a_truncation_fails_against_the_heads_recorded_by_exports(tmp_path,
                                                                                       tact, eng):
    post = tmp_path / "bad.md"
    post.write_text(BAD, encoding="utf-8")
    finding = next(f for f in eng.check(BAD).findings if f.severity == "error")
    s = ReviewSession(post)
    assert s.accept(BAD, finding, "autre", "Nom d'un atelier.", "Claire", "assistante").ok
    assert s.add_comment(BAD, 0, 11, "Titre à revoir ?", "Claire").ok
    assert tact("export", post, "--target", "facebook", "--out", tmp_path / "out",
                "--no-pdf").returncode == 0
    journal = jr.journal_path(post)
    head = ReviewSession(post).heads
    report = json.loads((tmp_path / "out" / "bad" / "rapport-conformite.json").read_text("utf-8"))
    record = json.loads((tmp_path / ".tact" / "exports.jsonl").read_text("utf-8").splitlines()[-1])
    assert report["review"]["journal_head"] == head == record["review"]["journal_head"]
    assert record["review_journal"] == "bad.review.jsonl"
    proc = tact("review", "verify", post)
    assert proc.returncode == 0 and "conforme aux 1 export(s)" in proc.stdout
    assert s.add_comment(BAD, 0, 11, "Encore une remarque.", "Dr Martin").ok
    original = journal.read_bytes()

    # 1. the reason of the acceptance rewritten, every hash recomputed: verifies on its own...
    entries = _lines(journal)
    entries[0]["reason"] = "Validé par le conseil de l'Ordre."
    _write(journal, _rechain(entries))
    assert ReviewSession(post).verify() == []
    proc = tact("review", "verify", post)                    # ...but not against the export
    assert proc.returncode == 1 and "n’est plus dans le journal" in proc.stderr
    proc = tact("export", post, "--target", "facebook", "--out", tmp_path / "out2", "--no-pdf")
    assert proc.returncode == 2 and "does not verify" in proc.stderr

    # 2. the last lines deleted (the history up to the export and after it)
    journal.write_bytes(b"".join(original.splitlines(keepends=True)[:1]))
    assert ReviewSession(post).verify() == []
    proc = tact("review", "verify", post)
    assert proc.returncode == 1 and "supprimées ou réécrites" in proc.stderr

    # 3. the journal deleted altogether
    journal.unlink()
    proc = tact("review", "verify", post)
    assert proc.returncode == 1 and "a disparu" in proc.stderr

    # 4. untouched: intact again; deleting only what came after the export stays undetectable
    journal.write_bytes(original)
    assert tact("review", "verify", post).returncode == 0


# ---- damaged lines ----------------------------------------------------------------------------
DAMAGE = {
    "huge-int": '{"type": "decision", "n": ' + "9" * 5000 + "}",
    "deep-array": "[" * 100_000 + "]" * 100_000,
    "deep-object": '{"type": "x", "v": ' + "[" * 500 + "]" * 500 + "}",
    "invalid-json": '{"type": "decision", "action": "accept"',
    "not-an-object": "[1, 2, 3]",
    "not-utf8": b"\xff\xfe{}",
    "git-marker": "<<<<<<< HEAD",
}

_SCRIPT = r"""
import json, sys
from types import SimpleNamespace
from editor.review.session import ReviewSession
post, damage = sys.argv[1], open(sys.argv[2], "rb").read()
text = open(post, encoding="utf-8").read()
s = ReviewSession(post)
assert s.submit(text, "Julie").ok
f = SimpleNamespace(id="f1", rule="r", category="pricing", severity="error", text="-25 %",
                    start=8, end=13)
assert s.accept(text, f, "autre", "raison", "Julie").ok
raw = open(s.path, "rb").read().splitlines(keepends=True)
open(s.path, "wb").write(raw[0] + damage + b"\n" + b"".join(raw[1:]))
"""


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))     # 1 GB


def _run(*args, cwd):
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, preexec_fn=_limit_memory,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


_COMMANDS = r"""
import contextlib, io, json, sys
from editor.cli import main
post = sys.argv[1]
out = []
for args in (["review", "verify", post], ["review", "status", post, "--no-spelling"],
             ["review", "history", post], ["check", "--no-spelling", post],
             ["review", "accept", post, "--finding", "f1", "--reason", "x", "--by", "J",
              "--no-spelling"]):
    o, e = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code
    out.append([args[:2], code, o.getvalue(), e.getvalue()])
print(json.dumps(out))
"""


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_damaged_line_is_reported_and_the_rest_still_read(tmp_path, kind):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    damage = DAMAGE[kind]
    (tmp_path / "damage").write_bytes(damage if isinstance(damage, bytes) else damage.encode())
    setup = _run("-c", _SCRIPT, str(post), str(tmp_path / "damage"), cwd=tmp_path)
    assert setup.returncode == 0, setup.stderr
    journal = jr.journal_path(post)
    damaged = journal.read_bytes()
    proc = _run("-c", _COMMANDS, str(post), cwd=tmp_path)   # before the fix: tracebacks
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    results = {" ".join(args): (code, out, err) for args, code, out, err in json.loads(proc.stdout)}
    expected = {"review verify": 1, "review status": 2, "review history": 2,
                "check --no-spelling": 1, "review accept": 2}
    for name, (code, out, err) in results.items():
        assert code == expected[name], (name, code, err)
        assert "Traceback" not in err and "internal error" not in err, (name, err)
        assert "ligne 2" in err or "line 2" in err or "entrée 2" in err, (name, err)
    assert "à relire" in results["review status"][1]        # the other lines are still read
    assert journal.read_bytes() == damaged                   # nothing written to it

    tact = ("-m", "editor")
    repaired = _run(*tact, "review", "repair", post, "--by", "Claire", cwd=tmp_path)
    assert repaired.returncode == 0, repaired.stderr
    backups = list(tmp_path.glob("offre.review.jsonl.damaged-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == damaged     # every byte kept
    s = ReviewSession(post)
    assert s.error is None and s.verify() == [] and "f1" in s.state.decisions
    assert s.journal.entries[-1]["type"] == "repair" and s.journal.entries[-1]["by"] == "Claire"
    assert s.withdraw(TEXT, "Julie").ok                       # writable again


def test_a_repair_that_loses_an_entry_says_so_and_exports_before_it_still_fail(tmp_path, tact,
                                                                               eng):
    post = tmp_path / "bad.md"
    post.write_text(BAD, encoding="utf-8")
    finding = next(f for f in eng.check(BAD).findings if f.severity == "error")
    s = ReviewSession(post)
    assert s.send_back(BAD, finding, "Retirez la promotion.", "Dr Martin").ok
    assert s.accept(BAD, finding, "autre", "Nom d'un atelier.", "Claire").ok
    assert tact("export", post, "--target", "facebook", "--out", tmp_path / "out",
                "--no-pdf").returncode == 0
    journal = jr.journal_path(post)
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = "garbage\n"                                   # the send-back entry destroyed
    journal.write_text("".join(lines), encoding="utf-8")
    proc = tact("review", "repair", post, "--by", "Claire")
    assert proc.returncode == 0 and "1 entrée(s) perdue(s)" in proc.stdout
    assert ReviewSession(post).verify() == []                # the loss is acknowledged...
    proc = tact("review", "verify", post)                    # ...but the export recorded it
    assert proc.returncode == 1 and "manquent" in proc.stderr


def test_an_entry_too_long_is_never_written(tmp_path, monkeypatch):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(jr, "MAX_LINE", 1000)
    res = ReviewSession(post).submit(TEXT * 100, "Julie")
    assert res.code == 2 and "trop longue" in res.message
    assert not jr.journal_path(post).exists()


# ---- locks ------------------------------------------------------------------------------------
def _appender(post: str, who: str, barrier) -> None:
    s = ReviewSession(post)
    barrier.wait()
    for i in range(3):
        f = SimpleNamespace(id=f"{who}-{i}", rule="r", category="pricing", severity="error",
                            text="-25 %", start=8, end=13)
        res = s.accept(TEXT, f, "autre", f"raison {i}", who)
        if not res.ok:
            raise SystemExit(f"{who}: {res.message}")


def test_twelve_processes_appending_at_once_lose_nothing_round_after_round(tmp_path):
    ctx = multiprocessing.get_context("fork")
    rounds, procs_n = 12, 12
    for r in range(rounds):
        post = tmp_path / f"offre-{r}.md"
        post.write_text(TEXT, encoding="utf-8")
        lock = tmp_path / f"offre-{r}.review.jsonl.lock"     # left by a crashed session an hour
        lock.write_text("999 autre-poste\n")                  # ago: every process once raced to
        os.utime(lock, (time.time() - 3600,) * 2)              # « break » it (lost entries)
        barrier = ctx.Barrier(procs_n)
        procs = [ctx.Process(target=_appender, args=(str(post), f"p{k}", barrier))
                 for k in range(procs_n)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
            assert p.exitcode == 0
        s = ReviewSession(post)
        assert s.verify() == []
        assert set(s.state.decisions) == {f"p{k}-{i}" for k in range(procs_n) for i in range(3)}, r


def test_a_dangling_symlink_lock_does_not_spin_past_the_timeout(tmp_path):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    lock = tmp_path / "offre.review.jsonl.lock"
    lock.symlink_to(tmp_path / "nowhere" / "x.lock")
    script = ("import sys; from editor.review import journal as jr; jr.LOCK_TIMEOUT = 1.0\n"
              "from editor.review.session import ReviewSession\n"
              "res = ReviewSession(sys.argv[1]).submit('x', 'Julie')\n"
              "print(res.code, res.message)")
    t0 = time.monotonic()
    proc = _run("-c", script, str(post), cwd=tmp_path)      # before the fix: spun for ever
    assert time.monotonic() - t0 < 30
    assert proc.returncode == 0 and proc.stdout.startswith("0 "), proc.stdout + proc.stderr
    assert not lock.is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_lock_file_dated_in_the_future_is_irrelevant(tmp_path, monkeypatch):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    lock = tmp_path / "offre.review.jsonl.lock"
    lock.write_text("4242 autre-poste 2099-01-01T00:00:00Z\n")
    future = time.time() + 10 * 365 * 86400
    os.utime(lock, (future, future))
    monkeypatch.setattr(jr, "LOCK_TIMEOUT", 1.0)
    t0 = time.monotonic()
    assert ReviewSession(post).submit(TEXT, "Julie").ok
    assert time.monotonic() - t0 < 5


def _hold(path: str, ready, release) -> None:
    from editor.locking import file_lock

    with file_lock(path):
        ready.set()
        release.wait(30)


def test_a_lock_held_by_another_process_times_out_with_a_clear_french_message(tmp_path,
                                                                              monkeypatch):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    ctx = multiprocessing.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(str(jr.journal_path(post)), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        monkeypatch.setattr(jr, "LOCK_TIMEOUT", 0.5)
        t0 = time.monotonic()
        res = ReviewSession(post).submit(TEXT, "Julie")
        assert 0.4 < time.monotonic() - t0 < 5
        assert res.code == 2
        assert "en cours d’écriture par une autre session" in res.message
        assert "réessayez dans un instant" in res.message
    finally:
        release.set()
        holder.join(30)
    assert ReviewSession(post).submit(TEXT, "Julie").ok      # released with the process
