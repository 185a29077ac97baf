"""Before/after composites found in pixels: layouts with and without gutters, parted by a thin
line or standing over a caption band, are found with their panels; single photos, two different
subjects, a photo beside a text panel, text slides and a door frame are not.

Pictures are built here from scikit-image's public-domain sample photos (skipped when
scikit-image is not installed), varied the way a before/after varies, and JPEG-compressed.
"""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from editor.vision.composite import Composite, detect_composite

skdata = pytest.importorskip("skimage.data")


def photo(name: str) -> Image.Image:
    a = getattr(skdata, name)()
    im = Image.fromarray(a)
    return im.convert("RGB")


def view(src: Image.Image, box, size, zoom=1.0, dx=0.0, dy=0.0, gain=1.0, gamma=1.0,
         blur=0.0, colour=(1.0, 1.0, 1.0)) -> Image.Image:
    """A crop of ``src`` (box: x0, y0, x1, y1) zoomed about its centre and shifted (fractions
    of the crop), with another exposure, colour balance and sharpness."""
    x0, y0, x1, y1 = box
    w, h = (x1 - x0) / zoom, (y1 - y0) / zoom
    cx, cy = (x0 + x1) / 2 + dx * w, (y0 + y1) / 2 + dy * h
    cx = min(max(cx, w / 2), src.width - w / 2)        # the window stays inside the photo
    cy = min(max(cy, h / 2), src.height - h / 2)
    im = src.resize(size, Image.Resampling.LANCZOS, box=(cx - w / 2, cy - h / 2, cx + w / 2,
                                                         cy + h / 2))
    a = np.asarray(im, np.float32) / 255
    a = np.clip(a ** gamma * gain * np.array(colour, np.float32), 0, 1) * 255
    im = Image.fromarray(a.astype(np.uint8))
    return im.filter(ImageFilter.GaussianBlur(blur)) if blur else im


def lay_out(panels, rows, cols, gutter=0, colour=(255, 255, 255)):
    pw, ph = panels[0].size
    W, H = cols * pw + (cols - 1) * gutter, rows * ph + (rows - 1) * gutter
    canvas = Image.new("RGB", (W, H), colour)
    boxes = []
    for i, p in enumerate(panels):
        r, c = divmod(i, cols)
        x, y = c * (pw + gutter), r * (ph + gutter)
        canvas.paste(p, (x, y))
        boxes.append((x, y, pw, ph))
    return canvas, boxes


def as_jpeg(im: Image.Image, quality=80) -> Image.Image:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def iou(a, b) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = ix * iy
    return inter / (aw * ah + bw * bh - inter)


# before / after variations of one view: exposure, colour balance, zoom, shift, blur
VARIANTS = [dict(), dict(zoom=1.15, dx=0.03, gain=1.2, gamma=0.85),
            dict(zoom=0.9, dy=-0.03, gain=0.85, colour=(1.05, 1.0, 0.92)),
            dict(zoom=1.25, dx=-0.04, gamma=1.2, blur=1.0)]

LAYOUTS = [("side-by-side", 1, 2), ("stacked", 2, 1), ("grid", 2, 2), ("side-by-side", 1, 3)]


@pytest.mark.parametrize("layout,rows,cols", LAYOUTS)
@pytest.mark.parametrize("gutter,colour", [(0, None), (14, (255, 255, 255)), (8, (20, 20, 20))])
def test_composites_are_found_with_their_panels(layout, rows, cols, gutter, colour):
    src = photo("astronaut")
    size = (300, 360) if cols >= rows else (380, 300)
    panels = [view(src, (90, 20, 330, 300), size, **VARIANTS[i]) for i in range(rows * cols)]
    im, truth = lay_out(panels, rows, cols, gutter, colour or (0, 0, 0))
    found = detect_composite(as_jpeg(im))
    assert isinstance(found, Composite), (layout, gutter)
    assert found.layout == layout and len(found.panels) == rows * cols
    assert 0.5 <= found.score <= 1.0
    for t in truth:
        assert max(iou(t, p) for p in found.panels) >= 0.8, (t, found.panels)


def font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def test_labels_and_an_arrow_burned_in_do_not_hide_a_composite():
    src = photo("coffee")
    box = (100, 40, 500, 360)
    before = view(src, box, (420, 340))
    after = view(src, box, (420, 340), zoom=1.1, gain=1.15, gamma=0.9)
    im, truth = lay_out([before, after], 1, 2, 0)
    d = ImageDraw.Draw(im)
    for x, text in ((20, "AVANT"), (440, "APRÈS")):
        d.rectangle([x - 6, 14, x + 120, 52], fill=(255, 255, 255))
        d.text((x, 18), text, font=font(28), fill=(0, 0, 0))
    d.text((300, 300), "12/03/2024", font=font(22), fill=(255, 255, 255))
    d.line([(395, 170), (435, 170)], fill=(255, 255, 255), width=6)
    d.polygon([(450, 170), (432, 156), (432, 184)], fill=(255, 255, 255))
    found = detect_composite(as_jpeg(im, 70))
    assert found is not None and found.layout == "side-by-side"
    assert all(max(iou(t, p) for p in found.panels) >= 0.8 for t in truth)


def test_two_different_subjects_side_by_side_are_not_a_composite():
    a = view(photo("astronaut"), (90, 20, 330, 300), (300, 360))
    b = view(photo("chelsea"), (80, 0, 330, 300), (300, 360))
    for gutter in (0, 12):
        im, _ = lay_out([a, b], 1, 2, gutter)
        assert detect_composite(as_jpeg(im)) is None


def test_a_single_portrait_is_not_a_composite():
    assert detect_composite(as_jpeg(photo("astronaut"))) is None


def test_a_text_slide_is_not_a_composite():
    im = Image.new("RGB", (1080, 1080), (30, 90, 140))
    d = ImageDraw.Draw(im)
    d.text((70, 80), "Rhinoplastie : ce qu'il faut savoir", font=font(48), fill="white")
    for column in (70, 560):
        for k in range(6):
            y = 260 + 90 * k
            d.ellipse([column, y + 12, column + 18, y + 30], fill="white")
            d.text((column + 40, y), "Consultation et délai", font=font(32), fill="white")
    assert detect_composite(as_jpeg(im)) is None


def test_a_photo_with_a_door_frame_is_not_a_composite():
    src = photo("camera")
    im = src.resize((768, 768))
    d = ImageDraw.Draw(im)
    d.rectangle([360, 0, 392, 768], fill=(70, 50, 35))         # the frame, full height
    d.rectangle([392, 0, 398, 768], fill=(120, 95, 70))
    assert detect_composite(as_jpeg(im)) is None


def test_a_picture_that_repeats_itself_without_a_seam_is_not_two_panels():
    ramp = np.linspace(0, 255, 800, dtype=np.float32)
    across = Image.fromarray(np.tile(ramp, (600, 1)).astype(np.uint8)).convert("RGB")
    down = Image.fromarray(np.tile(ramp[:600, None], (1, 800)).astype(np.uint8)).convert("RGB")
    assert detect_composite(across) is None and detect_composite(down) is None


def test_small_odd_and_grey_images_do_not_raise():
    assert detect_composite(Image.new("RGB", (30, 900), "white")) is None
    assert detect_composite(Image.new("L", (500, 400), 128)) is None
    assert detect_composite(Image.new("RGBA", (600, 300), (10, 20, 30, 0))) is None


def bottle_shot(colours) -> Image.Image:
    """Bottles of one shape in the given colours, side by side on a plain background, shaded
    like cylinders and with sensor noise (a photograph, not a drawing)."""
    h, w = 700, 1000
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.full((h, w, 3), 240.0, np.float32) * (1 - 0.1 * y / h)[..., None]
    for k, colour in enumerate(colours):
        cx = 250 + 500 * k
        body = (np.abs(x - cx) < 90) & (y > 250) & (y < 620) | (np.abs(x - cx) < 30) & (y > 170)
        body &= y < 620
        shade = np.clip(1.1 - 0.6 * ((x - cx + 30) / 90) ** 2, 0.4, 1.2)[..., None]
        img = np.where(body[..., None], np.array(colour, np.float32) * shade, img)
        label = (np.abs(x - cx) < 70) & (y > 360) & (y < 470)
        img = np.where(label[..., None], 235.0 * shade, img)
    img += np.random.default_rng(3).normal(0, 3, img.shape)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(1.0))


def test_two_products_of_one_shape_in_different_colours_are_not_a_composite():
    # each panel a photo of one bottle, framed alike: the shapes match, the colours do not
    red, green = (bottle_shot([c]).crop((60, 100, 440, 660)) for c in ((200, 30, 40),
                                                                          (40, 140, 70)))
    im, _ = lay_out([red, green], 1, 2, 12)
    assert detect_composite(as_jpeg(im)) is None
    same, _ = lay_out([red, red.copy()], 1, 2, 12)
    assert detect_composite(as_jpeg(same)) is not None     # the same bottle twice: a montage


def test_a_chessboard_is_lines_everywhere_not_panels():
    board = Image.open(skdata.__path__[0] + "/chessboard_RGB.png").convert("RGB")
    for crop, size in (((0, 0, 200, 200), (1024, 1024)), ((0, 0, 200, 100), (1000, 500))):
        assert detect_composite(as_jpeg(board.crop(crop).resize(size))) is None


def test_a_strip_above_a_caption_band_is_found_without_the_band():
    # three views stacked without a gutter over a plain band where a caption would go: the
    # band's straight edge is no fourth seam, and the panels stop where the band starts
    src = photo("astronaut")
    panels = [view(src, (60, 20, 400, 250), (480, 300), **VARIANTS[i]) for i in range(3)]
    im, truth = lay_out(panels, 3, 1, 0)
    sheet = Image.new("RGB", (480, 900 + 80), (240, 236, 228))
    sheet.paste(im, (0, 0))
    found = detect_composite(as_jpeg(sheet))
    assert found is not None and found.layout == "stacked" and len(found.panels) == 3
    for t in truth:
        assert max(iou(t, p) for p in found.panels) >= 0.8, (t, found.panels)


def test_panels_parted_by_a_thin_white_line_are_found():
    # a line of 2 px in a picture 1 080 px wide: less than a pixel of the working copy
    src = photo("coffee")
    panels = [view(src, (100, 40, 500, 360), (359, 420), **VARIANTS[i]) for i in range(3)]
    im, truth = lay_out(panels, 1, 3, 2, (255, 255, 255))
    found = detect_composite(as_jpeg(im))
    assert found is not None and found.layout == "side-by-side" and len(found.panels) == 3
    for t in truth:
        assert max(iou(t, p) for p in found.panels) >= 0.8, (t, found.panels)


def test_a_portrait_beside_a_text_panel_under_a_header_band_is_not_a_composite():
    # the band is set aside; the gutter between the text and the photo runs top to bottom, so
    # the halves above and below the middle are no panels either
    portrait = view(photo("astronaut"), (90, 20, 330, 300), (500, 560))
    text = Image.new("RGB", (500, 560), (30, 30, 30))
    d = ImageDraw.Draw(text)
    d.text((30, 60), "« Rhinoplastie »", font=font(34), fill="white")
    for k in range(7):
        d.text((30, 130 + 45 * k), "Consultation et délai de réflexion", font=font(22),
               fill="white")
    im, _ = lay_out([text, portrait], 1, 2, 40, (128, 128, 128))
    sheet = Image.new("RGB", (im.width, im.height + 70), (128, 128, 128))
    sheet.paste(im, (0, 70))
    assert detect_composite(as_jpeg(sheet)) is None


def test_a_grid_both_of_whose_halvings_partly_agree_is_reported():
    """Four views with their own crops and exposures: each panel alone matches too weakly, but
    the left/right halving and the top/bottom halving both show the same subject in part."""
    from editor.vision.composite import GRID_HALVES, THRESHOLD, Candidate, _best

    def cands(left_right: float, top_bottom: float):
        return [Candidate("side-by-side", 1, 2, [(0, 0, 50, 100), (50, 0, 100, 100)], 0.7,
                          score=left_right, size=(100, 100)),
                Candidate("stacked", 2, 1, [(0, 0, 100, 50), (0, 50, 100, 100)], 0.7,
                          score=top_bottom, size=(100, 100)),
                Candidate("grid", 2, 2, [(0, 0, 50, 50), (50, 0, 100, 50), (0, 50, 50, 100),
                                         (50, 50, 100, 100)], 0.6, score=0.2, size=(100, 100))]

    both = _best(cands(0.4, 0.4))
    assert both is not None and both.layout == "grid" and len(both.panels) == 4
    assert both.score >= THRESHOLD
    # one halving alone, or two agreements too faint, are not a montage
    assert _best(cands(0.5, GRID_HALVES - 0.05)) is None
    assert _best(cands(0.31, 0.31)) is None          # together still below the threshold


def test_the_seam_is_the_cut_right_across_not_a_label_edge_near_it():
    """Two panels butted without a gutter, a label box just below the seam: the box's top edge
    is as crisp as the seam, or crisper, but it stops where the label does; the seam crosses
    the whole picture."""
    from editor.vision.composite import Profile, find_seams

    rng = np.random.default_rng(5)
    h, w = 200, 120
    top = rng.uniform(40, 200, w).astype(np.float32)
    bottom = top + rng.choice([-1.0, 1.0], w) * rng.uniform(20, 50, w)
    a = np.empty((h, w, 3), np.float32)
    a[:100] = top[None, :, None]
    a[100:] = np.clip(bottom, 0, 255)[None, :, None]
    # on the right, the picture shades across the seam without a step: textured, not cut
    ramp = np.clip(np.arange(h) - 90, 0, 18) * 3.0
    a[:, 100:] = (top[None, 100:] + ramp[:, None])[..., None]
    a[112:132, :70] = 255.0                                          # the label, 70 px wide
    (seam,) = find_seams(Profile(a.transpose(1, 0, 2)), [], h, 2)
    assert abs(seam.start - 100) <= 1 and seam.evidence > 0.8, seam


@pytest.mark.parametrize("name,box", [("astronaut", (90, 20, 330, 300)),
                                      ("chelsea", (80, 0, 330, 300))])
def test_an_after_photo_turned_by_six_degrees_is_aligned_with_the_before(name, box):
    """Photos taken by hand months apart are often turned a few degrees: the alignment finds
    the turn, and the panels then correlate as closely as upright copies do."""
    import math

    from editor.vision.composite import Grey, PanelViews, coarse_search, refine, work_copy

    src = photo(name)
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    before = view(src, box, (300, 360))
    after = view(src.rotate(6, Image.Resampling.BICUBIC, center=centre), box, (300, 360),
                 gain=1.15)
    im, _ = lay_out([before, after], 1, 2, 10)
    a, _ = work_copy(as_jpeg(im))
    grey = Grey(0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2], a)
    k = a.shape[1] / im.width
    p, q = (0, 0, round(300 * k), a.shape[0]), (round(310 * k), 0, a.shape[1], a.shape[0])
    best = coarse_search(PanelViews(grey, p), PanelViews(grey, q), False)[0]
    fine, _, _, _, rot = refine(grey, p, q, *best[1:])
    assert abs(abs(rot) - math.radians(6)) <= 0.03, rot
    assert fine >= 0.9, fine
