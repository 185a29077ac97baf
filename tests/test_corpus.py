"""Accuracy on labelled posts, scored as ../shared/eval/score.py scores it.

The targets of the compliance-engine issue: recall ≥ 0.95, precision ≥ 0.95, every educational post
silent at warning/error. The thresholds below are what the suite enforces today; raise them as
the rules improve, never lower them to make a change pass.
"""
import pytest

from conftest import ROOT, SHARED
from corpus_scoring import score

OWN = ROOT / "tests" / "corpus" / "posts.yaml"
PUBLIC = SHARED / "eval" / "public.yaml"

THRESHOLDS = {"recall": 0.0, "precision": 0.0, "clean": 0.0}


@pytest.mark.parametrize("corpus", [OWN, PUBLIC], ids=["own", "public"])
def test_corpus_accuracy(full_engine, corpus):
    if not corpus.is_file():
        pytest.skip(f"{corpus} not available")
    s = score(corpus, full_engine)
    print("\n" + "\n".join(s.lines) + "\n" + s.summary())
    assert s.recall >= THRESHOLDS["recall"], s.summary()
    assert s.precision >= THRESHOLDS["precision"], s.summary()
    assert s.clean_ok >= THRESHOLDS["clean"] * s.clean_total, s.summary()


def test_own_corpus_size_and_balance():
    import yaml

    spec = yaml.safe_load(OWN.read_text(encoding="utf-8"))
    cases = spec["cases"]
    educational = [c for c in cases.values() if not c["expect"]]
    assert len(cases) >= 80 and len(educational) * 2 >= len(cases)
    for category in spec["scored"]:
        assert sum(category in c["expect"] for c in cases.values()) >= 3, category
