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


def score(corpus_yaml: Path, engine, select=None) -> Score:
    """Score ``engine`` on the corpus; ``select(case_name)``, when given, keeps some cases."""
    spec = yaml.safe_load(corpus_yaml.read_text(encoding="utf-8"))
    scored = set(spec["scored"])
    folder = corpus_yaml.with_suffix("")
    s = Score()
    for name, case in spec["cases"].items():
        if select is not None and not select(name):
            continue
        path = folder / f"{name}.md"
        findings = engine.check(read_text(path), base_dir=path.parent).findings
        expect, allow = set(case["expect"]), set(case.get("allow", []))
        got = {f.category for f in findings if f.severity in ("warning", "error")} & scored
        miss, extra = expect - got, got - expect - allow
        s.tp += len(expect & got)
        s.fn += len(miss)
        s.fp += len(extra)
        if not expect:
            s.clean_total += 1
            s.clean_ok += not extra
        words = {f.text.lower() for f in findings if f.category == "spelling"}
        wanted = {w.lower() for w in case.get("misspelled", [])}
        s.spell_expected += len(wanted)
        s.spell_found += len(wanted & words)
        s.spell_false += len(words - wanted)
        if miss or extra or words ^ wanted:
            s.lines.append(f"{name}: missed {sorted(miss)} false {sorted(extra)} | spelling "
                           f"false {sorted(words - wanted)} missed {sorted(wanted - words)}")
    return s
