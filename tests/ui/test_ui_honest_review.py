"""What the surgeon and the assistant see (real widgets, offscreen): « Remplacer par » never inserts
a rule's advice; one status everywhere; two-person approval and the export and copy gates."""
from __future__ import annotations

import json
import textwrap

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication
from uihelpers import click_card_link, post, type_text

CLAIRE = ("Dr Claire Martin", "chirurgienne")
INES = ("Inès Dubois", "assistante")


# -- helpers -------------------------------------------------------------------------------------
class Answers:
    """Answers the window's next modal dialogs, in order (each handler gets the dialog); a
    dialog nobody expected is rejected and recorded, so that a test never hangs."""

    def __init__(self, *handlers) -> None:
        self.handlers = list(handlers)
        self.seen, self.unexpected = [], []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None or dlg in self.seen:
            return
        self.seen.append(dlg)
        if not self.handlers:
            self.unexpected.append(dlg.objectName())
            dlg.reject()
            return
        self.handlers.pop(0)(dlg)

    def done(self) -> None:
        self.timer.stop()
        assert not self.handlers, "an expected dialog was not shown"
        assert not self.unexpected, f"unexpected dialogs: {self.unexpected}"


def write_text(body):
    def handler(dlg):
        assert dlg.objectName() in ("textDialog", "overrideDialog")
        dlg.edit.setPlainText(body)
        dlg.accept()
    return handler


def cancel(dlg):
    dlg.reject()


def as_person(who, mode="pair"):
    from editor.review.profile import Profile, save_profile

    assert save_profile(Profile(who[0], who[1], mode)) is None


def point_in(editor, passage: str) -> QPoint:
    c = QTextCursor(editor.document())
    c.setPosition(editor.text().index(passage) + 1)
    return editor.cursorRect(c).center()


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def type_at_end(window, qtbot, text: str) -> None:
    editor = window.editor
    editor.setFocus()
    c = editor.textCursor()
    c.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(c)
    type_text(editor, text)
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)


def replace_passage(window, qtbot, old: str, new: str) -> None:
    editor = window.editor
    i = editor.text().index(old)
    c = QTextCursor(editor.document())
    c.setPosition(i)
    c.setPosition(i + len(old), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(c)
    type_text(editor, new)
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)


def errors(prompter):
    return [c for c in prompter.calls if c[0] == "error"]


# -- « Remplacer par » ---------------------------------------------------------------------------
def test_the_advice_of_a_rule_is_shown_never_inserted(make_window, engine):
    """Right-click on « -30 % » (the real packs): the advice is a greyed line, not a replacement."""
    w = make_window(engine=engine)
    text = "Offre de printemps : -30 % sur les injections."
    w.editor.setPlainText(text)
    w.check_now()
    menu = w.editor.build_context_menu(point_in(w.editor, "-30 %"))
    labels = menu_texts(menu)
    assert not any(t.startswith(("Remplacer par", "Supprimer")) for t in labels), labels
    advice = next(a for a in menu.actions() if a.objectName() == "adviceAction")
    assert advice.text().startswith("Conseil\u00a0: Les honoraires sont indiqués")
    assert not advice.isEnabled()
    assert "Expliquer la règle" in labels
    advice.trigger()                                       # greyed: nothing is inserted
    assert w.editor.text() == text


def test_a_spelling_mistake_offers_its_correction(make_window, ui_engine, speller):
    from editor.compliance.engine import Engine

    w = make_window(engine=Engine(ui_engine.rules, speller))
    w.editor.setPlainText("Le chirugien vous reçoit.")
    w.check_now()
    menu = w.editor.build_context_menu(point_in(w.editor, "chirugien"))
    fix = next(a for a in menu.actions() if a.text() == "Remplacer par «\u00a0chirurgien\u00a0»")
    fix.trigger()
    assert w.editor.text() == "Le chirurgien vous reçoit."


DROP_IN = """\
category: misleading-claim
reference: "CSP art. R.4127-19-1"
rules:
  - id: test.guaranteed
    severity: error
    message: Promesse de résultat.
    suggestion: Parler d'un résultat attendu, expliqué en consultation.
    replacement: résultat attendu
    patterns: [résultat garanti]
    examples: {flag: ["Un [résultat garanti] !"], ok: ["Un résultat attendu."]}
  - id: test.number-one
    category: superlative
    severity: warning
    message: Classement promotionnel.
    replacement: ""
    patterns: [numéro un]
    examples: {flag: ["Le chirurgien [numéro un] de Lyon."], ok: ["Le chirurgien de Lyon."]}
"""


@pytest.fixture(scope="module")
def drop_in_engine(tmp_path_factory):
    from editor.compliance.engine import Engine
    from editor.compliance.rules import load_rules

    folder = tmp_path_factory.mktemp("drop-in")
    (folder / "pack.yaml").write_text('name: drop-in\nversion: "1"\ntitle: t\nlanguage: fr\n',
                                      encoding="utf-8")
    (folder / "rules.yaml").write_text(textwrap.dedent(DROP_IN), encoding="utf-8")
    rs = load_rules(dirs=[folder], use_cache=False)
    assert not rs.errors, rs.errors
    return Engine(rs)


def test_a_declared_replacement_is_applied_and_undone(make_window, drop_in_engine, qtbot):
    w = make_window(engine=drop_in_engine)
    editor = w.editor
    text = "Le chirurgien numéro un de Lyon : résultat garanti."
    editor.setPlainText(text)
    w.check_now()
    menu = editor.build_context_menu(point_in(editor, "résultat garanti"))
    labels = menu_texts(menu)
    assert labels[0] == "Remplacer par «\u00a0résultat attendu\u00a0»"
    assert labels[1].startswith("Conseil\u00a0: Parler d'un résultat attendu")   # advice apart
    menu.actions()[0].trigger()
    assert editor.text() == "Le chirurgien numéro un de Lyon : résultat attendu."

    w.check_now()
    menu = editor.build_context_menu(point_in(editor, "numéro un"))
    delete = next(a for a in menu.actions() if a.objectName() == "replaceAction")
    assert delete.text() == "Supprimer «\u00a0numéro un\u00a0»"
    delete.trigger()
    assert editor.text() == "Le chirurgien de Lyon : résultat attendu."    # no double space

    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "Le chirurgien numéro un de Lyon : résultat attendu."
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == text


# -- one status ----------------------------------------------------------------------------------
def _list_state(window, title):
    tree = window.workspace_panel.tree
    for i in range(tree.topLevelItemCount()):
        it = tree.topLevelItem(i)
        if it.text(0) == title:
            return it.text(1)
    raise AssertionError(f"{title} not listed")


def test_list_title_preview_and_panel_show_the_review_state(window, qtbot, tmp_path, user_dirs):
    as_person(CLAIRE)
    path = post(tmp_path, "offre.md", "Un texte sans problème.\n")   # front matter: brouillon
    path.write_text(path.read_text("utf-8").replace("status: brouillon", "status: approuvé"),
                    encoding="utf-8")                                # an old field, ignored
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)
    assert _list_state(window, "offre") == "Brouillon"
    assert window.windowTitle() == "offre.md — Brouillon — Tact"
    assert "Brouillon" in window.preview_state.text()
    assert "approuvé" not in window.preview_state.text()

    window.review_panel.submit_b.click()
    assert _list_state(window, "offre") == "À relire"
    assert window.windowTitle() == "offre.md — À relire — Tact"
    assert "À relire" in window.preview_state.text()
    assert "À relire" in window.network_panel.state.text()
    assert "«\u00a0à relire\u00a0»" in window.review_panel.state_label.text()
    # A fresh scan (another window, the next start) reads the same state from the review file.
    from editor.ui.workspace import scan_workspace

    [info] = scan_workspace(tmp_path)
    assert info.state == "review"


def test_new_posts_carry_no_status_field(window, tmp_path, prompter):
    window.open_workspace(tmp_path)
    prompter.text_answer = "Rhinoplastie"
    assert window.new_post()
    assert "status:" not in window.session.path.read_text("utf-8")


# -- two-person approval -------------------------------------------------------------------------
def test_the_author_cannot_approve_what_the_reviewer_has_not_seen(window, qtbot, tmp_path,
                                                                  user_dirs, prompter):
    as_person(CLAIRE)
    path = post(tmp_path, "offre.md", "Bonjour.\n")
    assert window.open_path(path)
    type_at_end(window, qtbot, "Offre : -20 % sur les injections.")
    panel = window.review_panel
    panel.submit_b.click()

    as_person(INES)                       # the assistant sends the discount back
    answers = Answers(write_text("Retirez la remise, s’il vous plaît."))
    click_card_link(qtbot, window, "-20 %", "send_back")     # « Renvoyer… » on the card
    answers.done()

    as_person(CLAIRE)                     # the author rewrites, saves and tries to approve
    replace_passage(window, qtbot, "-20 % sur les injections", "un devis sur demande")
    assert window.save()
    journal = tmp_path / "offre.review.jsonl"
    before = journal.read_bytes()
    panel.approve_b.click()
    title, message = errors(prompter)[-1][1:]
    assert title == "Approuver"
    assert message.startswith("Approbation refusée\u00a0: Inès Dubois (assistante) n'a pas encore "
                              "relu cette version du texte.")
    assert "une autre personne doit la relire" in message
    assert journal.read_bytes() == before
    assert "à relire" in panel.state_label.text()
    assert "Cette version n’a encore été relue par personne." in panel.state_label.text()

    as_person(INES)                       # the assistant resolves her comment and approves
    panel.tabs.setCurrentWidget(panel.comments)
    panel.comments.tree.setCurrentItem(panel.comments.tree.topLevelItem(0))
    panel.comments.resolve_b.click()
    panel.approve_b.click()
    assert "approuvé par Inès Dubois" in panel.state_label.text()
    assert window.windowTitle() == "offre.md — Approuvé — Tact"
    assert _list_state(window, "offre") == "Approuvé"


def test_an_open_comment_blocks_approval_unless_overridden_with_a_reason(window, qtbot, tmp_path,
                                                                         user_dirs, prompter):
    as_person(CLAIRE)
    path = post(tmp_path, "tabac.md", "Le tabac retarde la cicatrisation.\n")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)
    panel = window.review_panel
    panel.submit_b.click()

    as_person(INES)
    editor = window.editor
    i = editor.text().index("Le tabac") + len("Le ")    # in the text (the title is hidden)
    c = QTextCursor(editor.document())
    c.setPosition(i)
    c.setPosition(i + len("tabac"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(c)
    answers = Answers(write_text("Citer la source\u00a0?"))
    assert panel.add_comment()
    answers.done()

    answers = Answers(cancel)             # asked why; she cancels: not approved
    panel.approve_b.click()
    answers.done()
    assert "1 commentaire(s) ouvert(s)" in errors(prompter)[-1][2]
    assert "approuvé" not in panel.state_label.text().replace("approuvé malgré", "")

    def override(dlg):
        assert dlg.objectName() == "overrideDialog"
        assert "Citer la source" in dlg.findChildren(type(panel.message))[0].text()
        assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()  # required
        write_text("Source donnée dans le lien en bio.")(dlg)
    answers = Answers(override)
    panel.approve_b.click()
    answers.done()
    assert "approuvé par Inès Dubois" in panel.state_label.text()
    assert "approuvé malgré 1 commentaire(s) ouvert(s)\u00a0: «\u00a0Source donnée dans le lien " \
           "en bio.\u00a0»" in panel.state_label.text()
    last = json.loads((tmp_path / "tabac.review.jsonl").read_text("utf-8").splitlines()[-1])
    assert (last["action"], last["by"], last["override"]) == ("approve", "Inès Dubois",
                                                              "Source donnée dans le lien en bio.")


# -- export and copy -----------------------------------------------------------------------------
def test_two_person_mode_neither_exports_nor_copies_an_unsubmitted_post(window, qtbot, tmp_path,
                                                                         user_dirs, prompter,
                                                                         monkeypatch):
    as_person(CLAIRE)
    path = post(tmp_path, "tabac.md", "Le tabac retarde la cicatrisation.\n")
    assert window.open_path(path)
    folders = []
    monkeypatch.setattr(prompter, "export_folder", lambda f: folders.append(f) or str(tmp_path))
    assert window.network_panel.export() is None
    title, message = errors(prompter)[-1][1:]
    assert title == "Export refusé"
    assert message.startswith("La publication n’est pas approuvée (état\u00a0: brouillon). En "
                              "mode deux personnes, seul le texte approuvé peut être exporté")
    assert folders == []                          # refused before the folder is even asked
    assert not (tmp_path / "exports").exists() and not (tmp_path / ".tact").exists()

    QGuiApplication.clipboard().setText("avant")
    assert window.network_panel.copy() is False
    assert errors(prompter)[-1][1] == "Copie refusée"
    assert QGuiApplication.clipboard().text() == "avant"


def test_solo_mode_exports_unreviewed_only_after_confirming_and_says_so(window, qtbot, tmp_path,
                                                                        user_dirs, prompter):
    as_person(CLAIRE, "solo")
    path = post(tmp_path, "tabac.md", "Le tabac retarde la cicatrisation.\n")
    assert window.open_path(path)
    out = tmp_path / "sortie"
    out.mkdir()
    prompter.confirm_answer = False
    assert window.network_panel.export(str(out)) is None
    confirm = [c for c in prompter.calls if c[0] == "confirm"][-1]
    assert confirm[1:] == ("Exporter sans relecture\u00a0?",
                           "Cette publication n’est pas approuvée (état\u00a0: brouillon).")
    assert list(out.iterdir()) == []

    prompter.confirm_answer = True
    result = window.network_panel.export(str(out))
    assert result is not None and result.ok, (result.refused, result.problems)
    report = json.loads((result.posts[0].folder / "rapport-conformite.json").read_text("utf-8"))
    assert report["review"]["exported_without_review"] is True
    assert report["review"]["note"].startswith("Exporté sans relecture")
    assert window.statusBar().currentMessage().endswith(", sans relecture.")
    assert not errors(prompter)
