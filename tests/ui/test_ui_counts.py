"""One counter: the status bar counts each network's length with the export's conversion and
counting (editor.export.counts), so it shows the number the per-network preview and the export
give; counts follow the text that is shown (after « Ne pas enregistrer » too) and a long post is
converted once per pause, off the GUI thread."""
from __future__ import annotations

import re
import time

import pytest
from uihelpers import post, type_text

from editor.export.counting import count
from editor.export.networks import load_networks
from editor.export.preview import preview

ALL = "[x, instagram, threads, linkedin, facebook]"
LINKS = "Infos sur ameli.fr et has-sante.fr\n"
ZWJ = "Équipe 👩\u200d⚕️👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 au bloc\n"


def shown(window) -> dict[str, tuple[int, int]]:
    """{label: (used, limit)} as the status bar shows them."""
    text = re.sub(r"<[^>]+>", "", window.networks_label.text()).replace("\u202f", "")
    return {m.group(1): (int(m.group(2)), int(m.group(3)))
            for m in re.finditer(r"(\w+) (\d+)/(\d+)", text)}


def assert_same_as_export(window, source: str) -> dict:
    got = shown(window)
    names = [n.strip() for n in re.search(r"networks: \[(.*)\]", source).group(1).split(",")]
    assert len(got) == len(names)
    for name in names:
        p = preview(source, name)
        assert got[p.label] == (p.count, p.limit), name
    return got


@pytest.mark.parametrize("body", [LINKS, ZWJ], ids=["links", "zwj-emoji"])
def test_status_bar_counts_what_the_export_counts(window, tmp_path, body):
    path = post(tmp_path, "p.md", body, networks=ALL)
    assert window.open_path(path)
    window.update_counts()
    got = assert_same_as_export(window, path.read_text("utf-8"))
    if body == LINKS:
        assert got["X"][0] == 60                 # two links of 23 on X, as the export counts
        assert got["Instagram"][0] == 36         # links written out in full elsewhere


def test_an_instagram_post_near_the_limit_agrees_with_the_exported_file(window, tmp_path,
                                                                        prompter, user_dirs):
    line = "Le **lifting** en 5 questions 💬 https://has-sante.fr/guide – voir ameli.fr.\n"
    body = "Fin 👩\u200d⚕️\n"
    while preview("---\nnetworks: [instagram]\n---\n" + line + body, "instagram").count < 2190:
        body = line + body                # as close to 2,200 as whole lines allow
    path = post(tmp_path, "long.md", body, networks="[instagram]")
    assert window.open_path(path)
    window.update_counts()
    got = assert_same_as_export(window, path.read_text("utf-8"))
    used, limit = got["Instagram"]
    assert limit == 2200 and 2000 < used <= 2200
    prompter.confirm_answer = True       # solo: exported without review, after asking
    result = window.network_panel.export(str(tmp_path / "out"))
    assert result is not None and result.ok, [p.french for p in result.refused + result.problems]
    text = result.posts[0].networks["instagram"].text
    assert count(text, load_networks()["instagram"]) == used


def test_counts_follow_the_post_shown_after_changes_are_not_kept(window, tmp_path, prompter):
    a = post(tmp_path, "a.md", "Court.\n", networks="[x]")
    b = post(tmp_path, "b.md", "Un texte un peu plus long, sur ameli.fr.\n", networks="[x]")
    assert window.open_path(a)
    window.editor.setFocus()
    type_text(window.editor, " Ajout")
    window.update_counts()
    prompter.save_answer = prompter.DISCARD        # « Ne pas enregistrer »
    assert window.open_post(str(b))
    assert shown(window)["X"] == (preview(b.read_text("utf-8"), "x").count, 280)
    assert window.counts_label.text().startswith("9 mots")


def test_a_long_post_is_converted_once_per_pause_off_the_gui_thread(make_window, tmp_path,
                                                                    qtbot):
    para = ("La rhinoplastie **corrige** la forme du nez, voir https://ameli.fr et "
            "has-sante.fr 😀 #chirurgie\n\n")
    body = para * (20_000 // len(para.split()))
    path = post(tmp_path, "long.md", body, networks="[instagram, x, linkedin]")
    window = make_window(synchronous=False)
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.network_counts is not None
                    and window.network_counts.words > 19_000, timeout=20_000)
    before = window.counts_runner.started
    window.editor.setFocus()
    t = time.perf_counter()
    type_text(window.editor, "abcdefghij")       # ten keystrokes, no pause between them
    typing = time.perf_counter() - t
    assert window.counts_runner.started == before  # nothing converted while typing
    qtbot.waitUntil(lambda: window.counts_runner.started == before + 1, timeout=5000)
    qtbot.waitUntil(lambda: not window.counts_runner.busy, timeout=20_000)
    qtbot.wait(50)
    assert window.counts_runner.started == before + 1     # one conversion for the pause
    t = time.perf_counter()
    window.update_counts()                        # what the timer calls: the GUI thread's part
    gui = time.perf_counter() - t
    assert gui < 0.05, f"update_counts blocked the GUI thread {gui * 1000:.0f} ms"
    assert typing < 2.0
    qtbot.waitUntil(lambda: not window.counts_runner.busy, timeout=20_000)
    window.editor.document().setModified(False)


THREAD = ("La rhinoplastie se discute longuement en consultation, avec un délai de réflexion de "
          "quinze jours au moins. " * 6).strip() + "\n"


def test_a_post_exported_as_a_thread_is_counted_per_part(window, tmp_path):
    """« X 690/280 » in red would be wrong: the export sends numbered parts that each fit."""
    from editor.export.counting import count

    path = post(tmp_path, "fil.md", THREAD, networks="[x, instagram]")
    assert window.open_path(path)
    window.update_counts()
    label = window.networks_label.text()
    p = preview(path.read_text("utf-8"), "x")
    longest = max(count(part, p.profile) for part in p.parts)
    plain = re.sub(r"<[^>]+>", "", label).replace("\u202f", "")
    assert f"X\u00a0: {len(p.parts)} parties, la plus longue {longest}/280" in plain
    assert f"{p.count}/280" not in plain and "#d0312d" not in label     # no excess, not red
    assert shown(window)["Instagram"] == (preview(path.read_text("utf-8"), "instagram").count,
                                          2200)
