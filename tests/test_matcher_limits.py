"""Limits of the matcher that rule tuners hit (issue 9): numbers in words, word lists including
word lists, « ne … que », accents that tell two words apart, and emoji ending a sentence."""
from __future__ import annotations

import textwrap

from editor.compliance.engine import Engine
from editor.compliance.rules import load_rules

RULE = """\
category: pricing
reference: "CSP art. R.4127-19"
rules:
  - id: pricing.limits-test
    severity: error
    message: "Motif de test."
    patterns: {patterns}
    examples:
      flag: ["{flag}"]
      ok: ["Rien ici."]
"""


def make_pack(tmp_path, patterns, flag, lexicons=None):
    d = tmp_path / "pack"
    d.mkdir()
    (d / "r.yaml").write_text(RULE.format(patterns=patterns, flag=flag), encoding="utf-8")
    if lexicons:
        (d / "lexicons").mkdir()
        for name, text in lexicons.items():
            (d / "lexicons" / f"{name}.txt").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rules(dirs=[d], use_cache=False)


def found(engine, text, category=None):
    return [f.text for f in engine.check(text).findings
            if f.severity in ("warning", "error") and (category is None or f.category == category)]


# --- {num}: digits or words -------------------------------------------------------------------

def test_num_matches_numbers_written_in_words(tmp_path):
    rs = make_pack(tmp_path, '["{num} (ans|euros)"]', "[vingt-cinq ans]")
    assert not rs.errors, rs.errors
    eng = Engine(rs)
    for text in ("32 ans", "vingt-cinq ans", "dix-huit ans", "dix huit ans", "soixante et onze ans",
                 "quatre-vingt-dix-neuf ans", "deux cents euros", "cent vingt euros",
                 "trois mille euros", "VINGT ANS"):
        assert found(eng, f"Elle a {text} aujourd'hui.") == [text], text


def test_num_leaves_articles_and_zero_alone(tmp_path):
    eng = Engine(make_pack(tmp_path, '["{num} (an|ans|semaine|euros)"]', "[deux ans]"))
    for text in ("Revenez dans un an.", "Une semaine de repos.", "Zéro euros de frais."):
        assert found(eng, text) == [], text


def test_digits_keeps_to_numbers_in_digits(tmp_path):
    eng = Engine(make_pack(tmp_path, '["à {digits} ans"]', "[à 5 ans]"))
    assert found(eng, "Nos résultats à 5 ans.") == ["à 5 ans"]
    assert found(eng, "Nos résultats à cinq ans.") == []


def test_the_pack_reads_numbers_in_words(engine):
    assert found(engine, "Perdez trois tailles en une séance !", "misleading-claim")
    assert found(engine, "Sophie, quarante-deux ans, a retrouvé le sourire après sa rhinoplastie.",
                 "patient-identity")


# --- word lists including word lists ----------------------------------------------------------

def test_a_word_list_includes_another_one(tmp_path):
    rs = make_pack(tmp_path, '["{@actes} offert~"]', "[lifting offert]", {
        "visage": "lifting\nblépharoplastie\n",
        "actes": "# every act\n{@visage}\nrhinoplastie\n"})
    assert not rs.errors, rs.errors
    eng = Engine(rs)
    assert found(eng, "Un lifting offert !") == ["lifting offert"]
    assert found(eng, "Une blépharoplastie offerte !") == ["blépharoplastie offerte"]
    assert found(eng, "Une rhinoplastie offerte !") == ["rhinoplastie offerte"]


def test_an_inclusion_cycle_is_reported_naming_the_files(tmp_path):
    rs = make_pack(tmp_path, '["{@a} offert~", "cadeau~"]', "[cadeau]", {
        "a": "lifting\n{@b}\n", "b": "rhinoplastie\n{@a}\n"})
    cycle = [e for e in rs.errors if "inclusion circulaire" in e.message]
    assert {(e.path.split("/")[-1], e.line) for e in cycle} == {("a.txt", 2), ("b.txt", 2)}
    messages = " ".join(e.message for e in cycle)
    assert "a.txt → b.txt → a.txt" in messages and "b.txt → a.txt → b.txt" in messages
    # the rule using the broken list is reported at its line
    assert any(e.path.endswith("r.yaml") and "unknown lexicon 'a'" in e.message for e in rs.errors)


def test_an_unknown_included_list_is_reported(tmp_path):
    rs = make_pack(tmp_path, '["cadeau~"]', "[cadeau]", {"a": "lifting\n{@inconnue}\n"})
    (err,) = [e for e in rs.errors if "introuvable" in e.message]
    assert err.path.endswith("a.txt") and err.line == 2 and "« inconnue »" in err.message
    assert found(Engine(rs), "Un cadeau !") == ["cadeau"]


# --- « ne … que » restricts, it does not deny ---------------------------------------------------

def test_ne_que_is_not_a_negation(engine):
    assert found(engine, "Je ne pratique que des techniques garanties.", "misleading-claim")
    assert found(engine, "Nous n'utilisons que des protocoles garantis.", "misleading-claim")


def test_real_negations_around_que_still_negate(engine):
    assert not found(engine, "Je ne dis pas que le résultat est garanti.", "misleading-claim")
    assert not found(engine, "Le résultat n'est pas garanti.", "misleading-claim")
    assert not found(engine, "La simulation n'est qu'un support de discussion : elle ne prédit pas "
                             "le résultat.", "retouched-image")


# --- accents that tell two words apart ----------------------------------------------------------

def test_sur_is_not_sur_with_a_circumflex(engine):
    assert not found(engine, "Remboursé à 100 % sur prescription.", "misleading-claim")
    assert found(engine, "Une technique 100 % sûre.", "misleading-claim") == ["100 % sûre"]


def test_a_post_without_accents_or_in_capitals_still_matches(engine):
    assert "100 % sur" in found(engine, "une technique 100 % sur, rien a craindre",
                                "misleading-claim")
    assert found(engine, "UNE TECHNIQUE 100 % SUR", "misleading-claim") == ["100 % SUR"]


def test_other_accents_are_still_folded(engine):
    assert found(engine, "Resultat garanti apres une seule seance.", "misleading-claim")
    assert found(engine, "Un résultat garanti après une séance à 100 % sûr.", "misleading-claim")


# --- an emoji before a capital ends the sentence ------------------------------------------

def test_a_negation_before_an_emoji_does_not_cover_the_next_sentence(engine):
    assert "Zéro cicatrice" in found(
        engine, "Des cicatrices ? Connais pas 😎 Zéro cicatrice avec notre technique.")
    # lower case after the emoji: the same sentence, the negation still reads over it
    assert "zéro cicatrice" not in found(
        engine, "Des cicatrices ? Connais pas 😎 zéro cicatrice avec notre technique.")


def test_a_refutation_cue_before_an_emoji_does_not_cover_the_next_sentence(engine):
    text = "On lit tout et n'importe quoi sur Internet 🤫 Alors disons-le : résultat garanti."
    assert "résultat garanti" in found(engine, text, "misleading-claim")
    # the same cue in the same sentence still refutes the claim
    assert not found(engine, "On lit partout sur Internet qu'un résultat garanti existe.",
                     "misleading-claim")
