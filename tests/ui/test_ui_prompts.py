"""The window's questions: each button gives its answer, Enter the safe default, closing the box
(Escape) the cautious one. One function asks them all (Prompter._ask)."""
import pytest
from PySide6.QtWidgets import QMessageBox

from editor.ui.prompts import Prompter


@pytest.fixture
def answer(qtbot, monkeypatch):
    """Click the button labelled ``label`` (None: close the box without a click); note the
    buttons offered and the default one."""
    seen = {}

    def ask(label):
        def exec_(box):
            seen["buttons"] = [b.text() for b in box.buttons()]
            default = box.defaultButton()
            seen["default"] = default.text() if default is not None else None
            if label is not None:
                next(b for b in box.buttons() if b.text() == label).click()
            return 0
        monkeypatch.setattr(QMessageBox, "exec", exec_)
        return seen
    return ask


def test_unsaved_changes_three_answers_enter_saves(answer):
    p = Prompter(None)
    for label, expected in (("Enregistrer", Prompter.SAVE),
                            ("Ne pas enregistrer", Prompter.DISCARD),
                            ("Annuler", Prompter.CANCEL), (None, Prompter.CANCEL)):
        seen = answer(label)
        assert p.save_changes("offre.md") == expected
    assert sorted(seen["buttons"]) == sorted(["Enregistrer", "Ne pas enregistrer", "Annuler"])
    assert seen["default"] == "Enregistrer"


@pytest.mark.parametrize("ask, yes, no, default", [
    (lambda p: p.reload_external("a.md"), "Recharger depuis le disque", "Garder ma version",
     "Garder ma version"),
    (lambda p: p.overwrite_external("a.md"), "Remplacer", "Annuler", None),
    (lambda p: p.restore_drafts(["a.md"]), "Restaurer", "Ignorer", "Restaurer"),
    (lambda p: p.open_link("https://exemple.fr"), "Ouvrir", "Annuler", None),
    (lambda p: p.confirm("Titre", "Texte", "", "Supprimer"), "Supprimer", "Annuler",
     "Supprimer"),
    (lambda p: p.exported("Export terminé."), "Ouvrir le dossier", "Fermer", "Ouvrir le dossier"),
])
def test_yes_or_no_questions(answer, ask, yes, no, default):
    p = Prompter(None)
    answer(yes)
    assert ask(p) is True
    answer(no)
    assert ask(p) is False
    seen = answer(None)
    assert ask(p) is False                        # closed without a click: the cautious answer
    assert sorted(seen["buttons"]) == sorted([yes, no])
    if default is not None:
        assert seen["default"] == default
