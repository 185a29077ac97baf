"""Noise that changes nothing for a reader changes nothing for the checker (issue 9): a negation
or a warning split by a line-end hyphen, a spaced « … » inside a phrase, or a line break after a
word no sentence ends on still covers what it denies; suspension points written against a word
still close what precedes them."""
from __future__ import annotations

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
