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
