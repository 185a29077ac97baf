"""The one URL detector (editor.text.urls), shared by the tokenizer, the network counters and the
editor's colouring. The cases are those where the three former patterns disagreed."""
import re

import pytest

from editor.export.counting import count
from editor.export.networks import load_networks
from editor.text.fold import light
from editor.text.tokens import tokenize
from editor.text.urls import URL_PATTERN, URL_RE, url_spans

X = load_networks()["x"]

CASES = [
    # trailing punctuation stays outside (the colouring took « . » and « … »; the tokenizer « … »)
    ("Lire https://exemple.fr/a. Puis", ["https://exemple.fr/a"]),
    ("Voir https://exemple.fr/a… ou https://exemple.fr/b?!", ["https://exemple.fr/a",
                                                              "https://exemple.fr/b"]),
    ("Site : https://exemple.fr/a, www.ordre.fr; ameli.fr:", ["https://exemple.fr/a",
                                                              "www.ordre.fr", "ameli.fr"]),
    # ... but the same characters inside the URL are part of it
    ("https://x.fr/?q=a,b&c=d.e#frag!", ["https://x.fr/?q=a,b&c=d.e#frag"]),
    ("https://exemple.fr/a_b", ["https://exemple.fr/a_b"]),
    # French quotes, with and without their spaces (the colouring took the closing »)
    ("« https://exemple.fr/a »", ["https://exemple.fr/a"]),
    ("«https://exemple.fr/a»", ["https://exemple.fr/a"]),
    ('"www.exemple.fr"', ["www.exemple.fr"]),
    # parentheses: the URL's own group stays, the sentence's does not (all three cut differently)
    ("(voir https://fr.wikipedia.org/wiki/Lifting_(chirurgie)).",
     ["https://fr.wikipedia.org/wiki/Lifting_(chirurgie)"]),
    ("Lire https://exemple.fr/a_b), (www.ordre.fr) et", ["https://exemple.fr/a_b",
                                                         "www.ordre.fr"]),
    ("[le site](https://exemple.fr/page)", ["https://exemple.fr/page"]),
    # www. without a scheme (not coloured before)
    ("RDV sur www.clinique-exemple.fr/rdv.", ["www.clinique-exemple.fr/rdv"]),
    ("WWW.EXEMPLE.FR et HTTPS://EXEMPLE.FR/A", ["WWW.EXEMPLE.FR", "HTTPS://EXEMPLE.FR/A"]),
    # bare domains: links on X, so links everywhere (the tokenizer missed hal.science and
    # AMELI.FR, the colouring missed them all)
    ("Plus d'infos sur ameli.fr.", ["ameli.fr"]),
    ("hal.science/hal-01234567 et AMELI.FR", ["hal.science/hal-01234567", "AMELI.FR"]),
    ("www.has-sante.fr/jcms/c_1234567/fr/recommandation.pdf",
     ["www.has-sante.fr/jcms/c_1234567/fr/recommandation.pdf"]),
    # internationalised domains (counting and tokenizer found no bare one)
    ("clinique-esthétique.fr et https://clinique-esthétique.fr/avant-après.",
     ["clinique-esthétique.fr", "https://clinique-esthétique.fr/avant-après"]),
    ("https://пример.рф/страница", ["https://пример.рф/страница"]),
    # never links: e-mails and mailto:, hashtags, mentions, glued or empty schemes, a sentence run
    # into the next, a capitalised ending
    ("mailto:dr@clinique.fr, dr.martin@clinique.fr, jean.fr@exemple.com", []),
    ("#ameli.fr @clara.fr voirhttps://exemple.fr", []),
    ("https:// ou http://. ou www.", []),
    ("Résultat garanti.Me contacter", []),
    # Markdown emphasis and code marks around a URL are not part of it
    ("**https://exemple.fr** _www.exemple.fr_ `https://exemple.fr/a`",
     ["https://exemple.fr", "www.exemple.fr", "https://exemple.fr/a"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_url_spans(text, expected):
    assert [text[s:e] for s, e in url_spans(text)] == expected


@pytest.mark.parametrize("text, expected", CASES)
def test_tokenizer_sees_the_same_urls(text, expected):
    view = light(text)[0]
    t = tokenize(view)
    found = [view[s:e] for s, e, k in zip(t.start, t.end, t.kind) if k == "url"]
    assert found == [view[s:e] for s, e in url_spans(view)]


@pytest.mark.parametrize("text, expected", CASES)
def test_every_url_weighs_23_on_x(text, expected):
    plain = count(re.sub(URL_PATTERN, "", text), X)
    assert count(text, X) == plain + 23 * len(expected)


def test_pattern_embeds_in_a_case_insensitive_alternation():
    # As a Markdown lexer may do: no capturing group, the same matches under IGNORECASE.
    rx = re.compile(r"(?P<word>\bzzz\b)|(?P<url>" + URL_PATTERN + ")", re.IGNORECASE)
    assert URL_RE.groups == 0
    for text, expected in CASES:
        found = [m.group() for m in rx.finditer(text) if m.lastgroup == "url"]
        assert found == expected, text

