"""@handles are read like hashtags (issue 9): the words they run together are matched in the
« hashtag » scope, offsets unchanged, while the handle stays a handle for the patient-identity
rules."""
from __future__ import annotations

import pytest

from editor.compliance.assembly import make_engine
from editor.compliance.engine import _split_handle


@pytest.fixture(scope="module")
def engine():
    e, errors = make_engine(spelling=False, model=False, images=False)
    assert not errors
    return e


def test_a_handle_is_split_at_dots_underscores_and_into_known_words(engine):
    words = engine.rule_words
    assert _split_handle("@dr.martin.chirurgie", words) == ["dr", "martin", "chirurgie"]
    assert _split_handle("@clinique_belleforme_lyon", words)[0] == "clinique"
    assert _split_handle("@ameliechirurgienne", words) == ["amelie", "chirurgienne"]


def test_a_rule_word_inside_a_handle_is_found_and_underlines_the_handle(engine):
    text = "Retrouvez-moi sur @le.meilleur.chirurgien.de.lyon pour mes conseils."
    found = [f for f in engine.check(text).findings if f.category == "superlative"]
    assert found
    for f in found:
        assert text[f.start:f.end] == "@le.meilleur.chirurgien.de.lyon"
        assert f.replacement is None        # no wording can stand in for an account's name


def test_a_patients_handle_is_still_a_handle(engine):
    rules = [f.rule for f in engine.check("Merci @julie.dupont pour ta confiance ❤️").findings]
    assert "patient-identity.handle" in rules


def test_a_one_word_handle_is_left_as_it_is(engine):
    an = engine.analyse("Merci à @julie et à @garanti !")
    assert [u for u in an.units if u.scope == "hashtag"] == []
