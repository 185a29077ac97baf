"""French elision when a person's name follows « de » or « que » in a message (issue 10):
« Signature d’Inès Dubois », never « Signature de Inès Dubois »."""
from __future__ import annotations

import pytest

from editor.review.people import de_name, que_name


@pytest.mark.parametrize("name, expected", [
    ("Inès Dubois", "d’Inès Dubois"),
    ("Élodie", "d’Élodie"),
    ("Hélène Roy", "d’Hélène Roy"),           # a mute h
    ("Yves Martin", "d’Yves Martin"),
    ("Yann Le Goff", "de Yann Le Goff"),      # a y before a vowel is a consonant
    ("Claire Martin", "de Claire Martin"),
    ("Dr Claire Martin", "du Dr Claire Martin"),
    ("Pr Olivier Roux", "du Pr Olivier Roux"),
    ("Dre Anne Petit", "de la Dre Anne Petit"),
    ("  Inès   Dubois ", "d’Inès Dubois"),
])
def test_de_before_a_name(name, expected):
    assert de_name(name) == expected


def test_que_before_a_name():
    assert que_name("Inès Dubois") == "qu’Inès Dubois"
    assert que_name("Claire Martin") == "que Claire Martin"


def test_the_approval_message_elides(tmp_path):
    from editor.review.people import VersionPeople
    from editor.review.session import _second_approval
    from editor.review.state import ReviewState

    msg = _second_approval(ReviewState(), VersionPeople("x"), [], [], "Inès Dubois")
    assert msg.startswith("Signature d’Inès Dubois enregistrée.")
    assert "de Inès" not in msg
