"""Text burned into an image (« AVANT », « J+30 », « -20 % », « Merci Dr X »), read line by line.

Tesseract is a document reader: given a photo it mistakes texture for letters and misses white
text on a band. So this module finds the text lines itself and gives Tesseract only clean lines:

1. the picture is brought to :data:`WORK_SIDE` pixels on its long side (small pictures enlarged up
   to 2×) and turned grey;
2. masks of letter-like strokes, for light text and for dark text: a pixel belongs to the light
   mask when it stands at least :data:`CONTRAST` grey levels above the morphological opening of
   the picture (strokes thinner than :data:`STROKE_WINDOW`) *and* lies near the brightest value
   around it (and symmetrically for dark text), at two settings (:data:`EXTREMES`). White text
   with a dark outline or a shadow, text on a band and text on a plain background give clean
   letters in one of the masks;
3. connected pieces of each mask (dlib) that have a letter's size are chained into lines with
   their neighbours of similar height on the same row; accents, dots and hyphens rejoin them;
   the most letter-like lines (:func:`_textness`) scoring at least :data:`MIN_SCORE` whose
   letters stand out from the rest of their region, or from a ring around them, by
   :data:`LINE_CONTRAST` grey levels (:func:`_contrasted`) are kept, at most
   :data:`MAX_LINES` (lines of texture score lower and stand out less: a photo without text
   keeps few, often none, and then Tesseract is not given anything to read; each line costs
   Tesseract about a hundredth of a second of CPU);
4. each line kept is drawn again from the grey picture, black on white, its letters scaled to
   :data:`LETTER_HEIGHT` pixels (:func:`find_lines`), and all lines go to one ``tesseract``
   process (``--psm 7``: one line per page of a multi-page TIFF sent on its standard input, French
   and English models, one thread). The lines of several pictures can go to one process
   (:func:`read_lines`): Tesseract takes a tenth of a second or more to load its models, and a
   :class:`Reader` can start it ahead, while the pictures are decoded and their lines found;
   the image analysis keeps one started ahead for its next reading (:func:`keep_spare`);
5. words below :data:`WORD_MIN_CONFIDENCE`, lines below :data:`LINE_MIN_CONFIDENCE` (short ones
   below :data:`SHORT_LINE_MIN_CONFIDENCE`; « J+30 » from :data:`DAY_MIN_CONFIDENCE`) or without
   a real word (:func:`_substantial`) are dropped, so that a photo without text gives no line;
   where two masks read the same place, the surer reading is kept; pieces of one row are joined
   and the lines come in reading order.

The masks' morphology (:func:`erode`, :func:`dilate`) doubles its window at each step: a few
whole-array numpy operations per direction, whatever the window's size.

Tesseract does not read stars (« ★★★★★ » gives nothing, or « kkkkk » at a low confidence,
dropped).
Needs the ``tesseract`` program with its French data (the platform's package: ``tesseract-ocr`` and
``tesseract-ocr-fra`` on Debian), numpy and dlib. When one is missing, :func:`available` is False,
:func:`unavailable_reason` says why in French and :func:`recognise` returns no line; when
Tesseract fails, :func:`recognise` returns no line and :func:`read_lines` raises :class:`OcrError`
(logged either way). numpy and dlib are imported only when an image is read. Nothing leaves the
machine: Tesseract runs locally, on pixels sent through a pipe.
"""
from __future__ import annotations

import functools
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]   # x, y, w, h in the pixels of the image passed in

WORK_SIDE = 1024            # long side, in pixels, of the copy the masks are made from
MAX_ENLARGE = 2.0           # small pictures are enlarged at most this much
STROKE_WINDOW = 45          # at WORK_SIDE: strokes thinner than this are candidate letters
CONTRAST = 50               # grey levels a stroke must stand out from its surroundings
# A stroke lies within this share of the local range (max - min over a window of this many
# pixels at WORK_SIDE) from the brightest (light text) or darkest (dark text) value around it.
# Two settings: the strict one separates letters from a bright background they touch, the
# loose one keeps dark letters on a small light band over a darker photo.
EXTREMES = ((0.15, 25), (0.5, 45))
MIN_LETTER = 7              # pixels (at WORK_SIDE): smaller pieces are accents or noise
MAX_LETTER = 0.2            # of WORK_SIDE
MIN_PIECES = 3              # pieces (letters) in a line, unless they are wide
LINE_GAP = 1.5              # letters further apart than this many heights are not one line
LETTER_HEIGHT = 36          # pixels: lines are scaled so that their letters are about this tall
MAX_LINES = 12              # candidate lines read per image (the most letter-like first)
MIN_SCORE = 1.45            # less letter-like candidates (:func:`_textness`) are not read (texture)
# grey levels between a line's letters and their surroundings (medians over the line's region,
# or over a ring of RING px around the letters: an outline or a shadow): texture that chains into
# a letter-like row rarely stands out this much, burned-in text is made to (:func:`_contrasted`)
LINE_CONTRAST = 55
RING = 5                    # px (work pixels): the window the letters are dilated by for the ring
WORD_MIN_CONFIDENCE = 0.40  # words Tesseract is less sure of are dropped
LINE_MIN_CONFIDENCE = 0.60  # mean over the line's remaining words
SHORT_LINE = 5              # letters and digits: a line with fewer must be surer
SHORT_LINE_MIN_CONFIDENCE = 0.75
DAY_MIN_CONFIDENCE = 0.30   # for a word like « J+30 », « J-7 » (and its line)
ROW_GAP = 2.5               # lines on one row closer than this many heights are joined
TIMEOUT = 30.0              # seconds for the tesseract process, plus PAGE_TIMEOUT per line
PAGE_TIMEOUT = 0.5
PSM = 7                     # Tesseract page segmentation: each page is one line
LANGUAGES = ("fra", "eng")  # fra is required, eng is used when installed

# Where installers put the program when it is not on the PATH (an application started from the
# Finder or the Start menu does not see the shell's PATH).
_KNOWN_PLACES = {
    "win32": [r"C:\Program Files\Tesseract-OCR\tesseract.exe",
              r"C:\Program Files (x86)\Tesseract-OCR\tesseract.exe"],
    "darwin": ["/opt/homebrew/bin/tesseract", "/usr/local/bin/tesseract",
               "/opt/local/bin/tesseract"],
}
# On Windows, a console program started from the windowed application opens no console.
if sys.platform == "win32":
    _CREATION_FLAGS = subprocess.CREATE_NO_WINDOW
else:
    _CREATION_FLAGS = 0


@dataclass(frozen=True)
class TextLine:
    text: str          # one recognised line, words joined by single spaces, NFC
    box: Box
    confidence: float  # 0..1 (mean of its words)


# --- availability ---------------------------------------------------------------------------

def _program() -> str | None:
    found = shutil.which("tesseract")
    if found:
        return found
    for place in _KNOWN_PLACES.get(sys.platform, []):
        if Path(place).is_file():
            return place
    return None


@functools.cache
def _setup() -> tuple[str | None, tuple[str, ...], str | None]:
    """(program, languages to ask for, French reason when unusable); checked once."""
    for module in ("numpy", "dlib"):
        try:
            __import__(module)
        except ImportError:
            return None, (), ("Lecture du texte des images désactivée\u202f: le module "
                              f"Python « {module} » n’est pas installé.")
    program = _program()
    if program is None:
        return None, (), ("Lecture du texte des images désactivée\u202f: Tesseract n’est pas "
                          "installé.")
    try:
        done = subprocess.run([program, "--list-langs"], capture_output=True, timeout=TIMEOUT,
                              env=_child_env(), stdin=subprocess.DEVNULL,
                              creationflags=_CREATION_FLAGS)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("tesseract --list-langs failed: %s", exc)
        return None, (), "Lecture du texte des images désactivée\u202f: Tesseract ne répond pas."
    listed = done.stdout.decode("utf-8", "replace").split()
    langs = tuple(lang for lang in LANGUAGES if lang in listed)
    if LANGUAGES[0] not in langs:
        log.info("tesseract languages: %s", " ".join(listed[-20:]))
        return None, (), ("Lecture du texte des images désactivée\u202f: les données françaises "
                          "de Tesseract ne sont pas installées.")
    return program, langs, None


def available() -> bool:
    return _setup()[2] is None


def unavailable_reason() -> str | None:
    """Why text in images cannot be read, in French; None when it can."""
    return _setup()[2]


def _child_env() -> dict[str, str]:
    # One thread per process: on two cores, several images are read at once, and Tesseract's
    # OpenMP threads only add overhead on lines this small.
    return dict(os.environ, OMP_THREAD_LIMIT="1")


# --- public entry point ---------------------------------------------------------------------

class OcrError(Exception):
    """Tesseract could not read the lines (the cause is logged)."""


@dataclass
class Candidates:
    """The candidate text lines of one picture, drawn as pages for Tesseract (:func:`find_lines`);
    read by :func:`read_lines`, alone or with other pictures' in one ``tesseract`` process."""
    scale: float              # work pixels per pixel of the picture passed in
    lines: list["_Line"]
    pages: list               # one page (a Pillow image) per line

    def __bool__(self) -> bool:
        return bool(self.lines)


def recognise(image: "Image.Image") -> list[TextLine]:
    """The lines of text burned into ``image`` (upright; boxes in its pixels), top to bottom.
    No line when Tesseract is missing or fails (logged). Tesseract is started first: it loads
    its models while the lines are found (and is ended unused when there is none)."""
    if not available() or min(image.size) < 8:
        return []
    try:
        with Reader() as reader:
            reader.start()
            return reader.read([find_lines(image)])[0]
    except OcrError:
        return []


def find_lines(image: "Image.Image") -> Candidates:
    """Steps 1 to 4: the most letter-like lines of ``image`` drawn as pages, at most
    :data:`MAX_LINES`. Empty (false) when the picture has nothing letter-like, when it is too
    small or when OCR is off here (:func:`available`): Tesseract need not be started for it."""
    if not available() or min(image.size) < 8:
        return Candidates(1.0, [], [])
    import numpy as np
    from PIL import Image as PILImage

    scale = min(MAX_ENLARGE, WORK_SIDE / max(image.size))
    grey = image if image.mode == "L" else image.convert("L")
    if scale != 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        grey = grey.resize(size, PILImage.Resampling.BICUBIC)
    g = np.asarray(grey)
    candidates: list[_Line] = []
    for polarity, mask in enumerate(_stroke_masks(g, max(g.shape))):
        candidates.extend(_lines_of(g, mask, max(g.shape), polarity % 2))
    candidates = _contrasted(g, _distinct(sorted(candidates, key=lambda c: -c.score)))
    pages = [_page(g, c) for c in candidates]
    for c in candidates:
        c.source = c.letters = None     # the masks' label images are not needed any more
    return Candidates(scale, candidates, pages)


def read_lines(found: list[Candidates]) -> list[list[TextLine]]:
    """Step 5 for several pictures at once: all their pages go to one ``tesseract`` process.
    The lines of each picture, in reading order, boxes in its pixels. :class:`OcrError` when
    Tesseract fails or takes too long (logged); no process when no picture has a candidate."""
    with Reader() as reader:
        return reader.read(found)


class Reader:
    """One ``tesseract`` process for the pages of one or several pictures. Tesseract takes a
    tenth of a second or more to load its models before it reads its input: :meth:`start` starts
    it ahead, so that the loading overlaps the decoding and the line finding of the pictures;
    :meth:`read` sends it their pages. A reader reads once; :meth:`close` (or leaving the
    ``with`` block) ends a process that was not used."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._used = False

    def __enter__(self) -> "Reader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _command(self) -> list[str] | None:
        program, langs, reason = _setup()
        if reason is not None or program is None:
            return None
        return [program, "stdin", "stdout", "-l", "+".join(langs), "--psm", str(PSM),
                "-c", "tessedit_do_invert=0", "tsv"]

    def start(self) -> None:
        """Starts the process now (nothing happens when OCR is off here or it runs already); the
        one :func:`keep_spare` started ahead, its models loaded, when there is one."""
        if self._process is not None or self._used:
            return
        command = self._command()
        if command is None:
            return
        self._process = _take_spare(command) or _launch(command)

    def read(self, found: list[Candidates]) -> list[list[TextLine]]:
        """The lines of each picture of ``found`` (see :func:`read_lines`)."""
        if not any(found) or self._command() is None:
            self.close()
            return [[] for _ in found]
        if self._used:
            raise ValueError("a tesseract reader reads once")
        self.start()
        self._used = True
        words = self._words([page for f in found for page in f.pages])
        out, first = [], 1
        for f in found:
            lines = []
            for index, cand in enumerate(f.lines):
                line = _assemble(words.get(first + index, []), cand, f.scale)
                if line is not None:
                    lines.append(line)
            first += len(f.lines)
            out.append(_rows(_deduplicate(lines)))
        return out

    def _give_up(self) -> subprocess.Popen | None:
        """The process started and not used, still waiting for its input (it is no longer this
        reader's), else None."""
        process = self._process
        if process is None or self._used or process.poll() is not None:
            return None
        self._process = None
        return process

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.communicate()

    def _words(self, pages: list) -> dict[int, list[tuple]]:
        """Words per page number (1-based): (text, confidence 0..1, x, y, w, h in page pixels).
        :class:`OcrError` when the process fails or exceeds its time (logged)."""
        data = io.BytesIO()
        pages[0].save(data, "TIFF", save_all=True, append_images=pages[1:], dpi=(300, 300))
        limit = TIMEOUT + PAGE_TIMEOUT * len(pages)
        process, self._process = self._process, None
        if process is None:       # start() could not run it (logged)
            raise OcrError("tesseract not started")
        try:
            out, err = process.communicate(data.getvalue(), timeout=limit)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            log.warning("tesseract took more than %.0f s on %d lines; text not read", limit,
                        len(pages))
            raise OcrError("timeout") from None
        except OSError as exc:        # the process died before reading its input
            process.kill()
            process.communicate()
            log.warning("tesseract could not read its input: %s", exc)
            raise OcrError(str(exc)) from None
        if process.returncode != 0:
            log.warning("tesseract failed (%d): %s", process.returncode,
                        err.decode("utf-8", "replace")[-500:])
            raise OcrError(f"exit status {process.returncode}")
        words: dict[int, list[tuple]] = {}
        for row in out.decode("utf-8", "replace").splitlines()[1:]:
            f = row.split("\t")
            if len(f) != 12 or f[0] != "5" or not f[11].strip():
                continue
            try:
                conf = float(f[10])
                box = tuple(int(v) for v in f[6:10])
            except ValueError:
                continue
            words.setdefault(int(f[1]), []).append((f[11].strip(), conf / 100.0, *box))
        return words


def _launch(command: list[str]) -> subprocess.Popen:
    try:
        return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=_child_env(),
                                creationflags=_CREATION_FLAGS)
    except OSError as exc:
        log.warning("tesseract could not run: %s", exc)
        raise OcrError(str(exc)) from None


# A tesseract process started ahead for the next reading in this program (see keep_spare): it
# loads its models (about 0.3 s of CPU for French and English), then waits for its input.
_spare_lock = threading.Lock()
_spare: tuple[list[str], subprocess.Popen] | None = None


def keep_spare(unused: "Reader | None" = None) -> None:
    """Keeps a ``tesseract`` process started ahead for the next :class:`Reader` of this program:
    the photo added next to a post has its text read without waiting for Tesseract to load its
    models. The process of ``unused``, a reader that was started and not used (a photo without
    text), when it still runs; else a new one. It waits, idle (about 40 MB), until a reader takes
    it; it is ended when the program exits, and ends by itself if the program dies (its input
    closes). Nothing when OCR is off here or a spare waits already."""
    global _spare
    command = Reader()._command()
    if command is None:
        return
    with _spare_lock:
        if _spare is not None and _spare[0] == command and _spare[1].poll() is None:
            return
        old, _spare = _spare, None
        if old is not None:
            _end(old[1])
        process = unused._give_up() if unused is not None else None
        try:
            _spare = (command, process or _launch(command))
        except OcrError:
            return
        if not _registered:
            import atexit

            atexit.register(drop_spare)
            _registered.append(True)


_registered: list[bool] = []


def _take_spare(command: list[str]) -> subprocess.Popen | None:
    """The spare process when it runs ``command`` and still waits, else None (ended if stale)."""
    global _spare
    with _spare_lock:
        spare, _spare = _spare, None
    if spare is None:
        return None
    if spare[0] == command and spare[1].poll() is None:
        return spare[1]
    _end(spare[1])
    return None


def drop_spare() -> None:
    """Ends the spare process, if any (at exit; tests)."""
    global _spare
    with _spare_lock:
        spare, _spare = _spare, None
    if spare is not None:
        _end(spare[1])


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.communicate()


# --- stroke masks ---------------------------------------------------------------------------

def _extreme_filter(a, k: int, axis: int, op):
    """Minimum (``op`` = np.minimum) or maximum over a centred window of ``k`` pixels along
    ``axis``; outside counts as neutral. The window is doubled at each step (1, 2, 4, … then the
    remainder): about log2(k) whole-array operations, each one fast vectorised pass."""
    import numpy as np

    def along(lo: int | None, hi: int | None) -> tuple:   # a slice along ``axis`` (operating
        return (slice(None),) * axis + (slice(lo, hi),)   # in place of a moved axis: the rows
    # stay contiguous, a horizontal pass takes about half the time)

    n, r = a.shape[axis], k // 2
    neutral = np.iinfo(a.dtype).max if op is np.minimum else np.iinfo(a.dtype).min
    shape = list(a.shape)
    shape[axis] = n + 2 * r
    cur = np.full(shape, neutral, dtype=a.dtype)
    cur[along(r, r + n)] = a
    width = 1          # cur[i] is the extreme of the padded pixels i .. i + width - 1
    while 2 * width <= k:
        cur = op(cur[along(None, -width)], cur[along(width, None)])
        width *= 2
    if width < k:
        cur = op(cur[along(None, cur.shape[axis] - (k - width))], cur[along(k - width, None)])
    return cur[along(None, n)]


def erode(a, k: int):
    """Grey erosion by a k×k square (k odd)."""
    import numpy as np
    return _extreme_filter(_extreme_filter(a, k, 0, np.minimum), k, 1, np.minimum)


def dilate(a, k: int):
    """Grey dilation by a k×k square (k odd)."""
    import numpy as np
    return _extreme_filter(_extreme_filter(a, k, 0, np.maximum), k, 1, np.maximum)


def _stroke_masks(g, side: int):
    """Boolean masks of pixels that may belong to letters: light then dark strokes, for each of
    the :data:`EXTREMES` settings."""
    import numpy as np

    def odd(size: float, least: int) -> int:
        return max(least, round(size * side / WORK_SIDE)) | 1

    k = odd(STROKE_WINDOW, 15)
    low, high = erode(g, k), dilate(g, k)
    opened, closed = dilate(low, k), erode(high, k)
    # uint8 throughout: opened <= g <= closed and lo <= g <= hi, so no difference wraps
    light_stroke = (g - opened) >= CONTRAST
    dark_stroke = (closed - g) >= CONTRAST
    masks = []
    for share, window in EXTREMES:
        e = odd(window, 5)
        lo, hi = (low, high) if e == k else (erode(g, e), dilate(g, e))
        # within share × span of the extreme: the largest whole difference allowed per span
        allowed = np.floor(share * np.arange(256) + 1e-9).astype(np.uint8)
        near = allowed.take(hi - lo)
        masks.append(light_stroke & ((hi - g) <= near))
        masks.append(dark_stroke & ((g - lo) <= near))
    return masks


# --- from pieces to lines -------------------------------------------------------------------

@dataclass
class _Line:
    origin: tuple[int, int]  # top-left of the cropped region, in work pixels
    zoom: float             # page pixels per work pixel
    pad: int                # white margin added around the crop on the page
    score: float            # how letter-like the line is (more letters, regular heights)
    polarity: int           # 0: light letters, 1: dark letters
    box: tuple[int, int, int, int]   # the letters' box, in work pixels (x0, y0, x1, y1)
    region: tuple[int, int, int, int]   # the cropped region, in work pixels (x0, y0, x1, y1)
    pieces: Any             # labels of the mask's pieces drawn on the page (numpy array)
    # (label image, stroke mask) of the mask the line was found in, shared by its lines; dropped
    # once the page is drawn
    source: tuple | None
    letters: Any = None     # the line's pieces in its region (boolean array), once measured
    ink: float = 0.0        # median grey of the letters, and of the rest of the region
    paper: float = 0.0


def _distinct(lines: list[_Line]) -> list[_Line]:
    """Lines minus those another setting of the same polarity already found in the same place."""
    kept: list[_Line] = []
    for line in lines:
        if not any(o.polarity == line.polarity and _same_box(o.box, line.box) for o in kept):
            kept.append(line)
    return kept


def _same_box(a, b, slack: float = 0.08) -> bool:
    tol = slack * max(a[3] - a[1], b[3] - b[1])
    return all(abs(p - q) <= tol for p, q in zip(a, b))


def _components(mask):
    """Label image and per-label (area, x, y, w, h) of the 4-connected pieces of ``mask``."""
    import dlib
    import numpy as np

    labels, count = dlib.label_connected_blobs(mask.astype(np.uint8), True, 4, False)
    labels = np.asarray(labels)
    # every pixel of the mask has a label: its flat positions are found on the boolean mask (a
    # fifth of the time np.nonzero takes on the label image)
    flat = np.flatnonzero(mask)
    ys, xs = np.divmod(flat, mask.shape[1])
    which = labels.ravel()[flat]
    area = np.bincount(which, minlength=count)
    x0, x1 = np.full(count, mask.shape[1]), np.full(count, -1)
    y0, y1 = np.full(count, mask.shape[0]), np.full(count, -1)
    np.minimum.at(x0, which, xs)
    np.maximum.at(x1, which, xs)
    np.minimum.at(y0, which, ys)
    np.maximum.at(y1, which, ys)
    return labels, area, x0, y0, x1 - x0 + 1, y1 - y0 + 1


def _chains(x0, x1, cy, h) -> list[list[int]]:
    """Groups of pieces linked to a neighbour of similar height, on its row, close beside it."""
    import numpy as np

    n = len(h)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    step = 512   # rows at a time: memory stays small on textured photos with many pieces
    for start in range(0, n, step):
        s = slice(start, min(n, start + step))
        taller = np.maximum(h[s, None], h[None, :])
        ratio = h[s, None] / h[None, :]
        link = (ratio >= 0.4) & (ratio <= 2.5)
        link &= np.abs(cy[s, None] - cy[None, :]) <= 0.4 * taller
        link &= np.maximum(x0[s, None], x0[None, :]) - np.minimum(x1[s, None], x1[None, :]) \
            <= LINE_GAP * taller
        rows, cols = np.nonzero(link)
        rows += start
        later = rows < cols          # each pair once (links are symmetric)
        for a, b in zip(rows[later].tolist(), cols[later].tolist()):
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[ra] = rb
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) >= 2]


def _contrasted(grey, lines: list[_Line]) -> list[_Line]:
    """The first :data:`MAX_LINES` of ``lines`` whose letters stand out from their surroundings
    by :data:`LINE_CONTRAST` grey levels: the median grey of the letters against that of the
    region's pixels outside the stroke mask (text on a band, on a plain background), or against
    that of a thin ring around the letters (white letters with a dark outline or a shadow over a
    light photo). Each line kept knows its letters, ink and paper greys."""
    import numpy as np

    kept: list[_Line] = []
    for line in lines:
        if len(kept) >= MAX_LINES:
            break
        cx0, cy0, cx1, cy1 = line.region
        if line.source is None:
            raise ValueError("the line's masks were dropped already")
        labels, mask = line.source
        letters = np.isin(labels[cy0:cy1, cx0:cx1], line.pieces)
        if not letters.any():
            continue
        region = grey[cy0:cy1, cx0:cx1]
        ink = float(np.median(region[letters]))
        ground = region[~mask[cy0:cy1, cx0:cx1]]
        paper = float(np.median(ground)) if ground.size else 255.0 - ink
        if abs(ink - paper) < LINE_CONTRAST:
            ring = (dilate(letters.view(np.uint8), RING) > 0) & ~letters
            edge = float(np.median(region[ring])) if ring.any() else paper
            if abs(ink - edge) < LINE_CONTRAST:
                continue
        line.letters, line.ink, line.paper = letters, ink, paper
        kept.append(line)
    return kept


def _redraw(grey, letters, ink: float, paper: float, zoom: float):
    """The line's letters drawn again from the grey picture enlarged to the page's scale:
    smoother than the mask for small text. Threshold halfway between the letters' median grey
    ``ink`` and the background's ``paper``; only pixels near the line's letters count."""
    import numpy as np
    from PIL import Image as PILImage

    size = (max(1, round(grey.shape[1] * zoom)), max(1, round(grey.shape[0] * zoom)))
    big = np.asarray(PILImage.fromarray(grey).resize(size, PILImage.Resampling.BICUBIC))
    near = PILImage.fromarray(letters.astype(np.uint8) * 255).resize(size,
                                                                     PILImage.Resampling.NEAREST)
    reach = max(3, round(zoom * 1.5)) | 1
    near = dilate(np.asarray(near), reach) > 0
    cut = (ink + paper) / 2
    drawn = (big > cut) if ink > paper else (big < cut)
    return PILImage.fromarray(np.where(drawn & near, 0, 255).astype(np.uint8))


def _median(a) -> float:
    """``np.median`` of a small 1-D array, the same value without its overhead (a photo's masks
    give hundreds of candidate groups of a few pieces, each measured by five medians)."""
    import numpy as np

    s = np.sort(a, kind="stable")
    n = len(s)
    if n % 2:
        return float(s[n // 2])
    return (float(s[n // 2 - 1]) + float(s[n // 2])) / 2


def _textness(x0, x1, y0, h, mh: float) -> float:
    """How much pieces look like a line of letters: many of them, of even heights, their tops and
    bottoms aligned (median deviations, so that descenders and capitals do not count)."""
    import numpy as np

    bottoms, tops = y0 + h, y0
    spread = (_median(np.abs(bottoms - _median(bottoms))) +
              _median(np.abs(tops - _median(tops)))) / mh
    return float(len(h) * np.exp(-3.0 * spread - float(np.std(h)) / mh))


def _lines_of(grey, mask, side: int, polarity: int) -> list[_Line]:
    """Candidate text lines of one stroke mask scoring at least :data:`MIN_SCORE`; their pages
    for Tesseract are drawn later (:func:`_page`), for the lines kept only."""
    import numpy as np

    labels, area, x, y, w, h = _components(mask)
    H, W = mask.shape
    fill = area / np.maximum(1, w * h)
    letter = (h >= MIN_LETTER) & (h <= max(40, MAX_LETTER * side)) & (area >= 12) & (fill >= 0.08)
    # wide pieces are letters joined together, unless solid (bars, frames)
    letter &= (w <= 4 * h) | ((w <= 10 * h) & (fill <= 0.7))
    letter &= (x > 0) & (y > 0) & (x + w < W) & (y + h < H)   # touching the edge: background
    letter[0] = False
    idx = np.nonzero(letter)[0]
    if len(idx) < 2:
        return []
    x0, x1, y0, hh = x[idx], x[idx] + w[idx], y[idx], h[idx]
    groups = []
    for group in _chains(x0, x1, y0 + hh / 2, hh):
        g = np.asarray(group)
        mh = _median(hh[g])
        if int((y0[g] + hh[g]).max() - y0[g].min()) > 2.2 * mh:    # scattered: texture
            continue
        if len(g) < MIN_PIECES and int(x1[g].max() - x0[g].min()) < 2.5 * mh:
            continue   # two small pieces: too little to be a word (touching letters are wide)
        groups.append((g, mh))
    member = np.zeros(len(area), bool)
    for g, _ in groups:
        member[idx[g]] = True
    loose = ~member
    loose[0] = False
    out = []
    for g, mh in groups:
        score = _textness(x0[g], x1[g], y0[g], hh[g], mh)
        if score < MIN_SCORE:
            continue
        bx0, bx1 = int(x0[g].min()), int(x1[g].max())
        by0, by1 = int(y0[g].min()), int((y0[g] + hh[g]).max())
        # accents above, commas below, « ! » and « . » after, a minus sign before: small pieces
        # inside the widened box (before the first letter, only a dash)
        cx0, cy0 = max(0, bx0 - int(0.8 * mh)), max(0, by0 - int(0.6 * mh))
        cx1, cy1 = min(W, bx1 + int(0.6 * mh)), min(H, by1 + int(0.35 * mh))
        inside = loose & (y >= cy0) & (x + w <= cx1) & (y + h <= cy1) & (h <= 0.7 * mh)
        dash = (x >= cx0) & (w >= 2 * h) & (y >= by0 + 0.2 * mh) & (y + h <= by1 - 0.2 * mh)
        inside &= (x >= bx0) | dash
        pieces = np.concatenate([idx[g], np.nonzero(inside)[0]])
        out.append(_Line((cx0, cy0), LETTER_HEIGHT / mh, LETTER_HEIGHT // 2, score, polarity,
                         (bx0, by0, bx1, by1), (cx0, cy0, cx1, cy1), pieces, (labels, mask)))
    return out


def _page(grey, line: _Line):
    """The line as Tesseract reads it: its pieces drawn again from the grey picture, black on
    white, letters :data:`LETTER_HEIGHT` pixels tall, in a white margin."""
    from PIL import Image as PILImage

    cx0, cy0, cx1, cy1 = line.region
    if line.letters is None:
        raise ValueError("the line was not measured (_contrasted) or its page was drawn already")
    page = _redraw(grey[cy0:cy1, cx0:cx1], line.letters, line.ink, line.paper, line.zoom)
    pad = line.pad
    framed = PILImage.new("L", (page.width + 2 * pad, page.height + 2 * pad), 255)
    framed.paste(page, (pad, pad))
    return framed


# --- from Tesseract's words to lines --------------------------------------------------------

# tokens of stray marks only (edges, specks read as punctuation); « % », « € », « ! » are kept
_JUNK = re.compile(r"^[|¦—–\-_‘’“”\"'`~\\/.,:;()\[\]{}<>«»^°•·]+$")
_DAY = re.compile(r"^[JjDdMm]\s*[+-]\s*\d+$")            # J+30, D-1, M+6
_SIGNED = re.compile(r"\d\d\s*[%€$]|\d\s*/\s*\d|[+-]\s*\d\d")   # -20 %, 1 500 €, 5/5, +30


def _substantial(text: str) -> bool:
    """A line worth reporting: a word of four letters, J+n, or a number with a sign (%, €, /, ±).
    Texture read as text gives short bits (« ar », « 44 », « Æ à add »), rarely any of these."""
    if _SIGNED.search(text):
        return True
    return any(sum(c.isalpha() for c in token) >= 4 or _DAY.match(token) for token in text.split())


def _assemble(words: list[tuple], cand: _Line, scale: float) -> TextLine | None:
    # « J+30 » is no dictionary word: Tesseract is unsure of it, but texture is never read so
    kept = [wd for wd in words if wd[1] >= WORD_MIN_CONFIDENCE
            or (_DAY.match(wd[0]) and wd[1] >= DAY_MIN_CONFIDENCE)]
    # lone punctuation at either end (a stray '|' from a neighbouring edge) is not text
    while kept and _JUNK.match(kept[0][0]):
        kept.pop(0)
    while kept and _JUNK.match(kept[-1][0]):
        kept.pop()
    if not kept:
        return None
    text = unicodedata.normalize("NFC", " ".join(wd[0] for wd in kept))
    confidence = sum(wd[1] for wd in kept) / len(kept)
    least = LINE_MIN_CONFIDENCE if _letters(text) >= SHORT_LINE else SHORT_LINE_MIN_CONFIDENCE
    if any(_DAY.match(wd[0]) for wd in kept):
        least = DAY_MIN_CONFIDENCE
    if confidence < least or not _substantial(text):
        return None
    px0 = min(wd[2] for wd in kept)
    py0 = min(wd[3] for wd in kept)
    px1 = max(wd[2] + wd[4] for wd in kept)
    py1 = max(wd[3] + wd[5] for wd in kept)

    def back(px: int, origin: int) -> float:   # page pixel -> pixel of the caller's image
        return (origin + (px - cand.pad) / cand.zoom) / scale

    x0, y0 = back(px0, cand.origin[0]), back(py0, cand.origin[1])
    x1, y1 = back(px1, cand.origin[0]), back(py1, cand.origin[1])
    box = (max(0, int(x0)), max(0, int(y0)), max(1, round(x1 - x0)), max(1, round(y1 - y0)))
    return TextLine(text, box, round(confidence, 3))


def _deduplicate(lines: list[TextLine]) -> list[TextLine]:
    """One line per place: the masks may read the same text (outlined letters, two settings).
    The surest reading wins, unless a longer one almost as sure covers it."""
    kept: list[TextLine] = []
    for line in sorted(lines, key=lambda t: -t.confidence):
        rivals = [i for i, other in enumerate(kept) if _overlap(line.box, other.box) >= 0.5]
        if not rivals:
            kept.append(line)
            continue
        for i in rivals:
            other = kept[i]
            if (_letters(line.text) > _letters(other.text)
                    and line.confidence >= other.confidence - 0.1):
                kept[i] = line
    return list({id(t): t for t in kept}.values())


def _rows(lines: list[TextLine]) -> list[TextLine]:
    """Lines in reading order, top to bottom then left to right; pieces of one row that a wide
    gap split (« Prix » and « 2 900 € » either side of a colon) are joined."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda t: t.box[1] + t.box[3] / 2):
        middle = line.box[1] + line.box[3] / 2
        row = rows[-1] if rows else None
        if row and abs(middle - (row[0].box[1] + row[0].box[3] / 2)) <= 0.5 * row[0].box[3]:
            row.append(line)
        else:
            rows.append([line])
    out: list[TextLine] = []
    for row in rows:
        row.sort(key=lambda t: t.box[0])
        joined = [row[0]]
        for line in row[1:]:
            last = joined[-1]
            gap = line.box[0] - (last.box[0] + last.box[2])
            taller, shorter = max(last.box[3], line.box[3]), min(last.box[3], line.box[3])
            if 0 <= gap <= ROW_GAP * taller and shorter >= 0.6 * taller:
                joined[-1] = _join(last, line)
            else:
                joined.append(line)
        out.extend(joined)
    return out


def _join(a: TextLine, b: TextLine) -> TextLine:
    na, nb = len(a.text.split()), len(b.text.split())
    x0, y0 = min(a.box[0], b.box[0]), min(a.box[1], b.box[1])
    x1 = max(a.box[0] + a.box[2], b.box[0] + b.box[2])
    y1 = max(a.box[1] + a.box[3], b.box[1] + b.box[3])
    confidence = round((a.confidence * na + b.confidence * nb) / (na + nb), 3)
    return TextLine(f"{a.text} {b.text}", (x0, y0, x1 - x0, y1 - y0), confidence)


def _letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def _overlap(a: Box, b: Box) -> float:
    """Intersection over the smaller box's area."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / min(a[2] * a[3], b[2] * b[3])
