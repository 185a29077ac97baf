"""Images made safe to publish: exported copies only, never the originals.

Each copy is rotated upright from its EXIF orientation, then rebuilt from its pixels alone (no EXIF
— GPS position, camera serial —, XMP, IPTC, comments, ICC profile: colours are converted to sRGB
first), fitted into the network's recommended size (never enlarged) and written under a neutral
name. Uses Pillow; files are opened by :func:`editor.vision.opening.open_image` (formats, sizes and
decompression bombs are checked there).

Memory: a JPEG is decoded directly at a reduced scale (``draft``, at least twice the final size),
other formats are reduced in place (``thumbnail``: ``reduce`` then LANCZOS) before any conversion,
rotation or colour management, which all work on the small image.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path

from editor.export.networks import NetworkProfile
from editor.fileio import write_atomic
from editor.vision.opening import (  # noqa: F401  (re-exported: the export's image API)
    _DRAFT_GAP,
    _FAMILY,
    _TRANSPOSE,
    MAX_FILE_BYTES,
    MAX_PIXELS,
    SUPPORTED,
    ImageProblem,
    ImageSource,
    _bomb_is_error,
    _orientation,
    _to_srgb,
    _unreadable,
    open_image,
    resolve_image,
    supported_extensions,
)

log = logging.getLogger(__name__)


# Modes Pillow resamples well (palettes and 1-bit are resized nearest-neighbour: convert first).
_RESAMPLED_MODES = ("L", "LA", "RGB", "RGBA", "CMYK")


def clean_image(src: Path, max_size: tuple[int, int] | None) -> tuple[bytes, str]:
    """``(bytes, extension)`` of a clean, upright, resized copy of ``src`` (``src`` untouched)."""
    from PIL import Image

    name = Path(src).name
    with _bomb_is_error(name), open_image(src) as im:
        is_jpeg = _FAMILY.get(im.format, im.format) == "JPEG"
        has_alpha = "A" in im.getbands() or (im.mode == "P" and "transparency" in im.info)
        mode = "RGBA" if has_alpha and not is_jpeg else "RGB"
        turn = _orientation(im)
        box = None
        if max_size:    # the network's box, in the stored (not yet rotated) orientation
            box = (max_size[1], max_size[0]) if turn in (5, 6, 7, 8) else tuple(max_size)
        try:
            if box and is_jpeg:
                scale = min(box[0] / im.width, box[1] / im.height)
                if scale < 1:
                    im.draft(None, (max(1, int(im.width * scale * _DRAFT_GAP)),
                                    max(1, int(im.height * scale * _DRAFT_GAP))))
            im.load()
            px = im if im.mode in _RESAMPLED_MODES else im.convert(mode)
            if box:
                px.thumbnail(box, Image.Resampling.LANCZOS)    # in place, never enlarges
            if turn in _TRANSPOSE:
                px = px.transpose(getattr(Image.Transpose, _TRANSPOSE[turn]))
            px = _to_srgb(px, mode, name)
            # Rebuild from the pixels alone, on a new image: no metadata of the original follows.
            clean = Image.new(mode, px.size)
            clean.paste(px)
            del px
        except (ImageProblem, Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise
        except Exception as exc:    # any decoder failure on an untrusted file blocks the export
            log.warning("image %s could not be decoded: %r", name, exc)
            raise _unreadable(name, exc) from None
    buf = io.BytesIO()
    if mode == "RGB" and is_jpeg:
        clean.save(buf, "JPEG", quality=90, optimize=True)
        return buf.getvalue(), ".jpg"
    clean.save(buf, "PNG", optimize=True)
    return buf.getvalue(), ".png"


def export_image(src: Path, dest_dir: Path, name: str, profile: NetworkProfile) -> Path:
    """Write the clean copy of ``src`` as ``dest_dir/name.<ext>``; return its path."""
    data, ext = clean_image(src, profile.image_max)
    dest = dest_dir / f"{name}{ext}"
    write_atomic(dest, data)
    return dest
