"""The front matter is edited through the bar above the text (title, networks as check boxes),
never as YAML at the top of the post; the file keeps its front matter; findings stay where they
belong when the front matter is hidden; the new-post dialog asks for the title and networks."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from uihelpers import card, type_text

from editor.document.post import (
    FrontMatterEditError,
    parse_front_matter,
    set_front_matter,
    yaml_scalar,
)
from editor.text.utf16 import Utf16Map

HEAD = ("---\n"
        "title: \"Le meilleur chirurgien 😀 : -20 %\"\n"
        "networks:\n"
        "  - instagram\n"
        "  - x\n"
        "note: >\n"
        "  une note\n"
        "  sur deux lignes 😀\n"
        "status: brouillon\n"
        "---\n")
BODY = "Bonjour 😀 à tous.\n\nOffre : -20 % sur les séances 😀, réflexion offerte.\n"


def write(tmp_path, text: str, name: str = "p.md"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def opened(window, tmp_path, text: str = HEAD + BODY, name: str = "p.md"):
    path = write(tmp_path, text, name)
    assert window.open_path(path)
    window.check_now()
    return path


def top_line(editor) -> str:
    """The line drawn at the top of the editor."""
    return editor.cursorForPosition(QPoint(20, 8)).block().text()


# -- the front matter as text: rewriting one key ---------------------------------------------------
def test_set_front_matter_rewrites_only_the_keys_given():
    src = ("---\ntitle: Ancien\nnetworks:\n- instagram\n- x\n# garder ce commentaire\n"
           "status: brouillon\n---\nCorps : inchangé.\n")
    out = set_front_matter(src, title="Lifting : ce qu’il faut savoir", networks=["x", "facebook"])
    assert out == ("---\ntitle: \"Lifting : ce qu’il faut savoir\"\nnetworks: [x, facebook]\n"
                   "# garder ce commentaire\nstatus: brouillon\n---\nCorps : inchangé.\n")
    fm = parse_front_matter(out)
    assert fm.title == "Lifting : ce qu’il faut savoir" and fm.data["status"] == "brouillon"
    # No front matter yet: one is created at the top, the text is kept.
    assert set_front_matter("Texte.\n", title="T", networks=["instagram"]) == \
        "---\ntitle: T\nnetworks: [instagram]\n---\nTexte.\n"
    # Windows line ends stay Windows line ends.
    assert set_front_matter("---\r\ntitle: a\r\n---\r\nB\r\n", title="é") == \
        "---\r\ntitle: é\r\n---\r\nB\r\n"
    with pytest.raises(FrontMatterEditError):
        set_front_matter("---\ntitle: [cassé\n---\nB\n", networks=["x"])


@pytest.mark.parametrize("title", ["Rhinoplastie", "Rhinoplastie : ce qu'il faut savoir", "yes",
                                   "#hashtag", "", "Lifting 😀", "a, b", "« Guillemets »",
                                   "2024-01-01", " espace", "x\u2028y", '"cité"', "null"])
def test_titles_read_back_exactly_as_typed(title):
    text = set_front_matter("---\ntitle: x\n---\nB\n", title=title)
    assert parse_front_matter(text).title == title
    assert yaml_scalar("Rhinoplastie") == "Rhinoplastie"       # plain when it can be


# -- the editor shows the text, the bar the title and networks -------------------------------------
def test_the_editor_shows_the_text_and_the_bar_the_title_and_networks(window, tmp_path):
    opened(window, tmp_path)
    editor, bar = window.editor, window.front_matter_bar
    assert editor.text() == HEAD + BODY                 # the whole file, front matter included
    assert editor.body_text() == BODY
    assert top_line(editor) == "Bonjour 😀 à tous."      # no YAML drawn at the top
    assert not editor.document().firstBlock().isVisible()
    assert bar.title_edit.text() == "Le meilleur chirurgien 😀 : -20 %"
    checked = {name for name, box in bar.boxes.items() if box.isChecked()}
    assert checked == {"instagram", "x"}
    assert bar.boxes["instagram"].text() == "Instagram"
    assert not window.isWindowModified() and "*" not in window.windowTitle()


def test_marks_stay_on_their_passages_with_a_hidden_multiline_front_matter(window, tmp_path,
                                                                            qtbot):
    """Findings carry offsets in code points of the whole file: with the front matter (several
    lines, emoji) hidden, each mark still covers its passage in the text, and the findings of
    the title are shown on the bar."""
    opened(window, tmp_path)
    editor, bar = window.editor, window.front_matter_bar
    text = HEAD + BODY
    umap = Utf16Map(text)
    body = {m.cursor.selectedText(): m for m in editor.marks if m.start >= editor.body_start}
    assert set(body) == {"-20 %", "réflexion"}
    for passage, mark in body.items():
        assert mark.start == umap.to_utf16(text.index(passage, len(HEAD)))
        assert mark.finding.text == passage == text[mark.finding.start:mark.finding.end]
        rect = editor.cursorRect(QTextCursor(mark.cursor))
        assert editor.viewport().rect().contains(rect.center())       # drawn in the text
    # Under the pointer: the finding of that passage.
    i = umap.to_utf16(text.index("réflexion"))
    c = QTextCursor(editor.document())
    c.setPosition(i + 2)
    menu = editor.build_context_menu(editor.cursorRect(c).center())
    assert any(a.objectName() == "acceptAction" for a in menu.actions())
    # The title's findings: on the bar, not in the text.
    head = [m.cursor.selectedText() for m in editor.front_matter_marks()]
    assert sorted(head) == ["-20 %", "Le meilleur chirurgien"]
    assert bar.findings_label.isVisible()
    assert bar.findings_label.text() == "2 signalement(s) dans l’en-tête"
    assert "#d0312d" in bar.title_edit.styleSheet()         # the worst one is an error: red
    # Choosing the title's card: the title field, the passage selected in it.
    panel = window.findings_panel
    panel.tree.itemClicked.emit(card(window, "meilleur"), 0)
    assert bar.title_edit.hasFocus() or bar.title_edit.selectedText()
    assert bar.title_edit.selectedText() == "Le meilleur chirurgien"
    # Typing in the text moves its marks; the title's stay where they are.
    editor.setFocus()
    c = editor.textCursor()
    c.setPosition(editor.body_start)
    editor.setTextCursor(c)
    type_text(editor, "Alors 😀 ")
    assert sorted(m.cursor.selectedText() for m in editor.marks) == \
        ["-20 %", "-20 %", "Le meilleur chirurgien", "réflexion"]
    window.check_now()
    assert {m.cursor.selectedText() for m in editor.marks if m.start >= editor.body_start} == \
        {"-20 %", "réflexion"}


def test_editing_the_title_and_networks_marks_the_post_modified_and_saves_them(window, tmp_path,
                                                                               qtbot):
    path = opened(window, tmp_path)
    bar = window.front_matter_bar
    bar.title_edit.setFocus()
    bar.title_edit.selectAll()
    type_text(bar.title_edit, "Rhinoplastie : ce qu’il faut savoir")
    assert window.session.modified and window.windowTitle().startswith("p.md*")
    assert window.editor.body_text() == BODY                  # the text is untouched
    qtbot.mouseClick(bar.boxes["facebook"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.boxes["x"], Qt.MouseButton.LeftButton)
    fm = parse_front_matter(window.editor.text())
    assert fm.title == "Rhinoplastie : ce qu’il faut savoir"
    assert fm.data["networks"] == ["instagram", "facebook"]
    # The status bar counts the networks now chosen.
    qtbot.waitUntil(lambda: "Facebook" in window.networks_label.text(), timeout=5000)
    assert "X " not in window.networks_label.text()
    assert window.save()
    saved = path.read_text(encoding="utf-8")
    assert saved.endswith("---\n" + BODY)                   # front matter + the same body
    fm = parse_front_matter(saved)
    assert fm.title == "Rhinoplastie : ce qu’il faut savoir"
    assert fm.data["networks"] == ["instagram", "facebook"]
    assert fm.data["note"] == "une note sur deux lignes 😀\n" and fm.data["status"] == "brouillon"
    assert not window.session.modified


def test_undo_takes_back_bar_edits_and_typing_in_order(window, tmp_path, qtbot):
    opened(window, tmp_path)
    editor, bar = window.editor, window.front_matter_bar
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "Merci.")
    bar.title_edit.setFocus()
    bar.title_edit.end(False)
    type_text(bar.title_edit, " é")
    qtbot.mouseClick(bar.boxes["linkedin"], Qt.MouseButton.LeftButton)
    assert parse_front_matter(editor.text()).title.endswith("-20 % é")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not bar.boxes["linkedin"].isChecked()               # the last edit first
    for _ in range(5):
        if bar.title_edit.text() == "Le meilleur chirurgien 😀 : -20 %":
            break
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bar.title_edit.text() == "Le meilleur chirurgien 😀 : -20 %"
    assert editor.text().endswith("Merci.")                    # the typing is still there
    for _ in range(5):
        if editor.text() == HEAD + BODY:
            break
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == HEAD + BODY
    assert not window.session.modified                        # back to the saved text
    qtbot.keyClick(editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.text() != HEAD + BODY and window.session.modified   # redo


def test_the_cursor_never_enters_the_hidden_front_matter(window, tmp_path, qtbot):
    opened(window, tmp_path)
    editor = window.editor
    editor.setFocus()
    start = editor.body_start
    assert editor.textCursor().position() == start
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert editor.textCursor().position() == start
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_PageUp)
    assert editor.textCursor().position() == start
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)             # would join it to the « --- » line
    assert editor.text() == HEAD + BODY
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectionStart() == start
    window.actions["select_all"].trigger()
    assert editor.textCursor().selectedText().replace("\u2029", "\n") == BODY
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, "Nouveau texte.")
    assert editor.text() == HEAD + "Nouveau texte."
    assert window.front_matter_bar.title_edit.text() == "Le meilleur chirurgien 😀 : -20 %"


def test_find_and_replace_leave_the_front_matter_alone(window, tmp_path):
    opened(window, tmp_path, "---\ntitle: Rhinoplastie\nnetworks: [x]\n---\n"
                             "La rhinoplastie corrige le nez.\n")
    fb = window.find_bar
    fb.open_bar(True)
    fb.find_edit.setText("rhinoplastie")
    assert fb.find_next()
    assert window.editor.textCursor().selectionStart() >= window.editor.body_start
    assert fb.find_previous()       # wraps within the text, never into the title
    assert window.editor.textCursor().selectionStart() >= window.editor.body_start
    fb.replace_edit.setText("chirurgie du nez")
    assert fb.replace_all() == 1
    assert window.editor.text() == ("---\ntitle: Rhinoplastie\nnetworks: [x]\n---\n"
                                    "La chirurgie du nez corrige le nez.\n")


def test_a_broken_front_matter_is_shown_as_text_until_corrected(window, tmp_path, qtbot):
    opened(window, tmp_path, "---\ntitle: \"Rhinoplastie\nnetworks: [x]\n---\nCorps.\n")
    editor, bar = window.editor, window.front_matter_bar
    assert editor.document().firstBlock().isVisible() and editor.body_start == 0
    assert top_line(editor) == "---"
    assert bar.problem.isVisible() and "En-tête illisible" in bar.problem.text()
    assert not bar.title_edit.isEnabled()
    # The user closes the quote at the end of the title line, then goes on writing below.
    block = editor.document().findBlockByNumber(1)
    c = editor.textCursor()
    c.setPosition(block.position() + block.length() - 1)
    editor.setTextCursor(c)
    editor.setFocus()
    type_text(editor, "\"")
    assert editor.body_start == 0                       # not hidden under the user's cursor
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert editor.body_start > 0 and top_line(editor) == "Corps."
    assert bar.title_edit.isEnabled() and bar.title_edit.text() == "Rhinoplastie"
    assert not bar.problem.isVisible()


def test_a_post_without_front_matter_gets_one_from_the_bar(window, tmp_path):
    opened(window, tmp_path, "Juste du texte.\n")
    editor, bar = window.editor, window.front_matter_bar
    assert editor.body_start == 0 and bar.title_edit.text() == ""
    bar.title_edit.setFocus()
    type_text(bar.title_edit, "Abdominoplastie")
    assert editor.text() == "---\ntitle: Abdominoplastie\n---\nJuste du texte.\n"
    assert editor.body_text() == "Juste du texte.\n" and top_line(editor) == "Juste du texte."
    assert bar.set_networks(["instagram"])
    assert editor.text() == ("---\ntitle: Abdominoplastie\nnetworks: [instagram]\n---\n"
                             "Juste du texte.\n")


def test_a_reload_from_disk_keeps_the_front_matter_in_the_bar(window, tmp_path):
    path = opened(window, tmp_path)
    path.write_text(HEAD.replace("Le meilleur chirurgien 😀 : -20 %", "Titre revu") + "Revu.\n",
                    encoding="utf-8")
    window.session.check_external()
    editor, bar = window.editor, window.front_matter_bar
    assert bar.title_edit.text() == "Titre revu"
    assert editor.body_text() == "Revu.\n" and top_line(editor) == "Revu."
    editor.undo()                                       # the previous text comes back
    assert bar.title_edit.text() == "Le meilleur chirurgien 😀 : -20 %"
    assert editor.body_text() == BODY


# -- new post --------------------------------------------------------------------------------------
def test_the_new_post_dialog_asks_for_a_title_and_networks(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from editor.ui.dialogs import NewPostDialog

    dlg = NewPostDialog([("instagram", "Instagram"), ("x", "X"), ("linkedin", "LinkedIn")],
                        ["instagram", "x"])
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()                       # no title yet
    type_text(dlg.title_edit, "Blépharoplastie")
    assert ok.isEnabled() and ok.text() == "Créer"
    dlg.boxes["x"].setChecked(False)
    dlg.boxes["linkedin"].setChecked(True)
    assert dlg.title() == "Blépharoplastie" and dlg.networks() == ["instagram", "linkedin"]


def test_new_post_writes_the_title_and_networks_chosen(window, tmp_path, prompter):
    window.open_workspace(tmp_path)
    offered = []

    def new_post(networks, checked):
        offered.append((networks, checked))
        return "Lifting : ce qu’il faut savoir", ["instagram", "linkedin"]

    prompter.new_post = new_post
    assert window.new_post()
    networks, checked = offered[0]
    assert ("instagram", "Instagram") in networks and ("linkedin", "LinkedIn") in networks
    assert checked == ["instagram", "facebook", "linkedin"]        # the template's, at first
    text = window.session.path.read_text(encoding="utf-8")
    fm = parse_front_matter(text)
    assert fm.title == "Lifting : ce qu’il faut savoir"
    assert fm.data["networks"] == ["instagram", "linkedin"]
    assert "status:" not in text
    bar = window.front_matter_bar
    assert bar.title_edit.text() == "Lifting : ce qu’il faut savoir"
    assert {n for n, b in bar.boxes.items() if b.isChecked()} == {"instagram", "linkedin"}
    assert top_line(window.editor) == "# Lifting : ce qu’il faut savoir"
    # The next one offers the networks chosen last.
    offered.clear()
    prompter.new_post = lambda networks, checked: offered.append(checked) or None
    assert not window.new_post()
    assert offered == [["instagram", "linkedin"]]


def test_a_network_tact_does_not_know_is_shown_and_can_be_removed(window, tmp_path, qtbot):
    opened(window, tmp_path, "---\ntitle: T\nnetworks: [instagram, TikTok]\n---\nCorps.\n")
    bar = window.front_matter_bar
    box = bar.unknown_boxes["tiktok"]
    assert box.isChecked() and box.text() == "TikTok\u202f?"
    assert "n’est pas un réseau connu" in box.toolTip()
    qtbot.waitUntil(lambda: box.isVisible() and box.width() > 0, timeout=2000)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert parse_front_matter(window.editor.text()).data["networks"] == ["instagram"]
    assert "tiktok" not in bar.unknown_boxes
