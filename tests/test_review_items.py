"""One item per problem: the findings on one passage are listed once, decided once, counted once
(editor.review.items), in the review session, ``tact review`` and the export gate."""
from __future__ import annotations

import pytest

from editor.review.items import group_items, item_counts, item_statuses
from editor.review.session import ReviewSession

PAIR = "Avant ![avant](avant.jpg) après ![apres](apres.jpg) J+30\n"
THANKS = "Merci à Julie pour sa confiance 🙏\n"   # a named patient and her thanks


def test_a_before_after_pair_is_one_item_with_several_reasons(engine):
    findings = engine.check(PAIR).findings
    assert len(findings) >= 4
    items = [it for it in group_items(findings, PAIR) if not it.spelling]
    assert len(items) == 1
    [item] = items
    assert item.passage.startswith("Avant ![avant](avant.jpg) après ![apres](apres.jpg)")
    assert len(item.reasons) >= 2                       # several reasons, each said once
    assert len(set(item.reasons)) == len(item.reasons)
    assert item.severity == "error" and "before-after" in item.categories
    assert item_counts(findings).error == 1


def test_thanks_to_a_patient_is_one_item(engine):
    findings = engine.check(THANKS).findings
    assert len({f.rule for f in findings}) >= 2
    items = group_items(findings, THANKS)
    assert len(items) == 1 and items[0].passage == "Merci à Julie"


def test_one_acceptance_clears_every_finding_of_the_item_in_one_step(engine, tmp_path):
    post = tmp_path / "avant-apres.md"
    post.write_text(PAIR, encoding="utf-8")
    findings = engine.check(PAIR).findings
    s = ReviewSession(post)
    before = len(s.journal.entries)
    out = s.accept_item(PAIR, findings, "autre", "Schéma pédagogique, pas des photos de patient.",
                        "Julie Moreau", "assistante")
    assert out.ok, out.message
    assert "signalements couverts" in out.message and "avant.jpg" in out.message
    assert len(s.journal.entries) == before + len(findings)   # one decision per finding
    again = engine.check(PAIR).findings
    accepted = s.accepted(again)
    assert accepted == {f.id for f in again}
    [x] = item_statuses(s.overview(PAIR, again).findings, PAIR, accepted)
    assert x.status == "accepted" and x.decision.by == "Julie Moreau" and x.item.all_accepted
    assert item_counts(again, accepted).error == 0 and item_counts(again, accepted).accepted == 1
    assert item_counts(again).error == 1       # without the review's decisions: open


def test_a_send_back_covers_the_item_with_one_comment(engine, tmp_path):
    post = tmp_path / "merci.md"
    post.write_text(PAIR, encoding="utf-8")
    findings = engine.check(PAIR).findings
    s = ReviewSession(post)
    out = s.send_back_item(PAIR, findings, "Retirez les photos.", "Julie Moreau")
    assert out.ok, out.message
    ov = s.overview(PAIR, findings)
    assert {fs.status for fs in ov.findings} == {"sent-back"}
    assert len(ov.comments) == 1
    assert ov.comments[0].comment.quote.exact.startswith("Avant ![avant]")
    out = s.withdraw_item_decisions(PAIR, [f.id for f in findings], "Julie Moreau")
    assert out.ok, out.message
    assert {fs.status for fs in s.overview(PAIR, findings).findings} == {"open"}


@pytest.fixture
def review(engine, monkeypatch, capsys):
    from editor.compliance import service

    monkeypatch.setattr(service, "make_engine", lambda *a, **k: (engine, []))

    def run(*args):
        from editor.cli import main

        code = main(["review", *[str(a) for a in args]])
        got = capsys.readouterr()
        return code, got.out, got.err
    return run


def test_tact_review_lists_items_and_accepts_a_group(review, engine, tmp_path, user_dirs):
    post = tmp_path / "p.md"
    post.write_text(PAIR, encoding="utf-8")
    for name in ("avant.jpg", "apres.jpg"):       # present: no « image introuvable » item
        (tmp_path / name).write_bytes(b"photo")
    findings = engine.check(PAIR, base_dir=tmp_path).findings
    group = findings[0].group
    code, out, _ = review("status", post, "--no-spelling")
    assert code == 0
    assert "Signalements ouverts\u00a0: 1 (dont 1 erreur(s) bloquante(s))" in out
    assert out.count(f"[{group}]") == 2          # the item (its group id) and its first finding
    assert out.count("«\u00a0Avant ![avant](avant.jpg)") == 1     # the passage, once
    code, out, err = review("accept", post, "--group", group[:8], "--reason", "Schéma.",
                            "--kind", "autre", "--by", "Julie Moreau", "--no-spelling")
    assert code == 0, err
    assert f"({len(findings)} signalements couverts)" in out
    code, out, _ = review("status", post, "--no-spelling")
    assert "Signalements ouverts\u00a0: 0" in out and "Signalements acceptés\u00a0: 1" in out
    code, out, err = review("revoke", post, "--group", group, "--by", "Julie Moreau",
                            "--no-spelling")
    assert code == 0, err
    code, out, _ = review("status", post, "--no-spelling")
    assert "Signalements ouverts\u00a0: 1" in out


def test_tact_review_refuses_an_unknown_group(review, tmp_path, user_dirs):
    post = tmp_path / "p.md"
    post.write_text(PAIR, encoding="utf-8")
    code, _out, err = review("accept", post, "--group", "ffffffffffffffff", "--reason", "x",
                             "--by", "J", "--no-spelling")
    assert code == 2 and "aucun problème actuel" in err


@pytest.fixture
def user_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("user")
    for kind in ("data", "cache", "config"):
        monkeypatch.setenv(f"TACT_{kind.upper()}_DIR", str(base / kind))
    return base


def test_the_export_gate_refuses_items_in_plain_words(engine, tmp_path, user_dirs):
    from editor.export.exporter import export_posts

    post = tmp_path / "p.md"
    post.write_text("---\ntitle: t\n---\n" + PAIR + "\n" + THANKS, encoding="utf-8")
    res = export_posts([str(post)], ["facebook"], tmp_path / "out", engine, pdf=False,
                       allow_unreviewed=True)
    gate = [p for p in res.refused if p.finding is not None]
    # two problems: the pair (one, not five) and the thanks to a named patient (one, not two)
    assert [p.passage.startswith("Avant") for p in gate] == [True, False]
    pair, thanks = gate
    assert thanks.passage == "Merci à Julie" and len(thanks.findings) >= 2
    assert len(pair.findings) >= 3 and pair.passage.startswith("Avant ![avant](avant.jpg)")
    assert pair.french.startswith("«\u00a0Avant ![avant](avant.jpg)")
    assert "Ligne" not in pair.french and pair.finding.rule not in pair.french
    assert pair.finding.id not in pair.french
    text = post.read_text(encoding="utf-8")
    s = ReviewSession(post)
    assert s.accept_item(text, pair.findings, "autre", "Schéma.", "Julie Moreau").ok
    assert s.accept_item(text, thanks.findings, "autre", "Julie est l'infirmière du cabinet.",
                         "Julie Moreau").ok
    res = export_posts([str(post)], ["facebook"], tmp_path / "out", engine, pdf=False,
                       allow_unreviewed=True)
    assert not [p for p in res.refused if p.finding is not None]
