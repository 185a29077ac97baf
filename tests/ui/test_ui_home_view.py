"""« À relire »: the assistant's home view lists the posts waiting for review by title, with who
sent them and when in plain French, and their open problems; double-click or Entrée opens one;
Ctrl+Maj+A (and the tool bar) shows it; it is in front at start for the reviewer in two-person
mode when posts wait for her."""
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from editor.review.model import PAIR, SOLO

AUTHOR, ASSISTANT = "Dr Claire Martin", "Inès Dubois"
OFFER = ("---\ntitle: Offre de printemps\nnetworks: [instagram]\n---\n"
         "Offre : -20 % pour le meilleur chirurgien de Lyon.\n")
RHINO = ("---\ntitle: Rhinoplastie, ce qu'il faut savoir\nnetworks: [instagram]\n---\n"
         "La consultation dure une heure.\n")


def _at(local: datetime) -> str:
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _submit(path, text, at, monkeypatch, by=AUTHOR):
    from editor.review import journal
    from editor.review.session import ReviewSession

    monkeypatch.setattr(journal, "now", lambda: at)
    assert ReviewSession(path).submit(text, by, "chirurgienne").ok
    monkeypatch.undo()


def _profile(name, mode=PAIR):
    from editor.review.profile import Profile, save_profile

    assert save_profile(Profile(name, "", mode)) is None


@pytest.fixture
def workspace(tmp_path, monkeypatch, user_dirs):
    """Two posts sent by the surgeon (yesterday at 18:12, and today at 9:05), one draft."""
    folder = tmp_path / "posts"
    folder.mkdir()
    offer, rhino, draft = folder / "2026-offre.md", folder / "rhino.md", folder / "brouillon.md"
    offer.write_text(OFFER, encoding="utf-8")
    rhino.write_text(RHINO, encoding="utf-8")
    draft.write_text("---\ntitle: Un brouillon\n---\nPas encore soumis.\n", encoding="utf-8")
    today = datetime.now().astimezone().replace(second=0, microsecond=0)
    yesterday = (today - timedelta(days=1)).replace(hour=18, minute=12)
    _submit(offer, OFFER, _at(yesterday), monkeypatch)
    _submit(rhino, RHINO, _at(today.replace(hour=9, minute=5)), monkeypatch)
    return folder, offer, rhino


def _row(view, needle):
    for i in range(view.list.count()):
        it = view.list.item(i)
        if needle in view.rows()[i]:
            return it
    raise AssertionError(f"{needle!r} not in {view.rows()}")


def test_home_lists_the_waiting_posts_by_title_with_sender_time_and_open_items(
        make_window, workspace):
    folder, offer, rhino = workspace
    _profile(ASSISTANT)
    w = make_window()
    assert w.open_workspace(folder)
    w.show_home()
    assert w.home_shown() and w.home_view.isVisible()
    rows = w.home_view.rows()
    assert len(rows) == 2                       # the draft is not waiting
    # by title, never by file name; most recently sent first
    assert rows[0].startswith("Rhinoplastie, ce qu'il faut savoir\n")
    assert rows[1].startswith("Offre de printemps\n")
    assert "2026-offre" not in "".join(rows) and ".md" not in "".join(rows)
    # who sent it and when, in plain French (local time)
    assert "envoyé par Dr Claire Martin, hier à 18\u00a0h\u00a012" in rows[1]
    assert "envoyé par Dr Claire Martin, aujourd’hui à 9\u00a0h\u00a005" in rows[0]
    # the open problems of each post (the discount blocks, the superlative is a warning)
    assert "2 points à examiner, dont 1 bloquant" in rows[1]
    assert "aucun point ouvert" in rows[0]
    assert "T" not in rows[1].split("\n")[1][:1]        # no ISO time shown
    assert w.home_view.summary.text().startswith("2 publications attendent votre relecture.")
    # the tool bar says how many wait
    assert w.home_action.iconText() == "À relire (2)"


def test_double_click_or_enter_opens_the_post(make_window, workspace, qtbot):
    folder, offer, rhino = workspace
    _profile(ASSISTANT)
    w = make_window()
    assert w.open_workspace(folder)
    assert w.open_post(str(rhino)) and w.session.path == rhino.resolve()
    w.show_home()
    view = w.home_view
    it = _row(view, "Offre de printemps")
    rect = view.list.visualItemRect(it)
    # a double-click: a click, then the second press (Qt's test double-click alone is not one)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.home_shown()                       # one click only selects
    qtbot.mouseDClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.session.path == offer.resolve()
    assert not w.home_shown() and w.editor.isVisible()
    # back to the list with the shortcut, then Entrée on the other post
    w.show_home()
    view.list.setCurrentItem(_row(view, "Rhinoplastie"))
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert w.session.path == rhino.resolve() and not w.home_shown()


def test_shortcut_tool_bar_and_escape(make_window, workspace, qtbot):
    folder, _offer, _rhino = workspace
    _profile(ASSISTANT)
    w = make_window()
    assert w.open_workspace(folder)
    a = w.home_action
    assert a.shortcut() == QKeySequence("Ctrl+Shift+A")
    assert a in w.review_menu.actions()                         # « Relecture › À relire »
    button = w.toolbar.widgetForAction(a)
    assert button is not None and button.objectName() == "toolbar_home"
    # no other action of the window uses the same keys
    others = [k for x in w.findChildren(type(a)) if x is not a for k in x.shortcuts()]
    assert a.shortcut() not in others
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.home_shown() and a.isChecked()
    qtbot.keyClick(w.home_view.list, Qt.Key.Key_Escape)
    assert not w.home_shown() and not a.isChecked()
    a.trigger()
    assert w.home_shown()
    a.trigger()                                                 # the same keys go back
    assert not w.home_shown()


def test_in_front_at_start_for_the_reviewer_in_two_person_mode(make_window, workspace):
    from editor import uistate

    folder, _offer, _rhino = workspace
    uistate.remember_workspace(folder)
    _profile(ASSISTANT, PAIR)
    w = make_window()
    assert w.start()
    assert w.home_shown() and len(w.home_view.waiting_for_me()) == 2
    assert w.home_view.list.currentRow() == 0           # Entrée opens the first at once
    assert w.home_action.isChecked()


@pytest.mark.parametrize("name, mode", [(AUTHOR, PAIR), (ASSISTANT, SOLO)])
def test_not_in_front_for_the_author_nor_in_solo_mode(make_window, workspace, name, mode):
    from editor import uistate

    folder, _offer, _rhino = workspace
    uistate.remember_workspace(folder)
    _profile(name, mode)
    w = make_window()
    assert w.start()
    assert not w.home_shown() and w.session.path is not None


def test_the_author_sees_her_own_posts_waiting_for_the_other_person(make_window, workspace):
    folder, _offer, _rhino = workspace
    _profile(AUTHOR)
    w = make_window()
    assert w.open_workspace(folder)
    w.show_home()
    rows = w.home_view.rows()
    assert len(rows) == 2 and all("envoyé par vous" in r for r in rows)
    assert all("en attente de l’autre personne" in r for r in rows)
    assert w.home_view.summary.text().startswith("Aucune publication n’attend votre relecture.")
    assert w.home_action.iconText() == "À relire"


def test_a_post_submitted_from_the_window_appears_in_the_list(make_window, tmp_path,
                                                            user_dirs, prompter):
    folder = tmp_path / "posts"
    folder.mkdir()
    p = folder / "nouvelle.md"
    p.write_text(RHINO, encoding="utf-8")
    _profile(AUTHOR)
    w = make_window()
    assert w.open_path(p)
    w.show_home()
    assert w.home_view.rows() == [] and w.home_view.empty.isVisible()
    w.show_editor()
    w.review_panel.submit()
    w.show_home()
    [row] = w.home_view.rows()
    assert row.startswith("Rhinoplastie, ce qu'il faut savoir\n")
    assert "envoyé par vous, aujourd’hui à" in row


def test_french_dates(qtbot):
    from editor.ui.home_view import format_when

    paris = timezone(timedelta(hours=1))
    now = datetime(2026, 12, 6, 9, 30, tzinfo=paris)
    assert format_when("2026-12-05T17:12:00Z", now) == "hier à 18\u00a0h\u00a012"
    assert format_when("2026-12-06T07:05:00Z", now) == "aujourd’hui à 8\u00a0h\u00a005"
    assert format_when("2026-12-02T09:00:00Z", now) == "mercredi à 10\u00a0h\u00a000"
    assert format_when("2026-11-01T10:40:00Z", now) == "le 1er novembre à 11\u00a0h\u00a040"
    assert format_when("2025-03-14T10:40:00Z", now) == "le 14 mars 2025"
    assert format_when("", now) == ""


def test_at_start_in_a_real_window_the_counts_follow_on_a_worker(make_window, workspace, qtbot):
    """Not synchronous: the list is there at once (review files only); the open problems are
    counted in the background once the window's background work has started."""
    from editor import uistate

    folder, _offer, _rhino = workspace
    uistate.remember_workspace(folder)
    _profile(ASSISTANT)
    w = make_window(synchronous=False)
    assert w.start() and w.home_shown()
    assert len(w.home_view.rows()) == 2
    qtbot.waitUntil(lambda: any("2 points à examiner, dont 1 bloquant" in r
                                for r in w.home_view.rows()), timeout=30000)
    assert w.home_action.iconText() == "À relire (2)"


def test_a_damaged_review_history_is_said_in_plain_words(make_window, workspace):
    from editor.review import journal_path

    folder, offer, _rhino = workspace
    with journal_path(offer).open("ab") as f:
        f.write(b"{not json\n")
    _profile(ASSISTANT)
    w = make_window()
    assert w.open_workspace(folder)
    w.show_home()
    row = next(r for r in w.home_view.rows() if r.startswith("Offre de printemps"))
    assert "historique de relecture endommagé" in row
    assert "ligne" not in row and ".jsonl" not in row        # the details are in the tooltip
