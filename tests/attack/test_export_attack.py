"""Attacks on the export: a user's folder, colliding names, a full disk, a read-only archive,
a kill mid-write, and patients' data in the report and the archive (issue 11).

Hostile runs go through the real ``tact`` program in a subprocess with a timeout; PDF reports
are written only there (an in-process QGuiApplication would break later widget tests).
"""
from __future__ import annotations

import json
import logging
import os
import re
import signal
import stat
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from export_helpers import make_test_engine  # noqa: E402

from editor.export import folders  # noqa: E402
from editor.export.approved import approved_text  # noqa: E402
from editor.export.archive import (  # noqa: E402
    append_record,
    archive_path,
    export_diff,
    read_archive,
    record_copy,
)
from editor.export.exporter import export_posts  # noqa: E402
from editor.fileio import write_atomic  # noqa: E402

TIMEOUT = 120
BODY = "# Rhinoplastie\n\nLa rhinoplastie modifie la forme du nez.\n"
PATIENT = "Jeanne Durand"
PHONE = "06 12 34 56 78"
COMMENT_NAME = "Paul Lefevre"
PRIVATE_POST = (
    "---\n"
    "title: Rhinoplastie\n"
    f"notes: \"Patiente {PATIENT}, rappeler au {PHONE}\"\n"
    "---\n"
    "# Rhinoplastie\n\n"
    "La rhinoplastie modifie la forme du nez.\n\n"
    f"<!-- photo avant/après de M. {COMMENT_NAME}, accord signé -->\n\n"
    "Un délai de réflexion de quinze jours est respecté. <!-- vu avec\n"
    f"{COMMENT_NAME} -->Parlez-en en consultation.\n"
)


def tact(*args, cwd: Path, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=TIMEOUT, env=dict(os.environ),
                          preexec_fn=preexec)


def export_cli(post: Path, out: Path, *extra, cwd: Path) -> subprocess.CompletedProcess:
    return tact("export", post, "--target", "instagram", "--out", out, "--no-spelling", *extra,
                cwd=cwd)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith((".tact-export-", ".tact-old-"))]


@pytest.fixture
def eng(tmp_path_factory):
    return make_test_engine(tmp_path_factory.mktemp("pack"))


# -- 1. a user's folder is never replaced --------------------------------------------------------

def test_export_next_to_the_post_never_replaces_the_users_folder(tmp_path):
    ws = tmp_path / "ws"
    user = ws / "rhinoplastie"
    user.mkdir(parents=True)
    (ws / ".tact").mkdir()
    post = user / "rhinoplastie.md"
    post.write_text(BODY, encoding="utf-8")
    (user / "original.jpg").write_bytes(b"\xff\xd8 original photo")
    (user / "notes.txt").write_text("notes de consultation\n", encoding="utf-8")
    before = tree(user)
    proc = export_cli(post, ws, cwd=ws)                  # --out = the post folder's parent
    assert proc.returncode == 2, proc.stderr
    assert "not created by tact export" in proc.stderr and "Traceback" not in proc.stderr
    assert tree(user) == before                          # before: replaced by the export
    assert leftovers(ws) == [] and not archive_path(ws).exists()


def test_a_folder_without_marker_in_out_is_refused_in_french_too(tmp_path, eng):
    post = tmp_path / "rhinoplastie.md"
    post.write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    (out / "rhinoplastie").mkdir(parents=True)
    (out / "rhinoplastie" / "brouillon.docx").write_bytes(b"mine")
    res = export_posts([str(post)], ["instagram"], out, eng, pdf=False)
    assert res.exit_code == 2
    [p] = res.problems
    assert "n’a pas été créé par l’export" in p.french and "\u00a0»" in p.french
    assert (out / "rhinoplastie" / "brouillon.docx").read_bytes() == b"mine"
    assert sorted(x.name for x in out.iterdir()) == ["rhinoplastie"]


def test_own_export_is_replaced_but_not_when_the_user_added_a_file(tmp_path, eng):
    post = tmp_path / "rhinoplastie.md"
    post.write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):
        res = export_posts([str(post)], ["instagram", "x"], out, eng, pdf=False)
        assert res.exit_code == 0, [p.message for p in res.problems]
    folder = out / "rhinoplastie"
    marker = json.loads((folder / folders.MARKER).read_text("utf-8"))
    assert marker["post"] == str(post.resolve()) and "instagram.txt" in marker["files"]
    (folder / "photo-originale.jpg").write_bytes(b"precious")
    res = export_posts([str(post)], ["instagram"], out, eng, pdf=False)
    assert res.exit_code == 2 and "photo-originale.jpg" in res.problems[0].message
    assert (folder / "photo-originale.jpg").read_bytes() == b"precious"
    assert (folder / "x.txt").exists()                  # the old export untouched as well


def test_an_export_from_before_markers_is_replaced_only_when_it_holds_nothing_else(tmp_path,
                                                                                    eng):
    post = tmp_path / "rhinoplastie.md"
    post.write_text(BODY, encoding="utf-8")
    old = tmp_path / "out" / "rhinoplastie"
    old.mkdir(parents=True)
    (old / "instagram.txt").write_text("ancien", encoding="utf-8")
    (old / "rapport-conformite.json").write_text(json.dumps(
        {"post": {"path": "posts/rhinoplastie.md"},
         "networks": {"instagram": {"file": "instagram.txt", "images": []}}}), encoding="utf-8")
    (old / "notes.txt").write_text("à moi", encoding="utf-8")
    res = export_posts([str(post)], ["instagram"], tmp_path / "out", eng, pdf=False)
    assert res.exit_code == 2 and (old / "notes.txt").exists()
    (old / "notes.txt").unlink()
    res = export_posts([str(post)], ["instagram"], tmp_path / "out", eng, pdf=False)
    assert res.exit_code == 0 and (old / folders.MARKER).exists()
    assert (old / "instagram.txt").read_text("utf-8").startswith("Rhinoplastie")


def test_a_marker_naming_the_post_in_its_own_folder_still_cannot_swap_it(tmp_path, eng):
    ws = tmp_path / "ws"
    d = ws / "rhinoplastie"
    d.mkdir(parents=True)
    post = d / "rhinoplastie.md"
    post.write_text(BODY, encoding="utf-8")
    (d / folders.MARKER).write_text(json.dumps(
        {"kind": folders.MARKER_KIND, "post": str(post.resolve()), "files": ["rhinoplastie.md"]}),
        encoding="utf-8")
    res = export_posts([str(post)], ["instagram"], ws, eng, pdf=False)
    assert res.exit_code == 2 and "would replace the folder holding" in res.problems[0].message
    assert post.read_text("utf-8") == BODY


# -- 2. colliding names ---------------------------------------------------------------------------

def _texts(out: Path) -> dict[str, str]:
    return {d.name: (d / "instagram.txt").read_text("utf-8") for d in sorted(out.iterdir())}


def test_colliding_slugs_get_their_own_folders_in_one_run_and_across_runs(tmp_path, eng):
    a, b = tmp_path / "post 1.md", tmp_path / "Post-1.md"
    a.write_text("Texte de la publication A.\n", encoding="utf-8")
    b.write_text("Texte de la publication B.\n", encoding="utf-8")
    out = tmp_path / "out"
    res = export_posts([str(a), str(b)], ["instagram"], out, eng, pdf=False)
    assert res.exit_code == 0, [p.message for p in res.problems]
    first = _texts(out)
    assert sorted(first) == ["post-1", "post-1-2"]       # before: one folder, B over A
    assert {t.split()[-1] for t in first.values()} == {"A.", "B."}
    # Later runs, one post at a time and in the other order: each finds its own folder again.
    for p in (b, a, b):
        assert export_posts([str(p)], ["instagram"], out, eng, pdf=False).exit_code == 0
    assert _texts(out) == first


def test_non_latin_names_both_slugged_publication_do_not_overwrite(tmp_path, eng):
    ru, zh = tmp_path / "ринопластика.md", tmp_path / "隆鼻.md"
    ru.write_text("Texte russe.\n", encoding="utf-8")
    zh.write_text("Texte chinois.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert export_posts([str(ru)], ["instagram"], out, eng, pdf=False).exit_code == 0
    assert export_posts([str(zh)], ["instagram"], out, eng, pdf=False).exit_code == 0
    assert export_posts([str(ru)], ["instagram"], out, eng, pdf=False).exit_code == 0
    assert _texts(out) == {"publication": "Texte russe.",
                           "publication-2": "Texte chinois."}


# -- 5. nothing partial when an export fails mid-way -----------------------------------------------

def test_a_failure_while_moving_folders_into_place_restores_the_old_exports(tmp_path, eng,
                                                                             monkeypatch):
    a, b = tmp_path / "alpha.md", tmp_path / "beta.md"
    a.write_text("Version 1 de alpha.\n", encoding="utf-8")
    b.write_text("Version 1 de beta.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert export_posts([str(a), str(b)], ["instagram"], out, eng, pdf=False).exit_code == 0
    before = {d.name: tree(d) for d in out.iterdir()}
    a.write_text("Version 2 de alpha.\n", encoding="utf-8")
    b.write_text("Version 2 de beta.\n", encoding="utf-8")
    real = folders.Placement._move
    calls = []

    def failing(self, x, y):
        calls.append((x, y))
        if len(calls) == 4:      # alpha aside, alpha in, beta aside, then beta in fails
            raise OSError(28, "No space left on device")
        return real(self, x, y)

    monkeypatch.setattr(folders.Placement, "_move", failing)
    res = export_posts([str(a), str(b)], ["instagram"], out, eng, pdf=False)
    assert res.exit_code == 2 and "No space left" in res.problems[0].message
    assert {d.name: tree(d) for d in out.iterdir()} == before    # alpha v1 back, nothing of v2
    assert len(read_archive(tmp_path)) == 2                      # the first run's two records
    assert leftovers(out) == []


def test_stale_staging_folders_of_a_killed_export_are_swept(tmp_path, eng):
    post = tmp_path / "alpha.md"
    post.write_text("Texte.\n", encoding="utf-8")
    out = tmp_path / "out"
    old, fresh = out / ".tact-export-abcd1234", out / ".tact-old-zz99yy88"
    for d in (old, fresh):
        (d / "alpha").mkdir(parents=True)
        (d / "alpha" / "instagram.txt").write_text("partiel", encoding="utf-8")
    past = time.time() - 2 * folders.LEFTOVER_AGE
    os.utime(old, (past, past))
    assert export_posts([str(post)], ["instagram"], out, eng, pdf=False).exit_code == 0
    assert not old.exists() and fresh.exists()           # a live export's folder is left alone


# -- 3. the archive: full disk, torn line, read-only -----------------------------------------------

FULL_DISK_CHILD = r"""
import json, os, resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # a full disk: writes fail, no signal
ws = Path(sys.argv[1])
from editor.export.archive import append_record, archive_path
size = archive_path(ws).stat().st_size
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 100, size + 100))
try:
    append_record(ws, {"kind": "export", "text": "x" * 20000})
except OSError as exc:
    print("failed", exc.errno)
"""


def test_a_full_disk_leaves_no_torn_record_glued_to_the_next(tmp_path):
    append_record(tmp_path, {"kind": "export", "n": 1})
    size = archive_path(tmp_path).stat().st_size
    proc = subprocess.run([sys.executable, "-c", FULL_DISK_CHILD, str(tmp_path)],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.stdout.startswith("failed"), proc.stderr       # the write did fail
    assert archive_path(tmp_path).stat().st_size == size       # before: 100 bytes of a torn line
    append_record(tmp_path, {"kind": "export", "n": 2})
    lines = archive_path(tmp_path).read_text("utf-8").splitlines()
    assert [json.loads(x)["n"] for x in lines] == [1, 2]       # before: record 2 unreadable


def test_a_torn_last_line_is_skipped_with_a_warning_and_repaired_by_the_next_append(tmp_path,
                                                                                      caplog):
    append_record(tmp_path, {"kind": "export", "n": 1})
    with open(archive_path(tmp_path), "ab") as f:
        f.write(b'{"kind": "export", "n": 2, "text": "coup')      # killed mid-append
    with caplog.at_level(logging.WARNING, logger="editor.export.archive"):
        assert [r["n"] for r in read_archive(tmp_path)] == [1]
    assert any("torn last line" in r.getMessage() for r in caplog.records)
    append_record(tmp_path, {"kind": "export", "n": 3})
    raw = archive_path(tmp_path).read_bytes()
    assert raw.endswith(b"\n") and b"coup" not in raw
    assert [json.loads(x)["n"] for x in raw.splitlines()] == [1, 3]
    # A whole record that only lacks its newline (hand edit) is kept, on its own line.
    with open(archive_path(tmp_path), "ab") as f:
        f.write(b'{"kind": "export", "n": 4}')
    append_record(tmp_path, {"kind": "export", "n": 5})
    assert [r["n"] for r in read_archive(tmp_path)] == [1, 3, 4, 5]


def test_concurrent_appends_from_many_processes_are_all_kept(tmp_path):
    child = ("import sys; from pathlib import Path\n"
             "from editor.export.archive import append_record\n"
             "for i in range(20): append_record(Path(sys.argv[1]), {'p': sys.argv[2], 'i': i,"
             " 'pad': 'x' * 5000})\n")
    procs = [subprocess.Popen([sys.executable, "-c", child, str(tmp_path), str(k)])
             for k in range(6)]
    for p in procs:
        assert p.wait(timeout=TIMEOUT) == 0
    recs = read_archive(tmp_path)
    assert len(recs) == 120 and len({(r["p"], r["i"]) for r in recs}) == 120


def _can_mount_read_only(tmp: Path) -> bool:
    d = tmp / "probe"
    d.mkdir()
    try:
        p = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind '{d}' '{d}' && "
                            f"mount -o remount,bind,ro '{d}' && ! touch '{d}/x' 2>/dev/null"],
                           capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return p.returncode == 0


def test_a_read_only_workspace_keeps_the_export_and_says_the_archive_was_not_written(tmp_path):
    if not _can_mount_read_only(tmp_path):
        pytest.skip("needs a private read-only bind mount (root, unshare)")
    ws = tmp_path / "ws"
    (ws / ".tact").mkdir(parents=True)
    post = ws / "alpha.md"
    post.write_text(BODY, encoding="utf-8")
    out = tmp_path / "exports"                             # writable, outside the workspace
    script = (f"mount --bind '{ws}' '{ws}' && mount -o remount,bind,ro '{ws}' && exec "
              f"'{sys.executable}' -m editor export '{post}' --target instagram --out '{out}' "
              f"--no-spelling --no-pdf")
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                          timeout=TIMEOUT, env=dict(os.environ), cwd=tmp_path)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr               # before: OSError traceback, exit 1
    assert "export archive" in proc.stderr and "could not be written" in proc.stderr
    assert (out / "alpha" / "instagram.txt").read_text("utf-8").startswith("Rhinoplastie")
    assert not archive_path(ws).exists()


def test_archive_note_in_french_when_in_process(tmp_path, eng, monkeypatch):
    import editor.export.exporter as exporter

    def refuse(ws, rec):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(exporter, "append_record", refuse)
    post = tmp_path / "alpha.md"
    post.write_text(BODY, encoding="utf-8")
    res = export_posts([str(post)], ["instagram"], tmp_path / "exports", eng, pdf=False)
    assert res.exit_code == 0 and res.posts
    assert res.archive_error is not None and "n’a pas pu être écrite" in res.archive_error.french


def test_an_unreadable_archive_refuses_the_export_with_a_message(tmp_path, eng):
    """The review gate checks the journal against the heads earlier exports recorded: an archive
    that exists but cannot be read is a file problem (exit 2), never an internal error."""
    post = tmp_path / "alpha.md"
    post.write_text(BODY, encoding="utf-8")
    (tmp_path / ".tact" / "exports.jsonl").mkdir(parents=True)   # a folder in its place
    res = export_posts([str(post)], ["instagram"], tmp_path / "exports", eng, pdf=False)
    assert res.exit_code == 2 and not res.posts
    [p] = res.problems
    assert "cannot be read" in p.message and "illisible" in p.french
    assert not (tmp_path / "exports").exists()


# -- 4. privacy -----------------------------------------------------------------------------------

def pdf_text(data: bytes) -> str:
    """The text QPdfWriter drew (Type0 fonts with ToUnicode maps), glyph after glyph."""

    def obj(n: int) -> tuple[bytes, bytes]:
        m = re.search(rb"(?:^|[\r\n])%d 0 obj" % n, data)
        start = m.end()
        s, e = data.find(b"stream", start), data.find(b"endobj", start)
        if s < 0 or e < s:
            return data[start:e], b""
        head = data[start:s]
        ln = re.search(rb"/Length (\d+)( 0 R)?", head)
        length = int(obj(int(ln.group(1)))[0].strip()) if ln.group(2) else int(ln.group(1))
        b0 = s + 6 + (2 if data[s + 6:s + 8] == b"\r\n" else 1)
        raw = data[b0:b0 + length]
        return head, zlib.decompress(raw) if b"FlateDecode" in head else raw

    def cmap(n: int) -> dict[int, str]:
        table: dict[int, str] = {}
        cm = obj(n)[1]
        u16 = lambda h: bytes.fromhex(h.decode()).decode("utf-16-be")  # noqa: E731
        for blk in re.findall(rb"beginbfchar(.*?)endbfchar", cm, re.S):
            for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
                table[int(a, 16)] = u16(b)
        for blk in re.findall(rb"beginbfrange(.*?)endbfrange", cm, re.S):
            for a, b, c, arr in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*"
                                           rb"(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])", blk):
                if arr:
                    for i, x in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", arr)):
                        table[int(a, 16) + i] = u16(x)
                else:
                    for i, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                        table[code] = chr(int(c, 16) + i)
        return table

    out: list[str] = []
    for m in re.finditer(rb"(?:^|[\r\n])(\d+) 0 obj\s*<<\s*/Type /Page\b(?!s)", data):
        head = obj(int(m.group(1)))[0]
        res = re.search(rb"/Resources (\d+) 0 R", head)
        res_head = obj(int(res.group(1)))[0] if res else head
        fonts = {}
        fd = re.search(rb"/Font <<(.*?)>>", res_head, re.S)
        for name, n in re.findall(rb"/(\w+) (\d+) 0 R", fd.group(1) if fd else b""):
            tu = re.search(rb"/ToUnicode (\d+) 0 R", obj(int(n))[0])
            fonts[name] = cmap(int(tu.group(1))) if tu else {}
        stream = obj(int(re.search(rb"/Contents (\d+) 0 R", head).group(1)))[1]
        table: dict[int, str] = {}
        for tok in re.finditer(rb"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj", stream):
            if tok.group(1):
                table = fonts.get(tok.group(1), {})
            else:
                h = tok.group(2)
                out.extend(table.get(int(h[i:i + 4], 16), "?") for i in range(0, len(h), 4))
    return "".join(out)


def _squeeze(s: str) -> str:
    """Without spaces, ligatures read back as letters (« ﬁ » -> « fi »: the report's font draws
    them)."""
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def test_report_pdf_and_archive_carry_no_front_matter_notes_nor_comments(tmp_path):
    import hashlib

    ws = tmp_path / "ws"
    ws.mkdir()
    post = ws / "rhinoplastie.md"
    post.write_text(PRIVATE_POST, encoding="utf-8")
    proc = export_cli(post.resolve(), ws / "exports", cwd=ws)   # an absolute path, as the GUI
    assert proc.returncode == 0, proc.stderr
    folder = ws / "exports" / "rhinoplastie"
    report_raw = (folder / "rapport-conformite.json").read_text("utf-8")
    pdf = (folder / "rapport-conformite.pdf").read_bytes()
    text = pdf_text(pdf)
    assert "modifielaformedunez" in _squeeze(text)       # the extraction works
    archive = archive_path(ws).read_text("utf-8")
    for secret in (PATIENT, PHONE, COMMENT_NAME, "accord signé"):
        assert secret not in report_raw                  # before: the whole source was there
        assert _squeeze(secret) not in _squeeze(text)
        assert secret not in archive
    report = json.loads(report_raw)
    assert report["post"]["sha256"] == hashlib.sha256(PRIVATE_POST.encode()).hexdigest()
    assert "Parlez-en en consultation." in report["post"]["text"]
    # The PDF's title metadata: the post's title, never its absolute path.
    path = str(post.resolve())
    for enc in (path.encode("utf-8"), path.encode("utf-16-be"), path.encode("utf-16-be").hex()
                .upper().encode()):
        assert enc not in pdf                            # before: « Rapport … — /tmp/…/x.md »
    assert "Rapport de conformité — Rhinoplastie".encode() in pdf        # XMP dc:title
    # Files and folders are private.
    for p in [folder, *folder.rglob("*"), archive_path(ws), ws / "exports"]:
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode == (0o700 if p.is_dir() else 0o600), (p, oct(mode))
    assert not leftovers(ws / "exports")


def test_copy_record_and_diff_keep_the_notes_out(tmp_path):
    rec = record_copy(tmp_path, "rhino.md", PRIVATE_POST, "instagram", "La rhinoplastie …")
    stored = archive_path(tmp_path).read_text("utf-8")
    for secret in (PATIENT, PHONE, COMMENT_NAME):
        assert secret not in stored
    assert rec["approved_text"].startswith("# Rhinoplastie")
    ops = export_diff(read_archive(tmp_path)[-1], "instagram")
    assert "".join(t for op, t in ops if op != "insert") == rec["approved_text"].strip("\n")
    # Records written before the change (the whole source) still diff against the body only.
    old = {"approved_text": "---\ntitle: T\n---\nCorps.\n", "networks": {"x": {"text": "Corps."}}}
    assert export_diff(old, "x") == [("equal", "Corps.")]


@pytest.mark.parametrize("source, expected", [
    ("---\nnotes: secret\n---\nA.\n", "A.\n"),
    ("A <!-- secret --> B\n", "A  B\n"),
    ("A\n<!--\nsecret\n-->\nB\n", "A\nB\n"),
    ("A <!-- secret\nsecret -->B\n", "A \nB\n"),
    ("A <!-- never closed\nsecret\n", "A \n"),
    ("```\n<!-- code -->\n```\n<!-- x -->\n", "```\n<!-- code -->\n```\n"),
    ("A\r\n<!-- x -->\r\nB\r\n", "A\r\nB\r\n"),
    ("A `<!-- x -->` B\n", "A `` B\n"),                     # inside a code span too
    ("A <!-- a\n\nb --> C\n", "A \n\n C\n"),
    ("```\n<!-- code\n```\nB\n", "```\n<!-- code\n```\nB\n"),
    ("> cite <!-- note -->\n", "> cite \n"),
    ("<!--\n\n-->\nB\n", "B\n"),
    ("A\n<!-- x --> <!-- y -->\nB", "A\nB"),
])
def test_approved_text(source, expected):
    assert approved_text(source) == expected


APPROVED_CHILD = r"""
import sys, time
from editor.export.approved import approved_text
n = 4_000_000
for src in ("<!--" * (n // 4), "<!-- -->" * (n // 8), "a <!--\n" * (n // 7), "`" * n + "<!--"):
    t = time.perf_counter(); approved_text(src); print(round(time.perf_counter() - t, 2))
"""


def test_approved_text_is_linear_on_hostile_input():
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))

    proc = subprocess.run([sys.executable, "-c", APPROVED_CHILD], capture_output=True, text=True,
                          timeout=60, preexec_fn=limit)
    assert proc.returncode == 0, proc.stderr


# -- write_atomic: private files, stale temporary files --------------------------------------------

def test_write_atomic_new_files_private_replaced_files_keep_their_mode(tmp_path):
    new = tmp_path / "d" / "new.json"
    write_atomic(new, b"{}")
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    assert stat.S_IMODE(new.parent.stat().st_mode) == 0o700
    shared = tmp_path / "shared.json"
    shared.write_bytes(b"old")
    os.chmod(shared, 0o644)
    write_atomic(shared, b"new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644 and shared.read_bytes() == b"new"


KILLED_CHILD = r"""
import os, signal, sys
import editor.fileio as fio
os.replace = lambda a, b: os.kill(os.getpid(), signal.SIGKILL)   # killed just before the rename
fio.write_atomic(sys.argv[1], b"patient data " * 1000)
"""


def test_a_write_killed_midway_leaves_a_temp_file_the_next_write_removes(tmp_path):
    target = tmp_path / "draft.json"
    proc = subprocess.run([sys.executable, "-c", KILLED_CHILD, str(target)], timeout=TIMEOUT)
    assert proc.returncode == -signal.SIGKILL
    [tmp] = [p for p in tmp_path.iterdir() if p.name.startswith(".draft.json.")]
    # A live writer's temporary file (fresh) and another target's are left alone.
    fresh = tmp_path / ".draft.json.abcd1234.tmp"
    fresh.write_bytes(b"live")
    other = tmp_path / ".other.json.abcd1234.tmp"
    other.write_bytes(b"x")
    past = time.time() - 600
    os.utime(tmp, (past, past))
    os.utime(other, (past, past))
    link = tmp_path / ".draft.json.linkzzzz.tmp"
    link.symlink_to(other)
    os.utime(link, (past, past), follow_symlinks=False)
    write_atomic(target, b"{}")
    assert not tmp.exists()                              # before: the full copy stayed forever
    assert fresh.exists() and other.exists() and link.is_symlink()


# -- GUI: the export dialog opens on a dedicated folder --------------------------------------------

def test_gui_export_dialog_opens_on_the_workspace_exports_folder(tmp_path, qtbot, eng):
    from editor.ui.main_window import MainWindow

    class Prompter:
        parent = None
        folders: list[str] = []

        def export_folder(self, folder):
            self.folders.append(folder)
            return None

        def confirm(self, *a, **k):      # « Exporter sans relecture ? » (solo mode): yes
            return True

        def __getattr__(self, name):
            return lambda *a, **k: None

    ws = tmp_path / "ws"
    (ws / "rhinoplastie").mkdir(parents=True)
    post = ws / "rhinoplastie" / "rhinoplastie.md"
    post.write_text("---\ntitle: R\nnetworks: [instagram]\n---\n" + BODY, encoding="utf-8")
    prompter = Prompter()
    w = MainWindow(engine=eng, prompter=prompter, synchronous=True, spelling=False)
    qtbot.addWidget(w)
    assert w.open_workspace(ws, open_first=False) is not False
    assert w.open_path(post)
    assert w.network_panel.export() is None
    assert prompter.folders == [str(ws / "exports")]     # before: the post's own folder
    assert stat.S_IMODE((ws / "exports").stat().st_mode) == 0o700
    w.editor.document().setModified(False)
    w.checker.runner.wait(5000)
