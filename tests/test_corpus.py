"""Accuracy on labelled posts, scored as ../shared/eval/score.py scores it.

The targets of the compliance-engine issue: recall ≥ 0.95, precision ≥ 0.95, every educational post
silent at warning/error. The thresholds below are what the suite enforces today; raise them as
the rules improve, never lower them to make a change pass.
"""
import pytest
from corpus_scoring import score
from project_paths import ROOT, SHARED

OWN = ROOT / "tests" / "corpus" / "posts.yaml"
# Written late by someone who had not seen the rules, and measured before any change; the rules
# were then improved on the families of formulations it revealed, so it is no longer blind.
BLIND = ROOT / "tests" / "blind" / "posts.yaml"
# Written after every rule change of the first session by someone who had seen neither the rules
# nor the corpora; measured once (0.75 / 0.89 / 18 of 20). Keep it unseen: do not tune rules on it.
BLIND2 = ROOT / "tests" / "blind2" / "posts.yaml"
# Written after blind2 to find more families of wording (measured first at 0.76 / 0.88 / 12 of
# 15, then rules were improved on it).
BLIND3 = ROOT / "tests" / "blind3" / "posts.yaml"
PUBLIC = SHARED / "eval" / "public.yaml"
# Written from public pages' wording families (docs/wording-sources.md) and the subtle-wording
# development corpus of indirect and evasive posts: the rules were written against them, so
# they guard against regressions, they do not measure generalisation (the blind sets do).
REALWORLD = ROOT / "tests" / "realworld" / "posts.yaml"
SUBTLE = ROOT / "tests" / "subtle" / "posts.yaml"
# Development corpus of 245 posts written 2026-12-07 in 45 registers; the rules were tuned on its
# odd-numbered half only (the even half measures how far that tuning carries: README « Mesures »).
VARIED = ROOT / "tests" / "varied" / "posts.yaml"
# Second development corpus (220 posts, 2026-12-07, wording families of real public pages listed
# in its SOURCES.md); tuned on the half drawn by a hash of the case name (benchmarks/accuracy.py).
VARIED2 = ROOT / "tests" / "varied2" / "posts.yaml"
# Third and fourth (200 posts each, 2026-12-07 morning: social networks, and web pages and print;
# wording families with their public sources in SOURCES.md); tuned on their hash-drawn dev halves.
# Their false spelling flags are the deliberate typos and evasions of their posts (« garentie »,
# « spéci@liste »), reported as they should be but not labelled.
VARIED3 = ROOT / "tests" / "varied3" / "posts.yaml"
VARIED4 = ROOT / "tests" / "varied4" / "posts.yaml"
# Fifth (200 posts, session 21, written without reading the rules); tuned on its dev half. Its
# false spelling flags are its deliberate evasions and English words (« zér0 », « mommy »).
VARIED5 = ROOT / "tests" / "varied5" / "posts.yaml"
# Sixth (160 posts, session 22, mostly hard negatives, written without reading the rules); tuned
# on its dev half. Its false spelling flags are its evasions and English words (« B0t0x »).
VARIED6 = ROOT / "tests" / "varied6" / "posts.yaml"
# Seventh (160 posts, session 24, violations mostly without the obvious keyword, written without
# reading the rules); tuned on its dev half. Its false spelling flags are its evasions
# (« B0tox », « J.u.v.e.d.e.r.m »), English words and invented names.
VARIED7 = ROOT / "tests" / "varied7" / "posts.yaml"

THRESHOLDS = {  # recall, precision, share of educational posts left silent, false spelling flags
    # False spelling flags measured with the Dicollecte word list: 0, 0, 2 (a handle and a brand
    # name in blind2), 0, 0; one of margin where a new post may bring a new brand name.
    "own": (0.94, 0.94, 1.0, 1),
    "blind": (0.75, 0.88, 0.9, 1),
    "blind2": (0.72, 0.85, 0.9, 2),
    "blind3": (0.82, 0.93, 1.0, 1),
    "public": (0.95, 0.95, 1.0, 0),
    "realworld": (0.97, 0.95, 1.0, 9),
    "subtle": (0.97, 0.97, 1.0, 2),
    "varied": (0.89, 0.94, 0.96, 15),
    "varied2": (0.93, 0.91, 0.95, 8),
    "varied3": (0.85, 0.88, 0.98, 14),
    "varied4": (0.91, 0.90, 0.97, 9),
    "varied5": (0.88, 0.94, 0.98, 20),
    "varied6": (0.79, 0.91, 0.93, 32),
    "varied7": (0.79, 0.89, 0.89, 19),
}


@pytest.mark.parametrize("name,corpus", [("own", OWN), ("blind", BLIND), ("blind2", BLIND2),
                                         ("blind3", BLIND3), ("public", PUBLIC),
                                         ("realworld", REALWORLD), ("subtle", SUBTLE),
                                         ("varied", VARIED), ("varied2", VARIED2),
                                         ("varied3", VARIED3), ("varied4", VARIED4),
                                         ("varied5", VARIED5), ("varied6", VARIED6),
                                         ("varied7", VARIED7)],
                         ids=["own", "blind", "blind2", "blind3", "public", "realworld",
                              "subtle", "varied", "varied2", "varied3", "varied4",
                              "varied5", "varied6", "varied7"])
def test_corpus_accuracy(full_engine, name, corpus):
    if not corpus.is_file():
        pytest.skip(f"{corpus} not available")
    s = score(corpus, full_engine)
    print("\n" + "\n".join(s.lines) + "\n" + s.summary())
    recall, precision, clean, false_spelling = THRESHOLDS[name]
    assert s.recall >= recall, s.summary()
    assert s.precision >= precision, s.summary()
    assert s.clean_ok >= clean * s.clean_total, s.summary()
    assert s.spell_false <= false_spelling, s.summary()
    assert s.spell_found == s.spell_expected, s.summary()     # every deliberate typo is reported


def test_spelling_false_flags_per_thousand_words_and_typo_recall(full_engine):
    """Issue item 8: at most one false spelling flag per 1,000 words of real text (the educational
    posts of the corpora; tests/test_spelling.py measures the long real text), every deliberate
    typo of every post still found."""
    from spelling_measure import CORPORA, Tally, check_corpus

    educational, recall = Tally(), Tally()
    for name, corpus in CORPORA.items():
        if corpus.is_file():
            educational.add(check_corpus(full_engine, corpus, educational_only=True))
            recall.add(check_corpus(full_engine, corpus))
    print(f"\neducational posts: {educational.summary()} {educational.flags}"
          f"\nall posts: {recall.summary()} missed {recall.missed}")
    assert educational.words >= 10_000
    assert educational.per_1000 <= 1.0, educational.flags
    assert recall.typos >= 10 and not recall.missed, recall.missed


def test_own_corpus_size_and_balance():
    import yaml

    spec = yaml.safe_load(OWN.read_text(encoding="utf-8"))
    cases = spec["cases"]
    educational = [c for c in cases.values() if not c["expect"]]
    assert len(cases) >= 80 and len(educational) * 2 >= len(cases)
    for category in spec["scored"]:
        assert sum(category in c["expect"] for c in cases.values()) >= 3, category
