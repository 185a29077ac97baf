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
