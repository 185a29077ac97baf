"""Findings: what the engine reports, with source offsets, stable ids and line/column."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from editor.text.offsets import line_column, line_starts

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    reference: str
    start: int                  # code points into the file's text, end > start
    end: int
    text: str = ""
    suggestion: str | None = None
    key: str = ""               # normalised matched text, for the stable id
    id: str = ""
    line: int = 0
    column: int = 0
    waived: bool = False
    extra: dict = field(default_factory=dict)   # e.g. spelling suggestions

    def to_json(self) -> dict:
        d = {"id": self.id, "rule": self.rule, "category": self.category,
             "severity": self.severity, "message": self.message, "reference": self.reference}
        if self.suggestion:
            d["suggestion"] = self.suggestion
        d.update(line=self.line, column=self.column, start=self.start, end=self.end,
                 text=self.text)
        if self.waived:
            d["waived"] = True
        if self.extra:
            d.update(self.extra)
        return d


def finalize(findings: list[Finding], source: str) -> list[Finding]:
    """Sort by position, drop duplicates, fill ``text``, line/column and stable ids."""
    findings.sort(key=lambda f: (f.start, SEVERITY_ORDER[f.severity], f.rule, f.end))
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for f in findings:
        k = (f.rule, f.start, f.end)
        if k in seen or f.end <= f.start:
            continue
        seen.add(k)
        out.append(f)
    starts = line_starts(source)
    occurrences: dict[tuple[str, str], int] = {}
    for f in out:
        f.text = source[f.start:f.end]
        f.line, f.column = line_column(starts, f.start)
        key = f.key or f.text
        n = occurrences.get((f.rule, key), 0)
        occurrences[(f.rule, key)] = n + 1
        digest = hashlib.sha256(f"{f.rule}\x00{key}\x00{n}".encode()).hexdigest()
        f.id = digest[:16]
    return out
