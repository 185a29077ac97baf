"""The surgeon's and the assistant's whole day, on the real window (issue 10, « Must be tested
and shown »), in two-person mode: Dr Claire Martin writes a post with several problems and sees
one card per problem, applies a drop-in replacement from a card and submits; Inès, the assistant,
finds the post in « À relire », accepts one problem with a written reason, sends one back with a
comment and asks for changes; Claire edits the text and resubmits, and may not approve her own
version; Inès approves (Claire countersigns: Inès accepted a problem herself), exports to a folder
and copies one part of the X thread.

Every step is checked as the user sees it: the cards (how many, what they say), the state in the
window title, the preview's chip and the post list, the tool bar's buttons, and the messages.
"""
from __future__ import annotations

import json
import re
import textwrap

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton
from uihelpers import card, card_actions, click_card_link, shown_text, type_text

CLAIRE = ("Dr Claire Martin", "chirurgienne")
INES = ("Inès Dubois", "assistante")
TITLE = "Rhinoplastie de printemps"

# What Claire types under the title (the informative part is long enough to make an X thread).
DRAFT = (
    "La rhinoplastie modifie la forme du nez pour l’harmoniser avec le visage. Elle se discute "
    "en consultation, avec un délai de réflexion de quinze jours au moins.\n\n"
    "Offre de printemps : -20 % sur la rhinoplastie, résultat garanti.\n\n"
    "Avant ![avant](images/avant.jpg) après ![apres](images/apres.jpg)\n\n"
    "Merci à Julie pour sa confiance.\n\n"
    "Prenez rendez-vous dès maintenant !"
)

# The practice's own rule pack (« --rules »): a true drop-in, « garanti » → « attendu ».
CLINIC_PACK = {
    "pack.yaml": 'name: cabinet\nversion: "1"\ntitle: Règles du cabinet\nlanguage: fr\n',
    "promesses.yaml": """\
        category: misleading-claim
        reference: "CSP art. R.4127-19-1"
        rules:
          - id: cabinet.garanti
            severity: error
            message: Un résultat ne se garantit pas.
            suggestion: Parler d'un résultat attendu, expliqué en consultation.
            replacement: attendu
            patterns: [garanti]
            examples: {flag: ["Un résultat [garanti] !"], ok: ["Un résultat attendu."]}
        """,
}


@pytest.fixture(scope="module")
def day_engine(tmp_path_factory):
    """The built-in packs (as the application ships them) plus the practice's own pack."""
    from editor.compliance.service import make_engine

    folder = tmp_path_factory.mktemp("cabinet")
    for name, body in CLINIC_PACK.items():
        (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    engine, errors = make_engine([folder], spelling=False, images=False)
    assert not errors, errors
    return engine


# -- what a user does ---------------------------------------------------------------------------
class Dialogs:
    """Answers the window's next modal dialogs in order (each handler gets the dialog); a dialog
    nobody expected is rejected and recorded, so that the day never hangs."""

    def __init__(self, *handlers) -> None:
        self.handlers = list(handlers)
        self.seen: list[str] = []
        self.unexpected: list[str] = []
        self.failures: list[BaseException] = []
        self._done: set[int] = set()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None or id(dlg) in self._done:
            return
        self._done.add(id(dlg))
        self.seen.append(dlg.objectName())
        if not self.handlers:
            self.unexpected.append(dlg.objectName())
            dlg.reject()
            return
        try:
            self.handlers.pop(0)(dlg)
        except BaseException as exc:  # noqa: BLE001 - reported by done(), never left open
            self.failures.append(exc)
            if dlg.isVisible():
                dlg.reject()

    def done(self) -> list[str]:
        self.timer.stop()
        if self.failures:
            raise self.failures[0]
        assert not self.handlers, f"a dialog was expected and not shown (seen: {self.seen})"
        assert not self.unexpected, f"unexpected dialogs: {self.unexpected}"
        return self.seen


def fill_profile(name, role, mode="pair"):
    def handler(dlg):
        assert dlg.objectName() == "profileDialog"
        dlg.name_edit.setText(name)
        dlg.role_edit.setText(role)
        dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData(mode))
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()      # « Enregistrer »
    return handler


def write(text, required=True):
    def handler(dlg):
        assert dlg.objectName() == "textDialog"
        ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
        assert ok.isEnabled() is not required      # nothing written yet: « Valider » greyed
        dlg.edit.setPlainText(text)
        assert ok.isEnabled()
        ok.click()
    return handler


def accept_with(reason):
    def handler(dlg):
        assert dlg.objectName() == "acceptDialog"
        ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
        assert ok.text() == "Accepter" and not ok.isEnabled()   # a written reason is required
        dlg.reason.setPlainText(reason)
        ok.click()
    return handler


def click_tool(qtbot, window, name):
    """A click on the tool bar's button of the action ``name``."""
    button = window.toolbar.widgetForAction(window.actions[name])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_tool_action(qtbot, window, action):
    qtbot.mouseClick(window.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def tool_enabled(window) -> dict[str, bool]:
    return {n: window.toolbar.widgetForAction(window.actions[n]).isEnabled()
            for n in ("submit", "approve", "network_preview", "export")}


def switch_to(window, who) -> None:
    """One click in the profile button's menu on a person already known on this computer."""
    window.profile_menu.aboutToShow.emit()          # the menu opens: the people known here
    people = {a.text(): a for a in window.profile_menu.actions() if a.isCheckable()}
    people[f"{who[0]}, {who[1]}"].trigger()
    assert window.profile_button.text() == f"Profil\u00a0: {who[0]}, {who[1]}"


def back_at(window, qtbot) -> None:
    """The window is the active one again once a dialog has closed (the window manager's doing;
    the offscreen platform leaves no window active)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)


def cards(window) -> list[str]:
    """Each card's passage as shown (quoted), in the list's order."""
    panel = window.findings_panel
    return [panel.card_of(r).passage for r in panel.items()]


def reasons(window, needle) -> list[str]:
    return [t for t, _c in window.findings_panel.card_of(card(window, needle)).reasons]


def listed_state(window) -> str:
    tree = window.workspace_panel.tree
    for i in range(tree.topLevelItemCount()):
        it = tree.topLevelItem(i)
        if it.text(0) == TITLE:
            return it.text(1)
    raise AssertionError(f"{TITLE} not in the post list")


def shows_state(window, label) -> None:
    """The one status, everywhere the user looks."""
    assert window.windowTitle().endswith(f" — {label} — Tact"), window.windowTitle()
    assert label in window.preview_state.text()
    assert listed_state(window) == label


def select(window, passage) -> None:
    editor = window.editor
    i = editor.text().index(passage)
    c = QTextCursor(editor.document())
    c.setPosition(i)
    c.setPosition(i + len(passage), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(c)


def retype(window, qtbot, old, new) -> None:
    """Select ``old`` in the text and type ``new`` over it, like a user."""
    select(window, old)
    window.editor.setFocus()
    if new:
        type_text(window.editor, new)
    else:
        qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=5000)


def errors(prompter):
    return [c[1:] for c in prompter.calls if c[0] == "error"]


def drawing(path, color):
    path.parent.mkdir(parents=True, exist_ok=True)
    img = QImage(320, 240, QImage.Format.Format_RGB32)
    img.fill(QColor(color))
    assert img.save(str(path))


# -- the day, step by step (one window, one workspace, one post) ---------------------------------
class Day:
    def __init__(self, window, prompter, qtbot, folder) -> None:
        self.w, self.prompter, self.qtbot, self.folder = window, prompter, qtbot, folder


def claire_introduces_herself(day) -> None:
    w, qtbot = day.w, day.qtbot
    assert w.profile_button.text() == "Profil\u00a0: à choisir"
    dialogs = Dialogs(fill_profile(*CLAIRE))
    qtbot.mouseClick(w.profile_button, Qt.MouseButton.LeftButton)
    assert dialogs.done() == ["profileDialog"]
    assert w.profile_button.text() == "Profil\u00a0: Dr Claire Martin, chirurgienne"
    assert "deux personnes" in w.profile_button.toolTip()
    # no post yet: nothing to submit or approve
    assert tool_enabled(w)["submit"] is False and tool_enabled(w)["approve"] is False


def claire_writes_and_sees_one_card_per_problem(day) -> None:
    w, qtbot = day.w, day.qtbot
    day.prompter.new_post = lambda networks, checked: (TITLE, ["instagram", "x"])
    w.actions["new"].trigger()                            # « Nouvelle publication… » (Ctrl+N)
    assert w.session.path.name.endswith("-rhinoplastie-de-printemps.md")
    bar = w.front_matter_bar                              # title and networks above the text
    assert (bar.title(), bar.networks()) == (TITLE, ["instagram", "x"])
    editor = w.editor
    editor.setFocus()
    editor.selectAll()                                    # the template's lines go
    type_text(editor, DRAFT)
    qtbot.waitUntil(lambda: w.checker.up_to_date, timeout=10000)
    assert editor.body_text() == DRAFT                    # the front matter stays hidden
    assert w.windowTitle().startswith(w.session.path.name + "*")      # not saved yet

    # One card per problem, each with its passage once and its reasons under it…
    assert cards(w) == ["«\u00a0-20 %\u00a0»",
                        "«\u00a0résultat garanti\u00a0»",
                        "«\u00a0Avant ![avant](images/avant.jpg) après "
                        "![apres](images/apres.jpg)\u00a0»",
                        "«\u00a0Merci à Julie\u00a0»",
                        "«\u00a0Prenez rendez-vous dès maintenant\u00a0»"]
    findings = [f for f in w.analysis.findings if f.category != "spelling"]
    assert len(findings) >= 12                            # …from many more findings
    assert len(reasons(w, "avant.jpg")) >= 2 and len(reasons(w, "Julie")) >= 2
    assert "Un résultat ne se garantit pas." in reasons(w, "garanti")
    assert shown_text(w.findings_panel.summary) == "5 erreur(s) · 0 avertissement(s) · 0 info(s)"
    assert w.check_label.text().startswith("5 erreur(s), 0 avertissement(s)")
    # Only the practice's rule declares a drop-in: « Remplacer » on that card alone; the other
    # rules' advice is never offered as a replacement.
    assert card_actions(w, "garanti") == ["explain", "replace", "accept", "send_back"]
    assert all(card_actions(w, n) == ["explain", "accept", "send_back"]
               for n in ("-20 %", "avant.jpg", "Julie", "Prenez"))
    assert dict(w.findings_panel.card_of(card(w, "garanti")).actions)["replace"] == \
        "Remplacer par «\u00a0attendu\u00a0»"


def claire_applies_the_drop_in_and_submits(day) -> None:
    w, qtbot = day.w, day.qtbot
    click_card_link(qtbot, w, "garanti", "replace")       # « Remplacer par « attendu » »
    qtbot.waitUntil(lambda: w.checker.up_to_date, timeout=5000)
    assert "Offre de printemps : -20 % sur la rhinoplastie, résultat attendu." in w.editor.text()
    assert len(cards(w)) == 4 and not any("garanti" in c for c in cards(w))
    assert w.save()
    assert w.windowTitle() == f"{w.session.path.name} — Brouillon — Tact"
    shows_state(w, "Brouillon")
    assert tool_enabled(w) == {"submit": True, "approve": False, "network_preview": True,
                               "export": True}

    click_tool(qtbot, w, "submit")                        # « Soumettre »
    shows_state(w, "À relire")
    assert w.statusBar().currentMessage() == ("Publication désormais «\u00a0à relire\u00a0» "
                                              "(soumis pour relecture par Dr Claire Martin).")
    assert tool_enabled(w)["submit"] is False and tool_enabled(w)["approve"] is True


def ines_finds_it_in_a_relire(day) -> None:
    w, qtbot = day.w, day.qtbot
    # She sits down at the same computer: « Autre personne… » the first time.
    w.profile_menu.aboutToShow.emit()
    other = next(a for a in w.profile_menu.actions() if a.text() == "Autre personne…")
    dialogs = Dialogs(fill_profile(*INES))
    other.trigger()
    dialogs.done()
    assert w.profile_button.text() == "Profil\u00a0: Inès Dubois, assistante"
    assert w.home_action.iconText() == "À relire (1)"   # one post waits for her

    # « À relire » (Ctrl+Maj+A): the post by its title, who sent it and when, what is open.
    back_at(w, qtbot)
    qtbot.keyClick(w.editor, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.home_shown() and not w.editor.isVisible()
    home = w.home_view
    assert home.summary.text() == "1 publication attend votre relecture."
    [row] = home.rows()
    assert re.fullmatch(TITLE + r"\nenvoyé par Dr Claire Martin, (aujourd’hui|hier) à "
                        r"\d{1,2}\u00a0h\u00a0\d\d · 4 points à examiner, dont 4 bloquants",
                        row), row
    qtbot.keyClick(home.list, Qt.Key.Key_Return)          # Entrée opens it
    assert not w.home_shown() and w.editor.isVisible()
    assert len(cards(w)) == 4


def ines_accepts_one_and_sends_the_post_back(day) -> None:
    w, qtbot = day.w, day.qtbot
    # The before/after pair, accepted with a written reason: one decision for the whole card.
    assert card_actions(w, "avant.jpg") == ["explain", "accept", "send_back"]
    dialogs = Dialogs(accept_with("Schémas dessinés par le cabinet, aucune photo de patient."))
    click_card_link(qtbot, w, "avant.jpg", "accept")
    assert dialogs.done() == ["acceptDialog"]
    pair = w.findings_panel.card_of(card(w, "avant.jpg"))
    assert pair.decision == ("acceptée (faux positif) par Inès Dubois\u00a0: «\u00a0Schémas "
                             "dessinés par le cabinet, aucune photo de patient.\u00a0»")
    assert pair.muted and card_actions(w, "avant.jpg") == ["explain", "withdraw"]
    assert shown_text(w.findings_panel.summary) == \
        "3 erreur(s) · 0 avertissement(s) · 0 info(s) · 1 acceptée(s)"

    # « Merci à Julie » goes back to the author with a comment…
    dialogs = Dialogs(write("Pas de prénom de patiente ni de remerciement, s’il vous plaît."))
    click_card_link(qtbot, w, "Julie", "send_back")
    dialogs.done()
    julie = w.findings_panel.card_of(card(w, "Julie"))
    assert julie.decision == ("renvoyée à l'auteur par Inès Dubois\u00a0: «\u00a0Pas de prénom de "
                              "patiente ni de remerciement, s’il vous plaît.\u00a0»")

    # …and she asks for changes (« Relecture » tab): the post goes back to Claire.
    w.review_dock.raise_()
    panel = w.review_panel
    dialogs = Dialogs(write("Retirez aussi la remise et l’urgence à prendre rendez-vous.",
                            required=False))
    qtbot.mouseClick(panel.changes_b, Qt.MouseButton.LeftButton)
    dialogs.done()
    shows_state(w, "Modifications demandées")
    assert "Retirez aussi la remise" in panel.state_label.text()
    assert tool_enabled(w)["submit"] is True and tool_enabled(w)["approve"] is False


def claire_edits_resubmits_and_may_not_approve_alone(day) -> None:
    w, qtbot = day.w, day.qtbot
    switch_to(w, CLAIRE)                                  # one click, no dialog
    assert w.statusBar().currentMessage() == \
        "Vous agissez maintenant en tant que Dr Claire Martin."
    assert w.home_action.iconText() == "À relire"         # nothing waits for her
    w.findings_dock.raise_()
    assert card(w, "Julie").text(1).startswith("renvoyée à l'auteur par Inès Dubois")
    retype(w, qtbot, "Offre de printemps : -20 % sur la rhinoplastie, résultat attendu.",
           "Les suites (œdème, gêne respiratoire) sont expliquées avant l’intervention ; le devis "
           "est remis en consultation.")
    retype(w, qtbot, "Merci à Julie pour sa confiance.\n\n", "")
    retype(w, qtbot, "Prenez rendez-vous dès maintenant !",
           "Pour toute question, le secrétariat vous répond.")
    assert cards(w) == ["«\u00a0Avant ![avant](images/avant.jpg) après "
                        "![apres](images/apres.jpg)\u00a0»"]          # the accepted one stays
    assert shown_text(w.findings_panel.summary) == \
        "0 erreur(s) · 0 avertissement(s) · 0 info(s) · 1 acceptée(s)"
    assert w.windowTitle().endswith("* — Modifications demandées — Tact")
    back_at(w, qtbot)
    qtbot.keyClick(w.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)   # Ctrl+S
    assert w.windowTitle() == f"{w.session.path.name} — Modifications demandées — Tact"
    click_tool(qtbot, w, "submit")                        # resubmitted
    shows_state(w, "À relire")

    # She may not approve her own version: Inès has not read it.
    journal = w.session.path.with_name(w.session.path.stem + ".review.jsonl")
    before = journal.read_bytes()
    assert tool_enabled(w)["approve"] is True
    click_tool(qtbot, w, "approve")
    assert errors(day.prompter) == [(
        "Approuver",
        "Approbation refusée\u00a0: Inès Dubois (assistante) n'a pas encore relu cette version "
        "du texte.\n• En mode deux personnes, vous avez soumis ou modifié cette version\u00a0: "
        "une autre personne doit la relire (puis l'approuver, ou vous laisser l'approuver) avant "
        "sa publication.")]
    assert journal.read_bytes() == before                 # nothing recorded
    shows_state(w, "À relire")
    assert "Cette version n’a encore été relue par personne." in w.review_panel.state_label.text()


def ines_approves_and_claire_countersigns(day) -> None:
    w, qtbot = day.w, day.qtbot
    panel = w.review_panel
    switch_to(w, INES)
    assert w.home_action.iconText() == "À relire (1)"
    click_tool_action(qtbot, w, w.home_action)            # « À relire » in the tool bar
    assert w.home_shown()
    [row] = w.home_view.rows()
    assert row.startswith(TITLE + "\nenvoyé par Dr Claire Martin, ")
    assert row.endswith(" · aucun point ouvert · 1 commentaire ouvert"), row
    qtbot.mouseClick(w.home_view.open_b, Qt.MouseButton.LeftButton)      # « Ouvrir »
    assert not w.home_shown()

    # Her comment's passage is gone: she resolves it (« Relecture › Commentaires »)…
    w.review_dock.raise_()
    panel.tabs.setCurrentWidget(panel.comments)
    comments = panel.comments.tree
    assert comments.topLevelItemCount() == 1
    assert "passage supprimé" in comments.topLevelItem(0).text(0)
    comments.setCurrentItem(comments.topLevelItem(0))
    qtbot.mouseClick(panel.comments.resolve_b, Qt.MouseButton.LeftButton)
    assert comments.topLevelItem(0).text(0).endswith("\u00a0— résolu")

    # …and approves. She accepted a problem herself: her approval is a signature, and the author
    # (whose version has now been read) signs second: four eyes on every acceptance.
    click_tool(qtbot, w, "approve")
    assert len(errors(day.prompter)) == 1                 # still only the author's refusal
    assert w.statusBar().currentMessage() == (
        "Signature d’Inès Dubois enregistrée. Une seconde approbation par une autre personne "
        "qu’Inès Dubois est nécessaire (mode deux personnes\u00a0: qui a accepté un "
        "signalement ne peut pas être le seul approbateur).")
    shows_state(w, "À relire")
    assert "signé par Inès Dubois" in panel.state_label.text()
    assert "Cette version relue par Inès Dubois" in panel.state_label.text()

    switch_to(w, CLAIRE)
    click_tool(qtbot, w, "approve")
    shows_state(w, "Approuvé")
    assert "approuvé par Dr Claire Martin" in panel.state_label.text()
    assert tool_enabled(w) == {"submit": False, "approve": False, "network_preview": True,
                               "export": True}
    assert len(errors(day.prompter)) == 1


def ines_exports_and_copies_a_thread_part(day) -> None:
    w, qtbot, prompter = day.w, day.qtbot, day.prompter
    switch_to(w, INES)
    assert w.home_action.iconText() == "À relire"         # nothing left to review
    out = day.folder.parent / "Envois"
    out.mkdir()
    prompter.file_answer = str(out)                       # the folder she picks in the dialog
    click_tool(qtbot, w, "export")                        # « Exporter »
    exported = out / w.session.path.stem
    message = f"Exporté dans {exported} (instagram, x)."
    assert [c for c in prompter.calls if c[0] in ("export_folder", "exported")] == [
        ("export_folder", str(day.folder / "exports")),   # the dialog opens on exports/
        ("exported", message)]                            # « Export terminé »
    assert w.statusBar().currentMessage() == message
    assert len(errors(prompter)) == 1
    shows_state(w, "Exporté")
    assert {p.name for p in exported.iterdir()} >= {"instagram.txt", "x.txt",
                                                    "rapport-conformite.pdf"}
    report = json.loads((exported / "rapport-conformite.json").read_text("utf-8"))["review"]
    assert report["reviewed_by"] == "Inès Dubois (assistante)"
    assert report["approved_by"] == "Inès Dubois (assistante), Dr Claire Martin (chirurgienne)"
    assert report["exported_without_review"] is False

    # « Aperçu par réseau », X: a thread of two parts, each with its « Copier ».
    click_tool(qtbot, w, "network_preview")
    assert not w.network_dock.visibleRegion().isEmpty()
    preview = w.network_panel
    preview.combo.setCurrentIndex(preview.combo.findData("x"))
    qtbot.waitUntil(lambda: preview.up_to_date, timeout=5000)
    parts = preview.card_widgets()
    assert [p.number.text() for p in parts] == ["1/2", "2/2"]
    assert [p.findChild(QPushButton, "postCopy").text() for p in parts] == ["Copier"] * 2
    second = parts[1].card.text                           # what the second card shows
    assert second == "Avant après\n\nPour toute question, le secrétariat vous répond.\n\n2/2"
    QGuiApplication.clipboard().setText("avant la copie")
    qtbot.mouseClick(parts[1].findChild(QPushButton, "postCopy"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == second   # exactly that part, nothing else
    assert w.statusBar().currentMessage() == "Partie 2/2 copiée pour X."
    assert len(errors(prompter)) == 1
    assert "confirm" not in prompter.kinds()              # approved: no « sans relecture ? »


def test_the_whole_day_of_the_surgeon_and_the_assistant(make_window, day_engine, prompter,
                                                        tmp_path, qtbot, user_dirs):
    folder = tmp_path / "Publications"
    folder.mkdir()
    drawing(folder / "images" / "avant.jpg", "#d9a38f")
    drawing(folder / "images" / "apres.jpg", "#c98f7a")
    w = make_window(engine=day_engine)
    assert w.open_workspace(folder)
    day = Day(w, prompter, qtbot, folder)

    claire_introduces_herself(day)                        # 8 h 30, two-person mode
    claire_writes_and_sees_one_card_per_problem(day)
    claire_applies_the_drop_in_and_submits(day)
    ines_finds_it_in_a_relire(day)                        # 10 h, the assistant
    ines_accepts_one_and_sends_the_post_back(day)
    claire_edits_resubmits_and_may_not_approve_alone(day)   # between two consultations
    ines_approves_and_claire_countersigns(day)
    ines_exports_and_copies_a_thread_part(day)            # 17 h
