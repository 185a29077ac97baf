"""One post's review: what the GUI and ``tact review`` call.

``ReviewSession(post_path)`` reads ``<post>.review.jsonl``; every action re-reads it under the lock,
checks the action against that fresh state, and appends entries (see :mod:`editor.review.journal`).
Actions return an :class:`Outcome` and never raise for a bad or busy file: ``code`` is 0 (done),
1 (refused: not permitted now, ``details`` lists why) or 2 (the review file cannot be used).

Rules enforced here:

- workflow (``model.TRANSITIONS``): brouillon → à relire → modifications demandées / approuvé →
  exporté; every transition records who (name, role), when, why (comment) and the text;
- an approved or exported post whose text hash differs from the approved one is « à relire »; the
  automatic transition ``edited`` is recorded with the next write (or by :meth:`note_edit`);
- decisions are keyed by the finding's stable id; a decision whose id is absent from the current
  findings has **lapsed** (shown, not deleted); the finding is open again;
- approval needs every ``error`` finding accepted by a valid decision (send-back does not count);
  ``solo`` mode then approves at once. Two-person mode (``pair``) also needs, for the very text
  approved (its digest, see :mod:`editor.review.people`):

  * someone other than the approver has acted on that version: the person who submitted or saved
    it cannot approve it before the other person has reviewed it (refused); a version nobody else
    has seen yet, whose author is unknown (edited outside the editor), gets the approver's
    signature (``sign``) and waits for a second approval;
  * no open comment, unless the approver gives a reason to approve anyway (``override``,
    recorded with the signature: who, when, why, which comments);
  * every accepted finding signed by someone other than the person who accepted it: otherwise
    the first signature is recorded (``sign``) and the post stays « à relire ».

Decisions, comments and saves record the digest of the text they were made on, so that the
report names who reviewed and who approved the version exported.
"""
from __future__ import annotations

import difflib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from editor.review import journal as jr
from editor.review.anchor import Anchor, TextQuote, locate, make_quote
from editor.review.model import (
    ACTION_LABELS,
    APPROVAL_MEANING,
    APPROVED,
    CHANGES,
    DRAFT,
    EXPORTED,
    MODES,
    PAIR,
    REASON_KINDS,
    REASON_LABELS,
    REVIEW,
    REVIEW_MEANING,
    SOLO,
    STATE_LABELS,
    TRANSITIONS,
    Refused,
    ReviewError,
    allowed_actions,
)
from editor.review.people import (
    VersionPeople,
    de_name,
    participants,
    que_name,
    same_person,
    version_people,
    who,
)
from editor.review.state import (
    Comment,
    Decision,
    ReviewState,
    Signature,
    Transition,
    Version,
    replay,
)

if TYPE_CHECKING:
    from editor.compliance.findings import Finding


@dataclass
class Outcome:
    ok: bool
    code: int                    # 0 done, 1 refused, 2 review file problem
    message: str                 # French, for the user
    details: list[str] = field(default_factory=list)
    value: object = None         # e.g. the id of a new comment
    reason: str = ""             # why it was refused: open-errors, unseen-version, open-comments…


@dataclass
class FindingStatus:
    finding: Finding
    status: str                  # "open" | "accepted" | "sent-back"
    decision: Decision | None = None


@dataclass
class DecisionStatus:
    decision: Decision
    valid: bool                  # False: lapsed, the finding id no longer exists in the text


@dataclass
class CommentStatus:
    comment: Comment
    anchor: Anchor               # where the passage is now (state exact / fuzzy / orphaned)


@dataclass
class Overview:
    recorded_state: str
    state: str                   # effective: « à relire » when an approved text was edited
    edited_after_approval: bool
    findings: list[FindingStatus]
    decisions: list[DecisionStatus]
    comments: list[CommentStatus]
    signatures: list[Signature]  # signatures of the current round for the current text
    last_transition: Transition | None
    error: str | None = None     # review file unusable (French); decisions ignored
    problems: list[tuple[int, str]] = field(default_factory=list)   # broken hash chain
    people: VersionPeople | None = None   # who wrote, reviewed, approved the current text

    @property
    def open_comments(self) -> list[CommentStatus]:
        return [c for c in self.comments if not c.comment.resolved]

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def open_findings(self) -> list[FindingStatus]:
        return [f for f in self.findings if f.status != "accepted"]

    @property
    def blocking(self) -> list[FindingStatus]:
        return [f for f in self.open_findings if f.finding.severity == "error"]

    @property
    def lapsed(self) -> list[DecisionStatus]:
        return [d for d in self.decisions if not d.valid]

    @property
    def allowed_actions(self) -> list[str]:
        return allowed_actions(self.state)


def format_time(iso: str) -> str:
    """``2026-11-28T15:40:43Z`` → ``28/11/2026 à 16:40`` (local time)."""
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone().strftime(
            "%d/%m/%Y à %H:%M")
    except ValueError:
        return iso or "?"


def _passage(text: str, findings: list) -> str:
    """The passage an item covers, on one line (shortened when long)."""
    from editor.review.items import short_passage

    start, end = min(f.start for f in findings), max(f.end for f in findings)
    passage = text[start:end] if end <= len(text) else findings[0].text
    return short_passage(passage, 60)


def _covered(findings: list) -> str:
    n = len(findings)
    return f" ({n} signalements couverts)" if n > 1 else ""


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width):start].replace("\n", " ")
    after = text[end:end + width].replace("\n", " ")
    return f"…{before}«\u00a0{text[start:end]}\u00a0»{after}…"


class ReviewSession:
    def __init__(self, post: str | Path, reconcile: bool = True) -> None:
        """Open the review of ``post``; the sync tools' conflict copies lying beside its journal
        are written into it first (``reconcile``), so both machines' decisions count."""
        self.post = Path(post)
        self.path = jr.journal_path(self.post)
        self.journal = jr.Journal(self.path)
        self.state = ReviewState()
        self.notes: list[str] = jr.reconcile(self.path) if reconcile else []
        self._problems: list[tuple[int, str]] | None = None
        self.reload()

    # ---- reading -------------------------------------------------------------------------
    @property
    def error(self) -> str | None:
        """French message when the review file cannot be used (the post itself still opens)."""
        return self.journal.error

    def reload(self) -> None:
        self.journal = jr.read_journal(self.path)
        self.state = replay(self.journal.entries)
        self._problems = None

    @property
    def heads(self) -> list[str]:
        """Hashes of the latest entries of the history (recorded by each export)."""
        return jr.heads(self.journal.entries)

    def verify(self) -> list[tuple[int, str]]:
        """Damaged lines and broken links as (line of the file, French message); [] when intact."""
        if self._problems is None:
            self._problems = jr.verify_journal(self.journal)
        return list(self._problems)

    def effective_state(self, text: str) -> str:
        return _effective(self.state, text)

    def overview(self, text: str, findings: list) -> Overview:
        st = self.state
        current = {f.id: f for f in findings}
        statuses = []
        for f in findings:
            d = st.decisions.get(f.id)
            if d is not None and d.action == "accept":
                statuses.append(FindingStatus(f, "accepted", d))
            elif d is not None and d.action == "send-back":
                statuses.append(FindingStatus(f, "sent-back", d))
            else:
                statuses.append(FindingStatus(f, "open", d))
        decisions = [DecisionStatus(d, d.finding in current) for d in st.decisions.values()
                     if d.action in ("accept", "send-back")]
        comments = [CommentStatus(c, locate(text, c.quote, c.start)) for c in st.comments.values()]
        digest = jr.text_digest(text)
        eff = _effective(st, text)
        sigs = [s for s in st.signatures if s.text_sha256 == digest] if eff != DRAFT else []
        return Overview(st.state, eff, eff != st.state, statuses, decisions, comments, sigs,
                        st.last_transition, self.error, self.verify() if not self.error else [],
                        version_people(st, digest))

    def approved_for_export(self, text: str) -> bool:
        """Is ``text`` exactly the approved (or already exported) text? False when the review
        file cannot be trusted (unusable, or its history does not verify)."""
        if self.error or self.verify():
            return False
        return _effective(self.state, text) in (APPROVED, EXPORTED)

    def people(self, text: str) -> VersionPeople:
        """Who submitted, saved, reviewed and approved this very text."""
        return version_people(self.state, jr.text_digest(text))

    def accepted(self, findings: Iterable[Finding]) -> frozenset[str]:
        """The ids of the ``findings`` a still-valid decision accepts (:func:`accepted_ids`).

        A history that does not verify accepts nothing: its decisions cannot be trusted.
        """
        if self.error or self.verify():
            return frozenset()
        return accepted_ids(self.state, findings)

    def history(self) -> list[Version]:
        return list(self.state.versions)

    def diff(self, a: int, b: int, context: int = 3) -> str:
        """Unified diff (French labels) between versions ``a`` and ``b`` (1-based numbers)."""
        versions = self.state.versions
        for v in (a, b):
            if not 1 <= v <= len(versions):
                raise ValueError(f"version {v} inexistante (1 à {len(versions)})")
        va, vb = versions[a - 1], versions[b - 1]
        return unified_diff(va, vb, context)

    # ---- actions -------------------------------------------------------------------------
    def submit(self, text: str, by: str, role: str = "", comment: str = "") -> Outcome:
        return self._transition("submit", text, by, role, comment)

    def request_changes(self, text: str, by: str, role: str = "", comment: str = "") -> Outcome:
        return self._transition("request-changes", text, by, role, comment)

    def withdraw(self, text: str, by: str, role: str = "", comment: str = "") -> Outcome:
        return self._transition("withdraw", text, by, role, comment)

    def mark_exported(self, text: str, by: str, role: str = "", comment: str = "") -> Outcome:
        return self._transition("export", text, by, role, comment)

    def note_edit(self, text: str, by: str = "", role: str = "") -> Outcome:
        """Record that an approved/exported text changed (back to « à relire »); no-op otherwise."""
        def build(st: ReviewState) -> list[dict]:
            return _auto_edit(st, text, by, role)
        return self._write(build, "État à jour.")

    def note_saved(self, text: str, by: str, role: str = "") -> Outcome:
        """After ``by`` saved ``text``: an approved text that changed goes back to « à relire »
        (:meth:`note_edit`), and a text under review (« à relire », « modifications
        demandées ») records who wrote this version (``saved``), once per person and version:
        in two-person mode that person cannot approve it alone."""
        def build(st: ReviewState) -> list[dict]:
            out = _auto_edit(st, text, by, role)
            state = _effective(st, text)
            if not by.strip() or state not in (REVIEW, CHANGES):
                return out
            digest = jr.text_digest(text)
            if any(s.sha256 == digest and s.kind in ("saved", "submit") and same_person(s.by, by)
                   for s in st.seen):
                return out
            return out + [{"type": "saved", "action": "saved", "by": by, "role": role,
                           "at": jr.now(), "text_sha256": digest,
                           **_text_field(st, text, digest)}]
        return self._write(build, "État à jour.")

    def approve(self, text: str, findings: list, by: str, role: str = "",
                mode: str = PAIR, override: str = "") -> Outcome:
        """Approve ``text`` (see the module's rules). ``override``: in two-person mode, why the
        approval may go ahead with comments still open (recorded with the signature)."""
        if mode not in MODES:
            return Outcome(False, 1, f"mode de relecture inconnu « {mode} »")
        if not by.strip():
            return Outcome(False, 1, "Le nom de la personne qui approuve est obligatoire.")
        result = {"message": ""}

        def build(st: ReviewState) -> list[dict]:
            out = _auto_edit(st, text, by, role)
            _refuse_unless_approvable(st, text, findings)
            digest = jr.text_digest(text)
            signers = [s.by for s in st.signatures if s.text_sha256 == digest]
            if any(same_person(s, by) for s in signers):
                raise Refused(f"{by} a déjà signé l'approbation de ce texte ; une autre personne "
                              f"doit approuver.", kind="signed")
            signers.append(by)
            wrote = any(x.kind in ("submit", "saved") and same_person(x.by, by) for x in st.seen)
            base = {"by": by, "role": role, "at": jr.now(),
                    "meaning": APPROVAL_MEANING if wrote or mode == SOLO else REVIEW_MEANING,
                    "mode": mode, "text_sha256": digest, **_text_field(st, text, digest)}
            waiting = (_pair_approval(st, digest, findings, signers, by, override, base)
                       if mode == PAIR else "")
            if waiting:
                result["message"] = waiting
                return out + [{"type": "sign", "action": "sign", **base}]
            result["message"] = f"Publication approuvée par {by}."
            if base.get("override"):
                result["message"] += (f" Commentaire(s) ouvert(s) laissé(s) ouvert(s), motif noté "
                                      f"dans l'historique : « {base['override']} ».")
            return out + [{"type": "transition", "action": "approve", "from": REVIEW,
                           "to": APPROVED, "comment": "", **base}]
        res = self._write(build, "")
        if res.ok:
            res.message = result["message"]
        return res

    def accept(self, text: str, finding, kind: str, reason: str, by: str,
               role: str = "") -> Outcome:
        """Accept ``finding`` (a Finding of the current text) with a reason kind and free text."""
        refused = _acceptance_refused(kind, reason, by)
        if refused is not None:
            return refused
        return self._decide(text, [finding], "accept", kind, reason.strip(), by, role,
                            f"Signalement {finding.rule} « {finding.text} » accepté "
                            f"({REASON_LABELS[kind]}) par {by}.")

    def send_back(self, text: str, finding, comment: str, by: str, role: str = "") -> Outcome:
        """Send ``finding`` back to the author with a comment (also an anchored comment)."""
        if not comment.strip():
            return Outcome(False, 1, "Un commentaire est obligatoire pour renvoyer un signalement.")
        return self._decide(text, [finding], "send-back", "", comment.strip(), by, role,
                            f"Signalement {finding.rule} « {finding.text} » renvoyé à l'auteur.")

    # One problem, one decision: the findings of an item (editor.review.items) are decided
    # together, one decision per finding id, written in one step of the journal.
    def accept_item(self, text: str, findings: list, kind: str, reason: str, by: str,
                    role: str = "") -> Outcome:
        """Accept every finding of ``findings`` (an item's) with one reason kind and free text."""
        if not findings:
            return Outcome(False, 1, "Aucun signalement à accepter.")
        refused = _acceptance_refused(kind, reason, by)
        if refused is not None:
            return refused
        return self._decide(text, findings, "accept", kind, reason.strip(), by, role,
                            f"« {_passage(text, findings)} » accepté ({REASON_LABELS[kind]}) par "
                            f"{by}{_covered(findings)}.")

    def send_back_item(self, text: str, findings: list, comment: str, by: str,
                       role: str = "") -> Outcome:
        """Send an item back to the author: one decision per finding, one anchored comment on
        the item's passage."""
        if not findings:
            return Outcome(False, 1, "Aucun signalement à renvoyer.")
        if not comment.strip():
            return Outcome(False, 1, "Un commentaire est obligatoire pour renvoyer un signalement.")
        if not by.strip():
            return Outcome(False, 1, "Le nom de la personne qui décide est obligatoire.")
        return self._decide(text, findings, "send-back", "", comment.strip(), by, role,
                            f"« {_passage(text, findings)} » renvoyé à l'auteur"
                            f"{_covered(findings)}.")

    def withdraw_item_decisions(self, text: str, finding_ids: list[str], by: str,
                                role: str = "", comment: str = "") -> Outcome:
        """Withdraw the decisions in force on the findings of an item (in one step)."""
        def build(st: ReviewState) -> list[dict]:
            _no_decision_after_approval(st, text)
            ds = [st.decisions[i] for i in dict.fromkeys(finding_ids)
                  if i in st.decisions and st.decisions[i].action != "withdraw"]
            if not ds:
                raise Refused("Aucune décision sur ce signalement.")
            at = jr.now()
            return _auto_edit(st, text, by, role) + [{
                "type": "decision", "action": "withdraw", "finding": d.finding, "rule": d.rule,
                "category": d.category, "severity": d.severity, "passage": d.passage, "kind": "",
                "reason": comment.strip(), "by": by, "role": role, "at": at} for d in ds]
        return self._write(build, "Décision retirée : le signalement est de nouveau ouvert.")

    def withdraw_decision(self, text: str, finding_id: str, by: str, role: str = "",
                          comment: str = "") -> Outcome:
        def build(st: ReviewState) -> list[dict]:
            _no_decision_after_approval(st, text)
            d = st.decisions.get(finding_id)
            if d is None or d.action == "withdraw":
                raise Refused(f"Aucune décision sur le signalement {finding_id}.")
            return _auto_edit(st, text, by, role) + [{
                "type": "decision", "action": "withdraw", "finding": finding_id, "rule": d.rule,
                "category": d.category, "severity": d.severity, "passage": d.passage, "kind": "",
                "reason": comment.strip(), "by": by, "role": role, "at": jr.now()}]
        return self._write(build, "Décision retirée : le signalement est de nouveau ouvert.")

    def add_comment(self, text: str, start: int, end: int, body: str, by: str, role: str = "",
                    finding_id: str = "") -> Outcome:
        if not body.strip():
            return Outcome(False, 1, "Le commentaire est vide.")
        if not (0 <= start < end <= len(text)):
            return Outcome(False, 1, "Sélectionnez le passage à commenter.")
        cid = uuid.uuid4().hex[:12]
        q = make_quote(text, start, end)

        def build(st: ReviewState) -> list[dict]:
            return _auto_edit(st, text, by, role) + [{
                "type": "comment", "id": cid, "quote": q.to_json(), "start": start, "end": end,
                "text": body.strip(), "by": by, "role": role, "at": jr.now(),
                "text_sha256": jr.text_digest(text),
                **({"finding": finding_id} if finding_id else {})}]
        res = self._write(build, "Commentaire ajouté.")
        res.value = cid if res.ok else None
        return res

    def reply(self, comment_id: str, body: str, by: str, role: str = "") -> Outcome:
        if not body.strip():
            return Outcome(False, 1, "La réponse est vide.")
        return self._thread("reply", comment_id, by, role, body.strip(), "Réponse ajoutée.")

    def resolve(self, comment_id: str, by: str, role: str = "") -> Outcome:
        return self._thread("resolve", comment_id, by, role, "", "Commentaire résolu.")

    def reopen(self, comment_id: str, by: str, role: str = "") -> Outcome:
        return self._thread("reopen", comment_id, by, role, "", "Commentaire rouvert.")

    # ---- internals -----------------------------------------------------------------------
    def _thread(self, kind: str, cid: str, by: str, role: str, body: str, done: str) -> Outcome:
        def build(st: ReviewState) -> list[dict]:
            c = st.comments.get(cid)
            if c is None:
                raise Refused(f"Commentaire {cid} introuvable.")
            if kind == "resolve" and c.resolved:
                raise Refused("Ce commentaire est déjà résolu.")
            if kind == "reopen" and not c.resolved:
                raise Refused("Ce commentaire n'est pas résolu.")
            e = {"type": kind, "comment": cid, "by": by, "role": role, "at": jr.now()}
            if body:
                e["text"] = body
            return [e]
        return self._write(build, done)

    def _decide(self, text: str, findings: list, action: str, kind: str, reason: str, by: str,
                role: str, done: str) -> Outcome:
        """One decision per finding of ``findings`` (an item's), written in one step; a
        send-back also anchors one comment on the whole passage."""
        def build(st: ReviewState) -> list[dict]:
            _no_decision_after_approval(st, text)
            at = jr.now()
            digest = jr.text_digest(text)
            out = _auto_edit(st, text, by, role) + [{
                "type": "decision", "action": action, "finding": f.id, "rule": f.rule,
                "category": f.category, "severity": f.severity,
                "passage": f.text, "context": _context(text, f.start, f.end),
                "kind": kind, "reason": reason, "by": by, "role": role, "at": at,
                "text_sha256": digest} for f in findings]
            if action == "send-back":
                start, end = min(f.start for f in findings), max(f.end for f in findings)
                q = make_quote(text, start, end)
                out.append({"type": "comment", "id": uuid.uuid4().hex[:12], "quote": q.to_json(),
                            "start": start, "end": end, "text": reason, "by": by,
                            "role": role, "at": at, "finding": findings[0].id,
                            "text_sha256": digest})
            return out
        return self._write(build, done)

    def _transition(self, action: str, text: str, by: str, role: str, comment: str) -> Outcome:
        sources, target = TRANSITIONS[action]

        def build(st: ReviewState) -> list[dict]:
            out = _auto_edit(st, text, by, role)
            state = _effective(st, text)
            if state not in sources:
                allowed = [ACTION_LABELS[a] for a in allowed_actions(state)]
                raise Refused(f"Action impossible : la publication est « {STATE_LABELS[state]} ».",
                              [f"actions possibles : {', '.join(allowed) or 'aucune'}"])
            if action == "export" and jr.text_digest(text) != st.approved_sha256:
                raise Refused("Export refusé : ce texte n'est pas celui qui a été approuvé.")
            digest = jr.text_digest(text)
            return out + [{"type": "transition", "action": action, "from": state, "to": target,
                           "by": by, "role": role, "at": jr.now(), "comment": comment.strip(),
                           "text_sha256": digest, **_text_field(st, text, digest)}]
        label = STATE_LABELS[target]
        return self._write(build, f"Publication désormais « {label} » ({ACTION_LABELS[action]} par "
                                  f"{by}).")

    def _write(self, build: Callable[[ReviewState], list[dict]], done: str) -> Outcome:
        try:
            entries = jr.append(self.path, lambda entries: build(replay(entries)))
        except Refused as exc:
            self.reload()
            return Outcome(False, 1, str(exc), exc.details, reason=exc.kind)
        except ReviewError as exc:
            self.reload()
            return Outcome(False, 2, str(exc))
        except OSError as exc:
            self.reload()
            return Outcome(False, 2,
                           f"{self.path.name} : écriture impossible ({exc.strerror or exc})")
        self.reload()
        if self.journal.error:     # should not happen; keep what we wrote in memory
            self.journal = jr.Journal(self.path, entries, lines=list(range(1, len(entries) + 1)))
            self.state = replay(entries)
        return Outcome(True, 0, done)


def _effective(st: ReviewState, text: str) -> str:
    if st.state in (APPROVED, EXPORTED) and st.approved_sha256 != jr.text_digest(text):
        return REVIEW
    return st.state


def _no_decision_after_approval(st: ReviewState, text: str) -> None:
    state = _effective(st, text)
    if state in (APPROVED, EXPORTED):
        raise Refused(f"La publication est « {STATE_LABELS[state]} » : ce texte a été "
                      f"approuvé avec ces décisions. Remettez-la en brouillon pour en changer.")


def _auto_edit(st: ReviewState, text: str, by: str, role: str) -> list[dict]:
    """The ``edited`` transition when an approved/exported text changed (else nothing)."""
    if _effective(st, text) == st.state:
        return []
    digest = jr.text_digest(text)
    return [{"type": "transition", "action": "edited", "from": st.state, "to": REVIEW, "by": by,
             "role": role, "at": jr.now(),
             "comment": "texte modifié après approbation : l'approbation ne vaut plus",
             "text_sha256": digest, **_text_field(st, text, digest)}]


def _text_field(st: ReviewState, text: str, digest: str) -> dict:
    """Store the text unless the previous version already has exactly this text."""
    if st.versions and st.versions[-1].sha256 == digest and st.versions[-1].text == text:
        return {}
    return {"text": text}


def _accepted(st: ReviewState, f) -> bool:
    d = st.decisions.get(f.id)
    return d is not None and d.action == "accept" and (not d.rule or d.rule == f.rule)


def accepted_ids(st: ReviewState, findings: Iterable[Finding]) -> frozenset[str]:
    """The ids of the ``findings`` that a decision of ``st`` accepts: the one place that decides
    acceptance for ``tact check``, the export gate and the editor. The layer above carries the
    set (``editor.workflow``, the review panel) to whoever shows or gates on acceptance; the JSON
    report of ``tact check`` writes it as ``"waived": true``."""
    return frozenset(f.id for f in findings if _accepted(st, f))


def _acceptance_refused(kind: str, reason: str, by: str) -> Outcome | None:
    """Why an acceptance cannot be recorded (unknown reason kind, no written reason, nobody
    named), or None."""
    if kind not in REASON_KINDS:
        return Outcome(False, 1,
                       f"motif inconnu « {kind} » (attendu : {', '.join(REASON_KINDS)})")
    if not reason.strip():
        return Outcome(False, 1, "Une justification écrite est obligatoire pour accepter un "
                                 "signalement.")
    if not by.strip():
        return Outcome(False, 1, "Le nom de la personne qui décide est obligatoire.")
    return None


def _refuse_unless_approvable(st: ReviewState, text: str, findings: list) -> None:
    """Raise :class:`Refused` unless ``text`` is « à relire » with every error fixed or
    accepted."""
    state = _effective(st, text)
    if state != REVIEW:
        raise Refused(f"Approbation impossible : la publication est "
                      f"« {STATE_LABELS[state]} » "
                      f"(seul un texte « à relire » peut être approuvé).", kind="state")
    open_errors = [f for f in findings if f.severity == "error" and not _accepted(st, f)]
    if open_errors:
        from editor.review.items import group_items

        problems = group_items(open_errors, text)     # one line per problem
        raise Refused(f"Approbation refusée : {len(problems)} problème(s) ni corrigé(s) "
                      f"ni accepté(s).", [_describe_item(it) for it in problems],
                      kind="open-errors")


def _pair_approval(st: ReviewState, digest: str, findings: list, signers: list[str], by: str,
                   override: str, base: dict) -> str:
    """Two-person mode: refuse while comments are open unless ``override`` says why (then noted
    in ``base``, the signature); what the approval still waits for ("" when it is complete)."""
    vp = version_people(st, digest)
    _unseen(st, vp, by)
    opened = [c for c in st.comments.values() if not c.resolved]
    if opened and not override.strip():
        raise Refused(f"Approbation refusée : {len(opened)} commentaire(s) ouvert(s). "
                      f"Résolvez-les, ou approuvez en écrivant pourquoi ils peuvent "
                      f"rester ouverts (noté dans l'historique).",
                      [_describe_comment(c) for c in opened], kind="open-comments")
    if opened:
        base.update(override=override.strip(), overridden=[c.id for c in opened])
    return _second_approval(st, vp, findings, signers, by)


def _describe_item(it) -> str:
    """A problem in plain words: the passage once, then its reasons."""
    from editor.review.items import short_passage

    return f"« {short_passage(it.passage, 60)} » — " + " ; ".join(
        r.rstrip(" .") for r in it.reasons) + "."


def _describe_comment(c: Comment) -> str:
    quote = c.quote.exact if len(c.quote.exact) <= 50 else c.quote.exact[:49] + "…"
    return f"« {quote} » — {c.by} : {c.text}"


def _unseen(st: ReviewState, vp: VersionPeople, by: str) -> None:
    """Two-person mode: refuse when ``by`` wrote this version and nobody else has seen it."""
    if vp.others(by) or not vp.is_author(by):
        return
    names = [who(n, r) for n, r in participants(st) if not same_person(n, by)]
    if names:
        head = (f"Approbation refusée : {', '.join(names)} n'a pas encore relu cette version du "
                f"texte." if len(names) == 1 else
                f"Approbation refusée : ni {' ni '.join(names)} n'ont relu cette version du texte.")
    else:
        head = "Approbation refusée : personne d'autre n'a encore relu cette version du texte."
    raise Refused(head, ["En mode deux personnes, vous avez soumis ou modifié cette version : une "
                         "autre personne doit la relire (puis l'approuver, ou vous laisser "
                         "l'approuver) avant sa publication."], kind="unseen-version")


def _second_approval(st: ReviewState, vp: VersionPeople, findings: list, signers: list[str],
                     by: str) -> str:
    """Two-person mode: why the approval of ``by`` is only a first signature ("" when final)."""
    if not vp.others(by):
        return (f"Signature {de_name(by)} enregistrée. Personne d'autre n'a encore agi sur cette "
                f"version du texte : une seconde approbation par une autre personne est "
                f"nécessaire (mode deux personnes).")
    current = {f.id for f in findings}
    missing = [d for d in st.decisions.values()
               if d.action == "accept" and d.finding in current
               and not any(not same_person(s, d.by) for s in signers)]
    if missing:
        names = sorted({d.by for d in missing})
        return (f"Signature {de_name(by)} enregistrée. Une seconde approbation par une autre "
                f"personne {que_name(', '.join(names))} est nécessaire (mode deux personnes : "
                f"qui a accepté un signalement ne peut pas être le seul approbateur).")
    return ""


def unified_diff(va: Version, vb: Version, context: int = 3) -> str:
    def label(v: Version) -> str:
        who = f"{v.by} ({v.role})" if v.role else v.by
        return (f"version {v.number} — {ACTION_LABELS.get(v.action, v.action)} par {who or '?'}, "
                f"le {format_time(v.at)}")

    def lines(t: str) -> list[str]:
        out = t.splitlines(keepends=True)
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n"
        return out
    return "".join(difflib.unified_diff(lines(va.text), lines(vb.text), label(va), label(vb),
                                        n=context))


__all__ = ["ReviewSession", "Outcome", "Overview", "FindingStatus", "DecisionStatus",
           "CommentStatus", "format_time", "unified_diff", "same_person", "SOLO", "PAIR",
           "TextQuote"]
