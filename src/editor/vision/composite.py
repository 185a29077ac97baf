"""Before/after composites found in an image's pixels.

A before/after composite is two to four photographs of one subject laid out side by side, stacked,
in a 2×2 grid or in a strip of three or four, with or without a gutter between them, often at a
different zoom, crop or exposure, often with labels (« AVANT », « APRÈS », « J+30 », dates) or an
arrow drawn on. :func:`detect_composite` says whether a picture is one, and where its panels are.

How (every step works on a grey working copy whose long side is :data:`WORK_SIDE` px):

1. **Frame and caption band.** Uniform margins of one colour, about as wide on opposite sides, are
   a frame and are set aside (a plain backdrop on one side only is not). So is a caption band:
   rows of one perfectly flat colour (a caption's letters may cover a little of them) from the
   top or the bottom of the picture to a crisp straight edge right across it, at most a quarter
   of its height — a photo's own backdrop is never that flat.
2. **Seam evidence**, for every column (vertical seams) and every row (horizontal ones):

   - a *gutter*: a run of columns that are uniform (90 % of their pixels within a few levels of
     the column's median colour), of one colour (within what JPEG's colour subsampling leaves of
     it), with pictures on both sides that differ from that colour in most rows (crisp edges: a
     pale sky or a backdrop fades instead);
   - a *cut* (panels butted together, or a gutter thinner than a pixel of the working copy): in
     the rows that have any texture near the column, the fraction where the colour change across
     the column is more than twice the change on either side of it. A picture's own edges are
     either short or fade over several pixels; a cut runs the height of the picture. A thin
     line (a white line of 1-3 px, blended into one column of the working copy) counts the
     same: the column stands out the same way from the columns two pixels away on both sides,
     much more than they change further out. The fraction is scaled down when fewer than half
     of the rows have texture there.

   Evidence is 1 for a gutter, the cut fraction otherwise; a split with no evidence at all is one
   picture (a sky, a gradient, a wall repeats itself without being two photos).
3. **Layouts.** Each hypothesis — 2, 3 or 4 panels side by side, 2 or 3 stacked, a 2×2 grid — puts
   its seams at the best evidence within ±30 % of a cell of their regular positions (among cuts,
   the clear one that crosses the most of the picture: the edge of a label box next to a seam
   can be as crisp, but it stops where the label does). Strips of 3
   or 4 and grids are tried only when each of their seams has some evidence; a split in two is
   dropped when clear seams run both ways (four cells), when it has no evidence and a clear
   seam runs the other way, or when a gutter runs the other way and its own seam is not clear
   (a photo beside a text panel cut across the middle); a layout of cuts is dropped when
   another cut crosses the picture as clearly elsewhere (a chessboard, tiles, blinds: lines
   everywhere, not panels). Panels are trimmed of margins of the gutter's colour (a picture
   letterboxed in its cell); a layout whose panels would lose much more on one side of their
   cell than on the other is objects standing on a plain background, and is dropped.
4. **Same subject?** For each pair of panels, their gradient *orientations* are compared: the
   strongest quarter of the gradients of each panel, as unit vectors spread over their
   neighbours. Exposure, contrast, gamma and colour balance change gradient lengths, not their
   directions, and the spreading forgives a pixel or two of misalignment, blur and JPEG noise.
   The normalised correlation of the two vector fields is maximised over zoom (up to 1.3× either
   way), shift (±15 % of the panel), rotation (±3° and ±6°: photos taken by hand months apart)
   and — only when the seams are unmistakable — a mirror image, first on 32×32 copies, then
   refined on 64×64 copies (zoom ±4 %, rotation ±1.4°, shift). Labels and arrows
   cover a small part of a panel and lower the correlation a little. Two unrelated pictures
   correlate weakly at both scales even when their layout is alike; a single photo cut in two
   at a door frame or a horizon gives two halves that do not show the same thing. Two more
   figures tell one person from another in the same pose: the *marks* (the strongest small
   spots of each panel on 128×128 copies — moles, freckles, specks — must reappear with the
   same polarity within 2 px of the same place in the other; the share of their strength found
   again, the lower of the two directions) and the *colours*: the panels' chromaticities
   (red-green, yellow-blue) are correlated at the alignment found, over the middle that was
   aligned and over the whole of the panels (a backdrop, hair or clothes at the edges), the
   lower counting. A colour cast, exposure or saturation shifts or scales chromaticities,
   which correlation ignores; two people on different backdrops, or two objects of one shape
   in different colours — two bottles of a product range — disagree.
5. **Decision.** Every panel must have a partner showing the same subject; the panel with the
   weakest best partner decides. Its similarities at both scales, the colour and marks
   agreements and the weakest seam's evidence are combined linearly (weights in
   :data:`WEIGHTS`, fitted by logistic regression on the development splits of the evaluation
   set, see ``scripts/make_image_set.py`` and ``benchmarks/image_bench.py``) into a score in
   0..1; the composite is reported when the score reaches :data:`THRESHOLD` (colours that
   disagree outright, a correlation below :data:`COLOUR_MIN`, never are). The finer figures
   are only computed for the pairs that can still reach the threshold. Panels that are
   mostly perfectly flat colour (text slides, charts) are not photographs and are never
   reported. A 2×2 grid whose left/right halving and top/bottom halving each show the same
   subject in part (each scoring at least :data:`GRID_HALVES`) is scored as those two clues
   together, 1 - (1 - a)(1 - b): four views with their own crops and exposures often correlate
   too weakly panel by panel, while each halving, comparing two panels at once, still shows it
   (chosen on development splits only; see ``benchmarks/image_bench.py``). When several
   layouts pass, the one with the most panels among those nearly as sure and with seams nearly
   as clear is reported.

Known limits (measured on the evaluation set's dev splits, see ``benchmarks/image_bench.py``):
two different people's bare torsos photographed in the same standard pose and framing still
pass for one person about one time in three (two frontal portraits about one in seventeen),
since the zoom search absorbs differences of build and few marks tell them apart; pictures
with little structure (fine texture, a dark sky, a blurred face), strips of 3-4 narrow panels
butted without a gutter, and views mirrored or shifted by more than a sixth of the panel behind
a faint seam are the most often missed; a picture that truly repeats itself (a chessboard cut
exactly at its squares) is reported.

Pure numpy and Pillow; see ``benchmarks/image_bench.py`` for the time per picture of 1024 px
on one core.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]       # x, y, w, h in the pixels of the image passed in

WORK_SIDE = 384          # long side of the working copy
BAND_TOL = 10.0          # colour levels within which a gutter's pixels match its colour
GUTTER_UNIFORM = 0.9     # share of a gutter column's pixels of its colour (arrows may cross it)
SEAM_WINDOW = 0.3        # a seam is looked for within ±30 % of a cell around its regular place
MIN_EVIDENCE = 0.1       # least evidence for a seam: without any, one picture, not panels
STRIP_EVIDENCE = 0.2     # least evidence for each seam of a strip of 3-4 or of a grid
RIVAL, RIVAL_SPAN = 0.9, 0.85   # a cut elsewhere crossing this share of the picture, and
                               # nearly as clear as the seams, rules a layout out
MIRROR_EVIDENCE = 0.85   # mirrored panels are considered only above this seam evidence
MIN_PANEL = 20           # px of the working copy
FLAT_GRAPHIC = 0.75      # a panel with more perfectly flat pixels than this is a graphic
COARSE, FINE = 32, 64    # sizes of the panel copies compared
COARSE_SHIFT, FINE_SHIFT = 5, 3
CLOSE = 0.03             # the second best coarse alignment is refined too when this close
ZOOM_STEPS = (1.0, 1.1, 1.2, 1.3)
ROTATIONS = (0.0, -0.05, 0.05, -0.1, 0.1)   # radians
FINE_TURN = 0.025        # radians tried either way of the coarse rotation at FINE px
KEEP = 0.25              # share of the strongest gradients that carry orientations
SPREAD = 2               # radius of the box spreading the orientation vectors
# Logistic decision: weights of (coarse and fine similarity, seam evidence, colour agreement,
# marks agreement - 0.5) and bias, fitted on the dev splits of
# scripts/make_image_set.py's set (canonical, --reseed 1, 2 and 3, and the canonical set of the
# generator's version 1): 400 composites, 450 other pictures.
WEIGHTS = (4.47, 3.52, 2.44, 2.17, 2.11, -8.28)
THRESHOLD = 0.55        # (0.6, chosen on dev splits, lost composites on held-out splits
                        # for one false montage fewer: not kept)
COLOURLESS = 0.015       # spread of the chromaticities below which a panel is grey
COLOUR_MIN = 0.0         # colours that disagree outright (negative correlation): never one subject
GRID_HALVES = 0.3        # least score of each halving of a 2×2 grid for both to count together

LAYOUTS = (("side-by-side", 1, 2), ("stacked", 2, 1), ("grid", 2, 2),
           ("side-by-side", 1, 3), ("stacked", 3, 1), ("side-by-side", 1, 4))


@dataclass(frozen=True)
class Composite:
    """A before/after composite: its layout, its panels' boxes and how sure the detector is."""
    layout: str                 # "side-by-side" | "stacked" | "grid"
    panels: tuple[Box, ...]     # 2..4 panels, row by row
    score: float                # 0..1 confidence


def detect_composite(image: Image.Image) -> Composite | None:
    """The composite ``image`` is, or None. ``image``: upright, RGB (converted if not), long
    side at most 1024 px for the time budget (a larger one is only slower). Never raises on a
    picture's content; a failure is logged and read as « no composite »."""
    try:
        return _best(_analyse(image))
    except (ValueError, TypeError, ArithmeticError, MemoryError, OSError):
        log.exception("composite detection failed on a %s×%s %s image",
                      *getattr(image, "size", ("?", "?")), getattr(image, "mode", "?"))
        return None


# ----------------------------------------------------------------------------- internals

@dataclass
class Seam:
    start: int                  # first column (row) that is not a panel's
    end: int                    # first column (row) of the next panel
    evidence: float             # 1 for a gutter, the cut fraction otherwise
    band: bool
    colour: np.ndarray | None = None


@dataclass(frozen=True)
class Figures:
    """How alike a panel and its partner are (step 4 above)."""
    coarse: float               # orientation correlation at COARSE px
    fine: float = -1.0          # at FINE px, refined
    colour: float = 1.0         # chromaticity agreement (the lower of the middle and the whole)
    marks: float = 0.5          # share of the marks found again (0.5: too few marks to tell)


@dataclass
class Candidate:
    layout: str
    rows: int
    cols: int
    panels: list                # (x0, y0, x1, y1) in the working copy
    evidence: float
    figures: Figures | None = None   # of the panel with the lowest score
    flat: float = 0.0
    score: float = 0.0
    scale: float = 1.0          # working copy / image passed in
    size: tuple[int, int] = (0, 0)   # of the image passed in

    def boxes(self, size: tuple[int, int]) -> tuple[Box, ...]:
        W, H = size
        k = 1.0 / self.scale
        out = []
        for x0, y0, x1, y1 in self.panels:
            a, b = min(W, round(x0 * k)), min(H, round(y0 * k))
            c, d = min(W, round(x1 * k)), min(H, round(y1 * k))
            out.append((a, b, max(1, c - a), max(1, d - b)))
        return tuple(out)


def _grid_both_ways(cands: list[Candidate]) -> None:
    """A 2×2 grid whose left and right halves look somewhat alike AND whose top and bottom
    halves do too: two separate, partial agreements that a single photo cut both ways or two
    different pictures rarely give together. The grid then scores as both halvings would if
    they were independent clues (1 - (1 - a)(1 - b)), when each reaches :data:`GRID_HALVES`
    and the grid's own seams have the evidence a grid needs. Four views of one subject with
    their own crops and exposures often correlate too weakly panel by panel for the grid, while
    each halving, which compares two panels at once, still shows it."""
    halves = {(c.rows, c.cols): c for c in cands if c.rows * c.cols == 2}
    grid = next((c for c in cands if c.layout == "grid"), None)
    if grid is None or len(halves) < 2 or grid.flat > FLAT_GRAPHIC:
        return
    a, b = halves[1, 2].score, halves[2, 1].score
    if min(a, b) >= GRID_HALVES and grid.evidence >= STRIP_EVIDENCE:
        grid.score = max(grid.score, 1.0 - (1.0 - a) * (1.0 - b))


def _best(cands: list[Candidate]) -> Composite | None:
    """The layout to report among the candidates that reach the threshold: the one with the
    most panels among those nearly as confident as the best and whose seams are nearly as
    clear as the clearest (a 2×2 grid also splits into two similar halves; two stacked photos
    also split into four similar quarters, but down the middle of each photo, with no seam)."""
    _grid_both_ways(cands)
    hits = [c for c in cands if c.score >= THRESHOLD]
    if not hits:
        return None
    top = max(c.score for c in hits)
    clear = max(c.evidence for c in hits)
    ok = [c for c in hits if c.score >= min(top, 0.8) - 0.1 and c.evidence >= 0.7 * clear]
    c = max(ok or hits, key=lambda c: (c.rows * c.cols, c.score))
    return Composite(c.layout, c.boxes(c.size), round(c.score, 3))


def work_copy(image: Image.Image) -> tuple[np.ndarray, float]:
    """RGB float array with a long side of at most WORK_SIDE (area-resampled), and its scale."""
    im = image if image.mode == "RGB" else image.convert("RGB")
    s = WORK_SIDE / max(im.size)
    if s < 1:
        im = im.resize((max(1, round(im.width * s)), max(1, round(im.height * s))),
                       Image.Resampling.BOX)
    else:
        s = 1.0
    return np.asarray(im, dtype=np.float32), s


class Profile:
    """Seam evidence at each column of ``a`` (H×W×3); rows: pass the transposed array."""

    def __init__(self, a: np.ndarray):
        a = np.ascontiguousarray(a)
        h, w = a.shape[:2]
        self.a = a
        self.width = w
        med = np.median(a[::6], axis=0)                        # W×3
        planes = [a[..., c] for c in range(3)]                 # (reductions over an axis of
        dev = np.abs(planes[0] - med[:, 0])                    # length 3 are slow)
        np.maximum(dev, np.abs(planes[1] - med[:, 1]), out=dev)
        np.maximum(dev, np.abs(planes[2] - med[:, 2]), out=dev)    # H×W
        self.uniform = np.count_nonzero(dev < BAND_TOL, axis=0) / h
        self.dev = dev
        self.colour = med
        s = planes[0] + planes[1] + planes[2]
        e = s[:, 2:] - s[:, :-2]                               # change across column i+1
        d2 = np.abs(e)
        side = np.zeros_like(d2)
        side[:, 2:] = d2[:, :-2]
        np.maximum(side[:, :-2], d2[:, 2:], out=side[:, :-2])  # the changes next to it
        step = d2 > 2.0 * side + 12.0
        textured = (d2 > 12.0) | (side > 6.0)
        # a thin line (a gutter narrower than about two pixels of the working copy, blended
        # with its neighbours): column i stands out the same way from columns i-2 and i+2,
        # much more than those change further out (in d2's columns: i-2 and i, i-4 and i+2)
        line = np.zeros_like(step)
        if w >= 9:
            peak = np.minimum(d2[:, 2:w - 6], d2[:, 4:w - 4])
            peak[e[:, 2:w - 6] * e[:, 4:w - 4] >= 0] = 0.0     # not the same way
            outer = np.maximum(d2[:, :w - 8], d2[:, 6:w - 2])
            line[:, 3:w - 5] = peak > 2.0 * outer + 12.0       # d2's column j is i = j + 1
            textured[:, 3:w - 5] |= peak > 12.0
        n = np.count_nonzero(textured, axis=0)
        cut = np.maximum(np.count_nonzero(step, axis=0), np.count_nonzero(line, axis=0))
        frac = np.where(n >= 0.15 * h, cut / np.maximum(n, 1), 0.0)
        frac *= np.minimum(1.0, n / (0.5 * h))
        self.cut = np.zeros(w, np.float32)
        self.cut[1:w - 1] = frac
        self.span = np.zeros(w, np.float32)      # share of all rows the cut crosses
        self.span[1:w - 1] = cut / h

    def gutters(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Runs of uniform columns of one colour with crisp edges, as [start, end)."""
        u = self.uniform >= GUTTER_UNIFORM
        out, x = [], lo
        while x < hi:
            if not u[x]:
                x += 1
                continue
            s = x
            while x < hi and u[x] and np.abs(self.colour[x] - self.colour[s]).max() < 16:
                x += 1
            e = x
            core = s + int(np.argmin(self.dev[:, s:e].std(axis=0)))   # the flattest column
            ref = self.colour[core]
            bs, be = core, core + 1
            while bs > s and np.abs(self.colour[bs - 1] - ref).max() < BAND_TOL:
                bs -= 1
            while be < e and np.abs(self.colour[be] - ref).max() < BAND_TOL:
                be += 1
            sides = [float((np.abs(self.a[:, c] - ref).max(axis=1) > 2 * BAND_TOL).mean())
                     for c in (bs - 2, be + 1) if 0 <= c < self.width]
            if len(sides) == 2 and min(sides) >= 0.3 and sum(sides) >= 1.0:
                out.append((bs, be))
        return out


def band(a: np.ndarray, prof: Profile, start: bool) -> int:
    """Height of a caption band at the top (``start``) or bottom of ``a`` (``prof``: the
    profile of its rows), or 0: rows mostly of one flat colour (a caption's letters cover a
    little of them; a photo's backdrop is never that flat) from the picture's edge to a crisp
    edge right across the picture, at most a quarter of its height."""
    n = a.shape[0]
    order = range(n) if start else range(n - 1, -1, -1)
    ref = prof.colour[0 if start else n - 1]
    k = 0
    for i in order:
        if k > n // 4 or prof.uniform[i] < 0.6 or np.abs(prof.colour[i] - ref).max() >= 16:
            break
        k += 1
    if k < max(4, 0.03 * n) or k > n // 4:
        return 0
    inside = slice(0, k) if start else slice(n - k, n)
    if prof.uniform[inside].mean() < 0.8:
        return 0
    g = a[inside].sum(axis=2)
    if ((np.abs(np.diff(g, axis=1))[:-1] + np.abs(np.diff(g, axis=0))[:, :-1]) < 3.0).mean() < 0.6:
        return 0                                # not flat: a backdrop
    edge = k if start else n - k - 1          # first row of the picture
    near = prof.span[max(0, edge - 2):edge + 3]
    return k if near.size and near.max() >= 0.5 else 0


def content_box(a: np.ndarray, pcol: Profile, prow: Profile) -> tuple[int, int, int, int]:
    """The picture without its frame: x0, y0, x1, y1 (``pcol``, ``prow``: a's profiles)."""
    h, w = a.shape[:2]

    def margins(prof: Profile, n: int, bands: bool) -> tuple[int, int]:
        lo, hi = 0, n
        ref = prof.colour[0]
        while lo < n // 4 and prof.uniform[lo] >= 0.98 and np.abs(prof.colour[lo] - ref).max() < 12:
            lo += 1
        ref = prof.colour[n - 1]
        while hi > 3 * n // 4 and prof.uniform[hi - 1] >= 0.98 and np.abs(
                prof.colour[hi - 1] - ref).max() < 12:
            hi -= 1
        if abs(lo - (n - hi)) <= max(3, 0.25 * max(lo, n - hi)):
            return lo, hi   # a frame
        # one-sided: a caption band (kept out of the panels), or a plain backdrop (kept)
        top = band(a, prof, True) if bands else 0
        bottom = band(a, prof, False) if bands else 0
        if not (top or bottom):
            return 0, n
        colour = prof.colour[0] if top else prof.colour[n - 1]
        if not top and lo and np.abs(prof.colour[0] - colour).max() < 12:
            top = lo        # the frame on the other side, of the band's colour
        if not bottom and hi < n and np.abs(prof.colour[n - 1] - colour).max() < 12:
            bottom = n - hi
        return top, n - bottom

    x0, x1 = margins(pcol, w, False)
    y0, y1 = margins(prow, h, True)
    return x0, y0, x1, y1


def find_seams(prof: Profile, gutters: list[tuple[int, int]], length: int, n: int) -> list[Seam]:
    """The best seam near each of the n-1 regular split positions of [0, length)."""
    cell = length / n
    seams = []
    for k in range(1, n):
        at = k * cell
        win = SEAM_WINDOW * cell
        near = [g for g in gutters
                if abs((g[0] + g[1]) / 2 - at) <= win and g[1] - g[0] <= 0.5 * cell]
        if near:
            s, e = max(near, key=lambda g: (g[1] - g[0], -abs((g[0] + g[1]) / 2 - at)))
            seams.append(Seam(s, e, 1.0, True, prof.colour[(s + e) // 2]))
            continue
        a, b = max(1, int(at - win)), min(length - 1, int(at + win) + 1)
        # the cut that crosses the most of the picture among the clear ones: a label's edge
        # near the seam can be as sharp, but it stops where the label does
        i = int(np.argmax(prof.cut[a:b] + prof.span[a:b])) + a
        seams.append(Seam(i, i, float(prof.cut[i]), False))
    return seams


def rival_cut(prof: Profile, length: int, seams: list[Seam]) -> float:
    """The longest cut away from the chosen seams (and from the ends), as the share of the
    picture it crosses: a pattern of lines (a chessboard, tiles, blinds) cuts right across
    everywhere, butted photos only at their seams; a label box or a caption strip cuts only
    part of the way (and gutter-like bands elsewhere are no rivals: captions make them)."""
    if not seams:
        return 0.0
    margin = max(3, int(0.04 * length))
    keep = np.ones(length, bool)
    keep[:margin] = keep[length - margin:] = False
    for sm in seams:
        keep[max(0, sm.start - margin):sm.end + margin] = False
    return float(prof.span[:length][keep].max()) if keep.any() else 0.0


def panels_of(box, xseams: list[Seam], yseams: list[Seam]) -> list[tuple]:
    x0, y0, x1, y1 = box

    def spans(lo, hi, seams):
        edges = [lo] + [v for s in seams for v in (s.start, s.end)] + [hi]
        return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]

    return [(xa, ya, xb, yb) for ya, yb in spans(y0, y1, yseams)
            for xa, xb in spans(x0, x1, xseams)]


def trim_panel(a: np.ndarray, box, colour) -> tuple:
    """A panel without its margins of the gutter's colour (a picture letterboxed in its cell)."""
    x0, y0, x1, y1 = box
    if colour is None or x1 - x0 < 3 or y1 - y0 < 3:
        return box
    c = a[y0:y1, x0:x1]
    same = ((np.abs(c[..., 0] - colour[0]) < BAND_TOL) & (np.abs(c[..., 1] - colour[1]) < BAND_TOL)
            & (np.abs(c[..., 2] - colour[2]) < BAND_TOL))
    cols = same.mean(axis=0) >= 0.95
    rows = same.mean(axis=1) >= 0.95
    i, j = 0, len(cols)
    while i < j - 8 and cols[i]:
        i += 1
    while j > i + 8 and cols[j - 1]:
        j -= 1
    k, m = 0, len(rows)
    while k < m - 8 and rows[k]:
        k += 1
    while m > k + 8 and rows[m - 1]:
        m -= 1
    return x0 + i, y0 + k, x0 + j, y0 + m


def lopsided(cell, panel) -> bool:
    """Whether a panel was trimmed of much more on one side of its cell than on the other: a
    picture letterboxed in its cell is centred in it; an object standing on a plain background
    that runs into the gutter is not."""
    for a, b, n in ((panel[0] - cell[0], cell[2] - panel[2], cell[2] - cell[0]),
                    (panel[1] - cell[1], cell[3] - panel[3], cell[3] - cell[1])):
        if max(a, b) > 0.15 * n and max(a, b) > 2 * min(a, b) + 3:
            return True     # (a frame left on one side is thinner than that)
    return False


def flatness(g: np.ndarray, box) -> float:
    """Share of a panel's pixels whose colour does not change at all around them."""
    x0, y0, x1, y1 = box
    c = g[y0:y1, x0:x1]
    if c.shape[0] < 3 or c.shape[1] < 3:
        return 1.0
    dx = np.abs(np.diff(c, axis=1))[:-1]
    dy = np.abs(np.diff(c, axis=0))[:, :-1]
    return float(((dx + dy) < 1.0).mean())


# ----------------------------------------------------------------------------- similarity

def _box(a: np.ndarray, r: int, edge: bool = False) -> np.ndarray:
    """Mean over the (2r+1)² window around each pixel of the last two axes, by an integral
    image; outside the array: zeros, or the nearest edge pixel when ``edge``."""
    n = 2 * r + 1
    pad = [(0, 0)] * (a.ndim - 2) + [(r + 1, r), (r + 1, r)]
    c = np.pad(a, pad, mode="edge" if edge else "constant")
    if edge:     # the extra leading row and column must be zeros for the integral image
        c[..., 0, :] = 0
        c[..., :, 0] = 0
    c = c.cumsum(axis=-2, dtype=np.float64).cumsum(axis=-1)
    s = c[..., n:, n:] - c[..., :-n, n:] - c[..., n:, :-n] + c[..., :-n, :-n]
    return (s / (n * n)).astype(np.float32)


def _window_sums(a: np.ndarray, h: int, w: int) -> np.ndarray:
    """Sum of ``a`` over every h×w window (valid positions only)."""
    c = np.zeros((a.shape[0] + 1, a.shape[1] + 1), np.float64)
    c[1:, 1:] = a.cumsum(axis=0).cumsum(axis=1)
    return c[h:, w:] - c[:-h, w:] - c[h:, :-w] + c[:-h, :-w]


class Grey:
    """The working copy in grey, padded by replicating its edges so that windows a little
    outside it (zooming out, shifting) can be sampled; and its two opponent colour planes
    (red - green, yellow - blue, as chromaticities), made on demand."""

    def __init__(self, g: np.ndarray, a: np.ndarray | None = None):
        self.pad = max(g.shape) // 2
        self.planes = {"g": Image.fromarray(np.pad(g, self.pad, mode="edge"), "F")}
        self._rgb = a

    def plane(self, name: str) -> Image.Image:
        if name not in self.planes:
            a = self._rgb
            assert a is not None, "colour planes need the colour image"
            # chromaticities: a colour cast or an exposure change shifts them, it does not
            # stretch them with the brightness (dark pixels damped by the +30)
            total = a[..., 0] + a[..., 1] + a[..., 2] + 30.0
            if name == "rg":
                c = (a[..., 0] - a[..., 1]) / total
            else:
                c = (0.5 * (a[..., 0] + a[..., 1]) - a[..., 2]) / total
            self.planes[name] = Image.fromarray(np.pad(c.astype(np.float32), self.pad,
                                                       mode="edge"), "F")
        return self.planes[name]

    def window(self, size: int, cx: float, cy: float, w: float, h: float,
               plane: str = "g") -> Image.Image:
        im = self.plane(plane)
        W, H = im.size
        box = (max(0.0, cx - w / 2), max(0.0, cy - h / 2), min(W, cx + w / 2), min(H, cy + h / 2))
        return im.resize((size, size), Image.Resampling.BOX, box=box)


def region(grey: Grey, box, zoom: float, size: int, rot: float = 0.0,
           inset: float = 0.04, plane: str = "g") -> np.ndarray:
    """The centre 1/zoom of a panel (less a small inset), turned by ``rot`` radians,
    area-resampled to size×size (grey, or the colour ``plane`` "rg" or "yb")."""
    x0, y0, x1, y1 = box
    cw, ch = (x1 - x0) * (1 - 2 * inset) / zoom, (y1 - y0) * (1 - 2 * inset) / zoom
    cx, cy = (x0 + x1) / 2 + grey.pad, (y0 + y1) / 2 + grey.pad
    if not rot:
        return np.asarray(grey.window(size, cx, cy, cw, ch, plane), dtype=np.float32)
    k = 1.25                    # room for the corners
    big = math.ceil(size * k)
    im = grey.window(big, cx, cy, cw * k, ch * k, plane).rotate(math.degrees(rot),
                                                                Image.Resampling.BILINEAR)
    o = (big - size) // 2
    return np.asarray(im, dtype=np.float32)[o:o + size, o:o + size]


def orientations(a: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit gradient vectors of the strongest KEEP of the gradients, spread over their
    neighbours (a (2·SPREAD+1)² box); and the squared length of the spread vectors."""
    gy, gx = np.gradient(_box(a, 1, edge=True))
    mag = np.hypot(gx, gy)
    k = int(mag.size * (1 - KEEP))
    tau = max(1.0, float(np.partition(mag.ravel(), k)[k]))
    inv = np.where(mag >= tau, 1.0 / np.maximum(mag, 1e-6), 0.0)
    ux, uy = _box(np.stack((gx * inv, gy * inv)), SPREAD)
    return ux, uy, ux * ux + uy * uy


def mirrored(f):
    fx, fy, q = f
    return (np.ascontiguousarray(-fx[:, ::-1]), np.ascontiguousarray(fy[:, ::-1]),
            np.ascontiguousarray(q[:, ::-1]))


def correlation_map(fa, fb, m: int) -> np.ndarray:
    """Normalised correlation of A's central vector field with B's, at shifts -m..m px."""
    ax, ay, aq = fa
    bx, by, bq = fb
    F = ax.shape[0]
    sl = slice(m, F - m)
    tx, ty, tq = ax[sl, sl], ay[sl, sl], aq[sl, sl]
    view = np.lib.stride_tricks.sliding_window_view
    num = (np.einsum("ijkl,kl->ij", view(bx, tx.shape), tx)
           + np.einsum("ijkl,kl->ij", view(by, tx.shape), ty))
    nb = _window_sums(bq, *tx.shape)
    return num / np.sqrt(np.maximum(tq.sum() * nb, 1e-6))


class PanelViews:
    """A panel's orientation fields at COARSE px for the zooms and rotations tried (cached)."""

    def __init__(self, grey: Grey, box):
        self.grey, self.box = grey, box
        self._cache: dict = {}

    def field(self, zoom: float, rot: float = 0.0, mirror: bool = False):
        key = (zoom, rot, mirror)
        if key not in self._cache:
            self._cache[key] = (mirrored(self.field(zoom, rot)) if mirror else
                                orientations(region(self.grey, self.box, zoom, COARSE, rot)))
        return self._cache[key]


def coarse_search(vp: PanelViews, vq: PanelViews, mirror: bool, keep: int = 2) -> list[tuple]:
    """The ``keep`` best alignments at COARSE px as (correlation, zoom p, zoom q, rotation,
    mirrored, dx, dy): every zoom pair (and mirror) upright, each at its best shift; then the
    best ones turned by ±3°. Best first."""
    def best_at(zp, zq, rot, mir):
        cm = correlation_map(vp.field(zp), vq.field(zq, rot, mir), COARSE_SHIFT)
        k = int(np.argmax(cm))
        dy, dx = divmod(k, cm.shape[1])
        return (float(cm.flat[k]), zp, zq, rot, mir, dx - COARSE_SHIFT, dy - COARSE_SHIFT)

    found = [best_at(zp, zq, 0.0, mir)
             for zp in ZOOM_STEPS for zq in ZOOM_STEPS if zp == 1.0 or zq == 1.0
             for mir in ((False, True) if mirror else (False,))]
    found.sort(key=lambda t: -t[0])
    out = []
    for t in found[:keep]:
        out.append(max([t] + [best_at(t[1], t[2], rot, t[4]) for rot in ROTATIONS if rot],
                       key=lambda u: u[0]))
    out.sort(key=lambda t: -t[0])
    return out


def refine(grey: Grey, p, q, zp, zq, rot, mir, dx, dy) -> tuple[float, float, int, int, float]:
    """The coarse alignment refined at FINE px: zoom ±4 %, rotation ±FINE_TURN, shift
    ±FINE_SHIFT px around it. Returns the best correlation and the alignment found: q's zoom,
    the shift in px of the FINE-px copy and q's rotation."""
    F, m = FINE, FINE_SHIFT
    k = F / COARSE
    fa = orientations(np.pad(region(grey, p, zp, F), m, mode="edge"))
    ox, oy = round(dx * k), round(dy * k)
    big = F + 2 * (m + max(abs(ox), abs(oy)))
    pad = (big - F) // 2
    best = (-1.0, zq, ox, oy, rot)
    for dz, turn in ((1 / 1.04, 0.0), (1.0, 0.0), (1.04, 0.0), (1.0, -FINE_TURN), (1.0, FINE_TURN)):
        # q sampled at the same pixel size as p's copy, larger, then cut at the shift
        b = region(grey, q, zq * dz * F / big, big, rot + turn)
        if mir:
            b = b[:, ::-1]
        sub = np.ascontiguousarray(b[pad + oy - m:pad + oy + F + m, pad + ox - m:pad + ox + F + m])
        if sub.shape == (F + 2 * m, F + 2 * m):
            cm = correlation_map(fa, orientations(sub), m)
            i = int(np.argmax(cm))
            if cm.flat[i] > best[0]:
                sy, sx = divmod(i, cm.shape[1])
                best = (float(cm.flat[i]), zq * dz, ox + sx - m, oy + sy - m, rot + turn)
    return best


def _local_max(a: np.ndarray, r: int) -> np.ndarray:
    """Maximum over the (2r+1)² window around each pixel (outside: -inf)."""
    p = np.pad(a, r, mode="constant", constant_values=-np.inf)
    h, w = a.shape
    rows = p[:, 0:w].copy()
    for k in range(1, 2 * r + 1):
        np.maximum(rows, p[:, k:k + w], out=rows)
    out = rows[0:h].copy()
    for k in range(1, 2 * r + 1):
        np.maximum(out, rows[k:k + h], out=out)
    return out


def marks_agreement(grey: Grey, p, q, zp, zq, rot, mir, ox, oy, size: int) -> float | None:
    """Whether the small marks of one panel (spots, moles, specks: the strongest local extrema
    of a difference of box blurs) reappear, with the same polarity, within 2 px of the same
    place in the other, at the alignment found (q's zoom ``zq`` and shift ``ox, oy`` in px of
    a ``size``-px copy). The share of the marks' strength confirmed, the lower of the two
    directions; None when either panel has fewer than three marks that stand out."""
    a = region(grey, p, zp, size)
    big = size + 2 * (max(abs(ox), abs(oy)) + 1)
    pad = (big - size) // 2
    b = region(grey, q, zq * size / big, big, rot)
    if mir:
        b = b[:, ::-1]
    b = b[pad + oy:pad + oy + size, pad + ox:pad + ox + size]
    if b.shape != a.shape:
        return None
    inset = int(0.08 * size)
    fields = []
    for x in (a, b):
        d = _box(x, 1, edge=True) - _box(x, 4, edge=True)
        fields.append(d / (float(np.percentile(np.abs(d), 90)) + 1e-3))
    shares = []
    for u, v in ((0, 1), (1, 0)):
        d, e = fields[u], fields[v]
        m = np.abs(d)
        peak = (m >= _local_max(m, 3)) & (m > 2.0)
        peak[:inset] = peak[size - inset:] = False
        peak[:, :inset] = peak[:, size - inset:] = False
        ys, xs = np.nonzero(peak)
        if len(ys) < 3:
            return None
        order = np.argsort(-m[ys, xs])[:25]
        ys, xs = ys[order], xs[order]
        strength = m[ys, xs]
        sign = np.sign(d[ys, xs])
        near = _local_max(e, 2), _local_max(-e, 2)       # strongest of each polarity nearby
        found = np.where(sign > 0, near[0][ys, xs], near[1][ys, xs])
        shares.append(float((strength * (found >= 0.4 * strength)).sum() / strength.sum()))
    return min(shares)


def colour_agreement(grey: Grey, p, q, zp, zq, rot, mir, dx, dy) -> float | None:
    """Correlation of the two panels' chromaticities (red-green, yellow-blue) at the alignment
    found (COARSE px). Exposure, white balance and saturation shift or scale them, which
    correlation ignores; two objects of one shape in different colours disagree. None when
    either panel has almost no colour (grey pictures): nothing to compare."""
    m = COARSE_SHIFT
    sl = slice(m, COARSE - m)
    xs, ys = [], []
    for plane in ("rg", "yb"):
        a = region(grey, p, zp, COARSE, plane=plane)[sl, sl]
        b = region(grey, q, zq, COARSE, rot, plane=plane)
        if mir:
            b = b[:, ::-1]
        b = b[m + dy:COARSE - m + dy, m + dx:COARSE - m + dx]
        xs.append(a - a.mean())
        ys.append(b - b.mean())
    x, y = np.concatenate([v.ravel() for v in xs]), np.concatenate([v.ravel() for v in ys])
    sx, sy = float(np.sqrt((x * x).mean())), float(np.sqrt((y * y).mean()))
    if min(sx, sy) < COLOURLESS:
        return None
    return float((x * y).mean() / (sx * sy))


def _chroma_correlation(a: list, b: list, weight: np.ndarray | None = None) -> float | None:
    """Correlation of two (red-green, yellow-blue) pairs of planes, or None when either has
    almost no colour."""
    w = np.ones_like(a[0]) if weight is None else weight
    n = float(w.sum())
    if n < 1:
        return None
    xs = [(u - (u * w).sum() / n) for u in a]
    ys = [(v - (v * w).sum() / n) for v in b]
    x = np.concatenate([u.ravel() for u in xs])
    y = np.concatenate([v.ravel() for v in ys])
    ww = np.concatenate([w.ravel()] * len(xs))
    sx = math.sqrt(float((ww * x * x).sum()) / n / len(xs))
    sy = math.sqrt(float((ww * y * y).sum()) / n / len(xs))
    if min(sx, sy) < COLOURLESS:
        return None
    return float((ww * x * y).sum()) / n / len(xs) / (sx * sy)


def whole_colour_agreement(grey: Grey, p, q, zp, zq, rot, mir, dx, dy,
                           size: int = COARSE) -> float | None:
    """:func:`colour_agreement` over the whole of panel ``p`` and the part of ``q`` it maps
    to, not only the middle the shapes were aligned on: a backdrop, clothes or hair at the
    edges of two pictures of different people rarely change colour the way one exposure or
    white balance change would."""
    ox, oy = dx / zp, dy / zp            # the shift, in px of a copy of the whole of p
    k = int(math.ceil(max(abs(ox), abs(oy)))) + 1
    big = size + 2 * k
    zoom = zq / zp * size / big
    iy, ix = int(round(k + oy)), int(round(k + ox))
    a, b = [], []
    for plane in ("rg", "yb"):
        a.append(region(grey, p, 1.0, size, plane=plane))
        w = region(grey, q, zoom, big, rot, plane=plane)
        if mir:
            w = w[:, ::-1]
        b.append(w[iy:iy + size, ix:ix + size])
    if b[0].shape != a[0].shape:
        return None
    # which pixels of q's window lie inside q (rotation neglected)
    x0, y0, x1, y1 = q
    inset = 0.04
    ww, wh = (x1 - x0) * (1 - 2 * inset) / zoom, (y1 - y0) * (1 - 2 * inset) / zoom
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    xs = cx - ww / 2 + (np.arange(big) + 0.5) * ww / big
    ys = cy - wh / 2 + (np.arange(big) + 0.5) * wh / big
    if mir:
        xs = xs[::-1]
    inx = ((xs >= x0) & (xs < x1))[ix:ix + size]
    iny = ((ys >= y0) & (ys < y1))[iy:iy + size]
    weight = (iny[:, None] & inx[None, :]).astype(np.float32)
    if weight.mean() < 0.3:
        return None
    return _chroma_correlation(a, b, weight)


def _best_case(f: Figures) -> Figures:
    """The best figures a pair can still reach from those measured so far: the fine scale
    correlates at most a little better than the coarse one (0.3 above it in 99.5 % of the
    evaluation set's pairs), the colours and the marks may agree fully."""
    fine = min(1.0, f.coarse + 0.3) if f.fine <= -1.0 else f.fine
    return Figures(f.coarse, fine, f.colour, 1.0)


def _score(f: Figures, evidence: float) -> float:
    """The logistic decision, 0..1, from a panel's figures and the weakest seam's evidence."""
    wc, wf, we, wk, wm, b = WEIGHTS
    z = (wc * f.coarse + wf * f.fine + we * min(1.0, evidence) + wk * f.colour
         + wm * (f.marks - 0.5) + b)
    return 1.0 / (1.0 + math.exp(-z))


# ----------------------------------------------------------------------------- analysis

def _analyse(image: Image.Image) -> list[Candidate]:
    a, s = work_copy(image)
    if min(a.shape[:2]) < 2 * MIN_PANEL:
        return []
    g = 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]
    pcol, prow = Profile(a), Profile(a.transpose(1, 0, 2))
    box = content_box(a, pcol, prow)
    x0, y0, x1, y1 = box
    if box != (0, 0, a.shape[1], a.shape[0]):
        sub = a[y0:y1, x0:x1]
        pcol, prow = Profile(sub), Profile(sub.transpose(1, 0, 2))
    gcol, grow = pcol.gutters(1, x1 - x0 - 1), prow.gutters(1, y1 - y0 - 1)
    seams = {}
    for layout, rows, cols in LAYOUTS:
        xs = find_seams(pcol, gcol, x1 - x0, cols) if cols > 1 else []
        ys = find_seams(prow, grow, y1 - y0, rows) if rows > 1 else []
        for sm in xs:
            sm.start, sm.end = sm.start + x0, sm.end + x0
        for sm in ys:
            sm.start, sm.end = sm.start + y0, sm.end + y0
        seams[rows, cols] = (xs, ys)
    ev2 = {k: min(sm.evidence for sm in seams[k][0] + seams[k][1]) for k in ((1, 2), (2, 1))}
    gridlike = min(ev2.values()) >= 0.85
    grey = Grey(g, a)
    out = []
    for layout, rows, cols in LAYOUTS:
        xs, ys = seams[rows, cols]
        evidence = min(sm.evidence for sm in xs + ys)
        if evidence < (STRIP_EVIDENCE if rows * cols >= 3 else MIN_EVIDENCE):
            continue
        if rows * cols == 2:
            other = (2, 1) if cols == 2 else (1, 2)
            gutter = any(sm.band for sm in seams[other][0] + seams[other][1])
            if gridlike or (evidence < (0.85 if gutter else 0.3) and ev2[other] >= 0.85):
                continue    # a clear seam runs the other way: four cells, or the other split
        rv = max(rival_cut(pcol, x1 - x0, [_local(sm, x0) for sm in xs]),
                 rival_cut(prow, y1 - y0, [_local(sm, y0) for sm in ys]))
        if not any(sm.band for sm in xs + ys) and rv >= max(RIVAL_SPAN, RIVAL * evidence):
            continue        # cuts right across elsewhere too: a pattern of lines, not panels
        colour = next((sm.colour for sm in xs + ys if sm.band), None)
        cells = panels_of(box, xs, ys)
        panels = [trim_panel(a, pb, colour) for pb in cells]
        if min(min(p[2] - p[0], p[3] - p[1]) for p in panels) < MIN_PANEL:
            continue
        if any(lopsided(c, p) for c, p in zip(cells, panels)):
            continue        # objects on a plain background, not pictures letterboxed in cells
        cand = Candidate(layout, rows, cols, panels, evidence, scale=s, size=image.size)
        cand.flat = max(flatness(g, p) for p in panels)
        if cand.flat > FLAT_GRAPHIC:
            out.append(cand)
            continue
        _similarity(cand, grey, evidence >= MIRROR_EVIDENCE)
        figures = cand.figures
        assert figures is not None      # _similarity measured the panels
        cand.score = _score(figures, evidence) if figures.colour >= COLOUR_MIN else 0.0
        out.append(cand)
    return out


def _local(sm: Seam, offset: int) -> Seam:
    return Seam(sm.start - offset, sm.end - offset, sm.evidence, sm.band)


def _similarity(cand: Candidate, grey: Grey, mirror: bool) -> None:
    """Each panel's best partner: coarse correlation with every other panel; for the best
    one, the alignment refined at FINE px, the colours and the marks compared. The candidate
    keeps the figures of the panel whose score is lowest."""
    n = len(cand.panels)
    views = [PanelViews(grey, p) for p in cand.panels]
    found = {}
    for i in range(n):
        for j in range(i + 1, n):
            found[i, j] = coarse_search(views[i], views[j], mirror)
    # a panel whose best coarse partner cannot reach the threshold even with the best other
    # figures that go with its coarse similarity sinks the layout: skip the refinement
    lowest = min(max(found[min(i, j), max(i, j)][0][0] for j in range(n) if j != i)
                 for i in range(n))
    if _score(_best_case(Figures(lowest)), cand.evidence) < THRESHOLD:
        cand.figures = Figures(lowest)
        return
    done: dict = {}
    for i in range(n):
        pairs = [((i, j) if i < j else (j, i)) for j in range(n) if j != i]
        key = max(pairs, key=lambda k: found[k][0][0])
        if key not in done:
            done[key] = _pair_figures(grey, cand.panels[key[0]], cand.panels[key[1]], found[key],
                                      cand.evidence)
        f = done[key]
        if cand.figures is None or _score(f, cand.evidence) < _score(cand.figures, cand.evidence):
            cand.figures = f


def _pair_figures(grey: Grey, p, q, aligned: list, evidence: float) -> Figures:
    """The figures of panels ``p`` and ``q`` from their best coarse alignments (best first):
    the best of them refined at FINE px (the second too when nearly as good), the colours at
    the coarse alignment, the marks at the fine one (only when they can make the difference)."""
    colours = [c for c in (colour_agreement(grey, p, q, *aligned[0][1:]),
                           whole_colour_agreement(grey, p, q, *aligned[0][1:])) if c is not None]
    colour = min(colours, default=1.0)
    if _score(_best_case(Figures(aligned[0][0], colour=colour)), evidence) < THRESHOLD:
        return Figures(aligned[0][0], colour=colour)    # out of reach whatever the rest
    tried = [t for t in aligned[:2] if t[0] >= aligned[0][0] - CLOSE]
    fine, zq, dx, dy, rot, t = max((refine(grey, p, q, *t[1:]) + (t,) for t in tried),
                                   key=lambda r: r[0])
    f = Figures(aligned[0][0], fine, colour, 0.5)
    if _score(_best_case(f), evidence) < THRESHOLD:
        return f                # out of reach whatever the marks
    _, zp, _, _, mir, _, _ = t
    marks = marks_agreement(grey, p, q, zp, zq, rot, mir, 2 * dx, 2 * dy, 2 * FINE)
    return Figures(f.coarse, fine, f.colour, 0.5 if marks is None else marks)
