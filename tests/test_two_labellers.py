"""A blind set labelled by two people (issue 9): the truth both agree on, and how far they agree."""
from __future__ import annotations

from corpus_scoring import agreed_cases, labeller_agreement

FIRST = {"a": {"expect": ["pricing"], "allow": []},
         "b": {"expect": [], "allow": []},
         "c": {"expect": ["testimonial", "rating"]}}
SECOND = {"a": {"expect": ["pricing", "incentive"], "allow": []},
          "b": {"expect": [], "allow": ["medicine-brand"]},
          "c": {"expect": ["testimonial"], "allow": ["superlative"]}}
SCORED = {"pricing", "incentive", "medicine-brand", "testimonial", "rating", "superlative"}


def test_what_both_expect_is_expected_and_what_either_names_is_allowed():
    both = agreed_cases(FIRST, SECOND)
    assert both["a"] == {"expect": ["pricing"], "allow": ["incentive"]}
    assert both["b"] == {"expect": [], "allow": ["medicine-brand"]}
    assert both["c"] == {"expect": ["testimonial"], "allow": ["rating", "superlative"]}


def test_the_second_labeller_is_scored_against_the_first_as_the_checker_is():
    s = labeller_agreement(FIRST, SECOND, SCORED)
    assert (s.tp, s.fn, s.fp) == (2, 1, 1)     # rating missed, incentive raised
    assert (s.clean_ok, s.clean_total) == (1, 1)
    same = labeller_agreement(FIRST, FIRST, SCORED)
    assert same.recall == 1.0 and same.precision == 1.0
