"""How an evasive or mistyped spelling is read back (issue 9, item 5): when a typo is one letter
away from several words the rules know, the reading follows how people slip on a keyboard; a
letter-spaced word followed by a one-letter word is still found."""
from __future__ import annotations

from editor.text.evasion import TypoIndex, unmask
from editor.text.fold import light
from editor.text.tokens import tokenize


def test_a_dropped_letter_is_read_as_the_longer_word():
    index = TypoIndex({"result", "resultat"})
    assert index.nearest("resultt") == "resultat"


def test_a_replaced_letter_is_read_as_its_keyboard_neighbour():
    index = TypoIndex({"decaler", "defiler"})
    assert index.nearest("deciler") == "defiler"      # c is next to f on an AZERTY keyboard
    assert index.nearest("dezaler") == "decaler"      # z is far from both: first alphabetically


def test_a_letter_spaced_word_stops_before_the_next_one_letter_word():
    rule_words = {"resultat"}
    toks = tokenize(light("R é s u l t a t à J+30")[0])
    got = unmask(toks, rule_words.__contains__)
    assert got.norm[:3] == ["resultat", "a", "j"]
    # the rewritten token still covers the spaced letters in the source
    assert got.text[got.start[0]:got.end[0]] == "R é s u l t a t"


def test_a_typo_in_a_word_with_an_apostrophe_is_read_back():
    index = TypoIndex({"aujourd'hui"})
    assert index.nearest("aujurd'hui") == "aujourd'hui"
    assert index.nearest("aujuord'hui") == "aujourd'hui"
    assert index.nearest("'hui") is None


def test_an_emoji_or_a_sign_inside_a_word_is_read_as_the_word():
    rule_words = {"avis", "seins", "cicatrice", "juvederm"}
    for written, read in [("a💕vis", "avis"), ("Juvé💋derm", "juvederm"),
                          ("c!catrice", "cicatrice"), ("s🍒ins", "seins")]:
        toks = tokenize(light(written)[0])
        got = unmask(toks, rule_words.__contains__)
        assert got.norm == [read], written
        assert (got.start[0], got.end[0]) == (0, len(written))


def test_an_emoji_between_two_words_is_left_alone():
    rule_words = {"avis"}
    toks = tokenize(light("Merci😀Bisous")[0])
    assert unmask(toks, rule_words.__contains__) is toks


def test_a_letter_spaced_word_keeps_its_accents_for_the_spell_checker():
    rule_words = {"temoignage"}
    toks = tokenize(light("un t.é.m.o.i.g.n.a.g.e")[0])
    got = unmask(toks, rule_words.__contains__)
    assert got.norm[1] == "temoignage" and got.surface[1] == "témoignage"


def test_an_emoji_for_a_letter_is_read_as_a_rules_word_before_a_french_word():
    rule_words = {"isaps"}
    toks = tokenize(light("Selon l'ISA🍒S")[0])
    got = unmask(toks, rule_words.__contains__, lambda w: w.lower() == "isas")
    assert got.norm[2] == "isaps"


def test_an_elision_before_digits_for_letters_is_read_as_an_elision():
    rule_words = {"anatomie"}
    toks = tokenize(light("le laboratoire d'4n4t0m13 de la faculté")[0])
    got = unmask(toks, rule_words.__contains__)
    assert got.norm[2:4] == ["d'", "anatomie"]
    assert got.kind[2] == "elision"


def test_an_emoji_inside_a_word_before_a_capital_ends_no_sentence():
    rule_words = {"isaps"}
    toks = tokenize(light("Selon l'IS💕APS, 98 % de patientes")[0])
    assert len(set(toks.sentence)) == 2         # the tokenizer sees « 💕 A… » as a break
    got = unmask(toks, rule_words.__contains__)
    assert got.norm[2] == "isaps" and len(set(got.sentence)) == 1


def test_a_digit_for_an_l_or_an_i_is_read_both_ways():
    rule_words = {"miracle", "gratuit"}
    for written, read in [("Mirac1e", "miracle"), ("gr4tuit", "gratuit"), ("gr4tu1t", "gratuit")]:
        got = unmask(tokenize(light(written)[0]), rule_words.__contains__)
        assert got.norm == [read], written


def test_a_word_with_a_digit_inside_is_one_word_not_split_at_the_digit():
    """« t0ut » is read as the French word it spells; « Mirac1x » spells nothing, and its
    « Mirac » is not read alone as a one-letter typo of a rule's word."""
    rule_words = {"miracu"}
    typos = TypoIndex(rule_words)
    got = unmask(tokenize(light("t0ut le Mirac1x")[0]), rule_words.__contains__,
                 lambda w: w in ("tout",), typos)
    assert got.norm[:3] == ["tout", "le", "mirac"]
    # the same word standing alone is still read as the rule's word it is one letter from
    got = unmask(tokenize(light("le Mirac")[0]), rule_words.__contains__, lambda w: False, typos)
    assert got.norm == ["le", "miracu"]


def test_digits_for_letters_in_a_post_and_in_a_hashtag_are_read_back():
    from editor.compliance.assembly import make_engine

    engine, errors = make_engine(spelling=False, model=False, images=False)
    assert not errors

    def rules(text):
        return {f.rule for f in engine.check(text).findings if f.severity in ("warning", "error")}

    assert "misleading-claim.miracle" in rules("Le Mirac1e de la nature.")
    assert not any(r.startswith("medicine-brand") for r in rules("Le Mirac1e de la nature."))
    assert "before-after.label" in rules("Ma patiente #av4ntapres")
    assert "pricing.discount" in rules("Ce mois-ci #pr0m0")
    # a number after the word is a number: « #botox2024 » is Botox | 2024, read as before
    assert rules("Congrès #lyon2024") == set()



def test_a_surname_after_a_first_name_is_not_read_as_a_typo():
    rule_words = {"gilles", "morpheus"}
    typos = TypoIndex(rule_words)
    names = {"harold"}.__contains__

    def read(text):
        return unmask(tokenize(light(text)[0]), rule_words.__contains__, lambda w: False, typos,
                      names).norm

    assert read("comme Harold Gillies")[2] == "gillies"
    assert read("merci Gillies")[1] == "gilles"           # alone, it may be a slip
    assert read("le Morphus8")[1] == "morpheus"          # a number after a word is no letter


def test_the_letter_o_for_a_zero_in_an_amount_is_read_as_a_zero():
    assert light("-2O% sur le nez, 1OO € offerts")[0] == "-20% sur le nez, 100 € offerts"
    # offsets do not move, and an « o » that is no digit is left alone
    assert light("Photo % et lipo 3 %")[0] == "Photo % et lipo 3 %"
