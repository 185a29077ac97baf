"""A statistical second opinion: a small linear classifier run on the sentences no rule flagged.

Trained by ``scripts/train_model.py`` on every labelled sentence the project has (the rules' own
examples and the labelled corpora), it gives each sentence of the prose one score per scored
category; above the category's threshold it reports a ``warning`` finding ``model.<category>``.
Thresholds are calibrated as the model is used: per post, on the sentences no rule touched, out
of fold, so that the alarms it adds keep a held-out precision of 0.9 and no educational post is
flagged; a category where it adds nothing at that precision is switched off (no threshold).

Features are hashed (CRC-32, ``2**BITS`` buckets) and read the engine's folded tokens:

* word unigrams and bigrams (numbers, links and @mentions reduced to a placeholder),
* character n-grams (3 to 5) of each word, between ``<`` and ``>`` marks (hashtags without ``#``),
* the concepts of the rules' word lists a word belongs to (:func:`concept_table`: the file holds
  each list's words), so that a wording the training never saw shares evidence with the ones it
  saw when their words are in the same list,
* sentence cues (a negation, a quotation, a question).

A sentence's vector counts its features and is scaled by ``1 / sqrt(number of features)``, so its
score is additive over its tokens: each word's share (its unigram and n-grams) and each bigram's
are computed once and kept, and scoring a sentence adds a few cached vectors. Plain Python only.
"""
from __future__ import annotations

import hashlib
import json
import math
import zlib
from array import array
from bisect import bisect_left
from enum import Enum
from pathlib import Path
from typing import Final

from editor.compliance.findings import Finding
from editor.document.projection import IMAGE_MARK, PROSE_SCOPES
from editor.text.fold import light
from editor.text.tokens import tokenize

FORMAT = 1
BITS = 18
MASK = (1 << BITS) - 1
NGRAMS = (3, 4, 5)
WORD_WEIGHT = 3         # a unigram counts as this many features (char n-grams count once)
BIGRAM_WEIGHT = 3       # and a bigram as this many
CONCEPT_WEIGHT = 2      # and a word's concept (a word list of the rules it belongs to)
MIN_WORDS = 3           # shorter sentences ("Merci !") are not scored
MESSAGE = "Formulation proche de publications signalées"
MODEL_FILE = Path("model") / "second-opinion.json"
CACHE_PREFIX = "model-"     # the built model in the user's cache folder (see SecondOpinion._built)

_CHAR_KINDS = frozenset(("word", "elision", "hashtag"))
_PLACEHOLDERS = {"num": "<n>", "url": "<url>", "email": "<url>", "mention": "<@>"}
_CACHE_MAX = 200_000     # cached words and bigrams (about 100 bytes each) before starting afresh
_SENTENCES_MAX = 20_000  # sentences whose logits are remembered (about 1 KB each)


class _Unseen(Enum):
    """A bigram not looked up yet (None is a looked-up bigram the model does not know)."""
    TOKEN = 0


_UNSEEN: Final = _Unseen.TOKEN


class _SpanIndex:
    """Whether a span overlaps any of a set of spans: a bisection instead of a scan, so that
    judging every sentence of a long post stays linear."""

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach: list[int] = []      # furthest end among the spans up to each index
        reach = -1
        for _, e in spans:
            reach = max(reach, e)
            self._reach.append(reach)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)   # spans starting before ``end``
        return i > 0 and self._reach[i - 1] > start


# --- features (shared with the training script) ------------------------------------------------
def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & MASK


_CHAR_SEED = zlib.crc32(b"c\x1f")     # CRC-32 is streamed: crc32(g, seed) == crc32(b"c\x1f" + g)


def token_word(norm: str, kind: str) -> str:
    """What a token counts as for the features: its folded form or a placeholder."""
    p = _PLACEHOLDERS.get(kind)
    if p is not None:
        return p
    if norm == IMAGE_MARK:
        return "<img>"
    return norm


def word_features(word: str, kind: str) -> list[int]:
    """The unigram and the character n-grams of one token."""
    out = [bucket("w\x1f" + word)] * WORD_WEIGHT
    if kind in _CHAR_KINDS:
        body = word[1:] if kind == "hashtag" else word
        padded = f"<{body}>"
        crc, seed, size = zlib.crc32, _CHAR_SEED, len(padded)
        if padded.isascii():   # byte slices are character slices
            raw = padded.encode()
            out += [crc(raw[i:i + n], seed) & MASK for n in NGRAMS for i in range(size - n + 1)]
        else:
            out += [crc(padded[i:i + n].encode("utf-8"), seed) & MASK
                    for n in NGRAMS for i in range(size - n + 1)]
    return out


def bigram_feature(prev: str, word: str) -> int:
    return bucket("b\x1f" + prev + " " + word)


_CUE_NEG, _CUE_QUOTE, _CUE_QUESTION = (bucket("f\x1f" + x) for x in ("neg", "quote", "question"))


# Sentence-wide cues: a negation, a quotation or a question often turns a claim into its
# refutation (« Aucun résultat n'est garanti », « “Sans cicatrice” ? Non. »).
_NEGATORS = frozenset(("ne", "n'", "pas", "ni", "aucun", "aucune", "jamais", "sans", "non",
                       "rien", "nul", "nulle"))
_QUOTES = frozenset(("«", "»", '"'))


def sentence_cues(tokens) -> list[int]:
    norms = {n for n, _ in tokens}
    out = []
    if norms & _NEGATORS:
        out.append(_CUE_NEG)
    if norms & _QUOTES:
        out.append(_CUE_QUOTE)
    if "?" in norms:
        out.append(_CUE_QUESTION)
    return out


def concept_table(concepts: dict[str, list[str]]) -> dict[str, tuple[int, ...]]:
    """Word -> the features of the concepts (the rules' word lists, given as list -> words) it
    belongs to, each repeated :data:`CONCEPT_WEIGHT` times: « inégalé », « imbattable » and
    « incomparable » all give ``k:concept-unmatched``, so a wording of the concept the training
    never saw shares the evidence of the ones it saw."""
    table: dict[str, list[int]] = {}
    for name, words in sorted(concepts.items()):
        b = bucket("k\x1f" + name)
        for w in words:
            table.setdefault(w, []).extend([b] * CONCEPT_WEIGHT)
    return {w: tuple(v) for w, v in table.items()}


def _concepts_of(word: str, kind: str, table) -> tuple[int, ...]:
    if not table or kind not in _CHAR_KINDS:
        return ()
    return table.get(word[1:] if kind == "hashtag" else word, ())


def sentence_features(tokens: list[tuple[str, str]], concepts=None) -> list[int]:
    """Every feature of a sentence given as ``(norm, kind)`` tokens, repeated as often as it
    occurs (the training script counts them; the vector is this count / sqrt(len));
    ``concepts``: the :func:`concept_table` of the model."""
    out: list[int] = sentence_cues(tokens)
    prev = None
    for norm, kind in tokens:
        w = token_word(norm, kind)
        out.extend(word_features(w, kind))
        out.extend(_concepts_of(w, kind, concepts))
        if prev is not None:
            out.extend([bigram_feature(prev, w)] * BIGRAM_WEIGHT)
        prev = w
    return out


def word_count(tokens) -> int:
    return sum(1 for _, kind in tokens if kind == "word")


def prose_sentences(an):
    """``(unit, first token, end token)`` of every sentence of the prose units of an analysis."""
    for u in an.units:
        if u.scope not in PROSE_SCOPES:
            continue
        sent = u.toks.sentence
        n = len(sent)
        ts = 0
        while ts < n:
            s = sent[ts]
            te = ts + 1
            while te < n and sent[te] == s:
                te += 1
            yield u, ts, te
            ts = te


def sentence_tokens(u, ts: int, te: int) -> list[tuple[str, str]]:
    t = u.toks
    return list(zip(t.norm[ts:te], t.kind[ts:te]))


def _quote(text: str, limit: int = 140) -> str:
    """A training sentence as a French quotation: inner « » become “ ”, long ones are cut."""
    text = " ".join(text.split()).replace("'", "’")
    text = (text.replace("«\u00a0", "“").replace("\u00a0»", "”")
            .replace("« ", "“").replace(" »", "”").replace("«", "“").replace("»", "”"))
    if len(text) > limit:
        cut = text[:limit - 1].rsplit(" ", 1)[0]
        text = cut.rstrip(" ,;:") + "…"
    return f"«\u00a0{text}\u00a0»"


class _Weights:
    """Bucket -> the categories' weights, as a read-only mapping: an index of buckets and one
    flat array of numbers, which the cache reads back at once (a table of tuples took 40 ms to
    unpickle at every start)."""

    __slots__ = ("_index", "_flat", "_k")

    def __init__(self, vectors: dict[int, list[float]], k: int) -> None:
        self._k = k
        self._index = {b: i for i, b in enumerate(vectors)}
        self._flat = array("d", (x for v in vectors.values() for x in v))

    def get(self, bucket: int, default=None):
        i = self._index.get(bucket)
        if i is None:
            return default
        k = self._k
        return tuple(self._flat[i * k:(i + 1) * k])

    def __len__(self) -> int:
        return len(self._index)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Weights) and self._index == other._index \
            and self._flat == other._flat

    __hash__ = None     # type: ignore[assignment]  # mutable-looking: compared, never hashed

    def __getstate__(self):
        return (self._k, list(self._index), self._flat)

    def __setstate__(self, state) -> None:
        self._k, buckets, self._flat = state
        self._index = dict(zip(buckets, range(len(buckets))))


class SecondOpinion:
    """The trained model: ``check(analysis, findings)`` returns the model's extra findings."""

    _loaded: dict[str, "SecondOpinion"] = {}

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT or data.get("bits") != BITS:
            raise ValueError("second-opinion model: unsupported format")
        self.digest = data.get("data_digest", "")
        cats = [(name, c) for name, c in sorted(data["categories"].items())
                if c.get("threshold") is not None]
        self.categories = [name for name, _ in cats]
        self.thresholds = [float(c["threshold"]) for _, c in cats]
        self.references = [c.get("reference", "") for _, c in cats]
        self.examples = [list(c.get("examples", [])) for _, c in cats]
        self.bias = [float(c["bias"]) for _, c in cats]
        scale = float(data.get("scale", 1.0))
        k = len(cats)
        weights: dict[int, list[float]] = {}
        for ci, (_, c) in enumerate(cats):
            b = 0
            for delta, q in zip(c["buckets"], c["weights"]):
                b += delta
                vec = weights.get(b)
                if vec is None:
                    vec = weights[b] = [0.0] * k
                vec[ci] = q * scale
        self.weights = _Weights(weights, k)
        self.concepts = concept_table(data.get("concepts", {}))
        # Thresholds as logits: the comparison needs no exp().
        self._logit = [math.log(t / (1.0 - t)) if 0.0 < t < 1.0 else math.inf
                       for t in self.thresholds]
        self._zero = (0.0,) * k
        self._words: dict[tuple[str, str], tuple[int, tuple | None]] = {}
        self._sentences: dict[tuple, list[float]] = {}
        self._bigrams: dict[tuple[str, str], tuple | None] = {}
        self._near: dict[int, list[tuple[frozenset, str]]] = {}
        self._explained: dict[tuple[int, str], str] = {}

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def default_path(cls) -> Path:
        from editor.paths import resources_dir

        return resources_dir() / MODEL_FILE

    @classmethod
    def load(cls, path: Path | None = None) -> "SecondOpinion | None":
        """The model in ``path`` (the bundled one by default), read once; None when absent."""
        p = Path(path) if path is not None else cls.default_path()
        key = str(p)
        got = cls._loaded.get(key)
        if got is None:
            try:
                raw = p.read_bytes()
            except FileNotFoundError:
                return None
            got = cls._loaded[key] = cls._built(raw)
        return got

    @classmethod
    def _built(cls, raw: bytes) -> "SecondOpinion":
        """The model of the JSON file ``raw``. Merging the categories' weights into one table
        takes most of a process start-up's share of the model: the built model is kept in the
        user's cache folder (``model-<digest>.pickle``, keyed on the file and this module's
        code), like the compiled rule set."""
        from editor.compliance import rulecache
        from editor.paths import user_cache_dir

        h = hashlib.sha256(raw)
        h.update(rulecache.code_signature([__file__]))
        cache = user_cache_dir() / f"{CACHE_PREFIX}{h.hexdigest()[:32]}{rulecache.SUFFIX}"
        got = rulecache.load(cache, cls)
        if got is None:
            got = cls(json.loads(raw.decode("utf-8")))
            rulecache.store(cache, got, prefix=CACHE_PREFIX)
        return got

    # -- scoring --------------------------------------------------------------------------------
    def _word_share(self, word: str, kind: str) -> tuple[int, tuple | None]:
        feats = word_features(word, kind)
        feats.extend(_concepts_of(word, kind, self.concepts))
        vecs = [v for v in map(self.weights.get, feats) if v is not None]
        got = (len(feats), tuple(map(sum, zip(*vecs))) if vecs else None)
        if len(self._words) >= _CACHE_MAX:
            self._words.clear()
        self._words[(word, kind)] = got
        return got

    def _bigram_share(self, prev: str, word: str) -> tuple | None:
        got = self.weights.get(bigram_feature(prev, word))
        if got is not None and BIGRAM_WEIGHT != 1:
            got = tuple(x * BIGRAM_WEIGHT for x in got)
        if len(self._bigrams) >= _CACHE_MAX:
            self._bigrams.clear()
        self._bigrams[(prev, word)] = got
        return got

    def logits(self, tokens) -> list[float]:
        """One logit per category for a sentence given as ``(norm, kind)`` tokens."""
        cues = sentence_cues(tokens)
        n = len(cues)
        vecs = [v for v in map(self.weights.get, cues) if v is not None]
        add = vecs.append
        word_get, bigram_get = self._words.get, self._bigrams.get
        placeholder = _PLACEHOLDERS.get
        prev = None
        for norm, kind in tokens:
            w = placeholder(kind) or ("<img>" if norm == IMAGE_MARK else norm)
            share = word_get((w, kind))
            if share is None:
                share = self._word_share(w, kind)
            n += share[0]
            if share[1] is not None:
                add(share[1])
            if prev is not None:
                n += BIGRAM_WEIGHT
                vec = bigram_get((prev, w), _UNSEEN)
                if vec is _UNSEEN:
                    vec = self._bigram_share(prev, w)
                if vec is not None:
                    add(vec)
            prev = w
        if not vecs:
            return list(self.bias)
        scale = 1.0 / math.sqrt(n)
        return [b + s * scale for b, s in zip(self.bias, map(sum, zip(*vecs)))]

    def _sentence_logits(self, tokens: list[tuple[str, str]]) -> list[float]:
        """:meth:`logits`, remembered per sentence: a re-check after an edit scores only the
        sentences that changed."""
        key = tuple(tokens)
        got = self._sentences.get(key)
        if got is None:
            if len(self._sentences) >= _SENTENCES_MAX:
                self._sentences.clear()
            got = self._sentences[key] = self.logits(tokens)
        return got

    def scores(self, tokens) -> dict[str, float]:
        """Probability per category (for tests and tools)."""
        return {c: 1.0 / (1.0 + math.exp(-z)) for c, z in zip(self.categories, self.logits(tokens))}

    def check(self, an, findings, categories=None, severity: str = "warning") -> list[Finding]:
        """Findings for the prose sentences that no rule finding touches (spelling aside) and no
        refutation cue covers (``an.refuted``).

        ``categories``: report only these (e.g. the categories that still have a rule at
        warning or error once the clinic's settings are applied); all by default. ``severity``
        of the findings: the engine reports them at « info » (see :class:`Engine`).
        """
        if not self.categories:
            return []
        if categories is not None:
            off = [c not in categories for c in self.categories]
            if all(off):
                return []
        # A sentence a rule already judged (even at « info », e.g. a superlative without the
        # author as subject) is the rule's to decide; misspelt words do not count.
        touched = _SpanIndex((f.start, f.end) for f in findings if f.category != "spelling")
        out: list[Finding] = []
        thresholds = self._logit
        refuted = getattr(an, "refuted", ())
        for u, ts, te in prose_sentences(an):
            t = u.toks
            kinds = t.kind[ts:te]
            if kinds.count("word") < MIN_WORDS or u.sent_base + t.sentence[ts] in refuted:
                continue
            start, end = u.span(ts, te)
            if touched.overlaps(start, end):
                continue
            tokens = list(zip(t.norm[ts:te], kinds))
            logits = self._sentence_logits(tokens)
            best = None
            for ci, z in enumerate(logits):
                if categories is not None and off[ci]:
                    continue
                if z >= thresholds[ci] and (best is None or z - thresholds[ci] > best[1]):
                    best = (ci, z - thresholds[ci], z)
            if best is None:
                continue
            ci, _, z = best
            cat = self.categories[ci]
            f = Finding(f"model.{cat}", cat, severity, MESSAGE, self.references[ci], start, end,
                        key=" ".join(t.norm[ts:te]))
            f.extra["score"] = round(1.0 / (1.0 + math.exp(-z)), 3)
            f.extra["explanation"] = self._explanation(ci, tokens, f.key)
            out.append(f)
        return out

    # -- explanation ----------------------------------------------------------------------------
    def _examples(self, ci: int) -> list[tuple[frozenset, str]]:
        got = self._near.get(ci)
        if got is None:
            got = []
            for text in self.examples[ci]:
                toks = tokenize(light(text)[0])
                feats = sentence_features(list(zip(toks.norm, toks.kind)), self.concepts)
                got.append((frozenset(feats), text))
            self._near[ci] = got
        return got

    def nearest(self, ci: int, tokens, k: int = 3) -> list[str]:
        """The training sentences of category ``ci`` sharing most of this sentence's evidence:
        overlap = sum of the category's positive weights over the features they share; of the
        five best, the ``k`` shortest."""
        feats = set(sentence_features(tokens, self.concepts))
        weights = self.weights
        zero = self._zero
        ranked = []
        for efeats, text in self._examples(ci):
            shared = feats & efeats
            if not shared:
                continue
            overlap = sum(max(0.0, weights.get(b, zero)[ci]) for b in shared)
            if overlap > 0:
                ranked.append((-overlap, len(text), text))
        ranked.sort()
        best = sorted(ranked[:5], key=lambda r: (r[1], r[0]))[:k]
        return [text for _, _, text in best]

    def _explanation(self, ci: int, tokens, key: str) -> str:
        got = self._explained.get((ci, key))
        if got is None:
            if len(self._explained) >= 10_000:
                self._explained.clear()
            got = self._explained[(ci, key)] = self.explain(ci, tokens)
        return got

    def explain(self, ci: int, tokens) -> str:
        near = self.nearest(ci, tokens)
        if not near:
            return ("Aucune règle ne relève cette phrase, mais le modèle statistique la juge "
                    "proche des publications signalées\u202f: à relire.")
        quoted = [_quote(x) for x in near]
        listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " et " + quoted[-1]
        lead = "de l’exemple signalé" if len(quoted) == 1 else "des exemples signalés"
        return (f"Aucune règle ne relève cette phrase, mais le modèle statistique la rapproche "
                f"{lead} {listed}\u202f: à relire.")

    def describe(self, category: str) -> str:
        """What ``model.<category>`` is, in French (for « Expliquer » and ``tact explain``)."""
        if category not in self.categories:
            return ""
        ci = self.categories.index(category)
        telling = [x for x in self.examples[ci] if len(x.split()) >= 4] or self.examples[ci]
        shown = ", ".join(_quote(x) for x in telling[:3])
        threshold = f"{self.thresholds[ci]:.2f}".replace(".", ",")
        return ("Second avis statistique\u202f: un modèle entraîné sur les exemples des règles et "
                "sur les publications annotées du projet estime que cette phrase ressemble à des "
                "formulations signalées, alors qu’aucune règle ne l’a relevée. Il ne remplace pas "
                "les règles et ne bloque rien\u202f: c’est une indication pour la relecture. "
                f"Seuil de la catégorie\u202f: {threshold}. "
                f"Exemples signalés\u202f: {shown}.")
