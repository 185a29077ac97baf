"""Robustness of the detections to perturbed wording (figures printed, no assertions).

Independent of how the matcher works: it only calls ``engine.check(text).findings``.

Source spans: every warning/error finding of a scored category that the engine gives on
(a) every rule's flag examples and (b) the violating posts of tests/corpus/posts.yaml (only the
categories expected for that post). Each span gets deterministic variants (a random generator
seeded from the span and the perturbation's name), in three groups:

- meaning-preserving: an adverb or an emoji inserted between two words of the span, a soft line
  break inside it, ALL CAPS / Title Case, decorative punctuation between two words;
- evasion, on one word of ≥ 4 letters: letter-spacing, dots, dashes, digits for letters, one
  Cyrillic look-alike letter, hyphen-split across a line, last vowel repeated, an emoji put
  inside the word or in place of one of its letters;
- typo, on one word of ≥ 6 letters: one deletion, keyboard-neighbour substitution (AZERTY),
  transposition or insertion (never on the first letter).

A detection survives when the perturbed text has a finding of the same category, at warning or
error, overlapping the perturbed span. Variants that cannot be built (no word long enough, a
one-word span for insertions, a line break in a heading or a table row...) are counted apart.

Noise: the same perturbations on random words of every educational post (``expect: []``) and of
every rule's ok-examples; a warning/error finding of a scored category that does not overlap a
finding of the same category present before the perturbation is a false alarm (target 0).

``python benchmarks/perturbation.py [--verbose] [--any-gap] [--save-sources F | --sources F]``;
``run(engine)`` returns the figures. ``--save-sources F`` writes the spans found (JSON) and
``--sources F`` perturbs those instead, so that two versions of the engine are compared on the
same spans (a span the engine misses even unperturbed is then listed and left out).
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "posts.yaml"
LEVELS = ("warning", "error")
TARGETS = {"meaning-preserving": 0.97, "evasion": 0.90, "typo": 0.90}

# -- text structure -----------------------------------------------------------------------------
_LETTERS = re.compile(r"[^\W\d_]+")
# Never touched: addresses, file paths, markup, code. Hashtags and mentions only change case.
_HARD = re.compile(
    r"```.*?(?:```|\Z)|`[^`\n]*`"
    r"|<!--.*?-->|<[^>\n]*>"
    r"|\]\([^)\n]*\)"
    r"|(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@.])(?:[\w-]+\.)+(?:fr|com|org|net|eu|io|be|ch|info|gouv)\b\S*",
    re.DOTALL)
_TAGS = re.compile(r"[#@][\w.]*\w")

VOWELS = set("aeiouyàâäéèêëîïôöùûüÿœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
DIGITS = {"a": "4", "e": "3", "i": "1", "o": "0", "A": "4", "E": "3", "I": "1", "O": "0"}
CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441",
            "x": "\u0445", "A": "\u0410", "E": "\u0415", "O": "\u041e", "P": "\u0420",
            "C": "\u0421", "X": "\u0425"}
AZERTY = {
    "a": "zq", "z": "aeqs", "e": "zrsd", "r": "etdf", "t": "ryfg", "y": "tugh", "u": "yihj",
    "i": "uojk", "o": "ipkl", "p": "olm", "q": "azsw", "s": "qdzewx", "d": "sferxc",
    "f": "dgrtcv", "g": "fhtyvb", "h": "gjyubn", "j": "hkuin", "k": "jlio", "l": "kmop",
    "m": "lp", "w": "qsx", "x": "wcsd", "c": "xvdf", "v": "cbfg", "b": "vngh", "n": "bhj"}


@dataclass
class Word:
    start: int
    end: int
    text: str
    free: bool        # may be perturbed (not in a hashtag, mention, address, markup)
    caseable: bool    # may change case (not in an address or markup)


def words_of(text: str) -> list[Word]:
    hard = [m.span() for m in _HARD.finditer(text)]
    tags = [m.span() for m in _TAGS.finditer(text)]

    def inside(spans, s, e):
        return any(a < e and s < b for a, b in spans)

    out = []
    for m in _LETTERS.finditer(text):
        s, e = m.span()
        in_hard = inside(hard, s, e)
        out.append(Word(s, e, m.group(), not in_hard and not inside(tags, s, e), not in_hard))
    return out


def line_of(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a:b if b >= 0 else len(text)]


def breakable(text: str, pos: int) -> bool:
    """A line break at ``pos`` stays a soft break (not in a heading or a table row)."""
    return not line_of(text, pos).lstrip().startswith(("#", "|"))


# -- perturbations ------------------------------------------------------------------------------
# Each returns edits [(start, end, replacement)] inside the allowed words/gaps, or None when the
# variant cannot be built. ``words``: the free words to choose from; ``gaps``: single spaces
# between two consecutive free words; ``cased``: the words whose case may change.

def _pick(rng, items):
    return items[rng.randrange(len(items))] if items else None


# An adverb never follows an article, a determiner, a preposition, a subject pronoun or « ne »
# (« usine à très seins » is not French): those gaps are not used for adverbs unless any_gap.
FUNCTION_WORDS = frozenset("""
    le la les l un une des du de d au aux à en sa son ses ma mon mes ta ton tes notre nos votre
    vos leur leurs ce cet cette ces par pour sur sous dans avec sans chez vers entre avant après
    depuis pendant selon malgré parmi dès jusqu qu que qui ne n je j tu il elle on nous vous ils
    elles se s me m te t y""".split())
ANY_GAP = False   # set by run(any_gap=True) / --any-gap: adverbs at every gap, as emoji


def gap_insert(filler: str, adverb: bool = False):
    def f(text, words, gaps, cased, rng):
        if adverb and not ANY_GAP:
            gaps = [g for g in gaps if _word_before(text, g).lower() not in FUNCTION_WORDS]
        g = _pick(rng, gaps)
        return None if g is None else [(g, g + 1, f" {filler} ")]
    return f


def _word_before(text: str, pos: int) -> str:
    i = pos
    while i > 0 and (text[i - 1].isalpha()):
        i -= 1
    return text[i:pos]


def soft_break(text, words, gaps, cased, rng):
    g = _pick(rng, [g for g in gaps if breakable(text, g)])
    return None if g is None else [(g, g + 1, "\n")]


def casing(kind: str):
    def f(text, words, gaps, cased, rng):
        edits = []
        for w in cased:
            if kind == "upper":
                new = w.text.upper()
            elif len(w.text) > 1 and w.text.isupper():
                new = w.text          # Title Case keeps acronyms and codes (HAS, NEZ20)
            else:
                new = w.text[:1].upper() + w.text[1:].lower()
            if len(new) == len(w.text) and new != w.text:
                edits.append((w.start, w.end, new))
        return edits or None
    return f


def word_edit(min_len: int, make, needs_break: bool = False):
    """Applies ``make(word, rng) -> new word or None`` to one random word of ≥ min_len letters."""
    def f(text, words, gaps, cased, rng):
        cands = [w for w in words if len(w.text) >= min_len
                 and (not needs_break or breakable(text, w.start))]
        rng.shuffle(cands)
        for w in cands:
            new = make(w.text, rng)
            if new is not None and new != w.text:
                return [(w.start, w.end, new)]
        return None
    return f


def _digits(w, rng):
    return "".join(DIGITS.get(c, c) for c in w) if any(c in DIGITS for c in w) else None


def _cyrillic(w, rng):
    pos = [i for i, c in enumerate(w) if c in CYRILLIC]
    if not pos:
        return None
    i = _pick(rng, pos)
    return w[:i] + CYRILLIC[w[i]] + w[i + 1:]


def _hyphen_split(w, rng):
    k = rng.randrange(2, len(w) - 1)
    return w[:k] + "-\n" + w[k:]


def _repeat_vowel(w, rng):
    pos = [i for i, c in enumerate(w) if c in VOWELS]
    if not pos:
        return None
    i = pos[-1]
    return w[:i] + w[i] * 4 + w[i + 1:]


def _emoji_inside(w, rng):
    k = rng.randrange(1, len(w))
    return w[:k] + "💕" + w[k:]


def _emoji_for_letter(w, rng):
    k = rng.randrange(1, len(w) - 1)
    return w[:k] + "🍒" + w[k + 1:]


def _neighbour(c, rng):
    keys = AZERTY.get(c.lower())
    if not keys:
        return None
    n = keys[rng.randrange(len(keys))]
    return n.upper() if c.isupper() else n


def _deletion(w, rng):
    i = rng.randrange(1, len(w))
    return w[:i] + w[i + 1:]


def _substitution(w, rng):
    pos = [i for i in range(1, len(w)) if w[i].lower() in AZERTY]
    if not pos:
        return None
    i = _pick(rng, pos)
    return w[:i] + _neighbour(w[i], rng) + w[i + 1:]


def _transposition(w, rng):
    pos = [i for i in range(1, len(w) - 1) if w[i] != w[i + 1]]
    if not pos:
        return None
    i = _pick(rng, pos)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def _insertion(w, rng):
    pos = [i for i in range(1, len(w)) if w[i - 1].lower() in AZERTY]
    if not pos:
        return None
    i = _pick(rng, pos)
    return w[:i] + _neighbour(w[i - 1], rng) + w[i:]


# (group, class, perturbation, function)
PERTURBATIONS = (
    [("meaning-preserving", "adverb", a, gap_insert(a, adverb=True))
     for a in ("vraiment", "très", "tellement", "super", "donc", "bien", "si")]
    + [("meaning-preserving", "emoji", e, gap_insert(e)) for e in ("✨", "🔥", "😍")]
    + [("meaning-preserving", "soft line break", "\\n", soft_break),
       ("meaning-preserving", "casing", "ALL CAPS", casing("upper")),
       ("meaning-preserving", "casing", "Title Case", casing("title"))]
    + [("meaning-preserving", "punctuation", p.strip(), gap_insert(p.strip()))
       for p in (" … ", " – ", " • ")]
    + [("evasion", "letter-spacing", "p r o m o", word_edit(4, lambda w, r: " ".join(w))),
       ("evasion", "dotted", "g.r.a.t.u.i.t", word_edit(4, lambda w, r: ".".join(w))),
       ("evasion", "dashed", "p-r-o-m-o", word_edit(4, lambda w, r: "-".join(w))),
       ("evasion", "digits", "gr4tu1t", word_edit(4, _digits)),
       ("evasion", "cyrillic", "gr\u0430tuit", word_edit(4, _cyrillic)),
       ("evasion", "hyphen-split", "gra-\\ntuit", word_edit(4, _hyphen_split, True)),
       ("evasion", "repeated letter", "supeeeer", word_edit(4, _repeat_vowel)),
       ("evasion", "emoji inside", "a💕vis", word_edit(4, _emoji_inside)),
       ("evasion", "emoji for a letter", "s🍒ins", word_edit(4, _emoji_for_letter))]
    + [("typo", kind, kind, word_edit(6, fn))
       for kind, fn in (("deletion", _deletion), ("substitution", _substitution),
                        ("transposition", _transposition), ("insertion", _insertion))]
)


def apply(text: str, edits) -> str:
    out, pos = [], 0
    for s, e, r in sorted(edits):
        out.append(text[pos:s])
        out.append(r)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def map_start(edits, p: int) -> int:
    return p + sum(len(r) - (e - s) for s, e, r in edits if e <= p)


def map_end(edits, p: int) -> int:
    return p + sum(len(r) - (e - s) for s, e, r in edits if s < p)


def seeded(*parts) -> random.Random:
    return random.Random(zlib.crc32("|".join(map(str, parts)).encode("utf-8")))


# -- sources ------------------------------------------------------------------------------------
@dataclass
class Source:
    where: str         # rule example or post name
    text: str
    start: int
    end: int
    category: str
    base_dir: Path | None = None


def scored_findings(engine, text, base_dir=None):
    from editor.compliance.rules import SCORED_CATEGORIES

    return [f for f in engine.check(text, base_dir=base_dir).findings
            if f.severity in LEVELS and f.category in SCORED_CATEGORIES]


def corpus_cases():
    from editor.document.post import read_text

    spec = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    folder = CORPUS.with_suffix("")
    for name, case in spec["cases"].items():
        path = folder / f"{name}.md"
        yield name, read_text(path), path.parent, set(case["expect"])


def sources(engine, rules) -> list[Source]:
    out, seen = [], set()

    def add(where, text, f, base_dir=None):
        key = (text, f.start, f.end, f.category)
        if key not in seen:
            seen.add(key)
            out.append(Source(where, text, f.start, f.end, f.category, base_dir))

    for r in rules:
        for i, ex in enumerate(r.flag_examples):
            for f in scored_findings(engine, ex.text):
                add(f"{r.id} flag #{i + 1}", ex.text, f)
    for name, text, base, expect in corpus_cases():
        if expect:
            for f in scored_findings(engine, text, base):
                if f.category in expect:
                    add(f"post {name}", text, f, base)
    return out


def save_sources(srcs: list[Source], path: Path) -> None:
    """Writes the source spans (JSON), to run an engine later on exactly the same spans."""
    data = [dict(where=x.where, text=x.text, start=x.start, end=x.end, category=x.category,
                 base_dir=str(x.base_dir) if x.base_dir else None) for x in srcs]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")


def load_sources(path: Path) -> list[Source]:
    return [Source(d["where"], d["text"], d["start"], d["end"], d["category"],
                   Path(d["base_dir"]) if d["base_dir"] else None)
            for d in json.loads(path.read_text(encoding="utf-8"))]


def _detected(engine, src: Source, text: str, ns: int, ne: int) -> bool:
    for f in engine.check(text, base_dir=src.base_dir).findings:
        if f.category == src.category and f.severity in LEVELS and f.start < ne and ns < f.end:
            return True
    return False


def _short(s: str, n: int = 70) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[:n - 1] + "…"


# -- run ----------------------------------------------------------------------------------------
def _blank():
    return {"n": 0, "kept": 0, "skipped": 0}


def _share(d):
    d["share"] = d["kept"] / d["n"] if d["n"] else None
    return d


def run(engine, rules=None, noise_variants_per_post: int = 4, any_gap: bool = False,
        source_spans: list[Source] | None = None) -> dict:
    """Survival of detections under perturbation and false alarms from noise.

    ``rules``: whose examples to use (default: the engine's); ``any_gap``: insert adverbs at
    every gap between two words, even after an article or a preposition; ``source_spans``: spans
    to perturb instead of those the engine finds (see ``--save-sources`` / ``--sources``): a span
    the engine no longer detects unperturbed is counted as ``baseline_missed`` and not perturbed.
    """
    global ANY_GAP
    ANY_GAP = any_gap
    t0 = time.perf_counter()
    if rules is None:
        rules = engine.rules.rules
    srcs = source_spans if source_spans is not None else sources(engine, rules)
    per_pert: dict[str, dict] = {}
    per_class: dict[str, dict] = {}
    per_group: dict[str, dict] = {g: _blank() for g in TARGETS}
    lost, missed = [], []
    for src in srcs:
        if source_spans is not None and not _detected(engine, src, src.text, src.start, src.end):
            missed.append(src)
            continue
        words = [w for w in words_of(src.text) if src.start <= w.start and w.end <= src.end]
        free = [w for w in words if w.free]
        gaps = [a.end for a, b in zip(words, words[1:])
                if a.free and b.free and src.text[a.end:b.start] == " "]
        cased = [w for w in words if w.caseable]
        digest = hashlib.sha1(src.text.encode()).hexdigest()[:12]
        for group, cls, name, fn in PERTURBATIONS:
            key = f"{group}/{cls}/{name}"
            rows = (per_pert.setdefault(key, _blank()),
                    per_class.setdefault(f"{group}/{cls}", _blank()), per_group[group])
            rng = seeded(digest, src.start, src.end, src.category, key)
            edits = fn(src.text, free, gaps, cased, rng)
            if not edits:
                for d in rows:
                    d["skipped"] += 1
                continue
            new = apply(src.text, edits)
            ns, ne = map_start(edits, src.start), map_end(edits, src.end)
            ok = _detected(engine, src, new, ns, ne)
            for d in rows:
                d["n"] += 1
                d["kept"] += ok
            if not ok:
                lost.append({"perturbation": key, "category": src.category, "where": src.where,
                             "span": src.text[src.start:src.end], "perturbed": new[ns:ne]})
    t_spans = time.perf_counter() - t0

    noise = _noise(engine, rules, noise_variants_per_post)
    return {
        "sources": len(srcs),
        "source_posts": len({s.where for s in srcs if s.where.startswith("post ")}),
        "baseline_missed": [f"{s.where}: {s.category} «{s.text[s.start:s.end]}»" for s in missed],
        "groups": {g: dict(_share(d), target=TARGETS[g]) for g, d in per_group.items()},
        "classes": {k: _share(d) for k, d in per_class.items()},
        "perturbations": {k: _share(d) for k, d in per_pert.items()},
        "lost": lost,
        "noise": noise,
        "seconds": {"spans": t_spans, "noise": time.perf_counter() - t0 - t_spans},
        "_sources": srcs,
    }


def _noise(engine, rules, per_post: int) -> dict:
    texts = []
    for r in rules:
        for i, ex in enumerate(r.ok_examples):
            texts.append((f"{r.id} ok #{i + 1}", ex.text, None, 1))
    for name, text, base, expect in corpus_cases():
        if not expect:
            texts.append((f"post {name}", text, base, per_post))
    variants = skipped = 0
    alarms = []
    for where, text, base, times in texts:
        before = scored_findings(engine, text, base)
        words = words_of(text)
        free = [w for w in words if w.free]
        gaps = [a.end for a, b in zip(words, words[1:])
                if a.free and b.free and text[a.end:b.start] == " "]
        digest = hashlib.sha1(text.encode()).hexdigest()[:12]
        for group, cls, name, fn in PERTURBATIONS:
            for k in range(times):
                rng = seeded(digest, "noise", k, group, cls, name)
                cased = [w for w in words if w.caseable]
                if cls == "casing" and cased:        # a run of 2 to 6 words, not the whole text
                    i = rng.randrange(len(cased))
                    cased = cased[i:i + rng.randint(2, 6)]
                edits = fn(text, free, gaps, cased, rng)
                if not edits:
                    skipped += 1
                    continue
                variants += 1
                new = apply(text, edits)
                old = [(f.category, map_start(edits, f.start), map_end(edits, f.end))
                       for f in before]
                for f in scored_findings(engine, new, base):
                    if not any(c == f.category and s < f.end and f.start < e for c, s, e in old):
                        alarms.append({"perturbation": f"{group}/{cls}/{name}", "where": where,
                                       "rule": f.rule, "category": f.category,
                                       "severity": f.severity, "text": f.text,
                                       "context": new[max(0, f.start - 30):f.end + 30]})
    by_group = {g: sum(a["perturbation"].startswith(g + "/") for a in alarms) for g in TARGETS}
    return {"texts": len(texts), "variants": variants, "skipped": skipped,
            "false_alarms": len(alarms), "by_group": by_group, "examples": alarms}


# -- report -------------------------------------------------------------------------------------
def _fmt(d) -> str:
    share = "   —  " if d["share"] is None else f"{d['share'] * 100:5.1f} %"
    return f"{share}  ({d['kept']}/{d['n']}, {d['skipped']} impossible)"


def _arg(flag: str) -> Path | None:
    if flag in sys.argv[:-1]:
        return Path(sys.argv[sys.argv.index(flag) + 1])
    return None


def main() -> None:
    from editor.compliance.service import make_engine

    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    engine, errors = make_engine(spelling=False)
    if errors:
        print("rule errors:", *errors, sep="\n  ")
    pinned = _arg("--sources")
    res = run(engine, any_gap="--any-gap" in sys.argv,
              source_spans=load_sources(pinned) if pinned else None)
    if _arg("--save-sources"):
        save_sources(res["_sources"], _arg("--save-sources"))
    print(f"source spans: {res['sources']} (rule flag examples and {res['source_posts']} "
          f"violating posts of tests/corpus" + (f", from {pinned}" if pinned else "") + ")")
    if res["baseline_missed"]:
        print(f"  not detected even unperturbed (left out): {len(res['baseline_missed'])}")
        for x in res["baseline_missed"][:10 if not verbose else None]:
            print(f"    {_short(x, 90)}")
    for group in TARGETS:
        print(f"\n{group}:")
        for ck, cd in res["classes"].items():
            if not ck.startswith(group + "/"):
                continue
            print(f"  {ck.split('/', 1)[1]:<22} {_fmt(cd)}")
            perts = [(k, d) for k, d in res["perturbations"].items() if k.startswith(ck + "/")]
            if len(perts) > 1:
                for k, d in perts:
                    print(f"    {k.rsplit('/', 1)[1]:<20} {_fmt(d)}")
    print("\noverall:")
    for group, d in res["groups"].items():
        print(f"  {group:<20} {_fmt(d)}   target ≥ {d['target'] * 100:.0f} %")
    nz = res["noise"]
    print(f"\nfalse alarms from noise: {nz['false_alarms']} (target 0) in {nz['variants']} "
          f"variants of {nz['texts']} silent texts ({nz['skipped']} impossible); "
          + ", ".join(f"{g} {n}" for g, n in nz["by_group"].items()))
    for a in nz["examples"][:10 if not verbose else None]:
        print(f"  [{a['perturbation']}] {a['where']}: {a['rule']} ({a['severity']}) on "
              f"«\u00a0{_short(a['text'], 40)}\u00a0» in «\u00a0{_short(a['context'])}\u00a0»")
    if verbose and res["lost"]:
        print(f"\nlost detections ({len(res['lost'])}):")
        for x in res["lost"]:
            print(f"  [{x['perturbation']}] {x['category']} — {x['where']}: "
                  f"«\u00a0{_short(x['span'], 50)}\u00a0» → "
                  f"«\u00a0{_short(x['perturbed'], 60)}\u00a0»")
    s = res["seconds"]
    print(f"\n({s['spans']:.1f} s spans, {s['noise']:.1f} s noise)")


if __name__ == "__main__":
    main()
