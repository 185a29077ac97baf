"""The French spell checker: vocabulary, spans, suggestions, user dictionary and cache."""
import shutil
import time
from pathlib import Path

import pytest

from editor.spelling import Speller, UserDictionaryError, default_speller
from editor.spelling.cache import SUBDIR
from editor.text.fold import light
from editor.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]


def toks(text):
    return tokenize(light(text)[0])


def flagged(speller, text):
    """Misspelled words of ``text`` as written (checked the way the engine does)."""
    t = toks(text)
    return [t.text[t.start[a]:t.end[b - 1]] for a, b, _ in speller.unknown(t)]


@pytest.fixture(scope="session")
def compiled_cache(tmp_path_factory):
    """The dictionary compiled once for the session (a build takes about a second)."""
    cache = tmp_path_factory.mktemp("compiled-cache")
    Speller(data_dir=tmp_path_factory.mktemp("unused-data"), cache_dir=cache)
    return cache


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    data, cache = tmp_path / "data", tmp_path / "cache"
    monkeypatch.setenv("TACT_DATA_DIR", str(data))
    monkeypatch.setenv("TACT_CACHE_DIR", str(cache))
    return data, cache


@pytest.fixture
def speller(dirs, compiled_cache):
    data, cache = dirs
    shutil.copytree(compiled_cache, cache)
    sp = Speller(data_dir=data, cache_dir=cache)
    assert not sp.cache_built
    return sp


@pytest.fixture
def own_resources(tmp_path):
    """A resources folder with one small lexicon, for the tests that change lexicons."""
    res = tmp_path / "resources"
    (res / "lexicon").mkdir(parents=True)
    (res / "lexicon" / "test-fr.txt").write_text(
        "# essai\nzorglub\nZorglubie\nmot-valise-test\nMarbrouk Kazoulian\n", encoding="utf-8")
    return res


# -- vocabulary -------------------------------------------------------------------------------

SURGERY = ("rhinoplastie blépharoplastie nymphoplastie abdominoplastie lipofilling liposuccion "
           "otoplastie lifting gynécomastie lipoaspiration hyaluronique œdème cœur Œdème "
           "post-opératoire rendez-vous aujourd'hui aujourd’hui").split()


@pytest.mark.parametrize("word", SURGERY)
def test_surgical_vocabulary_is_known(speller, word):
    assert flagged(speller, f"Il parle de {word} ici.") == []


def test_elisions_with_both_apostrophes_and_compounds(speller):
    text = ("L'intervention et l’intervention, qu'il et qu’il, jusqu'à et jusqu’à, "
            "c'est-à-dire, peut-être, dites-moi, arrière-plan, presqu’île, d'abord, "
            "la patte-d'oie, Peut-être demain. Rendez-vous pris.")
    assert flagged(speller, text) == []


def test_oe_ligature_and_ae_are_looked_up_both_ways(speller):
    assert flagged(speller, "Un oedème, un œdème, le cœur, le coeur, un curriculum vitæ.") == []


def test_regular_inflections_missing_from_the_lists_are_accepted(speller):
    assert flagged(speller, "Les chirurgies, les tabacologues, hydratez-vous, on va "
                            "repositionner les tissus, les lambeaux latéraux, les likez.") == []


def test_abbreviations_need_their_dot(speller):
    assert flagged(speller, "Des crèmes, etc. Cf. la notice.") == []
    assert flagged(speller, "Des crèmes etc ici") == ["etc"]


# -- what is flagged, with exact spans ---------------------------------------------------------

def test_real_typos_flagged_with_exact_spans(speller):
    text = "Après la chirugie du nez, l’anésthésie et la cicatrisaton vont bien."
    t = toks(text)
    found = speller.unknown(t)
    spans = [(t.start[a], t.end[b - 1]) for a, b, _ in found]
    assert [text[s:e] for s, e in spans] == ["chirugie", "anésthésie", "cicatrisaton"]
    assert spans[0] == (text.index("chirugie"), text.index("chirugie") + len("chirugie"))
    assert all(b == a + 1 for a, b, _ in found)


def test_misspelled_part_of_a_compound_is_reported_alone(speller):
    text = "Un rendez-vou post-opératoir, dites-moa."
    t = toks(text)
    found = speller.unknown(t)
    assert [t.surface[a] for a, _, _ in found] == ["vou", "opératoir", "moa"]
    assert all(t.kind[a] == "word" and b == a + 1 for a, b, _ in found)


def test_misspellings_resisting_the_inflection_rules(speller):
    # re- + s is the classic ressource/ressentir error; mute endings keep their accent.
    assert flagged(speller, "Une resource, il achete, ils sonts là.") == ["resource", "achete",
                                                                          "sonts"]


def test_capitalised_words(speller):
    # Proper nouns inside a sentence are not checked; at the start, the lower-case word is.
    assert flagged(speller, "Nous avons vu Kzrwpq et Blorbix à Trucville.") == []
    assert flagged(speller, "Kzrwpq est venu. Chirugie du nez.") == ["Kzrwpq", "Chirugie"]
    # Capitals often lose their accent.
    assert flagged(speller, "Etat des lieux. Evitez le soleil. Ecole fermée. A bientôt.") == []
    # Acronyms up to 6 letters; longer all-caps words at a sentence start are read.
    assert flagged(speller, "HAS, ANSM, IMC et PRP. CHIRUGIE ESTHÉTIQUE.") == ["CHIRUGIE"]
    # A capitalised first word followed by an unknown capitalised word starts a name.
    assert flagged(speller, "Xyloq Trucmuche au cabinet.") == []


def test_hashtags_mentions_urls_numbers_emails_skipped(speller):
    text = ("#chirugie @chirugie https://chirugie.fr/chirugie www.chirugie.fr "
            "chirugie@exemple.fr 12,5 J+90 3ème x")
    assert flagged(speller, text) == []


# -- suggestions -------------------------------------------------------------------------------

def test_suggestions_accents_first_and_case_kept(speller):
    assert speller.suggest("anésthésie")[0] == "anesthésie"
    assert speller.suggest("chirugie")[0] == "chirurgie"
    assert speller.suggest("cicatrisaton")[0] == "cicatrisation"
    assert speller.suggest("Chirugie")[0] == "Chirurgie"
    assert speller.suggest("CHIRUGIE")[0] == "CHIRURGIE"
    assert speller.suggest("etat")[0] == "état"
    assert speller.suggest("oedeme")[0] == "œdème"
    assert speller.suggest("rendezvous")[0] == "rendez-vous"
    assert len(speller.suggest("anésthésie", limit=2)) == 2


def test_unknown_returns_suggestions_for_a_few_words(speller):
    t = toks("La chirugie.")
    (a, b, sugg), = speller.unknown(t)
    assert sugg[0] == "chirurgie"


def test_suggestions_are_fast_enough_for_a_menu(speller):
    speller.suggest("chirugie")          # loads the index
    worst = 0.0
    for w in ("abdominoplasite", "bléphraoplastie", "cicatrisatoin", "xyzxyzxyzxyz",
              "anesthésisteq", "reconstrucion"):
        t = time.perf_counter()
        speller.suggest(w)
        worst = max(worst, time.perf_counter() - t)
    assert worst < 0.05


# -- user dictionary ---------------------------------------------------------------------------

def test_user_dictionary_add_takes_effect_and_persists(speller, dirs):
    data, cache = dirs
    assert flagged(speller, "Le protocole Zorbanex marche.") == []          # mid-sentence: skipped
    assert flagged(speller, "Le zorbanex marche.") == ["zorbanex"]
    assert speller.add_word("zorbanex") == "zorbanex"
    assert flagged(speller, "Le zorbanex marche. Zorbanex aussi.") == []
    assert "zorbanex" in speller.suggest("zorbanx")
    path = data / "dictionary.txt"
    assert path.read_text(encoding="utf-8") == "zorbanex\n"
    speller.add_word("l’hyaluro-truc")                                 # typographic apostrophe
    again = Speller(data_dir=data, cache_dir=cache)
    assert again.user_words() == ["l'hyaluro-truc", "zorbanex"]
    assert flagged(again, "Le zorbanex et l'hyaluro-truc.") == []
    again.add_word("Zorbanex")                                         # same key: not duplicated
    assert path.read_text(encoding="utf-8").count("zorbanex") == 1


def test_user_dictionary_keeps_existing_entries_and_comments(speller, dirs):
    data, cache = dirs
    data.mkdir(parents=True)
    (data / "dictionary.txt").write_text("# mes mots\nblorbo\nKrakatoum\n", encoding="utf-8")
    sp = Speller(data_dir=data, cache_dir=cache)
    assert sp.user_words() == ["blorbo", "Krakatoum"]
    sp.add_word("zilpo")
    assert (data / "dictionary.txt").read_text(encoding="utf-8") == \
        "# mes mots\nblorbo\nKrakatoum\nzilpo\n"
    assert sp.remove_word("BLORBO")
    assert not sp.remove_word("jamais-vu")
    assert (data / "dictionary.txt").read_text(encoding="utf-8") == "# mes mots\nKrakatoum\nzilpo\n"
    assert flagged(sp, "Le blorbo et le zilpo.") == ["blorbo"]
    assert sp.user_words() == ["Krakatoum", "zilpo"]
    assert not list(data.glob("*.tmp")) and not list(data.glob(".*"))


def test_user_dictionary_rejects_non_words(speller):
    for bad in ("", "  ", "deux mots", "a\nb", "123", "#tag"):
        with pytest.raises(ValueError):
            speller.add_word(bad)


@pytest.mark.parametrize("content", [b"blorbo\n\xff\xfe\xfa\n", b"blorbo\x00\x01\n"])
def test_corrupt_user_dictionary_is_reported_and_never_overwritten(speller, dirs, content):
    data, cache = dirs
    data.mkdir(parents=True)
    path = data / "dictionary.txt"
    path.write_bytes(content)
    sp = Speller(data_dir=data, cache_dir=cache)         # still checks, without user words
    assert "endommagé" in sp.user_error and str(path) in sp.user_error
    assert flagged(sp, "La chirugie.") == ["chirugie"]
    with pytest.raises(UserDictionaryError, match="endommagé"):
        sp.add_word("zilpo")
    with pytest.raises(UserDictionaryError):
        sp.remove_word("blorbo")
    assert path.read_bytes() == content


def test_environment_overrides_are_honoured(dirs, compiled_cache):
    data, cache = dirs
    shutil.copytree(compiled_cache, cache)
    sp = Speller()
    assert sp.data_dir == data and sp.cache_dir == cache and not sp.cache_built
    sp.add_word("zilpo")
    assert (data / "dictionary.txt").is_file()


def test_default_speller_is_shared():
    assert default_speller() is default_speller()


# -- cache -------------------------------------------------------------------------------------

def test_cache_is_built_once_and_rebuilt_when_a_lexicon_changes(dirs, own_resources):
    data, cache = dirs
    sp = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert sp.cache_built
    assert flagged(sp, "Le zorglub et le mot-valise-test. Zorglubie est loin. Marbrouk vient.") == []
    assert flagged(sp, "Le bidulon.") == ["bidulon"]
    files = sorted(p.name for p in (cache / SUBDIR).iterdir())
    assert len(files) == 2 and all(not n.startswith(".") for n in files)   # no temporary file left

    hit = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert not hit.cache_built and hit.load_seconds < 0.1

    with open(own_resources / "lexicon" / "test-fr.txt", "a", encoding="utf-8") as f:
        f.write("bidulon\n")
    changed = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert changed.cache_built
    assert flagged(changed, "Le bidulon.") == []
    assert sorted(p.name for p in (cache / SUBDIR).iterdir()) != files


def test_damaged_cache_file_is_rebuilt(dirs, own_resources):
    data, cache = dirs
    sp = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    for p in (cache / SUBDIR).iterdir():
        p.write_bytes(b"garbage")
    again = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert again.cache_built
    assert flagged(again, "Le zorglub.") == []
    assert again.suggest("zorglubb") == ["zorglub"]


def test_unwritable_cache_folder_still_checks(dirs, own_resources, tmp_path):
    data, _ = dirs
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    sp = Speller(data_dir=data, cache_dir=blocker / "cache", resources=own_resources)
    assert sp.cache_built and sp._cache.write_error
    assert flagged(sp, "Le zorglub et la chirugie.") == ["chirugie"]
    assert sp.suggest("chirugie")[0] == "chirurgie"


def test_proper_nouns_from_lexicons_at_sentence_start(dirs, own_resources):
    data, cache = dirs
    sp = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert flagged(sp, "Zorglubie est loin. Kazoulian aussi.") == []
    assert flagged(sp, "Il aime zorglubie.") == ["zorglubie"]   # a proper noun keeps its capital


# -- speed -------------------------------------------------------------------------------------

def test_checking_a_long_post_is_fast(speller):
    text = (ROOT / "benchmarks" / "posts" / "long-2200.md").read_text(encoding="utf-8")
    t = toks(text.replace("chirurgie", "chirugie"))
    speller.unknown(t)
    times = []
    for _ in range(20):
        s = time.perf_counter()
        speller.unknown(t)
        times.append(time.perf_counter() - s)
    assert sorted(times)[10] < 0.01
