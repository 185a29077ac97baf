"""The review API the GUI calls: workflow, decisions that lapse, two-person rule, waivers."""
import pytest
from review_support import make_engine

from editor.review.model import APPROVED, CHANGES, DRAFT, EXPORTED, REVIEW
from editor.review.session import ReviewSession

TEXT = "# Offre\n\nOffre : -25 % sur le lifting.\n\nRésultat garanti, effet miracle.\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return make_engine(tmp_path_factory.mktemp("pack"))


@pytest.fixture
def post(tmp_path):
    p = tmp_path / "offre.md"
    p.write_text(TEXT, encoding="utf-8")
    return p


def by_rule(findings, rule):
    return next(f for f in findings if f.rule == rule)


def test_workflow_states_and_permitted_transitions(post, engine):
    s = ReviewSession(post)
    text = TEXT.replace("-25 %", "un tarif").replace("garanti", "probable")
    findings = engine.check(text).findings
    assert s.overview(text, findings).state == DRAFT
    bad = s.approve(text, findings, "Dr Martin")
    assert bad.code == 1 and "brouillon" in bad.message
    assert s.submit(text, "Dr Martin", "chirurgien", "première version").ok
    assert s.submit(text, "Dr Martin").code == 1                    # already « à relire »
    assert s.request_changes(text, "Julie", "assistante", "Sourcer le chiffre").ok
    assert s.overview(text, findings).state == CHANGES
    assert s.submit(text, "Dr Martin").ok
    res = s.approve(text, findings, "Dr Martin", "chirurgien")
    assert res.ok and s.overview(text, findings).state == APPROVED
    assert s.mark_exported(text, "Dr Martin").ok
    ov = s.overview(text, findings)
    assert ov.state == EXPORTED and ov.state_label == "exporté"
    [t1, t2, t3, t4, t5] = s.state.transitions
    assert (t2.action, t2.by, t2.role, t2.comment) == ("request-changes", "Julie", "assistante",
                                                      "Sourcer le chiffre")
    assert t1.at.endswith("Z") and t5.to_state == EXPORTED
    # an edit after export (or approval) sends it back to « à relire », recorded by note_edit
    edited = text + "Merci.\n"
    assert s.overview(edited, findings).state == REVIEW
    assert s.overview(edited, findings).edited_after_approval
    assert s.note_edit(edited, "Dr Martin").ok
    assert s.state.state == REVIEW and s.state.transitions[-1].action == "edited"
    assert s.mark_exported(edited, "Dr Martin").code == 1
    # a fresh session reads the same thing from the file
    assert ReviewSession(post).overview(edited, findings).state == REVIEW
    assert ReviewSession(post).verify() == []


def test_accept_needs_a_reason_and_lapses_when_the_passage_changes(post, engine):
    s = ReviewSession(post)
    findings = engine.check(TEXT).findings
    discount = by_rule(findings, "test.discount")
    assert s.accept(TEXT, discount, "faux-positif", "   ", "Julie").code == 1
    assert s.accept(TEXT, discount, "inconnu", "x", "Julie").code == 1
    res = s.accept(TEXT, discount, "information-sourcee", "Tarif conventionné", "Julie",
                   "assistante")
    assert res.ok
    ov = s.overview(TEXT, findings)
    statuses = {f.finding.rule: f.status for f in ov.findings}
    assert statuses["test.discount"] == "accepted"
    assert [f.finding.rule for f in ov.blocking] == ["test.guarantee"]
    # text added elsewhere: the id is stable, the decision still holds
    longer = "Bonjour !\n\n" + TEXT
    f2 = engine.check(longer).findings
    assert by_rule(f2, "test.discount").id == discount.id
    assert s.accepted(f2) == {by_rule(f2, "test.discount").id}
    # the passage itself changed: the decision lapses (kept, shown as lapsed), finding open again
    changed = TEXT.replace("-25 %", "-30 %")
    f3 = engine.check(changed).findings
    ov = s.overview(changed, f3)
    assert s.accepted(f3) == frozenset()
    assert [d.decision.passage for d in ov.lapsed] == ["-25 %"]
    assert ov.lapsed[0].decision.reason == "Tarif conventionné"
    assert {f.finding.rule for f in ov.blocking} == {"test.discount", "test.guarantee"}


def test_send_back_and_withdraw(post, engine):
    s = ReviewSession(post)
    findings = engine.check(TEXT).findings
    g = by_rule(findings, "test.guarantee")
    assert s.send_back(TEXT, g, "", "Julie").code == 1
    assert s.send_back(TEXT, g, "Reformuler sans promesse", "Julie").ok
    ov = s.overview(TEXT, findings)
    fs = next(x for x in ov.findings if x.finding.id == g.id)
    assert fs.status == "sent-back" and fs in ov.blocking
    [c] = ov.comments
    assert c.comment.finding == g.id and c.anchor.state == "exact"
    assert TEXT[c.anchor.start:c.anchor.end] == "Résultat garanti"
    assert s.accept(TEXT, g, "autre", "Formulation validée", "Dr Martin").ok
    assert g.id not in {f.finding.id for f in s.overview(TEXT, findings).blocking}
    assert s.withdraw_decision(TEXT, g.id, "Dr Martin", comment="erreur").ok
    assert g.id in {f.finding.id for f in s.overview(TEXT, findings).blocking}


def test_approval_requires_errors_accepted_and_two_people(post, engine):
    s = ReviewSession(post)
    findings = engine.check(TEXT).findings
    s.submit(TEXT, "Dr Martin")
    refused = s.approve(TEXT, findings, "Dr Martin")
    assert refused.code == 1 and len(refused.details) == 2          # the two errors, listed
    assert any("-25 %" in d for d in refused.details)
    for f in findings:
        if f.severity == "error":
            assert s.accept(TEXT, f, "faux-positif", "contexte pédagogique", "Julie").ok
    # the warning does not block
    first = s.approve(TEXT, findings, "Julie", "assistante")
    assert first.ok and "seconde approbation" in first.message
    assert s.overview(TEXT, findings).state == REVIEW
    assert [x.by for x in s.overview(TEXT, findings).signatures] == ["Julie"]
    assert s.approve(TEXT, findings, " julie ").code == 1               # same person twice
    done = s.approve(TEXT, findings, "Dr Martin", "chirurgien")
    assert done.ok and s.overview(TEXT, findings).state == APPROVED
    assert [x.by for x in s.overview(TEXT, findings).signatures] == ["Julie", "Dr Martin"]
    assert (s.overview(TEXT, findings).signatures[1].meaning
            == "j'approuve ce texte en tant qu'auteur")
    # the approved text's decisions are frozen
    refused = s.withdraw_decision(TEXT, findings[0].id, "Julie")
    assert refused.code == 1 and "approuvé" in refused.message
    assert s.accept(TEXT, findings[0], "autre", "x", "Julie").code == 1


def test_solo_mode_approves_alone(post, engine):
    s = ReviewSession(post)
    findings = engine.check(TEXT).findings
    s.submit(TEXT, "Dr Martin")
    for f in findings:
        s.accept(TEXT, f, "autre", "assumé", "Dr Martin")
    assert s.approve(TEXT, findings, "Dr Martin", mode="solo").ok
    assert s.overview(TEXT, findings).state == APPROVED


def test_signatures_do_not_carry_over_to_an_edited_text(post, engine):
    s = ReviewSession(post)
    findings = engine.check(TEXT).findings
    s.submit(TEXT, "Dr Martin")
    for f in findings:
        s.accept(TEXT, f, "autre", "assumé", "Julie")
    assert "seconde" in s.approve(TEXT, findings, "Julie").message
    edited = TEXT + "\nÀ bientôt.\n"
    f2 = engine.check(edited).findings
    res = s.approve(edited, f2, "Julie")        # her first signature was for another text
    assert res.ok and "seconde" in res.message
    assert [x.by for x in s.overview(edited, f2).signatures] == ["Julie"]
    assert s.overview(edited, f2).state == REVIEW
    assert s.approve(edited, f2, "Dr Martin").ok
    assert s.overview(edited, f2).state == APPROVED


def test_history_and_diff(post, engine):
    s = ReviewSession(post)
    s.submit(TEXT, "Dr Martin")
    v2 = TEXT.replace("miracle", "visible")
    s.request_changes(TEXT, "Julie")
    s.submit(v2, "Dr Martin", comment="corrigé")
    versions = s.history()
    assert [v.action for v in versions] == ["submit", "request-changes", "submit"]
    assert versions[1].text == TEXT                       # stored once, found again by hash
    diff = s.diff(1, 3)
    assert "-Résultat garanti, effet miracle." in diff
    assert "+Résultat garanti, effet visible." in diff
    assert diff.splitlines()[0].startswith("--- version 1 — soumis pour relecture par Dr Martin")
    with pytest.raises(ValueError):
        s.diff(1, 9)
    # the text is stored only when it changed
    lines = s.path.read_text(encoding="utf-8").splitlines()
    assert sum('"text": "# Offre' in line for line in lines) == 2


def test_comments_threads(post):
    s = ReviewSession(post)
    start = TEXT.index("sur le lifting")
    res = s.add_comment(TEXT, start, start + len("sur le lifting"), "Quel lifting ?", "Julie")
    assert res.ok
    cid = res.value
    assert s.reply(cid, "Cervico-facial", "Dr Martin").ok
    assert s.resolve(cid, "Julie").ok and s.resolve(cid, "Julie").code == 1
    assert s.reopen(cid, "Julie").ok
    c = s.state.comments[cid]
    assert not c.resolved and [r.text for r in c.replies] == ["Cervico-facial"]
    assert s.add_comment(TEXT, 5, 5, "vide", "Julie").code == 1
    assert s.reply("nope", "x", "Julie").code == 1


def test_waivers_in_check_posts(post, engine, tmp_path):
    from editor.workflow import check_posts

    s = ReviewSession(post)
    for f in engine.check(TEXT).findings:
        if f.severity == "error":
            s.accept(TEXT, f, "faux-positif", "ok", "Julie")
    clean = tmp_path / "autre.md"
    clean.write_text(TEXT, encoding="utf-8")
    checked = check_posts(engine, [str(tmp_path)])
    by_path = {f.path: (f, ids) for f, ids in checked.reviewed()}
    fr, ids = by_path[str(post)]
    assert {x.rule for x in fr.findings if x.id in ids} == {"test.discount", "test.guarantee"}
    assert by_path[str(clean)][1] == frozenset()
    assert checked.blocking()                               # autre.md still blocks
    files = {f["path"]: f["findings"] for f in checked.to_json()["files"]}
    assert sum(x.get("waived") is True for x in files[str(post)]) == 2
    assert not any("waived" in x for x in files[str(clean)])
    assert not checked.report.warnings


def test_corrupt_file_the_post_still_opens(post, engine):
    s = ReviewSession(post)
    s.submit(TEXT, "Dr Martin")
    s.path.write_text('{"n": 1, "type": "transition", "to": "review"\n', encoding="utf-8")
    s = ReviewSession(post)
    assert s.error and "ligne 1" in s.error and "corrompu" in s.error
    findings = engine.check(TEXT).findings
    ov = s.overview(TEXT, findings)                         # no exception, nothing waived
    assert ov.error == s.error and ov.state == DRAFT and len(ov.open_findings) == 3
    res = s.accept(TEXT, findings[0], "autre", "x", "Julie")
    assert res.code == 2 and "corrompu" in res.message
    assert s.path.read_text(encoding="utf-8").startswith('{"n": 1, "type": "transition"')
    s.path.write_bytes(b"\xff\xfe garbage")
    assert "UTF-8" in ReviewSession(post).error
    s.path.write_text("[1, 2]\n", encoding="utf-8")
    assert "entrée de relecture invalide" in ReviewSession(post).error


def test_profile_roundtrip(tmp_path, monkeypatch):
    from editor.review.profile import Profile, load_profile, save_profile

    monkeypatch.setenv("TACT_CONFIG_DIR", str(tmp_path / "cfg"))
    assert load_profile() == (None, None)
    assert save_profile(Profile("Julie Moreau", "assistante", "solo")) is None
    assert load_profile() == (Profile("Julie Moreau", "assistante", "solo"), None)
    assert save_profile(Profile("  ", "x")) is not None
    (tmp_path / "cfg" / "reviewer.yaml").write_text("name: [", encoding="utf-8")
    profile, error = load_profile()
    assert profile is None and "invalide" in error


def test_review_queue(tmp_path, engine):
    from editor.review.queue import review_queue

    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("Texte A\n", encoding="utf-8")
    b.write_text("Texte B\n", encoding="utf-8")
    ReviewSession(a).submit("Texte A\n", "Dr Martin")
    assert [i.shown for i in review_queue([str(tmp_path)])] == [str(a)]
