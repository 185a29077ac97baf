"""Images made safe to publish: exported copies only, never the originals.

Each copy is rotated upright from its EXIF orientation, then rebuilt from its pixels alone (no EXIF
— GPS position, camera serial —, XMP, IPTC, comments, ICC profile: colours are converted to sRGB
first), fitted into the network's recommended size (never enlarged) and written under a neutral
name. Uses Pillow.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from editor.fileio import write_atomic
from editor.export.networks import NetworkProfile

SUPPORTED = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")


class ImageProblem(Exception):
    """An image that blocks the export; ``message`` (English, CLI), ``french`` (GUI)."""

    def __init__(self, target: str, message: str, french: str) -> None:
        super().__init__(f"image '{target}': {message}")
        self.target = target
        self.message = f"image '{target}': {message}"
        self.french = french


@dataclass
class ImageSource:
    target: str        # as written in the post
    path: Path         # resolved file, inside the post's folder


def resolve_image(target: str, post_dir: Path) -> ImageSource:
    """The file an image reference points to; :class:`ImageProblem` when outside or missing."""
    t = target.strip()
    if "://" in t or t.startswith(("data:", "mailto:", "//")):
        raise ImageProblem(target, "is not a file in the post's folder (remote or inline image)",
                           f"Image « {target} » : ce n’est pas un fichier du dossier de la "
                           "publication. Enregistrez-la dans ce dossier.")
    path = unquote(t.split("#", 1)[0].split("?", 1)[0])
    base = post_dir.resolve()
    p = Path(path)
    full = (p if p.is_absolute() else base / p)
    try:
        real = full.resolve(strict=False)
    except (OSError, RuntimeError):
        real = full
    if real != base and base not in real.parents:
        raise ImageProblem(target, "is outside the post's folder",
                           f"Image « {target} » : elle est hors du dossier de la publication. "
                           "Copiez-la dans ce dossier avant d’exporter.")
    if not real.is_file():
        raise ImageProblem(target, "file not found",
                           f"Image « {target} » : fichier introuvable.")
    if real.suffix.lower() not in SUPPORTED:
        raise ImageProblem(target, f"unsupported image format ({real.suffix or 'no extension'})",
                           f"Image « {target} » : format non pris en charge "
                           f"({real.suffix or 'sans extension'}). Exportez-la en JPEG ou PNG.")
    return ImageSource(target, real)


def _to_srgb(im):
    icc = im.info.get("icc_profile")
    if not icc:
        return im
    try:
        from PIL import ImageCms

        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        dst = ImageCms.createProfile("sRGB")
        mode = "RGBA" if "A" in im.getbands() else "RGB"
        return ImageCms.profileToProfile(im.convert(mode), src, dst, outputMode=mode)
    except Exception:   # a broken profile: keep the pixels as they are
        return im


def clean_image(src: Path, max_size: tuple[int, int] | None) -> tuple[bytes, str]:
    """``(bytes, extension)`` of a clean, upright, resized copy of ``src`` (``src`` untouched)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(src) as im:
            im.load()
            upright = ImageOps.exif_transpose(im)    # applies the EXIF orientation
            has_alpha = "A" in upright.getbands() or (
                upright.mode == "P" and "transparency" in upright.info)
            upright = _to_srgb(upright)
            is_jpeg = (im.format == "JPEG")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageProblem(str(src.name), f"cannot be read as an image ({exc})",
                           f"Image « {src.name} » : illisible ({exc}).") from None
    mode = "RGBA" if has_alpha and not is_jpeg else "RGB"
    pixels = upright.convert(mode)
    if max_size:
        pixels.thumbnail(max_size, Image.Resampling.LANCZOS)
    # Rebuild from raw pixels: nothing of the original's metadata can follow.
    clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
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
