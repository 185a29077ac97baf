"""Never lose work: atomic saves, failing saves, external changes, closing, bad files."""
import os

import pytest
from uihelpers import post, type_text


def test_save_writes_the_text_and_keeps_line_endings(window, tmp_path):
    p = tmp_path / "crlf.md"
    p.write_bytes("---\r\ntitle: t\r\n---\r\nLigne une\u00a0!\r\n".encode())
    window.open_path(p)
    assert window.editor.text() == "---\ntitle: t\n---\nLigne une\u00a0!\n"   # NBSP kept
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "Deux é\n")
    assert window.windowTitle().startswith("crlf.md*")
    assert window.save()
    assert p.read_bytes() == "---\r\ntitle: t\r\n---\r\nLigne une\u00a0!\r\nDeux é\r\n".encode()
    assert not window.session.modified
    assert not list(tmp_path.glob("*.tmp"))
    assert sorted(x.name for x in tmp_path.iterdir()) == ["crlf.md"]


def test_failed_commit_keeps_the_old_file(window, tmp_path, prompter, monkeypatch):

    p = post(tmp_path, "p.md", "Version sur le disque.\n")
    before = p.read_bytes()
    window.open_path(p)
    type_text(window.editor, "Nouvelle version ")

    import errno

    def failing_replace(src, dst):      # the final rename fails (I/O error, share gone)
        raise OSError(errno.EIO, "Input/output error")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", failing_replace)
        assert not window.save()
    assert p.read_bytes() == before
    assert prompter.calls[-1][0] == "error"
    assert "Le fichier précédent n'a pas été modifié" in prompter.calls[-1][2]
    assert window.session.modified          # the text is still there, unsaved
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.md"]


def test_short_write_keeps_the_old_file(tmp_path, monkeypatch):
    from editor.ui import storage

    p = tmp_path / "p.md"
    p.write_text("ancien", encoding="utf-8")

    import errno

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m, pytest.raises(storage.SaveError, match="disque plein"):
        m.setattr(os, "fsync", disk_full)
        storage.save_post(p, "nouveau texte bien plus long")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.md"]
    assert p.read_text(encoding="utf-8") == "ancien"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_read_only_folder(tmp_path):
    from editor.ui import storage

    d = tmp_path / "ro"
    d.mkdir()
    p = d / "p.md"
    p.write_text("ancien", encoding="utf-8")
    d.chmod(0o555)
    try:
        with pytest.raises(storage.SaveError):
            storage.save_post(p, "nouveau")
        assert p.read_text(encoding="utf-8") == "ancien"
    finally:
        d.chmod(0o755)


def test_unwritable_destination_reports_in_french(window, tmp_path, prompter):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    window.editor.setPlainText("Texte")
    assert not window.session.save_as(blocker / "p.md")
    assert prompter.calls[-1][0] == "error" and "Impossible d'écrire" in prompter.calls[-1][2]
    assert blocker.read_text() == "x"


def test_external_change_without_local_edits_reloads(window, tmp_path, qtbot):
    p = post(tmp_path, "p.md", "Avant.\n")
    window.open_path(p)
    p.write_text(p.read_text(encoding="utf-8").replace("Avant", "Après"), encoding="utf-8")
    qtbot.waitUntil(lambda: "Après." in window.editor.text(), timeout=5000)   # the watcher
    assert not window.session.modified
    window.editor.undo()     # the reload is one undoable step
    assert "Avant." in window.editor.text()


def test_external_change_with_local_edits_asks_and_keeps_theirs(window, tmp_path, prompter):
    p = post(tmp_path, "p.md", "Avant.\n")
    window.open_path(p)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "Mon ajout.")
    p.write_text("Version de l'assistante.\n", encoding="utf-8")
    prompter.reload_answer = False
    window.session.check_external()
    assert prompter.kinds()[-1] == "reload_external"
    assert "Mon ajout." in window.editor.text()
    assert p.read_text(encoding="utf-8") == "Version de l'assistante.\n"
    # Saving now asks before replacing the other version; refusing keeps it.
    prompter.overwrite_answer = False
    assert not window.save()
    assert p.read_text(encoding="utf-8") == "Version de l'assistante.\n"
    prompter.overwrite_answer = True
    assert window.save()
    assert "Mon ajout." in p.read_text(encoding="utf-8")


def test_external_change_reload_chosen(window, tmp_path, prompter):
    p = post(tmp_path, "p.md", "Avant.\n")
    window.open_path(p)
    type_text(window.editor, "x")
    p.write_text("Disque.\n", encoding="utf-8")
    prompter.reload_answer = True
    window.session.check_external()
    assert window.editor.text() == "Disque.\n" and not window.session.modified


def test_closing_with_unsaved_changes_asks(window, tmp_path, prompter):
    p = post(tmp_path, "p.md", "Texte.\n")
    window.open_path(p)
    type_text(window.editor, "ajout ")
    prompter.save_answer = prompter.CANCEL
    assert not window.close()
    assert window.isVisible() and prompter.kinds()[-1] == "save_changes"
    prompter.save_answer = prompter.SAVE
    assert window.close()
    saved = p.read_text(encoding="utf-8")
    assert saved.endswith("ajout Texte.\n") or "ajout " in saved


def test_switching_post_with_unsaved_changes_asks(window, tmp_path, prompter):
    a = post(tmp_path, "a.md", "A\n")
    b = post(tmp_path, "b.md", "B\n")
    window.open_path(a)
    type_text(window.editor, "modif ")
    prompter.save_answer = prompter.CANCEL
    assert not window.open_post(str(b))
    assert window.session.path == a.resolve() and "modif" in window.editor.text()


@pytest.mark.parametrize("name,content,expected", [
    ("latin1.md", "Caf\xe9 cr\xe8me".encode("latin-1"), "n'est pas encodé en UTF-8"),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binaire"),
])
def test_bad_files_open_with_a_french_message(window, tmp_path, prompter, name, content, expected):
    p = tmp_path / name
    p.write_bytes(content)
    assert not window.open_post(str(p))
    kind, title, text = prompter.calls[-1]
    assert kind == "error" and expected in text and name in text
    assert p.read_bytes() == content


def test_huge_file_is_refused(window, tmp_path, prompter, monkeypatch):
    from editor.ui import storage

    monkeypatch.setattr(storage, "MAX_EDITOR_BYTES", 1000)
    p = tmp_path / "big.md"
    p.write_text("mot " * 1000, encoding="utf-8")
    assert not window.open_post(str(p))
    assert "trop volumineux" in prompter.calls[-1][2]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_at_once_not_waited_on(window, tmp_path, prompter):
    """Opening a FIFO named like a post used to block the GUI thread until a writer came."""
    p = tmp_path / "tube.md"
    os.mkfifo(p)
    assert not window.open_post(str(p))
    kind, _title, text = prompter.calls[-1]
    assert kind == "error" and "pas un fichier ordinaire" in text


def test_rename_and_save_as(window, tmp_path, prompter):
    p = post(tmp_path, "old.md", "Texte.\n")
    window.open_workspace(tmp_path)
    prompter.text_answer = "nouveau nom"
    assert window.rename()
    assert not p.exists() and (tmp_path / "nouveau nom.md").exists()
    assert window.session.path.name == "nouveau nom.md"
    prompter.file_answer = str(tmp_path / "copie.md")
    assert window.save_as()
    assert (tmp_path / "copie.md").read_text(encoding="utf-8") == window.editor.text()


def test_new_post_from_template(window, tmp_path, prompter):
    window.open_workspace(tmp_path)
    prompter.text_answer = "Rhinoplastie : ce qu'il faut savoir"
    assert window.new_post()
    path = window.session.path
    assert path.parent == tmp_path.resolve()
    assert path.name.endswith("rhinoplastie-ce-qu-il-faut-savoir.md")
    text = path.read_text(encoding="utf-8")
    from editor.document.post import parse_front_matter

    assert parse_front_matter(text).title == "Rhinoplastie : ce qu'il faut savoir"
    assert "status:" not in text          # the review state is the one status


def test_recent_workspaces(window, tmp_path):
    from editor import uistate as state

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    window.open_workspace(a)
    window.open_workspace(b)
    assert state.recent_workspaces()[:2] == [str(b.resolve()), str(a.resolve())]
    window._fill_recent()
    recent = [x.text() for x in window.recent_menu.actions()][:2]
    assert recent == [str(b.resolve()), str(a.resolve())]
