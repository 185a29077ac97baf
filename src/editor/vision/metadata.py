"""Hints an image file's tags give: when it was taken, what edited it, whether it says where.

:func:`read_metadata` reads, from an opened Pillow image (before any EXIF rotation, which drops
the tags):

- the date taken: EXIF ``DateTimeOriginal``, else ``DateTimeDigitized``, else ``DateTime``, as a
  naive local time (cameras write no time zone there);
- the editing software: EXIF ``Software`` or XMP ``xmp:CreatorTool`` / ``stEvt:softwareAgent``,
  kept only when it names a known photo editor or retouching app (:data:`EDITORS`): a phone's
  firmware version names no editor;
- whether a GPS position is present (the GPS IFD with a latitude and a longitude).

:func:`months_apart` tells how far apart two photos were taken — two photos of a composite
taken months apart are a before/after.

Tags come from untrusted files: values of the wrong type, bytes, padding NULs, impossible dates
(``0000:00:00``, a 13th month) are read as missing, logged at debug level, and never raise.
Only Pillow is used; nothing is sent anywhere.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from PIL import ExifTags, Image

log = logging.getLogger(__name__)

# Tags (EXIF numbering)
_SOFTWARE = 0x0131
_DATETIME = 0x0132
_XMP_TIFF = 0x02BC            # XMLPacket, TIFF's place for XMP
_DATETIME_ORIGINAL = 0x9003
_DATETIME_DIGITIZED = 0x9004
_GPS_LATITUDE = 2
_GPS_LONGITUDE = 4

# Photo editors and retouching apps, as they name themselves in Software / CreatorTool
# (matched case-insensitively). Phone firmware, camera models and plain
# viewers are not editors.
EDITORS = (
    "photoshop", "lightroom", "camera raw", "gimp", "affinity photo", "pixelmator",
    "capture one", "luminar", "portraitpro", "portrait pro", "facetune", "meitu", "beautyplus",
    "beautycam", "airbrush", "snapseed", "picsart", "faceapp", "remini", "vsco", "lensa",
    "youcam", "perfect365", "photodirector", "fotor", "photoscape", "polarr", "peachy",
    "visage lab", "b612", "retouch", "canva", "darktable", "rawtherapee", "paint.net",
    "photopea", "photoroom", "picmonkey", "befunky", "pixlr", "touchretouch",
)
# letters may not touch the name (« Canvas » is not Canva); digits may (« Facetune2 »)
_EDITOR_RE = re.compile(r"(?<![a-z])(" + "|".join(re.escape(e) for e in EDITORS)
                        + r")(?![a-z])", re.IGNORECASE)
_DATE_RE = re.compile(r"(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})"
                      r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_XMP_RE = re.compile(r"(?:CreatorTool|softwareAgent)\s*(?:=\s*[\"']([^\"']*)[\"']|>\s*([^<]*)<)")
_MAX_TEXT = 200
_MAX_XMP = 1 << 20
_DAYS_PER_MONTH = 365.2425 / 12


@dataclass(frozen=True)
class ImageMetadata:
    """What an image's tags say; every field may be missing."""
    taken: datetime | None      # EXIF DateTimeOriginal (or DateTime), naive local time
    software: str | None        # EXIF Software / XMP CreatorTool when it names an editor
    has_gps: bool               # GPS IFD present with coordinates
    edited: bool                # software names a known photo editor / retouching app


def read_metadata(image: Image.Image) -> ImageMetadata:
    """The hints in ``image``'s EXIF and XMP (the opened, not yet transposed, Pillow image)."""
    exif = _exif(image)
    taken = _taken(exif)
    software = _editor(exif, image)
    return ImageMetadata(taken=taken, software=software, has_gps=_has_gps(exif),
                         edited=software is not None)


def months_apart(a: ImageMetadata, b: ImageMetadata) -> float | None:
    """How many months (of 30.44 days) separate the two dates taken; None if one is missing."""
    if a.taken is None or b.taken is None:
        return None
    return abs((a.taken - b.taken).total_seconds()) / 86400 / _DAYS_PER_MONTH


# ----------------------------------------------------------------------------- reading

def _exif(image: Image.Image) -> Image.Exif | None:
    try:
        return image.getexif()
    except Exception as exc:     # a damaged EXIF block: read as absent
        log.debug("unreadable EXIF: %s", exc)
        return None


def _ifd(exif: Image.Exif | None, which: int) -> dict:
    if exif is None:
        return {}
    try:
        return dict(exif.get_ifd(which))
    except Exception as exc:
        log.debug("unreadable EXIF IFD %#x: %s", which, exc)
        return {}


def _text(value) -> str | None:
    """A tag value as clean text (bytes decoded, NULs and blanks stripped), or None."""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value[:4 * _MAX_TEXT]).decode("utf-8", errors="replace")
    if isinstance(value, (tuple, list)) and value and isinstance(value[0], str):
        value = value[0]
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", " ").replace("\ufffd", " ").strip()
    return value[:_MAX_TEXT] or None


def _parse_date(value) -> datetime | None:
    text = _text(value)
    if text is None:
        return None
    m = _DATE_RE.search(text)
    if not m:
        log.debug("EXIF date not understood: %r", text)
        return None
    y, mo, d, hh, mm, ss = (int(g) if g else 0 for g in m.groups())
    try:
        return datetime(y, mo, d, hh, mm, ss)
    except ValueError:
        log.debug("impossible EXIF date: %r", text)
        return None


def _taken(exif: Image.Exif | None) -> datetime | None:
    sub = _ifd(exif, ExifTags.IFD.Exif)
    candidates = [sub.get(_DATETIME_ORIGINAL), sub.get(_DATETIME_DIGITIZED)]
    if exif is not None:
        try:
            candidates.append(exif.get(_DATETIME))
        except Exception as exc:
            log.debug("unreadable EXIF DateTime: %s", exc)
    for value in candidates:
        if value is not None:
            found = _parse_date(value)
            if found is not None:
                return found
    return None


def _xmp_packets(exif: Image.Exif | None, image: Image.Image) -> list[str]:
    packets = []
    sources = [image.info.get("xmp"), image.info.get("XML:com.adobe.xmp")]
    if exif is not None:
        try:
            sources.append(exif.get(_XMP_TIFF))
        except Exception as exc:
            log.debug("unreadable TIFF XMP: %s", exc)
    for raw in sources:
        if isinstance(raw, (bytes, bytearray)):
            packets.append(bytes(raw[:_MAX_XMP]).decode("utf-8", errors="replace"))
        elif isinstance(raw, str):
            packets.append(raw[:_MAX_XMP])
    return packets


def _editor(exif: Image.Exif | None, image: Image.Image) -> str | None:
    """The first Software / CreatorTool / softwareAgent value that names an editor."""
    names = []
    if exif is not None:
        try:
            names.append(_text(exif.get(_SOFTWARE)))
        except Exception as exc:
            log.debug("unreadable EXIF Software: %s", exc)
    for packet in _xmp_packets(exif, image):
        for m in _XMP_RE.finditer(packet):
            names.append(_text(m.group(1) if m.group(1) is not None else m.group(2)))
    for name in names:
        if name and _EDITOR_RE.search(name):
            return name
    return None


def _number(v) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return x if x == x else None       # NaN (a rational 0/0) is no number


def _coordinate(value) -> bool:
    """True when a GPS latitude or longitude holds numbers, not all zero (a placeholder)."""
    if isinstance(value, (tuple, list)):
        parts = [_number(v) for v in value]
    else:
        parts = [_number(value)]
    return bool(parts) and all(p is not None for p in parts) and any(p != 0 for p in parts)


def _has_gps(exif: Image.Exif | None) -> bool:
    gps = _ifd(exif, ExifTags.IFD.GPSInfo)
    try:
        return _coordinate(gps.get(_GPS_LATITUDE)) and _coordinate(gps.get(_GPS_LONGITUDE))
    except Exception as exc:
        log.debug("unreadable GPS position: %s", exc)
        return False
