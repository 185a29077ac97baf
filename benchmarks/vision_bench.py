"""Text inside images (OCR) and faces: figures printed, no assertions.

    .venv/bin/python benchmarks/vision_bench.py [-v] [--quick] [--only ocr|faces|turned]
        [--no-baselines] [--turned-seed N]

OCR (:func:`editor.vision.ocr.recognise`) on pictures generated here, deterministically: labels
burned into scikit-image's public-domain sample photos and into plain backgrounds, as a surgeon's
post shows them (« AVANT », « APRÈS », « J+30 », « 3 mois après », « -20 % », « 1 500 € »,
« Témoignage », « Merci Dr Martin », « ★★★★★ »…) in six styles: white or yellow text with a dark
outline, white text with a drop shadow, dark text on a light band, white text on a coloured band,
bare text, and a screenshot of a patient's review (dark text on white, several lines). Font sizes
from 14 to 90 px on a 1024 px picture, long sides 480-1024 px. Prints:
- the share of labels read well enough for the phrase to be matched (case, accents, spaces and
  punctuation ignored) in one recognised line, and in the picture's whole text; with the accents
  kept; by style and by letter height; what « ★★★★★ » gives;
- the false text rate on photos without text: the share giving at least one line, and the lines;
- time per picture (mean, p95), split into Python (masks, lines) and the tesseract process
  (started ahead, loading its models while the lines are found), with the p95 of their CPU time
  together (what a busy machine inflates least), and the share of pictures for
  which Tesseract was given lines to read (none when no candidate line scores
  :data:`editor.vision.ocr.MIN_SCORE` and stands out by :data:`editor.vision.ocr.LINE_CONTRAST`:
  the process started ahead is then ended unused);
  OMP_THREAD_LIMIT=1 against Tesseract's default threads;
- baselines: tesseract on the whole picture (``--psm 3``, ``11``, ``12``) with the same filters.
Two seeds: ``dev`` (the thresholds were tuned on it) and ``test`` (nothing tuned on it). The
choice of the lines given to Tesseract (:data:`~editor.vision.ocr.MIN_SCORE`,
:data:`~editor.vision.ocr.LINE_CONTRAST`, :data:`~editor.vision.ocr.MAX_LINES`) was made on the
dev seed and on seeds 2 and 3 of the same design (``ocr_set(120, s)``, ``textless_set(40, s + 1)``),
keeping every label the former settings read there; the test seed (101) was not looked at.

Faces (:func:`editor.vision.faces.detect_faces`): the 100 face crops of scikit-image's
``lfw_subset`` (25×25, enlarged to 60-220 px and pasted into photos), the astronaut portrait,
before/after pairs of faces; negatives: photos without a face, their crops, skin-coloured smooth
shapes (a body part close up), coins, an infographic, and the 100 non-face crops of
``lfw_subset`` pasted the same way. Prints recall, precision, false positives per picture without
a face, time per picture, and the same at dlib's default threshold (0) for every filter. Then
turned faces: the highest score each of dlib's five filters (front, looking left, looking right,
front turned either way) gives a picture without a face, against the score of the one
three-quarter face at hand (« camera »): the filters for faces looking aside keep their
detections from :data:`editor.vision.faces.TURNED_THRESHOLD` (0), above the best picture without a
face on them (-0.17 here, -0.13 with ``face_sets(7)``'s negatives). Faces are looked for in grey,
as :func:`editor.vision.faces.detect_faces` does. The machine's 2 cores are shared: timings are
noisy.

Turned faces of several people (``--only turned``, :func:`turned_set`): 540 pictures of 42
people — the 40 first faces of ``lfw_subset`` (grey 25×25 crops, enlarged), the astronaut and the
camera man (his head already three-quarters away) — rolled by 15, 25 and 35 degrees, and squeezed
on one side as a crude stand-in for a head turned sideways (a perspective warp of a frontal
face, not a real three-quarter view), plain and mirrored, pasted at 90-180 px into photos without
a face. Each configuration of per-filter thresholds (:data:`TURNED_CONFIGS`) is scored from one
run of dlib's five filters per picture: faces found by kind of turn, detections beside the face,
and false faces on four draws of :func:`face_sets`' pictures without a face (580). Draw 3 (with
negatives 5, 7, 11, 13) chose the configuration; ``--turned-seed 4`` (negatives 17, 19, 23, 29)
checked it once. 2026-12-07 (session 23), draw 3 / draw 4: one threshold of 0.25 378 / 381 of
540, the current thresholds (looking aside from 0) 396 / 393, the tilted filters from 0 too 418 /
418, every filter from 0 432 / 424; no false face on either set of 580 pictures without a face
for any. The tilted filters from 0 were not kept: on the faces set above they add a detection
beside a face (precision 99/99 -> 99/100) and find no more faces; the turned set's pasted heads
are a stand-in, thin evidence beside a real false alarm.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import time
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from skimage import data as skdata

from editor.vision import faces, ocr

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
         "DejaVuSansCondensed-Bold.ttf", "DejaVuSans-Oblique.ttf"]
PHOTOS = ["astronaut", "coffee", "chelsea", "rocket", "camera", "coins", "brick", "grass",
          "gravel", "moon", "hubble_deep_field", "immunohistochemistry", "retina", "clock", "cell"]
NO_FACE = [p for p in PHOTOS if p not in ("astronaut", "camera")]   # camera: a face in profile
LABELS = ["AVANT", "APRÈS", "J+30", "3 mois après", "-20 %", "1 500 €", "Témoignage",
          "Merci Dr Martin", "★★★★★", "Avant / Après", "J+15", "6 mois", "Résultat",
          "Offre spéciale", "Promo -30 %", "Avis 5/5", "Dr Dupont", "Consultation offerte",
          "Rhinoplastie", "Lifting", "Merci docteur !", "2 mois après", "Prix : 2 900 €",
          "Satisfaite à 100 %", "Liposuccion", "J+7"]
REVIEWS = ["Merci au Dr Martin pour ma rhinoplastie", "Résultat naturel, je recommande",
           "Équipe au top, 5 étoiles", "Avant / après : je revis !", "Témoignage de Julie, 34 ans",
           "Tarif : 3 500 € tout compris", "-20 % sur la liposuccion ce mois-ci"]
STYLES = ["outline", "shadow", "band_dark", "colour_band", "bare", "review"]


# --- pictures ---------------------------------------------------------------------------------

def photo(name: str) -> Image.Image:
    return Image.fromarray(getattr(skdata, name)()).convert("RGB")


def fit(im: Image.Image, side: int) -> Image.Image:
    s = side / max(im.size)
    return im.resize((max(1, round(im.width * s)), max(1, round(im.height * s))),
                     Image.Resampling.LANCZOS)


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / name
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def plain(rng: random.Random, w: int, h: int) -> Image.Image:
    top = rng.choice([(255, 255, 255), (245, 240, 230), (30, 30, 40), (250, 220, 225),
                      (200, 230, 250), (20, 60, 110)])
    a = np.zeros((h, w, 3), np.float32) + top
    if rng.random() < 0.5:   # a soft vertical gradient, as slide templates have
        a *= np.linspace(1.0, rng.uniform(0.75, 1.0), h)[:, None, None]
    return Image.fromarray(a.clip(0, 255).astype(np.uint8))


def skin(rng: random.Random, w: int = 1024, h: int = 768) -> Image.Image:
    """Skin-coloured smooth shapes with soft shading: a body part in close-up, without a face."""
    base = rng.choice([(224, 172, 140), (198, 134, 103), (141, 85, 36), (241, 194, 170)])
    im = Image.new("RGB", (w, h), tuple(int(c * rng.uniform(0.6, 0.9)) for c in base))
    d = ImageDraw.Draw(im)
    for _ in range(rng.randint(2, 5)):
        cx, cy = rng.randint(0, w), rng.randint(0, h)
        rx, ry = rng.randint(100, 500), rng.randint(80, 400)
        f = rng.uniform(0.8, 1.15)
        d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry),
                  fill=tuple(min(255, int(c * f)) for c in base))
    im = im.filter(ImageFilter.GaussianBlur(rng.randint(15, 40)))
    yy, xx = np.mgrid[0:h, 0:w]
    shade = 0.75 + 0.25 * np.cos((xx / w - rng.random()) * 3) * np.cos((yy / h - rng.random()) * 2)
    noise = np.random.default_rng(rng.randint(0, 999)).normal(0, 3, (h, w, 3))
    a = np.asarray(im, np.float32) * shade[..., None] + noise
    return Image.fromarray(a.clip(0, 255).astype(np.uint8))


def infographic(rng: random.Random) -> Image.Image:
    """Bars and circles in flat colours, no face (the text-free part of a slide)."""
    im = Image.new("RGB", (1024, 768), rng.choice([(255, 255, 255), (240, 244, 248)]))
    d = ImageDraw.Draw(im)
    colours = [(29, 78, 137), (192, 20, 60), (46, 125, 50), (240, 160, 30)]
    for i in range(rng.randint(3, 6)):
        x = 120 + i * 140
        d.rectangle((x, 700 - rng.randint(100, 500), x + 90, 700), fill=rng.choice(colours))
    for _ in range(3):
        x, y, r = rng.randint(100, 900), rng.randint(80, 300), rng.randint(20, 70)
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(colours))
    return im


class _Placer:
    """Positions for labels that do not overlap the ones already drawn."""

    def __init__(self, w: int, h: int, rng: random.Random) -> None:
        self.w, self.h, self.rng, self.taken = w, h, rng, []

    def place(self, tw: int, th: int, margin: int) -> tuple[int, int]:
        x = y = 15
        for _ in range(40):
            x = self.rng.randint(15, max(15, self.w - tw - 15))
            y = self.rng.randint(15, max(15, self.h - th - 15))
            r = (x - margin, y - margin, x + tw + margin, y + th + margin)
            if not any(r[0] < o[2] and o[0] < r[2] and r[1] < o[3] and o[1] < r[3]
                       for o in self.taken):
                break
        self.taken.append((x - margin, y - margin, x + tw + margin, y + th + margin))
        return x, y


def draw_label(im: Image.Image, text: str, rng: random.Random, style: str, placer: _Placer):
    """Draws ``text`` in ``style``; returns its box (x, y, w, h) in the picture's pixels."""
    d = ImageDraw.Draw(im)
    side = max(im.size)
    size = max(14, rng.choice([22, 28, 36, 48, 64, 90]) * side // 1024)
    f = font(rng.choice(FONTS), size)
    bb = d.textbbox((0, 0), text, font=f)
    if bb[2] - bb[0] + 40 > im.width:
        f = font("DejaVuSans-Bold.ttf", max(14, size * (im.width - 60) // (bb[2] - bb[0])))
        bb = d.textbbox((0, 0), text, font=f)
    tw, th = bb[2] - bb[0], bb[3] - bb[1]
    x, y = placer.place(tw, th, size // 2)
    ox, oy = x - bb[0], y - bb[1]
    pad = max(4, size // 4)
    if style == "outline":
        d.text((ox, oy), text, font=f, fill=rng.choice(["white", "#ffff66"]),
               stroke_width=max(2, size // 16), stroke_fill="black")
    elif style == "shadow":
        o = max(2, size // 20)
        d.text((ox + o, oy + o), text, font=f, fill="black")
        d.text((ox, oy), text, font=f, fill="white")
    elif style == "band_dark":
        d.rectangle((x - pad, y - pad, x + tw + pad, y + th + pad),
                    fill=rng.choice(["white", "#f0ead6", "#ffe0e0"]))
        d.text((ox, oy), text, font=f, fill=rng.choice(["black", "#222244", "#7a1010"]))
    elif style == "colour_band":
        d.rectangle((x - pad, y - pad, x + tw + pad, y + th + pad),
                    fill=rng.choice(["#c0143c", "#1d4e89", "#2e7d32", "black"]))
        d.text((ox, oy), text, font=f, fill="white")
    else:   # bare: black or white, whichever the ground under it contrasts with
        ground = np.asarray(im.crop((x, y, x + tw, y + th)).convert("L")).mean()
        d.text((ox, oy), text, font=f, fill="black" if ground > 128 else "white")
    return (x, y, tw, th)


def review_card(rng: random.Random) -> tuple[Image.Image, list]:
    """A screenshot of a patient's review: stars, then two or three lines of dark text on white."""
    w = rng.choice([1024, 800, 640])
    im = Image.new("RGB", (w, w * 3 // 4), "white")
    d = ImageDraw.Draw(im)
    size = max(14, rng.choice([22, 26, 30, 36]) * w // 1024)
    f = font(rng.choice(["DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSans-Bold.ttf"]), size)
    labels, y = [], 40
    stars = font("DejaVuSans.ttf", size)
    d.text((40, y), "★★★★★", font=stars, fill="#e0a000")
    bb = d.textbbox((40, y), "★★★★★", font=stars)
    labels.append(("★★★★★", (bb[0], bb[1], bb[2] - bb[0], bb[3] - bb[1])))
    y = bb[3] + size
    for text in rng.sample(REVIEWS, rng.randint(2, 3)):
        bb = d.textbbox((40, y), text, font=f)
        if bb[2] > w - 20:
            continue
        d.text((40, y), text, font=f, fill=rng.choice(["black", "#333333"]))
        labels.append((text, (bb[0], bb[1], bb[2] - bb[0], bb[3] - bb[1])))
        y = bb[3] + size
    return im, labels


def ocr_set(n: int, seed: int) -> list[tuple[Image.Image, list, str]]:
    """(picture, [(label, box)], style) × n."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        style = STYLES[i % len(STYLES)]
        if style == "review":
            im, labels = review_card(rng)
            out.append((im, labels, style))
            continue
        side = rng.choice([1024, 1024, 1024, 800, 640, 480])
        if i % 4 == 3:   # a slide: plain background
            im = plain(rng, side, rng.choice([side, side * 3 // 4, side * 9 // 16]))
        else:
            im = fit(photo(rng.choice(PHOTOS)), side)
        placer = _Placer(im.width, im.height, rng)
        texts = rng.sample(LABELS, rng.choice([1, 2, 2, 3]))
        out.append((im, [(t, draw_label(im, t, rng, style, placer)) for t in texts], style))
    return out


def textless_set(n: int, seed: int) -> list[Image.Image]:
    """Photos without text (the astronaut's badges are cropped out), crops, skin, gradients."""
    rng = random.Random(seed)
    names = [p for p in PHOTOS if p != "astronaut"]
    out = []
    for i in range(n):
        kind = i % 5
        if kind == 3:
            out.append(skin(rng))
            continue
        if kind == 4 and i % 10 == 4:
            out.append(plain(rng, 1024, 768))
            continue
        im = photo(names[i % len(names)])
        if i >= len(names):
            s = rng.uniform(0.5, 0.8)
            cw, ch = int(im.width * s), int(im.height * s)
            x, y = rng.randint(0, im.width - cw), rng.randint(0, im.height - ch)
            im = im.crop((x, y, x + cw, y + ch))
            if rng.random() < 0.5:
                im = im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        out.append(fit(im, rng.choice([1024, 1024, 800, 640])))
    return out


# --- OCR measures -----------------------------------------------------------------------------

def fold(text: str, accents: bool = False) -> str:
    """Lower case, no spaces or punctuation (accents kept when asked); € % + / kept."""
    text = unicodedata.normalize("NFC", text).casefold()
    if not accents:
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return re.sub(r"[^\w€%+/★]+|_", "", text)


def matched(label: str, lines: list[str], accents: bool = False) -> bool:
    want = fold(label, accents)
    return bool(want) and any(want in fold(line, accents) for line in lines)


def height_bin(h: int, side: int) -> str:
    h = h * 1024 / side
    return "<16" if h < 16 else "16-23" if h < 24 else "24-39" if h < 40 else "40+"


def cpu_times() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


class _CountingReads:
    """Counts the times Tesseract is given pages to read while it is installed (a Tesseract
    started ahead and ended unused, for want of a candidate line, does not count)."""

    def __init__(self) -> None:
        self.count = 0
        self._real = ocr.Reader._words

    def __enter__(self) -> "_CountingReads":
        real = self._real

        def words(reader, pages):
            self.count += 1
            return real(reader, pages)

        ocr.Reader._words = words
        return self

    def __exit__(self, *exc) -> None:
        ocr.Reader._words = self._real


def measure_ocr(name: str, read, pictures, empties, verbose: bool = False) -> dict:
    """Runs ``read(picture) -> [text lines]`` on both sets and prints the figures."""
    with _CountingReads() as started:
        return _measure_ocr(name, read, pictures, empties, verbose, started)


def _measure_ocr(name: str, read, pictures, empties, verbose: bool, started) -> dict:
    total = strict = joined = accented = 0
    by_style, ok_style, by_height, ok_height = Counter(), Counter(), Counter(), Counter()
    stars, walls, py, tess = [], [], [], []
    for k, (im, labels, style) in enumerate(pictures):
        w0, (p0, c0) = time.perf_counter(), cpu_times()
        found = read(im)
        (p1, c1), w1 = cpu_times(), time.perf_counter()
        walls.append(w1 - w0)
        py.append(p1 - p0)
        tess.append(c1 - c0)
        texts = [t for t, _ in found]
        for label, box in labels:
            if label == "★★★★★":
                stars.append(" | ".join(t for t, b in found if overlaps(b, box)) or "(rien)")
                continue
            total += 1
            hit = matched(label, texts)
            strict += hit
            joined += matched(label, [" ".join(texts)])
            accented += matched(label, texts, accents=True)
            by_style[style] += 1
            ok_style[style] += hit
            hb = height_bin(box[3], max(im.size))
            by_height[hb] += 1
            ok_height[hb] += hit
            if verbose and not hit:
                print(f"    miss #{k} {style} {label!r} h={box[3]}: {texts}")
    false_pics, false_lines = 0, []
    for im in empties:
        w0, (p0, c0) = time.perf_counter(), cpu_times()
        found = read(im)
        (p1, c1), w1 = cpu_times(), time.perf_counter()
        walls.append(w1 - w0)
        py.append(p1 - p0)
        tess.append(c1 - c0)
        false_pics += bool(found)
        false_lines += [t for t, _ in found]
    walls.sort()
    cpus = sorted(p + t for p, t in zip(py, tess))
    print(f"  {name}: labels matched in a line {strict}/{total} = {strict / total:.2f}; "
          f"in the picture's text {joined / total:.2f}; accents kept {accented / total:.2f}")
    print("    by style: " + ", ".join(f"{s} {ok_style[s]}/{by_style[s]}" for s in STYLES
                                       if by_style[s]))
    print("    by letter height (px at 1024): " + ", ".join(
        f"{h} {ok_height[h]}/{by_height[h]}" for h in ("<16", "16-23", "24-39", "40+")))
    print(f"    textless pictures with a line: {false_pics}/{len(empties)}"
          + (f" {false_lines[:8]}" if false_lines else ""))
    print(f"    time per picture: mean {statistics.mean(walls) * 1000:.0f} ms, p95 "
          f"{walls[int(0.95 * len(walls))] * 1000:.0f} ms (CPU: Python "
          f"{statistics.mean(py) * 1000:.0f} ms + tesseract {statistics.mean(tess) * 1000:.0f} ms; "
          f"together p95 {cpus[int(0.95 * len(cpus))] * 1000:.0f} ms)"
          + (f"; Tesseract given lines to read for {started.count}/{len(walls)} pictures"
             if read is pipeline else ""))
    if stars:
        print(f"    « ★★★★★ » read as: {Counter(stars).most_common(6)}")
    return {"recall": strict / total, "false": false_pics / len(empties)}


def overlaps(a, b) -> bool:
    return (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3]
            and b[1] < a[1] + a[3])


def pipeline(im: Image.Image) -> list[tuple[str, tuple]]:
    return [(line.text, line.box) for line in ocr.recognise(im)]


def whole_page(psm: int, filtered: bool = True):
    """Baseline: the whole picture to tesseract, words and lines filtered as ocr.py does (or not:
    every line with a letter or a digit, whatever Tesseract's confidence)."""
    program, langs, _ = ocr._setup()

    def read(im: Image.Image) -> list[tuple[str, tuple]]:
        import io
        buf = io.BytesIO()
        im.convert("L").save(buf, "PNG")
        done = subprocess.run([program, "stdin", "stdout", "-l", "+".join(langs), "--psm",
                               str(psm), "tsv"], input=buf.getvalue(), capture_output=True,
                              timeout=60, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
        rows: dict[tuple, list] = {}
        for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
            f = row.split("\t")
            if len(f) == 12 and f[0] == "5" and f[11].strip():
                if not filtered or float(f[10]) / 100 >= ocr.WORD_MIN_CONFIDENCE:
                    rows.setdefault(tuple(f[1:5]), []).append(
                        (f[11].strip(), float(f[10]) / 100, *map(int, f[6:10])))
        out = []
        for words in rows.values():
            text = " ".join(w[0] for w in words)
            conf = sum(w[1] for w in words) / len(words)
            least = (ocr.LINE_MIN_CONFIDENCE if ocr._letters(text) >= ocr.SHORT_LINE
                     else ocr.SHORT_LINE_MIN_CONFIDENCE)
            if (conf >= least and ocr._substantial(text)) if filtered else \
                    any(c.isalnum() for c in text):
                x0 = min(w[2] for w in words)
                y0 = min(w[3] for w in words)
                out.append((text, (x0, y0, max(w[2] + w[4] for w in words) - x0,
                                   max(w[3] + w[5] for w in words) - y0)))
        return out
    return read


def bench_ocr(quick: bool, verbose: bool, baselines: bool = True) -> None:
    if not ocr.available():
        print(f"OCR: {ocr.unavailable_reason()}")
        return
    version = subprocess.run([ocr._setup()[0], "--version"], capture_output=True, text=True)
    print(f"OCR: {version.stdout.splitlines()[0] if version.stdout else '?'}, languages "
          f"{'+'.join(ocr._setup()[1])}; masks {len(ocr.EXTREMES) * 2}, lines read at most "
          f"{ocr.MAX_LINES} scoring ≥ {ocr.MIN_SCORE} and contrasted by ≥ {ocr.LINE_CONTRAST} "
          f"grey levels, psm {ocr.PSM}, word ≥ "
          f"{ocr.WORD_MIN_CONFIDENCE}, line ≥ "
          f"{ocr.LINE_MIN_CONFIDENCE} (≥ {ocr.SHORT_LINE_MIN_CONFIDENCE} under "
          f"{ocr.SHORT_LINE} letters)")
    n, m = (36, 15) if quick else (120, 40)
    ocr.recognise(Image.new("RGB", (64, 64), "white"))   # first call: availability check
    for split, seed in (("dev", 1), ("test", 101)):
        pictures, empties = ocr_set(n, seed), textless_set(m, seed + 1)
        sides = Counter(max(im.size) for im, _, _ in pictures)
        print(f"\n{split} (seed {seed}): {len(pictures)} pictures with "
              f"{sum(len(lb) for _, lb, _ in pictures)} labels (long sides "
              f"{dict(sorted(sides.items()))}), {len(empties)} without text")
        measure_ocr("Tact (masks + lines + psm 7)", pipeline, pictures, empties, verbose)
    if quick or not baselines:
        return
    pictures, empties = ocr_set(36, 7), textless_set(15, 8)
    print(f"\nBaselines on {len(pictures)} + {len(empties)} other pictures (seed 7):")
    measure_ocr("Tact", pipeline, pictures, empties)
    for psm in (3, 11, 12):
        measure_ocr(f"whole picture, psm {psm}", whole_page(psm), pictures, empties)
        raw = whole_page(psm, filtered=False)
        invented = [im for im in empties if raw(im)]
        print(f"    unfiltered (any word, any confidence): textless pictures with a line "
              f"{len(invented)}/{len(empties)}")
    print("\nTesseract's threads (same pictures, Tact):")
    keep = ocr._child_env
    ocr._child_env = lambda: {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    try:
        measure_ocr("OpenMP default threads", pipeline, pictures, empties)
    finally:
        ocr._child_env = keep


# --- faces ------------------------------------------------------------------------------------

def paste_crop(crop: np.ndarray, size: int, ground: Image.Image, rng: random.Random):
    """A 25×25 lfw crop enlarged to ``size`` px and pasted at a random place; returns its box."""
    patch = Image.fromarray((crop * 255).astype(np.uint8)).resize((size, size),
                                                                  Image.Resampling.BICUBIC)
    x, y = rng.randint(0, ground.width - size), rng.randint(0, ground.height - size)
    ground.paste(patch.convert("RGB"), (x, y))
    return (x, y, size, size)


def face_sets(seed: int):
    """(with faces: [(picture, [true boxes], kind)], without: [(picture, kind)])."""
    rng = random.Random(seed)
    lfw = skdata.lfw_subset()
    sizes = [60, 80, 100, 140, 180, 220]
    grounds = [fit(photo(p), 1024) for p in NO_FACE]
    positives, negatives = [], []
    for i in range(100):
        ground = grounds[i % len(grounds)].copy()
        box = paste_crop(lfw[i], sizes[i % len(sizes)], ground, rng)
        positives.append((ground, [box], f"lfw face {sizes[i % len(sizes)]} px"))
    for i in range(100, 200):
        ground = grounds[i % len(grounds)].copy()
        paste_crop(lfw[i], sizes[i % len(sizes)], ground, rng)
        negatives.append((ground, "lfw non-face"))
    astro = photo("astronaut")
    face = (165, 65, 110, 115)                         # her face, in the 512 px original
    for side in (1024, 512):
        positives.append((fit(astro, side), [tuple(v * side // 512 for v in face)],
                          "astronaut portrait"))
    crop, zoom = (120, 20, 320, 260), 1.9              # a before/after of one face
    head = astro.crop(crop).resize((380, 456))
    inner = (round((face[0] - crop[0]) * zoom), round((face[1] - crop[1]) * zoom),
             round(face[2] * zoom), round(face[3] * zoom))
    for gain in (0.8, 1.2):
        pair = Image.new("RGB", (800, 480), "white")
        right = Image.fromarray(np.clip(np.asarray(head, np.float32) * gain, 0, 255)
                                .astype(np.uint8))
        pair.paste(head, (10, 12))
        pair.paste(right, (410, 12))
        boxes = [(inner[0] + dx, inner[1] + 12, inner[2], inner[3]) for dx in (10, 410)]
        positives.append((pair, boxes, "before/after of a face"))
    for p in NO_FACE:
        negatives.append((fit(photo(p), 1024), "photo"))
    for i in range(15):
        im = photo(NO_FACE[i % len(NO_FACE)])
        s = rng.uniform(0.5, 0.8)
        cw, ch = int(im.width * s), int(im.height * s)
        x, y = rng.randint(0, im.width - cw), rng.randint(0, im.height - ch)
        negatives.append((fit(im.crop((x, y, x + cw, y + ch)), rng.choice([1024, 800, 640])),
                          "photo crop"))
    for _ in range(12):
        negatives.append((skin(rng), "skin close-up"))
    for _ in range(4):
        negatives.append((infographic(rng), "infographic"))
    negatives.append((fit(astro.crop((0, 250, 512, 512)), 1024), "spacesuit, no face"))
    return positives, negatives


def hits(found, truth) -> tuple[int, int]:
    """(true faces found, detections that are a true face): centre inside the true box."""
    def inside(f, t):
        cx, cy = f[0] + f[2] / 2, f[1] + f[3] / 2
        return t[0] <= cx <= t[0] + t[2] and t[1] <= cy <= t[1] + t[3]
    return (sum(any(inside(f, t) for f in found) for t in truth),
            sum(any(inside(f, t) for t in truth) for f in found))


def bench_faces(verbose: bool) -> None:
    if not faces.available():
        print(f"\nFaces: {faces.unavailable_reason()}")
        return
    positives, negatives = face_sets(5)
    faces.detect_faces(Image.new("RGB", (64, 64)))   # the detector is built once (~0.2 s)
    print(f"\nFaces: dlib {__import__('dlib').__version__} frontal HOG detector in grey, threshold "
          f"{faces.THRESHOLD} ({faces.TURNED_THRESHOLD} for the filters of faces looking aside), "
          f"long side seen ≤ {faces.WORK_SIDE} px (enlarged ≤ "
          f"{faces.MAX_ENLARGE}×); {len(positives)} pictures with "
          f"{sum(len(t) for _, t, _ in positives)} faces, {len(negatives)} without")
    keep = faces.THRESHOLD
    for threshold in (keep, 0.0):
        faces.THRESHOLD = threshold
        try:
            found_n = true_n = det_n = correct = 0
            by_kind, ok_kind, times = Counter(), Counter(), []
            halves = [0, 0]
            for k, (im, truth, kind) in enumerate(positives):
                t0 = time.perf_counter()
                boxes = [f.box for f in faces.detect_faces(im)]
                times.append(time.perf_counter() - t0)
                f_ok, d_ok = hits(boxes, truth)
                found_n += f_ok
                true_n += len(truth)
                det_n += len(boxes)
                correct += d_ok
                key = kind.split(" ")[0] if kind.startswith("lfw") else kind
                by_kind[key] += len(truth)
                ok_kind[key] += f_ok
                if kind.startswith("lfw"):
                    halves[k >= 50] += f_ok
                if verbose and f_ok < len(truth) and threshold == keep:
                    print(f"    missed: {kind} #{k}")
            false_kind, fp = Counter(), 0
            for im, kind in negatives:
                t0 = time.perf_counter()
                n = len(faces.detect_faces(im))
                times.append(time.perf_counter() - t0)
                fp += n
                false_kind[kind] += n
            times.sort()
            print(f"  threshold {threshold}: recall {found_n}/{true_n} = {found_n / true_n:.2f} "
                  f"(lfw 0-49 {halves[0]}/50, 50-99 {halves[1]}/50); precision "
                  f"{correct}/{det_n + fp} = {correct / max(1, det_n + fp):.2f}; false "
                  f"positives per picture without a face {fp / len(negatives):.3f} "
                  f"({dict(false_kind) if fp else 'none'})")
            print("    by kind: " + ", ".join(f"{k} {ok_kind[k]}/{by_kind[k]}" for k in by_kind))
            print(f"    time per picture: mean {statistics.mean(times) * 1000:.0f} ms, p95 "
                  f"{times[int(0.95 * len(times))] * 1000:.0f} ms")
        finally:
            faces.THRESHOLD = keep
    sizes = Counter()
    for im, truth, kind in positives:
        if kind.startswith("lfw"):
            sizes[kind.split()[2]] += hits([f.box for f in faces.detect_faces(im)], truth)[0]
    print("  lfw faces found by pasted size (of ~17 each): "
          + ", ".join(f"{s} px {sizes[s]}" for s in sorted(sizes, key=int)))
    cam = faces.detect_faces(fit(photo("camera"), 1024))
    print(f"  « camera » (a man in three-quarter view behind a camera): {len(cam)} face(s) found")
    turned_faces(negatives)


FILTERS = ("front", "left-looking", "right-looking", "front turned left", "front turned right")


_DLIB: list = []     # dlib's detector, built once (half a second)


def _filter_scores(im: Image.Image) -> list[tuple[float, int, tuple]]:
    """Every window dlib's five HOG filters score above -0.6, as faces.detect_faces sees the
    picture: (score, filter, box in the picture's pixels)."""
    import dlib

    if not _DLIB:
        _DLIB.append(dlib.get_frontal_face_detector())
    scale = min(faces.MAX_ENLARGE, faces.WORK_SIDE / max(im.size))
    work = im.convert("L").resize((round(im.width * scale), round(im.height * scale)),
                                  Image.Resampling.BILINEAR)
    rects, scores, idx = _DLIB[0].run(np.asarray(work), 0, -0.6)
    return [(float(s), int(i), (round(r.left() / scale), round(r.top() / scale),
                                round(r.width() / scale))) for r, s, i in zip(rects, scores, idx)]


def turned_faces(negatives) -> None:
    """Faces turned away: dlib's « frontal » detector is five filters, two of them for faces
    looking left or right (three-quarter views). The one turned face among the pictures at hand
    (« camera ») against the best that pictures without a face score on each filter: a threshold
    of its own for the turned filters would find it only if no such picture scored as high."""
    worst = [-9.0] * 5
    for im, _ in negatives:
        for s, i, _ in _filter_scores(im):
            worst[i] = max(worst[i], s)
    cam = [t for t in _filter_scores(fit(photo("camera"), 1024))
           if 380 <= t[2][0] <= 480 and 200 <= t[2][1] <= 320]         # the man's head
    print("  turned faces: highest score on pictures without a face, by filter: " + ", ".join(
        f"{name} {w:+.2f}" for name, w in zip(FILTERS, worst)))
    for s, i, box in cam:
        verdict = ("above" if s > worst[i] else "below")
        print(f"    « camera »'s head: {FILTERS[i]} filter {s:+.2f}, {verdict} the best "
              f"picture without a face ({worst[i]:+.2f})")
    if not cam:
        print("    « camera »'s head: no filter scores it above -0.6")


# --- turned faces: several people, generated turns ------------------------------------------

TURNS = ("upright", "roll 15", "roll 25", "roll 35", "squeezed 0.75", "squeezed 0.6",
         "squeezed 0.6 + roll 15")


def _squeeze(im: Image.Image, keep: float, mirror: bool) -> Image.Image:
    """A crude stand-in for a head turned sideways (yaw): the far half of the face narrowed to
    ``keep`` of its width, the near half widened to make up for it (a perspective warp)."""
    w, h = im.size
    half = w / 2
    far, near = half * keep, w - half * keep
    left = im.crop((0, 0, round(half), h)).resize((max(1, round(far)), h), Image.Resampling.BICUBIC)
    right = im.crop((round(half), 0, w, h)).resize((max(1, round(near)), h),
                                                   Image.Resampling.BICUBIC)
    out = Image.new(im.mode, (left.width + right.width, h))
    out.paste(left, (0, 0))
    out.paste(right, (left.width, 0))
    out = out.resize((w, h), Image.Resampling.BICUBIC)
    return out.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if mirror else out


def _turned(head: Image.Image, turn: str, mirror: bool) -> Image.Image:
    im = head.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if mirror else head
    if turn.startswith("squeezed"):
        im = _squeeze(im, float(turn.split()[1]), mirror)
    if "roll" in turn:
        angle = float(turn.rsplit(" ", 1)[1]) * (-1 if mirror else 1)
        im = im.rotate(angle, Image.Resampling.BICUBIC, fillcolor=None)
    return im


def turned_set(seed: int) -> list[tuple[Image.Image, list, str, str]]:
    """(picture, [true face box], person, turn): heads of several people turned in the plane
    (« roll »: a tilted head) and sideways (« squeezed »: a perspective stand-in for a
    three-quarter view, see :func:`_squeeze`), plain and mirrored, pasted at 90-180 px into
    photos without a face. People: the 40 first faces of scikit-image's ``lfw_subset`` (40
    people; grey 25×25 crops of the face only), the astronaut (Eileen Collins, with her hair and
    neck around), and the man behind a camera (already three-quarters away: only rolled and
    mirrored). All public sample data shipped with scikit-image."""
    rng = random.Random(seed)
    grounds = [fit(photo(p), 1024) for p in NO_FACE]
    heads: list[tuple[str, Image.Image, tuple]] = []    # (person, head, face box in the head)
    lfw = skdata.lfw_subset()
    for i in range(40):
        heads.append((f"lfw {i}", Image.fromarray((lfw[i] * 255).astype(np.uint8)).convert("RGB")
                      .resize((100, 100), Image.Resampling.BICUBIC), (0, 0, 100, 100)))
    astro = photo("astronaut").crop((135, 25, 305, 215))             # face at (30, 40, 110, 115)
    heads.append(("astronaut", astro, (30, 40, 110, 115)))
    cam = photo("camera").crop((160, 85, 280, 220))                  # face at (20, 25, 80, 95)
    heads.append(("camera man", cam, (20, 25, 80, 95)))
    out = []
    k = 0
    for person, head, (fx, fy, fw, fh) in heads:
        turns = TURNS if person != "camera man" else ("upright", "roll 15", "roll 25")
        for turn in turns:
            for mirror in (False, True):
                if person.startswith("lfw") and mirror and turn == "upright":
                    continue      # a mirrored upright lfw face: the same test twice
                im = _turned(head, turn, mirror)
                size = rng.choice([90, 120, 150, 180])
                zoom = size / max(fw, fh)
                patch = im.resize((round(im.width * zoom), round(im.height * zoom)),
                                  Image.Resampling.BICUBIC)
                ground = grounds[k % len(grounds)].copy()
                k += 1
                x = rng.randint(0, ground.width - patch.width)
                y = rng.randint(0, ground.height - patch.height)
                ground.paste(patch, (x, y))
                cx = fx + fw / 2 if not mirror else head.width - (fx + fw / 2)
                box = (round(x + (cx - fw / 2) * zoom), round(y + fy * zoom), round(fw * zoom),
                       round(fh * zoom))
                out.append((ground, [box], person, turn))
    return out


# dlib's filters kept from a threshold of their own: the configurations compared (front, looking
# left, looking right, front turned left, front turned right)
TURNED_CONFIGS = {
    "one threshold 0.25 (before session 22)": (0.25, 0.25, 0.25, 0.25, 0.25),
    "looking aside from 0 (current)": (0.25, 0.0, 0.0, 0.25, 0.25),
    "looking aside and tilted from 0": (0.25, 0.0, 0.0, 0.0, 0.0),
    "looking aside from -0.1": (0.25, -0.1, -0.1, 0.25, 0.25),
    "every filter from 0": (0.0, 0.0, 0.0, 0.0, 0.0),
}


def bench_turned(seed: int = 3, negative_seeds: tuple[int, ...] = (5, 7, 11, 13)) -> None:
    """Turned faces of several people (:func:`turned_set`) found by each configuration of
    :data:`TURNED_CONFIGS`, and its false faces on pictures without a face (four draws of
    :func:`face_sets`' negatives, 580 pictures), from one run of dlib's five filters per picture
    (scores above -0.6, after dlib's overlap suppression: the same as running at the lowest
    threshold and filtering)."""
    if not faces.available():
        return
    pictures = turned_set(seed)
    negatives = [n for s in negative_seeds for n in face_sets(s)[1]]
    found = [_filter_scores(im) for im, _, _, _ in pictures]
    false = [_filter_scores(im) for im, _ in negatives]
    people = len({p for _, _, p, _ in pictures})
    print(f"\nTurned faces (turned_set({seed})): {len(pictures)} pictures of {people} people, "
          f"{len(negatives)} pictures without a face (face_sets{negative_seeds})")
    for name, limits in TURNED_CONFIGS.items():
        by_turn, total, ok, beside = Counter(), Counter(), 0, 0
        for (im, truth, person, turn), scores in zip(pictures, found):
            boxes = [(x, y, w, w) for s, i, (x, y, w) in scores if s >= limits[i]]
            hit, right = hits(boxes, truth)
            beside += len(boxes) - right
            by_turn[turn] += hit
            total[turn] += 1
            ok += hit
        fp = sum(1 for scores in false for s, i, _ in scores if s >= limits[i])
        worst = max((s - limits[i] for scores in false for s, i, _ in scores), default=-9)
        print(f"  {name}: found {ok}/{len(pictures)} = {ok / len(pictures):.2f}; false faces "
              f"{fp} on {len(negatives)} pictures without a face (closest "
              f"{worst:+.2f} from its threshold), {beside} beside the face in the turned set")
        print("    by turn: " + ", ".join(f"{t} {by_turn[t]}/{total[t]}" for t in TURNS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument("--quick", action="store_true", help="smaller sets, no baselines")
    parser.add_argument("--only", choices=("ocr", "faces", "turned"),
                        help="one part of the benchmark")
    parser.add_argument("--turned-seed", type=int, default=3,
                        help="turned faces: the draw of the set (3: where the thresholds were "
                             "chosen; negatives 5, 7, 11, 13 then, 17, 19, 23, 29 otherwise)")
    parser.add_argument("--no-baselines", action="store_true",
                        help="OCR: the dev and test sets only (no whole-picture baselines)")
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.only in (None, "ocr"):
        bench_ocr(args.quick, args.verbose, baselines=not args.no_baselines)
    if args.only in (None, "faces"):
        bench_faces(args.verbose)
    if args.only in (None, "turned"):
        bench_turned(args.turned_seed,
                     (5, 7, 11, 13) if args.turned_seed == 3 else (17, 19, 23, 29))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
