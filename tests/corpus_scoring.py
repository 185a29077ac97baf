"""Scores a labelled corpus exactly as ../shared/eval/score.py does, in-process.

Used by the test suite (own corpus, public sample) and by benchmarks/accuracy.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from editor.document.post import read_text


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    clean_total: int = 0
    clean_ok: int = 0
    spell_found: int = 0
    spell_expected: int = 0
    spell_false: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.tp / max(1, self.tp + self.fn)

    @property
    def precision(self) -> float:
        return self.tp / max(1, self.tp + self.fp)

    def summary(self) -> str:
        return (f"recall {self.recall:.2f} ({self.tp}/{self.tp + self.fn}) precision "
                f"{self.precision:.2f} ({self.tp}/{self.tp + self.fp}) clean "
                f"{self.clean_ok}/{self.clean_total} spelling {self.spell_found}/"
                f"{self.spell_expected} false-spelling {self.spell_false}")


def _tally(s: Score, case: dict, got: set) -> tuple[set, set]:
    """Count one case's categories found, missed and raised falsely; the missed and the false."""
    expect, allow = set(case["expect"]), set(case.get("allow") or [])
    miss, extra = expect - got, got - expect - allow
    s.tp += len(expect & got)
    s.fn += len(miss)
    s.fp += len(extra)
    if not expect:
        s.clean_total += 1
        s.clean_ok += not extra
    return miss, extra


SECOND_LABELLER = "second-labeller.yaml"


def agreed_cases(first: dict, second: dict) -> dict:
    """The cases of a corpus labelled by two people, as one truth: a category both expect is
    expected; any other category either of them expects or allows is allowed."""
    out = {}
    for name, a in first.items():
        b = second[name]
        both = set(a["expect"]) & set(b["expect"])
        either = set(a["expect"]) | set(b["expect"]) | set(a.get("allow") or []) \
            | set(b.get("allow") or [])
        out[name] = {"expect": sorted(both), "allow": sorted(either - both)}
    return out


def labeller_agreement(first: dict, second: dict, scored: set) -> Score:
    """The second labeller scored against the first as the checker is: how far two careful
    people agree, a ceiling for any checker judged against one of them."""
    s = Score()
    for name, case in first.items():
        _tally(s, case, set(second[name]["expect"]) & scored)
    return s


def score(corpus_yaml: Path, engine, select=None, cases: dict | None = None) -> Score:
    """Score ``engine`` on the corpus; ``select(case_name)``, when given, keeps some cases;
    ``cases``: other labels for the same posts (e.g. :func:`agreed_cases`)."""
    spec = yaml.safe_load(corpus_yaml.read_text(encoding="utf-8"))
    scored = set(spec["scored"])
    folder = corpus_yaml.with_suffix("")
    s = Score()
    for name, case in (cases if cases is not None else spec["cases"]).items():
        if select is not None and not select(name):
            continue
        path = folder / f"{name}.md"
        findings = engine.check(read_text(path), base_dir=path.parent).findings
        got = {f.category for f in findings if f.severity in ("warning", "error")} & scored
        miss, extra = _tally(s, case, got)
        words = {f.text.lower() for f in findings if f.category == "spelling"}
        wanted = {w.lower() for w in case.get("misspelled", [])}
        s.spell_expected += len(wanted)
        s.spell_found += len(wanted & words)
        s.spell_false += len(words - wanted)
        if miss or extra or words ^ wanted:
            s.lines.append(f"{name}: missed {sorted(miss)} false {sorted(extra)} | spelling "
                           f"false {sorted(words - wanted)} missed {sorted(wanted - words)}")
    return s
