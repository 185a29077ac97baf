"""Findings: what the engine reports, with source offsets, stable ids and line/column.

A finding knows nothing of review: which findings a reviewer accepted is a set of ids the review
layer computes (:func:`editor.review.session.accepted_ids`) and the layers above carry; the JSON
report of ``tact check`` adds ``"waived": true`` (:mod:`editor.workflow`)."""
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
    suggestion: str | None = None    # advice for the author: shown, never inserted in the text
    key: str = ""               # normalised matched text, for the stable id
    id: str = ""
    line: int = 0
    column: int = 0
    extra: dict = field(default_factory=dict)   # e.g. spelling suggestions
    replacement: str | None = None   # the rule's declared drop-in for ``text`` ("" = delete)
    group: str = ""             # shared by the findings that are one problem (see finalize)

    def to_json(self) -> dict:
        d: dict[str, object] = {"id": self.id, "rule": self.rule, "category": self.category,
             "severity": self.severity, "message": self.message, "reference": self.reference}
        if self.suggestion:
            d["suggestion"] = self.suggestion
        if self.replacement is not None:
            d["replacement"] = self.replacement
        d.update(line=self.line, column=self.column, start=self.start, end=self.end,
                 text=self.text)
        if self.group:
            d["group"] = self.group
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
    assign_groups(out)
    return out


# Channels that stay items of their own: a misspelt word inside a flagged phrase is fixed or kept
# for its own reason, and a network limit is about the whole text.
UNGROUPED = frozenset(("spelling", "platform"))


def assign_groups(findings: list[Finding]) -> None:
    """One problem for the reviewer = the findings whose passages overlap (transitively): « Merci
    à Julie » flagged as a testimonial and as a patient's name, a before/after image flagged for
    its montage, its file name and its caption. The group is named by the id of its first
    finding, so it is as stable as that finding's id. ``findings`` are sorted by start."""
    cluster: list[Finding] = []
    end = -1
    for f in findings:
        if f.category in UNGROUPED:
            f.group = f.id
            continue
        if cluster and f.start < end:
            cluster.append(f)
            end = max(end, f.end)
            continue
        _name(cluster)
        cluster, end = [f], f.end
    _name(cluster)


def _name(cluster: list[Finding]) -> None:
    if cluster:
        name = cluster[0].id
        for f in cluster:
            f.group = name
