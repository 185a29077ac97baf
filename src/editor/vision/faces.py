"""Visible faces in an image: dlib's frontal face detector (HOG features and a linear classifier).

The detector ships inside dlib (no model file to find). It looks at an 80×80-pixel window, so the
picture is first brought to at most :data:`WORK_SIDE` pixels on its long side, enlarged up to 2×:
a face of about 60 pixels in a 1024-pixel picture, or 40 pixels in a 512-pixel one, is found.
Detections scoring below :data:`THRESHOLD` are dropped: at dlib's own threshold (0) a spacesuit,
coins or a brick wall sometimes pass, real faces score well above.

Profiles and faces turned away are not found (frontal detector). dlib and numpy are imported when
the first image is looked at; when dlib is missing :func:`available` is False and
:func:`unavailable_reason` says so in French. Nothing leaves the machine.
"""
from __future__ import annotations

import functools
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]   # x, y, w, h in the pixels of the image passed in

WORK_SIDE = 1400     # long side the detector sees at most (time grows with the pixels)
MAX_ENLARGE = 2.0    # small pictures are enlarged at most this much (dlib's "upsample once")
THRESHOLD = 0.25     # detection score (distance to dlib's decision boundary) kept from here

_lock = threading.Lock()   # one detector; dlib's detectors are not safe to share between threads


@dataclass(frozen=True)
class Face:
    box: Box
    score: float   # dlib's detection score: ≥ THRESHOLD, above 1 for a clear frontal face


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


@functools.cache
def _detector():
    import dlib
    return dlib.get_frontal_face_detector()   # about 0.2 s: made once


def detect_faces(image: "Image.Image") -> list[Face]:
    """Frontal faces in ``image`` (upright), boxes in its pixels, surest first."""
    if not available() or image.width == 0 or image.height == 0:
        return []
    import numpy as np
    from PIL import Image as PILImage

    scale = min(MAX_ENLARGE, WORK_SIDE / max(image.size))
    work = image.convert("RGB")
    if abs(scale - 1.0) > 0.01:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        work = work.resize(size, PILImage.Resampling.BILINEAR)
    pixels = np.asarray(work)
    with _lock:
        rects, scores, _ = _detector().run(pixels, 0, THRESHOLD)
    faces = []
    for rect, score in zip(rects, scores):
        x0 = max(0, round(rect.left() / scale))
        y0 = max(0, round(rect.top() / scale))
        x1 = min(image.width, round((rect.right() + 1) / scale))
        y1 = min(image.height, round((rect.bottom() + 1) / scale))
        if x1 > x0 and y1 > y0:
            faces.append(Face((x0, y0, x1 - x0, y1 - y0), round(float(score), 3)))
    faces.sort(key=lambda f: -f.score)
    return faces
