"""Train the statistical second opinion (src/editor/compliance/model.py) on every labelled post.

    .venv/bin/python scripts/train_model.py            # writes resources/model/second-opinion.json
    .venv/bin/python scripts/train_model.py --check    # only says whether the file is up to date

Training data, one item per sentence (the engine's own sentences and tokens):

* the rules' flag examples: the sentence holding the marked span is a positive of the rule's
  category (rules of severity warning or error, scored categories only);
* the rules' ok examples: negatives of the rule's category (and of every other category the
  engine does not flag in them);
* the labelled corpora (tests/corpus, tests/blind, tests/blind3, tests/realworld, tests/subtle when
  present; never tests/blind2, tests/blind4–6 or shared/eval, kept for evaluation):
  every sentence of an educational post (``expect: []``) is a negative of every category it
  does not allow; in a violating post, a sentence the engine flags with an expected category is
  a positive of it, and every sentence is a negative of the categories the post neither expects
  nor allows (the labels say they are not in it). A sentence of a violating post is never a
  negative of an expected category: it may hold the violation the rules missed. (Making the
  unflagged sentences of violating posts negatives of every category, ``unflagged_negatives``,
  was tried: held-out alarms in posts that expect the category fell from 10 to 3, so it is off.)

One-vs-rest logistic regression per scored category, by stochastic gradient descent with L2
regularisation (fixed seed, plain Python), weights pruned and rounded. Each category's threshold
is the lowest score at which the out-of-fold predictions of a K-fold cross-validation (folds by
post and by rule) keep precision ≥ 0.95 and no sentence of an educational post, that the rules
left alone, is over it. The file records a digest of the training data and settings; the test
suite fails when the data changed and the model was not retrained.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import yaml  # noqa: E402

from editor.compliance import model as M  # noqa: E402
from editor.compliance.engine import Engine  # noqa: E402
from editor.compliance.rules import SCORED_CATEGORIES, load_rules  # noqa: E402
from editor.document.post import read_text  # noqa: E402

OUT = ROOT / "resources" / M.MODEL_FILE
# Labelled corpora used for training. Evaluation sets (tests/blind2, tests/blind4–7,
# shared/eval) are never read here.
CORPORA = ("corpus", "blind", "blind3", "realworld", "subtle", "varied")
NEVER = ("blind2", "blind4", "blind5", "blind6", "blind7")

SETTINGS = {
    "seed": 20240601,
    "folds": 5,
    "epochs": 12,
    "eta0": 0.5,
    "l2": 1e-5,
    "positive_weight": 10.0,    # cap of the class weight of positives (negatives weigh 1)
    "prune": 0.2,              # weights below this (absolute) are dropped
    "quantum": 0.001,          # weights are stored as integers of this step
    "precision": 0.95,         # held-out, per category: the rules' own target (README)
    "margin": 0.02,            # threshold above the highest educational score
    "min_threshold": 0.5,
    "unflagged_negatives": False,   # unflagged sentences of violating posts: negatives of all
}


@dataclass
class Item:
    text: str                          # the sentence as written
    tokens: list                       # (norm, kind)
    group: str                         # cross-validation group: a post or a rule
    labels: dict = field(default_factory=dict)   # category -> 1 / 0; absent: not labelled
    educational: bool = False          # a sentence of a post with expect: []
    flagged: bool = False              # a finding of the rules (spelling aside) touches it
    post_ok: frozenset = frozenset()   # expect ∪ allow of its post (None for rule examples)
    post: bool = False


def _sentences(an):
    for u, ts, te in M.prose_sentences(an):
        start, end = u.span(ts, te)
        yield start, end, M.sentence_tokens(u, ts, te)


def _flags(an, start, end):
    """Categories of the warning/error findings touching the span, and whether any rule finding
    touches it (the engine leaves such sentences to the rules, as ``SecondOpinion.check`` does)."""
    cats = set()
    any_flag = False
    for f in an.findings:
        if f.category != "spelling" and f.start < end and start < f.end:
            any_flag = True
            if f.severity in ("warning", "error"):
                cats.add(f.category)
    return cats, any_flag


def corpus_files() -> list[Path]:
    out = []
    for name in CORPORA:
        assert name not in NEVER
        p = ROOT / "tests" / name / "posts.yaml"
        if p.is_file():
            out.append(p)
    return out


def build_items(engine: Engine) -> tuple[list[Item], list[str]]:
    rs = engine.rules
    scored = set(SCORED_CATEGORIES)
    for p in corpus_files():
        spec = yaml.safe_load(p.read_text(encoding="utf-8"))
        scored |= set(spec.get("scored", []))
    cats = sorted(scored)
    items: list[Item] = []
    for rule in rs.rules:
        if rule.category not in scored or rule.severity not in ("warning", "error"):
            continue
        group = f"rule:{rule.id}"
        for ex in rule.flag_examples:
            an = engine.check(ex.text)
            span = ex.span
            if span is None:
                own = [f for f in an.findings if f.rule == rule.id]
                span = (own[0].start, own[0].end) if own else None
            for start, end, toks in _sentences(an):
                if span is not None and not (span[0] < end and start < span[1]):
                    continue
                flagged, any_flag = _flags(an, start, end)
                labels = {c: 0 for c in cats}
                for c in (flagged & scored) | {rule.category}:
                    labels[c] = 1
                items.append(Item(ex.text[start:end], toks, group, labels, flagged=any_flag))
        for ex in rule.ok_examples:
            an = engine.check(ex.text)
            for start, end, toks in _sentences(an):
                flagged, any_flag = _flags(an, start, end)
                labels = {c: 0 for c in cats}
                for c in (flagged & scored) - {rule.category}:
                    labels[c] = 1
                items.append(Item(ex.text[start:end], toks, group, labels, flagged=any_flag))
    for p in corpus_files():
        spec = yaml.safe_load(p.read_text(encoding="utf-8"))
        folder = p.with_suffix("")
        corpus = p.parent.name
        for name, case in spec["cases"].items():
            text = read_text(folder / f"{name}.md")
            an = engine.check(text)
            expect = set(case["expect"])
            ok = frozenset(expect | set(case.get("allow", [])))
            group = f"post:{corpus}/{name}"
            for start, end, toks in _sentences(an):
                flagged, any_flag = _flags(an, start, end)
                labels = {}
                for c in cats:
                    if c not in ok:
                        labels[c] = 0
                    elif c in expect and c in flagged:
                        labels[c] = 1
                    elif SETTINGS["unflagged_negatives"] and expect and not any_flag:
                        labels[c] = 0
                items.append(Item(text[start:end], toks, group, labels,
                                  educational=not expect, flagged=any_flag, post_ok=ok,
                                  post=True))
    return items, cats


def training_engine() -> Engine:
    """The engine as the application builds it (the speller's words tell typos from words),
    without the user's settings or personal dictionary, so that training is reproducible."""
    import tempfile

    from editor.spelling.checker import Speller

    with tempfile.TemporaryDirectory() as empty:
        speller = Speller(data_dir=Path(empty))
    return Engine(load_rules(), None, memo=False, dictionary=speller)


def references(engine: Engine, cats: list[str]) -> dict[str, str]:
    """Each category's legal reference: that of its first rule (file order) of severity
    warning/error."""
    out: dict[str, str] = {}
    for rule in engine.rules.rules:
        if rule.category in cats and rule.category not in out and rule.reference \
                and rule.severity in ("warning", "error"):
            out[rule.category] = rule.reference
    return out


def digest(items: list[Item], cats: list[str], refs: dict[str, str]) -> str:
    h = hashlib.sha256()
    h.update(json.dumps({"settings": SETTINGS, "format": M.FORMAT, "bits": M.BITS,
                         "ngrams": M.NGRAMS, "min_words": M.MIN_WORDS,
                         "word_weight": M.WORD_WEIGHT, "bigram_weight": M.BIGRAM_WEIGHT,
                         "categories": cats, "references": refs}, sort_keys=True).encode())
    for it in items:
        h.update(json.dumps([it.text, it.tokens, it.group, sorted(it.labels.items()),
                             it.educational, it.flagged, sorted(it.post_ok), it.post],
                            ensure_ascii=False).encode())
    return h.hexdigest()


# --- training ----------------------------------------------------------------------------------
def fold_of(group: str, k: int) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) % k


def train_category(data: list[tuple[list[int], float, int]], settings: dict, seed: int):
    """Logistic regression by SGD with L2 (w = a * v, the usual trick for sparse updates).

    ``data``: (features with repetition, scale 1/sqrt(n), label 0/1). Returns (weights dict,
    bias)."""
    n_pos = sum(y for _, _, y in data)
    n_neg = len(data) - n_pos
    if not n_pos or not n_neg:
        return {}, (-10.0 if not n_pos else 10.0)
    wpos = min(settings["positive_weight"], n_neg / n_pos)
    lam = settings["l2"]
    eta0 = settings["eta0"]
    v = [0.0] * (1 << M.BITS)
    a = 1.0
    b = 0.0
    rng = random.Random(seed)
    order = list(range(len(data)))
    t = 0
    exp = math.exp
    for _ in range(settings["epochs"]):
        rng.shuffle(order)
        for i in order:
            feats, s, y = data[i]
            eta = eta0 / (1.0 + eta0 * lam * t)
            t += 1
            z = a * s * sum(map(v.__getitem__, feats)) + b
            if z >= 0:
                p = 1.0 / (1.0 + exp(-z))
            else:
                e = exp(z)
                p = e / (1.0 + e)
            g = (p - y) * (wpos if y else 1.0)
            a *= 1.0 - eta * lam
            if g > 1e-4 or g < -1e-4:
                d = -eta * g * s / a
                for j in feats:
                    v[j] += d
                b -= eta * g * 0.1
            if a < 1e-6:
                v = [x * a for x in v]
                a = 1.0
    w = {j: x * a for j, x in enumerate(v) if x}
    return w, b


def logit(w: dict, b: float, feats: list[int], s: float) -> float:
    return b + s * sum(w.get(j, 0.0) for j in feats)


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def prune(w: dict, settings: dict) -> dict:
    q = settings["quantum"]
    out = {}
    for j, x in w.items():
        if abs(x) >= settings["prune"]:
            out[j] = round(x / q)
    return out


def featurize(items: list[Item]):
    out = []
    for it in items:
        f = M.sentence_features(it.tokens)
        out.append((f, 1.0 / math.sqrt(len(f)) if f else 0.0))
    return out


def fit(items, feats, cats, settings, subset=None, seed_offset=0):
    """One model per category on the items of ``subset`` (indices); returns {cat: (w, b)}."""
    models = {}
    idx = range(len(items)) if subset is None else subset
    for ci, c in enumerate(cats):
        data = [(feats[i][0], feats[i][1], items[i].labels[c]) for i in idx
                if c in items[i].labels and feats[i][0]]
        w, b = train_category(data, settings, settings["seed"] + 1000 * ci + seed_offset)
        q = settings["quantum"]
        models[c] = ({j: x * q for j, x in prune(w, settings).items()}, b)
    return models


def scorable(it: Item) -> bool:
    return M.word_count(it.tokens) >= M.MIN_WORDS


def calibrate(items, oof, cats, settings):
    """Per category: threshold, and the held-out figures at that threshold."""
    out = {}
    for c in cats:
        labelled = [(oof[i][c], items[i].labels[c]) for i in range(len(items))
                    if c in items[i].labels and scorable(items[i])]
        # Educational sentences the model would read (no rule finding on them), for the
        # categories their post does not allow.
        edu = [oof[i][c] for i in range(len(items))
               if items[i].educational and not items[i].flagged and c not in items[i].post_ok
               and scorable(items[i])]
        edu_max = max(edu, default=0.0)
        floor = max(settings["min_threshold"], edu_max + settings["margin"])
        labelled.sort(key=lambda x: -x[0])
        # The lowest cut whose held-out precision is >= target (the most recall at that
        # precision), at or above the floor.
        tp = fp = 0
        best = None
        for k, (sc, y) in enumerate(labelled):
            tp += y
            fp += 1 - y
            if k + 1 < len(labelled) and labelled[k + 1][0] == sc:
                continue
            if sc < floor:
                break
            if tp and tp / (tp + fp) >= settings["precision"]:
                best = sc
        if best is None:
            out[c] = {"threshold": None, "edu_max": round(edu_max, 4)}
            continue
        thr = max(floor, best)
        tp = sum(1 for sc, y in labelled if sc >= thr and y)
        fp = sum(1 for sc, y in labelled if sc >= thr and not y)
        pos = sum(y for _, y in labelled)
        out[c] = {"threshold": round(thr, 4), "edu_max": round(edu_max, 4), "tp": tp, "fp": fp,
                  "positives": pos, "precision": round(tp / max(1, tp + fp), 3),
                  "recall": round(tp / max(1, pos), 3)}
    return out


def deployment_figures(items, oof, cats, thresholds):
    """Held-out alarms where the model would run (unflagged sentences of posts): right when the
    post expects or allows the category."""
    right = wrong = 0
    edu_alarms = 0
    for i, it in enumerate(items):
        if not it.post or it.flagged or not scorable(it):
            continue
        for c in cats:
            t = thresholds.get(c)
            if t is None or oof[i][c] < t:
                continue
            if c in it.post_ok:
                right += 1
            else:
                wrong += 1
                edu_alarms += it.educational
    return {"right": right, "wrong": wrong, "educational_alarms": edu_alarms}


def cross_validate(items, feats, cats, settings):
    k = settings["folds"]
    folds = [fold_of(it.group, k) for it in items]
    oof: list[dict] = [dict() for _ in items]
    for f in range(k):
        train = [i for i in range(len(items)) if folds[i] != f]
        test = [i for i in range(len(items)) if folds[i] == f]
        models = fit(items, feats, cats, settings, train, seed_offset=f + 1)
        for i in test:
            for c, (w, b) in models.items():
                oof[i][c] = sigmoid(logit(w, b, *feats[i]))
    return oof


def encode(w: dict) -> tuple[list[int], list[int]]:
    buckets, weights = [], []
    prev = 0
    for j in sorted(w):
        buckets.append(j - prev)
        weights.append(w[j])
        prev = j
    return buckets, weights


def examples_of(items, c, limit=400) -> list[str]:
    seen = set()
    out = []
    for it in items:
        if it.labels.get(c) == 1:
            key = " ".join(n for n, _ in it.tokens)
            text = " ".join(it.text.split())
            if key in seen or not text:
                continue
            seen.add(key)
            out.append(text)
    out.sort(key=lambda x: (len(x), x))
    return out[:limit]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="only compare the training data with the one the file was built from")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    engine = training_engine()
    items, cats = build_items(engine)
    refs = references(engine, cats)
    dg = digest(items, cats, refs)
    if args.check:
        try:
            stored = json.loads(args.out.read_text(encoding="utf-8")).get("data_digest")
        except FileNotFoundError:
            stored = None
        print("up to date" if stored == dg else "out of date: run scripts/train_model.py")
        return 0 if stored == dg else 1
    feats = featurize(items)
    print(f"{len(items)} sentences from {len({it.group for it in items})} posts and rules; "
          f"digest {dg[:12]}")
    for c in cats:
        pos = sum(1 for it in items if it.labels.get(c) == 1)
        neg = sum(1 for it in items if it.labels.get(c) == 0)
        print(f"  {c:17} {pos:4} positives {neg:5} negatives")
    oof = cross_validate(items, feats, cats, SETTINGS)
    cal = calibrate(items, oof, cats, SETTINGS)
    thresholds = {c: cal[c]["threshold"] for c in cats}
    dep = deployment_figures(items, oof, cats, thresholds)
    print(f"held-out ({SETTINGS['folds']}-fold) thresholds:")
    for c in cats:
        r = cal[c]
        if r["threshold"] is None:
            print(f"  {c:17} off (no threshold keeps precision ≥ {SETTINGS['precision']} "
                  f"above the educational maximum {r['edu_max']:.3f})")
        else:
            print(f"  {c:17} {r['threshold']:.3f}  precision {r['precision']:.2f} "
                  f"recall {r['recall']:.2f} ({r['tp']}/{r['positives']}, {r['fp']} false)  "
                  f"educational max {r['edu_max']:.3f}")
    print(f"held-out alarms on sentences the rules left alone: {dep['right']} in a post that "
          f"expects/allows the category, {dep['wrong']} elsewhere "
          f"({dep['educational_alarms']} in educational posts)")
    models = fit(items, feats, cats, SETTINGS)
    q = SETTINGS["quantum"]
    out = {"format": M.FORMAT, "bits": M.BITS, "ngrams": list(M.NGRAMS), "scale": q,
           "data_digest": dg, "settings": SETTINGS,
           "training": {"sentences": len(items), "groups": len({it.group for it in items}),
                        "corpora": [str(p.relative_to(ROOT)) for p in corpus_files()],
                        "cross_validation": cal, "held_out_alarms": dep},
           "categories": {}}
    nonzero = 0
    for c in cats:
        w, b = models[c]
        if thresholds[c] is None:      # switched off: its weights would only take room
            w = {}
        ints = {j: round(x / q) for j, x in w.items()}
        ints = {j: x for j, x in ints.items() if x}
        nonzero += len(ints)
        buckets, weights = encode(ints)
        out["categories"][c] = {"threshold": thresholds[c], "bias": round(b, 4),
                                "reference": refs.get(c, ""), "buckets": buckets,
                                "weights": weights, "examples": examples_of(items, c)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
          f"{len(text.encode()) / 1024:.0f} KiB, {nonzero} non-zero weights, "
          f"{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
