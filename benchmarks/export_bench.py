"""Cost of the per-network preview (what the editor recomputes on a debounce) and of image cleaning.

Figures only, no assertions. Baseline measured in the same run: rendering the same Markdown to HTML
with python-markdown (what the editor's HTML preview already pays).
- ``preview`` for the six networks, on a post of 2,000 and of 10,000 characters;
- ``platform_findings`` for the six networks on the same posts;
- cleaning a 4000×3000 JPEG (EXIF transpose, strip, resize to Instagram's 1080×1350).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import markdown  # noqa: E402
from _measure import median_time  # noqa: E402
from _text import post_of  # noqa: E402

from editor.compliance.engine import Analysis  # noqa: E402
from editor.document.projection import project  # noqa: E402
from editor.export.images import clean_image  # noqa: E402
from editor.export.networks import load_networks  # noqa: E402
from editor.export.platform import platform_findings  # noqa: E402
from editor.export.preview import preview  # noqa: E402

timed = median_time


def main() -> None:
    nets = sorted(load_networks())
    for size in (2000, 10000):
        text = post_of(size)
        base = timed(lambda: markdown.markdown(text, extensions=["extra"]))
        pv = timed(lambda: [preview(text, n) for n in nets])
        an = Analysis(text, project(text))
        pf = timed(lambda: platform_findings(an, nets))
        print(f"post of {len(text):>6} chars: python-markdown {base * 1000:7.2f} ms | "
              f"preview x{len(nets)} {pv * 1000:7.2f} ms ({pv / base:5.1f}x) | "
              f"platform_findings x{len(nets)} {pf * 1000:7.2f} ms ({pf / base:5.1f}x)")
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp, "big.jpg")
        exif = Image.Exif()
        exif[0x0112] = 6
        Image.new("RGB", (4000, 3000), "gray").save(p, exif=exif.tobytes(), quality=90)
        load = timed(lambda: Image.open(p).load(), repeat=3)
        clean = timed(lambda: clean_image(p, (1080, 1350)), repeat=3)
        print(f"4000x3000 JPEG: decode {load * 1000:7.1f} ms | clean+resize {clean * 1000:7.1f} ms "
              f"({clean / load:4.1f}x decode)")


if __name__ == "__main__":
    main()
