"""Per-network preview, « Copier pour … » and « Exporter… » in the window (real widgets)."""
from __future__ import annotations

import json

from PySide6.QtGui import QGuiApplication
from uihelpers import post

LONG = ("# Rhinoplastie : ce qu'il faut savoir\n\n"
        "La **rhinoplastie** modifie la forme du nez. Elle se discute longuement en consultation, "
        "avec un délai de réflexion de quinze jours au moins.\n\n"
        "- anesthésie générale\n- une semaine d'éviction sociale\n\n#chirurgie #information\n")


def _open(window, tmp_path, body, networks="[instagram, x]", name="rhino.md"):
    path = post(tmp_path, name, body, networks)
    assert window.open_path(path)
    window.network_dock.show()
    window.network_dock.raise_()
    return path


def test_preview_shows_the_converted_text_the_fold_and_the_counter(window, tmp_path):
    from editor.export.preview import cards, preview, shown_text

    _open(window, tmp_path, LONG)
    panel = window.network_panel
    assert panel.combo.currentData() == "instagram"          # the post's first network first
    panel.set_network("instagram")
    expected = preview(window.editor.text(), "instagram")
    assert expected.fold is not None
    shown = panel.preview_text()
    assert not shown.lstrip().startswith("#")                # no heading turned into a hashtag
    assert shown == shown_text(cards(expected)[0]) and shown.endswith(" … plus")
    assert "anesthésie" not in shown                         # below the fold until clicked
    card = panel.card_widgets()[0]
    card.text.linkActivated.emit("more")                     # « … plus » clicked
    shown = panel.preview_text()
    assert shown == expected.text and "**" not in shown and "• anesthésie générale" in shown
    assert "… plus" not in panel.view.toPlainText()
    assert panel.counter.text().endswith(f"{expected.count}\u202f/\u202f2\u202f200</span>")
    assert panel.copy_b.text() == "Copier pour Instagram"
    # Another network, its own counter and button
    panel.set_network("x")
    assert panel.copy_b.text().startswith("Copier pour X")
    assert panel.current.limit == 280


def test_copy_for_instagram_puts_the_converted_text_on_the_clipboard(window, tmp_path):
    path = _open(window, tmp_path, LONG)
    panel = window.network_panel
    panel.set_network("instagram")
    QGuiApplication.clipboard().setText("ancien contenu")
    assert panel.copy()
    copied = QGuiApplication.clipboard().text()
    assert copied == panel.current.clipboard_text
    assert copied.startswith("Rhinoplastie") and "**" not in copied
    assert "#chirurgie" in copied
    from editor.export.archive import find_workspace, records_for

    recs = records_for(find_workspace(path), str(path))
    assert recs and recs[-1]["kind"] == "copy"
    assert recs[-1]["networks"]["instagram"]["text"] == copied


def test_export_gate_refuses_and_lists_the_blocking_findings(window, tmp_path, prompter):
    _open(window, tmp_path, "Offre : -20 % sur les injections.\n", networks="[instagram]")
    out = tmp_path / "sortie"
    out.mkdir()
    result = window.network_panel.export(str(out))
    assert result is not None and result.refused
    errors = [c for c in prompter.calls if c[0] == "error"]
    assert errors and errors[-1][1] == "Export refusé" and "-20 %" in errors[-1][2]
    assert list(out.iterdir()) == []                          # nothing written


def test_export_writes_the_network_texts(window, tmp_path, prompter):
    _open(window, tmp_path, LONG, networks="[instagram, linkedin]")
    out = tmp_path / "sortie"
    out.mkdir()
    result = window.network_panel.export(str(out))
    assert result is not None and result.ok, (result.refused, result.problems)
    folder = result.posts[0].folder
    text = (folder / "instagram.txt").read_text("utf-8")
    assert text.startswith("Rhinoplastie") and "**" not in text
    assert (folder / "linkedin.txt").exists()
    report = json.loads((folder / "rapport-conformite.json").read_text("utf-8"))
    assert report
    assert not [c for c in prompter.calls if c[0] == "error"]


def test_copy_menu_has_one_action_per_network(window, tmp_path):
    from editor.export.preview import preview

    _open(window, tmp_path, LONG, networks="[instagram, linkedin]")
    menu = window.copy_menu
    window.network_panel.fill_copy_menu(menu)
    labels = [a.text() for a in menu.actions()]
    assert labels[:2] == ["Copier pour Instagram", "Copier pour LinkedIn"]
    assert "Copier pour X" in labels
    next(a for a in menu.actions() if a.text() == "Copier pour LinkedIn").trigger()
    assert QGuiApplication.clipboard().text() == preview(window.editor.text(),
                                                         "linkedin").clipboard_text


def test_exports_dialog_shows_what_was_published_against_the_approved_text(window, tmp_path,
                                                                           qtbot):
    from editor.ui.exports_dialog import ExportsDialog

    path = _open(window, tmp_path, LONG, networks="[instagram]")
    window.network_panel.set_network("instagram")
    assert window.network_panel.copy()
    dlg = ExportsDialog(path, window)
    qtbot.addWidget(dlg)
    assert dlg.record_combo.count() == 1 and "copie (instagram)" in dlg.record_combo.itemText(0)
    assert dlg.network_combo.currentData() == "instagram"
    html = dlg.view.toHtml()
    assert "line-through" in html                 # the Markdown markup removed for Instagram
    assert "Rhinoplastie" in dlg.view.toPlainText()


def test_a_thread_is_counted_per_part_with_no_excess(window, tmp_path):
    """X splits a long post into numbered parts that each fit: the counter shows the parts and
    the longest one, not a red total, and says nothing is « de trop »."""
    from editor.export.counting import count
    from editor.export.preview import preview

    body = ("La rhinoplastie se discute longuement en consultation, avec un délai de réflexion "
            "de quinze jours au moins. " * 6).strip() + "\n"
    _open(window, tmp_path, body, networks="[x]")
    panel = window.network_panel
    panel.set_network("x")
    p = preview(window.editor.text(), "x")
    assert p.count > 280 and len(p.parts) > 1
    longest = max(count(part, p.profile) for part in p.parts)
    counter = panel.counter.text()
    assert f"{len(p.parts)} parties, la plus longue {longest}\u202f/\u202f280" in counter
    assert "#2b7a3d" in counter                          # green: every part fits
    assert "de trop" not in panel.info.text()
    assert f"Exporté en fil de {len(p.parts)} messages numérotés." in panel.info.text()
