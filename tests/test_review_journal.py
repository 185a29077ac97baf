"""The review file: two processes writing at once lose nothing, tampering is detected."""
import json
import multiprocessing
import os
import time
from types import SimpleNamespace

import pytest

from editor.review import journal as jr
from editor.review.session import ReviewSession

TEXT = "Offre : -25 % sur le lifting.\n"


def fake_finding(i: int, who: str):
    return SimpleNamespace(id=f"{who}-{i:04d}", rule="test.rule", category="pricing",
                           severity="error", text="-25 %", start=8, end=13)


def _worker(post: str, who: str, count: int, barrier, results) -> None:
    s = ReviewSession(post)
    barrier.wait()
    codes = []
    for i in range(count):
        res = s.accept(TEXT, fake_finding(i, who), "faux-positif", f"décision {i} de {who}", who)
        codes.append(res.code)
        time.sleep(0.002 * (i % 4))         # a little human-like jitter lets the writers interleave
        if i % 3 == 0:
            res = s.add_comment(TEXT, 8, 13, f"remarque {i} de {who}", who)
            codes.append(res.code)
    results.put((who, codes))


def test_two_processes_writing_at_the_same_time_keep_every_decision(tmp_path):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    count = 30
    procs = [ctx.Process(target=_worker, args=(str(post), who, count, barrier, results))
             for who in ("Julie", "Martin")]
    for p in procs:
        p.start()
    got = dict(results.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert all(code == 0 for codes in got.values() for code in codes), got
    s = ReviewSession(post)
    assert s.error is None and s.verify() == []
    ids = set(s.state.decisions)
    assert ids == {f"{who}-{i:04d}" for who in ("Julie", "Martin") for i in range(count)}
    assert len(s.state.comments) == 2 * len(range(0, count, 3))
    # the writes really interleaved (otherwise the test proves nothing)
    authors = [e["by"] for e in s.journal.entries]
    switches = sum(a != b for a, b in zip(authors, authors[1:]))
    assert switches > 1
    assert not list(tmp_path.glob(".*.tmp"))     # the (empty) OS lock file stays, by design


def test_a_held_lock_gives_a_clear_message_and_a_left_over_lock_file_is_harmless(tmp_path,
                                                                                 monkeypatch):
    from editor.locking import file_lock

    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    s = ReviewSession(post)
    lock = s.path.with_name(s.path.name + ".lock")
    monkeypatch.setattr(jr, "LOCK_TIMEOUT", 0.3)
    with file_lock(s.path):                             # another session is writing
        res = s.submit(TEXT, "Julie")
    assert res.code == 2 and "en cours d’écriture" in res.message and lock.name in res.message
    lock.write_text("12345 autre-poste\n")             # left behind by a crashed old version
    old = time.time() - 3600
    os.utime(lock, (old, old))
    assert s.submit(TEXT, "Julie").ok


def test_every_kind_of_tampering_is_reported_with_the_entry_number(tmp_path):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    s = ReviewSession(post)
    s.submit(TEXT, "Dr Martin")
    for i in range(3):
        s.accept(TEXT, fake_finding(i, "J"), "faux-positif", f"raison {i}", "Julie")
    lines = s.path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 4 and ReviewSession(post).verify() == []

    def tampered(new_lines):
        s.path.write_text("".join(new_lines), encoding="utf-8")
        return ReviewSession(post).verify()

    last = json.loads(lines[3])
    last["reason"] = "autre chose"
    problems = tampered(lines[:3] + [json.dumps(last, ensure_ascii=False) + "\n"])
    assert [n for n, _ in problems] == [4] and "modifié" in problems[0][1]
    problems = tampered(lines[:2] + lines[3:])                            # line removed
    assert problems[0][0] == 3
    problems = tampered([lines[0], lines[2], lines[1], lines[3]])         # lines swapped
    assert problems[0][0] == 2
    first = json.loads(lines[0])
    first["text"] = "Autre texte\n"
    first["hash"] = jr.entry_hash(first)                                  # hash recomputed too
    problems = tampered([json.dumps(first, ensure_ascii=False) + "\n"] + lines[1:])
    assert problems[0][0] == 1 and "empreinte" in problems[0][1]
    assert 2 in [n for n, _ in problems]                                  # the link to it breaks


def test_writes_keep_the_old_bytes_and_are_atomic(tmp_path, monkeypatch):
    post = tmp_path / "offre.md"
    post.write_text(TEXT, encoding="utf-8")
    s = ReviewSession(post)
    s.submit(TEXT, "Julie")
    before = s.path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", boom)
    res = s.accept(TEXT, fake_finding(1, "J"), "autre", "x", "Julie")
    assert res.code == 2 and "No space left" in res.message
    assert s.path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))
    monkeypatch.undo()
    assert s.accept(TEXT, fake_finding(1, "J"), "autre", "x", "Julie").ok
    assert s.path.read_bytes().startswith(before)


@pytest.mark.parametrize("name,expected", [("a.md", "a.review.jsonl"),
                                           ("a.b.md", "a.b.review.jsonl"),
                                           ("notes", "notes.review.jsonl")])
def test_review_file_name(tmp_path, name, expected):
    assert jr.journal_path(tmp_path / name) == tmp_path / expected
