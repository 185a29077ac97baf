"""Cost of review waivers in `tact check`, and of review-file operations (figures, no assertions).

Prints, against a baseline measured in the same run (check_paths with the review hook removed):
- checking 200 posts that have no review file (the hook costs one stat per post);
- checking 200 posts that each have a review file with 50 decisions;
- one `accept` (lock, re-read, append, atomic replace) on a journal of 50 and of 1,000 entries;
- re-anchoring 100 comments after an edit.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import median_time  # noqa: E402
from _text import posts  # noqa: E402

import editor.compliance.service as service  # noqa: E402
from editor.review.anchor import locate, make_quote  # noqa: E402
from editor.review.session import ReviewSession  # noqa: E402

timed = median_time


def fake(i):
    return SimpleNamespace(id=f"{i:016x}", rule="bench.rule", category="pricing", severity="error",
                           text="-25 %", start=0, end=5)


def main() -> None:
    engine, _ = service.make_engine(spelling=False)
    pool = posts()
    with tempfile.TemporaryDirectory() as tmp:
        bare, reviewed = Path(tmp, "bare"), Path(tmp, "reviewed")
        bare.mkdir()
        reviewed.mkdir()
        for i in range(200):
            text = pool[i % len(pool)]
            (bare / f"p{i:03}.md").write_text(text, encoding="utf-8")
            (reviewed / f"p{i:03}.md").write_text(text, encoding="utf-8")
        for i in range(200):
            s = ReviewSession(reviewed / f"p{i:03}.md")
            text = (reviewed / f"p{i:03}.md").read_text(encoding="utf-8")
            for f in engine.check(text).findings[:5]:
                s.accept(text, f, "faux-positif", "bench", "Julie")
            for j in range(50 - min(5, len(engine.check(text).findings))):
                s.accept(text, fake(j), "autre", "bench", "Julie")

        from editor.workflow import check_posts

        def alternate(folder: Path, rounds: int = 7) -> tuple[float, float]:
            """Median time without and with the review hook, runs interleaved against drift."""
            off, on = [], []
            for _ in range(rounds):
                off.append(timed(lambda: service.check_paths(engine, [str(folder)]), 1))
                on.append(timed(lambda: check_posts(engine, [str(folder)]), 1))
            return statistics.median(off), statistics.median(on)

        base_bare, with_bare = alternate(bare)
        base_rev, with_rev = alternate(reviewed)
        print(f"200 posts, no review file:   {with_bare * 1000:8.1f} ms  (baseline without hook "
              f"{base_bare * 1000:.1f} ms, ratio {with_bare / base_bare:.3f})")
        print(f"200 posts, 50 decisions each: {with_rev * 1000:8.1f} ms  (baseline without hook "
              f"{base_rev * 1000:.1f} ms, ratio {with_rev / base_rev:.3f})")

        for size in (50, 1000):
            post = Path(tmp, f"j{size}.md")
            post.write_text("Offre : -25 %.\n", encoding="utf-8")
            s = ReviewSession(post)
            for j in range(size):
                s.accept("Offre : -25 %.\n", fake(j), "autre", "bench", "Julie")
            counter = iter(range(10**6, 10**7))
            t = timed(lambda: s.accept("Offre : -25 %.\n", fake(next(counter)), "autre", "b", "J"),
                      repeat=20)
            print(f"accept on a journal of {size:5} entries: {t * 1000:6.2f} ms")

        text = "\n\n".join(pool[:6])
        quotes = []
        for k in range(100):
            s0 = (k * 97) % max(1, len(text) - 40)
            quotes.append((make_quote(text, s0, s0 + 30), s0))
        edited = "Introduction ajoutée.\n\n" + text.replace("e", "é", 50)
        t = timed(lambda: [locate(edited, q, h) for q, h in quotes])
        print(f"re-anchoring 100 comments after an edit ({len(text)} chars): {t * 1000:.1f} ms")


if __name__ == "__main__":
    main()
