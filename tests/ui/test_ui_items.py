"""One item per problem in the window: the findings panel and the review panel list a
before/after pair once with its reasons under it, one acceptance settles it, the counts agree."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from uihelpers import card, card_actions, click_card_link, post, shown_text

PAIR = "Avant ![avant](avant.jpg) après ![apres](apres.jpg) J+30\n"


@pytest.fixture
def profile(user_dirs):
    from editor.review.profile import Profile, save_profile

    p = Profile("Julie Moreau", "assistante", "solo")
    assert save_profile(p) is None
    return p


def answer(handler, qtbot):
    """Run ``handler`` on the next modal dialog (polling), and report whether it ran."""
    seen = []

    def poll():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(dlg.objectName())
        handler(dlg)
    QTimer.singleShot(10, poll)
    return seen


def open_post(window, tmp_path, body):
    for name in ("avant.jpg", "apres.jpg"):
        (tmp_path / name).write_bytes(b"photo")
    path = post(tmp_path, "p.md", body, networks="[facebook]")
    assert window.open_path(path)
    window.check_now()
    return path


def test_a_before_after_pair_is_one_row_with_its_reasons(make_window, engine, tmp_path):
    window = make_window(engine=engine)
    open_post(window, tmp_path, PAIR)
    fp = window.findings_panel
    [item] = [it for it in fp.problems if not it.spelling]
    assert len(item.findings) >= 4 and len(item.reasons) >= 2
    [row] = [r for r in fp.items() if fp.item_of(r) is item]      # one card
    assert row.text(0).startswith("«\u00a0Avant ![avant](avant.jpg) après ![apres](apres.jpg)")
    card = fp.card_of(row)
    assert card.passage == row.text(0).split(" — ")[0]               # the passage, once
    assert [text for text, _ in card.reasons] == item.reasons          # its reasons under it
    assert [k for k, _ in card.actions] == ["explain", "accept", "send_back"]
    assert "1 erreur(s)" in shown_text(fp.summary)
    assert len(window.review_panel.problems) == 1
    # a click on the card selects the whole passage in the editor
    fp.tree.itemClicked.emit(row, 0)
    assert window.editor.textCursor().selectedText().startswith("Avant ![avant]")
    assert window.review_panel.selected().item.group == item.group


def test_one_acceptance_settles_every_finding_of_the_item(make_window, engine, tmp_path, qtbot,
                                                          profile):
    window = make_window(engine=engine)
    path = open_post(window, tmp_path, PAIR)
    assert card_actions(window, "avant.jpg") == ["explain", "accept", "send_back"]

    def fill(dlg):
        assert dlg.objectName() == "acceptDialog"
        dlg.reason.setPlainText("Schéma pédagogique, aucun patient.")
        dlg.accept()
    seen = answer(fill, qtbot)
    click_card_link(qtbot, window, "avant.jpg", "accept")     # « Accepter… » on the card
    assert seen == ["acceptDialog"]
    findings = window.analysis.findings
    accepted = window.review_panel.accepted
    assert findings and all(f.id in accepted for f in findings if f.category != "spelling")
    assert window.findings_panel.accepted == accepted
    row = card(window, "avant.jpg")
    assert row.text(1).startswith("acceptée (faux positif) par Julie Moreau")
    assert window.findings_panel.card_of(row).decision.endswith(
        "«\u00a0Schéma pédagogique, aucun patient.\u00a0»")
    assert card_actions(window, "avant.jpg") == ["explain", "withdraw"]
    assert "0 erreur(s)" in shown_text(window.findings_panel.summary)
    assert "1 acceptée(s)" in shown_text(window.findings_panel.summary)
    assert window.check_label.text().startswith("0 erreur(s), 0 avertissement(s)")
    # one decision per finding, in one step of the journal
    from editor.review.session import ReviewSession

    decisions = [e for e in ReviewSession(path).journal.entries if e.get("type") == "decision"]
    assert len(decisions) == len([f for f in findings if f.category != "spelling"])


def test_thanks_to_a_patient_is_one_item(make_window, engine, tmp_path):
    window = make_window(engine=engine)
    # two rules (a named patient, a patient's thanks) on the same words: one card
    open_post(window, tmp_path, "Merci à Julie pour sa confiance 🙏\n")
    assert len(window.findings_panel.items()) == 1
    [item] = window.findings_panel.problems
    assert item.passage == "Merci à Julie"


def test_the_export_refusal_lists_problems_in_plain_words(make_window, engine, tmp_path,
                                                           prompter, user_dirs):
    window = make_window(engine=engine)
    open_post(window, tmp_path, PAIR)
    prompter.confirm_answer = True             # solo: export without review, after asking
    window.network_panel.export(str(tmp_path / "out"))
    [error] = [c for c in prompter.calls if c[0] == "error"]
    assert error[1] == "Export refusé"
    body = error[2]
    assert "1 problème(s)" in body
    assert body.count("\n•") == 1 and "«\u00a0Avant ![avant](avant.jpg)" in body
    assert "ligne" not in body.lower() and "before-after" not in body


def test_a_post_with_nothing_found_says_it_still_needs_reading(make_window, engine, tmp_path):
    """« Aucun signalement » is not a clearance: the panel says Tact does not catch everything."""
    window = make_window(engine=engine)
    open_post(window, tmp_path, "La cicatrice d'une blépharoplastie se cache dans le pli de la "
                                "paupière ; elle rosit quelques mois puis blanchit.\n")
    text = shown_text(window.findings_panel.summary)
    assert text.startswith("Aucun signalement.")
    assert "relisez la publication avant de l’approuver" in text
