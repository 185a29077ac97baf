"""``tact`` / ``tact open [PATH]``: start the desktop editor straight into the main window."""
from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from editor.paths import resources_dir, user_data_dir

log = logging.getLogger(__name__)


def sample_workspace() -> Path:
    """The sample posts, copied once into the user's data folder (the bundled ones stay
    read-only)."""
    bundled = resources_dir() / "samples"
    copy = user_data_dir() / "samples"
    if not copy.is_dir() and bundled.is_dir():
        tmp = copy.with_name(".samples.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(bundled, tmp)
        os.replace(tmp, copy)
    return copy if copy.is_dir() else bundled


def start_target(path: str | None) -> Path:
    """What to open: PATH, else the last workspace, else the sample workspace."""
    if path:
        return Path(path).expanduser()
    from editor import uistate as state

    last = state.last_workspace()
    return Path(last) if last else sample_workspace()


def _display_available() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def app_icon():
    """The application's icon (resources/icons/tact.svg), for the window and the task bar."""
    from PySide6.QtGui import QIcon

    return QIcon(str(resources_dir() / "icons" / "tact.svg"))


def quit_after_show_ms() -> int | None:
    """``TACT_QUIT_AFTER_SHOW_MS``: quit that many milliseconds after the window is shown (smoke
    tests of the installed or frozen program, start-up measurements)."""
    value = os.environ.get("TACT_QUIT_AFTER_SHOW_MS", "").strip()
    return max(0, int(value)) if value.isdigit() else None


def create_window(path: str | None = None, **kwargs):
    """The QApplication (created if needed, translators installed) and a main window on PATH."""
    from PySide6.QtWidgets import QApplication

    from editor.ui.i18n import install_translators
    from editor.ui.main_window import MainWindow

    # The GUI thread gets the interpreter back from a checking thread within 1 ms, not 5.
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Tact")
        app.setApplicationDisplayName("Tact")
        app.setOrganizationName("Tact")
        app.setDesktopFileName("tact")      # Wayland: matches packaging/linux/tact.desktop
        app.setWindowIcon(app_icon())
        install_translators(app)
    window = MainWindow(**kwargs)
    window.setWindowIcon(app_icon())
    # PATH; else the last workspace (« À relire » first for a reviewer); else the welcome page
    window.start(path)
    return app, window


def run(path: str | None = None) -> int:
    if not _display_available():
        print("tact: no display available (set DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM)",
              file=sys.stderr)
        return 2
    if path and not Path(path).expanduser().exists() and not path.endswith(".md"):
        print(f"{path}: no such file or folder", file=sys.stderr)
        return 2
    from PySide6.QtCore import QThreadPool, QTimer

    from editor.logs import configure, install_excepthook

    configure(logging.INFO)
    install_excepthook()
    app, window = create_window(path)
    window.show()
    quit_ms = quit_after_show_ms()
    if quit_ms is None:
        QTimer.singleShot(0, window.offer_recovery)
    else:                   # automated run: no modal recovery prompt, quit once shown
        QTimer.singleShot(quit_ms, app.quit)
    status = app.exec()
    # The window is gone; a job still running (its result is dropped) ends before the
    # interpreter does, never in the middle of its shutdown. Jobs not started yet never start.
    pool = QThreadPool.globalInstance()
    pool.clear()
    if not pool.waitForDone(30_000):
        log.warning("background jobs still running 30 s after the window closed")
    return status
