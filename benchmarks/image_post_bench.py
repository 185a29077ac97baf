"""A post with ten 12-megapixel photos: image analysis the first time, then from the caches.

    .venv/bin/python benchmarks/image_post_bench.py

Prints (figures only, no assertions), for ten JPEG photos of 4,000 × 3,000 pixels built from
scikit-image's public-domain sample photos:
- the first analysis of the ten (decode at reduced scale, montage, faces, text), two at a time;
- the same post in a new session (new analyser, reports read from the disk cache);
- the same post again in the same session (memory cache: one stat per image);
- baseline measured in the same run: decoding the ten photos to 1,024 pixels and nothing else.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path


def photos(folder: Path, n: int = 10) -> list[Path]:
    from PIL import Image, ImageEnhance
    from skimage import data

    sources = [data.astronaut(), data.coffee(), data.chelsea(), data.rocket(),
               data.immunohistochemistry()]
    out = []
    for i in range(n):
        img = Image.fromarray(sources[i % len(sources)]).convert("RGB").resize((4000, 3000))
        img = ImageEnhance.Brightness(img).enhance(0.9 + 0.03 * i)
        p = folder / f"IMG_{4400 + i}.jpg"
        img.save(p, quality=88)
        out.append(p)
    return out


def main() -> None:
    from editor.vision.analysis import ANALYSIS_SIDE, ImageAnalyser
    from editor.vision.opening import open_image, upright_scaled

    with tempfile.TemporaryDirectory(prefix="tact-img-") as t:
        tmp = Path(t)
        files = photos(tmp)
        t0 = time.perf_counter()
        for p in files:
            with open_image(p) as im:
                upright_scaled(im, ANALYSIS_SIDE)
        decode = time.perf_counter() - t0

        first = ImageAnalyser(cache_dir=tmp / "cache")
        t0 = time.perf_counter()
        reports = first.analyse_many(files)
        cold = time.perf_counter() - t0
        status = first.status()

        t0 = time.perf_counter()
        ImageAnalyser(cache_dir=tmp / "cache").analyse_many(files)
        disk = time.perf_counter() - t0

        warm = []
        for _ in range(5):
            t0 = time.perf_counter()
            first.analyse_many(files)
            warm.append(time.perf_counter() - t0)

    per = [r.seconds for r in reports.values()]
    print(f"10 photos of 12 Mpx, first analysis: {cold:.2f} s (target ≤ 3 s); per photo "
          f"{statistics.mean(per):.2f} s mean, {max(per):.2f} s worst (on one of 2 workers)")
    print(f"  baseline, decoding the ten to {ANALYSIS_SIDE} px only: {decode:.2f} s")
    print(f"  detectors off here: {'; '.join(status) if status else 'none'}")
    print(f"same post, new session (disk cache): {disk * 1000:.1f} ms (target ≤ 50 ms)")
    print(f"same post, same session (memory cache): {statistics.median(warm) * 1000:.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
