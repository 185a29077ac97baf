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
