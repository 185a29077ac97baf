import os
import tempfile
from pathlib import Path

import pytest

# Qt never needs a display in tests; the per-user folders of the app are private to the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_RUN_DIR = Path(tempfile.mkdtemp(prefix="tact-tests-"))
for kind in ("data", "cache", "config"):
    os.environ.setdefault(f"TACT_{kind.upper()}_DIR", str(_RUN_DIR / kind))

from project_paths import run_tact  # noqa: E402 (after the environment is set)


@pytest.fixture(scope="session")
def engine():
    from editor.compliance.service import make_engine

    eng, errors = make_engine(spelling=False, images=False)   # pixels: tests/test_vision_*
    assert not errors, errors
    return eng


@pytest.fixture(scope="session")
def full_engine():
    from editor.compliance.service import make_engine

    eng, errors = make_engine(spelling=True)
    assert not errors, errors
    return eng


@pytest.fixture
def tact():
    return run_tact


@pytest.fixture
def event_log(tmp_path, monkeypatch):
    """``editor.logs`` writing to ``tmp_path/log`` for one test; the logging setup is restored."""
    import logging

    from editor import logs

    monkeypatch.setenv("TACT_LOG_DIR", str(tmp_path / "log"))
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), logs._handler, logs._path)
    yield logs
    if logs._handler is not None:
        root.removeHandler(logs._handler)
        logs._handler.close()
    root.setLevel(saved[0])
    root.handlers[:] = saved[1]
    logs._handler, logs._path = saved[2], saved[3]


@pytest.fixture
def tesseract_runs(monkeypatch):
    """The tesseract processes started to read pages (not the availability check), in order."""
    ocr = pytest.importorskip("editor.vision.ocr")
    started = []
    real = ocr.subprocess.Popen

    def counting(command, *args, **kwargs):
        process = real(command, *args, **kwargs)
        if "stdin" in command:
            started.append(process)
        return process

    monkeypatch.setattr(ocr.subprocess, "Popen", counting)
    return started
