"""The export archive: one JSON line per export or copy, appended, never rewritten.

Lives in the workspace as ``.tact/exports.jsonl``. Each line records what was exported (or copied to
the clipboard) for which network, when, the approved text and its SHA-256, so that the difference
between the approved text and what was published can be shown months later (``text_diff``).
"""
from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path

ARCHIVE_DIR = ".tact"
ARCHIVE_FILE = "exports.jsonl"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def find_workspace(path: Path) -> Path:
    """The workspace of a post or folder: the nearest folder holding ``.tact/``, else the folder."""
    p = Path(path).resolve()
    start = p if p.is_dir() else p.parent
    for d in (start, *start.parents):
        if (d / ARCHIVE_DIR).is_dir():
            return d
    return start


def archive_path(workspace: Path) -> Path:
    return Path(workspace) / ARCHIVE_DIR / ARCHIVE_FILE


def append_record(workspace: Path, record: dict) -> Path:
    """Append one record (a JSON line) to the workspace's archive; return the archive's path."""
    path = archive_path(workspace)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
    with open(path, "a", encoding="utf-8") as f:
        f.write(line)
        f.flush()
        os.fsync(f.fileno())
    return path


def record_copy(workspace: Path, post: str, source: str, network: str, text: str) -> dict:
    """Record that ``text`` was copied to the clipboard for ``network`` (« Copier pour … »)."""
    rec = {"kind": "copy", "time": now_iso(), "post": post, "post_sha256": sha256_text(source),
           "approved_text": source,
           "networks": {network: {"text": text, "sha256": sha256_text(text)}}}
    append_record(workspace, rec)
    return rec


def read_archive(workspace: Path) -> list[dict]:
    """Every record of the archive, oldest first (a damaged line is skipped, never rewritten)."""
    path = archive_path(workspace)
    out: list[dict] = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict):
                    out.append(rec)
    except FileNotFoundError:
        pass
    return out


def records_for(workspace: Path, post: str) -> list[dict]:
    """The records of one post (``post`` as recorded: the path given to the export)."""
    return [r for r in read_archive(workspace) if r.get("post") == post]


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def text_diff(approved: str, exported: str) -> list[tuple[str, str]]:
    """Word-level difference: ``[(op, text)]`` with op ``equal``, ``delete`` (only in the approved
    text) or ``insert`` (only in the exported text). Joining the ``equal`` and ``insert`` texts
    gives ``exported``; the ``equal`` and ``delete`` texts give ``approved``."""
    a = _TOKEN.findall(approved)
    b = _TOKEN.findall(exported)
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return out


def unified_diff(approved: str, exported: str, network: str = "export") -> str:
    """Line-level difference as a unified diff (for the report or a terminal)."""
    return "".join(difflib.unified_diff(approved.splitlines(keepends=True),
                                        exported.splitlines(keepends=True),
                                        fromfile="texte approuvé", tofile=network))


def export_diff(record: dict, network: str) -> list[tuple[str, str]]:
    """The difference between the approved text and what was exported for ``network``."""
    from editor.export.convert import body_start

    approved = record.get("approved_text", "")
    approved = approved[body_start(approved):].strip("\n")
    text = record.get("networks", {}).get(network, {}).get("text", "")
    return text_diff(approved, text)
