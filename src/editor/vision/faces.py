"""Visible faces in an image: dlib's frontal face detector (HOG features and a linear classifier).

The detector ships inside dlib (no model file to find). It looks at an 80×80-pixel window, so the
picture is first brought to at most :data:`WORK_SIDE` pixels on its long side, enlarged up to 2×:
a face of about 60 pixels in a 1024-pixel picture, or 40 pixels in a 512-pixel one, is found.
The detector sees the picture in grey: a quarter less time than in colour, the same faces found
among ``benchmarks/vision_bench.py``'s grey and colour faces. Detections scoring below
:data:`THRESHOLD` are dropped: at dlib's own threshold (0) a spacesuit, coins or a brick wall
sometimes pass, real faces score well above.

Faces turned three-quarters away are found more often than at a single threshold (the filters for
faces looking aside keep theirs from :data:`TURNED_THRESHOLD`); profiles and faces turned further
are not found (frontal detector). dlib and numpy are imported when
the first image is looked at; when dlib is missing :func:`available` is False and
:func:`unavailable_reason` says so in French. Nothing leaves the machine.

Building dlib's detector from the model inside dlib takes about half a second; it is done once per
installation: the built detector is saved in the user's cache folder (dlib's own format, its
SHA-256 in the file's name and checked when it is read back) and loaded from there in about a
millisecond. A dlib detector is not safe to share between threads: each thread that looks for
faces at the same time gets its own copy (copied in memory, about a millisecond).
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]   # x, y, w, h in the pixels of the image passed in

WORK_SIDE = 1400     # long side the detector sees at most (time grows with the pixels)
MAX_ENLARGE = 2.0    # small pictures are enlarged at most this much (dlib's "upsample once")
THRESHOLD = 0.25     # detection score (distance to dlib's decision boundary) kept from here
# dlib's « frontal » detector is five filters: front, looking left, looking right, front tilted
# left, front tilted right. A face turned three-quarters scores on the two looking-aside filters,
# and lower: those keep their detections from TURNED_THRESHOLD (dlib's own threshold), the best
# picture without a face scoring -0.13 on them in the benchmark's negatives (two draws of 145).
TURNED_FILTERS = (1, 2)
TURNED_THRESHOLD = 0.0

_lock = threading.Lock()   # guards _idle and the building of the first detector
_idle: list = []           # detectors no thread is using (dlib's are not safe to share)


@dataclass(frozen=True)
class Face:
    box: Box
    score: float   # dlib's detection score: ≥ THRESHOLD (≥ TURNED_THRESHOLD for a face looking
    # aside), above 1 for a clear frontal face


@functools.cache
def _reason() -> str | None:
    for module in ("numpy", "dlib"):
        try:
            __import__(module)
        except ImportError:
            return ("Détection des visages désactivée\u202f: le module Python "
                    f"« {module} » n’est pas installé.")
    return None


def available() -> bool:
    return _reason() is None


def unavailable_reason() -> str | None:
    """Why faces cannot be looked for, in French; None when they can."""
    return _reason()


def _saved_name(digest: str) -> str:
    import dlib
    return f"dlib-{dlib.__version__}-frontal-face-{digest}.svm"


def _load_saved(folder):
    """The detector saved in ``folder`` by an earlier run, None when there is none usable."""
    import dlib

    for path in sorted(folder.glob(_saved_name("*"))):
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if path.name != _saved_name(digest):
                log.warning("saved face detector %s is damaged: built again", path)
                path.unlink()
                continue
            return dlib.fhog_object_detector(str(path))
        except (OSError, RuntimeError) as exc:
            log.warning("saved face detector %s unreadable, built again: %s", path, exc)
    return None


def _save(detector, folder) -> None:
    """Keeps ``detector`` in ``folder`` for the next runs (a failure costs only the next build)."""
    from editor.fileio import make_private_dir, write_atomic

    try:
        make_private_dir(folder)
        fd, tmp = tempfile.mkstemp(suffix=".svm")
        os.close(fd)
        try:
            detector.save(tmp)
            data = Path(tmp).read_bytes()
        finally:
            os.unlink(tmp)
        write_atomic(folder / _saved_name(hashlib.sha256(data).hexdigest()), data)
    except (OSError, RuntimeError) as exc:
        log.warning("face detector not saved in %s: %s", folder, exc)


@functools.cache
def _serialized() -> bytes:
    """The frontal face detector, serialized: read from the user's cache folder, else built from
    the model inside dlib (about half a second) and saved there. Call with ``_lock`` held."""
    import pickle

    import dlib

    from editor.paths import user_cache_dir

    folder = user_cache_dir() / "models"
    detector = _load_saved(folder)
    if detector is None:
        detector = dlib.get_frontal_face_detector()
        _save(detector, folder)
    _idle.append(detector)
    return pickle.dumps(detector)


def _take():
    """A detector for this thread alone: an idle one, else a copy of the first."""
    import pickle

    with _lock:
        data = _serialized()
        if _idle:
            return _idle.pop()
    return pickle.loads(data)      # our own bytes, made in this process


def _give_back(detector) -> None:
    with _lock:
        _idle.append(detector)


def detect_faces(image: "Image.Image") -> list[Face]:
    """Frontal faces in ``image`` (upright, colour or grey: it is looked at in grey), boxes in
    its pixels, surest first."""
    if not available() or image.width == 0 or image.height == 0:
        return []
    import numpy as np
    from PIL import Image as PILImage

    scale = min(MAX_ENLARGE, WORK_SIDE / max(image.size))
    # grey before resizing: a quarter less time than colour (dlib's HOG takes the strongest of
    # the three channels' gradients), the same faces on the benchmark's faces, grey and colour
    work = image if image.mode == "L" else image.convert("L")
    if abs(scale - 1.0) > 0.01:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        work = work.resize(size, PILImage.Resampling.BILINEAR)
    pixels = np.asarray(work)
    detector = _take()
    try:
        rects, scores, filters = detector.run(pixels, 0, min(THRESHOLD, TURNED_THRESHOLD))
    finally:
        _give_back(detector)
    faces = []
    for rect, score, which in zip(rects, scores, filters):
        if score < (TURNED_THRESHOLD if int(which) in TURNED_FILTERS else THRESHOLD):
            continue
        x0 = max(0, round(rect.left() / scale))
        y0 = max(0, round(rect.top() / scale))
        x1 = min(image.width, round((rect.right() + 1) / scale))
        y1 = min(image.height, round((rect.bottom() + 1) / scale))
        if x1 > x0 and y1 > y0:
            faces.append(Face((x0, y0, x1 - x0, y1 - y0), round(float(score), 3)))
    faces.sort(key=lambda f: -f.score)
    return faces
