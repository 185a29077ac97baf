"""First run: a welcome page (create a workspace in Documents/Tact, open a folder, try the
samples) while no workspace was ever opened; new posts never go into the samples' hidden copy."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """The user's « Documents » folder, in the test's temporary folder."""
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr("editor.ui.workspace.documents_dir", lambda: docs)
    return docs


def _samples_copy():
    from editor.paths import user_data_dir

    return (user_data_dir() / "samples").resolve()


def test_first_run_shows_the_welcome_page(make_window, documents):
    w = make_window()
    assert w.start()
    assert w.welcome_shown() and w.welcome_page.isVisible()
    page = w.welcome_page
    assert page.heading.text() == "Bienvenue dans Tact"
    assert [b.text() for b in (page.create_b, page.open_b, page.samples_b)] == [
        "Créer mon espace de travail", "Ouvrir un dossier…", "Essayer avec les exemples"]
    assert "«\u00a0Tact\u00a0»" in page.create_b.description()
    # the side panels wait for a workspace; the text is not shown
    assert not w.workspace_dock.isVisible() and not w.findings_dock.isVisible()
    assert not w.editor.isVisible()


def test_create_my_workspace_in_documents(make_window, documents, prompter, qtbot):
    from editor import uistate

    prompter.text_answer = "Ma première publication"
    w = make_window()
    w.start()
    qtbot.mouseClick(w.welcome_page.create_b, Qt.MouseButton.LeftButton)
    folder = (documents / "Tact").resolve()
    assert folder.is_dir() and w.workspace == folder
    assert not w.welcome_shown() and w.editor.isVisible() and w.workspace_dock.isVisible()
    assert uistate.last_workspace() == str(folder)
    # the first post is asked for at once, and written there
    assert ("text", "Nouvelle publication") in prompter.calls
    [new] = list(folder.glob("*.md"))
    assert new.name.endswith("ma-premiere-publication.md") and w.session.path == new
    # next start: straight into that workspace, no welcome page
    w2 = make_window()
    assert w2.start() and not w2.welcome_shown() and w2.workspace == folder


def test_open_a_folder_from_the_welcome_page(make_window, documents, prompter, tmp_path, qtbot):
    mine = tmp_path / "mes-posts"
    mine.mkdir()
    (mine / "a.md").write_text("# A\n\nBonjour.\n", encoding="utf-8")
    prompter.file_answer = str(mine)
    w = make_window()
    w.start()
    qtbot.mouseClick(w.welcome_page.open_b, Qt.MouseButton.LeftButton)
    assert w.workspace == mine.resolve() and not w.welcome_shown()
    assert w.session.path == (mine / "a.md").resolve()


def test_samples_are_tried_then_new_posts_go_elsewhere(make_window, documents, prompter, qtbot):
    from editor import uistate

    w = make_window()
    w.start()
    qtbot.mouseClick(w.welcome_page.samples_b, Qt.MouseButton.LeftButton)
    samples = _samples_copy()
    assert w.workspace == samples and len(w.workspace_panel.infos) >= 3
    assert not w.welcome_shown()
    # the samples are not « the last workspace »: the next start welcomes again
    assert uistate.last_workspace() is None
    before = sorted(p.name for p in samples.glob("*.md"))
    asked = []
    prompter.outside_samples = lambda where: asked.append(where) or "create"
    prompter.text_answer = "Blépharoplastie"
    assert w.new_post()
    assert asked == [str(documents / "Tact")]
    assert sorted(p.name for p in samples.glob("*.md")) == before     # nothing in the samples
    assert w.workspace == (documents / "Tact").resolve()
    assert w.session.path.parent == w.workspace and "blepharoplastie" in w.session.path.name


def test_new_post_in_the_samples_may_go_to_a_chosen_folder(make_window, documents, prompter,
                                                            tmp_path):
    mine = tmp_path / "ailleurs"
    mine.mkdir()
    w = make_window()
    w.open_samples()
    prompter.outside_samples = lambda where: "choose"
    prompter.file_answer = str(mine)
    prompter.text_answer = "Otoplastie"
    assert w.new_post()
    assert w.session.path.parent == mine.resolve()
    assert not (documents / "Tact").exists()


def test_cancelled_new_post_in_the_samples_writes_nothing(make_window, documents, prompter):
    w = make_window()
    w.open_samples()
    before = sorted(_samples_copy().glob("*"))
    prompter.confirm_answer = False        # a prompter without that dialog: asked to confirm
    prompter.text_answer = "Rien"
    assert not w.new_post()
    assert sorted(_samples_copy().glob("*")) == before
    assert not (documents / "Tact").exists() and w.workspace == _samples_copy()


def test_the_samples_question_offers_create_choose_or_cancel(qtbot, monkeypatch):
    from editor.ui.prompts import Prompter

    seen = {}

    def click(box, label):
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == label).click()
        return 0

    p = Prompter(None)
    for label, answer in (("Créer ce dossier", "create"), ("Choisir un dossier…", "choose"),
                          ("Annuler", None)):
        monkeypatch.setattr(QMessageBox, "exec", lambda box, t=label: click(box, t))
        assert p.outside_samples("/home/claire/Documents/Tact") == answer
    assert seen["buttons"] == sorted(["Créer ce dossier", "Choisir un dossier…", "Annuler"])
    assert seen["text"].startswith("Les exemples restent à part\u00a0:")


def test_samples_again_from_the_help_menu(make_window, documents, tmp_path):
    from editor import uistate

    mine = tmp_path / "posts"
    mine.mkdir()
    w = make_window()
    w.open_workspace(mine)
    assert w.samples_action in w.help_menu.actions()
    w.samples_action.trigger()
    assert w.workspace == _samples_copy()
    assert uistate.last_workspace() == str(mine.resolve())      # still the user's own


def test_closing_on_the_welcome_page_keeps_the_panels_layout(make_window, documents):
    from editor.ui.main_window import STATE_KEY
    from editor.ui.settings import settings

    w = make_window()
    w.start()
    assert w.welcome_shown()
    w.close()
    w2 = make_window()
    assert settings().value(STATE_KEY) is not None
    assert w2.workspace_dock.isVisible() and w2.findings_dock.isVisible()
