"""Measures the spell checker: cold build, warm load (in process and whole process), cache sizes
and memory, storage formats, cost per post, suggestions, and false spelling flags per 1,000 words
on real text (tests/spelling_realtext and the educational posts of the corpora).

Usage: .venv/bin/python benchmarks/spelling_bench.py
Uses temporary data and cache folders (never the user's).
"""
from __future__ import annotations

import marshal
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
TMP = Path(tempfile.mkdtemp(prefix="tact-spelling-bench-"))
os.environ["TACT_DATA_DIR"] = str(TMP / "data")
os.environ["TACT_CACHE_DIR"] = str(TMP / "cache")


def timed(fn, n=15):
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000, min(ts) * 1000, max(ts) * 1000


def ms(t):
    return f"median {t[0]:.2f} ms (min {t[1]:.2f}, max {t[2]:.2f})"


def main() -> None:
    from editor.paths import resources_dir
    from editor.spelling import Speller
    from editor.spelling.keys import HashedSet
    from editor.spelling.lexicon import collect

    # 1. one-time build, load, sizes, memory
    wordlists = sorted((resources_dir() / "lexicon").glob("*.txt.gz"))
    for p in wordlists:
        print(f"word list {p.name}: {p.stat().st_size / 1e6:.2f} MB compressed")
    t = time.perf_counter()
    c = time.process_time()
    sp = Speller()
    print(f"cold cache build (Speller() with an empty cache): "
          f"{(time.perf_counter() - t) * 1000:.0f} ms"
          f" ({(time.process_time() - c) * 1000:.0f} ms CPU)  [built={sp.cache_built}]")
    for p in sorted((TMP / "cache" / "spelling").iterdir()):
        print(f"  cache file {p.suffix}: {p.stat().st_size / 1e6:.2f} MB")
    print(f"warm Speller() in process (load time from the cache): {ms(timed(Speller, 30))}")
    import tracemalloc

    tracemalloc.start()
    kept = Speller()
    loaded = tracemalloc.get_traced_memory()[0]
    kept.suggester()
    with_suggest = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"memory of a loaded speller: {loaded / 1e6:.1f} MB; with the suggestion index: "
          f"{with_suggest / 1e6:.1f} MB")
    s = kept._sets
    print(f"known keys: {len(s.common)} common + {len(s.rare)} rare (Dicollecte only), "
          f"{len(s.proper)} proper nouns, {len(s.folds)} accent-free forms")

    # 2. storage formats for the known-word set
    voc = collect(resources_dir())
    words = sorted(set(voc.common) | voc.rare)
    print(f"\nword set: {len(words)} words")
    d = TMP / "formats"
    d.mkdir()
    (d / "w.txt").write_text("\n".join(words), encoding="utf-8")
    (d / "w.marshal").write_bytes(marshal.dumps(frozenset(words)))
    (d / "w.pickle").write_bytes(pickle.dumps(frozenset(words), protocol=pickle.HIGHEST_PROTOCOL))
    (d / "w.hash").write_bytes(HashedSet.of(words).tobytes())
    for name, fn in [
        ("text file split into a set", lambda: set((d / "w.txt").read_text("utf-8").split("\n"))),
        ("marshal frozenset", lambda: marshal.loads((d / "w.marshal").read_bytes())),
        ("pickle frozenset", lambda: pickle.loads((d / "w.pickle").read_bytes())),
        ("sorted 64-bit digests (chosen)",
         lambda: HashedSet.frombytes((d / "w.hash").read_bytes())),
    ]:
        size = {"text": "w.txt", "marshal": "w.marshal", "pickle": "w.pickle"}.get(
            name.split()[0], "w.hash")
        print(f"  {name:34} {(d / size).stat().st_size / 1e6:.2f} MB  {ms(timed(fn, 11))}")

    # 3. whole process
    code = "from editor.spelling import default_speller; default_speller()"
    base = "import editor.spelling"
    for label, c in [("python -c 'import editor.spelling'", base),
                     ("python -c 'default_speller()' (warm cache)", code)]:
        ts = []
        for _ in range(7):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", c], check=True, env=os.environ)
            ts.append(time.perf_counter() - t)
        print(f"{label:45} median {statistics.median(ts) * 1000:.0f} ms")

    # 4. cost per post
    from editor.compliance.service import make_engine
    from editor.document.projection import project
    from editor.text.fold import light
    from editor.text.tokens import tokenize

    post = (ROOT / "benchmarks" / "posts" / "long-2200.md").read_text(encoding="utf-8")
    typos = post.replace("chirurgie esthétique", "chirugie esthétique").replace(
        "cicatrisation", "cicatrisaton").replace("anesthésie générale", "anésthésie générale")
    print(f"\npost: {len(post)} characters")
    for label, text in [("clean post", post), ("post with 3 typos", typos)]:
        units = []
        for seg in project(text).segments:
            if seg.scope not in ("hashtag", "image-name"):
                units.append(tokenize(light(seg.text)[0]))
        nwords = sum(k == "word" for u in units for k in u.kind)
        def fresh(**kw):
            sp = Speller(**kw)          # one new speller per pass (load + first check)
            return [sp.unknown(u) for u in units]

        warm = Speller()
        warm_run = lambda: [warm.unknown(u) for u in units]  # noqa: E731
        warm_run()
        print(f"  {label} ({nwords} words): unknown() on a new speller {ms(timed(fresh, 30))}"
              f" (includes its load and, with typos, the suggestion index);"
              f" on a warm speller {ms(timed(warm_run, 200))}")
        print(f"     first pass without inline suggestions: "
              f"{ms(timed(lambda: fresh(inline_suggestions=False), 30))}")
    try:
        engine, errors = make_engine(spelling=True)
        engine_ns, _ = make_engine(spelling=False)
        for label, text in [("clean post", post), ("post with 3 typos", typos)]:
            engine.check(text)
            a = timed(lambda: engine.check(text), 100)
            b = timed(lambda: engine_ns.check(text), 100)
            print(f"  engine.check, {label}: with spelling {ms(a)}; without {ms(b)}")
    except Exception as e:  # the rules are edited by others; report and go on
        print(f"  engine not measured: {e}")

    # 5. suggestions
    sp = Speller()
    t = time.perf_counter()
    sp.suggest("chirugie")
    print(f"\nfirst suggestion (loads the suggestion index): "
          f"{(time.perf_counter() - t) * 1000:.0f} ms")
    rnd = random.Random(1)
    long_words = [w for w in words if len(w) == 12 and w.isalpha()]
    samples = []
    for w in rnd.sample(long_words, 300):
        i = rnd.randrange(len(w))
        op = rnd.choice("drit")
        if op == "d":
            w = w[:i] + w[i + 1:]
        elif op == "r":
            w = w[:i] + rnd.choice("abcdefghijklmnopqrstuvwxyz") + w[i + 1:]
        elif op == "i":
            w = w[:i] + rnd.choice("abcdefghijklmnopqrstuvwxyz") + w[i:]
        elif i + 1 < len(w):
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        samples.append(w)
    samples += ["anésthésie", "cicatrisaton", "Chirugie", "xyzxyzxyzxyz", "abdominoplasite",
                "bléphraoplastie"]
    ts = []
    for w in samples:
        t = time.perf_counter()
        sp.suggest(w)
        ts.append((time.perf_counter() - t) * 1000)
    print(f"suggest() on {len(samples)} misspelled 12-letter words: "
          f"median {statistics.median(ts):.2f} ms, worst {max(ts):.2f} ms")
    for w in ("anésthésie", "chirugie", "Chirugie", "cicatrisaton", "bléphraoplastie", "maitrse",
              "evenement"):
        print(f"  {w} -> {sp.suggest(w)}")

    # 6. false flags per 1,000 words on real text, and typo recall
    from spelling_measure import CORPORA, Tally, check_corpus, check_realtext

    try:
        engine, _ = make_engine(spelling=True)
    except Exception as e:  # the rules are edited by others; report and go on
        print(f"\nfalse flags not measured: {e}")
        return
    print("\nfalse spelling flags (target: at most 1 per 1,000 words)")
    rt = check_realtext(engine)
    print(f"  real text (tests/spelling_realtext): {rt.summary()} {rt.flags}")
    edu, every = Tally(), Tally()
    for name, corpus in CORPORA.items():
        if corpus.is_file():
            edu.add(check_corpus(engine, corpus, educational_only=True))
            every.add(check_corpus(engine, corpus))
    print(f"  educational posts (own, blind, blind3, public): {edu.summary()} {edu.flags}")
    print(f"  every post of those corpora: {every.summary()} missed {every.missed}")
    social = Tally()
    for name in ("varied", "varied2"):
        corpus = ROOT / "tests" / name / "posts.yaml"
        if corpus.is_file():
            social.add(check_corpus(engine, corpus))
    print(f"  social captions, every register (varied, varied2): {social.summary()} "
          f"{social.flags}")


if __name__ == "__main__":
    main()
