"""Exporting from the window: the folder dialog is the export's (not « Ouvrir un espace de
travail »), starts on the workspace's exports folder, and success offers « Ouvrir le dossier »."""
from uihelpers import post


def test_export_asks_for_its_folder_then_offers_to_open_it(window, prompter, tmp_path, qtbot,
                                                         monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = post(tmp_path, "rhino.md", "La rhinoplastie se discute en consultation.\n",
                networks="[instagram]")
    assert window.open_path(path)
    out = tmp_path / "sortie"
    out.mkdir()
    prompter.file_answer = str(out)
    window.network_panel.export()
    asked = [c for c in prompter.calls if c[0] == "export_folder"]
    assert len(asked) == 1 and not [c for c in prompter.calls if c[0] == "open_folder"]
    qtbot.waitUntil(lambda: any(c[0] == "exported" for c in prompter.calls), timeout=30000)
    said = next(c[1] for c in prompter.calls if c[0] == "exported")
    assert said.startswith("Exporté dans") and str(out) in said
    assert opened == []                   # the test prompter answers « Fermer »
    # « Ouvrir le dossier »: the system's file manager is asked to show the export's folder
    monkeypatch.setattr(prompter, "exported", lambda text: True)
    window.network_panel.export()
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    assert opened[0].toLocalFile().startswith(str(out))


def test_the_export_folder_dialog_is_titled_for_the_export(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from editor.ui.prompts import Prompter

    seen = {}

    def fake(parent, title, folder):
        seen.update(title=title, folder=folder)
        return ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", fake)
    assert Prompter(None).export_folder("/tmp/exports") is None
    assert seen == {"title": "Choisir le dossier d’export", "folder": "/tmp/exports"}
