"""Replaying the journal: the recorded workflow state, decisions, comments, versions, signatures,
and who acted on which version of the text (:class:`Seen`).

Pure functions over the list of journal entries (see :mod:`editor.review.journal`); unknown entry
types (``merge``, ``repair``, and whatever a newer Tact adds) are ignored. The entries are replayed
in the deterministic order of :func:`editor.review.dag.ordered` (parents first, then by time), so
two machines holding the same entries see the same state whatever the order of the lines; an
entry's number ``n`` is its place in that order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from editor.review.anchor import TextQuote
from editor.review.dag import ordered
from editor.review.model import APPROVED, DRAFT, EXPORTED, STATES


@dataclass
class Transition:
    n: int
    action: str
    from_state: str
    to_state: str
    by: str
    role: str
    at: str
    comment: str
    text_sha256: str


@dataclass
class Version:
    """A version of the text that was submitted, saved in review, signed or approved."""
    number: int           # 1-based among versions
    entry: int            # journal entry number
    action: str           # submit, request-changes, approve, sign, export, edited, withdraw, saved
    state: str            # state after the action
    by: str
    role: str
    at: str
    sha256: str
    text: str


@dataclass
class Decision:
    """A reviewer's decision on one finding id. ``action``: accept, send-back or withdraw."""
    n: int
    finding: str
    action: str
    rule: str
    category: str
    severity: str
    passage: str
    kind: str             # reason kind (accept) — see model.REASON_KINDS
    reason: str           # mandatory free text for accept; the comment for send-back / withdraw
    by: str
    role: str
    at: str
    context: str = ""     # the passage with some text around it, for reports
    text_sha256: str = ""  # the version of the text decided on ("" in journals before 2026-12)


@dataclass
class Reply:
    by: str
    role: str
    at: str
    text: str


@dataclass
class Comment:
    id: str
    quote: TextQuote
    start: int            # offsets when written (a hint for re-anchoring)
    end: int
    text: str
    by: str
    role: str
    at: str
    finding: str = ""     # set when the comment sends a finding back to the author
    text_sha256: str = ""  # the version of the text commented on
    replies: list[Reply] = field(default_factory=list)
    resolved: bool = False
    resolved_by: str = ""
    resolved_at: str = ""


@dataclass
class Signature:
    n: int
    by: str
    role: str
    at: str
    meaning: str
    text_sha256: str
    mode: str
    override: str = ""    # why the signer approved with comments still open (two-person mode)
    overridden: list[str] = field(default_factory=list)   # ids of those comments


@dataclass
class Seen:
    """Someone acted on one version of the text (its digest): submitted, saved, decided on a
    finding, commented, signed, approved, asked for changes… (``kind``: the action)."""
    n: int
    kind: str
    by: str
    role: str
    at: str
    sha256: str


@dataclass
class ReviewState:
    state: str = DRAFT
    transitions: list[Transition] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)
    decisions: dict[str, Decision] = field(default_factory=dict)     # latest per finding id
    decision_log: list[Decision] = field(default_factory=list)
    comments: dict[str, Comment] = field(default_factory=dict)
    signatures: list[Signature] = field(default_factory=list)       # current review round
    approved_sha256: str | None = None                              # text approved / exported
    seen: list[Seen] = field(default_factory=list)                  # who acted on which version

    @property
    def last_transition(self) -> Transition | None:
        return self.transitions[-1] if self.transitions else None


def _s(e: dict, key: str) -> str:
    v = e.get(key)
    if isinstance(v, str):
        return v
    return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else ""


def _i(e: dict, key: str) -> int:
    v = e.get(key)
    return v if isinstance(v, int) and not isinstance(v, bool) else 0


def _list(e: dict, key: str) -> list[str]:
    v = e.get(key)
    return [x for x in v if isinstance(x, str)] if isinstance(v, list) else []


def replay(entries: list[dict]) -> ReviewState:
    """The review state the journal's ``entries`` lead to, replayed in order."""
    st = ReviewState()
    texts: dict[str, str] = {}       # text_sha256 -> the text, as versions recorded it
    for n, e in enumerate(ordered(entries), 1):
        t = e.get("type")
        sha = _s(e, "text_sha256")
        if sha and t in ("transition", "sign", "saved", "decision", "comment"):
            kind = _s(e, "action") if t in ("transition", "decision") else t
            st.seen.append(Seen(n, kind or t, _s(e, "by"), _s(e, "role"), _s(e, "at"), sha))
        if t in ("transition", "sign", "saved"):
            _replay_version(st, texts, n, e, t, sha)
        elif t == "decision":
            d = Decision(n, _s(e, "finding"), _s(e, "action"), _s(e, "rule"), _s(e, "category"),
                         _s(e, "severity"), _s(e, "passage"), _s(e, "kind"), _s(e, "reason"),
                         _s(e, "by"), _s(e, "role"), _s(e, "at"), _s(e, "context"), sha)
            if d.finding:
                st.decision_log.append(d)
                st.decisions[d.finding] = d
        elif t in ("comment", "reply", "resolve", "reopen"):
            _replay_comment(st, n, e, t, sha)
    return st


def _replay_version(st: ReviewState, texts: dict[str, str], n: int, e: dict, t: str,
                    sha: str) -> None:
    """A ``transition``, ``sign`` or ``saved`` entry: the state, the signatures, a version."""
    if isinstance(e.get("text"), str):
        texts[sha] = e["text"]
    if t == "transition":
        to = _s(e, "to")
        if to not in STATES:
            return
        tr = Transition(n, _s(e, "action"), _s(e, "from"), to, _s(e, "by"), _s(e, "role"),
                        _s(e, "at"), _s(e, "comment"), sha)
        st.transitions.append(tr)
        st.state = to
        if to == APPROVED:
            st.approved_sha256 = sha
        elif to != EXPORTED:
            st.approved_sha256 = None
            st.signatures = []
    if t == "sign" or (t == "transition" and _s(e, "action") == "approve"):
        st.signatures.append(Signature(n, _s(e, "by"), _s(e, "role"), _s(e, "at"),
                                       _s(e, "meaning"), sha, _s(e, "mode"),
                                       _s(e, "override"), _list(e, "overridden")))
    st.versions.append(Version(len(st.versions) + 1, n, _s(e, "action") or t, st.state,
                               _s(e, "by"), _s(e, "role"), _s(e, "at"), sha,
                               texts.get(sha, "")))


def _replay_comment(st: ReviewState, n: int, e: dict, t: str, sha: str) -> None:
    """A ``comment`` entry, or a ``reply``, ``resolve`` or ``reopen`` of a known comment."""
    if t == "comment":
        cid = _s(e, "id")
        if cid:
            st.comments[cid] = Comment(cid, TextQuote.from_json(e.get("quote")), _i(e, "start"),
                                       _i(e, "end"), _s(e, "text"), _s(e, "by"), _s(e, "role"),
                                       _s(e, "at"), _s(e, "finding"), sha)
        return
    c = st.comments.get(_s(e, "comment"))
    if c is None:
        return
    if t == "reply":
        c.replies.append(Reply(_s(e, "by"), _s(e, "role"), _s(e, "at"), _s(e, "text")))
    else:
        c.resolved = t == "resolve"
        c.resolved_by, c.resolved_at = ((_s(e, "by"), _s(e, "at")) if c.resolved
                                        else ("", ""))
