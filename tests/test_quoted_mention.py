"""A wording quoted in a paragraph that tells the reader to report it, or not to be guided by it,
is mentioned, not used (issue 9): the post warns against « code promo » offers, it makes none.
The same words unquoted, or quoted without such a cue, are still the author's."""
from __future__ import annotations

import pytest


def categories(engine, text: str) -> set[str]:
    return {f.category for f in engine.check(text).findings if f.severity in ("warning", "error")}


@pytest.mark.parametrize("text", [
    "Un « code promo » pour une clinique dans une story ? Vous pouvez le signaler à la DGCCRF.",
    "Ce qui ne devrait pas vous guider : une offre « valable jusqu'à dimanche ».",
    "Une « consultation offerte » en story, ce n'est pas anodin : signalez-la sur SignalConso.",
])
def test_a_quoted_offer_the_reader_is_told_to_report_is_a_mention(engine, text):
    assert not categories(engine, text) & {"pricing", "incentive", "sponsored"}


@pytest.mark.parametrize("text,category", [
    ("Code promo NEZ20 : -20 % sur la rhinoplastie, à faire suivre à vos amies !", "pricing"),
    ("Offre « valable jusqu'à dimanche » sur les injections, réservez vite.", "incentive"),
])
def test_the_same_offer_made_by_the_author_still_flags(engine, text, category):
    assert category in categories(engine, text)


def test_a_refusal_with_a_pronoun_between_ne_and_the_verb_is_a_refusal(engine):
    text = ("Je reçois des photos en message privé avec une question : « c'est combien ? ». "
            "Je n'y réponds pas : un devis se fait en consultation.")
    assert "solicitation" not in categories(engine, text)


# A post about what the law forbids names the forbidden thing: a sale refused under a negation,
# others said to break the code, an offer said not to be allowed. The same words as the
# author's own offer still flag.
@pytest.mark.parametrize("text,category", [
    ("Ici, jamais de soldes ni de ventes flash sur les injections.", "incentive"),
    ("Je ne ferai pas de \"black friday\", ni de parrainage : ce n'est pas compatible avec la "
     "médecine.", "incentive"),
    ("Les comptes qui publient des photos avant-après de leurs patientes enfreignent le code de "
     "déontologie.", "before-after"),
    ("Les remises sur la chirurgie ne sont pas autorisées pour un médecin en France.", "pricing"),
])
def test_a_forbidden_practice_named_to_refuse_or_condemn_it_is_not_used(engine, text, category):
    assert category not in categories(engine, text)


@pytest.mark.parametrize("text,category", [
    ("Ventes flash ce week-end sur les injections de lèvres !", "incentive"),
    ("Ne ratez pas nos soldes d'été sur l'épilation laser.", "incentive"),
    ("Voici mes avant/après du mois ! Je ne publie jamais le visage, promis.", "before-after"),
    ("Mes patientes sont ravies, et je ne publierai pas leurs noms.", "testimonial"),
])
def test_the_practice_used_beside_a_refusal_still_flags(engine, text, category):
    assert category in categories(engine, text)


# A refusal that names again what it refuses (« son message », « je ne le publierai pas »),
# after a « ; » or in the next sentence, covers the message quoted before it; a claim the
# author makes is not covered by refusing to show something.
@pytest.mark.parametrize("text", [
    "Une patiente m'a écrit pour me remercier ; je ne publierai pas son message.",
    "Une patiente m'a écrit pour me remercier. Je ne publierai pas son message.",
    "Une patiente m'a écrit pour me remercier, mais je ne le publierai pas.",
])
def test_a_refusal_pointing_back_at_a_quoted_message_covers_it(engine, text):
    assert "testimonial" not in categories(engine, text)


@pytest.mark.parametrize("text,category", [
    ("Nos résultats sont exceptionnels. Je ne les montre pas ici.", "superlative"),
    ("Une patiente m'a écrit pour me remercier. Je ne publie pas les photos.", "testimonial"),
])
def test_a_refusal_does_not_cover_a_claim_or_what_it_does_not_name(engine, text, category):
    assert category in categories(engine, text)


@pytest.mark.parametrize("text,category", [
    ("Ce que je refuse : les promotions, les codes promo, les « offres flash ».", "incentive"),
    ("Ce que je refuse : les promotions, les codes promo, les « offres flash ».", "sponsored"),
    ("Les fausses pages qui utilisent des photos volées de patientes avec des « avant/après » "
     "sont signalées à Meta.", "before-after"),
    ("Ce n'est pas parce qu'une influenceuse affiche un « avant/après » spectaculaire qu'il "
     "faut la croire.", "before-after"),
    ("Les avis Google sur les médecins sont encadrés : je ne peux ni y répondre publiquement ni "
     "les mettre en avant.", "rating"),
    # the refusal heads a clause of the next sentence (« … » ends a sentence before « Google »)
    ("Plus de 2 000 avis de patients sur … Google : nous ne les reproduisons pas ici.", "rating"),
])
def test_what_the_author_refuses_or_reports_is_a_mention(engine, text, category):
    assert category not in categories(engine, text)


def test_an_offer_after_a_refusal_heading_still_flags(engine):
    text = "Ce que je refuse : les promotions. Ce mois-ci, -30 % sur le lipofilling !"
    assert "pricing" in categories(engine, text)


@pytest.mark.parametrize("text", [
    "À 47 ans, le Dr Karim Benali se présente volontiers comme « expert en rhinoplastie "
    "ultrasonique ».",
    "Le Dr Martin se définit comme « spécialiste du nez » depuis vingt ans.",
])
def test_a_quotation_someone_adopts_as_their_own_description_is_a_claim(engine, text):
    assert "title" in categories(engine, text)


@pytest.mark.parametrize("text", [
    "Méfiez-vous de tout médecin qui se présente comme « expert » sur les réseaux.",
    "Un patient m'a demandé si j'étais « expert en rhinoplastie » : ce titre n'existe pas.",
])
def test_a_quotation_nobody_adopts_stays_a_mention(engine, text):
    assert "title" not in categories(engine, text)


@pytest.mark.parametrize("post", [
    "## Pourquoi vous ne verrez pas de photos « avant/après » sur ce compte\n\n"
    "Les montages avant/après montrent un résultat sélectionné, sous un éclairage choisi.",
    "Pourquoi vous ne verrez jamais de témoignages de patients sur ce compte 🤐\n\n"
    "Parce qu'un témoignage raconte une expérience, pas la vôtre.",
])
def test_a_post_discussing_what_its_heading_refuses_uses_none_of_it(engine, post):
    assert not categories(engine, post) & {"before-after", "testimonial"}


@pytest.mark.parametrize("post,category", [
    # what the heading refuses, then done anyway in other words
    ("Pourquoi vous ne verrez jamais de témoignages de patients sur ce compte\n\n"
     "« Merci docteur, vous avez changé ma vie, je recommande à toutes ! » Julie, 34 ans",
     "testimonial"),
    ("Pas de promo ici, et voici pourquoi.\n\nUne promo pousse à décider vite. Ce mois-ci, "
     "-30 % sur les injections !", "pricing"),
    # a heading that refuses nothing covers nothing
    ("Nos résultats avant/après\n\nPas de promo, mais voici nos avant/après de la semaine.",
     "before-after"),
])
def test_what_a_refusing_heading_does_not_cover_still_flags(engine, post, category):
    assert category in categories(engine, post)
