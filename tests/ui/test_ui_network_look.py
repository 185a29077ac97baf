"""The per-network preview looks like the post on the network (issue 10): a card with an avatar
circle and the name line, the text folded with « … plus » (a click shows the rest), the images as
thumbnails and the counter « 1 234 / 2 200 caractères », red above the limit; a thread (X,
Threads) is one card per part, each with its number and a « Copier » for exactly that part."""
from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QPushButton
from uihelpers import post

PARAGRAPH = ("La rhinoplastie modifie la forme du nez. Elle se discute en consultation, avec un "
             "délai de réflexion de quinze jours au moins, et des suites expliquées à l’avance. ")
THREAD = "\n\n".join([PARAGRAPH * 2] * 3) + "\n\n#chirurgie\n"
CAPTION = ("Une phrase assez longue pour passer le pli d’Instagram sans retour à la ligne, avec "
           "des mots qui continuent encore et encore jusqu’au bout du texte visible puis au-delà, "
           "là où il faut cliquer.\n\n![Schéma du nez](images/nez.png)\n")


def _open(window, tmp_path, body, networks, name="nez.md", author=None):
    path = post(tmp_path, name, body, networks)
    if author:
        path.write_text(path.read_text("utf-8").replace("---\n", f"---\nauthor: {author}\n", 1),
                        encoding="utf-8")
    assert window.open_path(path)
    window.network_dock.show()
    window.network_dock.raise_()
    return path


def _image(folder, name="nez.png", size=(800, 500)):
    (folder / "images").mkdir(exist_ok=True)
    img = QImage(*size, QImage.Format.Format_RGB32)
    img.fill(QColor("#d9a38f"))
    assert img.save(str(folder / "images" / name))


def test_a_thread_is_one_card_per_part_with_its_number_counter_and_copy(window, tmp_path,
                                                                        prompter):
    from editor.export.archive import find_workspace, records_for
    from editor.export.preview import cards, preview

    path = _open(window, tmp_path, THREAD, "[x]")
    panel = window.network_panel
    panel.set_network("x")
    expected = cards(preview(window.editor.text(), "x"))
    shown = panel.card_widgets()
    n = len(expected)
    assert n >= 3 and len(shown) == n
    for i, (w, c) in enumerate(zip(shown, expected), 1):
        assert w.number.text() == f"{i}/{n}"
        assert w.findChild(QPushButton, "postCopy").text() == "Copier"
        counter = w.counter.text()
        assert f"{c.count} / 280 caractères" in counter.replace("\u202f", " ")
        assert "#d0312d" not in counter                  # every part is within the limit
    QGuiApplication.clipboard().setText("ancien")
    shown[1].findChild(QPushButton, "postCopy").click()  # « Copier » of part 2
    assert QGuiApplication.clipboard().text() == expected[1].text
    assert expected[1].text.endswith(f"2/{n}") and "-----" not in expected[1].text
    shown = panel.card_widgets()                         # the preview was rebuilt with the copy
    shown[2].findChild(QPushButton, "postCopy").click()
    assert QGuiApplication.clipboard().text() == expected[2].text
    # One confirmation for the parts of one version of an unreviewed text; each copy recorded.
    assert [c[0] for c in prompter.calls].count("confirm") == 1
    recs = records_for(find_workspace(path), str(path))
    assert [r["networks"]["x"]["text"] for r in recs[-2:]] == [expected[1].text, expected[2].text]
    # The whole-post copy stays: every part, separated.
    assert panel.copy()
    assert QGuiApplication.clipboard().text() == panel.current.clipboard_text
    assert panel.copy_b.text() == "Copier pour X"


def test_a_post_card_has_the_name_line_the_fold_the_thumbnail_and_the_counter(window,
                                                                             tmp_path):
    _image(tmp_path)
    _open(window, tmp_path, CAPTION, "[instagram]", author="Dr Claire Martin")
    panel = window.network_panel
    panel.set_network("instagram")
    (card,) = panel.card_widgets()
    assert card.findChild(QLabel, "postAvatar").text() == "CM"
    assert "Dr Claire Martin" in card.name.text() and "Instagram" in card.name.text()
    assert card.number is None and card.findChild(QPushButton, "postCopy") is None
    shown = panel.preview_text()
    assert shown.endswith(" … plus") and "cliquer" not in shown
    assert 'href="more"' in card.text.text() and "Dr Claire Martin" in card.text.text()
    card.text.linkActivated.emit("more")                 # « … plus » clicked: the whole caption
    assert "là où il faut cliquer." in panel.preview_text()
    assert "… plus" not in panel.preview_text() and 'href="more"' not in card.text.text()
    thumbs = card.findChildren(QLabel, "postImage")
    assert len(thumbs) == 1 and not thumbs[0].pixmap().isNull()
    assert thumbs[0].pixmap().width() <= 320 and thumbs[0].accessibleName() == "Schéma du nez"
    assert "/ 2 200 caractères" in card.counter.text().replace("\u202f", " ")
    # The expanded card stays expanded while the text is edited.
    window.editor.setPlainText(window.editor.text().replace("cliquer", "cliquer ici"))
    panel.refresh()
    assert "cliquer ici" in panel.preview_text()


def test_a_missing_image_says_why_and_the_counter_turns_red_above_the_limit(window, tmp_path):
    _open(window, tmp_path, "Mot " * 700 + "\n\n![Photo](images/absente.png)\n", "[instagram]")
    panel = window.network_panel
    panel.set_network("instagram")
    (card,) = panel.card_widgets()
    (thumb,) = card.findChildren(QLabel, "postImage")
    assert thumb.pixmap().isNull() and "introuvable" in thumb.text()
    counter = card.counter.text()
    assert "#d0312d" in counter and "/ 2 200 caractères" in counter.replace("\u202f", " ")
    assert "de trop pour Instagram" in panel.info.text()


def test_threads_counts_bytes_and_the_name_falls_back_to_the_reviewer(window, tmp_path,
                                                                      monkeypatch):
    from editor.review.profile import Profile, save_profile

    assert save_profile(Profile("Inès Dubois", "assistante", "solo")) is None
    _open(window, tmp_path, "Un message court, é et 😀.\n", "[threads]")
    panel = window.network_panel
    panel.set_network("threads")
    (card,) = panel.card_widgets()
    assert "octets" in card.counter.text() and "Inès Dubois" in card.name.text()
    assert card.findChild(QLabel, "postAvatar").text() == "ID"
    assert card.findChild(QPushButton, "postCopy") is None      # one part: the panel's copy


def test_a_part_copy_in_two_person_mode_needs_the_approved_text(window, tmp_path, prompter):
    from editor.review.profile import Profile, save_profile

    assert save_profile(Profile("Inès Dubois", "assistante", "pair")) is None
    _open(window, tmp_path, THREAD, "[x]")
    panel = window.network_panel
    panel.set_network("x")
    QGuiApplication.clipboard().setText("ancien")
    assert panel.copy_part(1) is False
    assert QGuiApplication.clipboard().text() == "ancien"
    assert prompter.calls[-1][:2] == ("error", "Copie refusée")


def test_a_long_thread_shows_its_parts_in_batches_each_with_its_copy(window, tmp_path):
    from editor.ui.network_preview import BATCH

    _open(window, tmp_path, (PARAGRAPH * 2 + "\n\n") * 30, "[x]")
    panel = window.network_panel
    panel.set_network("x")
    total = len(panel.cards)
    assert total > BATCH + 5
    assert len(panel.card_widgets()) == BATCH
    more = panel.view.more_b
    assert more.isVisible() and f"({total - BATCH} de plus)" in more.text()
    more.click()
    shown = panel.card_widgets()
    assert len(shown) == min(total, 2 * BATCH)
    card = shown[BATCH + 2]
    assert card.number.text() == f"{BATCH + 3}/{total}"
    card.findChild(QPushButton, "postCopy").click()
    assert QGuiApplication.clipboard().text() == panel.cards[BATCH + 2].text
    # Editing the text keeps the parts already shown.
    window.editor.setPlainText(window.editor.text() + "\nFin.\n")
    panel.refresh()
    assert len(panel.card_widgets()) == min(len(panel.cards), 2 * BATCH)
