"""Where the program finds its bundled data (rules, resources) and the user's folders.

Three layouts are supported: a source checkout / editable install (data at the repository root),
an installed wheel (data copied into ``editor/_data`` by ``setup.py``), and a PyInstaller bundle
(data under ``sys._MEIPASS``).
"""
from __future__ import annotations

import os
import re
import sys
from functools import cache
from pathlib import Path

APP_NAME = "tact"


@cache
def data_root() -> Path:
    """Folder holding ``rules/`` and ``resources/``."""
    packaged = Path(__file__).resolve().parent / "_data"
    if packaged.is_dir():
        return packaged
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "rules").is_dir():
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


_VERSION = re.compile(r"""__version__\s*=\s*["']([^"']+)["']""")


def package_file(package: str, name: str) -> Path | None:
    """A file of an installed package, found on ``sys.path`` without importing the package: at
    start-up, an import or :mod:`importlib.metadata` would cost tens of milliseconds."""
    for entry in sys.path:
        path = Path(entry or ".") / package / name
        if path.is_file():
            return path
    return None


def package_version(package: str, name: str) -> str | None:
    """The ``__version__ = "..."`` that the package's file ``name`` declares, read without
    importing it; None when the file is not there (a frozen application) or declares none."""
    path = package_file(package, name)
    try:
        m = _VERSION.search(path.read_text(encoding="utf-8")) if path else None
    except OSError:
        return None
    return m.group(1) if m else None


def rules_dir() -> Path:
    return data_root() / "rules"


def resources_dir() -> Path:
    return data_root() / "resources"


def _platform_dir(kind: str) -> Path:
    override = os.environ.get(f"TACT_{kind.upper()}_DIR")
    if override:
        return Path(override)
    import platformdirs

    getter = {"data": platformdirs.user_data_dir, "cache": platformdirs.user_cache_dir,
              "config": platformdirs.user_config_dir, "state": platformdirs.user_state_dir}[kind]
    return Path(getter(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """Per-user data: user dictionary, rule packs downloaded later, recovery drafts."""
    return _platform_dir("data")


def user_cache_dir() -> Path:
    """Per-user cache: compiled rule sets, spelling word lists."""
    return _platform_dir("cache")


def user_config_dir() -> Path:
    """Per-user settings (rule overrides, profile)."""
    return _platform_dir("config")


def user_state_dir() -> Path:
    """Per-user state that is neither settings nor cache: the event log."""
    return _platform_dir("state")


def user_log_dir() -> Path:
    """The event log's folder: ``TACT_LOG_DIR``, else ``log/`` in the state folder. When only the
    data folder is redirected (``TACT_DATA_DIR``: tests, portable runs), the log follows it, so a
    redirected run never writes into the real user's folders."""
    override = os.environ.get("TACT_LOG_DIR")
    if override:
        return Path(override)
    if not os.environ.get("TACT_STATE_DIR") and os.environ.get("TACT_DATA_DIR"):
        return Path(os.environ["TACT_DATA_DIR"]) / "log"
    return user_state_dir() / "log"
