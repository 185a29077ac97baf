"""Writing in the editor: findings inline and in the panel, preview, suggestions, counters."""

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor
from uihelpers import post, shown_text, type_text

PROMO = "Le meilleur chirurgien de la région : -20 % sur les séances, réflexion offerte."


def _rect_point(editor, mark) -> QPoint:
    c = QTextCursor(editor.document())
    c.setPosition(mark.start + 1)
    return editor.cursorRect(c).center()


def test_typing_a_promotional_sentence_underlines_it_and_lists_it(window, qtbot):
    editor = window.editor
    editor.setFocus()
    type_text(editor, PROMO)
    assert editor.text() == PROMO
    # Typing only restarts the pause timer; the check runs once the user pauses.
    qtbot.waitUntil(lambda: window.checker.up_to_date, timeout=3000)
    by_text = {m.cursor.selectedText(): m for m in editor.marks}
    assert set(by_text) == {"Le meilleur chirurgien", "-20 %", "réflexion"}
    sel_list = editor.extraSelections()
    sels = {s.cursor.selectedText(): QTextCharFormat(s.format) for s in sel_list}
    promo_fmt = sels["-20 %"]
    assert promo_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert promo_fmt.underlineColor().name() == "#d0312d"          # error: red
    assert sels["Le meilleur chirurgien"].underlineColor().name() == "#e67e00"  # warning: orange
    assert sels["réflexion"].underlineColor().name() == "#1f6fd1"   # info: blue
    # The panel lists them, with counts
    panel = window.findings_panel
    texts = [it.text(0) for it in panel.items()]
    assert any("-20 %" in t for t in texts)
    assert "1 erreur(s)" in shown_text(panel.summary)
    # A click in the panel selects the passage in the editor
    item = next(it for it in panel.items() if "-20 %" in it.text(0))
    panel.tree.itemClicked.emit(item, 0)
    assert editor.textCursor().selectedText() == "-20 %"


def test_underlines_follow_edits_until_the_next_check(window, qtbot):
    window.editor.setPlainText("Texte : -20 % ici.")
    window.check_now()
    c = QTextCursor(window.editor.document())
    c.insertText("Début. ")
    assert sorted(m.cursor.selectedText() for m in window.editor.marks) == ["-20 %"]


def test_panel_filters_and_groups(window):
    window.editor.setPlainText(PROMO)
    window.check_now()
    panel = window.findings_panel
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData("error"))
    assert [m.finding.rule for m in panel.visible_marks()] == ["test.discount"]
    panel.severity_filter.setCurrentIndex(0)
    panel.group.setCurrentIndex(2)   # by category
    heads = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert any(h.startswith("Prix et promotions (1)") for h in heads)
    panel.category_filter.setCurrentIndex(panel.category_filter.findData("superlative"))
    assert [m.finding.category for m in panel.visible_marks()] == ["superlative"]


def test_tooltip_shows_message_reference_and_suggestion(window):
    from editor.ui.editor_widget import tooltip_html

    window.editor.setPlainText(PROMO)
    window.check_now()
    f = next(m.finding for m in window.editor.marks if m.finding.rule == "test.discount")
    html = tooltip_html([f])
    assert "Promotion ou réduction" in html and "R.4127-19" in html
    assert "un devis personnalisé" in html and "Erreur" in html


def test_context_menu_shows_the_advice_and_never_inserts_it(window):
    """A rule's suggestion is advice (greyed in the menu), never a « Remplacer par » entry."""
    editor = window.editor
    editor.setPlainText("Je suis le meilleur chirurgien du coin.")
    window.check_now()
    mark = editor.marks[0]
    menu = editor.build_context_menu(_rect_point(editor, mark))
    labels = [a.text() for a in menu.actions()]
    assert not any(t.startswith("Remplacer par") for t in labels)
    advice = next(a for a in menu.actions() if a.objectName() == "adviceAction")
    assert advice.text() == "Conseil\u00a0: un chirurgien qualifié" and not advice.isEnabled()
    assert "Expliquer la règle" in labels
    advice.trigger()                              # disabled: nothing happens
    assert not editor.apply_suggestion(mark, "un chirurgien qualifié")   # refused by the editor
    assert editor.text() == "Je suis le meilleur chirurgien du coin."


def test_explain_the_rule(window, monkeypatch):
    from editor.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs.RuleDialog, "exec", lambda self: shown.append(self) or 0)
    window.editor.setPlainText("-20 % ce mois-ci")
    window.check_now()
    window.explain(window.editor.marks[0].finding)
    text = shown[0].view.toPlainText()
    assert "commerce" in text and "CSP art. R.4127-19" in text and "-20 %" in text


def test_spelling_has_its_own_underline_and_add_to_dictionary(make_window, ui_engine, speller,
                                                              qtbot):
    from editor.compliance.engine import Engine

    engine = Engine(ui_engine.rules, speller)
    w = make_window(engine=engine)
    w.editor.setPlainText("Un chirugien zorglubesque opère.")
    w.check_now()
    spelled = [m for m in w.editor.marks if m.finding.category == "spelling"]
    assert {m.cursor.selectedText() for m in spelled} >= {"chirugien"}
    sel_list = w.editor.extraSelections()
    fmt = {s.cursor.selectedText(): QTextCharFormat(s.format) for s in sel_list}["chirugien"]
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    target = next(m for m in spelled if m.cursor.selectedText() == "zorglubesque")
    menu = w.editor.build_context_menu(_rect_point(w.editor, target))
    add = next(a for a in menu.actions() if a.text() == "Ajouter au dictionnaire")
    add.trigger()
    try:
        assert "zorglubesque" not in {m.cursor.selectedText() for m in w.editor.marks}
    finally:
        speller.remove_word("zorglubesque")


def test_preview_updates_and_is_a_sandbox(window, qtbot, tmp_path, prompter, monkeypatch):
    from PySide6.QtGui import QDesktopServices, QImage

    img = QImage(8, 8, QImage.Format.Format_RGB32)
    img.fill(0x3366AA)
    assert img.save(str(tmp_path / "img.png"))
    p = post(tmp_path, "p.md", "# Titre\n\nBonjour\n")
    window.open_path(p)
    qtbot.waitUntil(lambda: "Bonjour" in window.preview.toPlainText(), timeout=3000)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor, "\nNouveau paragraphe <script>alert(1)</script>\n\n"
                             "![x](img.png) ![y](https://evil.example/y.png) "
                             "[lien](https://example.org)\n")
    qtbot.waitUntil(lambda: window.previewer.up_to_date, timeout=3000)
    shown = window.preview.toPlainText()
    assert "Nouveau paragraphe <script>alert(1)</script>" in shown   # shown as text
    assert "<script>" not in window.preview.html_source
    assert "image distante non chargée" in shown
    img = window.preview.loadResource(2, QUrl("img.png"))
    assert img is not None and not img.isNull()
    assert window.preview.loadResource(2, QUrl("https://evil.example/y.png")) is None
    assert window.preview.loadResource(2, QUrl("../../etc/passwd")) is None
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda u: opened.append(u)))
    window.preview.anchorClicked.emit(QUrl("https://example.org"))
    assert prompter.kinds()[-1] == "open_link" and opened == []     # refused
    prompter.link_answer = True
    window.preview.anchorClicked.emit(QUrl("https://example.org"))
    assert [u.toString() for u in opened] == ["https://example.org"]
    window.preview.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert len(opened) == 1


def test_preview_follows_editor_scroll(window, tmp_path, qtbot):
    body = "\n\n".join(f"Paragraphe {i} " + "mot " * 40 for i in range(80))
    window.open_path(post(tmp_path, "long.md", body))
    qtbot.waitUntil(lambda: len(window.preview.anchors) > 50, timeout=5000)
    window.editor.verticalScrollBar().setValue(window.editor.verticalScrollBar().maximum() // 2)
    assert window.preview.verticalScrollBar().value() > 0


def test_counts_and_network_counters(window, tmp_path):
    p = post(tmp_path, "c.md", "Bonjour à tous 😀\n", networks="[instagram, x, inconnu]")
    window.open_path(p)
    window.update_counts()
    assert window.counts_label.text().startswith("3 mots")
    net = window.networks_label.text()
    assert "Instagram 17/2\u202f200" in net        # emoji = 2 UTF-16 units
    assert "X 17/280" in net                        # emoji weight 2
    assert "inconnu\u202f?" in net


def test_find_and_replace(window):
    window.editor.setPlainText("une séance, deux séances, Séance")
    bar = window.find_bar
    bar.open_bar(True)
    bar.find_edit.setText("séance")
    assert bar.find_next()
    assert window.editor.textCursor().selectedText() == "séance"
    bar.replace_edit.setText("consultation")
    assert bar.replace_all() == 3
    assert window.editor.text() == "une consultation, deux consultations, consultation"
    window.editor.undo()    # one undo step
    assert window.editor.text() == "une séance, deux séances, Séance"


def test_zoom_and_standard_shortcuts(window):
    size = window.editor.font().pointSizeF()
    window.actions["zoom_in"].trigger()
    assert window.editor.font().pointSizeF() > size
    window.actions["zoom_reset"].trigger()
    assert abs(window.editor.font().pointSizeF() - size) < 0.01
    from PySide6.QtGui import QKeySequence

    assert window.actions["save"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Édition", "&Affichage", "&Relecture", "&Aide"]


def test_workspace_list_shows_titles_status_and_counts(window, tmp_path, qtbot):
    post(tmp_path, "a.md", "Bonjour.\n")
    post(tmp_path, "b.md", "Promo : -20 % et le meilleur chirurgien.\n")
    window.open_workspace(tmp_path)
    tree = window.workspace_panel.tree
    rows = {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).text(c) for c in range(1, 5)]
            for i in range(tree.topLevelItemCount())}
    assert rows["b"] == ["Brouillon", "1", "1", "0"]       # the review state, not the front matter
    assert rows["a"][0] == "Brouillon"
    assert window.session.path.name == "a.md"   # the first post opens
    tree.itemClicked.emit(next(tree.topLevelItem(i) for i in range(2)
                               if tree.topLevelItem(i).text(0) == "b"), 0)
    assert window.session.path.name == "b.md"
