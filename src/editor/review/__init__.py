"""The review of a post: workflow, decisions on findings, anchored comments, history (no Qt).

Everything lives beside the post in ``<post>.review.jsonl`` (see :mod:`editor.review.journal`):
one JSON line per event, append-only, hash-linked like commits (:mod:`editor.review.dag`, so two
machines' histories merge: :mod:`editor.review.sync`, :mod:`editor.review.gitmerge`), written
under an OS lock and atomically; a damaged line is reported and repaired
(:mod:`editor.review.repair`); exports record the journal's heads (:mod:`editor.review.recorded`).

API for the GUI (``editor.ui`` calls only this; no call raises on a bad, busy or unwritable file)::

    from editor.review.session import ReviewSession, Outcome, format_time
    s = ReviewSession(post_path)       # reads the journal; s.error is a French message when the
                                       # review file is corrupt (the post still opens, decisions
                                       # are ignored, nothing is written to that file)
    s.reload()                         # after the file changed on disk (another person, a sync)
    ov = s.overview(text, findings)    # Overview of the current text and its findings:
        ov.state / ov.state_label      #   effective state ("review"/« à relire » when an approved
        ov.edited_after_approval       #   text was edited), ov.recorded_state
        ov.findings                    #   [FindingStatus(finding, status open|accepted|sent-back,
                                       #    decision)]; ov.open_findings; ov.blocking (open errors)
        ov.decisions, ov.lapsed        #   [DecisionStatus(decision, valid)]; valid False = lapsed
        ov.comments                    #   [CommentStatus(comment, anchor)], anchor.start/end (code
                                       #   points) and anchor.state exact|fuzzy|orphaned;
                                       #   comment.replies, .resolved, .finding
        ov.signatures                  #   approvals of the current text (name, role, at, meaning,
                                       #   override: why approved with comments still open)
        ov.people                      #   who wrote / reviewed / approved this very text
        ov.open_comments               #   unresolved comments (they block a two-person approval)
        ov.last_transition             #   who/when/why of the last move (Transition)
        ov.allowed_actions             #   e.g. ["submit", "withdraw"]; labels: model.ACTION_LABELS
        ov.error, ov.problems          #   unusable file (French) / broken hash chain [(entry, msg)]
    s.accepted(findings)               # frozenset of the ids of the findings still-valid
                                       # decisions accept (the layer above carries it)

    # actions: each returns Outcome(ok, code 0 done | 1 refused | 2 file problem, message in
    # French, details: list of lines, value); texts are the post's current text
    s.accept(text, finding, kind, reason, by, role)   # kind in model.REASON_KINDS, reason required
    s.send_back(text, finding, comment, by, role)     # also creates an anchored comment
    s.withdraw_decision(text, finding_id, by, role, comment)
    # one problem, one decision: an item's findings (editor.review.items) in one journal step
    s.accept_item(text, findings, kind, reason, by, role)
    s.send_back_item(text, findings, comment, by, role)   # one comment on the item's passage
    s.withdraw_item_decisions(text, finding_ids, by, role, comment)
    s.submit / s.request_changes / s.withdraw / s.mark_exported(text, by, role, comment)
    s.approve(text, findings, by, role, mode, override="")  # refused with the open errors in
                                       # details; pair mode: the version must have been seen by
                                       # someone else, open comments need ``override`` (a reason);
                                       # Outcome.reason names the refusal (unseen-version,
                                       # open-comments, open-errors…): see editor.review.session
    s.note_saved(text, by, role)       # call after saving: an approved text that changed goes
                                       # back to « à relire »; under review, records who wrote
                                       # this version (s.note_edit: the first part only)
    s.approved_for_export(text)        # True only for the approved (or exported) text itself
    s.people(text)                     # VersionPeople: authors, reviewers, approvers of the text
    s.add_comment(text, start, end, body, by, role) -> Outcome(value=comment id)
    s.reply(cid, body, by, role) / s.resolve(cid, by, role) / s.reopen(cid, by, role)
    s.history() -> [Version(number, action, state, by, role, at, sha256, text)]
    s.diff(a, b) -> unified diff text (French labels); s.verify() -> [(line, message)]
    s.heads                            # hashes of the latest entries (recorded by exports)
    s.notes                            # French remarks from joining sync conflict copies

    from editor.review.profile import Profile, load_profile, save_profile  # name, role, mode
    from editor.review.model import (STATE_LABELS, ACTION_LABELS, REASON_KINDS, REASON_LABELS,
                                     MODES, MODE_LABELS, typo)
    from editor.review.report import false_positives, render, write_report  # « faux positif »
    from editor.review.queue import review_queue, post_states              # posts « à relire »
    from editor.review.people import version_people, who                   # per text version
    from editor.review.items import group_items, item_statuses, item_counts  # one per problem
    from editor.review.waivers import review_acceptance   # (accepted ids, warnings) of a post

Offsets (``start``/``end``) are code points into the post's text, like ``Finding.start/end``.
Re-anchoring comments costs about a millisecond each when the passage moved and was edited:
call ``overview`` after a pause in typing, not on every keystroke.
"""
from __future__ import annotations

from pathlib import Path

SUFFIX = ".review.jsonl"


def journal_path(post: str | Path) -> Path:
    """``rhinoplastie.md`` → ``rhinoplastie.review.jsonl`` in the same folder."""
    p = Path(post)
    return p.with_name(p.stem + SUFFIX) if p.suffix else p.with_name(p.name + SUFFIX)
