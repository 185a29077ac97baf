"""Fixtures for the editor's GUI tests (pytest-qt, offscreen)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication  # noqa: E402

import editor.ui  # noqa: E402,F401 - applies the PySide6 6.12 / Python 3.11 None workaround

# Created at collection time, before any test runs: code that paints on demand (the PDF export)
# reuses the running application, and a QGuiApplication created first would make every QWidget
# of these tests abort the interpreter.
_APP = QApplication.instance() or QApplication(["tact-tests"])

PACK = Path(__file__).resolve().parent / "rules_pack"


@pytest.fixture(scope="session")
def ui_engine():
    """A fixed rule pack (the real packs change under other work): discount, superlative, info."""
    from editor.compliance.engine import Engine
    from editor.compliance.rules import load_rules

    rs = load_rules(dirs=[PACK], use_cache=False)
    assert not rs.errors, rs.errors
    return Engine(rs)


@pytest.fixture(scope="session")
def speller():
    try:
        from editor.spelling import default_speller

        return default_speller()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"spelling unavailable: {exc}")


@pytest.fixture
def user_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("user")
    for kind in ("data", "cache", "config"):
        d = base / kind
        monkeypatch.setenv(f"TACT_{kind.upper()}_DIR", str(d))
    return base


class FakePrompter:
    """Answers every question the window asks, and records it."""
    SAVE, DISCARD, CANCEL = "save", "discard", "cancel"

    def __init__(self) -> None:
        self.parent = None
        self.calls: list[tuple] = []
        self.save_answer = self.DISCARD
        self.reload_answer = False
        self.overwrite_answer = True
        self.restore_answer = True
        self.link_answer = False
        self.text_answer: str | None = None
        self.file_answer: str | None = None
        self.confirm_answer = True

    def save_changes(self, name):
        self.calls.append(("save_changes", name))
        return self.save_answer

    def reload_external(self, name):
        self.calls.append(("reload_external", name))
        return self.reload_answer

    def overwrite_external(self, name):
        self.calls.append(("overwrite_external", name))
        return self.overwrite_answer

    def restore_drafts(self, names):
        self.calls.append(("restore_drafts", tuple(names)))
        return self.restore_answer

    def open_link(self, url):
        self.calls.append(("open_link", url))
        return self.link_answer

    def confirm(self, title, text, informative, action):
        self.calls.append(("confirm", title, text))
        return self.confirm_answer

    def error(self, title, text):
        self.calls.append(("error", title, text))

    def text(self, title, label, default=""):
        self.calls.append(("text", title))
        return self.text_answer

    def open_file(self, folder):
        return self.file_answer

    def export_folder(self, folder):
        self.calls.append(("export_folder", folder))
        return self.file_answer

    def exported(self, text):
        self.calls.append(("exported", text))
        return False          # « Fermer »: no file manager opened by the tests

    def open_folder(self, folder):
        return self.file_answer

    def save_file(self, folder):
        self.calls.append(("save_file", folder))
        return self.file_answer

    def kinds(self):
        return [c[0] for c in self.calls]


@pytest.fixture
def prompter():
    return FakePrompter()


@pytest.fixture
def make_window(qtbot, ui_engine, prompter, user_dirs):
    from editor.ui.main_window import MainWindow

    made = []

    def make(synchronous=True, engine=None, **kw):
        w = MainWindow(engine=engine or ui_engine, prompter=prompter, synchronous=synchronous,
                       spelling=False, **kw)
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.editor.document().setModified(False)
        w.checker.runner.wait(5000)


@pytest.fixture
def window(make_window):
    return make_window()
