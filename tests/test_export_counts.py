"""The editor's counts (editor.export.counts) are the export's: for every network, the number the
per-network preview and the exported text give."""
from __future__ import annotations

import pytest

from editor.export import counts
from editor.export.networks import load_networks
from editor.export.preview import converted_count, preview

CASES = {
    "links": "Infos sur ameli.fr et has-sante.fr",
    "zwj": "Équipe 👩\u200d⚕️👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 au bloc",
    "markdown": "Le **lifting** en _5_ questions : [le guide](https://has-sante.fr/guide).\n\n"
                "- un\n- deux\n\n> cité\n\n![schéma](schema.png)",
    "typography": "Délai : 15\u00a0jours\u202f! « Réflexion » – 2 000 € … #chirurgie @cabinet",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_network_counts_as_the_export(name):
    nets = sorted(load_networks())
    source = f"---\ntitle: t\nnetworks: [{', '.join(nets)}]\n---\n{CASES[name]}\n"
    got = counts.count_post(source)
    assert [n.network for n in got.networks] == nets and not got.unknown_networks
    for nc in got.networks:
        p = preview(source, nc.network)
        assert (nc.used, nc.limit) == (p.count, p.limit) == converted_count(source, nc.network)
        assert nc.label == p.label


def test_the_cases_of_the_issue():
    source = "---\nnetworks: [x, instagram]\n---\n" + CASES["links"] + "\n"
    by = {n.network: n.used for n in counts.count_post(source).networks}
    assert by == {"x": 60, "instagram": 36}     # a link weighs 23 on X


def test_words_characters_and_unknown_networks():
    source = "---\ntitle: t\nnetworks: [Instagram, myspace]\n---\nL'œil d’un chirurgien-dentiste.\n"
    got = counts.count_post(source)
    assert (got.words, got.chars) == (3, len("L'œil d’un chirurgien-dentiste."))
    assert [n.network for n in got.networks] == ["instagram"]
    assert got.unknown_networks == ("myspace",)


def test_a_post_without_front_matter_counts_its_words_only():
    got = counts.count_post("Bonjour à tous.")
    assert got.words == 3 and got.networks == () and got.error is None


def test_the_same_text_is_not_converted_twice(monkeypatch):
    source = "---\nnetworks: [x]\n---\nUn texte de plus.\n"
    first = counts.count_post(source)
    monkeypatch.setattr("editor.export.preview.convert",
                        lambda *a, **k: pytest.fail("converted again"))
    assert counts.count_post(source) is first


THREAD = ("La rhinoplastie se discute longuement en consultation, avec un délai de réflexion de "
          "quinze jours au moins. " * 6).strip()


def test_a_post_exported_as_a_thread_counts_each_part():
    """X and Threads split a long post into a numbered thread: each part must fit, so the
    count says how many parts and the longest one, and reports no excess."""
    from editor.export.counting import count

    source = f"---\nnetworks: [x, threads, linkedin]\n---\n{THREAD}\n"
    by = {n.network: n for n in counts.count_post(source).networks}
    for name in ("x", "threads"):
        nc = by[name]
        p = preview(source, name)
        assert nc.used == p.count > nc.limit                      # the whole is over…
        assert nc.thread and nc.parts == len(p.parts) > 1         # …but it goes out as parts
        assert nc.longest == max(count(part, p.profile) for part in p.parts) <= nc.limit
        assert not nc.over and nc.over_by == 0 and nc.ratio <= 1
    li = by["linkedin"]                                           # no thread, within its limit
    assert li.parts == 1 and not li.thread and li.biggest == li.used


def test_a_network_without_threads_still_reports_its_excess():
    source = "---\nnetworks: [instagram]\n---\n" + ("Mot " * 700) + "\n"
    nc = counts.count_post(source).networks[0]
    assert nc.parts == 1 and nc.over and nc.over_by == nc.used - nc.limit > 0
