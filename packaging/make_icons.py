"""Build-time helper: render resources/icons/tact.svg to PNG sizes, then write tact.ico (Windows)
and tact.icns (macOS) with Pillow. Runs on every platform (offscreen Qt, no display needed).

    python packaging/make_icons.py [OUT_DIR]      (default: build/icons)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "tact.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render_pngs(out: Path) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    pngs = {}
    for size in SIZES:
        img = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"tact-{size}.png"
        if not img.save(str(path)):
            raise SystemExit(f"{path}: cannot write")
        pngs[size] = path
    return pngs


def make_icons(out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(out)
    from PIL import Image

    big = Image.open(pngs[1024]).convert("RGBA")
    ico = out / "tact.ico"
    big.save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    icns = out / "tact.icns"
    big.save(icns, sizes=[(s, s) for s in (16, 32, 64, 128, 256, 512, 1024)])
    png = out / "tact.png"
    Image.open(pngs[256]).save(png)
    return {"ico": ico, "icns": icns, "png": png}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    for kind, path in make_icons(target).items():
        print(f"{kind}: {path} ({path.stat().st_size} bytes)")
