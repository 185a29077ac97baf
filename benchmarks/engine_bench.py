"""Speed and memory of the compliance engine (figures printed, no assertions).

Prints, each against a baseline measured in the same run:
- a 2,200-character post, all rules and spelling, in-process (median; target ≤ 5 ms);
- time per 10,000 words at 10k, 50k and 200k words, and the growth 10k → 200k (linear ≈ 1);
- a 50,000-word document, rules only, against the honest floor (target ≤ 10×);
- the same document with the rule set replicated ten times (one pass: ≤ 2×);
- `tact check` on one post as a whole process (Python start-up included, no Qt; ≤ 0.35 s),
  peak memory;
- baselines: the honest floor, i.e. the engine's own light folding and tokenizer
  (``editor.text.fold.light``, ``editor.text.tokens.tokenize``) then one set lookup per folded
  token against the set of every word the rules know: the least any word-based matcher reading
  the same tokens must do. (A single regular expression of all the rules' words was the floor
  before; it is slower than the engine, so a ratio to it could not fail.) Proselint on a text of
  the same size where it is installed.
"""
from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import median_time  # noqa: E402
from _text import ROOT, document, post_of  # noqa: E402

from editor.compliance.engine import Engine  # noqa: E402
from editor.compliance.rules import load_rules  # noqa: E402
from editor.compliance.service import make_engine  # noqa: E402
from editor.text.fold import light  # noqa: E402
from editor.text.tokens import tokenize  # noqa: E402


def rule_words(ruleset) -> set[str]:
    """Every folded word a rule's pattern or word list can match literally."""
    m = ruleset.matcher
    words, stack = set(), [m.root, *getattr(m, "lexicons", {}).values()]
    seen = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        words.update(k for k in node.lit if any(c.isalpha() for c in k))
        stack.extend(node.lit.values())
        stack.extend(n for _, n in node.pre)
        stack.extend(node.kind.values())
        stack.extend(n for _, n in node.pred)
        stack.extend(n for _, n in getattr(node, "lex", ()))
        if node.any is not None:
            stack.append(node.any)
    return words


def honest_floor(ruleset):
    """``floor(text)``: light view, tokens, one set lookup per folded token (the hits' indexes)."""
    words = frozenset(rule_words(ruleset))

    def floor(text: str) -> list[int]:
        norm = tokenize(light(text)[0]).norm
        return [i for i, w in enumerate(norm) if w in words]
    return floor


def replicated_rules(times: int):
    tmp = Path(tempfile.mkdtemp(prefix="tact-bench-"))
    dirs = []
    for pack in sorted((ROOT / "rules").iterdir()):
        if not pack.is_dir():
            continue
        for k in range(times):
            d = tmp / f"{pack.name}-{k}"
            shutil.copytree(pack, d)
            for f in d.glob("*.yaml"):
                text = f.read_text(encoding="utf-8")
                f.write_text(re.sub(r"(\n\s*-\s*id:\s*)([\w.-]+)", rf"\1\2-r{k}", text),
                             encoding="utf-8")
            dirs.append(d)
    rs = load_rules(dirs=dirs, use_cache=False)
    shutil.rmtree(tmp, ignore_errors=True)
    return rs


def proselint_time(text: str) -> float | None:
    try:  # proselint ≥ 0.16: LintFile(name, content).lint(); older: tools.lint(text)
        from proselint import tools  # type: ignore
    except Exception:
        return None
    t = time.perf_counter()
    try:
        if hasattr(tools, "LintFile"):
            from proselint.checks import __register__  # type: ignore
            from proselint.config import DEFAULT  # type: ignore
            from proselint.registry import CheckRegistry  # type: ignore

            CheckRegistry().register_many(__register__)
            config = dict(DEFAULT, max_errors=10**9)
            t = time.perf_counter()
            tools.LintFile("<bench>", text).lint(config)
        else:
            tools.lint(text)
    except Exception:
        return None
    return time.perf_counter() - t


def main() -> None:
    warm_engine, errors = make_engine(spelling=True)
    # Cold figures: no memo of paragraphs between checks (each run does all the work).
    engine = Engine(warm_engine.rules, warm_engine.speller, memo=False)
    rules_only = Engine(engine.rules, memo=False)
    if errors:
        print("rule errors:", *errors, sep="\n  ")
    floor = honest_floor(engine.rules)
    print(f"rules: {len(engine.rules.rules)} ({engine.rules.version}); "
          f"honest floor: light + tokenize + one lookup per token in "
          f"{len(rule_words(engine.rules))} rule words")

    post = post_of(2200)
    engine.check(post)  # warm caches (dictionary, folding)
    t_post = median_time(lambda: engine.check(post), 200)
    t_post_rules = median_time(lambda: rules_only.check(post), 200)
    t_floor_post = median_time(lambda: floor(post), 200)
    print(f"\n2,200-char post ({len(post)} chars), median of 200:")
    print(f"  all rules + spelling   {t_post * 1000:7.2f} ms   (target ≤ 5 ms)")
    print(f"  rules only             {t_post_rules * 1000:7.2f} ms   "
          f"= {t_post_rules / t_floor_post:5.1f}× honest floor ({t_floor_post * 1000:.2f} ms)")
    doc20 = document(20_000)
    warm_engine.check(doc20)
    cut = len(doc20) // 2
    edited = doc20[:cut] + " Résultat garanti ! " + doc20[cut:]
    t_cold = median_time(lambda: engine.check(edited), 3)
    t_warm = median_time(lambda: (warm_engine.check(doc20), warm_engine.check(edited)), 3) / 2
    print(f"  20,000-word post re-checked after an edit (editor, paragraphs kept): "
          f"{t_warm * 1000:.0f} ms vs {t_cold * 1000:.0f} ms from scratch")

    print("\nScaling (rules + spelling), time per 10,000 words:")
    per = {}
    for words in (10_000, 50_000, 200_000):
        doc = document(words)
        n = len(doc.split())
        t = median_time(lambda: engine.check(doc), 3 if words < 200_000 else 1)
        tf = median_time(lambda: floor(doc), 3)
        per[words] = t / n * 10_000
        print(f"  {n:7d} words: {t * 1000:8.1f} ms total, {per[words] * 1000:6.1f} ms / 10k words"
              f"   honest floor {tf / n * 10_000 * 1000:5.1f} ms / 10k words"
              f" (rules+spelling = {t / tf:4.1f}× floor)")
    print(f"  growth 10k → 200k per word: {per[200_000] / per[10_000]:.2f}× (linear ≈ 1)")

    doc = document(50_000)
    t1 = median_time(lambda: rules_only.check(doc), 3)
    tf = median_time(lambda: floor(doc), 5)
    big = Engine(replicated_rules(10), memo=False)
    t10 = median_time(lambda: big.check(doc), 3)
    print(f"\n50,000-word document, rules only: {t1 * 1000:.1f} ms = {t1 / tf:.1f}× the honest "
          f"floor ({tf * 1000:.1f} ms; target ≤ 10×)")
    print(f"  rule set ×10 ({len(big.rules.rules)} rules): {t10 * 1000:.1f} ms = {t10 / t1:.2f}× "
          f"(target ≤ 2×)")
    pl = proselint_time(" ".join(doc.split()[:50_000]))
    print("  proselint on the same text: " + (f"{pl * 1000:.0f} ms = {pl / t1:.1f}× Tact"
                                            if pl is not None else "not installed"))

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "post.md"
        p.write_text(post, encoding="utf-8")
        cmd = [sys.executable, "-m", "editor", "check", str(p)]
        # As installed (pip and the bundle compile the modules): with PYTHONDONTWRITEBYTECODE
        # set, every run would recompile sixty modules and time Python's compiler, not Tact.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        # warm the caches (bytecode, compiled rules, built model, word list)
        subprocess.run(cmd, capture_output=True, env=env)
        runs = []
        for _ in range(15):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            runs.append(time.perf_counter() - t)
        base = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"]), 10)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        qt = subprocess.run([sys.executable, "-c",
                             "import sys,runpy; sys.argv=['tact','check',%r];\n"
                             "try: runpy.run_module('editor', run_name='__main__')\n"
                             "except SystemExit: pass\n"
                             "print(any(m.startswith('PySide6') for m in sys.modules))" % str(p)],
                            capture_output=True, text=True).stdout.strip().splitlines()[-1]
    print(f"\n`tact check` on one post, whole process: {statistics.median(runs) * 1000:.0f} ms "
          f"median of 15 (target ≤ 350 ms; bare Python start-up {base * 1000:.0f} ms); "
          f"peak memory of the largest child {peak:.0f} MB; Qt imported: {qt}")


if __name__ == "__main__":
    main()
