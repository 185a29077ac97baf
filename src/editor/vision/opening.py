"""Opening untrusted image files: the one way this program reads an image (export, analysis).

Images come from the user's folder and are untrusted. :func:`open_image` is the one way this
program opens them:

* only raster formats that Pillow decodes itself (JPEG, PNG, WebP, GIF, TIFF, BMP; HEIC/HEIF when
  the ``pillow-heif`` plugin is installed) are ever tried. A PostScript or EPS file named
  ``photo.jpg`` is not an image here: Pillow's EPS plugin, which runs Ghostscript, is never asked;
  nor are PDF, SVG or any other plugin;
* the format found in the content must be the one the file's extension announces;
* only a regular file is opened (never a FIFO or a device), of at most :data:`MAX_FILE_BYTES`;
* an image of more than :data:`MAX_PIXELS` pixels is refused from its header, before a pixel is
  decoded, and Pillow's decompression-bomb warning is an error.

Memory and time: :func:`upright_scaled` (analysis) and the export's ``clean_image`` decode a JPEG
directly at a reduced scale (``draft``: the decoder's 1/2, 1/4 or 1/8 scaling, the smallest that
stays at least the final size for the analysis, twice the final size for the export) and reduce
other formats in place (``thumbnail``) before any conversion or rotation, which all work on the
small image. A 12-megapixel photo brought to 1,024 pixels is decoded at half its size: a quarter
of the pixels.
"""
from __future__ import annotations

import functools
import io
import logging
import os
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from editor.document.files import NotRegularFile, open_regular

log = logging.getLogger(__name__)

# Extension -> the Pillow format its content must have.
RASTER_EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP",
                     ".gif": "GIF", ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP"}
HEIF_EXTENSIONS = {".heic": "HEIF", ".heif": "HEIF"}
SUPPORTED = tuple(RASTER_EXTENSIONS)       # without the optional HEIF plugin
# What Pillow calls some members of a family: a phone's JPEG holding extra pictures is « MPO ».
_FAMILY = {"MPO": "JPEG"}
_LABELS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF", "TIFF": "TIFF",
           "BMP": "BMP", "HEIF": "HEIC"}
_FIRST_EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif",
                    "TIFF": ".tif", "BMP": ".bmp", "HEIF": ".heic"}

# 80 megapixels: above every phone's default (12-50 MP) and most cameras (24-61 MP), below
# Pillow's own decompression-bomb threshold (89.5 MP). A decoded RGB image of this size takes
# 240 MB; a JPEG is decoded smaller (see ``draft`` in :func:`clean_image`).
MAX_PIXELS = 80_000_000
MAX_FILE_BYTES = 200 * 1024 * 1024
_DRAFT_GAP = 2      # a JPEG is decoded at no less than twice its final size, then resampled
# (export); the analysis asks for its final size at least: the decoder's own scaling (a mean over
# the 8×8 blocks' frequencies) is a fair reduction for detectors, and 4000 px reduced to no less
# than 2048 px is a full decode.
_ANALYSIS_DRAFT_GAP = 1

_TRANSPOSE = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE",
              6: "ROTATE_270", 7: "TRANSVERSE", 8: "ROTATE_90"}   # EXIF orientation -> upright


class ImageProblem(Exception):
    """An image that blocks the export; ``message`` (English, CLI), ``french`` (GUI)."""

    def __init__(self, target: str, message: str, french: str) -> None:
        super().__init__(f"image '{target}': {message}")
        self.target = target
        self.message = f"image '{target}': {message}"
        self.french = french


def _french(target: str, sentence: str) -> str:
    return f"Image «\u00a0{target}\u00a0»\u202f: {sentence}"


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


@functools.lru_cache(maxsize=1)
def _heif_available() -> bool:
    """HEIC/HEIF photos (iPhone) are read only when the ``pillow-heif`` plugin is installed."""
    try:
        import pillow_heif
    except ImportError:
        return False
    try:
        pillow_heif.register_heif_opener()
    except Exception as exc:    # a broken plugin: HEIC stays unsupported, and it is said why
        log.warning("pillow-heif is installed but could not be registered: %s", exc)
        return False
    return True


def supported_extensions() -> dict[str, str]:
    """Extension -> Pillow format, for every image format an export accepts here."""
    return {**RASTER_EXTENSIONS, **HEIF_EXTENSIONS} if _heif_available() else RASTER_EXTENSIONS


def _accepted_labels() -> str:
    return ", ".join(dict.fromkeys(_LABELS[f] for f in supported_extensions().values()))


@dataclass
class ImageSource:
    target: str        # as written in the post
    path: Path         # resolved file, inside the post's folder


def is_remote(target: str) -> bool:
    """An image target that is no file of the post's folder (a URL, inline data)."""
    t = target.strip()
    return "://" in t or t.startswith(("data:", "mailto:", "//"))


def resolve_image(target: str, post_dir: Path) -> ImageSource:
    """The file an image reference points to; :class:`ImageProblem` when outside or missing."""
    t = target.strip()
    if is_remote(t):
        raise ImageProblem(target, "is not a file in the post's folder (remote or inline image)",
                           _french(target, "ce n’est pas un fichier du dossier de la "
                                   "publication. Enregistrez-la dans ce dossier."))
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
                           _french(target, "elle est hors du dossier de la publication. "
                                   "Copiez-la dans ce dossier avant d’exporter."))
    if not real.is_file():
        if real.exists() and not real.is_dir():
            raise ImageProblem(target, "is not a regular file (a pipe or a device)",
                               _french(target, "ce n’est pas un fichier ordinaire."))
        raise ImageProblem(target, "file not found", _french(target, "fichier introuvable."))
    if real.suffix.lower() not in supported_extensions():
        raise _unsupported(target, real.suffix)
    return ImageSource(target, real)


def _unsupported(name: str, suffix: str) -> ImageProblem:
    return ImageProblem(name, f"unsupported image format ({suffix or 'no extension'}; "
                              f"accepted: {_accepted_labels()})",
                        _french(name, f"format non pris en charge ({suffix or 'sans extension'}). "
                                      "Exportez-la en JPEG ou PNG."))


def _too_large(name: str, pixels: int, width: int = 0, height: int = 0) -> ImageProblem:
    mp = pixels / 1e6
    dims = f"{width}×{height}, " if width else ""
    dims_fr = f"{_thousands(width)} × {_thousands(height)} pixels, soit " if width else ""
    return ImageProblem(
        name, f"too many pixels ({dims}{mp:.0f} megapixels; limit {MAX_PIXELS // 1_000_000}): "
              "reduce it (4,000 pixels wide is plenty) before exporting",
        _french(name, f"elle est trop grande ({dims_fr}{mp:.0f}\u00a0mégapixels\u202f; "
                      f"limite\u202f: {MAX_PIXELS // 1_000_000}). Réduisez-la (4\u202f000 pixels "
                      "de large suffisent) avant d’exporter."))


def _unreadable(name: str, exc: BaseException) -> ImageProblem:
    detail = str(exc) or type(exc).__name__
    return ImageProblem(name, f"cannot be read as an image ({detail})",
                        _french(name, f"illisible ({detail})."))


@contextmanager
def _bomb_is_error(name: str):
    """Pillow's decompression-bomb warning is an error here, as is the bomb error itself."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            m = re.search(r"\((\d+) pixels\)", str(exc))
            raise _too_large(name, int(m.group(1)) if m else MAX_PIXELS + 1) from None


@contextmanager
def open_image(path: Path):
    """Open the image file ``path`` — the only way this program opens one — and yield the Pillow
    image, not yet decoded. :class:`ImageProblem` unless it is a regular file of at most
    :data:`MAX_FILE_BYTES`, in one of the accepted raster formats, the one its extension names,
    of at most :data:`MAX_PIXELS` pixels.
    """
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    name = path.name
    accepted = supported_extensions()
    expected = accepted.get(path.suffix.lower())
    if expected is None:
        raise _unsupported(name, path.suffix)
    try:
        f = open_regular(path)
    except NotRegularFile as exc:
        raise ImageProblem(name, str(exc), _french(name, "ce n’est pas un fichier ordinaire.")
                           ) from None
    except OSError as exc:
        raise ImageProblem(name, f"cannot be read ({exc.strerror or exc})",
                           _french(name, f"illisible ({exc.strerror or exc}).")) from None
    with f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise ImageProblem(
                name, f"file too large ({size} bytes, limit {MAX_FILE_BYTES})",
                _french(name, f"fichier trop volumineux ({size / 1e6:.0f}\u00a0Mo\u202f; "
                              f"limite\u202f: {MAX_FILE_BYTES // (1024 * 1024)}\u00a0Mo)."))
        label = _LABELS[expected]
        with _bomb_is_error(name):
            try:
                # ``formats``: no other plugin (EPS/PostScript, PDF, ...) is ever tried.
                im = Image.open(f, formats=sorted(set(accepted.values())))
            except UnidentifiedImageError:
                raise ImageProblem(
                    name, f"is not a {label} image (its content is none of the accepted formats: "
                          f"{_accepted_labels()})",
                    _french(name, f"son contenu n’est pas une image {label} (formats "
                                  f"acceptés\u202f: {_accepted_labels()}). Enregistrez-la de "
                                  "nouveau depuis votre logiciel de photos.")) from None
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise
            except Exception as exc:   # a damaged header: Pillow's plugins raise many kinds
                raise _unreadable(name, exc) from None
        with im:
            found = _FAMILY.get(im.format or "", im.format or "")
            if found != expected:
                good = _FIRST_EXTENSION.get(found, "")
                raise ImageProblem(
                    name, f"is a {_LABELS.get(found, found)} image under a {path.suffix} name: "
                          f"rename it {path.stem}{good}",
                    _french(name, f"c’est une image {_LABELS.get(found, found)} enregistrée sous "
                                  f"un nom en {path.suffix}. Renommez-la «\u00a0{path.stem}{good}"
                                  "\u00a0»."))
            width, height = im.size
            if width * height > MAX_PIXELS:
                raise _too_large(name, width * height, width, height)
            yield im


def _orientation(im) -> int:
    try:
        return int(im.getexif().get(0x0112, 1) or 1)
    except Exception as exc:    # a damaged EXIF block: the picture itself is fine
        log.warning("EXIF orientation unreadable, image kept as stored: %s", exc)
        return 1


def _to_srgb(im, mode: str, name: str):
    """``im`` in ``mode`` (RGB or RGBA), its colours converted to sRGB from its ICC profile."""
    icc = im.info.get("icc_profile")
    if icc:
        try:
            from PIL import ImageCms

            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            dst = ImageCms.createProfile("sRGB")
            source = im if im.mode in ("RGB", "RGBA", "CMYK", "L") else im.convert(mode)
            return ImageCms.profileToProfile(source, src, dst, outputMode=mode)
        except Exception as exc:   # a broken or mismatched profile: keep the colours as stored
            log.warning("colour profile of image %s ignored: %s", name, exc)
    return im if im.mode == mode else im.convert(mode)


def upright_scaled(im, long_side: int):
    """``(rgb, (width, height))``: an upright RGB copy of the opened image ``im``, its long side at
    most ``long_side`` (never enlarged), and the upright size of the full image, in pixels."""
    from PIL import Image

    turn = _orientation(im)
    width, height = im.size
    full = (height, width) if turn in (5, 6, 7, 8) else (width, height)
    scale = min(1.0, long_side / max(width, height))
    with _bomb_is_error(im.filename if hasattr(im, "filename") else "image"):
        try:
            if scale < 1 and _FAMILY.get(im.format or "", im.format or "") == "JPEG":
                im.draft("RGB", (max(1, int(width * scale * _ANALYSIS_DRAFT_GAP)),
                                 max(1, int(height * scale * _ANALYSIS_DRAFT_GAP))))
            im.load()
            px = im.convert("RGB") if im.mode != "RGB" else im.copy()
        except (ImageProblem, Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise
        except Exception as exc:     # any decoder failure on an untrusted file
            raise _unreadable(Path(str(getattr(im, "filename", "image"))).name, exc) from None
    px.thumbnail((long_side, long_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    if turn in _TRANSPOSE:
        px = px.transpose(getattr(Image.Transpose, _TRANSPOSE[turn]))
    return px, full
