"""A check result on a long post: the findings list changes only where the problems changed. The
card the user was on stays current, the list stays where it was scrolled, and what it shows is
exactly what a list built afresh from the same findings shows."""
from __future__ import annotations

import textwrap

import pytest
from PySide6.QtGui import QTextCursor
from uihelpers import post

RULES = """\
category: misleading-claim
reference: "CSP art. R.4127-19-1"
rules:
  - id: test.guaranteed
    severity: error
    message: Promesse de résultat.
    explanation: Un résultat ne peut pas être promis.
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
# 60 problems (a long post's list): two per paragraph.
TEXT = "".join(f"Paragraphe {i}. Un résultat garanti à vie. Une intervention sans douleur.\n\n"
               for i in range(30))


@pytest.fixture(scope="module")
def rules_engine(tmp_path_factory):
    from editor.compliance.engine import Engine
    from editor.compliance.rules import load_rules

    folder = tmp_path_factory.mktemp("pack")
    (folder / "pack.yaml").write_text('name: update\nversion: "1"\ntitle: t\nlanguage: fr\n',
                                      encoding="utf-8")
    (folder / "rules.yaml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    rs = load_rules(dirs=[folder], use_cache=False)
    assert not rs.errors, rs.errors
    return Engine(rs)


@pytest.fixture
def long_window(make_window, rules_engine, tmp_path):
    w = make_window(engine=rules_engine)
    w.resize(1200, 700)
    assert w.open_path(post(tmp_path, "long.md", TEXT, networks="[facebook]"))
    w.check_now()
    assert len(w.findings_panel.items()) == 60
    return w


def shown(panel) -> list[tuple]:
    """Everything a row shows: its text, decision column, tooltips and card."""
    return [(r.text(0), r.text(1), r.toolTip(0), r.toolTip(1), panel.card_of(r))
            for r in panel.items()]


def fresh(window) -> list[tuple]:
    """The same findings in a list built from nothing."""
    from editor.ui.findings_panel import FindingsPanel

    p = FindingsPanel()
    p.set_review(window.findings_panel.statuses, window.findings_panel.can_decide)
    p.set_marks(window.marks, window.analysed_text)
    try:
        return shown(p)
    finally:
        p.deleteLater()


def insert(window, needle: str, text: str) -> None:
    """Type ``text`` just before ``needle`` (one edit), then let the check run."""
    c = QTextCursor(window.editor.document())
    c.setPosition(window.editor.text().index(needle))
    c.insertText(text)
    window.check_now()


def test_a_new_problem_appears_in_place_and_the_current_card_stays(long_window):
    panel = long_window.findings_panel
    row = panel.items()[31]
    panel.tree.setCurrentItem(row)
    current = panel.current_item()
    assert "Paragraphe" not in current.passage          # a problem, not its paragraph
    insert(long_window, "Paragraphe 3.", "Un résultat garanti. ")
    rows = panel.items()
    assert len(rows) == 61
    assert "Promesse de résultat." in rows[6].text(0)   # paragraph 3 comes after six problems
    assert shown(panel) == fresh(long_window)
    now = panel.current_item()
    assert now is not None and now.passage == current.passage
    assert now.start == current.start + len("Un résultat garanti. ")   # the same problem


def test_gone_and_changed_problems_are_shown_as_a_fresh_list_would(long_window):
    panel = long_window.findings_panel
    text = long_window.editor.text()
    # remove one problem (« garanti à vie » becomes « garanti » alone: a different item)
    c = QTextCursor(long_window.editor.document())
    start = text.index("garanti à vie", text.index("Paragraphe 10."))
    c.setPosition(start + len("garanti"))
    c.setPosition(start + len("garanti à vie"), QTextCursor.MoveMode.KeepAnchor)
    c.removeSelectedText()
    long_window.check_now()
    assert len(panel.items()) == 60
    assert shown(panel) == fresh(long_window)
    # a paragraph and its two problems deleted
    text = long_window.editor.text()
    c = QTextCursor(long_window.editor.document())
    c.setPosition(text.index("Paragraphe 20."))
    c.setPosition(text.index("Paragraphe 21."), QTextCursor.MoveMode.KeepAnchor)
    c.removeSelectedText()
    long_window.check_now()
    assert len(panel.items()) == 58
    assert shown(panel) == fresh(long_window)


def test_no_card_stays_current_once_its_problem_is_gone(long_window):
    panel = long_window.findings_panel
    # The last paragraph's « garanti à vie » (the same passage elsewhere is another problem: a
    # problem is known by its passage and which occurrence of it it is).
    panel.tree.setCurrentItem(panel.items()[58])
    assert panel.current_item().passage == "résultat garanti à vie"
    text = long_window.editor.text()
    c = QTextCursor(long_window.editor.document())
    c.setPosition(text.index("Paragraphe 29."))
    c.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    c.removeSelectedText()
    long_window.check_now()
    assert len(panel.items()) == 58
    assert panel.current_item() is None


def test_cards_follow_when_decisions_become_impossible(long_window):
    panel = long_window.findings_panel
    links = [panel.card_of(r).actions for r in panel.items()]
    panel.set_decidable(not panel.can_decide)
    assert [panel.card_of(r).actions for r in panel.items()] != links
    assert shown(panel) == fresh(long_window)


def test_a_check_result_leaves_the_list_where_it_was_scrolled(long_window, qtbot):
    panel = long_window.findings_panel
    bar = panel.tree.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    insert(long_window, "Paragraphe 29.", "Une intervention sans douleur. ")   # below the view
    assert len(panel.items()) == 61
    assert bar.value() == where


def test_the_grouped_list_and_filters_still_show_every_change(long_window):
    from editor.ui.findings_panel import GROUP_SEVERITY

    panel = long_window.findings_panel
    panel.group.setCurrentIndex(GROUP_SEVERITY)
    insert(long_window, "Paragraphe 5.", "Un résultat garanti. ")
    heads = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert heads[0].endswith("(31)")                 # errors first: 30 + the new one
    panel.group.setCurrentIndex(0)
    i = panel.severity_filter.findData("warning")
    panel.severity_filter.setCurrentIndex(i)
    assert len(panel.items()) == 30                  # « sans douleur », once a paragraph
    panel.severity_filter.setCurrentIndex(0)
    assert shown(panel) == fresh(long_window)


def test_cards_grow_taller_when_the_list_narrows(long_window, qtbot):
    panel = long_window.findings_panel
    row = panel.items()[0]
    tall = panel.tree.visualItemRect(row).height()
    wide = panel.tree.viewport().width()
    panel.tree.setFixedWidth(max(170, wide // 2))          # the reasons wrap on more lines
    qtbot.waitUntil(lambda: panel.tree.visualItemRect(row).height() > tall, timeout=3000)
    panel.tree.setMinimumWidth(0)
    panel.tree.setMaximumWidth(16777215)


def test_the_results_items_give_the_list_a_fresh_grouping_gives(long_window):
    """The window groups a result once and hands the items to the list; a finding without an
    underline (the word being typed) leaves its problem out, as a list grouping the underlines
    itself would."""
    from editor.ui.findings_panel import FindingsPanel

    w = long_window
    assert shown(w.findings_panel) == fresh(w)
    # one reason of the first « résultat garanti à vie » (two rules, one problem) not drawn
    left_out = next(m for m in w.marks if m.finding.rule == "test.forever")
    marks = [m for m in w.marks if m is not left_out]
    ours, theirs = FindingsPanel(), FindingsPanel()
    try:
        for p in (ours, theirs):
            p.set_review(w.findings_panel.statuses, w.findings_panel.can_decide)
        ours.set_marks(marks, w.analysed_text, w.items)
        theirs.set_marks(marks, w.analysed_text)
        assert len(ours.items()) == 60
        first = ours.problems[0]
        assert [f.rule for f in first.findings] == ["test.guaranteed"]
        assert shown(ours) == shown(theirs)
        assert ours.summary.text() == theirs.summary.text()
    finally:
        ours.deleteLater()
        theirs.deleteLater()


def test_hovering_an_underlined_passage_shows_its_problem(long_window, monkeypatch):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    shown_tips = []
    monkeypatch.setattr(QToolTip, "showText", lambda *a: shown_tips.append(a[1]))
    editor = long_window.editor
    mark = next(m for m in long_window.marks if m.finding.text == "résultat garanti")
    c = QTextCursor(editor.document())
    c.setPosition(mark.start + 2)
    editor.setTextCursor(c)
    editor.ensureCursorVisible()
    at = editor.cursorRect(c).center()
    view = editor.viewport()
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, at, view.mapToGlobal(at)))
    assert shown_tips and "Promesse de résultat." in shown_tips[-1]
    outside = QPoint(view.width() - 3, view.height() - 3)     # no underline down there
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, outside,
                                            view.mapToGlobal(outside)))
    assert len(shown_tips) == 1
