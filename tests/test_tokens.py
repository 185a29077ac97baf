"""The French tokenizer and normalisation shared by the rules and the spell checker."""
from editor.text.fold import fold_word, light
from editor.text.tokens import tokenize


def toks(text):
    return tokenize(light(text)[0])


def test_elisions_both_apostrophes_and_compounds():
    t = toks("l’intervention jusqu'à aujourd'hui, qu’il rendez-vous")
    assert t.norm == ["l'", "intervention", "jusqu'", "a", "aujourd'hui", ",", "qu'", "il",
                      "rendez", "-", "vous"]


def test_unicode_bold_zero_width_and_nbsp_are_normalised():
    t = toks("𝗿𝗲𝘀𝘂𝗹𝘁𝗮𝘁 gar\u200banti\u00a0!")
    assert t.norm[:2] == ["resultat", "garanti"]
    assert fold_word("ŒDÈMES") == "oedemes"


def test_numbers_hashtags_mentions_urls():
    t = toks("-20 % 4,9/5 #AvantApres @clara.mrt https://exemple.fr/a. J+90")
    assert t.kind == ["punct", "num", "punct", "num", "punct", "num", "hashtag", "mention", "url",
                      "punct", "word", "punct", "num"]


def test_sentences_and_quotes():
    t = toks("Le Dr. Roux dit : « Est-ce garanti ? » Non.\nFin")
    sentence = dict(zip(t.norm, t.sentence))
    assert sentence["roux"] == sentence["garanti"] == 0
    assert sentence["non"] == 1 and sentence["fin"] == 2
    quote = dict(zip(t.norm, t.quote))
    assert quote["garanti"] != -1 and quote["roux"] == -1


def test_urls_are_one_token_and_leave_the_words_around_them():
    t = toks("« https://exemple.fr/#tarifs » (voir https://fr.wikipedia.org/wiki/Lifting_(chirurgie)"
             "). Résultat garanti.Me contacter sur clinique-esthétique.fr…")
    assert [s for s, k in zip(t.surface, t.kind) if k == "url"] == [
        "https://exemple.fr/#tarifs", "https://fr.wikipedia.org/wiki/Lifting_(chirurgie)",
        "clinique-esthétique.fr"]
    assert "hashtag" not in t.kind                  # the #fragment belongs to the link
    assert t.norm.count(")") == 1 and "garanti" in t.norm and "me" in t.norm
    assert t.quote[t.norm.index("»")] == -1 and t.quote[1] != -1   # the quote still closes


def test_an_emoji_before_a_capitalised_word_ends_the_sentence():
    t = toks("…sur Internet 🤫 Alors disons-le. Connais pas 😎😎 Zéro cicatrice ✨ J'adore")
    sentence = dict(zip(t.surface, t.sentence))
    assert sentence["Internet"] == sentence["🤫"] != sentence["Alors"]    # the emoji closes it
    assert sentence["pas"] == sentence["😎"] != sentence["Zéro"]          # a run of emoji too
    assert sentence["cicatrice"] != sentence["J'"]                       # an elision starts one


def test_an_emoji_inside_a_sentence_or_a_symbol_does_not_end_it():
    for text in ("Un résultat 😍 naturel et durable",          # lower case after the emoji
                 "Bravo ! 😍 Merci pour ce retour",           # the emoji opens the sentence
                 "😍 Merci pour ce retour",
                 "Botox® Cosmetic à 37 °C"):                  # symbols, not emoji
        t = toks(text.split("!")[-1])
        assert len(set(t.sentence)) == 1, text


def test_line_breaks_end_sentences_unless_the_phrase_goes_on_in_lower_case():
    # A new line that starts with a capital, a list sign or after an emoji is a new sentence.
    t = toks("Résultat garanti 😍\nZéro cicatrice\n- Sans douleur")
    assert list(dict.fromkeys(t.sentence)) == [0, 1, 2]
    # A soft line break inside a phrase is not (« je ne publie pas⏎de photos »: the negation
    # still covers the photos), nor is a comma at the end of the line.
    t = toks("Je ne publie pas\nde photos avant/après,\nchaque cas est unique.")
    assert set(t.sentence) == {0}
    # A blank line always ends the sentence.
    t = toks("Résultat garanti\n\nsans douleur")
    assert list(dict.fromkeys(t.sentence)) == [0, 1]


def test_a_suspension_followed_by_lower_case_does_not_end_the_sentence():
    assert set(toks("Patiente … ravie de son nez").sentence) == {0}
    assert set(toks("Patiente... ravie").sentence) == {0}
    assert len(set(toks("Patiente ravie… Merci à elle").sentence)) == 2
    assert len(set(toks("Fini. merci").sentence)) == 2       # a lone full stop still ends it
