"""Properties that must hold for any post (Hypothesis)."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.compliance.findings import line_starts

PHRASES = ["Black Friday : -25 % sur le lifting !", "Résultat garanti ✨", "⭐⭐⭐⭐⭐ 4,9/5",
           "Le meilleur chirurgien de Lyon, c'est moi.", "Aucune chirurgie n'est sans risque.",
           "« Le Dr Roux a changé ma vie ! » Merci Inès 💕", "#avantapres J+90",
           "![avant](images/lea_avant.jpg) ![après](images/lea_apres.jpg)",
           "**Offre limitée** : plus que 3 places", "Injections de Botox à 250 €",
           "l’œdème\u202f; 𝗴𝗮𝗿𝗮𝗻𝘁𝗶\u200b", "> citation « sans douleur »", "```\ncode\n```",
           "- liste\n- points", "# Titre\n", "\r\n", "\n\n", "😀👍🏽👨‍👩‍👧", "[lien](https://x.fr)"]

texts = st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=40)), max_size=12).map(
    lambda parts: " ".join(parts))
NEUTRAL = st.lists(st.sampled_from(["le", "la", "soleil", "eau", "matin", "printemps", "jardin",
                                    "livre", "chat", "bleu", "calme", "promenade"]),
                   min_size=1, max_size=30).map(" ".join)


def assert_contract(source, findings):
    starts = line_starts(source)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for f in findings:
        assert 0 <= f.start < f.end <= len(source)
        assert f.text == source[f.start:f.end]
        assert starts[f.line - 1] + f.column - 1 == f.start
        assert f.severity in ("error", "warning", "info") and f.id


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text_checks(full_engine, text):
    assert_contract(text, full_engine.check(text).findings)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_follow_the_contract(full_engine, text):
    assert_contract(text, full_engine.check(text).findings)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, NEUTRAL)
def test_appending_an_unrelated_paragraph_keeps_earlier_findings(engine, text, extra):
    before = engine.check(text).findings
    after = engine.check(text + "\n\n" + extra.capitalize() + ".\n").findings
    key = lambda f: (f.id, f.rule, f.start, f.end, f.severity)  # noqa: E731
    assert [key(f) for f in before] == [key(f) for f in after if f.start < len(text)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, NEUTRAL)
def test_ids_are_stable_when_text_is_inserted_before(engine, text, extra):
    before = {f.id: f.text for f in engine.check(text).findings}
    prefix = extra.capitalize() + ".\n\n"
    after = {f.id: f.text for f in engine.check(prefix + text).findings}
    assert before == {k: v for k, v in after.items() if k in before}
    assert set(before) <= set(after)
