"""Start-up: straight into the main window, on PATH, the last workspace or the samples."""
import subprocess
import sys

from uihelpers import post


def test_first_start_opens_a_copy_of_the_samples(user_dirs, qtbot, monkeypatch):
    from editor.paths import resources_dir, user_data_dir
    from editor.ui import app as ui_app

    bundled = resources_dir() / "samples"
    before = {p: p.stat().st_mtime_ns for p in bundled.rglob("*") if p.is_file()}
    target = ui_app.start_target(None)
    assert target == user_data_dir() / "samples"
    assert (sorted(p.name for p in target.glob("*.md"))
            == sorted(p.name for p in bundled.glob("*.md")))
    assert {p: p.stat().st_mtime_ns for p in bundled.rglob("*") if p.is_file()} == before


def test_open_a_file_or_a_folder(make_window, tmp_path):
    a = post(tmp_path, "a.md", "A\n")
    post(tmp_path, "b.md", "B\n")
    w = make_window()
    assert w.open_path(str(tmp_path / "b.md"))
    assert w.session.path.name == "b.md" and w.workspace == tmp_path.resolve()
    assert len(w.workspace_panel.infos) == 2
    w2 = make_window()
    assert w2.open_path(str(tmp_path))
    assert w2.session.path == a.resolve()


def test_last_workspace_is_reopened(user_dirs, tmp_path, make_window):
    from editor.ui import app as ui_app

    make_window().open_workspace(tmp_path)
    assert ui_app.start_target(None) == tmp_path.resolve()


def test_run_without_display_fails_cleanly(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TACT_DATA_DIR": str(tmp_path),
           "TACT_CONFIG_DIR": str(tmp_path), "TACT_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "editor", "open", str(tmp_path)], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "no display" in r.stderr


def test_english_translation(qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from editor.ui.i18n import translations_dir

    qm = translations_dir() / "tact_en.qm"
    assert qm.is_file(), "run scripts/translations.py"
    t = QTranslator()
    assert t.load(str(qm))
    app = QCoreApplication.instance()
    app.installTranslator(t)
    try:
        assert QCoreApplication.translate("actions", "&Fichier") == "&File"
        assert QCoreApplication.translate("labels", "Erreur") == "Error"
    finally:
        app.removeTranslator(t)


def test_english_interface_follows_the_language(make_window):
    from PySide6.QtWidgets import QApplication

    from editor.ui.i18n import install_translators

    app = QApplication.instance()
    installed = install_translators(app, "en")
    try:
        w = make_window()
        from PySide6.QtCore import QCoreApplication

        menus = [a.text() for a in w.menuBar().actions()]
        # « Relecture » (F8, accept, submit, approve): « &Review » once the lead's translation
        # run has added it to tact_en.ts
        assert menus == ["&File", "&Edit", "&View",
                         QCoreApplication.translate("actions", "&Relecture"), "&Help"]
        assert w.findings_dock.windowTitle() == "Findings"
    finally:
        for t in installed:
            app.removeTranslator(t)
        app.setProperty("tact_language", None)    # the next tests run in French again
        from editor.ui import labels

        labels.clear_cache()


def test_quit_after_show_hook_exits_cleanly(tmp_path):
    """The smoke test of the installed or frozen program: shown, then a clean exit. In a child
    process: quitting the application would stop this session's Qt thread pool."""
    import os

    post(tmp_path, "a.md", "Bonjour\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TACT_QUIT_AFTER_SHOW_MS="0",
               TACT_DATA_DIR=str(tmp_path / "d"), TACT_CACHE_DIR=str(tmp_path / "c"),
               TACT_CONFIG_DIR=str(tmp_path / "f"))
    r = subprocess.run([sys.executable, "-m", "editor", "open", str(tmp_path / "a.md")], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr


def test_window_has_the_application_icon(user_dirs, tmp_path, qtbot):
    from editor.ui import app as ui_app

    post(tmp_path, "a.md", "Bonjour\n")
    _app, window = ui_app.create_window(str(tmp_path))
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert window.windowIcon().pixmap(32, 32).width() == 32


def test_quit_after_show_ignores_garbage(monkeypatch):
    from editor.ui import app as ui_app

    monkeypatch.delenv("TACT_QUIT_AFTER_SHOW_MS", raising=False)
    assert ui_app.quit_after_show_ms() is None
    monkeypatch.setenv("TACT_QUIT_AFTER_SHOW_MS", "soon")
    assert ui_app.quit_after_show_ms() is None
    monkeypatch.setenv("TACT_QUIT_AFTER_SHOW_MS", "250")
    assert ui_app.quit_after_show_ms() == 250
