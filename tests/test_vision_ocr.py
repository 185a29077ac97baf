"""Text burned into pictures is read line by line: outlined labels on a photo, dark text on a
band, prices and discounts on a slide, a review screenshot, small pictures; photos without text
give no line; when Tesseract or its French data is missing nothing breaks and the reason is given
in French. Tesseract gets only candidate lines: none for a picture without anything letter-like;
the lines of several pictures go to one process, each picture getting its own lines back.

Pictures are drawn here with Pillow over scikit-image's public-domain sample photos (those tests
are skipped when scikit-image is not installed) and over plain backgrounds.
"""
from __future__ import annotations

import os
import random
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from editor.vision import ocr

needs_tesseract = pytest.mark.skipif(not ocr.available(),
                                     reason=ocr.unavailable_reason() or "OCR available")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def font(size: int, name: str = "DejaVuSans-Bold.ttf") -> ImageFont.ImageFont:
    path = FONT_DIR / name
    return ImageFont.truetype(str(path), size) if path.is_file() else ImageFont.load_default(size)


def photo(name: str, side: int = 1024) -> Image.Image:
    skdata = pytest.importorskip("skimage.data")
    im = Image.fromarray(getattr(skdata, name)()).convert("RGB")
    s = side / max(im.size)
    return im.resize((round(im.width * s), round(im.height * s)), Image.Resampling.LANCZOS)


def outlined(im: Image.Image, text: str, xy, size: int) -> tuple[int, int, int, int]:
    d = ImageDraw.Draw(im)
    d.text(xy, text, font=font(size), fill="white", stroke_width=max(2, size // 16),
           stroke_fill="black")
    x0, y0, x1, y1 = d.textbbox(xy, text, font=font(size))
    return (x0, y0, x1 - x0, y1 - y0)


def on_band(im: Image.Image, text: str, xy, size: int, ink="black", band="white",
            name: str = "DejaVuSans.ttf") -> tuple[int, int, int, int]:
    d = ImageDraw.Draw(im)
    x0, y0, x1, y1 = d.textbbox(xy, text, font=font(size, name))
    pad = size // 4
    d.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), fill=band)
    d.text(xy, text, font=font(size, name), fill=ink)
    return (x0, y0, x1 - x0, y1 - y0)


def squash(text: str) -> str:
    """Lower case, accents kept, without spaces: « 1 500 € » and « 1500€ » compare equal."""
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", squash(text))
                   if not unicodedata.combining(c))


def read(im: Image.Image) -> list[str]:
    return [squash(line.text) for line in ocr.recognise(im)]


def contains(lines: list[str], text: str) -> bool:
    return any(squash(text) in line for line in lines)


def centre_inside(box, outer, slack: int = 6) -> bool:
    cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
    return (outer[0] - slack <= cx <= outer[0] + outer[2] + slack
            and outer[1] - slack <= cy <= outer[1] + outer[3] + slack)


@needs_tesseract
def test_outlined_before_after_labels_on_a_photo_are_read_with_their_accents_and_boxes():
    im = photo("astronaut")
    boxes = {"AVANT": outlined(im, "AVANT", (40, 40), 64),
             "APRÈS": outlined(im, "APRÈS", (600, 40), 64)}
    lines = ocr.recognise(im)
    for text, box in boxes.items():
        line = next((ln for ln in lines if squash(text) in squash(ln.text)), None)
        assert line is not None, (text, [ln.text for ln in lines])
        assert centre_inside(line.box, box)
        assert 0.6 <= line.confidence <= 1.0


@needs_tesseract
def test_dark_text_on_a_light_band_over_a_photo():
    im = photo("coffee")
    on_band(im, "J+30", (60, 560), 40)
    on_band(im, "3 mois après", (520, 80), 36, ink="#222244", band="#f0ead6")
    lines = read(im)
    assert contains(lines, "J+30") and contains(lines, "3 mois après"), lines


@needs_tesseract
def test_white_text_on_coloured_bands_over_a_photo():
    im = photo("rocket")
    on_band(im, "Témoignage", (80, 100), 44, ink="white", band="#c0143c")
    on_band(im, "Merci Dr Martin", (420, 520), 36, ink="white", band="#1d4e89")
    lines = read(im)
    assert contains(lines, "Témoignage") and contains(lines, "Merci Dr Martin"), lines


@needs_tesseract
def test_prices_and_discounts_on_a_slide():
    im = Image.new("RGB", (1024, 576), (250, 220, 225))
    d = ImageDraw.Draw(im)
    d.text((80, 120), "Promo -20 %", font=font(60), fill=(122, 16, 16))
    d.text((80, 320), "Lifting : 1 500 €", font=font(48, "DejaVuSerif.ttf"), fill="black")
    lines = read(im)
    assert contains(lines, "-20 %"), lines
    assert contains(lines, "1 500 €"), lines


@needs_tesseract
def test_a_review_screenshot_gives_one_line_per_line_in_nfc():
    im = Image.new("RGB", (1024, 400), "white")
    d = ImageDraw.Draw(im)
    texts = ["Merci au Dr Martin pour ma rhinoplastie", "Résultat naturel, je recommande",
             "Témoignage de Julie, 34 ans"]
    for i, text in enumerate(texts):
        d.text((40, 60 + 100 * i), text, font=font(32, "DejaVuSans.ttf"), fill="#333333")
    lines = ocr.recognise(im)
    assert [squash(t) for t in texts] == [squash(ln.text) for ln in lines]
    assert all(unicodedata.is_normalized("NFC", ln.text) for ln in lines)
    assert all("  " not in ln.text and ln.text == ln.text.strip() for ln in lines)
    tops = [ln.box[1] for ln in lines]
    assert tops == sorted(tops)        # top to bottom


@needs_tesseract
def test_a_small_picture_is_enlarged_before_reading():
    im = photo("chelsea", 480)
    outlined(im, "Résultat", (30, 20), 26)
    lines = ocr.recognise(im)
    # Tesseract's fast French model may drop the accent of small bold letters: compared without
    assert contains([bare(ln.text) for ln in lines], bare("Résultat")), [ln.text for ln in lines]
    for ln in lines:   # boxes in the pixels of the picture passed in
        x, y, w, h = ln.box
        assert 0 <= x and 0 <= y and x + w <= im.width + 2 and y + h <= im.height + 2


@needs_tesseract
@pytest.mark.parametrize("size", [36, 48])
def test_white_text_with_a_drop_shadow_over_a_white_background_is_read(size):
    """The letters are as light as the picture around them: only their shadow, right at their
    edge, makes them stand out, and they are read all the same."""
    noise = np.random.default_rng(1).normal(0, 3, (768, 1024, 1))
    im = Image.fromarray(np.clip(np.full((768, 1024, 3), (250, 250, 248)) + noise, 0,
                                 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    shift = max(2, size // 20)
    d.text((80 + shift, 120 + shift), "AVANT", font=font(size), fill="black")
    d.text((80, 120), "AVANT", font=font(size), fill="white")
    lines = read(im)
    assert contains(lines, "AVANT"), lines


@needs_tesseract
@pytest.mark.parametrize("name", ["chelsea", "rocket", "moon", "clock", "hubble_deep_field"])
def test_a_photo_without_text_is_not_given_to_tesseract(name, tesseract_runs):
    """Nothing in the picture both lines up like letters and stands out like text: Tesseract,
    the costly part of reading, has nothing to read (and a process started ahead is ended)."""
    im = photo(name)
    assert not ocr.find_lines(im)
    assert ocr.read_lines([ocr.find_lines(im)]) == [[]] and tesseract_runs == []


def skin(seed: int) -> Image.Image:
    rng = random.Random(seed)
    base = (224, 172, 140)
    im = Image.new("RGB", (1024, 768), tuple(int(c * 0.75) for c in base))
    d = ImageDraw.Draw(im)
    for _ in range(4):
        cx, cy, rx, ry = rng.randint(0, 1024), rng.randint(0, 768), rng.randint(150, 450), 200
        d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=base)
    return im.filter(ImageFilter.GaussianBlur(30))


@needs_tesseract
@pytest.mark.parametrize("name", ["coffee", "chelsea", "coins", "rocket", "brick", "grass",
                                  "gravel", "immunohistochemistry", "skin"])
def test_photos_without_text_give_no_line(name):
    im = skin(3) if name == "skin" else photo(name)
    assert ocr.recognise(im) == []


# --- without Tesseract ------------------------------------------------------------------------

@pytest.fixture
def fresh_setup():
    ocr._setup.cache_clear()
    yield
    ocr._setup.cache_clear()


def test_missing_tesseract_turns_ocr_off_with_a_french_reason(monkeypatch, fresh_setup):
    pytest.importorskip("numpy")
    pytest.importorskip("dlib")
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    monkeypatch.setattr(ocr, "_KNOWN_PLACES", {})
    assert not ocr.available()
    assert ocr.unavailable_reason() == ("Lecture du texte des images désactivée\u202f: "
                                        "Tesseract n’est pas installé.")
    assert ocr.recognise(Image.new("RGB", (200, 100), "white")) == []


def fake_tesseract(tmp_path: Path, languages: str, fail: bool = False) -> str:
    script = tmp_path / "tesseract"
    body = "echo 'error: broken' >&2; exit 1" if fail else "cat >/dev/null"
    script.write_text("#!/bin/sh\n"
                      'if [ "$1" = "--list-langs" ]; then\n'
                      "  echo 'List of available languages in \"/x\" (2):'\n"
                      f"  printf '{languages}\\n'\n  exit 0\nfi\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stands in for tesseract")
def test_missing_french_data_turns_ocr_off(monkeypatch, tmp_path, fresh_setup):
    pytest.importorskip("numpy")
    pytest.importorskip("dlib")
    program = fake_tesseract(tmp_path, "eng\\nosd")
    monkeypatch.setattr(ocr, "_program", lambda: program)
    assert not ocr.available()
    assert "données françaises" in ocr.unavailable_reason()


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stands in for tesseract")
def test_a_failing_tesseract_gives_no_line_and_a_log_entry(monkeypatch, tmp_path, fresh_setup,
                                                            caplog):
    pytest.importorskip("numpy")
    pytest.importorskip("dlib")
    program = fake_tesseract(tmp_path, "fra\\neng", fail=True)
    monkeypatch.setattr(ocr, "_program", lambda: program)
    assert ocr.available() and ocr.unavailable_reason() is None
    im = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(im).text((40, 100), "Témoignage", font=font(48), fill="black")
    with caplog.at_level("WARNING", logger="editor.vision.ocr"):
        assert ocr.recognise(im) == []
    assert "tesseract failed" in caplog.text


def test_missing_python_module_turns_ocr_off(monkeypatch, fresh_setup):
    monkeypatch.setitem(sys.modules, "dlib", None)      # import dlib now raises ImportError
    assert not ocr.available()
    assert "« dlib »" in ocr.unavailable_reason()
    assert ocr.recognise(Image.new("RGB", (100, 100))) == []


# --- the morphology the masks are made of ----------------------------------------------------

@pytest.mark.parametrize("k", [3, 15, 45])
def test_erosion_and_dilation_match_scipy(k):
    ndimage = pytest.importorskip("scipy.ndimage")
    a = np.random.default_rng(k).integers(0, 256, (97, 131)).astype(np.uint8)
    assert (ocr.erode(a, k) == ndimage.minimum_filter(a, size=k, mode="constant", cval=255)).all()
    assert (ocr.dilate(a, k) == ndimage.maximum_filter(a, size=k, mode="constant", cval=0)).all()


def test_lines_are_kept_only_with_a_real_word_or_a_signed_number():
    assert ocr._substantial("Avis 5/5") and ocr._substantial("J+30")
    assert ocr._substantial("-20 %") and ocr._substantial("1 500 €")
    assert not ocr._substantial("ar 44") and not ocr._substantial("Æ à add")


def test_child_process_runs_one_thread():
    assert ocr._child_env()["OMP_THREAD_LIMIT"] == "1"
    assert ocr._child_env()["PATH"] == os.environ["PATH"]


def test_pieces_of_one_row_are_joined_and_lines_come_in_reading_order():
    line = ocr.TextLine
    found = [line("2 900 €", (300, 102, 160, 30), 0.9),
             line("Témoignage", (40, 300, 250, 32), 0.95),
             line("Prix", (150, 100, 90, 32), 0.8)]
    rows = ocr._rows(found)
    assert [r.text for r in rows] == ["Prix 2 900 €", "Témoignage"]
    assert rows[0].box == (150, 100, 310, 32)
    assert rows[0].confidence == pytest.approx((0.8 + 0.9 * 3) / 4, abs=1e-3)


# --- Tesseract started only when needed, once for several pictures ----------------------------


@needs_tesseract
def test_a_picture_without_anything_letter_like_gives_tesseract_nothing_to_read(tesseract_runs):
    plain = [skin(5), Image.new("RGB", (800, 600), (200, 230, 250))]
    found = [ocr.find_lines(im) for im in plain]
    assert not any(found)
    assert ocr.read_lines(found) == [[], []]
    assert tesseract_runs == []                    # nothing to read: not started
    # recognise() starts Tesseract ahead, while it looks for lines; unused, it is ended
    assert [ocr.recognise(im) for im in plain] == [[], []]
    assert len(tesseract_runs) == 2 and all(p.poll() is not None for p in tesseract_runs)


@needs_tesseract
def test_several_pictures_are_read_by_one_tesseract_each_getting_its_own_lines(tesseract_runs):
    first, second = photo("coffee"), photo("rocket")
    on_band(first, "Rhinoplastie", (80, 90), 44, ink="white", band="#1d4e89")
    on_band(second, "Consultation offerte", (60, 80), 40)
    alone = [read(first), read(second)]
    tesseract_runs.clear()
    together = ocr.read_lines([ocr.find_lines(first), ocr.find_lines(second)])
    assert len(tesseract_runs) == 1
    texts = [[squash(line.text) for line in lines] for lines in together]
    assert texts == alone
    assert contains(texts[0], "Rhinoplastie") and not contains(texts[0], "Consultation offerte")
    assert contains(texts[1], "Consultation offerte") and not contains(texts[1], "Rhinoplastie")


@needs_tesseract
def test_a_tesseract_started_ahead_and_not_needed_is_ended(tesseract_runs):
    reader = ocr.Reader()
    reader.start()
    assert len(tesseract_runs) == 1
    assert reader.read([ocr.find_lines(skin(6))]) == [[]]
    assert tesseract_runs[0].poll() is not None       # ended, not left running


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stands in for tesseract")
def test_read_lines_says_when_tesseract_failed(monkeypatch, tmp_path, fresh_setup):
    pytest.importorskip("numpy")
    pytest.importorskip("dlib")
    program = fake_tesseract(tmp_path, "fra\\neng", fail=True)
    monkeypatch.setattr(ocr, "_program", lambda: program)
    im = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(im).text((40, 100), "Témoignage", font=font(48), fill="black")
    found = ocr.find_lines(im)
    assert found            # candidate lines: Tesseract is asked, and fails
    with pytest.raises(ocr.OcrError):
        ocr.read_lines([found])
