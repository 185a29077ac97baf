"""Before/after composite detection on the image evaluation set (figures printed, no assertions).

    .venv/bin/python benchmarks/image_bench.py [-v] [--set DIR] [--split dev|test] [--reseed N]

Builds the set with ``scripts/make_image_set.py`` when DIR (default build/image-eval/) is missing
or stale, then runs :func:`editor.vision.composite.detect_composite` on every image, opened as
the application does: Pillow, JPEG decoded at reduced scale (``draft``), EXIF-transposed,
``thumbnail`` to a long side of 1024 px.

Prints, for each split (``dev``: the detector's weights and thresholds were fitted on it;
``test``: disjoint source photos and seeds, no parameter fitted on it):
- images, composites and others; recall and precision (targets on test: ≥ 0.90 / ≥ 0.95);
- false positives by kind of negative, and how many of each kind there are;
- for the composites found: the layout right (side-by-side / stacked / grid and panel count) and
  the mean best IoU of the true panels with the reported ones;
- time per image: detection alone (mean, p95; wall clock and the CPU time of the detecting
  thread, which a busy machine inflates less) and, for the 4000 px files, decoding + downscaling
  + detection (mean, p95). The machine's 2 cores are shared: wall-clock timings are noisy.
``-v`` lists the misses and the false positives. ``--reseed N`` measures a fresh sample of the
same design (new seeds; built in build/image-eval-rN/). The detector's weights were fitted on
the dev splits of the canonical set and of ``--reseed 1``, ``2`` and ``3`` (and of the canonical
set of the generator's version 1). The 2×2-grid rule (``composite.GRID_HALVES``) was chosen on the
dev splits of ``--reseed 4``, ``7`` and ``21``-``24`` and of the canonical set; no test split was
used to tune anything. Held-out checks made after: the test splits of ``--reseed 31`` and ``32``
(``--reseed 32 --split test``). A threshold of 0.6, also chosen on those dev splits, lost
composites on them for one false montage fewer and was not kept: these two test splits have now
informed a choice, so the next change needs a new held-out reseed (33 or more).

Session of 2026-12-07: the misses and false positives of the dev splits of the canonical set and
of ``--reseed 1``, ``2`` and ``3`` (read with a script that printed every candidate's figures)
informed three changes — a seam among cuts is the clear one that crosses the most of the
picture (a label box's edge beside the seam took its place), rotations of ±6° at 32 px, and a
rotation of ±1.4° around the coarse one at 64 px (dev, 4 sets: recall 0.922 → 0.934, precision
0.977 → 0.977). Tried there and dropped, as they did not win on those dev splits: a rank
correlation of the aligned grey levels as a sixth figure (refitted weights, left-one-set-out),
shifts of ±34 % searched inside the panel, gradients of flat label boxes left out. Held-out
checks, measured once before and once after: the test splits of the canonical set and of
``--reseed 33``, ``34`` and ``35`` (together 289 of 320 composites and 13 false montages → 291
and 14: within noise). The weights and the threshold did not change.

Session 23 (2026-12-07 evening): the test splits of ``--reseed 36`` and ``37`` measured once,
before any change to the detector (none was made after): 36 recall 0.938 (75/80), precision
0.938 (75/80; false montages: two different people 2/18, straight lines 2/10, product 1/6);
37 recall 0.887 (71/80), precision 1.000 (71/71). Unseen so far: ``--reseed 38`` and above (and
the dev splits of every reseed not named here).

Session 24 (2026-12-07, late): the test splits of ``--reseed 38`` and ``39`` measured once with
the detector unchanged: 38 recall 0.925 (74/80), precision 0.974 (74/76; false montages: two
different people 2/18); 39 recall 0.875 (70/80), precision 0.933 (70/75; two different people
2/18, straight lines 2/10, product 1/6). Over the four held-out splits 36-39: 290 of 320
composites found, 12 false montages (recall 0.906, precision 0.960). Tried on the dev splits
only, and NOT kept: the geometry of the parts as a stand-in for face landmarks (no landmark
model ships with dlib-bin; one panel cut in 4x4 blocks, each looked for in the other, the
offsets fitted by one change of scale, turn and shift, the score penalised when the blocks sit
far from that fit: 1.9 px median for one subject, 3.8-7.8 px for two people in one pose). On the
held-out splits 36-39, each beside the detector before it in the same session: 286 of 320
composites (4 lost, one on every split), 7 false montages (5 fewer): 36 and 38 met both targets,
37 and 39 still missed recall. A missed before/after montage costs the surgeon more than a false
one costs the reviewer, so the detector stays as it was. Held out from now on: the test splits
of ``--reseed 40`` and above.

Session 25 (2026-12-08): the test splits of ``--reseed 40`` and ``41`` measured once, before
any change: 40 recall 0.938 (75/80), precision 0.974 (75/77; two different people 2/18); 41
recall 0.925 (74/80), precision 0.987 (74/75; two different people 1/18). Both meet the
targets; 36-41 together 439 of 480 composites, 15 false montages (0.915 / 0.967). The dev
splits of the canonical set and of ``--reseed 1``, ``5`` and ``6``: 303 of 320 found, 10 false
(7 two different people, 2 straight lines, 1 product). Of the 17 missed, 12 are butted without
a gutter; 12 have panels that correlate below 0.65 at the coarse scale in the right layout (the
search does not align them: strips of 3-4, grids, views shifted or cropped apart), 3 a faint
seam (evidence 0.24-0.50), 2 no layout tried (one a side-by-side whose narrower panel, centred
in its cell, was taken for an object on a plain background). Tried on those dev splits and NOT
kept: the panels' agreement part by part (the aligned grey copies softened, put on one scale,
cut in 4×4 blocks; the lower quartile of the blocks' correlations, added to the logistic score
as 0.75 × (agreement - 0.5), fitted with the other weights held): dev 303 found, 7 false. Held
out, each beside the unchanged detector in the same session: 36 75/80 found, 4 false (5
before); 37 71, 0 (same); 38 74, 2 (same); 39 69, 2 (70, 5); 40 74, 1 (75, 2); 41 74, 1
(same): 437 of 480 found, 10 false against 439 and 15 — recall lost again, as with the parts
geometry. Two synthesised torsos or portraits of seeds n and n + 1 (n = 1-39) laid side by side
uncropped passed as often with it as without (9 of 78): their outlines fill most blocks. Also
tried and dropped, on the dev splits of the canonical set and of ``--reseed 1``: a correlation
of the fine texture between edges and marks (at best one composite fewer for two false
montages fewer). Held out from now on: the test splits of ``--reseed 42`` and above (40 and 41
have informed a choice).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import make_image_set  # noqa: E402

from editor.vision.composite import detect_composite  # noqa: E402

ANALYSIS_SIDE = 1024
BIG = 3800          # "4000 px" files: long side at least this


def open_small(path: Path) -> Image.Image:
    """The picture as the application analyses it: upright, RGB, long side ≤ 1024 px."""
    im = Image.open(path)
    if im.format == "JPEG":
        im.draft("RGB", (ANALYSIS_SIDE, ANALYSIS_SIDE))
    im = ImageOps.exif_transpose(im).convert("RGB")
    im.thumbnail((ANALYSIS_SIDE, ANALYSIS_SIDE))
    return im


def iou(a, b) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    inter = ix * iy
    return inter / (aw * ah + bw * bh - inter)


def p95(values: list[float]) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(round(0.95 * (len(v) - 1))))]


def run_split(root: Path, records: list[dict], verbose: bool) -> None:
    tp = fn = fp = 0
    fp_kinds: Counter = Counter()
    kinds = Counter(r["kind"] for r in records if not r["composite"])
    layout_ok, ious, detect_ms, cpu_ms, big_ms = 0, [], [], [], []
    misses, false = [], []
    for r in records:
        t0 = time.perf_counter()
        im = open_small(root / r["file"])
        t1, c1 = time.perf_counter(), time.thread_time()
        found = detect_composite(im)
        t2, c2 = time.perf_counter(), time.thread_time()
        detect_ms.append((t2 - t1) * 1000)
        cpu_ms.append((c2 - c1) * 1000)
        if max(r["size"]) >= BIG:
            big_ms.append((t2 - t0) * 1000)
        if r["composite"]:
            if found is None:
                fn += 1
                misses.append(r)
                continue
            tp += 1
            if found.layout == r["layout"] and len(found.panels) == len(r["panels"]):
                layout_ok += 1
                sx, sy = im.width / r["size"][0], im.height / r["size"][1]
                truth = [(x * sx, y * sy, w * sx, h * sy) for x, y, w, h in r["panels"]]
                ious.append(statistics.mean(max(iou(t, p) for p in found.panels)
                                            for t in truth))
        elif found is not None:
            fp += 1
            fp_kinds[r["kind"]] += 1
            false.append((r, found))
    pos = tp + fn
    print(f"  images {len(records)}: {pos} composites, {len(records) - pos} others")
    print(f"  recall    {tp / max(1, pos):.3f}  ({tp}/{pos})")
    print(f"  precision {tp / max(1, tp + fp):.3f}  ({tp}/{tp + fp})")
    print("  false positives by kind: " + ", ".join(
        f"{k} {fp_kinds.get(k, 0)}/{n}" for k, n in sorted(kinds.items())))
    print(f"  composites found with the right layout: {layout_ok}/{tp}; "
          f"mean IoU of the panels {statistics.mean(ious) if ious else 0:.3f}")
    print(f"  detection only: mean {statistics.mean(detect_ms):.1f} ms, "
          f"p95 {p95(detect_ms):.1f} ms (max {max(detect_ms):.0f} ms); CPU time mean "
          f"{statistics.mean(cpu_ms):.1f} ms, median {statistics.median(cpu_ms):.1f} ms, "
          f"p95 {p95(cpu_ms):.1f} ms")
    if big_ms:
        print(f"  decode + downscale + detection, {len(big_ms)} files of ≥ {BIG} px: "
              f"mean {statistics.mean(big_ms):.1f} ms, p95 {p95(big_ms):.1f} ms")
    if verbose:
        for r in misses:
            print(f"    MISS {r['file']}: {r['layout']} ×{len(r['panels'])}, "
                  f"gutter {r['gutter']} px, {r['size'][0]}×{r['size'][1]}, "
                  f"{'+'.join(r['sources'])} {r['extras']}")
        for r, found in false:
            print(f"    FALSE {r['file']}: {r['kind']} ({'+'.join(r['sources'])}) seen as "
                  f"{found.layout} ×{len(found.panels)}, score {found.score:.2f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="composite detection on the image evaluation set")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    ap.add_argument("--set", type=Path, default=None, dest="root",
                    help="the set's folder (default build/image-eval/, or …-rN with --reseed)")
    ap.add_argument("--reseed", type=int, default=0, help="a fresh sample of the same design")
    ap.add_argument("--split", choices=("dev", "test"), action="append",
                    help="only this split (repeatable; default both)")
    args = ap.parse_args(argv)
    if args.root is None:
        base = make_image_set.DEFAULT_OUT
        args.root = base if not args.reseed else base.with_name(f"{base.name}-r{args.reseed}")
    built_for = make_image_set.built_reseed(args.root)
    if built_for is not None and built_for != args.reseed:
        # A folder given with --set but without its --reseed: rebuilding it would overwrite a
        # held-out sample with another one.
        ap.error(f"{args.root} holds the sample --reseed {built_for}: give --reseed {built_for} "
                 f"(or another folder)")
    if not make_image_set.is_current(args.root, args.reseed):
        t = time.perf_counter()
        make_image_set.build(args.root, args.reseed)
        print(f"evaluation set built in {args.root} ({time.perf_counter() - t:.0f} s)")
    records = json.loads((args.root / "labels.json").read_text(encoding="utf-8"))["images"]
    for split in args.split or ("dev", "test"):
        chosen = [r for r in records if r["split"] == split]
        note = "weights fitted on dev" if split == "dev" else "disjoint photos, nothing fitted"
        print(f"\nsplit {split} ({note}):")
        run_split(args.root, chosen, args.verbose)


if __name__ == "__main__":
    main()
