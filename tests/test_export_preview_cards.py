"""The preview's cards, computed without Qt (editor.export.preview): one card per part of an X or
Threads thread with its own text, count and number; the fold where « … plus » falls; the name and
initials of the avatar; the images' files."""
from __future__ import annotations

from editor.export.networks import load_networks
from editor.export.preview import (
    BYTES,
    CHARACTERS,
    FOLD_MARK,
    attachment_files,
    author_name,
    cards,
    count_unit,
    initials,
    preview,
    shown_text,
    thousands,
    visible_end,
)

PARAGRAPH = ("La rhinoplastie modifie la forme du nez. Elle se discute en consultation, avec un "
             "délai de réflexion de quinze jours au moins, et des suites expliquées à l’avance. ")
THREAD = ("---\ntitle: Nez\nnetworks: [x]\n---\n" + "\n\n".join([PARAGRAPH * 2] * 3) +
          "\n\n![schéma du nez](images/nez.png)\n\n#chirurgie\n")


def test_a_thread_is_one_card_per_part_each_with_its_own_text_count_and_number():
    from editor.export.counting import count

    profile = load_networks()["x"]
    p = preview(THREAD, "x")
    cs = cards(p)
    assert len(cs) == len(p.parts) >= 3
    assert [c.text for c in cs] == p.parts                       # what each « Copier » copies
    assert "\n\n-----\n\n".join(c.text for c in cs) == p.clipboard_text
    n = len(cs)
    for i, c in enumerate(cs, 1):
        assert (c.index, c.total, c.numbering) == (i, n, f"{i}/{n}")
        assert c.text.endswith(f"\n\n{i}/{n}")
        assert c.count == count(c.text, profile) <= c.limit == 280 and not c.over_by
        assert c.unit == CHARACTERS and c.fold is None and c.cut is None
    assert cs[0].attachments and not any(c.attachments for c in cs[1:])   # images go with part 1
    last = cs[-1]
    assert [last.text[s:e] for s, e in last.hashtags] == ["#chirurgie"]


def test_threads_counts_bytes_and_a_post_within_the_limit_is_one_card():
    p = preview("---\ntitle: t\n---\nUn court message, é et 😀.\n", "threads")
    (c,) = cards(p)
    assert count_unit(load_networks()["threads"]) == BYTES == c.unit
    assert (c.index, c.total, c.numbering) == (1, 1, "")
    assert c.count == len(p.text.encode("utf-8")) and c.text == p.text


def test_the_fold_falls_at_the_end_of_a_word_and_shows_plus():
    source = ("---\ntitle: t\n---\n" + "Une phrase assez longue pour passer le pli d’Instagram "
              "sans retour à la ligne, avec des mots qui continuent encore et encore jusqu’au "
              "bout du texte visible puis au-delà.\n")
    p = preview(source, "instagram")
    (c,) = cards(p)
    assert c.fold == p.fold == 125
    end = visible_end(c)
    assert end is not None and end <= c.fold and c.fold - end <= 30
    assert not c.text[end - 1].isspace() and c.text[end].isspace()   # never inside a word
    shown = shown_text(c)
    assert shown == c.text[:end] + " " + FOLD_MARK and shown.endswith("… plus")
    assert shown_text(c, expanded=True) == c.text
    over = preview("---\ntitle: t\n---\n" + "mot " * 700, "instagram")
    (big,) = cards(over)
    assert big.over_by == big.count - 2200 > 0 and big.cut is not None


def test_a_text_shorter_than_the_fold_is_shown_whole():
    (c,) = cards(preview("---\ntitle: t\n---\nCourt.\n", "linkedin"))
    assert c.fold is None and visible_end(c) is None and shown_text(c) == "Court."


def test_numbers_names_and_initials():
    assert thousands(1234) == "1\u202f234" and thousands(1234, "en") == "1,234"
    assert thousands(12) == "12"
    assert initials("Dr Claire Martin") == "CM"
    assert initials("Cabinet du Dr Jean-Paul Durand") == "JD"
    assert initials("Clinique du Parc") == "P"
    assert initials("Inès") == "I" and initials("") == "?"
    assert author_name("---\ntitle: t\nauthor: Dr Claire  Martin\n---\nTexte\n") == \
        "Dr Claire Martin"
    assert author_name("---\ntitle: t\npractice: Cabinet Martin\n---\nTexte\n") == "Cabinet Martin"
    assert author_name("---\ntitle: t\nauthor: [a, b]\n---\nTexte\n") is None
    assert author_name("Pas de front matter.\n") is None


def test_image_files_are_found_in_the_post_folder_or_say_why_not(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "nez.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    p = preview("---\ntitle: t\n---\n![a](images/nez.png) ![b](absente.png) ![c](../dehors.png)"
                "\n", "instagram")
    files = attachment_files(p.attachments, tmp_path)
    assert [f.attachment.alt for f in files] == ["a", "b", "c"]
    assert files[0].path == (tmp_path / "images" / "nez.png").resolve() and not files[0].problem
    assert files[1].path is None and "introuvable" in files[1].problem
    assert files[2].path is None and "hors du dossier" in files[2].problem
    assert all(f.problem for f in attachment_files(p.attachments, None))
