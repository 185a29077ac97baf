"""Render screenshots of the editor (offscreen) on the sample workspace into docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--fixed-rules]

Uses the real rule packs and dictionary by default (``--fixed-rules``: the small pack of the GUI
tests, for a quick run). The samples are copied to a temporary folder: nothing is written into
resources/. Fonts are whatever fontconfig offers (DejaVu on the Debian image); nothing is installed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = Path(tempfile.mkdtemp(prefix="tact-shots-"))
for _k in ("data", "config"):
    os.environ[f"TACT_{_k.upper()}_DIR"] = str(_TMP / _k)
os.environ.setdefault("TACT_LANG", "fr")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def wait(app, cond, timeout=180.0) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        app.processEvents()
        if cond():
            return True
        time.sleep(0.01)
    return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixed-rules", action="store_true")
    ap.add_argument("--post", default="04-brouillon-a-revoir.md")
    args = ap.parse_args()
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    import editor.ui  # noqa: F401 - applies the PySide workaround first
    from editor.ui.i18n import install_translators
    from editor.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    install_translators(app)
    engine = None
    if args.fixed_rules:
        from editor.compliance.engine import Engine
        from editor.compliance.rules import load_rules

        engine = Engine(load_rules(dirs=[ROOT / "tests" / "ui" / "rules_pack"], use_cache=False))
    workspace = _TMP / "Publications"
    shutil.copytree(ROOT / "resources" / "samples", workspace)
    w = MainWindow(engine=engine, spelling=not args.fixed_rules)
    w.resize(1440, 880)
    w.show()
    w.open_workspace(workspace, open_first=False)
    w.open_post(str(workspace / args.post))
    ok = wait(app, lambda: w.holder.speller_loaded and w.checker.up_to_date
              and w.previewer.up_to_date and not w.scanner.busy)
    if not ok:
        print("warning: checking did not finish in time", file=sys.stderr)
    wait(app, lambda: False, 0.3)
    OUT.mkdir(parents=True, exist_ok=True)
    shots = []
    p = OUT / "main-window.png"
    w.grab().save(str(p))
    shots.append(p)
    # The explanation of the first compliance finding
    marks = [m for m in w.editor.marks if m.finding.category != "spelling"]
    if marks:
        from editor.ui.dialogs import RuleDialog

        rule = w.holder.rules.rule(marks[0].finding.rule)
        d = RuleDialog(marks[0].finding, rule, w)
        d.show()
        wait(app, lambda: False, 0.2)
        p = OUT / "rule-explanation.png"
        d.grab().save(str(p))
        shots.append(p)
        d.close()
        # The context menu on a flagged passage
        c = QTextCursor(w.editor.document())
        c.setPosition(marks[0].start + 1)
        pos = w.editor.cursorRect(c).center()
        menu = w.editor.build_context_menu(pos)
        menu.popup(w.editor.viewport().mapToGlobal(pos + QPoint(4, 4)))
        wait(app, lambda: False, 0.2)
        p = OUT / "context-menu.png"
        menu.grab().save(str(p))
        shots.append(p)
        menu.close()
    for p in shots:
        print(p.relative_to(ROOT))
    w.editor.document().setModified(False)
    w.checker.runner.wait(5000)
    w.close()
    shutil.rmtree(_TMP, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
