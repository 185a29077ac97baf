"""The statistical second opinion (editor.compliance.model, scripts/train_model.py).

* the committed model was trained on the current training data (rules' examples, labelled
  corpora, the engine's findings on them and the training settings): otherwise
  ``scripts/train_model.py`` must be run again;
* it ranks rewordings of clear violations, in none of its training sentences, above educational
  sentences, and stays silent on educational sentences; its thresholds were calibrated per post,
  out of fold, and what it adds held out keeps a precision of 0.9;
* its findings never touch a sentence that a rule already flagged, and carry what the interface
  shows (category, legal reference, score, a French explanation quoting training examples).
"""
import importlib.util
import json
import sys
import time

import pytest
from project_paths import ROOT

from editor.compliance.findings import finalize
from editor.compliance.model import (
    MESSAGE,
    SecondOpinion,
    prose_sentences,
    sentence_tokens,
    word_count,
)

MODEL = ROOT / "resources" / "model" / "second-opinion.json"

# Written for this test (in no rule example and no corpus): each rewords a clear violation of
# its category. The model must score at least PARAPHRASE_SHARE of them over the threshold.
PARAPHRASES = [
    ("pricing", "Rhinoplastie à partir de 3 900 euros, paiement en plusieurs fois possible."),
    ("pricing", "Le tarif de la blépharoplastie est de 2 200 € tout compris cet automne."),
    ("pricing", "Nos tarifs pour l'augmentation mammaire démarrent à 4 500 euros."),
    ("incentive", "Réservez votre lipoaspiration avant la fin du mois et bénéficiez d'une remise "
                  "de 15 %."),
    ("incentive", "Plus que deux créneaux disponibles en juin, ne tardez pas à réserver le "
                  "vôtre !"),
    ("incentive", "Offre spéciale de rentrée sur les injections : profitez-en vite."),
    ("testimonial", "Merci infiniment à ma patiente pour ce joli message qui me touche beaucoup."),
    ("misleading-claim", "Un résultat naturel et définitif, sans aucune douleur ni cicatrice "
                         "visible."),
    ("misleading-claim", "Avec cette technique, zéro risque et un rétablissement immédiat."),
    ("superlative", "Le cabinet le plus réputé de la région pour la chirurgie du nez."),
    ("rating", "Merci pour vos 250 avis cinq étoiles sur Google !"),
    ("rating", "Notre cabinet affiche une note de 4,9 sur 5 sur Doctolib."),
    ("solicitation", "Envoyez-moi vos photos en message privé et je vous dis ce qui est possible."),
    ("solicitation", "Écrivez-nous en DM pour recevoir une estimation personnalisée."),
    ("sponsored", "Code partenaire TACT10 pour obtenir une réduction sur la crème cicatrisante."),
    ("sponsored", "Collaboration commerciale avec une marque de sérums, lien dans ma bio."),
    ("comparison", "Contrairement aux autres chirurgiens de la ville, nous obtenons des résultats "
                   "parfaits."),
    ("patient-identity", "Bravo à Chloé, opérée d'une rhinoplastie mardi dernier, qui se remet "
                         "très bien."),
    ("title", "Chirurgienne experte en rhinoplastie ultra-naturelle, spécialiste reconnue du "
              "visage."),
    ("dignity", "Ambiance boîte de nuit au bloc aujourd'hui, la patiente dansait presque sur la "
                "table 😂"),
]
PARAPHRASE_SHARE = 0.8

EDUCATIONAL = [
    "Les suites d'une rhinoplastie comportent un œdème qui diminue progressivement sur plusieurs "
    "mois.",
    "Le tabac augmente le risque de complications de cicatrisation : arrêtez-le un mois avant "
    "l'intervention.",
    "Un délai de réflexion de quinze jours est obligatoire entre le devis et l'opération.",
    "Chaque intervention comporte des risques, dont nous parlons en détail pendant la "
    "consultation.",
    "La lipoaspiration ne fait pas maigrir : elle traite des amas graisseux localisés.",
    "Portez la gaine de contention jour et nuit pendant six semaines.",
    "Les implants mammaires ne sont pas des dispositifs à vie et doivent être surveillés.",
    "Le cabinet sera fermé du 1er au 15 août ; en cas d'urgence, contactez la clinique.",
    "Avant toute injection, vérifiez que votre praticien est inscrit au tableau de l'Ordre.",
    "La cicatrice d'une abdominoplastie met souvent un an à s'estomper.",
]


def _trainer():
    path = ROOT / "scripts" / "train_model.py"
    spec = importlib.util.spec_from_file_location("train_model", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_model"] = mod      # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def training():
    trainer = _trainer()
    engine = trainer.training_engine()
    items, cats = trainer.build_items(engine)
    return trainer, engine, items, cats


@pytest.fixture(scope="module")
def model():
    m = SecondOpinion.load(MODEL)
    assert m is not None, f"{MODEL} is missing: run scripts/train_model.py"
    return m


def test_model_trained_on_current_data(training):
    trainer, engine, items, cats = training
    stored = json.loads(MODEL.read_text(encoding="utf-8"))
    current = trainer.digest(items, cats, trainer.references(engine, cats),
                             trainer.concept_words(engine))
    assert stored["data_digest"] == current, (
        "the training data (rule examples, corpora, the engine's findings on them, or the "
        "training settings) changed since resources/model/second-opinion.json was built: "
        "run scripts/train_model.py")
    # Evaluation sets are never training data.
    blind = trainer.NEVER
    assert {"blind2", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14",
            "blind15"} <= set(blind)
    assert not any(it.group.startswith(tuple(f"post:{b}/" for b in blind)) for it in items)
    assert not any(b in c for b in blind for c in stored["training"]["corpora"])


def test_a_measuring_model_never_replaces_the_bundled_one():
    """``--hold-out`` leaves data out to measure on it: without ``--out`` it must refuse to run
    rather than overwrite resources/model/second-opinion.json."""
    before = MODEL.read_bytes()
    with pytest.raises(SystemExit):
        _trainer().main(["--hold-out"])
    assert MODEL.read_bytes() == before


def test_sentence_bank_items_are_labelled_one_by_one(training, tmp_path):
    """A violating sentence of the bank teaches its own category only; an innocent one is a
    negative of every category; neither is a post (thresholds are calibrated on posts)."""
    trainer, engine, _, cats = training
    bank = tmp_path / "bank.yaml"
    bank.write_text("positives:\n  pricing:\n    - \"Dernière semaine à -20 % sur le lifting.\"\n"
                    "negatives:\n  - \"Le devis détaillé est remis en consultation.\"\n",
                    encoding="utf-8")
    positive, negative = trainer.bank_items(engine, cats, [bank])
    assert positive.labels == {"pricing": 1}
    assert negative.labels == {c: 0 for c in cats}
    assert not positive.post and not negative.post
    assert positive.group != negative.group
    assert [t for t, _ in positive.tokens][:2] == ["derniere", "semaine"]


def test_model_file_is_consistent(model):
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert model.categories, "no category has a threshold"
    for name, c in data["categories"].items():
        assert len(c["buckets"]) == len(c["weights"])
        assert all(w != 0 for w in c["weights"])
        if c["threshold"] is not None:
            assert 0.5 <= c["threshold"] < 1
            assert c["reference"], name
            assert c["examples"], name


def _texts(items):
    return {" ".join(it.text.split()) for it in items}


def _tokens(engine, text):
    an = engine.check(text)
    return [(u, ts, te) for u, ts, te in prose_sentences(an)], an


def test_paraphrases_of_violations_score_above_educational_sentences(training, model):
    """For each category the model reports, its paraphrases (written for this test) score higher
    than every educational sentence: the model ranks a rewording of a violation above honest
    information, even where its threshold (calibrated per post, at a held-out precision of 0.9)
    leaves the final word to the rules."""
    trainer, engine, items, _ = training
    seen = _texts(items)
    compared = 0
    for cat, text in PARAPHRASES:
        assert text not in seen, f"not a paraphrase, it is training data: {text}"
        sentences, _ = _tokens(engine, text)
        assert len(sentences) == 1, text
        if cat not in model.categories:
            continue
        score = model.scores(sentence_tokens(*sentences[0]))[cat]
        for edu in EDUCATIONAL:
            for s in _tokens(engine, edu)[0]:
                compared += 1
                assert model.scores(sentence_tokens(*s))[cat] < score, (cat, text, edu)
    assert compared


def test_paraphrases_are_reported_by_a_rule_or_by_the_model(training, model):
    """The whole chain as the engine will run it: the model on what the rules left alone."""
    _, engine, _, _ = training
    reported = 0
    for cat, text in PARAPHRASES:
        an = engine.check(text)
        extra = model.check(an, an.findings)
        cats = {f.category for f in an.findings + extra if f.severity in ("warning", "error")}
        reported += cat in cats
    assert reported >= PARAPHRASE_SHARE * len(PARAPHRASES)


def test_thresholds_were_calibrated_per_post_out_of_fold():
    """The file records the held-out figures per post its thresholds were chosen on: the model
    adds catches to the rules' and, held out, no educational post is alarmed and the alarms it
    adds keep a precision of 0.9; a category with nothing to learn a threshold from keeps the
    prior threshold (0.9), never one an educational sentence reaches."""
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    held = data["training"]["held_out_posts"]
    assert held["educational_alarms"] == 0
    assert held["added"] >= 1
    assert held["added"] >= 9 * held["false"]
    settings = data["settings"]
    for name, c in data["training"]["cross_validation"].items():
        if c["threshold"] is None:
            continue
        # Above every educational sentence of the training posts, plus the margin.
        assert c["threshold"] >= min(0.9999, c["edu_max"] + settings["margin"]) - 1e-4, name
        if c.get("prior"):
            # No held-out gain to choose from: the prior threshold, never below it.
            assert settings["prior_threshold"] - 1e-4 <= c["threshold"] < settings["max_threshold"]
        else:
            assert c["tp"] >= 9 * c["fp"], name


def test_educational_sentences_stay_silent(training, model):
    _, engine, items, _ = training
    seen = _texts(items)
    for text in EDUCATIONAL:
        assert text not in seen
        sentences, an = _tokens(engine, text)
        for u, ts, te in sentences:
            scores = model.scores(sentence_tokens(u, ts, te))
            over = [c for c, t in zip(model.categories, model.thresholds) if scores[c] >= t]
            assert not over, (text, over)
        assert model.check(an, []) == []


def _corpus_posts():
    import yaml

    from editor.document.post import read_text

    for name in ("corpus", "blind", "blind3", "realworld", "subtle", "varied", "varied2", "varied3",
                 "varied4"):
        spec_path = ROOT / "tests" / name / "posts.yaml"
        if not spec_path.is_file():
            continue
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield read_text(spec_path.with_suffix("") / f"{case}.md")


def test_model_findings_never_touch_a_flagged_sentence(training, model):
    _, engine, _, _ = training
    texts = list(_corpus_posts())
    texts += [ex.text for r in engine.rules.rules for ex in r.flag_examples + r.ok_examples]
    texts += [t for _, t in PARAPHRASES]
    found = 0
    for text in texts:
        an = engine.check(text)
        extra = model.check(an, an.findings)
        rules = [f for f in an.findings if f.severity in ("warning", "error")]
        sentences = {(u.span(ts, te)) for u, ts, te in prose_sentences(an)}
        for f in extra:
            found += 1
            assert (f.start, f.end) in sentences
            assert not any(r.start < f.end and f.start < r.end for r in rules), (text, f)
            assert f.rule == f"model.{f.category}" and f.severity == "warning"
            assert f.message == MESSAGE and f.reference
            assert 0 < f.extra["score"] <= 1
            assert f.extra["explanation"].count("«\u00a0") >= 1
            assert "\u00a0»" in f.extra["explanation"]
            assert f.key == " ".join(f.key.split()) and f.key
        # The engine will pass them through finalize with the rules' findings.
        merged = finalize(an.findings + extra, text)
        assert len([f for f in merged if f.rule.startswith("model.")]) == len(extra)
    assert found >= 1


def test_short_sentences_are_not_scored(training, model):
    _, engine, _, _ = training
    an = engine.check("Merci beaucoup !\n\nÀ bientôt.")
    assert all(word_count(sentence_tokens(*s)) < 3 for s in prose_sentences(an))
    assert model.check(an, []) == []


def test_scoring_a_long_post_is_fast(training, model):
    """About 0.3 ms for a 2,200-character post once its words were seen, 2-3 ms the first time
    (measured on the development machine); the bound here leaves room for a slow CI."""
    _, engine, _, _ = training
    text = (ROOT / "benchmarks" / "posts" / "long-2200.md").read_text(encoding="utf-8")
    an = engine.check(text)
    model.check(an, [])
    best = min(_timed(model, an) for _ in range(20))
    assert best < 0.01


def _timed(model, an) -> float:
    t0 = time.perf_counter()
    model.check(an, [])
    return time.perf_counter() - t0


def test_missing_model_file_is_none(tmp_path):
    assert SecondOpinion.load(tmp_path / "none.json") is None


def test_default_path_is_the_bundled_resource():
    assert SecondOpinion.default_path().parts[-3:] == ("resources", "model", "second-opinion.json")


def _model_catch(engine, model):
    """A labelled post where the model reports a sentence the rules left alone (its training
    data: the model's thresholds are set so that it reports little), and the model's findings."""
    for text in _corpus_posts():
        an = engine.check(text)
        got = model.check(an, an.findings)
        if got:
            return text, an, got
    raise AssertionError("the model reports nothing on its own training posts")


def test_categories_switched_off_are_not_reported(training, model):
    _, engine, _, _ = training
    _, an, found = _model_catch(engine, model)
    got = {f.category for f in found}
    assert model.check(an, an.findings, categories=set()) == []
    assert model.check(an, an.findings, categories=set(model.categories) - got) == []


def test_describe_is_french_with_quotes(model):
    text = model.describe(model.categories[0])
    assert text.startswith("Second avis statistique\u202f:")
    assert "«\u00a0" in text and "\u00a0»" in text
    assert model.describe("no-such-category") == ""


# -- wired into the engine: what `tact check`, the editor and the export see ---------------------

def test_the_engine_reports_the_second_opinion_and_explains_it(training, model):
    from editor.compliance.service import make_engine

    with_model, _ = make_engine(spelling=False)
    rules_alone, _ = make_engine(spelling=False, model=False)
    text, _, _ = _model_catch(training[1], model)
    assert not [f for f in rules_alone.check(text).findings if f.rule.startswith("model.")]
    got = [f for f in with_model.check(text).findings if f.rule.startswith("model.")]
    # a hint for the reviewer (README « Mesures »: not precise enough to count as a problem)
    assert got and got[0].severity == "info" and got[0].message == MESSAGE
    assert got[0].extra["explanation"].startswith("Aucune règle ne relève cette phrase")


def test_a_refuted_sentence_is_left_alone_by_the_model():
    from editor.compliance.service import make_engine

    engine, _ = make_engine(spelling=False)
    for text in ("Idée reçue : le résultat est garanti à vie.",
                 "Un résultat garanti à vie ? C'est faux."):
        assert engine.check(text).findings == [], text


def test_rules_explain_names_the_model(capsys):
    from editor.cli import main

    category = SecondOpinion.load(MODEL).categories[0]
    assert main(["rules", "explain", f"model.{category}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"model.{category} — {category}, info")
    assert "Second avis statistique" in out
    assert main(["rules", "explain", "model.nothing"]) == 2
