"""Where the project is, and running the `tact` command, for tests that need them by import.

Tests import these from here, not from ``conftest``: with both tests/conftest.py and
tests/ui/conftest.py, the module name ``conftest`` is whichever pytest loaded first.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def run_tact(*args, cwd=None, env=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=e, timeout=300)
