"""Small persistent state of the desktop editor (recent workspaces, last workspace) in the config
folder, as ``ui-state.json``. No Qt here: the window and the start-up read and write it."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from editor.fileio import write_atomic
from editor.paths import user_config_dir

log = logging.getLogger(__name__)

MAX_RECENT = 8


def _file() -> Path:
    return user_config_dir() / "ui-state.json"


def load() -> dict:
    try:
        data = json.loads(_file().read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("editor state %s unreadable, starting afresh: %s", _file(), exc)
        return {}
    return data if isinstance(data, dict) else {}


def save(data: dict) -> None:
    try:
        write_atomic(_file(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:   # losing the recent list is not worth an error dialog
        log.warning("editor state not saved to %s: %s", _file(), exc)


def remember_workspace(folder: str | Path) -> list[str]:
    data = load()
    folder = str(Path(folder).resolve())
    recent = [folder] + [f for f in data.get("recent_workspaces", []) if f != folder]
    data["recent_workspaces"] = recent[:MAX_RECENT]
    data["last_workspace"] = folder
    save(data)
    return data["recent_workspaces"]


def recent_workspaces() -> list[str]:
    return [f for f in load().get("recent_workspaces", []) if Path(f).is_dir()]


def last_workspace() -> str | None:
    f = load().get("last_workspace")
    return f if f and Path(f).is_dir() else None
