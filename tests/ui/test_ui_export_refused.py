"""A refused export: the gate runs before any dialog (no save or folder dialog for an export that
would be refused), and the refusal lists each open problem as its quoted passage and what is
wrong in plain French (no rule id, no hash, no line number), with « Aller au passage », which
closes the dialog and selects that passage in the editor."""
import re

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from uihelpers import post

TWO = ("Offre : -20 % sur les injections.\n\n"
       "Un délai de réflexion est prévu.\n\n"
       "Code promo PRINTEMPS valable ce mois-ci.\n")


@pytest.fixture
def refusals(prompter):
    """The prompter answers the refusal with « Aller au passage » on ``choice`` (None: Fermer)."""
    seen = []
    prompter.choice = None

    def export_refused(problems):
        seen.append(list(problems))
        prompter.calls.append(("export_refused", len(problems)))
        return prompter.choice

    prompter.export_refused = export_refused
    return seen


def _open(window, tmp_path, body, name="offre.md"):
    path = post(tmp_path, name, body, networks="[instagram]")
    assert window.open_path(path)
    return path


def test_the_gate_refuses_before_any_dialog(window, tmp_path, prompter, refusals):
    _open(window, tmp_path, TWO)
    window.editor.insertPlainText("Modifié. ")         # unsaved: still no save dialog first
    assert window.export_post() is None
    assert prompter.kinds() == ["export_refused"]      # no save, folder nor confirmation dialog
    [problems] = refusals
    assert [p.passage for p in problems] == ["-20 %", "Code promo"]


def test_the_refusal_speaks_plain_french_with_a_button_per_passage(window, tmp_path, refusals,
                                                                   qtbot):
    from editor.ui.exports_dialog import ExportRefusedDialog

    _open(window, tmp_path, TWO)
    window.export_post()
    [problems] = refusals
    dlg = ExportRefusedDialog(problems, window)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Export refusé"
    text = dlg.shown_text()
    assert text.startswith("Rien n’a été exporté\u00a0: 2 passages doivent être corrigés")
    assert "«\u00a0-20 %\u00a0»" in text and "«\u00a0Code promo\u00a0»" in text
    assert text.count("Promotion ou réduction de prix sur un acte médical.") == 2
    # no rule id, category id, hash, offsets or line numbers
    for leak in ("test.discount", "pricing", "ligne", "colonne", "error"):
        assert leak not in text
    assert not re.search(r"[0-9a-f]{12,}", text)
    assert [b.text() for b in dlg.findChildren(QPushButton) if b in dlg.go_buttons] == \
        ["Aller au passage"] * 2


def test_aller_au_passage_closes_and_selects_the_passage(window, tmp_path, prompter, qtbot,
                                                         monkeypatch):
    from editor.ui.exports_dialog import ExportRefusedDialog
    from editor.ui.prompts import Prompter

    _open(window, tmp_path, TWO)
    shown = []

    def click_second(dlg):               # the user clicks the second « Aller au passage »
        shown.append(dlg)
        dlg.go_buttons[1].click()
        return dlg.result()

    monkeypatch.setattr(ExportRefusedDialog, "exec", click_second)
    prompter.export_refused = Prompter(window).export_refused     # the real dialog
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    assert window.export_post() is None
    [dlg] = shown
    assert dlg.chosen == 1 and not dlg.isVisible()
    assert window.editor.textCursor().selectedText() == "Code promo"
    # the card of that problem is the current one (decisions are about it)
    assert window.findings_panel.current_item().passage == "Code promo"


def test_going_to_the_first_passage(window, tmp_path, prompter, refusals):
    _open(window, tmp_path, TWO)
    prompter.choice = 0
    window.export_post()
    assert window.editor.textCursor().selectedText() == "-20 %"
    assert window.findings_panel.current_item().passage == "-20 %"
    assert window.editor.isVisible()


def test_an_accepted_problem_no_longer_blocks(window, tmp_path, prompter, refusals, ui_engine):
    from editor.review.session import ReviewSession

    body = "Offre : -20 % sur les injections.\n"
    path = _open(window, tmp_path, body)
    text = window.editor.text()
    discount = next(f for f in ui_engine.check(text).findings if f.rule == "test.discount")
    assert ReviewSession(path).accept(text, discount, "autre", "Archive d'une offre passée.",
                                      "Inès Dubois").ok
    window.export_post()
    assert refusals == []
    assert "export_folder" in prompter.kinds()          # on to the export's own questions


def test_two_person_mode_says_the_post_is_not_approved(window, tmp_path, prompter, refusals,
                                                       qtbot):
    from editor.review.model import PAIR
    from editor.review.profile import Profile, save_profile
    from editor.ui.exports_dialog import ExportRefusedDialog

    assert save_profile(Profile("Inès Dubois", "assistante", PAIR)) is None
    _open(window, tmp_path, "Offre : -20 % sur les injections.\n")
    window.export_post()
    [problems] = refusals
    assert [p.finding is not None for p in problems] == [True, False]
    dlg = ExportRefusedDialog(problems, window)
    qtbot.addWidget(dlg)
    assert len(dlg.go_buttons) == 1                      # no passage to go to for the state
    assert "n’est pas approuvée" in dlg.shown_text()
    assert "export_folder" not in prompter.kinds()


def test_without_the_dialog_the_refusal_is_still_in_plain_words(window, tmp_path, prompter):
    _open(window, tmp_path, TWO)
    assert not hasattr(prompter, "export_refused")
    window.export_post()
    [error] = [c for c in prompter.calls if c[0] == "error"]
    assert error[1] == "Export refusé" and "«\u00a0-20 %\u00a0»" in error[2]
    assert "export_folder" not in prompter.kinds()


def test_the_previews_export_button_goes_through_the_gate(window, tmp_path, prompter,
                                                          refusals, qtbot):
    from PySide6.QtCore import Qt

    _open(window, tmp_path, TWO)
    qtbot.mouseClick(window.network_panel.export_b, Qt.MouseButton.LeftButton)
    assert prompter.kinds() == ["export_refused"]


def test_labels_quote_the_posts_words_as_text(window, tmp_path, refusals, qtbot):
    from editor.ui.exports_dialog import ExportRefusedDialog

    _open(window, tmp_path, "Offre : -20 % <b>gras</b> sur les injections.\n")
    window.export_post()
    [problems] = refusals
    dlg = ExportRefusedDialog(problems, window)
    qtbot.addWidget(dlg)
    from PySide6.QtCore import Qt

    assert all(lab.textFormat() == Qt.TextFormat.PlainText
               for lab in dlg.findChildren(QLabel) if lab.objectName().startswith("exportRefused"))


def test_a_passage_the_list_does_not_show_yet_is_selected_by_its_place(window, tmp_path,
                                                                       refusals, prompter):
    """The findings list may be a step behind (a check still running): the passage is then
    selected where the gate found it."""
    import dataclasses

    _open(window, tmp_path, "Un œil neuf. Offre : -20 % sur les injections.\n")
    window.export_post()
    [[problem]] = refusals
    unknown = dataclasses.replace(problem.finding, id="not-in-the-list")
    problem = dataclasses.replace(problem, finding=unknown, findings=[unknown])
    assert window.go_to_problem(problem)
    assert window.editor.textCursor().selectedText() == "-20 %"
