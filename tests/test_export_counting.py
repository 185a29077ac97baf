"""Character counts as each network counts them (networks.md §1.2)."""
import pytest

from editor.export.counting import count, cut_index
from editor.export.networks import load_networks
from editor.text.urls import url_spans

NETS = load_networks()
X, THREADS, INSTAGRAM, YOUTUBE = NETS["x"], NETS["threads"], NETS["instagram"], NETS["youtube"]

FAMILY = "\U0001F469\u200d\U0001F469\u200d\U0001F467"      # 👩‍👩‍👧 (ZWJ sequence)
THUMB_TONE = "\U0001F44D\U0001F3FD"                          # 👍🏽
FLAG_FR = "\U0001F1EB\U0001F1F7"                             # 🇫🇷
KEYCAP_1 = "1\ufe0f\u20e3"                                   # 1️⃣


@pytest.mark.parametrize("text, weighted, utf16, utf8", [
    ("a", 1, 1, 1),
    ("é", 1, 1, 2),
    ("e\u0301", 1, 2, 3),           # NFC first on X: one « é »
    ("œ « » ’ – —", 11, 11, 20),    # weight 1 on X (U+0000–10FF, U+2010–201F)
    ("\u00a0", 1, 1, 2),            # no-break space
    ("\u202f", 2, 1, 3),            # narrow no-break space: 2 on X
    ("…", 2, 1, 3),
    ("€", 2, 1, 3),
    ("•", 2, 1, 3),
    ("中", 2, 1, 3),
    ("\U0001F600", 2, 2, 4),        # 😀
    (FAMILY, 2, 8, 18),            # any emoji sequence weighs 2 on X
    (THUMB_TONE, 2, 4, 8),
    (FLAG_FR, 2, 4, 8),
    (KEYCAP_1, 2, 3, 7),
    ("\U0001D5EF", 2, 2, 4),        # pseudo-bold 𝗯
])
def test_known_counts(text, weighted, utf16, utf8):
    assert count(text, X) == weighted
    assert count(text, INSTAGRAM) == utf16
    assert count(text, THREADS) == utf8
    assert count(text, YOUTUBE) == utf8


@pytest.mark.parametrize("url", [
    "https://www.has-sante.fr/jcms/c_1234567/fr/une-tres-longue-adresse-de-recommandation.pdf",
    "http://a.fr",
    "www.ordre.medecin.fr",
    "hal.science/hal-01234567",
    "ameli.fr",
    "clinique-esthétique.fr/avant-après",
    "https://fr.wikipedia.org/wiki/Lifting_(chirurgie)",
])
def test_every_url_weighs_23_on_x(url):
    assert count(url, X) == 23
    assert count(f"Voir {url}.", X) == 5 + 23 + 1
    assert count(url, INSTAGRAM) == len(url)


def test_urls_found_without_trailing_punctuation_and_not_in_emails():
    text = "Lire https://exemple.fr/a_b), (www.ordre.fr) et écrire à dr@clinique.fr."
    found = [text[s:e] for s, e in url_spans(text)]
    assert found == ["https://exemple.fr/a_b", "www.ordre.fr"]


def test_french_sentence_costs_more_on_x_than_its_length():
    text = "Une question\u202f? Réponse en consultation… 50\u00a0€ • 😀"
    assert count(text, X) == len(text) + 1 + 1 + 1 + 1 + 1  # NNBSP, …, €, •, emoji
    assert count("a" * 280, X) == 280
    assert count("é" * 280, X) == 280


def test_cut_index_points_at_the_first_character_beyond_the_limit():
    assert cut_index("a" * 280, X) is None
    assert cut_index("a" * 281, X) == 280
    assert cut_index("😀" * 141, X) == 140         # each emoji weighs 2
    assert cut_index("é" * 2501, THREADS) == 250    # 500 bytes
