"""The review in the window: decisions on findings, lapsing, the post's workflow, comments,
history, a corrupt review file (real widgets, synchronous checks)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from uihelpers import card, card_actions, click_card_link, post, type_text

PROMO = "Offre : -20 % sur les injections."


class Dialogs:
    """Answers the modal dialogs the window opens, in order: each handler gets the dialog.
    A dialog nobody expected is rejected (and recorded) so that a test can never hang."""
    alive: list = []

    def __init__(self, *handlers) -> None:
        for older in Dialogs.alive:     # the newest answerer takes over
            older.timer.stop()
        self.handlers = list(handlers)
        self.seen = []
        self.unexpected = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        Dialogs.alive.append(self)

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


@pytest.fixture(autouse=True)
def _stop_dialogs():
    yield
    for d in Dialogs.alive:
        d.timer.stop()
        assert not d.unexpected, f"unexpected dialogs: {d.unexpected}"
    Dialogs.alive.clear()


def fill_accept(kind="faux-positif", reason="Il s'agit d'un exemple cité, pas d'une offre."):
    def handler(dlg):
        assert dlg.objectName() == "acceptDialog"
        assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()  # reason required
        dlg.kind.setCurrentIndex(dlg.kind.findData(kind))
        dlg.reason.setPlainText(reason)
        assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
        dlg.accept()
    return handler


def fill_text(body):
    def handler(dlg):
        assert dlg.objectName() == "textDialog"
        dlg.edit.setPlainText(body)
        dlg.accept()
    return handler


@pytest.fixture
def profile(user_dirs):
    from editor.review.profile import Profile, save_profile

    p = Profile("Dr Claire Martin", "chirurgienne", "solo")
    assert save_profile(p) is None
    return p


def _open_and_type(window, qtbot, tmp_path, text=PROMO):
    path = post(tmp_path, "offre.md", "Bonjour.\n")
    assert window.open_path(path)
    editor = window.editor
    editor.setFocus()
    c = editor.textCursor()
    c.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(c)
    type_text(editor, text)
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)
    return path


def _item(panel, needle):
    """The card of ``needle`` (the window's one findings list); ``text(1)`` is its decision."""
    return card(panel.main, needle)


def _format_of(editor, passage) -> QTextCharFormat:
    sels = {s.cursor.selectedText(): QTextCharFormat(s.format) for s in editor.extraSelections()}
    return sels[passage]


def _accept(window, qtbot, needle="-20 %", **kw):
    answers = Dialogs(fill_accept(**kw))
    click_card_link(qtbot, window, needle, "accept")      # « Accepter… » on the card
    assert not answers.handlers, "the accept dialog was not shown"


def test_accept_with_a_reason_then_edit_the_passage_lapses_it(window, qtbot, tmp_path, profile):
    _open_and_type(window, qtbot, tmp_path)
    panel = window.review_panel
    assert "brouillon" in panel.state_label.text()
    item = _item(panel, "-20 %")
    assert item.text(1) == "ouverte"
    assert _format_of(window.editor, "-20 %").underlineColor().name() == "#d0312d"

    _accept(window, qtbot)
    item = _item(panel, "-20 %")
    assert item.text(1).startswith("acceptée (faux positif) par Dr Claire Martin")
    fmt = _format_of(window.editor, "-20 %")
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert fmt.underlineColor().name() == "#9a9a9a"           # accepted: greyed
    row = next(it for it in window.findings_panel.items() if "-20 %" in it.text(0))
    assert row.text(0).startswith("✓ acceptée")

    # Edit the accepted passage: the decision lapses, the finding is open again.
    text = window.editor.text()
    i = text.index("-20 %")
    c = QTextCursor(window.editor.document())
    c.setPosition(i + 1)
    c.setPosition(i + 3, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(c)
    type_text(window.editor, "35")
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)
    item = _item(panel, "-35 %")
    assert item.text(1) == "ouverte"
    assert _format_of(window.editor, "-35 %").underlineColor().name() == "#d0312d"
    assert "caduques" in panel.lapsed_label.text() and "-20 %" in panel.lapsed_label.text()


def test_the_profile_is_asked_the_first_time_it_is_needed(window, qtbot, tmp_path, user_dirs):
    from editor.review.profile import load_profile

    _open_and_type(window, qtbot, tmp_path)
    assert load_profile() == (None, None)          # not asked at start-up

    def fill_profile(dlg):
        assert dlg.objectName() == "profileDialog"
        dlg.name_edit.setText("Inès Dubois")
        dlg.role_edit.setText("assistante")
        dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("pair"))
        dlg.accept()

    panel = window.review_panel
    answers = Dialogs(fill_profile, fill_accept())
    click_card_link(qtbot, window, "-20 %", "accept")
    assert not answers.handlers
    prof, err = load_profile()
    assert err is None
    assert (prof.name, prof.role, prof.mode) == ("Inès Dubois", "assistante", "pair")
    assert "Inès Dubois" in _item(panel, "-20 %").text(1)


def test_workflow_submit_approve_refused_then_accepted_edit_goes_back(window, qtbot, tmp_path,
                                                                      prompter, profile):
    path = _open_and_type(window, qtbot, tmp_path)
    panel = window.review_panel
    assert panel.submit_b.isEnabled() and not panel.approve_b.isEnabled()
    panel.submit_b.click()                       # saves the text first
    assert not window.session.modified
    assert "à relire" in panel.state_label.text()
    assert "soumis pour relecture par Dr Claire Martin" in panel.state_label.text()

    # Approval refused while an error is open, with the list of open errors.
    panel.approve_b.click()
    errors = [c for c in prompter.calls if c[0] == "error"]
    assert errors and "Approbation refusée" in errors[-1][2] and "-20 %" in errors[-1][2]
    assert "à relire" in panel.state_label.text()

    _accept(window, qtbot)
    panel.approve_b.click()
    assert "approuvé" in panel.state_label.text()
    assert "approuvé par Dr Claire Martin" in panel.state_label.text()
    assert "accept" not in card_actions(window, "-20 %")   # decisions frozen once approved

    # Any edit after approval: back to « à relire ».
    c = window.editor.textCursor()
    c.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(c)
    type_text(window.editor, " Merci.")
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)
    assert "à relire" in panel.state_label.text()
    assert "modifié après approbation" in panel.state_label.text()
    assert window.save()                          # recorded in the journal
    from editor.review.session import ReviewSession

    assert ReviewSession(path).state.state == "review"


def test_request_changes_and_send_back(window, qtbot, tmp_path, profile):
    _open_and_type(window, qtbot, tmp_path)
    panel = window.review_panel
    panel.submit_b.click()
    Dialogs(fill_text("Merci de retirer la remise."))
    click_card_link(qtbot, window, "-20 %", "send_back")
    assert _item(panel, "-20 %").text(1).startswith("renvoyée à l'auteur")
    assert panel.comments.tree.topLevelItemCount() == 1       # the send-back is also a comment
    Dialogs(fill_text("Voir les remarques."))
    panel.changes_b.click()
    assert "modifications demandées" in panel.state_label.text()


def test_comments_add_reply_resolve_reopen_and_orphaned(window, qtbot, tmp_path, profile):
    _open_and_type(window, qtbot, tmp_path, " Les injections durent six mois.")
    editor = window.editor
    text = editor.text()
    i = text.index("six mois")
    c = QTextCursor(editor.document())
    c.setPosition(i)
    c.setPosition(i + len("six mois"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(c)
    panel = window.review_panel
    Dialogs(fill_text("Préciser la source."))
    assert panel.add_comment()
    tree = panel.comments.tree
    assert tree.topLevelItemCount() == 1
    top = tree.topLevelItem(0)
    assert "six mois" in top.text(0) and "Préciser la source." in top.text(0)
    tree.setCurrentItem(top)
    Dialogs(fill_text("Source ajoutée."))
    panel.comments.reply_b.click()
    top = tree.topLevelItem(0)
    assert top.childCount() == 1 and "Source ajoutée." in top.child(0).text(0)
    tree.setCurrentItem(top)
    panel.comments.resolve_b.click()
    assert "résolu" in tree.topLevelItem(0).text(0)
    tree.setCurrentItem(tree.topLevelItem(0))
    assert panel.comments.reopen_b.isEnabled()
    panel.comments.reopen_b.click()
    assert "résolu" not in tree.topLevelItem(0).text(0)

    # Delete the passage: the comment stays, shown as orphaned.
    c = QTextCursor(editor.document())
    i = editor.text().index(" Les injections")
    c.setPosition(i)
    c.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    c.removeSelectedText()
    window.check_now()
    assert tree.topLevelItemCount() == 1
    assert "orphelin" in tree.topLevelItem(0).text(0)


def test_history_dialog_shows_a_readable_diff(window, qtbot, tmp_path, profile):
    _open_and_type(window, qtbot, tmp_path)
    panel = window.review_panel
    panel.submit_b.click()
    Dialogs(fill_text("Retirer la remise."))
    panel.changes_b.click()
    c = window.editor.textCursor()
    c.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(c)
    type_text(window.editor, "\nSur devis uniquement.")
    window.check_now()
    panel.submit_b.click()
    from editor.ui.history_dialog import HistoryDialog

    dlg = HistoryDialog(panel.review, panel)
    qtbot.addWidget(dlg)
    assert dlg.a.count() >= 2
    dlg.a.setCurrentIndex(0)
    dlg.b.setCurrentIndex(dlg.b.count() - 1)
    shown = dlg.view.toPlainText()
    assert "+Sur devis uniquement." in shown
    assert "soumis pour relecture par Dr Claire Martin" in shown


def test_corrupt_review_file_gives_a_clear_message_and_the_post_opens(window, tmp_path,
                                                                      prompter, profile):
    path = post(tmp_path, "abimee.md", PROMO + "\n")
    (tmp_path / "abimee.review.jsonl").write_text("{pas du json\n", encoding="utf-8")
    assert window.open_path(path)
    assert PROMO in window.editor.text()
    panel = window.review_panel
    assert panel.problem_label.isVisible()
    assert "corrompu" in panel.problem_label.text()
    assert not panel.submit_b.isEnabled() and "accept" not in card_actions(window, "-20 %")
    assert any("-20 %" in it.text(0) for it in window.findings_panel.items())   # still checked
    assert (tmp_path / "abimee.review.jsonl").read_text("utf-8") == "{pas du json\n"


def test_a_damaged_history_is_repaired_from_the_panel_nothing_lost(window, qtbot, tmp_path,
                                                                   prompter, profile):
    """A damaged line blocks every review action; « Réparer l’historique… » sets it aside (a full
    copy is kept beside the journal), records the repair, and the review works again."""
    path = post(tmp_path, "offre.md", PROMO + "\n")
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)
    panel = window.review_panel
    _accept(window, qtbot)
    journal = tmp_path / "offre.review.jsonl"
    before = journal.read_bytes()
    journal.write_bytes(before + b"{pas du json\n")
    other = post(tmp_path, "autre.md", "Bonjour.\n")
    assert window.open_path(other) and window.open_path(path)
    assert panel.repair_b.isVisible() and "withdraw" not in card_actions(window, "-20 %")

    prompter.confirm_answer = False
    assert not panel.repair_b.click() and journal.read_bytes().endswith(b"{pas du json\n")
    prompter.confirm_answer = True
    qtbot.mouseClick(panel.repair_b, Qt.MouseButton.LeftButton)
    assert ("confirm", "Réparer l’historique de relecture") == prompter.calls[-1][:2]
    assert not panel.repair_b.isVisible() and not panel.problem_label.isVisible()
    assert "1 ligne(s) écartée(s)" in panel.message.text()
    [backup] = tmp_path.glob("offre.review.jsonl.damaged-*")
    assert backup.read_bytes() == before + b"{pas du json\n"
    assert journal.read_bytes().startswith(before)               # every readable entry kept
    assert _item(panel, "-20 %").text(1).startswith("acceptée")   # the decision still holds


def test_queue_lists_the_posts_waiting_for_review(window, qtbot, tmp_path, profile):
    _open_and_type(window, qtbot, tmp_path)
    other = post(tmp_path, "autre.md", "Un texte sans problème.\n")
    panel = window.review_panel
    panel.tabs.setCurrentWidget(panel.queue_tab)
    assert panel.queue.item(0).text() == "Aucune publication à relire."
    panel.submit_b.click()
    names = [q.path.name for q in panel.refresh_queue()]
    assert names == ["offre.md"]
    assert panel.queue.item(0).text().startswith("offre.md — Dr Claire Martin")
    assert window.open_post(str(other))
    panel.tabs.setCurrentWidget(panel.queue_tab)
    panel.queue.itemClicked.emit(panel.queue.item(0))
    assert window.session.path.name == "offre.md"


def test_renaming_the_post_keeps_its_review(window, qtbot, tmp_path, profile, prompter):
    _open_and_type(window, qtbot, tmp_path)
    _accept(window, qtbot)
    window.save()
    prompter.text_answer = "offre-renommee"
    assert window.rename()
    assert (tmp_path / "offre-renommee.review.jsonl").exists()
    assert not (tmp_path / "offre.review.jsonl").exists()
    window.check_now()
    assert _item(window.review_panel, "-20 %").text(1).startswith("acceptée")


def test_false_positive_report_for_the_rule_maintainers(window, qtbot, tmp_path, profile,
                                                        monkeypatch):
    _open_and_type(window, qtbot, tmp_path)
    _accept(window, qtbot, kind="faux-positif", reason="Citation d'une publicité refusée.")
    out = tmp_path / "rapport.csv"
    panel = window.review_panel
    monkeypatch.setattr(panel, "_ask_report_path", lambda folder: str(out))
    panel.report_b.click()
    text = out.read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("fichier,règle")
    assert "test.discount" in text and "-20 %" in text
    assert "Citation d'une publicité refusée." in text


def test_two_person_mode_needs_a_second_approver(window, qtbot, tmp_path, user_dirs):
    """The author submits; the assistant accepts the error and approves: as the one who
    accepted it, hers is a first signature; the author's approval completes it."""
    from editor.review.profile import Profile, save_profile

    save_profile(Profile("Dr Claire Martin", "chirurgienne", "pair"))
    _open_and_type(window, qtbot, tmp_path)
    panel = window.review_panel
    panel.submit_b.click()
    save_profile(Profile("Inès Dubois", "assistante", "pair"))
    _accept(window, qtbot)
    panel.approve_b.click()                      # the one who accepted signs, cannot approve alone
    assert "Signature d’Inès Dubois enregistrée" in panel.message.text()
    assert "à relire" in panel.state_label.text() and "signé par Inès Dubois" in \
        panel.state_label.text()
    save_profile(Profile("Dr Claire Martin", "chirurgienne", "pair"))
    panel.approve_b.click()
    assert "approuvé" in panel.state_label.text()


def test_withdrawing_a_decision_reopens_the_finding(window, qtbot, tmp_path, profile):
    _open_and_type(window, qtbot, tmp_path)
    _accept(window, qtbot)
    panel = window.review_panel
    assert _item(panel, "-20 %").text(1).startswith("acceptée")
    click_card_link(qtbot, window, "-20 %", "withdraw")     # « Retirer la décision »
    qtbot.waitUntil(lambda: _item(panel, "-20 %").text(1) == "ouverte", timeout=3000)


def test_workspace_counts_leave_out_errors_accepted_in_review(tmp_path):
    from editor.compliance.service import make_engine
    from editor.review.model import REASON_KINDS
    from editor.review.session import ReviewSession
    from editor.ui.workspace import scan_workspace

    engine, _ = make_engine(spelling=False)
    path = tmp_path / "offre.md"
    text = "Black Friday : -25 % sur le lifting !\n"
    path.write_text(text, encoding="utf-8")
    check = lambda t, base: engine.check(t, base_dir=base)  # noqa: E731
    from editor.review.items import group_items

    [before] = scan_workspace(tmp_path, check)
    # one count per problem (the findings on one passage are one item), as the panel counts
    problems = [it for it in group_items(check(text, tmp_path).findings) if it.blocking()]
    assert before.counts["error"] == len(problems) > 0
    session = ReviewSession(path)
    outcome = session.accept_item(text, problems[0].findings, sorted(REASON_KINDS)[0],
                                  "Exemple cité, pas une offre.", "Claire")
    assert outcome.ok, outcome.message
    [after] = scan_workspace(tmp_path, check)
    assert after.counts["error"] == len(problems) - 1
