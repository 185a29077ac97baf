"""Deterministic generator of the image evaluation set for before/after composite detection.

    .venv/bin/python scripts/make_image_set.py [OUT_DIR] [--force] [--reseed N]

Writes OUT_DIR/{dev,test}/*.jpg|png and OUT_DIR/labels.json (default OUT_DIR: build/image-eval/,
which git ignores). Same Pillow, numpy and scikit-image versions and the same fonts give the same
files: every random draw comes from a generator seeded per split and per image.

Sources (development only: nothing here ships with the application):

* public-domain sample photos shipped inside scikit-image (``skimage/data``) and the 25×25 face
  crops of its ``lfw_subset.npy`` (faces 0-49 for dev, 50-99 for test);
* pictures synthesised here with Pillow and numpy: portraits and bare torsos against studio
  backdrops (the subject of a surgeon's before/after), landscapes, room interiors with door frames,
  product shots, infographics, text slides, a photographed page of text.

The ``dev`` and ``test`` splits draw from DISJOINT source photos and face crops, and synthesised
pictures use disjoint seeds, so thresholds tuned on dev are measured on subjects they never saw.

Positives (``composite: true``): two to four views of one subject — the same source crop redrawn
with changed exposure, contrast, colour balance, zoom 0.8-1.3×, small shifts and rotation, blur or
sharpening, a mirror image, a local retouch — laid out side by side, stacked, in a 2×2 grid or a
3- or 4-up strip; gutters of 0 to 40 px (white, black, grey or a brand colour; thin lines of 1-3 px
mostly white or black, as most posts draw them), sometimes an outer frame, a caption band, labels
(« AVANT », « APRÈS », « J+30 », dates), arrows, a watermark; long side 600-4000 px; JPEG quality
60-95 (a few PNG).

Negatives (``composite: false``, ``kind`` says which): a single photo, a single portrait, two
different subjects side by side, a collage of 3-4 different photos, a photo beside a text panel,
infographics, text slides, a photographed page of text, photos with strong straight lines (door
frame, horizon, brick, chessboard…), room interiors, product shots.

``labels.json``: ``{"version", "reseed", "images": [{"file", "split", "composite", "label", "kind",
"layout", "panels": [[x, y, w, h], …], "size": [w, h], "sources", "gutter", "format", "quality",
"extras"}]}``; panel boxes are in the pixels of the written file.

``--reseed N`` (N ≥ 1) draws a new sample of the same design: every seed moves, the photos and
face crops assigned to each split stay. It gives a fresh check after the detector was changed
(the canonical set is N = 0).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "build" / "image-eval"
VERSION = 2          # 2: thin lines of 1 and 3 px among the gutters

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"),
             Path("/Library/Fonts"), Path("C:/Windows/Fonts"))

# Per split: seed, the scikit-image photos it may use, the LFW faces, the seeds of synthesised
# pictures. No photo, face or synthesis seed is shared between the splits.
SPLITS = {
    "dev": {
        "seed": 1301,
        "photos": ["astronaut", "coffee", "rocket", "motorcycle_left", "motorcycle_right",
                   "coins", "ihc", "moon"],
        "textures": ["brick", "grass"],
        "page": "text",
        "faces": range(0, 50),
        "synth_base": 100_000,
        "counts": {"pos": 80, "single-photo": 12, "single-portrait": 10, "two-different": 18,
                   "collage-different": 6, "photo-text": 6, "infographic": 8, "text-slide": 6,
                   "page-text": 4, "straight-lines": 10, "interior": 4, "product": 6},
    },
    "test": {
        "seed": 2417,
        "photos": ["camera", "chelsea", "retina", "hubble_deep_field", "clock_motion",
                   "cell"],
        "textures": ["gravel", "chessboard_RGB"],
        "page": "page",
        "faces": range(50, 100),
        "synth_base": 200_000,
        "counts": {"pos": 80, "single-photo": 12, "single-portrait": 10, "two-different": 18,
                   "collage-different": 6, "photo-text": 6, "infographic": 8, "text-slide": 6,
                   "page-text": 4, "straight-lines": 10, "interior": 4, "product": 6},
    },
}

WORDS = ("le la les des une un chirurgie esthétique consultation patient résultat naturel "
         "visage nez paupières cicatrice suivi information risques délai réflexion devis "
         "anesthésie clinique cabinet rendez-vous médecin conseil santé soins opération "
         "récupération semaines mois douleur gonflement œdème protocole équipe accueil").split()
BEFORE_AFTER = [("AVANT", "APRÈS"), ("Avant", "Après"), ("J0", "J+30"), ("Pré-op", "Post-op"),
                ("AVANT", "3 MOIS APRÈS"), ("12/03/2024", "15/09/2024"), ("Avant", "J+90"),
                ("Mars 2023", "Octobre 2023"), ("BEFORE", "AFTER")]
MULTI = [("AVANT", "J+15", "J+90", "1 AN"), ("Avant", "1 mois", "6 mois", "1 an"),
         ("J0", "J+7", "J+30", "J+180"), ("AVANT", "APRÈS", "AVANT", "APRÈS")]
NEUTRAL = [("Cabinet", "Salle d'attente"), ("Lyon", "Paris"), ("Équipe", "Accueil"),
           ("Nouveau", "Bientôt"), ("Printemps", "Été"), ("Dr Martin", "Dr Durand")]
BRAND = [(255, 255, 255), (0, 0, 0), (240, 240, 240), (30, 30, 30), (128, 128, 128),
         (196, 164, 132), (20, 40, 90), (232, 200, 208), (250, 245, 235), (90, 140, 150)]


# --------------------------------------------------------------------------- helpers

_FONT_CACHE: dict = {}


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans where the system has it (accents), else Pillow's own font."""
    key = (max(6, int(size)), bold)
    if key not in _FONT_CACHE:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        for d in FONT_DIRS:
            if (d / name).is_file():
                _FONT_CACHE[key] = ImageFont.truetype(str(d / name), key[0])
                break
        else:
            _FONT_CACHE[key] = ImageFont.load_default(size=key[0])
    return _FONT_CACHE[key]


def fnoise(rng: np.random.Generator, h: int, w: int, beta: float = 2.0) -> np.ndarray:
    """Fractal (1/f^beta) noise in [0, 1], the texture of natural images."""
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.rfftfreq(w)[None, :]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    amp = f ** (-beta / 2)
    amp[0, 0] = 0.0
    spec = amp * np.exp(1j * rng.uniform(0, 2 * np.pi, amp.shape))
    n = np.fft.irfft2(spec, s=(h, w))
    return (n - n.min()) / (np.ptp(n) + 1e-9)


def ellipse(h: int, w: int, cx: float, cy: float, rx: float, ry: float,
            soft: float = 1.5) -> tuple[np.ndarray, np.ndarray]:
    """Soft mask of an ellipse and the normalised radius (0 at the centre, 1 on the edge)."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.sqrt(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2)
    edge = soft / max(1.0, min(rx, ry))
    return np.clip((1 - r) / edge + 0.5, 0, 1), r


def paint(img: np.ndarray, mask: np.ndarray, colour) -> None:
    """Blend ``colour`` (RGB triple or H×W×3 array) into ``img`` through ``mask``, in place."""
    m = mask[..., None]
    img *= 1 - m
    img += m * np.asarray(colour, dtype=np.float32)


def to_image(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")


def grain(img: Image.Image, rng: np.random.Generator, sigma: float = 3.0) -> Image.Image:
    a = np.asarray(img, dtype=np.float32)
    a = a + rng.normal(0, sigma, a.shape[:2])[..., None] + rng.normal(0, sigma / 2, a.shape)
    return to_image(a)


def lighting(rng: np.random.Generator, h: int, w: int, strength: float = 0.25) -> np.ndarray:
    """A smooth illumination field around 1 (directional falloff and low-frequency blotches)."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, 2 * np.pi)
    d = (np.cos(ang) * (x / w - 0.5) + np.sin(ang) * (y / h - 0.5))
    field_ = 1 + strength * d * 1.4 + strength * 0.5 * (fnoise(rng, h, w, 4.0) - 0.5)
    return field_[..., None]


def text_lines(rng: np.random.Generator, n: int, lo: int = 3, hi: int = 8) -> list[str]:
    return [" ".join(rng.choice(WORDS, int(rng.integers(lo, hi)))).capitalize() for _ in range(n)]


# --------------------------------------------------------------------------- sources

def _skimage_dir() -> Path:
    import skimage.data

    return Path(skimage.data.__file__).parent


def load_photo(name: str) -> Image.Image:
    """A scikit-image sample picture as RGB (alpha flattened on white)."""
    d = _skimage_dir()
    path = next(p for p in sorted(d.iterdir()) if p.stem == name)
    im = Image.open(path)
    im.load()
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        im = Image.alpha_composite(bg, im)
    return im.convert("RGB")


_LFW = None


def load_face(index: int, rng: np.random.Generator) -> Image.Image:
    """One LFW face crop (25×25 grey) enlarged to a 320 px portrait with film grain."""
    global _LFW
    if _LFW is None:
        _LFW = np.load(_skimage_dir() / "lfw_subset.npy")
    a = (_LFW[index] * 255).astype(np.uint8)
    im = Image.fromarray(a, "L").resize((320, 320), Image.Resampling.BICUBIC)
    tone = np.array([1.0, rng.uniform(0.88, 0.98), rng.uniform(0.75, 0.92)], dtype=np.float32)
    rgb = np.asarray(im, dtype=np.float32)[..., None] * tone
    return grain(to_image(rgb), rng, 2.0)


SKIN = [(233, 196, 170), (224, 172, 140), (198, 140, 105), (160, 110, 80), (110, 72, 50),
        (240, 210, 190), (210, 160, 125)]
HAIR = [(30, 20, 15), (70, 45, 25), (120, 80, 40), (200, 170, 110), (90, 90, 90), (20, 20, 25),
        (150, 60, 30)]
BACKDROP = [(70, 110, 160), (200, 200, 200), (235, 235, 235), (40, 40, 45), (120, 150, 170),
            (180, 190, 200), (60, 80, 70), (215, 205, 190)]


def _backdrop(rng, h, w, colour=None) -> np.ndarray:
    c = np.asarray(colour if colour is not None else BACKDROP[rng.integers(len(BACKDROP))],
                   dtype=np.float32)
    c = c * rng.uniform(0.85, 1.1, 3)
    base = np.ones((h, w, 3), np.float32) * c
    return base * (0.9 + 0.2 * fnoise(rng, h, w, 3.5)[..., None])


def _marks(img: np.ndarray, rng: np.random.Generator, mask: np.ndarray, skin: np.ndarray,
           count: int) -> None:
    """Moles and freckles at random places of ``mask``: what tells one person from another."""
    h, w = mask.shape
    ys, xs = np.nonzero(mask[::4, ::4] > 0.9)
    if len(xs) == 0:
        return
    for k in rng.integers(0, len(xs), count):
        r = rng.uniform(0.003, 0.012) * w
        m, _ = ellipse(h, w, xs[k] * 4, ys[k] * 4, r, r * rng.uniform(0.7, 1.3))
        paint(img, m * rng.uniform(0.4, 0.9), skin * rng.uniform(0.35, 0.7))


def synth_portrait(rng: np.random.Generator, w: int = 600, h: int = 760) -> Image.Image:
    """A head-and-shoulders portrait of one synthesised person: each seed draws its own face
    shape, features, hair, clothes, framing, lighting and skin marks."""
    img = _backdrop(rng, h, w)
    skin = np.asarray(SKIN[rng.integers(len(SKIN))], np.float32) * rng.uniform(0.92, 1.05, 3)
    hair = np.asarray(HAIR[rng.integers(len(HAIR))], np.float32)
    cloth = rng.uniform(20, 230, 3).astype(np.float32)
    cx = w / 2 + rng.uniform(-0.12, 0.12) * w
    cy = h * rng.uniform(0.3, 0.5)
    rx = w * rng.uniform(0.13, 0.25)
    ry = rx * rng.uniform(1.15, 1.55)
    tex = fnoise(rng, h, w, 2.2)[..., None]
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    # shoulders and clothes, a collar or a neckline
    sw_ = w * rng.uniform(0.3, 0.55)
    m, _ = ellipse(h, w, cx + rng.uniform(-0.05, 0.05) * w, cy + ry * rng.uniform(2.2, 3.0),
                   sw_, ry * rng.uniform(1.1, 1.6))
    paint(img, m, cloth * (0.8 + 0.4 * tex))
    if rng.random() < 0.5:
        m, _ = ellipse(h, w, cx, cy + ry * 1.6, rx * rng.uniform(0.4, 0.8), ry * 0.4)
        paint(img, m, skin * 0.8)
    m, _ = ellipse(h, w, cx, cy + ry * 1.05, rx * rng.uniform(0.35, 0.55), ry * 0.6)
    paint(img, m, skin * 0.85)
    style = int(rng.integers(5))      # 0 short, 1 long, 2 bald, 3 bun, 4 fringe
    if style == 1:
        m, _ = ellipse(h, w, cx, cy + ry * rng.uniform(0.3, 0.8), rx * rng.uniform(1.2, 1.6),
                       ry * rng.uniform(1.2, 1.8))
        paint(img, m, hair * (0.7 + 0.6 * tex))
    if style == 3:
        m, _ = ellipse(h, w, cx + rng.uniform(-0.3, 0.3) * rx, cy - ry * 1.1, rx * 0.45, ry * 0.35)
        paint(img, m, hair * (0.7 + 0.6 * tex))
    for sgn in (-1, 1):
        m, _ = ellipse(h, w, cx + sgn * rx * 0.98, cy + ry * rng.uniform(-0.05, 0.15), rx * 0.15,
                       ry * 0.2)
        paint(img, m, skin * 0.9)
    m, r = ellipse(h, w, cx, cy, rx, ry)
    side = rng.choice([-1, 1]) * rng.uniform(0.05, 0.35)
    shade = np.clip(1.05 - 0.35 * r ** 2 + side * (x - cx) / rx, 0.5, 1.15)[..., None]
    paint(img, m, skin * shade * (0.95 + 0.1 * tex))
    face = m
    if style in (0, 1, 3, 4):
        m, _ = ellipse(h, w, cx + rng.uniform(-0.15, 0.15) * rx, cy - ry * rng.uniform(0.5, 0.8),
                       rx * rng.uniform(1.0, 1.2), ry * rng.uniform(0.45, 0.7))
        cut = (y < cy - ry * rng.uniform(0.15, 0.45)).astype(np.float32)
        if style == 4:
            cut = (y < cy - ry * rng.uniform(0.05, 0.2)).astype(np.float32)
        paint(img, m * cut, hair * (0.7 + 0.6 * tex))
    ey = cy - ry * rng.uniform(-0.05, 0.2)
    ex = rx * rng.uniform(0.3, 0.5)
    esz = rng.uniform(0.7, 1.3)
    iris = np.asarray([(60, 40, 20), (50, 90, 130), (70, 100, 60), (30, 25, 20)][rng.integers(4)],
                      np.float32)
    tilt = rng.uniform(-0.06, 0.06) * ry
    for sgn in (-1, 1):
        eyy = ey + sgn * tilt
        m, _ = ellipse(h, w, cx + sgn * ex, eyy, rx * 0.2 * esz, ry * 0.08 * esz)
        paint(img, m, (235, 230, 225))
        m, _ = ellipse(h, w, cx + sgn * ex, eyy, rx * 0.08 * esz, ry * 0.075 * esz)
        paint(img, m, iris)
        m, _ = ellipse(h, w, cx + sgn * ex, eyy, rx * 0.035 * esz, ry * 0.035 * esz)
        paint(img, m, (10, 10, 10))
        m, _ = ellipse(h, w, cx + sgn * ex, eyy - ry * rng.uniform(0.12, 0.22), rx * 0.24,
                       ry * rng.uniform(0.02, 0.05))
        paint(img, m, hair * 0.8)
    if rng.random() < 0.25:            # glasses
        for sgn in (-1, 1):
            m, _ = ellipse(h, w, cx + sgn * ex, ey, rx * 0.3, ry * 0.16, soft=1.0)
            m2, _ = ellipse(h, w, cx + sgn * ex, ey, rx * 0.26, ry * 0.13, soft=1.0)
            paint(img, np.clip(m - m2, 0, 1), (30, 30, 30))
    nl = rng.uniform(0.15, 0.32)
    m, _ = ellipse(h, w, cx + rx * rng.uniform(-0.05, 0.08), cy + ry * nl,
                   rx * rng.uniform(0.08, 0.15), ry * nl)
    paint(img, m * 0.35, skin * 0.6)
    my = cy + ry * rng.uniform(0.45, 0.65)
    m, _ = ellipse(h, w, cx, my, rx * rng.uniform(0.2, 0.4), ry * rng.uniform(0.04, 0.1))
    paint(img, m, (150, 60, 60) * rng.uniform(0.8, 1.1, 3))
    if rng.random() < 0.2:             # beard
        m, _ = ellipse(h, w, cx, cy + ry * 0.7, rx * 0.8, ry * 0.45)
        paint(img, m * face * (y > my + ry * 0.05), hair * (0.7 + 0.6 * tex))
    _marks(img, rng, face, skin, int(rng.integers(0, 8)))
    img *= lighting(rng, h, w, 0.2)
    out = to_image(img).filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.6)))
    return grain(out, rng, rng.uniform(1.5, 4))


def synth_torso(rng: np.random.Generator, w: int = 640, h: int = 720) -> Image.Image:
    """A clinical torso shot of one synthesised person: build, posture, framing, chest or
    abdomen, navel, skin marks and underwear vary with the seed."""
    img = _backdrop(rng, h, w, BACKDROP[rng.integers(4)])
    skin = np.asarray(SKIN[rng.integers(len(SKIN))], np.float32) * rng.uniform(0.92, 1.05, 3)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    lean = rng.uniform(-0.08, 0.08)
    cx = w / 2 + rng.uniform(-0.1, 0.1) * w + lean * (y - h / 2)
    build = rng.uniform(0.17, 0.33)
    waist = rng.uniform(0.0, 0.1)
    wy = rng.uniform(0.45, 0.75)
    half = w * (build - waist * np.exp(-((y / h - wy) / 0.2) ** 2)
                + rng.uniform(-0.03, 0.05) * y / h)
    trunk = np.clip((half - np.abs(x - cx)) / 2 + 0.5, 0, 1)
    cyl = np.clip(1 - 0.45 * ((x - cx) / np.maximum(half, 1)) ** 2, 0.3, 1)[..., None]
    tex = fnoise(rng, h, w, 2.4)[..., None]
    gap = rng.uniform(0.03, 0.1)
    for sgn in (-1, 1):     # arms
        aw = rng.uniform(0.05, 0.09)
        ax_ = float(np.mean(cx)) + sgn * w * (build + gap * 0.3 + aw)
        m, _ = ellipse(h, w, ax_, h * rng.uniform(0.45, 0.65), w * aw, h * rng.uniform(0.45, 0.6))
        paint(img, m, skin * 0.8 * (0.95 + 0.1 * tex))
    paint(img, trunk, skin * cyl * (0.95 + 0.1 * tex))
    sy = h * rng.uniform(-0.08, 0.08)
    m, _ = ellipse(h, w, float(np.mean(cx)), sy, w * (build + rng.uniform(0.04, 0.12)),
                   h * rng.uniform(0.08, 0.16))
    paint(img, m, skin * 0.95)
    kind = int(rng.integers(3))
    cy0 = float(np.mean(cx))
    if kind == 0:     # chest
        by = h * rng.uniform(0.28, 0.45)
        bs = rng.uniform(0.07, 0.13)
        sep = rng.uniform(0.07, 0.13)
        for sgn in (-1, 1):
            m, r = ellipse(h, w, cy0 + sgn * w * sep, by, w * bs, h * bs * 0.9)
            paint(img, m * 0.6, skin * np.clip(1.1 - 0.4 * r, 0.6, 1.1)[..., None])
            mm, _ = ellipse(h, w, cy0 + sgn * w * sep, by + h * bs * 0.3, w * 0.015, h * 0.015)
            paint(img, mm, skin * 0.6)
    ny = h * rng.uniform(0.55, 0.78)
    m, _ = ellipse(h, w, cy0 + rng.uniform(-0.02, 0.02) * w, ny, w * rng.uniform(0.008, 0.02),
                   h * rng.uniform(0.01, 0.025))
    paint(img, m, skin * 0.45)
    if rng.random() < 0.4:     # a scar
        x0, y0 = cy0 + rng.uniform(-0.15, 0.15) * w, h * rng.uniform(0.3, 0.8)
        m, _ = ellipse(h, w, x0, y0, w * rng.uniform(0.04, 0.12), h * 0.004)
        paint(img, m * 0.7, skin * 0.75 + 40)
    if kind == 2 or rng.random() < 0.3:     # briefs
        band = np.clip((y - h * rng.uniform(0.8, 0.92)) / 2, 0, 1) * trunk
        paint(img, band, rng.uniform(20, 230, 3))
    _marks(img, rng, trunk, skin, int(rng.integers(0, 12)))
    img *= lighting(rng, h, w, 0.18)
    out = to_image(img).filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.5)))
    return grain(out, rng, rng.uniform(1.5, 3.5))


def synth_landscape(rng: np.random.Generator, w: int = 800, h: int = 560,
                    flat_horizon: float | None = None) -> Image.Image:
    """Sky, clouds, ridges or a sea horizon, textured ground."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    top = rng.uniform([40, 90, 160], [120, 160, 230])
    bottom = rng.uniform([170, 190, 210], [240, 240, 250])
    t = (y / h)[..., None]
    img = top * (1 - t) + bottom * t
    clouds = np.clip((fnoise(rng, h, w, 2.6) - 0.55) * 3, 0, 1)
    paint(img, clouds * 0.8, (245, 245, 248))
    if flat_horizon is not None:
        hy = h * flat_horizon
        sea = np.clip((y - hy) + 0.5, 0, 1)
        col = rng.uniform([20, 60, 90], [60, 110, 150])
        paint(img, sea, col * (0.8 + 0.4 * fnoise(rng, h, w, 1.6)[..., None]))
    else:
        for k in range(int(rng.integers(1, 4))):
            prof = fnoise(rng, 1, w, 2.0)[0]
            base = h * (0.35 + 0.15 * k) + (prof - 0.5) * h * 0.35
            m = np.clip(y - base[None, :] + 0.5, 0, 1)
            col = np.asarray(rng.uniform([40, 60, 40], [110, 130, 100])) * (1 + 0.25 * (2 - k))
            paint(img, m, col * (0.75 + 0.5 * fnoise(rng, h, w, 1.8)[..., None]))
    img *= lighting(rng, h, w, 0.15)
    return grain(to_image(img).filter(ImageFilter.GaussianBlur(0.7)), rng, 2.5)


def synth_interior(rng: np.random.Generator, w: int = 800, h: int = 600,
                   door_at: float | None = None, double_door: bool = False) -> Image.Image:
    """A room: walls, floor, a door frame (a strong vertical line), a window, furniture."""
    wall = rng.uniform([180, 170, 150], [245, 240, 235])
    img = np.ones((h, w, 3), np.float32) * wall
    im = to_image(img * (0.9 + 0.15 * fnoise(rng, h, w, 3.0)[..., None]))
    d = ImageDraw.Draw(im)
    floor_y = int(h * rng.uniform(0.68, 0.8))
    fc = tuple(int(c) for c in rng.uniform([90, 60, 40], [170, 140, 110]))
    d.rectangle([0, floor_y, w, h], fill=fc)
    for i in range(0, w, int(rng.integers(40, 90))):
        d.line([(i, floor_y), (i + (i - w / 2) * 0.6, h)], fill=tuple(c - 25 for c in fc), width=2)
    if rng.random() < 0.6:   # window with mullions
        wx = int(w * rng.uniform(0.05, 0.3))
        ww_, wh = int(w * 0.22), int(h * 0.35)
        d.rectangle([wx, int(h * 0.15), wx + ww_, int(h * 0.15) + wh], fill=(200, 225, 245),
                    outline=(250, 250, 250), width=8)
        d.line([(wx + ww_ // 2, int(h * 0.15)), (wx + ww_ // 2, int(h * 0.15) + wh)],
               fill=(250, 250, 250), width=6)
    dx = door_at if door_at is not None else rng.uniform(0.55, 0.85)
    dcol = tuple(int(c) for c in rng.uniform([60, 40, 20], [200, 180, 160]))
    frame = tuple(max(0, c - 50) for c in dcol)
    if double_door:
        dw = int(w * 0.16)
        x0 = int(w * 0.5) - dw
        d.rectangle([x0 - 12, int(h * 0.12), x0 + 2 * dw + 12, floor_y], fill=frame)
        for k in range(2):
            d.rectangle([x0 + k * dw + 3, int(h * 0.12) + 12, x0 + (k + 1) * dw - 3, floor_y],
                        fill=dcol)
            d.rectangle([x0 + k * dw + 20, int(h * 0.2), x0 + (k + 1) * dw - 20, int(h * 0.45)],
                        outline=frame, width=4)
    else:
        x0 = int(w * dx)
        dw = int(w * rng.uniform(0.12, 0.18))
        d.rectangle([x0 - 10, int(h * 0.1), x0 + dw + 10, floor_y], fill=frame)
        d.rectangle([x0, int(h * 0.1) + 10, x0 + dw, floor_y], fill=dcol)
        d.ellipse([x0 + dw - 22, int(h * 0.45), x0 + dw - 10, int(h * 0.45) + 12],
                  fill=(220, 200, 90))
    if rng.random() < 0.7:    # a desk or a sofa
        fx = int(w * rng.uniform(0.05, 0.5))
        fcol = tuple(int(c) for c in rng.uniform(30, 200, 3))
        d.rectangle([fx, floor_y - int(h * 0.18), fx + int(w * 0.3), floor_y + int(h * 0.05)],
                    fill=fcol)
    if rng.random() < 0.5:    # a picture on the wall
        px = int(w * rng.uniform(0.3, 0.5))
        d.rectangle([px, int(h * 0.2), px + int(w * 0.12), int(h * 0.36)], fill=(40, 40, 40))
        d.rectangle([px + 6, int(h * 0.2) + 6, px + int(w * 0.12) - 6, int(h * 0.36) - 6],
                    fill=tuple(int(c) for c in rng.uniform(60, 230, 3)))
    a = np.asarray(im, np.float32) * lighting(rng, h, w, 0.3)
    return grain(to_image(a).filter(ImageFilter.GaussianBlur(0.9)), rng, 2.5)


def synth_product(rng: np.random.Generator, w: int = 800, h: int = 800, n: int = 1) -> Image.Image:
    """Bottles, jars and boxes with cylindrical shading and shadows on a plain background."""
    bg = rng.choice([255, 245, 230, 200]) * np.ones(3) * rng.uniform(0.95, 1.0, 3)
    img = np.ones((h, w, 3), np.float32) * bg
    if rng.random() < 0.5:
        y = np.mgrid[0:h, 0:w][0].astype(np.float32)
        img *= (1 - 0.12 * (y / h))[..., None]
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    slots = np.linspace(0, w, n + 2)[1:-1]
    for cx in slots:
        cx += rng.uniform(-0.04, 0.04) * w
        kind = rng.integers(3)
        col = rng.uniform(20, 240, 3)
        bw = w * rng.uniform(0.08, 0.14) * (1.4 if n == 1 else 1)
        top = h * rng.uniform(0.2, 0.4)
        base = h * rng.uniform(0.78, 0.86)
        if kind == 1:
            top = base - bw * rng.uniform(1.0, 1.6)
        m, _ = ellipse(h, w, cx + bw * 0.3, base + 6, bw * 1.3, bw * 0.2, soft=12)
        paint(img, m * 0.35, (60, 60, 60))
        body = ((np.abs(x - cx) < bw) & (y > top) & (y < base)).astype(np.float32)
        shade = np.clip(1.05 - 0.6 * ((x - cx + bw * 0.3) / bw) ** 2, 0.35, 1.2)[..., None]
        paint(img, body, col * shade)
        hl = ((np.abs(x - cx + bw * 0.45) < bw * 0.08) & (y > top + 10)
              & (y < base - 10)).astype(np.float32)
        paint(img, hl * 0.5, (255, 255, 255))
        if kind == 0:   # neck and cap
            neck = ((np.abs(x - cx) < bw * 0.3) & (y > top - bw * 0.9) & (y <= top))
            paint(img, neck.astype(np.float32), col * 0.8)
            cap = ((np.abs(x - cx) < bw * 0.38) & (y > top - bw * 1.4) & (y <= top - bw * 0.9))
            paint(img, cap.astype(np.float32), rng.uniform(10, 240, 3))
        elif kind == 1:  # jar lid
            lid = ((np.abs(x - cx) < bw * 1.05) & (y > top - bw * 0.35) & (y <= top))
            paint(img, lid.astype(np.float32), rng.uniform(150, 230, 3))
        label = ((np.abs(x - cx) < bw * 0.85) & (y > top + (base - top) * 0.35)
                 & (y < top + (base - top) * 0.7)).astype(np.float32)
        paint(img, label, np.asarray(rng.uniform(200, 255, 3)) * shade)
    im = to_image(img).filter(ImageFilter.GaussianBlur(0.8))
    d = ImageDraw.Draw(im)
    if rng.random() < 0.6:
        d.text((w * 0.06, h * 0.05), str(rng.choice(["Sérum", "Crème", "Gamme soin", "Nouveau"])),
               font=font(int(h * 0.06), True), fill=(40, 40, 40))
    return grain(im, rng, 1.2)


def synth_infographic(rng: np.random.Generator, w: int = 1080, h: int = 1080,
                      charts: int = 1) -> Image.Image:
    """Title, bar charts with axes and values, a pie, big percentages, icons."""
    bg = tuple(int(c) for c in rng.choice([(255, 255, 255), (245, 247, 250), (250, 244, 236),
                                           (230, 240, 245)]))
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    accent = tuple(int(c) for c in rng.uniform(20, 200, 3))
    d.text((w * 0.06, h * 0.04), " ".join(rng.choice(WORDS, 3)).upper(),
           font=font(int(h * 0.05), True), fill=accent)
    d.text((w * 0.06, h * 0.11), text_lines(rng, 1, 5, 9)[0], font=font(int(h * 0.028)),
           fill=(80, 80, 80))
    area_top, area_bot = int(h * 0.22), int(h * 0.72)
    cw = (w * 0.88) / charts
    for c in range(charts):
        x0 = int(w * 0.06 + c * cw)
        kind = rng.integers(2) if charts == 1 else 0
        if kind == 0:
            nb = int(rng.integers(3, 8))
            bw = (cw * 0.8) / nb
            d.line([(x0, area_bot), (x0 + cw * 0.9, area_bot)], fill=(60, 60, 60), width=3)
            d.line([(x0, area_top), (x0, area_bot)], fill=(60, 60, 60), width=3)
            for b in range(nb):
                v = rng.uniform(0.15, 0.95)
                bx = x0 + 10 + b * bw
                col = accent if b % 2 == 0 else tuple(min(255, c + 70) for c in accent)
                d.rectangle([bx, area_bot - v * (area_bot - area_top), bx + bw * 0.7, area_bot],
                            fill=col)
                d.text((bx, area_bot + 8), f"{int(v * 100)}\u202f%",
                       font=font(int(h * 0.022)), fill=(60, 60, 60))
        else:
            r = int(min(cw, area_bot - area_top) * 0.4)
            cxy = (x0 + cw / 2, (area_top + area_bot) / 2)
            start = 0.0
            for k in range(int(rng.integers(3, 6))):
                ext = rng.uniform(40, 140)
                d.pieslice([cxy[0] - r, cxy[1] - r, cxy[0] + r, cxy[1] + r], start, start + ext,
                           fill=tuple(int(v) for v in rng.uniform(30, 230, 3)))
                start += ext
            d.pieslice([cxy[0] - r, cxy[1] - r, cxy[0] + r, cxy[1] + r], start, 360,
                       fill=(200, 200, 200))
    for k in range(3):
        ix = int(w * (0.08 + 0.3 * k))
        d.ellipse([ix, int(h * 0.8), ix + int(h * 0.09), int(h * 0.89)], fill=accent)
        d.text((ix + int(h * 0.11), int(h * 0.81)), f"{int(rng.integers(5, 99))}\u202f%",
               font=font(int(h * 0.05), True), fill=(40, 40, 40))
    return im


def synth_text_slide(rng: np.random.Generator, w: int = 1080, h: int = 1080,
                     columns: int = 1) -> Image.Image:
    """A slide: coloured background, a title, bullet points (in one or two columns)."""
    c0 = rng.uniform(0, 255, 3)
    c1 = np.clip(c0 + rng.uniform(-60, 60, 3), 0, 255)
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    a = c0 * (1 - y) + c1 * y * np.ones((1, w, 1), np.float32)
    im = to_image(a)
    d = ImageDraw.Draw(im)
    dark = float(np.mean(c0)) > 128
    fg = (20, 20, 20) if dark else (250, 250, 250)
    d.text((w * 0.07, h * 0.08), text_lines(rng, 1, 2, 4)[0], font=font(int(h * 0.065), True),
           fill=fg)
    colw = w * 0.86 / columns
    for c in range(columns):
        yy = h * 0.25
        for line in text_lines(rng, int(rng.integers(4, 8)), 3, 6 if columns == 1 else 4):
            x = w * 0.07 + c * colw
            d.ellipse([x, yy + h * 0.012, x + h * 0.018, yy + h * 0.03], fill=fg)
            d.text((x + h * 0.04, yy), line, font=font(int(h * 0.036)), fill=fg)
            yy += h * 0.085
    return im


def synth_page(rng: np.random.Generator, w: int = 1100, h: int = 1400) -> Image.Image:
    """A printed page photographed on a desk: perspective, uneven light, blur, noise."""
    page = Image.new("RGB", (850, 1100), (248, 246, 240))
    d = ImageDraw.Draw(page)
    d.text((70, 60), text_lines(rng, 1, 3, 5)[0], font=font(34, True), fill=(20, 20, 20))
    yy = 130
    f = font(19)
    while yy < 1030:
        if rng.random() < 0.12:
            yy += 22
            continue
        d.text((70, yy), " ".join(rng.choice(WORDS, int(rng.integers(9, 12)))), font=f,
               fill=(30, 30, 30))
        yy += 27
    desk = np.ones((h, w, 3), np.float32) * rng.uniform([90, 60, 30], [170, 130, 90])
    desk *= (0.8 + 0.4 * fnoise(rng, h, w, 1.5))[..., None]
    out = to_image(desk)
    jit = lambda: rng.uniform(-0.06, 0.06)  # noqa: E731
    quad = [(-jit() * 850, -jit() * 1100), (-jit() * 850, 1100 + jit() * 1100),
            (850 + jit() * 850, 1100 + jit() * 1100), (850 + jit() * 850, -jit() * 1100)]
    flat = [c for p in quad for c in p]
    warped = page.transform((int(w * 0.8), int(h * 0.8)), Image.Transform.QUAD, flat,
                            Image.Resampling.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new("L", page.size, 255).transform(warped.size, Image.Transform.QUAD, flat,
                                                     Image.Resampling.BILINEAR)
    out.paste(warped, (int(w * 0.1), int(h * 0.1)), mask)
    a = np.asarray(out, np.float32) * lighting(rng, h, w, 0.35)
    return grain(to_image(a).filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.4))), rng, 3)


def text_panel(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    """A quote or an information panel, the text half of a « photo + text » post."""
    bg = tuple(int(c) for c in BRAND[rng.integers(len(BRAND))])
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    fg = (20, 20, 20) if sum(bg) > 380 else (245, 245, 245)
    size = max(10, int(min(w, h) * 0.06))
    yy = h * 0.15
    d.text((w * 0.08, yy), "« " + text_lines(rng, 1, 2, 4)[0] + " »", font=font(size, True),
           fill=fg)
    yy += size * 2
    for line in text_lines(rng, int(rng.integers(4, 9)), 3, 5):
        d.text((w * 0.08, yy), line, font=font(int(size * 0.7)), fill=fg)
        yy += size * 1.2
    return im


# --------------------------------------------------------------------------- views of a subject

@dataclass
class View:
    """A window on a source picture: centre, size (source pixels), rotation, mirror."""
    cx: float
    cy: float
    w: float
    h: float
    angle: float = 0.0
    mirror: bool = False


def base_view(src: Image.Image, aspect: float, rng: np.random.Generator,
              frac: tuple[float, float] = (0.6, 0.8), centred: bool = False) -> View:
    """A window of the cell's aspect covering ``frac`` of the source, leaving room to zoom out
    (``centred``: near the middle, where a synthesised subject stands)."""
    sw, sh = src.size
    f = rng.uniform(*frac)
    w = min(sw * f, sh * f * aspect)
    h = w / aspect
    spread = 0.25 if centred else 0.8
    cx = sw / 2 + rng.uniform(-1, 1) * max(0.0, sw - w / 0.8) / 2 * spread
    cy = sh / 2 + rng.uniform(-1, 1) * max(0.0, sh - h / 0.8) / 2 * spread
    return View(cx, cy, w, h)


def render_view(src: Image.Image, v: View, size: tuple[int, int], fill) -> Image.Image:
    """The window ``v`` of ``src`` resampled to ``size`` (an affine map, bicubic)."""
    ow, oh = size
    sx, sy = v.w / ow, v.h / oh
    ca, sa = math.cos(v.angle), math.sin(v.angle)
    mx = -1.0 if v.mirror else 1.0
    # input = centre + R · S · (output - output centre); the mirror flips the output's x axis
    a, b = ca * sx * mx, -sa * sy
    d_, e = sa * sx * mx, ca * sy
    c = v.cx - a * ow / 2 - b * oh / 2
    f = v.cy - d_ * ow / 2 - e * oh / 2
    # Resample in steps when shrinking a lot: affine transforms do not filter.
    shrink = min(1 / max(sx, 1e-6), 1 / max(sy, 1e-6))
    src_s, scale = src, 1.0
    if shrink < 0.5:
        scale = max(shrink * 2, 0.05)
        src_s = src.resize((max(1, int(src.width * scale)), max(1, int(src.height * scale))),
                           Image.Resampling.LANCZOS)
        a, b, c, d_, e, f = a * scale, b * scale, c * scale, d_ * scale, e * scale, f * scale
    return src_s.transform(size, Image.Transform.AFFINE, (a, b, c, d_, e, f),
                           Image.Resampling.BICUBIC, fillcolor=fill)


def vary_view(base: View, src: Image.Image, rng: np.random.Generator, strength: float) -> View:
    """Zoom 0.8-1.3×, shifts, a slight rotation, sometimes a mirror; kept inside the source."""
    z = float(np.clip(rng.uniform(0.8, 1.3) ** strength, 0.8, 1.3))
    w, h = base.w / z, base.h / z
    cx = base.cx + rng.uniform(-0.07, 0.07) * base.w * strength
    cy = base.cy + rng.uniform(-0.07, 0.07) * base.h * strength
    sw, sh = src.size
    w, h = min(w, sw * 0.98), min(h, sh * 0.98)
    cx = float(np.clip(cx, w / 2, sw - w / 2))
    cy = float(np.clip(cy, h / 2, sh - h / 2))
    ang = math.radians(rng.uniform(-4, 4) * strength)
    return View(cx, cy, w, h, ang, bool(rng.random() < 0.12 * strength))


def photometric(im: Image.Image, rng: np.random.Generator, strength: float) -> Image.Image:
    """Exposure, gamma, contrast, colour balance, saturation, blur or sharpening, local retouch."""
    a = np.asarray(im, np.float32) / 255
    gain = rng.uniform(0.7, 1.3) ** strength
    gamma = rng.uniform(0.72, 1.35) ** strength
    chan = rng.uniform(0.9, 1.1, 3) ** strength
    a = np.clip(a, 0, 1) ** gamma * gain * chan
    con = rng.uniform(0.8, 1.25) ** strength
    a = (a - a.mean()) * con + a.mean()
    out = to_image(a * 255)
    out = ImageEnhance.Color(out).enhance(rng.uniform(0.7, 1.3) ** strength)
    r = rng.random()
    if r < 0.3 * strength:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2.0) * out.width / 600))
    elif r < 0.5 * strength:
        out = out.filter(ImageFilter.UnsharpMask(2, int(rng.integers(80, 180)), 2))
    if rng.random() < 0.5 * strength:   # a local retouch: smoothed, lighter or darker area
        w, h = out.size
        cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
        m, _ = ellipse(h, w, cx, cy, w * rng.uniform(0.08, 0.2), h * rng.uniform(0.08, 0.2),
                       soft=w * 0.04)
        smooth = np.asarray(out.filter(ImageFilter.GaussianBlur(w / 60)), np.float32)
        smooth *= rng.uniform(0.9, 1.1)
        b = np.asarray(out, np.float32)
        out = to_image(b * (1 - m[..., None]) + smooth * m[..., None])
    return out


# --------------------------------------------------------------------------- layout

LAYOUTS = {  # name: (rows, cols, layout label)
    "side-by-side": (1, 2, "side-by-side"),
    "stacked": (2, 1, "stacked"),
    "grid": (2, 2, "grid"),
    "row3": (1, 3, "side-by-side"),
    "col3": (3, 1, "stacked"),
    "row4": (1, 4, "side-by-side"),
}


@dataclass
class Sheet:
    """A laid-out canvas and where its panels are."""
    image: Image.Image
    boxes: list[list[int]]
    cells: list[tuple[int, int, int, int]]
    gutter: int
    band: tuple[int, int] | None = None     # caption band: y, height
    extras: list[str] = field(default_factory=list)


def plan_cells(rows: int, cols: int, long_side: int, aspect: float, gutter: int, border: int,
               band: int) -> tuple[int, int, int, int]:
    """Cell width and height and canvas size so that the canvas's long side is ``long_side``."""
    cw = min((long_side - (cols - 1) * gutter - 2 * border) / cols,
             (long_side - (rows - 1) * gutter - 2 * border - band) * aspect / rows)
    cw = max(40, int(cw))
    ch = max(40, int(cw / aspect))
    W = cols * cw + (cols - 1) * gutter + 2 * border
    H = rows * ch + (rows - 1) * gutter + 2 * border + band
    return cw, ch, W, H


def lay_out(panels: list[Image.Image], rows: int, cols: int, cw: int, ch: int, W: int, H: int,
            gutter: int, border: int, colour, band_top: int, band: int,
            contain: bool) -> Sheet:
    canvas = Image.new("RGB", (W, H), tuple(int(c) for c in colour))
    boxes, cells = [], []
    for i, p in enumerate(panels):
        r, c = divmod(i, cols)
        x = border + c * (cw + gutter)
        y = border + band_top + r * (ch + gutter)
        cells.append((x, y, cw, ch))
        if contain and (p.width != cw or p.height != ch):
            s = min(cw / p.width, ch / p.height)
            pw, ph = max(1, int(p.width * s)), max(1, int(p.height * s))
            p = p.resize((pw, ph), Image.Resampling.LANCZOS)
            ox, oy = x + (cw - pw) // 2, y + (ch - ph) // 2
            canvas.paste(p, (ox, oy))
            boxes.append([ox, oy, pw, ph])
        else:
            canvas.paste(p, (x, y))
            boxes.append([x, y, cw, ch])
    return Sheet(canvas, boxes, cells, gutter,
                 (0 if band_top else H - band, band) if band else None)


def draw_label(d: ImageDraw.ImageDraw, text: str, box, rng: np.random.Generator, where: str,
               style: int) -> None:
    x, y, w, h = box
    size = max(10, int(h * rng.uniform(0.05, 0.1)))
    f = font(size, bold=bool(rng.random() < 0.7))
    tw = d.textlength(text, font=f)
    pad = size * 0.3
    if where == "top-left":
        tx, ty = x + w * 0.05, y + h * 0.04
    elif where == "top-centre":
        tx, ty = x + (w - tw) / 2, y + h * 0.04
    else:
        tx, ty = x + (w - tw) / 2, y + h * 0.96 - size * 1.3
    if style == 0:
        d.rectangle([tx - pad, ty - pad, tx + tw + pad, ty + size * 1.2 + pad],
                    fill=(255, 255, 255))
        d.text((tx, ty), text, font=f, fill=(0, 0, 0))
    elif style == 1:
        d.text((tx, ty), text, font=f, fill=(255, 255, 255), stroke_width=max(1, size // 12),
               stroke_fill=(0, 0, 0))
    else:
        d.rectangle([tx - pad, ty - pad, tx + tw + pad, ty + size * 1.2 + pad], fill=(0, 0, 0))
        d.text((tx, ty), text, font=f, fill=(255, 255, 255))


def draw_arrow(d: ImageDraw.ImageDraw, a, b, horizontal: bool, size: int) -> None:
    """An arrow centred on the seam between cells ``a`` and ``b``."""
    if horizontal:
        cx = (a[0] + a[2] + b[0]) / 2
        cy = a[1] + a[3] / 2
        d.line([(cx - size, cy), (cx + size * 0.3, cy)], fill=(255, 255, 255),
               width=max(3, size // 4))
        d.polygon([(cx + size, cy), (cx + size * 0.2, cy - size * 0.5),
                   (cx + size * 0.2, cy + size * 0.5)], fill=(255, 255, 255), outline=(0, 0, 0))
    else:
        cx = a[0] + a[2] / 2
        cy = (a[1] + a[3] + b[1]) / 2
        d.line([(cx, cy - size), (cx, cy + size * 0.3)], fill=(255, 255, 255),
               width=max(3, size // 4))
        d.polygon([(cx, cy + size), (cx - size * 0.5, cy + size * 0.2),
                   (cx + size * 0.5, cy + size * 0.2)], fill=(255, 255, 255), outline=(0, 0, 0))


def decorate(sheet: Sheet, texts, rng: np.random.Generator, horizontal: bool,
             arrow: bool, watermark: bool, caption: bool) -> None:
    d = ImageDraw.Draw(sheet.image)
    style = int(rng.integers(3))
    where = ["top-left", "top-centre", "bottom"][int(rng.integers(3))]
    if texts:
        columns = len({c[0] for c in sheet.cells})
        if caption and sheet.band and columns > 1:
            # one caption per column in the band, the other texts on their panels
            by, bh = sheet.band
            bg = sheet.image.getpixel((1, by + bh // 2))
            fg = (0, 0, 0) if sum(bg) > 380 else (255, 255, 255)
            for t, (x, _, w, _) in zip(texts[:columns], sheet.cells[:columns]):
                f = font(int(bh * 0.55), True)
                tw = d.textlength(t, font=f)
                d.text((x + (w - tw) / 2, by + bh * 0.2), t, font=f, fill=fg)
            for t, box in zip(texts[columns:], sheet.boxes[columns:]):
                draw_label(d, t, box, rng, where, style)
            sheet.extras.append("caption")
        else:
            for t, box in zip(texts, sheet.boxes):
                draw_label(d, t, box, rng, where, style)
            sheet.extras.append("labels")
    if arrow and len(sheet.cells) >= 2:
        a, b = sheet.cells[0], sheet.cells[1]
        draw_arrow(d, a, b, horizontal, max(12, int(min(a[2], a[3]) * 0.08)))
        sheet.extras.append("arrow")
    if watermark:
        W, H = sheet.image.size
        over = Image.new("RGBA", sheet.image.size, (0, 0, 0, 0))
        od = ImageDraw.Draw(over)
        f = font(max(12, int(min(W, H) * 0.035)))
        t = "Dr Martin · chirurgie esthétique"
        tw = od.textlength(t, font=f)
        od.text(((W - tw) / 2, H * 0.9), t, font=f, fill=(255, 255, 255, 110))
        sheet.image = Image.alpha_composite(sheet.image.convert("RGBA"), over).convert("RGB")
        sheet.extras.append("watermark")


# --------------------------------------------------------------------------- the set

class SplitMaker:
    """Draws the images of one split from its own sources and seeds."""

    def __init__(self, name: str, spec: dict, reseed: int = 0):
        self.name = name
        self.spec = spec
        self.rng = np.random.default_rng(spec["seed"] + 7919 * reseed)
        self.photos = {n: load_photo(n) for n in spec["photos"]}
        self.synth_counter = spec["synth_base"] + 1_000_000 * reseed

    # --- subjects -------------------------------------------------------------
    def _seed(self) -> np.random.Generator:
        self.synth_counter += 1
        return np.random.default_rng(self.synth_counter)

    def subject(self, kind: str | None = None) -> tuple[str, Image.Image]:
        """A picture of one subject: a sample photo, an LFW face, a synthesised person or place."""
        rng = self.rng
        kind = kind or str(rng.choice(["photo", "photo", "face", "portrait", "torso", "landscape"]))
        if kind == "photo":
            name = str(rng.choice(sorted(self.photos)))
            return name, self.photos[name]
        if kind == "face":
            i = int(rng.choice(list(self.spec["faces"])))
            return f"lfw{i}", load_face(i, self._seed())
        if kind == "portrait":
            return f"portrait{self.synth_counter + 1}", synth_portrait(self._seed())
        if kind == "torso":
            return f"torso{self.synth_counter + 1}", synth_torso(self._seed())
        if kind == "landscape":
            return f"landscape{self.synth_counter + 1}", synth_landscape(self._seed())
        raise ValueError(kind)

    def distinct_subjects(self, n: int, kinds: list[str] | None = None):
        out, names = [], set()
        while len(out) < n:
            k = kinds[len(out) % len(kinds)] if kinds else None
            name, im = self.subject(k)
            if name in names or (name.startswith("motorcycle") and any(
                    x.startswith("motorcycle") for x in names)):
                continue
            names.add(name)
            out.append((name, im))
        return out

    # --- geometry -------------------------------------------------------------
    def geometry(self, layout: str, force_gutter: int | None = None):
        rng = self.rng
        rows, cols, label = LAYOUTS[layout]
        aspect = float(rng.choice([3 / 4, 4 / 5, 1.0, 4 / 3, 2 / 3, 5 / 4]))
        if rows > cols and aspect < 1 and rng.random() < 0.6:
            aspect = 1 / aspect
        long_side = int(rng.choice([600, 800, 1080, 1080, 1200, 1440, 1600, 2048, 3000, 4000],
                                   p=[.08, .1, .16, .1, .1, .1, .1, .1, .06, .1]))
        gutter = force_gutter if force_gutter is not None else int(
            rng.choice([0, 0, 0, 0, 1, 2, 3, 4, 8, 12, 20, 30, 40]))
        colour = BRAND[int(rng.integers(len(BRAND)))]
        if 0 < gutter <= 3 and rng.random() < 0.6:      # a thin white (or black) line
            colour = BRAND[int(rng.integers(2))]
        border = int(rng.choice([0, 0, 0, gutter, 16])) if gutter else int(rng.choice([0, 0, 12]))
        band = 0
        if rng.random() < 0.15:
            band = int(long_side * rng.uniform(0.05, 0.09))
        return rows, cols, label, aspect, long_side, gutter, colour, border, band

    # --- writers ---------------------------------------------------------------
    def save(self, im: Image.Image, index: int, out: Path) -> tuple[str, str, int | None]:
        rng = self.rng
        folder = out / self.name
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < 0.1:
            rel = f"{self.name}/{index:04d}.png"
            im.save(out / rel, optimize=False)
            return rel, "PNG", None
        q = int(rng.integers(60, 96))
        rel = f"{self.name}/{index:04d}.jpg"
        im.save(out / rel, quality=q)
        return rel, "JPEG", q

    def composite_sheet(self, layout: str, subjects, same: bool, texts=None,
                        force_gutter: int | None = None, text_side: int | None = None):
        """Lay out views of ``subjects`` (one subject repeated when ``same``)."""
        rng = self.rng
        rows, cols, label, aspect, long_side, gutter, colour, border, band = self.geometry(
            layout, force_gutter)
        n = rows * cols
        cw, ch, W, H = plan_cells(rows, cols, long_side, aspect, gutter, border, band)
        contain = bool(rng.random() < 0.1)
        panels = []
        names = []
        stereo = same and subjects[0][0].startswith("motorcycle") and rng.random() < 0.5
        if same:
            name, src = subjects[0]
            base = base_view(src, aspect, rng, centred=name not in self.photos)
            first_plain = rng.random() < 0.5
            for i in range(n):
                s = src
                if stereo and i % 2 == 1:
                    s = self.photos["motorcycle_right" if name == "motorcycle_left"
                                    else "motorcycle_left"]
                strength = 0.0 if (i == 0 and first_plain) else float(rng.uniform(0.5, 1.0))
                v = vary_view(base, s, rng, strength) if strength else base
                size = (cw, ch)
                if contain and i % 2 == 1:
                    size = (int(cw * rng.uniform(0.75, 0.95)), ch)
                p = render_view(s, v, size, tuple(int(c) for c in np.asarray(s).mean((0, 1))))
                panels.append(photometric(p, rng, strength) if strength else p)
                names.append(name)
        else:
            for i in range(n):
                if text_side is not None and i == text_side:
                    panels.append(text_panel(rng, cw, ch))
                    names.append("text-panel")
                    continue
                name, src = subjects[i % len(subjects)]
                v = base_view(src, aspect, rng, (0.7, 0.95), centred=name not in self.photos)
                fill = tuple(int(c) for c in np.asarray(src).mean((0, 1)))
                p = render_view(src, v, (cw, ch), fill)
                strength = float(rng.uniform(0, 0.7))
                panels.append(photometric(p, rng, strength) if strength else p)
                names.append(name)
        band_top = band if (band and rng.random() < 0.7) else 0
        sheet = lay_out(panels, rows, cols, cw, ch, W, H, gutter, border, colour,
                        band_top, band, contain)
        caption = bool(band and texts)
        decorate(sheet, texts, rng, horizontal=cols > 1,
                 arrow=bool(same and rng.random() < 0.2), watermark=bool(rng.random() < 0.12),
                 caption=caption)
        return sheet, label, names

    def positive(self, index: int, out: Path) -> dict:
        rng = self.rng
        layout = str(rng.choice(["side-by-side", "side-by-side", "side-by-side", "stacked",
                                 "stacked", "grid", "grid", "row3", "col3", "row4"]))
        n = LAYOUTS[layout][0] * LAYOUTS[layout][1]
        kind = str(rng.choice(["photo", "photo", "face", "portrait", "portrait", "torso", "torso",
                               "landscape"]))
        subj = [self.subject(kind)]
        texts = None
        if rng.random() < 0.55:
            texts = list(MULTI[int(rng.integers(len(MULTI)))])[:n] if n > 2 else list(
                BEFORE_AFTER[int(rng.integers(len(BEFORE_AFTER)))])
            if n == 4 and layout == "grid" and rng.random() < 0.5:
                texts = ["AVANT", "APRÈS", "AVANT", "APRÈS"]
        sheet, label, names = self.composite_sheet(layout, subj, True, texts)
        return self.record(sheet, index, out, True, "composite", label, names)

    def negative(self, kind: str, index: int, out: Path) -> dict:
        rng = self.rng
        label, names, sheet = None, [], None
        if kind == "single-photo":
            choice = rng.integers(3)
            if choice == 0:
                name, src = self.subject("photo")
            elif choice == 1:
                name, src = self.subject("landscape")
            else:
                name, src = self.subject("torso")
            im = self.single(src)
            names = [name]
        elif kind == "single-portrait":
            name, src = self.subject(str(rng.choice(["face", "portrait", "portrait"])))
            im = self.single(src)
            names = [name]
        elif kind in ("two-different", "collage-different"):
            if kind == "two-different":
                layout = str(rng.choice(["side-by-side", "side-by-side", "stacked"]))
                pair = str(rng.choice(["face", "portrait", "torso", "mixed", "photo"]))
                kinds = None if pair == "mixed" else [pair]
                subjects = self.distinct_subjects(2, kinds)
            else:
                layout = str(rng.choice(["grid", "row3", "col3", "grid"]))
                n = LAYOUTS[layout][0] * LAYOUTS[layout][1]
                subjects = self.distinct_subjects(n)
            texts = list(NEUTRAL[int(rng.integers(len(NEUTRAL)))]) if rng.random() < 0.3 else None
            sheet, label, names = self.composite_sheet(layout, subjects, False, texts)
        elif kind == "photo-text":
            layout = str(rng.choice(["side-by-side", "stacked"]))
            subjects = [self.subject(str(rng.choice(["photo", "portrait", "torso"])))]
            sheet, label, names = self.composite_sheet(layout, subjects, False, None,
                                                       text_side=int(rng.integers(2)))
        elif kind == "infographic":
            g = self._seed()
            im = synth_infographic(g, int(rng.choice([1080, 1200, 1600])),
                                   int(rng.choice([1080, 1350, 1920])),
                                   charts=int(rng.choice([1, 1, 2])))
            names = ["infographic"]
        elif kind == "text-slide":
            g = self._seed()
            im = synth_text_slide(g, int(rng.choice([1080, 1600, 1920])),
                                  int(rng.choice([1080, 1350])), columns=int(rng.choice([1, 2])))
            names = ["text-slide"]
        elif kind == "page-text":
            if rng.random() < 0.3:
                im = self.single(load_photo(self.spec["page"]))
                names = [self.spec["page"]]
            else:
                im = synth_page(self._seed())
                names = ["page"]
        elif kind == "straight-lines":
            c = int(rng.integers(5))
            if c == 0:
                tex = str(rng.choice(self.spec["textures"]))
                im = self.single(load_photo(tex))
                names = [tex]
            elif c == 1:
                im = synth_interior(self._seed(), door_at=float(rng.uniform(0.35, 0.55)))
                names = ["door-frame"]
            elif c == 2:
                im = synth_landscape(self._seed(), flat_horizon=float(rng.uniform(0.4, 0.6)))
                names = ["horizon"]
            elif c == 3:
                im = synth_interior(self._seed(), double_door=True)
                names = ["double-door"]
            else:
                name, src = self.subject("photo")
                im = self.single(src, zoom=True)
                names = [name + "-crop"]
            im = self.single(im)
        elif kind == "interior":
            im = self.single(synth_interior(self._seed()))
            names = ["interior"]
        elif kind == "product":
            im = self.single(synth_product(self._seed(), n=int(rng.choice([1, 1, 2, 3]))))
            names = ["product"]
        else:
            raise ValueError(kind)
        if sheet is None:
            W, H = im.size
            return self.record(Sheet(im, [[0, 0, W, H]], [], 0), index, out, False, kind,
                               "single", names)
        return self.record(sheet, index, out, False, kind, label, names)

    def single(self, src: Image.Image, zoom: bool = False) -> Image.Image:
        """One picture at a drawn output size (600-4000 px), cropped or not, retouched lightly."""
        rng = self.rng
        long_side = int(rng.choice([600, 800, 1080, 1200, 1600, 2048, 4000],
                                   p=[.1, .15, .2, .15, .15, .13, .12]))
        im = src
        if zoom or rng.random() < 0.4:
            f = rng.uniform(0.45, 0.8) if zoom else rng.uniform(0.7, 0.95)
            w, h = int(im.width * f), int(im.height * f)
            x = int(rng.integers(0, im.width - w + 1))
            y = int(rng.integers(0, im.height - h + 1))
            im = im.crop((x, y, x + w, y + h))
        s = long_side / max(im.size)
        im = im.resize((max(1, int(im.width * s)), max(1, int(im.height * s))),
                       Image.Resampling.LANCZOS)
        return photometric(im, rng, float(rng.uniform(0, 0.5)))

    def record(self, sheet: Sheet, index: int, out: Path, positive: bool, kind: str,
               layout: str, names: list[str]) -> dict:
        rel, fmt, q = self.save(sheet.image, index, out)
        return {"file": rel, "split": self.name, "composite": positive,
                "label": "composite" if positive else "not-composite", "kind": kind,
                "layout": layout, "panels": sheet.boxes, "size": list(sheet.image.size),
                "sources": sorted(set(names)), "gutter": sheet.gutter, "format": fmt,
                "quality": q, "extras": sheet.extras}

    def make(self, out: Path) -> list[dict]:
        counts = self.spec["counts"]
        jobs = ["pos"] * counts["pos"] + [k for k, v in counts.items() if k != "pos"
                                          for _ in range(v)]
        order = self.rng.permutation(len(jobs))
        records = []
        for index, j in enumerate(order):
            kind = jobs[int(j)]
            rec = (self.positive(index, out) if kind == "pos"
                   else self.negative(kind, index, out))
            records.append(rec)
        return records


def build(out: Path, reseed: int = 0) -> list[dict]:
    """Write every split under ``out`` and ``out/labels.json``; returns the records."""
    out.mkdir(parents=True, exist_ok=True)
    records = []
    for name, spec in SPLITS.items():
        records += SplitMaker(name, spec, reseed).make(out)
    (out / "labels.json").write_text(json.dumps({"version": VERSION, "reseed": reseed,
                                                 "images": records},
                                                ensure_ascii=False, indent=1), encoding="utf-8")
    return records


def _labels(out: Path) -> dict | None:
    """The set's ``labels.json`` in ``out``, or None when there is none readable."""
    try:
        data = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def built_reseed(out: Path) -> int | None:
    """The ``--reseed`` of the set in ``out`` (0: the canonical set), or None when ``out`` holds
    no readable set."""
    data = _labels(out)
    return None if data is None else int(data.get("reseed", 0))


def is_current(out: Path, reseed: int = 0) -> bool:
    """True when ``out`` holds a complete set of this generator's version and seeds."""
    data = _labels(out)
    return data is not None and data.get("version") == VERSION and \
        data.get("reseed", 0) == reseed and all(
            (out / r["file"]).is_file() for r in data.get("images", []))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--force", action="store_true", help="rebuild even when the set is current")
    ap.add_argument("--reseed", type=int, default=0,
                    help="a new sample of the same design (every seed moved); 0: the canonical set")
    args = ap.parse_args(argv)
    if is_current(args.out, args.reseed) and not args.force:
        print(f"{args.out}: already current (use --force to rebuild)")
        return 0
    records = build(args.out, args.reseed)
    pos = sum(r["composite"] for r in records)
    print(f"{len(records)} images ({pos} composites, {len(records) - pos} others) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
