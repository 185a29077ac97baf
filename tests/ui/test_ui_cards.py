"""The findings as cards, the window's only findings list: the passage, the reasons in plain
words, and the actions (Expliquer · Remplacer only for a declared drop-in · Accepter… ·
Renvoyer…), also in the card's and the editor's right-click menus."""
from __future__ import annotations

import textwrap

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTreeWidget
from uihelpers import card, card_actions, click_card_link, post

RULES = """\
category: misleading-claim
reference: "CSP art. R.4127-19-1"
rules:
  - id: test.guaranteed
    severity: error
    message: Promesse de résultat.
    explanation: Un résultat ne peut pas être promis.
    suggestion: Parler d'un résultat attendu, expliqué en consultation.
    replacement: résultat attendu
    patterns: [résultat garanti]
    examples: {flag: ["Un [résultat garanti] !"], ok: ["Un résultat attendu."]}
  - id: test.forever
    severity: warning
    message: Promesse de durée.
    explanation: Aucun résultat n'est définitif.
    patterns: ["garanti à vie"]
    examples: {flag: ["Un résultat [garanti à vie]."], ok: ["Un résultat durable."]}
  - id: test.painless
    severity: warning
    message: Promesse de confort.
    suggestion: Décrire les suites réelles de l'intervention.
    patterns: [sans douleur]
    examples: {flag: ["Une intervention [sans douleur]."], ok: ["Une intervention."]}
"""
TEXT = "Un résultat garanti à vie. Une intervention sans douleur.\n"


@pytest.fixture(scope="module")
def drop_in_engine(tmp_path_factory):
    from editor.compliance.engine import Engine
    from editor.compliance.rules import load_rules

    folder = tmp_path_factory.mktemp("pack")
    (folder / "pack.yaml").write_text('name: cards\nversion: "1"\ntitle: t\nlanguage: fr\n',
                                      encoding="utf-8")
    (folder / "rules.yaml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    rs = load_rules(dirs=[folder], use_cache=False)
    assert not rs.errors, rs.errors
    return Engine(rs)


@pytest.fixture
def profile(user_dirs):
    from editor.review.profile import Profile, save_profile

    assert save_profile(Profile("Julie Moreau", "assistante", "solo")) is None


@pytest.fixture
def cards_window(make_window, drop_in_engine, tmp_path):
    w = make_window(engine=drop_in_engine)
    assert w.open_path(post(tmp_path, "p.md", TEXT, networks="[facebook]"))
    w.check_now()
    return w


def test_there_is_one_findings_list(cards_window):
    trees = [t.objectName() for t in cards_window.findChildren(QTreeWidget)]
    assert "findingsTree" in trees and "reviewFindings" not in trees
    tabs = cards_window.review_panel.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Commentaires", "À relire"]


def test_a_card_shows_the_passage_once_and_its_reasons(cards_window):
    row = card(cards_window, "garanti à vie")
    c = cards_window.findings_panel.card_of(row)
    assert c.passage == "«\u00a0résultat garanti à vie\u00a0»"
    assert [t for t, _ in c.reasons] == ["Promesse de résultat.", "Promesse de durée."]
    assert len(cards_window.findings_panel.items()) == 2     # two problems, three findings
    # drawn as a card, taller than a line, without a widget per card
    tree = cards_window.findings_panel.tree
    assert tree.visualItemRect(row).height() > 3 * tree.fontMetrics().height()
    assert not cards_window.findings_panel.grab().isNull()


def test_replace_only_where_the_rule_declares_a_drop_in(cards_window, qtbot):
    assert card_actions(cards_window, "garanti à vie")[:2] == ["explain", "replace"]
    assert "replace" not in card_actions(cards_window, "sans douleur")   # advice only
    label = dict(cards_window.findings_panel.card_of(card(cards_window, "garanti à vie"))
                 .actions)["replace"]
    assert label == "Remplacer par «\u00a0résultat attendu\u00a0»"
    before = cards_window.editor.text()
    click_card_link(qtbot, cards_window, "garanti à vie", "replace")
    assert cards_window.editor.text() == before.replace("résultat garanti", "résultat attendu")
    cards_window.editor.undo()
    assert cards_window.editor.text() == before


def test_explain_on_a_card_explains_every_rule_of_the_problem(cards_window, qtbot, monkeypatch):
    from editor.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs.RuleDialog, "exec", lambda self: shown.append(self) or 0)
    click_card_link(qtbot, cards_window, "garanti à vie", "explain")
    text = shown[-1].view.toPlainText()
    assert "Un résultat ne peut pas être promis." in text
    assert "Aucun résultat n'est définitif." in text
    assert "test.guaranteed" not in text


def test_the_card_and_the_editor_menus_offer_the_same_decisions(cards_window, profile):
    panel = cards_window.findings_panel
    item = panel.item_of(card(cards_window, "garanti à vie"))
    menu = panel.context_menu(item)
    assert [a.objectName() for a in menu.actions()] == [
        "card_explain", "card_replace", "card_accept", "card_send_back"]
    editor = cards_window.editor
    c = QTextCursor(editor.document())
    c.setPosition(editor.text().index("garanti") + 2)
    menu = editor.build_context_menu(editor.cursorRect(c).center() + QPoint(1, 0))
    names = [a.objectName() for a in menu.actions()]
    assert names.count("acceptAction") == 1 and names.count("sendBackAction") == 1  # one problem
    menu.deleteLater()


def test_send_back_from_the_editor_menu_covers_the_problem(cards_window, qtbot, profile):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def answer():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, answer)
            return
        dlg.edit.setPlainText("Reformulez sans promesse.")
        dlg.accept()
    QTimer.singleShot(10, answer)
    finding = next(f for f in cards_window.analysis.findings if f.rule == "test.forever")
    assert cards_window._decision_from_editor("send_back", finding)
    row = card(cards_window, "garanti à vie")
    assert row.text(1).startswith("renvoyée à l'auteur par Julie Moreau")
    statuses = cards_window.review_panel.status_of("garanti à vie").statuses
    assert {s.status for s in statuses} == {"sent-back"} and len(statuses) == 2


def test_a_misspelling_card_offers_its_words_and_the_dictionary(make_window, ui_engine,
                                                                speller, tmp_path):
    from editor.compliance.engine import Engine

    w = make_window(engine=Engine(ui_engine.rules, speller))
    w.editor.setPlainText("Un chirugien opère.")
    w.check_now()
    keys = card_actions(w, "chirugien")
    assert keys[-1] == "add_word" and "accept" not in keys and "explain" not in keys
