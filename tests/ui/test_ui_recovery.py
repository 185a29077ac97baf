"""Recovery drafts: a real editor process killed with SIGKILL while it holds unsaved text."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from uihelpers import post

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from editor.compliance.engine import Engine
from editor.compliance.rules import load_rules
from editor.ui.main_window import MainWindow

engine = Engine(load_rules(dirs=[Path(sys.argv[2])], use_cache=False))
w = MainWindow(engine=engine, spelling=False)
w.open_path(sys.argv[1])
w.show()

def type_text():
    w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
    for ch in "Texte tapé juste avant la panne 😀 !":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(w.editor, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                       Qt.KeyboardModifier.NoModifier, ch))
    print("TYPED", flush=True)

QTimer.singleShot(100, type_text)
sys.exit(app.exec())
"""


def test_killed_process_leaves_a_draft_that_the_next_start_restores(tmp_path, user_dirs,
                                                                    make_window, prompter):
    from conftest import PACK

    p = post(tmp_path, "p.md", "Texte enregistré.\n")
    saved = p.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TACT_DRAFT_INTERVAL_MS="300")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(p), str(PACK)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    drafts = Path(os.environ["TACT_DATA_DIR"]) / "drafts"
    try:
        deadline = time.monotonic() + 60
        found = None
        while time.monotonic() < deadline and found is None:
            assert child.poll() is None, child.stderr.read()
            for f in drafts.glob("*.json") if drafts.is_dir() else []:
                try:
                    d = json.loads(f.read_text("utf-8"))
                except ValueError:
                    continue
                if "juste avant la panne 😀 !" in d["text"]:
                    found = f
            time.sleep(0.1)
        assert found is not None, "no recovery draft written"
        assert p.read_bytes() == saved        # the user's file is never touched by drafts
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    w = make_window()
    assert w.offer_recovery() == 1
    assert prompter.calls[0] == ("restore_drafts", ("p.md",))
    assert w.session.path == p.resolve()
    assert w.editor.text() == "---\ntitle: p\nnetworks: [instagram, x]\nstatus: brouillon\n---\n" \
                              "Texte enregistré.\nTexte tapé juste avant la panne 😀 !"
    assert w.session.modified and p.read_bytes() == saved
    assert w.save()
    assert p.read_text(encoding="utf-8").endswith("la panne 😀 !")
    assert not list(drafts.glob("*.json"))     # saved: the draft is gone


def test_declined_restore_discards_and_live_drafts_are_not_offered(tmp_path, user_dirs,
                                                                   make_window, prompter):
    from editor.document.drafts import DraftStore

    store = DraftStore()
    store.write("dead", str(tmp_path / "x.md"), "texte perdu")
    f = store.folder / "dead.json"
    d = json.loads(f.read_text("utf-8"))
    d["pid"] = 2 ** 22 + 12345          # no such process
    f.write_text(json.dumps(d), encoding="utf-8")
    store.write("alive", None, "texte d'une autre fenêtre ouverte")   # our own pid: alive
    w = make_window()
    prompter.restore_answer = False
    assert w.offer_recovery() == 0
    assert prompter.calls == [("restore_drafts", ("x.md",))]
    assert not f.exists() and (store.folder / "alive.json").exists()


def test_drafts_are_written_for_unsaved_text_and_removed_on_save(tmp_path, make_window):
    w = make_window()
    p = post(tmp_path, "p.md", "A\n")
    w.open_path(p)
    w.session.write_draft()
    assert not list(w.session.drafts.folder.glob("*.json"))     # nothing unsaved
    from uihelpers import type_text

    type_text(w.editor, "B")
    w.session.write_draft()
    [draft] = list(w.session.drafts.folder.glob("*.json"))
    assert "B" in json.loads(draft.read_text("utf-8"))["text"]
    assert w.save()
    assert not draft.exists()
