"""Recovery drafts: unsaved text copied every few seconds into the application data folder.

A draft is never written into the user's file. It is removed when the text is saved or when the user
closes without saving on purpose. A draft left behind by a process that no longer runs (a crash, a
``kill -9``) is offered for restoration at the next start.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from editor.paths import user_data_dir
from editor.fileio import write_atomic


def drafts_dir() -> Path:
    return user_data_dir() / "drafts"


@dataclass
class Draft:
    file: Path              # the draft file itself
    path: str | None        # the post it belongs to (None: never saved)
    text: str
    saved_at: float
    pid: int

    @property
    def name(self) -> str:
        return Path(self.path).name if self.path else "(sans titre)"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class DraftStore:
    """Drafts of the documents of this process; ``key`` identifies one document."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or drafts_dir()

    @staticmethod
    def key_for(path: str | None) -> str:
        if path:
            return hashlib.sha1(os.path.abspath(path).encode()).hexdigest()[:20]
        return "untitled-" + uuid.uuid4().hex[:12]

    def write(self, key: str, path: str | None, text: str) -> Path:
        f = self.folder / f"{key}.json"
        doc = {"version": 1, "path": path, "pid": os.getpid(), "saved_at": time.time(),
               "text": text}
        write_atomic(f, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        return f

    def discard(self, key: str) -> None:
        try:
            (self.folder / f"{key}.json").unlink()
        except FileNotFoundError:
            pass

    def orphans(self) -> list[Draft]:
        """Drafts whose process is gone and whose text differs from the file on disk."""
        out: list[Draft] = []
        if not self.folder.is_dir():
            return out
        for f in sorted(self.folder.glob("*.json")):
            try:
                d = json.loads(f.read_text("utf-8"))
                draft = Draft(f, d.get("path"), d["text"], float(d.get("saved_at", 0)),
                              int(d.get("pid", 0)))
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if _alive(draft.pid):
                continue
            if draft.path:
                try:
                    on_disk = Path(draft.path).read_text("utf-8").replace("\r\n", "\n")
                except (OSError, UnicodeDecodeError):
                    on_disk = None
                if on_disk == draft.text:
                    f.unlink(missing_ok=True)
                    continue
            out.append(draft)
        return out
