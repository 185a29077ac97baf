"""Faults found by reading the code (issue 11): the draft owner probe, the engine's memo, the
compiled rule cache, the event log, crashes of the ``tact`` command, temporary copies of a post.

Each case is bounded in time (subprocesses with ``timeout=``) and, where memory matters, measured
with tracemalloc against a fixed budget.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POSIX = os.name == "posix"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _env(tmp_path: Path, **extra) -> dict:
    env = dict(os.environ)
    for kind in ("data", "cache", "config"):
        env[f"TACT_{kind.upper()}_DIR"] = str(tmp_path / kind)
    env.pop("TACT_LOG_DIR", None)
    env.pop("TACT_STATE_DIR", None)
    env.update(extra)
    return env


# -- recovery drafts: who owns a draft -----------------------------------------------------------

OWNER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from editor.document.drafts import DraftStore

    DraftStore(Path(sys.argv[1])).write("k-owner", sys.argv[2], "texte non enregistré")
    print("WRITTEN", flush=True)
    sys.stdin.readline()          # runs until the test lets it go (or kills it)
""")


def test_the_draft_owner_is_probed_by_a_lock_never_by_a_signal(tmp_path, monkeypatch):
    """``os.kill(pid, 0)`` terminates the process on Windows: the probe must never signal."""
    from editor.document import drafts

    folder = tmp_path / "drafts"
    child = subprocess.Popen([sys.executable, "-c", OWNER, str(folder), str(tmp_path / "p.md")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env=_env(tmp_path))
    try:
        assert child.stdout.readline().strip() == "WRITTEN"
        signals = []
        monkeypatch.setattr(os, "kill", lambda pid, sig: signals.append((pid, sig)))
        store = drafts.DraftStore(folder)
        assert store.orphans() == []          # its owner runs: not offered
        assert signals == []                  # and nobody was signalled
    finally:
        monkeypatch.undo()
        child.kill()
        child.wait(30)
    signals = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: signals.append((pid, sig)))
    [orphan] = drafts.DraftStore(folder).orphans()     # owner gone (SIGKILL): offered
    assert orphan.text == "texte non enregistré" and signals == []


def test_a_draft_whose_pid_was_reused_by_another_program_is_offered(tmp_path):
    """A process id alone lies once the system reuses it; the owner lock does not."""
    from editor.document.drafts import DraftStore

    store = DraftStore(tmp_path / "drafts")
    f = store.write("k", str(tmp_path / "p.md"), "texte")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        doc = json.loads(f.read_text("utf-8"))
        doc["pid"] = other.pid                 # alive, but not an editor holding the lock
        f.write_text(json.dumps(doc), encoding="utf-8")
        assert [d.text for d in store.orphans()] == ["texte"]
    finally:
        other.kill()
        other.wait(30)


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows probe (OpenProcess)")
def test_windows_probe_of_older_drafts_does_not_kill():  # pragma: no cover - Windows only
    from editor.document.drafts import _pid_alive

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert _pid_alive(child.pid)
        assert child.poll() is None            # still running after the probe
    finally:
        child.kill()
        child.wait(30)
    assert not _pid_alive(child.pid)


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_drafts_are_private_even_over_an_older_public_folder(tmp_path):
    from editor.document.drafts import DraftStore

    folder = tmp_path / "drafts"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    old = folder / "k.json"
    old.write_text("{}", encoding="utf-8")
    os.chmod(old, 0o644)                       # written by an older version
    store = DraftStore(folder)
    store.write("k", None, "Mme Dupont, 06 12 34 56 78")
    store.write("new", None, "texte")
    assert _mode(folder) == 0o700
    assert _mode(folder / "k.json") == 0o600 and _mode(folder / "new.json") == 0o600
    fresh = DraftStore(tmp_path / "a" / "b" / "drafts")
    fresh.write("k", None, "texte")
    assert _mode(tmp_path / "a" / "b" / "drafts") == 0o700


# -- the engine's paragraph memo ------------------------------------------------------------------

def test_the_paragraph_memo_is_bounded_by_memory_not_by_entries(engine, monkeypatch):
    """Every edit of a long paragraph adds an entry of about 0.5 MB here (2 MB for 6,000 words);
    20,000 entries were allowed. The memo now holds at most its byte budget."""
    from editor.compliance.engine import Engine

    budget = 4 * 1024 * 1024
    monkeypatch.setattr(Engine, "CACHE_MAX_BYTES", budget)
    eng = Engine(engine.rules)
    para = ("Le docteur reçoit ses patientes en consultation de rhinoplastie, avec un délai de "
            "réflexion de quinze jours. ") * 90        # ~1,500 words
    eng.check(para)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(24):                              # 24 edits of the paragraph
            eng.check(para + f" modification {i}")
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 1.5 * budget, f"{kept / 1e6:.1f} MB kept by the memo"
    assert eng.cache_bytes <= budget
    # The entries in use survive: re-checking the current text is served from the memo.
    current = para + " modification 23"
    assert current in eng._cache


def test_a_paragraph_larger_than_the_budget_is_not_kept(engine, monkeypatch):
    from editor.compliance.engine import Engine

    monkeypatch.setattr(Engine, "CACHE_MAX_BYTES", 10_000)
    eng = Engine(engine.rules)
    an = eng.check("Un paragraphe assez long pour dépasser le petit budget. " * 50)
    assert an.units and eng.cache_bytes == 0 and not eng._cache


# -- the compiled rule cache --------------------------------------------------------------------

def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.pickle"))


def test_old_rule_caches_are_removed_when_a_new_one_is_written(tmp_path, monkeypatch):
    from editor.compliance import rulecache
    from editor.compliance.rules import load_rules

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("TACT_CACHE_DIR", str(cache))
    stale = []
    for i in range(6):                  # left by six older versions of the program
        p = cache / f"rules-{i:032x}.pickle"
        p.write_bytes(b"x" * 1000)
        os.utime(p, (time.time() - 86400 * (i + 1),) * 2)
        stale.append(p)
    rs = load_rules()
    assert not rs.errors
    files = _cache_files(cache)
    assert len(files) == rulecache.KEEP
    current = [p for p in files if p not in stale]
    assert len(current) == 1 and current[0].stat().st_size > 1000
    assert stale[0] in files and stale[5] not in files     # the most recently used stay


def test_an_unreadable_rule_cache_is_logged_removed_and_rebuilt(tmp_path, monkeypatch, caplog):
    from editor.compliance.rules import load_rules

    cache = tmp_path / "cache"
    monkeypatch.setenv("TACT_CACHE_DIR", str(cache))
    load_rules()
    [f] = _cache_files(cache)
    f.write_bytes(f.read_bytes()[:100])          # truncated (full disk, killed writer)
    with caplog.at_level(logging.WARNING, logger="editor"):
        rs = load_rules()
    assert not rs.errors and rs.rules
    assert any("rule cache" in r.getMessage() and "unreadable" in r.getMessage()
               for r in caplog.records), caplog.text
    [again] = _cache_files(cache)
    assert again == f and again.stat().st_size > 100        # rebuilt
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="editor"):
        load_rules()
    assert not caplog.records                                # and read back silently


# -- the event log --------------------------------------------------------------------------------

def test_cli_warnings_go_to_a_private_log_file_and_not_to_stderr(tmp_path):
    """A damaged rule cache during ``tact check``: logged in the user's log folder (0600 in
    0700), nothing on stderr, the exit status that of the findings."""
    post = tmp_path / "p.md"
    post.write_text("Bonjour, une information sur la rhinoplastie.\n", encoding="utf-8")
    env = _env(tmp_path)
    run = lambda: subprocess.run([sys.executable, "-m", "editor", "check", "--no-spelling",  # noqa: E731
                                  str(post)], capture_output=True, text=True, env=env,
                                 timeout=120)
    first = run()
    assert first.returncode == 0, first.stderr
    [cache] = _cache_files(tmp_path / "cache")
    cache.write_bytes(b"not a pickle")
    r = run()
    assert r.returncode == 0 and r.stderr == ""
    log_dir = tmp_path / "data" / "log"
    text = (log_dir / "tact.log").read_text("utf-8")
    assert "WARNING" in text and "unreadable" in text and str(cache) in text
    if POSIX:
        assert _mode(log_dir / "tact.log") == 0o600 and _mode(log_dir) == 0o700


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_the_log_rotates_at_one_megabyte_keeping_three_private_files(tmp_path, event_log):
    logs = event_log
    path = logs.configure(logging.INFO)
    assert path == tmp_path / "log" / "tact.log"
    big = "x" * 1000
    lg = logging.getLogger("editor.test")
    for _ in range(5000):                     # 5 MB of records
        lg.info(big)
    files = sorted((tmp_path / "log").iterdir())
    assert [f.name for f in files] == ["tact.log", "tact.log.1", "tact.log.2", "tact.log.3"]
    assert all(f.stat().st_size <= logs.MAX_BYTES + 2000 for f in files)
    assert all(_mode(f) == 0o600 for f in files)


# -- uncaught errors: exit 2, one line, the traceback in the log ---------------------------------

CRASH = textwrap.dedent("""
    import sys
    import editor.cli as cli

    def boom(args):
        raise ZeroDivisionError("division by zero in a rule\\nsecond line")

    setattr(cli, sys.argv[1], boom)
    raise SystemExit(cli.main(sys.argv[2:]))
""")


@pytest.mark.parametrize("command,argv", [
    ("cmd_check", ["check", "x.md"]),
    ("cmd_rules", ["rules", "list"]),
])
def test_an_unexpected_exception_exits_2_with_one_line_and_the_log(tmp_path, command, argv):
    r = subprocess.run([sys.executable, "-c", CRASH, command, *argv], capture_output=True,
                       text=True, env=_env(tmp_path), timeout=120, cwd=tmp_path)
    assert r.returncode == 2, (r.returncode, r.stderr)      # 1 is reserved for findings
    lines = r.stderr.splitlines()
    log_file = tmp_path / "data" / "log" / "tact.log"
    assert lines == [f"tact: internal error: ZeroDivisionError: division by zero in a rule "
                     f"(details in {log_file})"], r.stderr
    assert r.stdout == ""
    text = log_file.read_text("utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text and "in boom" in text


def test_review_and_export_crashes_exit_2_too(tmp_path, monkeypatch, capsys):
    import editor.cli as cli
    import editor.review.cli as review_cli

    def boom(args):
        raise RuntimeError("journal exploded")

    monkeypatch.setattr(review_cli, "run", boom)
    assert cli.main(["review", "status", str(tmp_path / "p.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tact: internal error: RuntimeError: journal exploded (")
    assert err.count("\n") == 1


# -- a save killed midway leaves no lasting copy of the post -------------------------------------

SAVER = textwrap.dedent("""
    import resource, signal, sys
    from editor.ui.storage import save_post

    # Writes past 256 kB kill the process (SIGXFSZ, which Python ignores by default) in the
    # middle of writing the new version.
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
    save_post(sys.argv[1], "Mme Dupont, 06 12 34 56 78. " * 40000)
""")


@pytest.mark.skipif(not POSIX or not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limit")
def test_a_save_killed_midway_leaves_no_lasting_copy(tmp_path):
    from editor.ui.storage import load_post, save_post

    post = tmp_path / "p.md"
    post.write_text("Version enregistrée.\n", encoding="utf-8")
    os.chmod(post, 0o640)
    before = post.read_bytes()
    r = subprocess.run([sys.executable, "-c", SAVER, str(post)], capture_output=True, text=True,
                       timeout=120, env=_env(tmp_path))
    assert r.returncode == -signal.SIGXFSZ, (r.returncode, r.stderr)
    assert post.read_bytes() == before                     # the post itself is intact
    leftovers = [p for p in tmp_path.iterdir() if p.name != "p.md" and p.is_file()]
    assert leftovers, "the killed save left nothing to clean (test did not bite)"
    for p in leftovers:                                   # older than any live save
        os.utime(p, (time.time() - 3600,) * 2)
    load_post(post)                                      # next open cleans up
    assert [p for p in tmp_path.iterdir() if p.is_file()] == [post]
    # And the next save too (a second crash, then a save).
    r = subprocess.run([sys.executable, "-c", SAVER, str(post)], capture_output=True, text=True,
                       timeout=120, env=_env(tmp_path))
    for p in tmp_path.iterdir():
        if p != post and p.is_file():
            os.utime(p, (time.time() - 3600,) * 2)
    save_post(post, "Nouvelle version.\n")
    assert [p for p in tmp_path.iterdir() if p.is_file()] == [post]
    assert _mode(post) == 0o640                           # the post keeps its permissions


@pytest.mark.skipif(not POSIX, reason="POSIX permissions and links")
def test_saving_through_a_symbolic_link_keeps_the_link(tmp_path):
    from editor.ui.storage import save_post

    target = tmp_path / "real.md"
    target.write_text("ancien", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    save_post(link, "nouveau")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "nouveau"
    new = tmp_path / "nouvelle.md"
    save_post(new, "texte")
    assert _mode(new) == 0o600                 # a new post is private
