"""Noise that changes nothing for a reader changes nothing for the checker (issue 9): a negation
or a warning split by a line-end hyphen, a spaced « … » inside a phrase, or a line break after a
word no sentence ends on still covers what it denies; suspension points written against a word
still close what precedes them."""
from __future__ import annotations

import textwrap

import pytest

from editor.compliance.assembly import make_engine
from editor.text.tokens import tokenize


@pytest.fixture(scope="module")
def engine():
    e, errors = make_engine(spelling=False, model=False, images=False)
    assert not errors
    return e


def rules_on(engine, text: str) -> list[str]:
    return [f.rule for f in engine.check(text).findings if f.severity in ("warning", "error")]


@pytest.mark.parametrize("text", [
    "Le résultat d'une intervention n'est jama-\nis garanti.",
    "Aucune chirurg-\nie n'est sans cicatrice : elle est placée dans un pli.",
    "Mé-\nfiez-vous des cliniques qui opèrent à la chaîne.",
    "Aucune chirurgie n'est … sans cicatrice : elle est placée dans un pli.",
    "Je ne publie pas de … photos avant/après : chaque résultat est unique.",
    "Le meilleur chirurgien de\nFrance n'existe pas : vérifiez plutôt la qualification.",
])
def test_noise_inside_a_denial_keeps_the_post_silent(engine, text):
    assert rules_on(engine, text) == []


def test_suspension_points_against_a_word_close_the_denial(engine):
    assert "misleading-claim.guaranteed-result" in rules_on(
        engine, "Pas de douleur… garanti à 100 % !")


def test_a_line_end_hyphen_or_a_dangling_preposition_continues_the_sentence():
    toks = tokenize("n'est jama-\nis garanti")
    assert len(set(toks.sentence)) == 1
    toks = tokenize("le meilleur chirurgien de\nFrance")
    assert len(set(toks.sentence)) == 1
    toks = tokenize("Voir la liste\nMerci")      # a line may still end a sentence
    assert len(set(toks.sentence)) == 2


def test_an_emoji_or_a_line_break_after_a_word_no_sentence_ends_on_keeps_the_sentence():
    """« Merci à ✨ Inès » and « Madame⏎Dupont » name one person: the thanks and the civility
    stay one phrase, with their conditions checked on the whole of it."""
    assert len(set(tokenize("Merci à ✨ Inès pour son message.").sentence)) == 1
    assert len(set(tokenize("Madame\nDupont nous remercie.").sentence)) == 1
    assert len(set(tokenize("Connais pas 😎 Zéro cicatrice").sentence)) == 2


def test_a_match_over_a_sentence_break_is_judged_on_every_sentence_it_touches(tmp_path):
    """An emoji before a capitalised word ends a sentence; a match running over it (« retouche
    😎 Offerte ») has its condition looked for in both sentences."""
    pack = tmp_path / "clinique"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: clinique\nversion: '1'\n", encoding="utf-8")
    (pack / "cadeau.yaml").write_text(textwrap.dedent("""\
        category: pricing
        reference: "CSP art. R.4127-19"
        rules:
          - id: clinique.retouche-offerte
            severity: error
            message: "Retouche offerte."
            patterns: ["retouche offerte"]
            requires: {patterns: [ce mois], within: sentence}
            examples:
              flag: ["La [retouche offerte] ce mois."]
              ok: ["La retouche offerte l'an dernier."]
        """), encoding="utf-8")
    engine, errors = make_engine([pack], spelling=False, model=False, images=False)
    assert not errors
    text = "Votre retouche 😎 Offerte ce mois."
    assert len(set(tokenize(text).sentence)) == 2
    assert "clinique.retouche-offerte" in rules_on(engine, text)


@pytest.mark.parametrize("text", [
    "Elle a franchi le pas et nous raconte son expérience sans tabou sur notre chaîne.",
    "Un premier pas vers un résultat garanti, promettait la publicité : méfiance.",
])
def test_the_noun_pas_negates_nothing(engine, text):
    assert rules_on(engine, text.split(",")[0])


def test_pas_de_panique_denies_the_panic_not_the_claim(engine):
    assert "superlative.self-praise" in rules_on(
        engine, "Pas de panique, je suis le meilleur chirurgien de Lyon pour vos paupières.") or \
        rules_on(engine, "Pas de panique : je suis le meilleur chirurgien de Lyon.")
    assert rules_on(engine, "Pas de panique si votre cicatrice est rouge : le résultat est "
                            "garanti.")


@pytest.mark.parametrize("clean, noisy", [
    # an emoji or a decorative sign between a comparison and its « ne » does not free it
    ("Une cicatrice est plus visible qu'on ne l'espère.",
     "Une cicatrice est plus visible 😍 qu'on ne l'espère."),
    ("Une cicatrice est plus visible qu'on ne l'espère.",
     "Une cicatrice est plus visible qu'on • ne l'espère."),
    # a line break inside « avis Google » does not cut the phrase off its « c'est interdit »
    ("Une séance offerte en échange d'un avis Google : c'est interdit, et je ne le ferai pas.",
     "Une séance offerte en échange d'un avis\nGoogle : c'est interdit, et je ne le ferai pas."),
    # an emoji inside a source's name does not end the sentence that cites it
    ("Selon l'ISAPS, 98 % de patientes satisfaites : un chiffre à prendre avec prudence.",
     "Selon l'IS💕APS, 98 % de patientes satisfaites : un chiffre à prendre avec prudence."),
    # digits for letters after an elision: « d'anatomie », « n'existe »
    ("Je travaille avec le laboratoire d'anatomie de la faculté sur les lambeaux.",
     "Je travaille avec le laboratoire d'4n4t0m13 de la faculté sur les lambeaux."),
    ("Un lifting « sans cicatrice » : ça n’existe pas.",
     "Un lifting « sans cicatrice » : ça n’3x1st3 pas."),
])
def test_meaning_neutral_noise_adds_no_finding(engine, clean, noisy):
    assert set(rules_on(engine, noisy)) <= set(rules_on(engine, clean))


def test_a_line_break_in_a_sentence_no_phrase_runs_over_still_ends_it():
    toks = tokenize("Une séance offerte\nGoogle nous note 4,9")
    assert len(set(toks.sentence)) == 2


def test_an_adverb_after_a_coordinated_me_sets_no_one_against_the_others(engine):
    """« moi si » opposes the author to others only after a break (« …, moi si »): « mon
    confrère et moi si avons publié » is the two of them."""
    assert rules_on(engine, "Mon confrère et moi si avons publié une étude sur les reprises.") \
        == []
    assert "comparison.others-then-self" in rules_on(
        engine, "La plupart des ORL ne font pas de reprise, moi si.")


@pytest.mark.parametrize("text", [
    "Des injections à -50 % ? Non.",
    "Des injections à -50 % ? Impossible chez un médecin.",
    "Des injections à -50 % ? Absolument pas.",
    "Consultation offerte ? Non, jamais.",
    "Des injections à -50 % ? Non, aucun médecin ne peut vous le proposer.",
    "Des injections à -50 % ? Ça n'existe pas.",
])
def test_a_claim_asked_and_denied_at_once_is_not_made(engine, text):
    assert rules_on(engine, text) == []


@pytest.mark.parametrize("text, rule", [
    ("Des injections à -50 % ? Oui, ce mois-ci !", "pricing.discount"),
    ("Des injections à -50 % ? Pas de souci, réservez !", "pricing.discount"),
    ("Des injections à -50 % ? Aucun problème, réservez !", "pricing.discount"),
    # « pas une fatalité » says it can be fixed, the ad's answer
    ("Ventre de maman qui pendouille ? 🤢 Pas une fatalité les filles !", "dignity.body-shaming"),
    # « non » followed by a correction does not deny what the question says
    ("Des injections à -50 % ? Non, à -60 % pour les premières inscrites !", "pricing.discount"),
    ("Consultation offerte ? Réservez vite !", "pricing.free-consultation"),
    # the denial covers the question only, not what the answer goes on to offer
    ("Un résultat garanti ? Non : réservez vite, -30 % ce mois-ci.", "pricing.discount"),
])
def test_a_question_the_next_sentence_does_not_deny_is_still_a_claim(engine, text, rule):
    assert rule in rules_on(engine, text)


@pytest.mark.parametrize("text", [
    "Le résultat d'une rhinoplastie n'est j.a.m.a.i.s garanti.",
    "Le résultat d'une rhinoplastie n'est jamias garanti.",
    "A u c u n e chirurgie n'est sans cicatrice.",
    "Une chirurgie « sans cicatrice » : m-é-f-i-e-z vous.",
    "Des injections à -50 % ? I m p o s s i b l e.",
    "Des injections à -50 % ? N.o.n.",
])
def test_an_evaded_denial_still_denies(engine, text):
    """The words context.yaml looks for (negators, refutation cues) are words of the rules: their
    evasive spellings and typos are read back like a trigger's."""
    assert rules_on(engine, text) == []


@pytest.mark.parametrize("text", [
    # Title Case makes no brand of « Par » (a capitalised grammatical word is not a name)
    "Le bloc est labellisé Par L'ARS Pour La chirurgie ambulatoire.",
    # « prises » (taken) is not « prisés » (sought-after) in a paragraph written with accents
    "En consultation, nous analysons vos photos très prises au cabinet.",
    # a surname one letter from a first name is a name, not a typo of it
    "Autur de chirurgiens comme Harold Gillies, des équipes ont mis au point ces techniques.",
    # « marque » followed by any form of « imposer » is a brand, not a scar
    "Les soins conseillés sont vendus sans marque impose.",
])
def test_noise_that_bends_a_plain_word_raises_no_alarm(engine, text):
    assert rules_on(engine, text) == []


@pytest.mark.parametrize("text, rule", [
    ("Cabinet labellisé Allergan pour les injections.", "title.brand-certification"),
    ("Je suis un chirurgien très prisé des stars.", "superlative.self-praise"),
    ("Je suis un chirurgien tres prise des stars.", "superlative.self-praise"),
])
def test_the_same_mechanisms_still_flag_the_claim(engine, text, rule):
    assert rule in rules_on(engine, text)


@pytest.mark.parametrize("text, rule", [
    ("Envie d'un résultat garanti ? Réservez !", "misleading-claim.guaranteed-result"),
    ("Le meilleur lifting de Lyon ? C'est ici.", "superlative.ranking"),
    ("Vous voulez mon avis sur vos lèvres ? Écrivez-moi.", "solicitation.remote-advice"),
    ("Le meilleur lifting de Lyon ? 👉 Contactez-nous.", "superlative.ranking"),
])
def test_a_question_answered_by_a_call_to_act_asserts_what_it_asks(engine, text, rule):
    assert rule in rules_on(engine, text)


@pytest.mark.parametrize("text", [
    "Le meilleur lifting de Lyon ? Tout dépend de votre peau et de vos attentes.",
    "Un résultat garanti ? Non.",
    "Vous voulez mon avis sur vos lèvres ? Il se donne en consultation, après examen.",
    # a call to act later in the answer does not make the question a hook
    "Le meilleur lifting de Lyon ? Tout dépend de votre peau. Réservez une consultation.",
])
def test_a_question_answered_with_information_or_denied_still_asks(engine, text):
    assert rules_on(engine, text) == []


@pytest.mark.parametrize("text, rule", [
    # « n'importe … » means « any »: it denies nothing, before or after the claim
    ("Chez nous, n'importe qui obtient un résultat garanti.", "misleading-claim.guaranteed-result"),
    ("Résultat garanti n'importe quel âge.", "misleading-claim.guaranteed-result"),
    # « ne <verb> que » after the claim restricts what follows, the claim stands
    ("Le meilleur chirurgien de Lyon n'opère que le nez.", "superlative.ranking"),
    # and before it, as already read: « ne … que » restricts
    ("Je ne pratique que des techniques garanties.", "misleading-claim.guaranteed-result"),
])
def test_any_and_only_are_no_negation(engine, text, rule):
    assert rule in rules_on(engine, text)


@pytest.mark.parametrize("text", [
    "La simulation n'est qu'un support de discussion, pas une promesse.",
    "Un lifting sans cicatrice n'existe pas.",
    "N'importe quel chirurgien vous le dira : un résultat garanti n'existe pas.",
])
def test_a_belittling_or_denying_ne_after_the_claim_still_denies(engine, text):
    assert rules_on(engine, text) == []


def test_an_exception_may_read_the_next_sentence_when_the_rule_asks(tmp_path):
    """``within: next``: the condition is looked for in the match's sentence and the one right
    after it in the same paragraph (« Résultat garanti. Sous réserve d'examen. »), not further
    and not in the next paragraph; ``within: sentence`` keeps to the match's sentence."""
    pack = tmp_path / "clinique"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: clinique\nversion: '1'\n", encoding="utf-8")
    (pack / "promesse.yaml").write_text(textwrap.dedent("""\
        category: misleading-claim
        reference: "CSP art. R.4127-19"
        rules:
          - id: clinique.promesse
            severity: error
            message: "Promesse."
            patterns: ["promesse tenue"]
            unless: {patterns: [sous réserve], within: next}
            examples:
              flag: ["[Promesse tenue]. Vraiment. Sous réserve d'examen."]
              ok: ["Promesse tenue. Sous réserve d'examen."]
          - id: clinique.promesse-phrase
            severity: error
            message: "Promesse."
            patterns: ["promesse tenue"]
            unless: {patterns: [sous réserve], within: sentence}
            examples:
              flag: ["[Promesse tenue]. Sous réserve d'examen."]
              ok: ["Promesse tenue sous réserve d'examen."]
        """), encoding="utf-8")
    engine, errors = make_engine([pack], spelling=False, model=False, images=False)
    assert not errors

    def ours(text):
        return sorted(r for r in rules_on(engine, text) if r.startswith("clinique."))

    assert ours("Promesse tenue. Sous réserve d'examen.") == ["clinique.promesse-phrase"]
    assert ours("Promesse tenue. Vraiment. Sous réserve d'examen.") == [
        "clinique.promesse", "clinique.promesse-phrase"]
    assert ours("Promesse tenue.\n\nSous réserve d'examen.") == [
        "clinique.promesse", "clinique.promesse-phrase"]
    assert ours("Promesse tenue sous réserve d'examen.") == []


def severities(engine, text: str) -> dict[str, str]:
    return {f.rule: f.severity for f in engine.check(text).findings}


@pytest.mark.parametrize("text", [
    # a name in apposition right after the claim: the author speaks of themself
    "Le meilleur chirurgien esthétique de Lyon, le Dr Martin vous reçoit.",
    # a profile line opening on the author's title, no article
    "Chirurgien esthétique n°1 à Lyon | Résultats naturels",
])
def test_the_author_named_in_apposition_or_in_a_profile_line_is_the_subject(engine, text):
    assert severities(engine, text).get("superlative.ranking") == "error"


def test_a_name_or_a_title_elsewhere_does_not_make_the_author_the_subject(engine):
    got = severities(engine, "Le meilleur chirurgien de Lyon, nos patientes le disent.")
    assert got.get("superlative.ranking") == "warning"      # « nos patientes »: not the author
    assert severities(engine, "Un chirurgien n°1 à Lyon, ça n'existe pas.") == {}


@pytest.mark.parametrize("text", [
    # a denial takes up what precedes it: it heads nothing after it
    "Un lifting sans cicatrice, ça n'existe pas, mais le résultat est garanti.",
    "Un lifting sans cicatrice n'existe pas, mais le résultat est garanti.",
    # a contrast after a heading cue opens a claim of its own
    "Idée reçue : les injections font mal ; mais chez nous le résultat est garanti.",
    # « ça n'existe pas ailleurs » claims, it does not refute (already read so)
    "Nos résultats sont garantis, ça n'existe pas ailleurs !",
])
def test_a_refutation_covers_only_what_it_denies(engine, text):
    assert "misleading-claim.guaranteed-result" in rules_on(engine, text)


@pytest.mark.parametrize("text", [
    "Idée reçue : le résultat est garanti.",
    "Prudence, un résultat garanti doit vous alerter.",
    "Un résultat garanti ? Ça n'existe pas.",
    "On entend souvent que le résultat est garanti : c'est faux.",
])
def test_a_refutation_still_covers_the_claim_it_quotes(engine, text):
    assert rules_on(engine, text) == []


def test_a_title_after_an_article_or_in_title_case_is_no_profile_line(engine):
    for text in ("Le dermatologue reste le spécialiste de référence pour un grain de beauté.",
                 "Le Dermatologue Reste Le Spécialiste de référence pour un grain de beauté."):
        assert rules_on(engine, text) == []

# --- How far a denial reaches (found on the retired blind sets' dev halves, session 25): a
# negation governs every item of the « de » list after it, « , voire » raises the same
# predicate without opening a clause, and a verdict or a denial opening a paragraph
# (« C'est faux. », « Non. ») answers the quotation or the question ending the paragraph
# before it. Each reach has a limit, and the claims just past it still flag.


@pytest.mark.parametrize("text", [
    "Non, le cabinet ne fera pas de « Black Friday », de -30 % ou de promo sur les injections.",
    "Ici, jamais de remise, de forfait ou de promo : les honoraires sont les mêmes toute l'année.",
])
def test_a_negation_governs_every_item_of_its_de_list(engine, text):
    assert rules_on(engine, text) == []


@pytest.mark.parametrize("text", [
    "Ne manquez pas de venir, de -30 % sur tout !",       # a call, not a denial
    "Pas de chichis, -30 % sur les injections !",         # no « de » item: a clause of its own
    "Pas d'attente, pas de stress, et -20 % sur le forfait ce mois-ci !",
])
def test_a_list_the_negation_does_not_govern_still_flags(engine, text):
    assert any(r.startswith("pricing.") for r in rules_on(engine, text))


def test_voire_raises_the_denied_predicate_without_opening_a_clause(engine):
    text = ("Présentées hors contexte, ces images laissent croire qu'un résultat est "
            "reproductible, voire garanti, alors que chaque corps diffère.")
    assert rules_on(engine, text) == []
    assert any(r.startswith("misleading-claim.")
               for r in rules_on(engine, "Un résultat naturel, voire garanti !"))


def test_a_verdict_opening_a_paragraph_answers_the_quotation_before_it(engine):
    post = ("« Le lipofilling des fesses, c'est sans danger puisque c'est ta propre graisse. » "
            "Vu deux millions de fois sur TikTok.\n\n"
            "C'est faux. Une injection trop profonde expose à une embolie graisseuse.")
    assert rules_on(engine, post) == []
    assert rules_on(engine, "« Le lipofilling, c'est sans danger. »\n\nFaux !") == []


@pytest.mark.parametrize("post", [
    # not quoted: the author's own sentence stays a claim
    "Le lipofilling, c'est sans danger.\n\nC'est faux de croire qu'il faut attendre un an.",
    # a warning opening the next paragraph is not a verdict on the testimonial before it
    "« Résultat parfait, merci docteur ! » Julie, 32 ans.\n\n"
    "Attention aux promesses de résultat garanti.",
])
def test_what_the_verdict_does_not_answer_still_flags(engine, post):
    assert rules_on(engine, post) != []


@pytest.mark.parametrize("post", [
    "« Vous faites quelque chose pour le Black Friday ? » Non. Pas de promo, pas de code.",
    "Chaque fin novembre, la même question arrive : « Vous faites quelque chose pour le Black "
    "Friday ? »\n\nNon. Pas de promo, pas de code : les honoraires sont les mêmes toute l'année.",
])
def test_a_quoted_question_denied_next_even_across_a_paragraph_is_not_a_claim(engine, post):
    assert rules_on(engine, post) == []


@pytest.mark.parametrize("post, rule", [
    ("Un -30 % sur votre lifting ?\n\nNon, mieux : -40 % ce mois-ci !", "pricing.discount"),
    ("Pourquoi attendre ?\n\nN'attendez plus, les places partent vite !", "incentive.hurry"),
    # an answer two paragraphs later answers nothing
    ("Vous faites le Black Friday ?\n\nBelle semaine à tous.\n\nNon.", "pricing.discount"),
])
def test_a_question_the_next_paragraph_does_not_deny_still_flags(engine, post, rule):
    assert rule in rules_on(engine, post)


def test_a_letter_o_written_for_a_zero_still_makes_a_discount(engine):
    assert "pricing.discount" in rules_on(
        engine, "Rentrée = nouveau départ ✨ -2O% sur la blépharoplastie en septembre !")


def test_a_question_answered_yes_here_asserts_what_it_asks(engine):
    got = rules_on(engine, "Le meilleur chirurgien de Marseille pour votre nez ? "
                           "Vous êtes au bon endroit 👇")
    assert any(r.startswith("superlative.") for r in got)
    assert rules_on(engine, "Le meilleur moment pour se faire opérer ? Tout dépend de votre "
                            "peau et de votre saison.") == []
