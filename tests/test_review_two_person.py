"""Honest approval in two-person mode: a version is approved only once the other person has seen
that very text; open comments block unless overridden with a recorded reason; the people named
for a version are those who acted on it."""
import json

import pytest
from review_support import make_engine

from editor.review import journal_path
from editor.review.model import APPROVED, REVIEW
from editor.review.people import version_people
from editor.review.session import ReviewSession

V1 = "# Offre\n\nOffre : -25 % sur le lifting.\n\nUn délai de réflexion est prévu.\n"
V2 = "# Offre\n\nLes honoraires sont remis sur devis.\n\nUn délai de réflexion est prévu.\n"
AUTHOR, AUTHOR_ROLE = "Dr Claire Martin", "chirurgienne"
REVIEWER, REVIEWER_ROLE = "Inès Dubois", "assistante"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return make_engine(tmp_path_factory.mktemp("pack"))


@pytest.fixture
def post(tmp_path):
    p = tmp_path / "offre.md"
    p.write_text(V1, encoding="utf-8")
    return p


def _entries(post):
    return [json.loads(line) for line in journal_path(post).read_text("utf-8").splitlines()]


def test_the_author_cannot_approve_a_version_the_reviewer_has_not_seen(post, engine):
    s = ReviewSession(post)
    f1 = engine.check(V1).findings
    discount = next(f for f in f1 if f.rule == "test.discount")
    assert s.submit(V1, AUTHOR, AUTHOR_ROLE).ok
    assert s.send_back(V1, discount, "Retirez la remise.", REVIEWER, REVIEWER_ROLE).ok
    # The author rewrites the sentence and saves: a new version, written by him.
    assert s.note_saved(V2, AUTHOR, AUTHOR_ROLE).ok
    f2 = engine.check(V2).findings
    before = journal_path(post).read_bytes()
    refused = s.approve(V2, f2, AUTHOR, AUTHOR_ROLE)
    assert refused.code == 1 and refused.reason == "unseen-version"
    assert refused.message == ("Approbation refusée : Inès Dubois (assistante) n'a pas encore relu "
                               "cette version du texte.")
    assert "vous avez soumis ou modifié cette version" in refused.details[0]
    assert journal_path(post).read_bytes() == before              # nothing recorded
    assert s.overview(V2, f2).state == REVIEW

    # The reviewer's open comment (the send-back) blocks her approval too, until resolved.
    blocked = s.approve(V2, f2, REVIEWER, REVIEWER_ROLE)
    assert blocked.reason == "open-comments" and "Retirez la remise." in blocked.details[0]
    [cid] = s.state.comments
    assert s.resolve(cid, REVIEWER, REVIEWER_ROLE).ok
    done = s.approve(V2, f2, REVIEWER, REVIEWER_ROLE)
    assert done.ok and done.message == "Publication approuvée par Inès Dubois."
    assert s.overview(V2, f2).state == APPROVED
    [sig] = s.overview(V2, f2).signatures           # she signs as the one who reviewed it
    assert sig.meaning == "j'ai relu ce texte et j'en approuve la publication"

    people = s.people(V2)
    assert people.authors == [(AUTHOR, AUTHOR_ROLE)]
    assert people.reviewers == [(REVIEWER, REVIEWER_ROLE)]
    assert people.approvers == [(REVIEWER, REVIEWER_ROLE)]
    # The first version was reviewed by her too, never approved.
    assert version_people(s.state, s.history()[0].sha256).approvers == []


def test_the_author_may_approve_once_the_reviewer_has_reviewed_that_version(post, engine):
    s = ReviewSession(post)
    f2 = engine.check(V2).findings
    post.write_text(V2, encoding="utf-8")
    assert s.submit(V2, AUTHOR, AUTHOR_ROLE).ok
    c = s.add_comment(V2, V2.index("devis"), V2.index("devis") + 5, "Préciser « en consultation ».",
                      REVIEWER, REVIEWER_ROLE)
    assert c.ok
    assert s.resolve(c.value, AUTHOR, AUTHOR_ROLE).ok
    done = s.approve(V2, f2, AUTHOR, AUTHOR_ROLE)          # she has seen this very text
    assert done.ok, done.message
    assert s.overview(V2, f2).signatures[0].meaning == "j'approuve ce texte en tant qu'auteur"
    assert s.people(V2).reviewers == [(REVIEWER, REVIEWER_ROLE)]      # the author is not one
    assert s.people(V2).approvers == [(AUTHOR, AUTHOR_ROLE)]


def test_an_open_comment_is_overridden_only_with_a_reason_recorded(post, engine):
    s = ReviewSession(post)
    f2 = engine.check(V2).findings
    assert s.submit(V2, AUTHOR, AUTHOR_ROLE).ok
    c = s.add_comment(V2, 0, 7, "Titre à revoir ?", REVIEWER, REVIEWER_ROLE)
    refused = s.approve(V2, f2, REVIEWER, REVIEWER_ROLE)
    assert refused.code == 1 and refused.reason == "open-comments"
    assert refused.details == ["« # Offre » — Inès Dubois : Titre à revoir ?"]
    assert s.approve(V2, f2, REVIEWER, REVIEWER_ROLE, override="   ").reason == "open-comments"
    done = s.approve(V2, f2, REVIEWER, REVIEWER_ROLE, override="Titre validé par téléphone.")
    assert done.ok and "Titre validé par téléphone." in done.message
    [sig] = s.overview(V2, f2).signatures
    assert (sig.by, sig.override, sig.overridden) == (REVIEWER, "Titre validé par téléphone.",
                                                      [c.value])
    last = _entries(post)[-1]
    assert (last["action"], last["by"], last["override"]) == ("approve", REVIEWER,
                                                              "Titre validé par téléphone.")
    assert ReviewSession(post).verify() == []


def test_solo_mode_is_not_held_by_comments_nor_by_a_second_person(post, engine):
    s = ReviewSession(post)
    f2 = engine.check(V2).findings
    assert s.submit(V2, AUTHOR).ok
    assert s.add_comment(V2, 0, 7, "Note pour moi.", AUTHOR).ok
    assert s.approve(V2, f2, AUTHOR, mode="solo").ok


def test_an_author_who_accepted_his_own_finding_needs_the_reviewer_to_approve(post, engine):
    s = ReviewSession(post)
    f1 = engine.check(V1).findings
    discount = next(f for f in f1 if f.rule == "test.discount")
    assert s.submit(V1, AUTHOR).ok
    c = s.add_comment(V1, 0, 7, "Vu.", REVIEWER)
    assert s.resolve(c.value, REVIEWER).ok
    assert s.accept(V1, discount, "autre", "Tarif conventionné affiché.", AUTHOR).ok
    first = s.approve(V1, f1, AUTHOR)
    assert first.ok and "seconde approbation" in first.message
    assert s.overview(V1, f1).state == REVIEW
    assert s.approve(V1, f1, REVIEWER).ok
    assert s.overview(V1, f1).state == APPROVED
    assert s.people(V1).approvers == [(AUTHOR, ""), (REVIEWER, "")]


def test_a_version_nobody_else_has_seen_waits_for_a_second_approval(post, engine):
    """Edited outside the editor: its author is unknown, the approver's is a first signature."""
    s = ReviewSession(post)
    assert s.submit(V1, AUTHOR).ok
    f2 = engine.check(V2).findings
    first = s.approve(V2, f2, REVIEWER)
    assert first.ok and "Personne d'autre n'a encore agi sur cette version" in first.message
    assert s.overview(V2, f2).state == REVIEW
    assert s.approve(V2, f2, AUTHOR).ok
    assert s.overview(V2, f2).state == APPROVED


def test_saving_in_review_records_the_version_once_per_person(post):
    s = ReviewSession(post)
    assert s.submit(V1, AUTHOR).ok
    n = len(_entries(post))
    assert s.note_saved(V1, AUTHOR).ok                  # he submitted this very text
    assert s.note_saved(V2, AUTHOR).ok
    assert s.note_saved(V2, AUTHOR).ok                  # already recorded
    assert s.note_saved(V2, "").ok                      # nobody to name: nothing recorded
    added = _entries(post)[n:]
    assert [(e["type"], e["by"]) for e in added] == [("saved", AUTHOR)]
    assert s.history()[-1].text == V2 and s.history()[-1].action == "saved"
    assert ReviewSession(post).verify() == []


def test_decisions_of_older_journals_name_no_version(post, engine):
    """Entries written before decisions carried ``text_sha256`` make nobody a reviewer."""
    from editor.review.state import replay

    entries = [{"type": "decision", "action": "accept", "finding": "x", "rule": "test.discount",
                "by": REVIEWER, "at": "2026-11-01T10:00:00Z", "kind": "autre", "reason": "ok"}]
    st = replay(entries)
    assert st.decisions["x"].text_sha256 == "" and st.seen == []
