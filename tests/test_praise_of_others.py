"""Praise addressed to someone else promotes no one's practice (issue 9): a homage to a mentor,
congratulations to an intern, thanks to the theatre team or to a patients' association use the
words of self-praise (« travail remarquable », « pionnier de… ») about another person. The
surgeon's own praise, a patient's thanks to the doctor and a patient congratulated on her
« transformation » still flag."""
from __future__ import annotations

import pytest


def categories(engine, text: str) -> set[str]:
    return {f.category for f in engine.check(text).findings if f.severity in ("warning", "error")}


@pytest.mark.parametrize("text", [
    "Hommage au Pr Durand, pionnier de la chirurgie de la main, dont le travail remarquable "
    "inspire encore les internes.",
    "Félicitations au Dr Martin pour sa thèse brillante, un travail exceptionnel.",
    "Félicitations à mon interne pour sa thèse, un travail exceptionnel.",
    "Bravo à l'association Vivre Après, qui fait un travail formidable auprès des patientes.",
    "Merci à toute l'équipe du bloc pour leur travail remarquable cette année.",
    "Un grand bravo à nos infirmières : un boulot incroyable pendant ce mois de rush.",
    "Semaine de la chirurgie réparatrice : merci aux équipes d'Handicap International pour leur "
    "travail extraordinaire.",
])
def test_praise_addressed_to_someone_else_is_silent(engine, text):
    assert "superlative" not in categories(engine, text)


@pytest.mark.parametrize("text", [
    # the author is still the subject
    "Félicitations à mon interne ! De notre côté, nous obtenons des résultats exceptionnels.",
    # a patient's thanks to the doctor, published by the doctor
    "Merci au Dr Martin pour mon nez parfait, le meilleur chirurgien de Lyon !",
    # a patient congratulated on her result: the practice's result praised
    "Bravo à Julie pour sa transformation incroyable !",
    # the author's own practice praised, no one else addressed
    "Notre équipe réalise un travail remarquable en rhinoplastie.",
])
def test_the_authors_own_praise_still_flags(engine, text):
    assert "superlative" in categories(engine, text)


def test_a_named_colleague_praised_is_not_the_author(engine):
    """« Pr Durand » inside a homage is not a self-reference: the title of pioneer is given to
    him, not claimed by the author (error before: the named doctor was taken as the author)."""
    findings = engine.check("Hommage au Pr Durand, pionnier de la chirurgie esthétique.").findings
    assert not [f for f in findings if f.severity == "error"]
