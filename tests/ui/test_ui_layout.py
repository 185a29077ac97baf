"""An editor-first window: the text and its preview take at least half of a 1366×768 screen and
the window fits it; the layout, splitter and geometry are remembered; a tool bar with the day's
actions; who is acting is always shown and can be switched (two people, one computer)."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from uihelpers import post

SCREEN_1366 = QRect(0, 0, 1366, 728)      # 1366×768 less a 40-pixel task bar


def shown(dock) -> bool:
    """The dock's tab is the one in front (tabified docks all report isVisible())."""
    return not dock.visibleRegion().isEmpty()


def answer_profile_dialog(name: str, role: str, seen: list):
    """Fill in the profile dialog the next action opens, and save it."""
    def poll():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, poll)
            return
        seen.append((dlg.objectName(), dlg.name_edit.text()))
        dlg.name_edit.setText(name)
        dlg.role_edit.setText(role)
        dlg.accept()
    QTimer.singleShot(10, poll)


# -- layout ----------------------------------------------------------------------------------------
def test_the_default_layout_on_1366x768_gives_the_text_and_preview_half_the_width(window, qtbot):
    window.apply_default_layout(SCREEN_1366)
    qtbot.waitUntil(lambda: window.width() == 1366, timeout=2000)
    QApplication.processEvents()
    from editor.ui.main_window import TITLE_BAR

    # The window fits the screen, title bar included, and could be made smaller still.
    assert window.width() <= 1366 and window.height() + TITLE_BAR <= 728
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() + TITLE_BAR <= 728
    editor_w, preview_w = window.editor.width(), window.preview_pane.width()
    assert editor_w + preview_w >= 1366 // 2, (editor_w, preview_w)
    assert editor_w >= preview_w >= 250
    # The bar over the text, the post list on the left, the findings in front on the right.
    assert window.front_matter_bar.isVisible()
    assert window.front_matter_bar.geometry().bottom() < window.splitter.geometry().top()
    assert shown(window.workspace_dock) and shown(window.findings_dock)
    editor_x = window.editor.mapTo(window, window.editor.rect().topLeft()).x()
    preview_x = window.preview_pane.mapTo(window, window.preview_pane.rect().topLeft()).x()
    assert window.workspace_dock.x() < editor_x
    assert window.findings_dock.x() > preview_x
    assert not shown(window.review_dock) and not shown(window.network_dock)
    # On a larger screen the window stays a comfortable size, the middle still half of it.
    window.apply_default_layout(QRect(0, 0, 1920, 1040))
    QApplication.processEvents()
    assert window.width() == 1440
    assert window.editor.width() + window.preview_pane.width() >= 1440 // 2


def test_layout_splitter_and_geometry_are_remembered(make_window, qtbot):
    first = make_window()
    first.resize(790, 600)
    first.review_dock.raise_()
    QApplication.processEvents()
    first.splitter.setSizes([200, 150])
    QApplication.processEvents()
    sizes, size = first.splitter.sizes(), first.size()
    assert shown(first.review_dock)
    first.close()
    assert not first.isVisible()
    second = make_window()
    QApplication.processEvents()
    assert second.size() == size
    assert second.splitter.sizes() == sizes
    assert shown(second.review_dock) and not shown(second.findings_dock)


def test_a_layout_from_another_version_is_ignored(make_window, user_dirs):
    from editor.ui.main_window import STATE_KEY
    from editor.ui.settings import settings

    s = settings()
    s.setValue(STATE_KEY, "not a layout")
    s.setValue("window/geometry", "nor a geometry")
    s.sync()
    w = make_window()
    QApplication.processEvents()
    assert w.editor.width() > 0 and shown(w.findings_dock)


# -- tool bar --------------------------------------------------------------------------------------
def test_the_toolbar_offers_the_days_actions_with_their_shortcuts(window, qtbot):
    bar = window.toolbar
    acts = [a for a in bar.actions() if a in window.actions.values()]
    assert [a.iconText() for a in acts] == ["Soumettre", "Approuver", "Aperçu par réseau",
                                            "Exporter"]
    assert [a for a in acts] == [window.actions[n] for n in
                                 ("submit", "approve", "network_preview", "export")]
    for a in acts:
        keys = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys and f"({keys})" in a.toolTip(), a.toolTip()
    assert "Soumettre la publication à la relecture" in window.actions["submit"].toolTip()
    # Always there: the bar can be neither hidden from the menus nor moved away.
    assert not bar.toggleViewAction().isVisible() and not bar.isMovable()
    assert bar.widgetForAction(window.actions["submit"]).objectName() == "toolbar_submit"
    # No two actions share a shortcut (the new one included).
    keys = [k.toString() for a in window.actions.values() for k in a.shortcuts()]
    assert len(keys) == len(set(keys))


def test_apercu_par_reseau_brings_its_tab_forward_and_back(window, tmp_path, qtbot):
    assert window.open_path(post(tmp_path, "p.md", "Bonjour à tous.\n"))
    button = window.toolbar.widgetForAction(window.actions["network_preview"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert shown(window.network_dock) and window.actions["network_preview"].isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert shown(window.findings_dock) and not window.actions["network_preview"].isChecked()
    qtbot.keyClick(window.editor, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert shown(window.network_dock)


# -- who is acting ---------------------------------------------------------------------------------
def test_who_is_acting_is_shown_and_set_from_the_toolbar(window, qtbot, user_dirs):
    from editor.review.profile import load_profile

    button = window.profile_button
    assert button.isVisible() and button.parent() is window.toolbar
    assert button.text() == "Profil\u00a0: à choisir"
    seen = []
    answer_profile_dialog("Dr Claire Martin", "chirurgienne", seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)     # the existing profile dialog
    assert seen == [("profileDialog", "")]
    assert button.text() == "Profil\u00a0: Dr Claire Martin, chirurgienne"
    assert "Dr Claire Martin" in button.toolTip() and "deux personnes" in button.toolTip()
    assert load_profile()[0].name == "Dr Claire Martin"
    # The review panel's « Profil… » changes it too: the tool bar follows.
    answer_profile_dialog("Dr Claire Martin-Roux", "chirurgienne", seen)
    window.review_panel.profile_b.click()
    assert button.text() == "Profil\u00a0: Dr Claire Martin-Roux, chirurgienne"


def test_two_people_share_one_computer_by_switching_profile(window, tmp_path, qtbot,
                                                            user_dirs):
    from editor.review.profile import load_profile

    seen = []
    answer_profile_dialog("Dr Claire Martin", "chirurgienne", seen)
    assert window.edit_profile()
    assert window.open_path(post(tmp_path, "tabac.md", "Le tabac retarde la cicatrisation.\n"))
    window.check_now()
    window.actions["submit"].trigger()                      # « Soumettre », as Claire
    assert window.review_state == "review"
    # Inès, the assistant, introduces herself once (« Autre personne… »)…
    window._fill_profile_menu()
    other = next(a for a in window.profile_menu.actions() if a.text() == "Autre personne…")
    answer_profile_dialog("Inès Dubois", "assistante", seen)
    other.trigger()
    assert seen[-1] == ("profileDialog", "")                # a blank profile for her
    assert window.profile_button.text() == "Profil\u00a0: Inès Dubois, assistante"
    assert window.known_profiles() == [("Inès Dubois", "assistante"),
                                       ("Dr Claire Martin", "chirurgienne")]
    window.actions["approve"].trigger()                     # « Approuver », as Inès
    assert window.review_state == "approved"
    assert "Inès Dubois" in window.review_panel.state_label.text()
    # …and Claire takes the chair back in one click (no dialog).
    window._fill_profile_menu()
    items = {a.text(): a for a in window.profile_menu.actions() if a.isCheckable()}
    assert items["Inès Dubois, assistante"].isChecked()
    assert not items["Dr Claire Martin, chirurgienne"].isChecked()
    items["Dr Claire Martin, chirurgienne"].trigger()
    assert load_profile()[0].name == "Dr Claire Martin"
    assert load_profile()[0].mode == "pair"                 # the team's review mode is kept
    assert window.profile_button.text() == "Profil\u00a0: Dr Claire Martin, chirurgienne"
    assert "Dr Claire Martin" in window.statusBar().currentMessage()
