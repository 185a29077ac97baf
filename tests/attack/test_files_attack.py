"""Reading the user's files (issue 11, « Smaller »): UTF-16/UTF-32/UTF-8 files with a byte-order
mark, classic-Mac line endings, an unreadable subfolder, a FIFO or a device given as a post, and
the one function that finds the posts of a folder.

Anything that could block runs through the real ``tact`` program in a subprocess with a timeout.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.document.files import FileTooLarge, find_posts, read_regular
from editor.document.post import PostError, decode, read_text
from editor.text.offsets import line_column, line_starts

TIMEOUT = 60
POST = ("# Le meilleur chirurgien\n\nRésultat garanti sans douleur 😀.\n\n"
        "Une remise de -20 % jusqu'à dimanche.\n")
CLEAN = "# Tabac\n\nIl est recommandé d'arrêter de fumer avant l'intervention.\n"


def tact(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], capture_output=True,
                          text=True, timeout=TIMEOUT, cwd=cwd, env=dict(os.environ))


def check_json(*paths, cwd: Path | None = None) -> tuple[subprocess.CompletedProcess, dict]:
    proc = tact("check", "--format", "json", "--no-spelling", *paths, cwd=cwd)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc, json.loads(proc.stdout)


def spans(data: dict) -> list[tuple]:
    return [(f["rule"], f["line"], f["column"], f["start"], f["end"], f["text"])
            for f in data["files"][0]["findings"]]


# --- Encodings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("utf-32-le", b"\xff\xfe\x00\x00"),
                                           ("utf-32-be", b"\x00\x00\xfe\xff"),
                                           ("utf-8", b"\xef\xbb\xbf")])
def test_files_with_a_byte_order_mark_are_checked_like_utf8(tmp_path, encoding, bom):
    ref = tmp_path / "utf8.md"
    ref.write_bytes(POST.encode("utf-8"))
    other = tmp_path / f"{encoding}.md"
    other.write_bytes(bom + POST.encode(encoding))
    proc_ref, expected = check_json(ref)
    proc, data = check_json(other)
    assert proc.returncode == proc_ref.returncode == 1
    assert data["errors"] == []
    assert spans(data) == spans(expected) and spans(data)
    text = decode(other.read_bytes())
    assert text == POST                                  # the mark is not part of the text
    for f in data["files"][0]["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]


def test_utf16_without_a_mark_gets_a_precise_message(tmp_path):
    p = tmp_path / "notepad.md"
    p.write_bytes(POST.encode("utf-16-le"))
    good = tmp_path / "good.md"
    good.write_text(POST, encoding="utf-8")
    proc, data = check_json(p, good)
    assert proc.returncode == 2
    assert data["errors"] == [{"path": str(p), "message": "not UTF-8 text (UTF-16 without a "
                                                        "byte-order mark: save it as UTF-8)"}]
    assert [f["path"] for f in data["files"]] == [str(good)]
    assert f"{p}: not UTF-8 text (UTF-16 without a byte-order mark" in proc.stderr


def test_broken_utf16_and_binary_after_a_mark_are_refused():
    with pytest.raises(PostError, match=r"not valid UTF-16 text \(byte offset 4"):
        decode(b"\xff\xfe" + "ab".encode("utf-16-le")[:2] + b"\x00\xd8")   # lone surrogate
    with pytest.raises(PostError, match="binary file"):
        decode(b"\xff\xfea\x00" + b"\x00\x00" * 10)
    with pytest.raises(PostError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert decode("é".encode("utf-8")) == "é"


# --- Line endings ------------------------------------------------------------------------------

def test_line_starts_count_cr_alone_as_a_line_break():
    assert line_starts("a\nb") == [0, 2]
    assert line_starts("a\rb\r\nc\nd\r") == [0, 2, 5, 7, 9]
    assert line_starts("\r\r\n\n") == [0, 1, 3, 4]
    starts = line_starts("ab\rcd\r\nef")
    assert line_column(starts, 0) == (1, 1)
    assert line_column(starts, 4) == (2, 2)
    assert line_column(starts, 5) == (2, 3)         # the \r of \r\n still ends line 2
    assert line_column(starts, 8) == (3, 2)


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_classic_mac_and_windows_files_report_the_lines_an_editor_shows(tmp_path, newline):
    lf = tmp_path / "lf.md"
    lf.write_bytes(POST.encode("utf-8"))
    other = tmp_path / "other.md"
    other.write_bytes(POST.replace("\n", newline).encode("utf-8"))
    _, expected = check_json(lf)
    _, data = check_json(other)
    got = [(f["rule"], f["line"], f["column"]) for f in data["files"][0]["findings"]]
    assert got == [(f["rule"], f["line"], f["column"]) for f in expected["files"][0]["findings"]]
    assert max(line for _, line, _ in got) == 5          # not every finding on line 1
    text = other.read_bytes().decode("utf-8")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for f in data["files"][0]["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(f["text"].splitlines()[0])


# --- What is not a regular file ----------------------------------------------------------------

def test_a_fifo_given_as_a_post_is_refused_at_once(tmp_path):
    fifo = tmp_path / "tube.md"
    os.mkfifo(fifo)
    good = tmp_path / "good.md"
    good.write_text(POST, encoding="utf-8")
    proc, data = check_json(fifo, good)                 # used to wait forever for a writer
    assert proc.returncode == 2
    assert data["errors"] == [{"path": str(fifo),
                               "message": "is a named pipe (FIFO), not a regular file"}]
    assert [f["path"] for f in data["files"]] == [str(good)]


def test_dev_zero_is_refused_not_read_forever(tmp_path):
    proc, data = check_json("/dev/zero")
    assert proc.returncode == 2
    assert data["errors"] == [{"path": "/dev/zero", "message": "is a device, not a regular file"}]
    assert "/dev/zero: is a device" in proc.stderr


def test_a_fifo_inside_a_folder_is_reported_and_the_rest_checked(tmp_path):
    folder = tmp_path / "posts"
    (folder / "sous").mkdir(parents=True)
    (folder / "a.md").write_text(POST, encoding="utf-8")
    (folder / "sous" / "b.md").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(folder / "sous" / "tube.md")
    proc, data = check_json(folder)
    assert proc.returncode == 2
    assert [f["path"] for f in data["files"]] == [str(folder / "a.md"),
                                                  str(folder / "sous" / "b.md")]
    assert data["errors"] == [{"path": str(folder / "sous" / "tube.md"),
                               "message": "is a named pipe (FIFO), not a regular file"}]


def test_reads_are_bounded_whatever_the_announced_size(tmp_path, monkeypatch):
    with pytest.raises(FileTooLarge):
        read_regular("/proc/self/status", 16)           # announces 0 bytes, holds more
    p = tmp_path / "big.md"
    p.write_text("x" * 100, encoding="utf-8")
    monkeypatch.setattr("editor.document.post.MAX_BYTES", 50)
    with pytest.raises(PostError, match=r"file too large \(100 bytes, limit 50\)"):
        read_text(p)
    with pytest.raises(PostError, match="is a folder, not a file"):
        read_text(tmp_path)
    with pytest.raises(PostError, match="no such file"):
        read_text(tmp_path / "absent.md")


# --- Unreadable subfolders ---------------------------------------------------------------------

SCANDIR_DENIED = """
    import os, sys
    real = os.scandir
    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "prive":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)
    os.scandir = scandir
    from editor.cli import main
    sys.exit(main(["check", "--format", "json", "--no-spelling", sys.argv[1]]))
"""


def _tree(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    (folder / "prive").mkdir(parents=True)
    (folder / "prive" / "cache.md").write_text(POST, encoding="utf-8")
    (folder / "public").mkdir()
    (folder / "public" / "ok.md").write_text(CLEAN, encoding="utf-8")
    (folder / "top.md").write_text(POST, encoding="utf-8")
    return folder


def test_an_unreadable_subfolder_is_reported_exit_2_and_the_rest_checked(tmp_path):
    # Tests run as root, for whom no folder is unreadable: the refusal is simulated at scandir.
    folder = _tree(tmp_path)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(SCANDIR_DENIED), str(folder)],
                          capture_output=True, text=True, timeout=TIMEOUT, env=dict(os.environ))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2                           # was 0: the folder silently skipped
    data = json.loads(proc.stdout)
    assert [f["path"] for f in data["files"]] == [str(folder / "public" / "ok.md"),
                                                  str(folder / "top.md")]
    assert data["errors"] == [{"path": str(folder / "prive"),
                               "message": "cannot be read (permission denied)"}]
    assert f"{folder / 'prive'}: cannot be read (permission denied)" in proc.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads every folder")
def test_an_unreadable_subfolder_for_real(tmp_path):
    folder = _tree(tmp_path)
    (folder / "prive").chmod(0)
    try:
        proc, data = check_json(folder)
    finally:
        (folder / "prive").chmod(0o755)
    assert proc.returncode == 2
    assert data["errors"] == [{"path": str(folder / "prive"),
                               "message": "cannot be read (permission denied)"}]


# --- One way to find the posts of a folder -----------------------------------------------------

def test_find_posts_skips_hidden_follows_no_folder_link_and_reports_broken_links(tmp_path):
    root = tmp_path / "ws"
    (root / "a" / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "x.md").write_text("x", encoding="utf-8")
    (root / ".brouillon.md").write_text("x", encoding="utf-8")
    (root / "a" / "un.md").write_text("x", encoding="utf-8")
    (root / "a" / "b" / "deux.md").write_text("x", encoding="utf-8")
    (root / "a" / "notes.txt").write_text("x", encoding="utf-8")
    (root / "a" / "b" / "boucle").symlink_to(root)               # a loop
    (root / "a" / "b" / "lien.md").symlink_to(root / "a" / "un.md")
    (root / "mort.md").symlink_to(root / "absent.md")
    posts, problems = find_posts(root)
    assert posts == [root / "a" / "b" / "deux.md", root / "a" / "b" / "lien.md",
                     root / "a" / "un.md"]
    assert [(p.path, p.message) for p in problems] == [
        (root / "mort.md", "is a broken symbolic link (its target is missing)")]


def test_check_and_the_workspace_list_the_same_posts(tmp_path, caplog):
    pytest.importorskip("PySide6")
    from editor.compliance.service import collect_posts
    from editor.ui.workspace import list_posts

    root = tmp_path / "ws"
    (root / "sous").mkdir(parents=True)
    (root / "a.md").write_text(CLEAN, encoding="utf-8")
    (root / "sous" / "b.md").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(root / "sous" / "tube.md")
    with caplog.at_level(logging.WARNING, logger="editor.document.files"):
        listed = list_posts(root)
    assert listed == [root / "a.md", root / "sous" / "b.md"]     # the FIFO is never opened
    assert any("tube.md" in r.getMessage() and "named pipe" in r.getMessage()
               for r in caplog.records)                           # logged, not lost
    files, errors = collect_posts([str(root)])
    assert [p for _, p in files] == listed
    assert errors == [(str(root / "sous" / "tube.md"),
                       "is a named pipe (FIFO), not a regular file")]
