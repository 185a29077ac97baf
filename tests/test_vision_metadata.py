"""EXIF/XMP hints of an image: date taken, editing software, GPS, and robustness to odd tags."""
from __future__ import annotations

import io
import struct
from datetime import datetime

import pytest
from PIL import ExifTags, Image, TiffImagePlugin

from editor.vision.metadata import ImageMetadata, months_apart, read_metadata


def jpeg_with(ifd0=None, exif=None, gps=None, xmp=None, fmt="JPEG") -> Image.Image:
    """A small picture saved with the given tags, reopened as a user's file would be."""
    ex = Image.Exif()
    for tag, value in (ifd0 or {}).items():
        ex[tag] = value
    if exif:
        ex.get_ifd(ExifTags.IFD.Exif).update(exif)
    if gps:
        ex.get_ifd(ExifTags.IFD.GPSInfo).update(gps)
    buf = io.BytesIO()
    extra = {"xmp": xmp} if xmp is not None else {}
    Image.new("RGB", (16, 16), (200, 120, 90)).save(buf, fmt, exif=ex, **extra)
    return Image.open(io.BytesIO(buf.getvalue()))


def raw_exif_jpeg(payload: bytes) -> Image.Image:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG", exif=payload)
    return Image.open(io.BytesIO(buf.getvalue()))


PARIS = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}


def test_date_taken_photoshop_and_gps_are_read():
    im = jpeg_with(ifd0={0x0131: "Adobe Photoshop 25.0 (Windows)"},
                   exif={0x9003: "2024:03:12 14:05:33"}, gps=PARIS)
    meta = read_metadata(im)
    assert meta.taken == datetime(2024, 3, 12, 14, 5, 33)
    assert meta.software == "Adobe Photoshop 25.0 (Windows)"
    assert meta.edited is True
    assert meta.has_gps is True


def test_datetime_is_the_fallback_and_phone_firmware_is_no_editor():
    im = jpeg_with(ifd0={0x0131: "iOS 17.1", 0x0132: "2023:01:02 03:04:05"})
    meta = read_metadata(im)
    assert meta.taken == datetime(2023, 1, 2, 3, 4, 5)
    assert meta.software is None and meta.edited is False
    assert meta.has_gps is False


def test_xmp_creator_tool_names_a_retouching_app():
    im = jpeg_with(ifd0={0x0131: "G998BXXU5CVDD"},
                   xmp=b'<x:xmpmeta><rdf:Description xmp:CreatorTool="Facetune2 Android"/>'
                       b"</x:xmpmeta>")
    meta = read_metadata(im)
    assert meta.edited is True
    assert meta.software == "Facetune2 Android"


def test_png_exif_is_read_too():
    meta = read_metadata(jpeg_with(ifd0={0x0131: "Snapseed 2.0"}, fmt="PNG"))
    assert meta.edited and meta.software == "Snapseed 2.0"


def test_a_placeholder_position_of_zeros_is_no_gps():
    im = jpeg_with(gps={2: (0.0, 0.0, 0.0), 4: (0.0, 0.0, 0.0)})
    assert read_metadata(im).has_gps is False


def test_no_tags_at_all():
    assert read_metadata(Image.new("RGB", (4, 4))) == ImageMetadata(None, None, False, False)


def _tiff(entries: list[tuple[int, int, int, bytes]]) -> bytes:
    """EXIF bytes with one IFD of raw entries (tag, type, count, value)."""
    head = 8 + 2 + 12 * len(entries) + 4
    ifd, blob = struct.pack("<H", len(entries)), b""
    for tag, typ, count, value in entries:
        if len(value) <= 4:
            ifd += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\0")
        else:
            ifd += struct.pack("<HHII", tag, typ, count, head + len(blob))
            blob += value
    return b"Exif\x00\x00II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + blob


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("payload", [
    b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xff\x01",                 # truncated IFD
    _tiff([(0x0132, 2, 20, b"2024:13:40 99:00:00\x00")]),              # impossible date
    _tiff([(0x0132, 2, 20, b"0000:00:00 00:00:00\x00")]),              # blank date
    _tiff([(0x0131, 7, 5, b"\xff\xfe\x00ab")]),                         # undefined bytes
    _tiff([(0x0131, 2, 50, b"x" * 50)])[:-30],                           # value past the end
])
def test_broken_exif_never_raises(payload):
    meta = read_metadata(raw_exif_jpeg(payload))
    assert meta.taken is None and meta.edited is False and meta.has_gps is False


class _OddExif(dict):
    """Tags as a damaged file can make Pillow return them: bytes, wrong types, 0/0."""

    def __init__(self, top: dict, ifds: dict):
        super().__init__(top)
        self._ifds = ifds

    def get_ifd(self, which):
        value = self._ifds.get(which, {})
        if isinstance(value, Exception):
            raise value
        return value


class _Picture:
    def __init__(self, exif, info=None):
        self._exif = exif
        self.info = info or {}

    def getexif(self):
        if isinstance(self._exif, Exception):
            raise self._exif
        return self._exif


def test_odd_values_are_read_where_they_can_be():
    zero = TiffImagePlugin.IFDRational(0, 0)
    exif = _OddExif({0x0131: b"Adobe Lightroom Classic\x00\x00", 0x0132: 20240312},
                    {ExifTags.IFD.Exif: {0x9003: b"2024:03:12 14:05:33\x00"},
                     ExifTags.IFD.GPSInfo: {2: (zero, zero, zero), 4: "garbage"}})
    meta = read_metadata(_Picture(exif))
    assert meta.taken == datetime(2024, 3, 12, 14, 5, 33)
    assert meta.software == "Adobe Lightroom Classic" and meta.edited
    assert meta.has_gps is False


def test_failing_exif_access_is_read_as_absent():
    assert read_metadata(_Picture(ValueError("corrupt"))) == ImageMetadata(None, None, False, False)
    exif = _OddExif({0x0131: 12345}, {ExifTags.IFD.Exif: KeyError("x"),
                                          ExifTags.IFD.GPSInfo: struct.error("short")})
    meta = read_metadata(_Picture(exif, {"xmp": 42}))
    assert meta.software is None and meta.taken is None and meta.has_gps is False


def test_months_apart():
    before = ImageMetadata(datetime(2024, 1, 10, 9, 0), None, False, False)
    after = ImageMetadata(datetime(2024, 7, 10, 9, 0), None, False, False)
    assert months_apart(before, after) == pytest.approx(5.95, abs=0.05)
    assert months_apart(after, before) == months_apart(before, after)
    assert months_apart(before, ImageMetadata(None, None, False, False)) is None
