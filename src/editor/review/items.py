"""Items: one per problem, what the reviewer reads and decides on (no Qt).

The engine reports findings (one per rule that matched); findings on the same or overlapping
passages share a ``group`` (:func:`editor.compliance.findings.assign_groups`). An :class:`Item` is
such a group: the passage shown once (from the first finding's start to the furthest end), its
reasons (the distinct messages, in order) and its findings, every one of which a decision on the
item covers. The GUI's lists, ``tact review`` and the export gate all work on items.

    items = group_items(findings, text, accepted)   # document order
    counts = item_counts(findings, accepted)        # open items by severity, spelling, accepted
    item_statuses(overview.findings, text, accepted)   # items with each finding's review status

``accepted`` is the set of ids of the findings a still-valid review decision accepts
(:meth:`editor.review.session.ReviewSession.accepted`, :func:`editor.review.waivers.
review_acceptance`); without it no finding is accepted.
"""
from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
PASSAGE_CHARS = 80      # longest passage quoted whole by :func:`short_passage`


@dataclass
class Item:
    group: str
    findings: list                  # Finding, in document order
    start: int
    end: int
    passage: str                    # text[start:end]: the passage shown once
    accepted: Set[str] = frozenset()     # ids of the findings accepted in the review
    spelling: bool = field(init=False)   # a possible misspelling (its own item)

    def __post_init__(self) -> None:
        self.spelling = all(f.category == "spelling" for f in self.findings)

    @property
    def first(self):
        return self.findings[0]

    @property
    def ids(self) -> list[str]:
        return [f.id for f in self.findings]

    def is_accepted(self, finding) -> bool:
        """Is ``finding`` (one of the item's) accepted by a valid review decision?"""
        return finding.id in self.accepted

    @property
    def open_findings(self) -> list:
        """Findings not accepted by a valid review decision."""
        return [f for f in self.findings if f.id not in self.accepted]

    @property
    def all_accepted(self) -> bool:
        """Every finding of the item accepted."""
        return not self.open_findings

    @property
    def severity(self) -> str:
        """The worst severity of the open findings (of all of them once all are accepted)."""
        pool = self.open_findings or self.findings
        return min((f.severity for f in pool), key=lambda s: SEVERITY_RANK.get(s, 9))

    @property
    def main(self):
        """The finding that names the item: the first one of the worst severity."""
        sev = self.severity
        pool = self.open_findings or self.findings
        return next(f for f in pool if f.severity == sev)

    @property
    def category(self) -> str:
        return self.main.category

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(f.category for f in self.findings))

    @property
    def reasons(self) -> list[str]:
        """The distinct messages, worst severity first, then in document order."""
        ordered = sorted(self.findings, key=lambda f: SEVERITY_RANK.get(f.severity, 9))
        return list(dict.fromkeys(f.message for f in ordered))

    def reason_findings(self) -> list[tuple[str, list]]:
        """``(message, findings)`` for each reason, in the order of :attr:`reasons`."""
        out: dict[str, list] = {}
        for f in sorted(self.findings, key=lambda f: SEVERITY_RANK.get(f.severity, 9)):
            out.setdefault(f.message, []).append(f)
        return list(out.items())

    def blocking(self) -> list:
        """Open ``error`` findings: they block approval and export."""
        return [f for f in self.open_findings if f.severity == "error"]


def group_key(finding) -> str:
    return getattr(finding, "group", "") or finding.id


def group_items(findings, text: str | None = None,
                accepted: Set[str] = frozenset()) -> list[Item]:
    """The items of ``findings`` (any order), sorted by passage. ``text`` (the post's text, which
    the findings' offsets index) gives the passage; without it, the widest finding's text.
    ``accepted``: ids of the findings accepted in the review."""
    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(group_key(f), []).append(f)
    out = []
    for key, fs in groups.items():
        fs.sort(key=lambda f: (f.start, f.end))
        start, end = fs[0].start, max(f.end for f in fs)
        if text is not None and end <= len(text):
            passage = text[start:end]
        else:
            passage = max(fs, key=lambda f: f.end - f.start).text
        out.append(Item(key, fs, start, end, passage, accepted))
    out.sort(key=lambda it: (it.start, it.end, it.group))
    return out


def short_passage(passage: str, limit: int = PASSAGE_CHARS) -> str:
    """The passage on one line, its middle left out (« … ») when it is long."""
    one = " ".join(passage.split())
    if len(one) <= limit:
        return one
    keep = (limit - 1) // 2
    return one[:keep].rstrip() + " … " + one[-keep:].lstrip()


@dataclass
class ItemCounts:
    error: int = 0          # open items (not every finding accepted) by worst open severity
    warning: int = 0
    info: int = 0
    spelling: int = 0       # possible misspellings (each word its own item)
    accepted: int = 0       # items whose every finding was accepted in the review

    def by_severity(self) -> dict[str, int]:
        return {"error": self.error, "warning": self.warning, "info": self.info}


def item_counts(findings, accepted: Set[str] = frozenset()) -> ItemCounts:
    """What the findings panel, the status bar and the post list count: one per item
    (``accepted``: ids of the findings accepted in the review)."""
    return counts_of_items(group_items(findings, accepted=accepted))


def counts_of_items(items) -> ItemCounts:
    """:func:`item_counts` of items already grouped: one per item, by worst open severity,
    possible misspellings and accepted items apart."""
    c = ItemCounts()
    for it in items:
        if it.spelling:
            c.spelling += 1
        elif it.all_accepted:
            c.accepted += 1
        else:
            setattr(c, it.severity, getattr(c, it.severity) + 1)
    return c


@dataclass
class ItemStatus:
    """An item with its findings' review statuses (:class:`editor.review.session.FindingStatus`)."""
    item: Item
    statuses: list = field(default_factory=list)

    @property
    def status(self) -> str:
        """``accepted`` (every finding), ``sent-back`` (none left open, at least one sent back)
        or ``open``."""
        kinds = {s.status for s in self.statuses}
        if kinds == {"accepted"}:
            return "accepted"
        if "open" not in kinds and "sent-back" in kinds:
            return "sent-back"
        return "open"

    @property
    def accepted(self) -> list:
        return [s for s in self.statuses if s.status == "accepted"]

    @property
    def undecided(self) -> list:
        """Findings a new acceptance must cover (not already accepted)."""
        return [s.finding for s in self.statuses if s.status != "accepted"]

    @property
    def decided(self) -> list:
        """Statuses that carry a decision still in force (accepted or sent back)."""
        return [s for s in self.statuses if s.status != "open" and s.decision is not None]

    @property
    def decision(self):
        """The decision shown for the item: the latest one in force, or None."""
        ds = [s.decision for s in self.decided]
        return max(ds, key=lambda d: d.n) if ds else None


def item_statuses(statuses, text: str | None = None,
                  accepted: Set[str] = frozenset()) -> list[ItemStatus]:
    """``FindingStatus`` list (an ``Overview.findings``) → one :class:`ItemStatus` per item
    (``accepted``: ids of the findings accepted in the review, as for :func:`group_items`)."""
    by_id = {id(s.finding): s for s in statuses}
    return [ItemStatus(it, [by_id[id(f)] for f in it.findings])
            for it in group_items([s.finding for s in statuses], text, accepted)]
