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
    assert flagged(speller, "Xyloq Brozimbe au cabinet.") == []


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
    text = "Le zorglub et le mot-valise-test. Zorglubie est loin. Marbrouk vient."
    assert flagged(sp, text) == []
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
    Speller(data_dir=data, cache_dir=cache, resources=own_resources)   # builds the cache
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


# -- the Dicollecte word list (resources/lexicon/dicollecte-fr.txt.gz) ----------------------------

WORDLIST = ROOT / "resources" / "lexicon" / "dicollecte-fr.txt.gz"

REAL_WORDS = {
    # 1990 rectifications, beside the classical spellings
    "reform": "maitrise maîtrise connaitre apparait paraitre cout couts gout boite boites diner "
              "piqure brulé brulure entrainement entraineur évènement évènementiel règlementaire "
              "relai ognon nénufar charriot aigüe ambigüe weekend chaine flute huitre traitre "
              "assoir cèderai",
    "loanwords": "selfie coach smoothies hammam brunch podcast burn-out ginkgo oméga tartiflette "
                 "raclette shooting leasing start-up best-seller masterclass glow-up",
    "regional": "bordelaise lillois marseillais niçois auvergnats savoyarde toulousain nantais "
                "grenobloise alsacien provençaux francilienne bretonne lyonnais basque",
    "rare inflections": "fûmes vinssent acquîmes résolûmes plaisantâmes sussent moulûmes "
                        "fluidifient référente porteuses anonymisées stéroïdes symétrisation "
                        "régénérative vénéréologie morphologue lactation",
}


@pytest.mark.parametrize("kind", sorted(REAL_WORDS))
def test_valid_words_of_real_texts_are_known(speller, kind):
    words = REAL_WORDS[kind].split()
    assert flagged(speller, "Il a dit " + ", ".join(words) + ".") == []


# Real one-letter typos (a letter left out, added, swapped, replaced, or a wrong accent) of common
# and medical words: a larger dictionary must not swallow them.
ONE_LETTER_TYPOS = (
    "chirugie cicatrisaton intervension opératoir hématôme ecchymse abdominoplastei rhinoplatie "
    "blépharoplasite liposucion anesthései cicatirce consultaion pateinte résultta complicaton "
    "infecton œdèmme douleure nécéssaire recommendé recommende interventon chirugien esthétiqe "
    "médecn ordonnace prothése implnat mammiare paupiére liftng injecton hyaluronqiue définitf "
    "pansemnet semiane beaucop toujour vraimant malheureusemnt acompagnement personalisé "
    "professionel dévelopement apareil anésthésiste rétablisement convalescense thrombse sérieu"
).split()


def test_one_letter_typos_are_still_caught(speller):
    assert len(ONE_LETTER_TYPOS) >= 30
    text = "On lit " + ", ".join(ONE_LETTER_TYPOS) + "."
    assert flagged(speller, text) == ONE_LETTER_TYPOS


def test_a_rare_word_is_never_the_base_of_a_derivation(speller):
    # « commende » (a benefice) is in the Dicollecte list only: « re » + it is the typo of
    # « recommande », not a word; a common word still takes the prefix (« repositionner »).
    assert flagged(speller, "La commende, il recommende, on va repositionner.") == ["recommende"]


def test_abbreviations_of_the_wordlist_keep_their_dot(speller):
    assert flagged(speller, "Voir env. dix jours, cf. la fiche, etc. Et cf ici.") == ["cf"]


def test_inverted_je_forms_of_1990(speller):
    assert flagged(speller, "Aimè-je cela ? Puissè-je le dire. Le koinè et l'épistémè.") == []
    assert "anesthésiè" not in speller.suggest("anésthésie", limit=10)


def test_suggestions_prefer_common_words_and_show_ligatures(speller):
    found = speller.suggest("maitrse", limit=10)
    assert found.index("maîtrise") < found.index("maitrise")
    assert speller.suggest("soeur")[0] == "sœur"
    assert speller.suggest("evenement")[:2] == ["événement", "évènement"]


def test_full_dictionary_loads_fast_from_its_cache(speller):
    assert speller.load_seconds < 0.05        # about 1 ms on the development machine


def test_wordlist_file_is_well_formed():
    import gzip
    import unicodedata

    text = gzip.decompress(WORDLIST.read_bytes()).decode("utf-8")
    lines = text.split("\n")
    head = [x for x in lines if x.startswith("#")]
    words = [x for x in lines if x and not x.startswith("#")]
    assert len(head) == 5 and "TOUTES VARIANTES" in head[0] and "MPL 2.0" in head[2]
    assert head[4] == f"# {len(words)} forms" and len(words) > 450_000
    assert words == sorted(set(words))
    assert all(unicodedata.is_normalized("NFC", w) for w in words)
    assert not [w for w in words if any(c.isdigit() or c.isspace() for c in w)]
    # no elided form made by a prefix (l'homme, n'aime; « d'aucuns » is an entry of its own)
    assert not {"l'homme", "n'aime", "d'opération", "qu'elle"} & set(words)
    assert not [w for w in words if w.endswith(("'", "’"))]
    assert {"maitrise", "maîtrise", "cout", "coût", "évènement", "événement", "aimè-je",
            "etc."} <= set(words)
    assert not {"etc", "aimè", "recommende"} & set(words)
    assert WORDLIST.stat().st_size < 3_000_000


def _load_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_wordlist",
                                                  ROOT / "scripts" / "build_wordlist.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_expands_hunspell_affixes(tmp_path):
    """A small dictionary in the format of Dicollecte's (long flags, NEEDAFFIX, elided prefixes
    with continuation classes, unit prefixes carrying a suffix class, cross product)."""
    import gzip

    aff = tmp_path / "fr.aff"
    dic = tmp_path / "fr.dic"
    aff.write_text(
        "# AFFIXES DU DICTIONNAIRE ORTHOGRAPHIQUE FRANÇAIS “TOUTES VARIANTES” v0\n"
        "SET UTF-8\nFLAG long\nNEEDAFFIX ()\nFORBIDDENWORD {}\n"
        "SFX S. Y 2\nSFX S. 0 0/L'D' [^sxz] is:sg\nSFX S. 0 s/D' [^sxz] is:pl\n"
        "SFX X. Y 2\nSFX X. al aux/D' al is:pl\nSFX X. 0 0 . is:sg\n"
        "SFX a0 Y 3\nSFX a0 er e/n'l' [^cg]er\nSFX a0 er ons/n' [^cg]er\n"
        "SFX a0 er è [^cg]er is:1sg\n"
        "PFX L' Y 1\nPFX L' 0 l' [aeiouh]\n"
        "PFX D' Y 1\nPFX D' 0 d' [aeiouh]\n"
        "PFX n' Y 1\nPFX n' 0 n' [aeiouh]\n"
        "PFX l' Y 1\nPFX l' 0 l' [aeiouh]\n"
        "PFX Um Y 2\nPFX Um 0 0/S. .\nPFX Um 0 kilo/S.() .\n"
        "PFX Re Y 1\nPFX Re 0 re [^aeiou]\n",
        encoding="utf-8")
    dic.write_text("7\ncout/S.()\nhôpital/X.()\nplanter/a0Re\nmètre/Um()\n"
                   "koinè\nmalgréer/{}\n2CV\n", encoding="utf-8")
    out = tmp_path / "list.txt.gz"
    assert _load_script().main(["--aff", str(aff), "--dic", str(dic), "--out", str(out),
                                "--source", "test"]) == 0
    words = [w for w in gzip.decompress(out.read_bytes()).decode("utf-8").split("\n")
             if w and not w.startswith("#")]
    assert words == sorted(["cout", "couts", "hôpital", "hôpitaux", "planter", "plante",
                            "plantons", "plantè-je", "replanter", "replante", "replantons",
                            "replantè-je", "mètre", "mètres", "kilomètre", "kilomètres",
                            "koinè"])


def test_wordlist_is_read_and_its_changes_rebuild_the_cache(dirs, own_resources):
    import gzip

    from editor.spelling.sources import sources_key

    data, cache = dirs
    path = own_resources / "lexicon" / "extra-fr.txt.gz"
    path.write_bytes(gzip.compress("# test\nglubard\nglubards\nKrazbourg\nœzmir\n".encode()))
    key1 = sources_key(own_resources)
    sp = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert sp.cache_built
    assert flagged(sp, "Le glubard, les glubards, un œzmir, un oezmir. Krazbourg.") == []
    assert flagged(sp, "Il va reglubard à krazbourg.") == ["reglubard", "krazbourg"]
    assert sp.suggest("glubarde")[0] == "glubard"
    assert sp.suggest("oezmirr")[0] == "œzmir"
    path.write_bytes(gzip.compress("# test\nglubard\n".encode()))
    assert sources_key(own_resources) != key1
    again = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert again.cache_built and flagged(again, "Les glubards.") == ["glubards"]


def test_damaged_wordlist_is_skipped(dirs, own_resources):
    data, cache = dirs
    (own_resources / "lexicon" / "extra-fr.txt.gz").write_bytes(b"\x1f\x8b not gzip")
    sp = Speller(data_dir=data, cache_dir=cache, resources=own_resources)
    assert flagged(sp, "Le zorglub et la chirugie.") == ["chirugie"]


# -- false flags on real text (tests/spelling_realtext: 3,400 words written for this test) -------

def test_false_flags_on_real_text_stay_below_one_per_thousand_words(speller):
    from spelling_measure import check_realtext

    from editor.compliance.engine import Engine
    from editor.compliance.service import make_engine

    base, _ = make_engine(spelling=False)
    tally = check_realtext(Engine(base.rules, speller))
    print(tally.summary(), tally.flags)
    assert tally.words >= 3000
    assert tally.per_1000 <= 1.0, tally.flags
