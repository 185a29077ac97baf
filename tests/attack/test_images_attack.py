"""Attacks on the image export (issue 11, severe item 2): a photo that is really PostScript (Pillow
would hand it to Ghostscript), content that is not what its name says, decompression bombs and
images that used to take gigabytes.

Hostile files run in a subprocess with a timeout and an address-space limit; bombs are generated
small on disk (a 30000×30000 PNG of one colour takes under 1 MB).
"""
from __future__ import annotations

import json
import os
import resource
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from PIL import Image

from editor.export import images
from editor.export.images import ImageProblem, clean_image, open_image, resolve_image

TIMEOUT = 60
GIB = 1024 ** 3

POSTSCRIPT = (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n"
              b"(/tmp/pwned) (w) file closefile\n"     # what a hostile file would do in gs
              b"/Helvetica findfont 12 scalefont setfont 10 10 moveto (hello) show showpage\n"
              b"%%EOF\n")
# A DOS EPS binary header (C5 D0 D3 C6) wrapping the same PostScript: Pillow's EPS plugin
# recognises it too.
DOS_EPS = (b"\xc5\xd0\xd3\xc6" + struct.pack("<IIIIIIH", 30, len(POSTSCRIPT), 0, 0, 0, 0, 0xFFFF)
           + POSTSCRIPT)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<image href="file:///etc/passwd"/></svg>')


def bomb_png(path: Path, width: int, height: int, color_type: int = 0, depth: int = 1) -> Path:
    """A valid PNG of one colour, written row block by row block (never whole in memory)."""
    channels = {0: 1, 2: 3, 6: 4}[color_type]
    row = bytes(1 + (width * channels * depth + 7) // 8)
    per_block = max(1, (1 << 20) // len(row))
    co = zlib.compressobj(1)
    parts, left = [], height
    while left:
        k = min(per_block, left)
        parts.append(co.compress(row * k))
        left -= k
    parts.append(co.flush())

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type,
                                                  0, 0, 0))
                     + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b""))
    return path


def fake_gs(tmp_path: Path) -> tuple[dict, Path]:
    """An environment whose PATH starts with a ``gs`` that only leaves a marker file."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    marker = tmp_path / "GHOSTSCRIPT-WAS-RUN"
    gs = bin_dir / "gs"
    gs.write_text(f'#!/bin/sh\necho "$@" >> "{marker}"\nexit 1\n')
    gs.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return env, marker


def run_python(code: str, env: dict | None = None, limit: int = 2 * GIB,
               cwd: Path | None = None) -> subprocess.CompletedProcess:
    def preexec():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=TIMEOUT, env=env or dict(os.environ),
                          preexec_fn=preexec, cwd=cwd)


CLEAN_IN_CHILD = """
    import json, resource, sys
    from pathlib import Path
    from editor.export.images import ImageProblem, clean_image
    try:
        data, ext = clean_image(Path(sys.argv[1]), (1080, 1350))
        out = {"ok": ext, "bytes": len(data)}
    except ImageProblem as e:
        out = {"problem": e.message, "french": e.french}
    # The peak of this process since exec (VmHWM): ru_maxrss would also count the test
    # runner's memory at fork time, which grows with whatever the suite loaded before.
    try:
        hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
        out["rss_mb"] = int(hwm[0].split()[1]) / 1024
    except (OSError, IndexError):
        out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))
"""


def clean_in_child(path: Path, env: dict | None = None,
                   limit: int = 2 * GIB) -> tuple[dict, subprocess.CompletedProcess]:
    code = CLEAN_IN_CHILD.replace("sys.argv[1]", repr(str(path)))
    proc = run_python(code, env=env, limit=limit)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc


# --- Ghostscript is never run -------------------------------------------------------------------

@pytest.mark.parametrize("name, content", [("photo.jpg", POSTSCRIPT), ("photo.png", DOS_EPS),
                                           ("photo.tif", POSTSCRIPT)])
def test_postscript_named_as_a_photo_never_runs_ghostscript(tmp_path, name, content):
    env, marker = fake_gs(tmp_path)
    photo = tmp_path / name
    photo.write_bytes(content)
    # The trap is armed: this Pillow would run our ``gs`` for an EPS file opened without a list.
    probe = run_python(f"""
        from PIL import Image
        try:
            Image.open({str(photo)!r}).load()
        except Exception as e:
            print(type(e).__name__)
    """, env=env)
    assert marker.exists(), probe.stdout + probe.stderr
    marker.unlink()

    out, _ = clean_in_child(photo, env=env)
    assert not marker.exists(), "Ghostscript was run: " + marker.read_text()
    ext = Path(name).suffix
    label = {".jpg": "JPEG", ".png": "PNG", ".tif": "TIFF"}[ext]
    assert out.get("problem") == (f"image '{name}': is not a {label} image (its content is none "
                                  "of the accepted formats: JPEG, PNG, WebP, GIF, TIFF, BMP)")
    assert f"n’est pas une image {label}" in out["french"]
    assert "\u00a0»\u202f:" in out["french"]


def test_export_of_a_post_with_a_postscript_photo_exits_2_and_never_runs_gs(tmp_path):
    env, marker = fake_gs(tmp_path)
    post_dir = tmp_path / "rhinoplastie"
    post_dir.mkdir()
    (post_dir / "photo.jpg").write_bytes(POSTSCRIPT)
    post = post_dir / "post.md"
    post.write_text("# Rhinoplastie\n\nLa rhinoplastie modifie la forme du nez.\n\n"
                    "![Schéma du nez](photo.jpg)\n", encoding="utf-8")
    out = tmp_path / "export"
    proc = subprocess.run([sys.executable, "-m", "editor", "export", str(post), "--target",
                           "instagram", "--out", str(out), "--no-spelling", "--no-pdf"],
                          capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "image 'photo.jpg': is not a JPEG image" in proc.stderr
    assert not marker.exists()
    assert not out.exists() or not any(out.iterdir())     # nothing written


@pytest.mark.parametrize("name, content", [("schema.png", SVG), ("schema.png", PDF),
                                           ("scan.jpg", PDF), ("logo.gif", b"GIF89a\x00")])
def test_svg_pdf_and_garbage_under_raster_names_are_refused(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ImageProblem) as exc:
        clean_image(p, (1080, 1080))
    assert "is not a" in exc.value.message or "cannot be read" in exc.value.message
    assert exc.value.french.startswith(f"Image «\u00a0{name}\u00a0»\u202f: ")


@pytest.mark.parametrize("name", ["schema.svg", "scan.pdf", "photo.eps", "photo.ps", "photo.jp2",
                                  "photo.avif", "photo"])
def test_non_raster_extensions_are_refused_before_opening(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(POSTSCRIPT)
    with pytest.raises(ImageProblem, match="unsupported image format") as exc:
        resolve_image(name, tmp_path)
    assert "format non pris en charge" in exc.value.french
    with pytest.raises(ImageProblem, match="unsupported image format"):
        with open_image(p):
            pass


def test_content_must_match_the_extension(tmp_path):
    p = tmp_path / "photo.jpg"
    Image.new("RGB", (40, 30), "red").save(p, "PNG")
    with pytest.raises(ImageProblem) as exc:
        clean_image(p, (1080, 1080))
    assert exc.value.message == ("image 'photo.jpg': is a PNG image under a .jpg name: "
                                 "rename it photo.png")
    assert "Renommez-la «\u00a0photo.png\u00a0»" in exc.value.french
    ok = tmp_path / "photo.png"
    p.rename(ok)
    data, ext = clean_image(ok, (1080, 1080))
    assert ext == ".png" and data


def test_heic_only_with_its_plugin():
    try:
        import pillow_heif  # noqa: F401
    except ImportError:
        assert ".heic" not in images.supported_extensions()
    else:
        assert images.supported_extensions()[".heic"] == "HEIF"


def test_a_fifo_named_like_a_photo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    with pytest.raises(ImageProblem, match="not a regular file") as exc:
        resolve_image("photo.jpg", tmp_path)
    assert "fichier ordinaire" in exc.value.french
    out, _ = clean_in_child(fifo)        # opened directly: refused, not blocked
    assert "named pipe" in out["problem"]


# --- Pixels and memory ---------------------------------------------------------------------------

def test_30000_by_30000_png_is_refused_with_a_message_not_a_traceback(tmp_path):
    bomb = bomb_png(tmp_path / "bombe.png", 30000, 30000)
    assert bomb.stat().st_size < 1_000_000
    out, _ = clean_in_child(bomb, limit=1 * GIB)
    assert out.get("problem") == ("image 'bombe.png': too many pixels (900 megapixels; limit 80): "
                                  "reduce it (4,000 pixels wide is plenty) before exporting")
    assert "900\u00a0mégapixels\u202f; limite\u202f: 80" in out["french"]
    assert out["rss_mb"] < 200


@pytest.mark.parametrize("width, height", [(12000, 12000), (9000, 9000)])
def test_images_above_the_pixel_cap_are_refused_before_decoding(tmp_path, width, height):
    # 144 MP only made Pillow warn (then 1.7 GB were used); 81 MP made it say nothing.
    bomb = bomb_png(tmp_path / "grande.png", width, height, color_type=2, depth=8)
    out, _ = clean_in_child(bomb, limit=1 * GIB)
    mp = round(width * height / 1e6)
    assert out.get("problem", "").startswith("image 'grande.png': too many pixels (")
    assert f"{mp} megapixels; limit 80)" in out["problem"]
    assert out["rss_mb"] < 200


def test_decompression_bomb_warning_is_an_error(tmp_path, monkeypatch):
    # Even if the cap were raised, Pillow's own warning blocks the image.
    monkeypatch.setattr(images, "MAX_PIXELS", 10 ** 12)
    bomb = bomb_png(tmp_path / "b.png", 10000, 9000)      # 90 MP > Pillow's 89.5 MP warning
    with pytest.raises(ImageProblem, match="too many pixels"):
        clean_image(bomb, (1080, 1080))


def _rgb_jpeg_in_child(path: Path, size: tuple[int, int]) -> None:
    proc = run_python(f"""
        from PIL import Image
        im = Image.new("RGB", {size!r}, (200, 120, 90))
        im.paste((20, 40, 200), (0, {size[1] // 2}, {size[0]}, {size[1]}))
        im.save({str(path)!r}, quality=85)
    """, limit=3 * GIB)
    assert proc.returncode == 0, proc.stderr


def test_large_accepted_photos_are_decoded_small(tmp_path):
    # 48 MP, a phone's full resolution. Before: about 600 MB (JPEG) and 590 MB (PNG) at peak.
    jpeg = tmp_path / "telephone.jpg"
    _rgb_jpeg_in_child(jpeg, (8000, 6000))
    out, _ = clean_in_child(jpeg, limit=1 * GIB)
    assert out.get("ok") == ".jpg", out
    assert out["rss_mb"] < 150, out          # decoded at 1/4 scale (draft): about 50 MB
    png = bomb_png(tmp_path / "capture.png", 8000, 6000, color_type=2, depth=8)
    out, _ = clean_in_child(png, limit=1 * GIB)
    assert out.get("ok") == ".png", out
    assert out["rss_mb"] < 350, out          # one decoded copy (192 MB), then reduced in place


def test_draft_decoded_photo_is_still_upright_and_fitted(tmp_path):
    src = tmp_path / "portrait.jpg"
    im = Image.new("RGB", (4000, 3000), "red")
    im.paste(Image.new("RGB", (2000, 3000), "blue"), (2000, 0))
    exif = Image.Exif()
    exif[0x0112] = 6                      # rotate 90° clockwise to view
    exif.get_ifd(0x8825)[1] = "N"
    im.save(src, exif=exif.tobytes(), quality=95)
    data, ext = clean_image(src, (1080, 1350))
    import io

    with Image.open(io.BytesIO(data)) as out:
        assert ext == ".jpg" and out.height == 1350 and abs(out.width - 1012.5) < 1   # upright
        assert not out.getexif()
        top, bottom = out.getpixel((500, 100)), out.getpixel((500, 1250))
        assert top[0] > 200 and top[2] < 60 and bottom[2] > 200 and bottom[0] < 60


def test_palette_and_cmyk_images_still_export(tmp_path):
    gif = tmp_path / "anim.gif"
    frames = [Image.new("P", (300, 200), i) for i in (1, 2)]
    frames[0].save(gif, save_all=True, append_images=frames[1:], transparency=0)
    data, ext = clean_image(gif, (100, 100))
    assert ext == ".png"
    cmyk = tmp_path / "print.jpg"
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(cmyk)
    data, ext = clean_image(cmyk, (100, 100))
    import io

    with Image.open(io.BytesIO(data)) as out:
        assert ext == ".jpg" and out.mode == "RGB" and out.size == (100, 67)
        r, g, b = out.getpixel((50, 30))
        assert r > 200 and g < 80 and b < 80           # cyan-free, magenta+yellow = red


def test_a_bad_image_is_reported_before_anything_is_built(tmp_path, engine):
    """The export's pre-check reads each image's header: a PostScript « photo » is reported with
    the gate's refusals, so the user sees every problem at once, and nothing is built."""
    from editor.export.exporter import export_posts

    (tmp_path / "photo.jpg").write_bytes(POSTSCRIPT)
    post = tmp_path / "post.md"
    post.write_text("# Rhinoplastie\n\n-30 % sur la rhinoplastie ce mois-ci.\n\n"
                    "![Schéma](photo.jpg)\n", encoding="utf-8")
    res = export_posts([str(post)], ["instagram"], tmp_path / "out", engine, pdf=False)
    assert res.refused, "the discount must be refused by the gate"
    assert any("is not a JPEG image" in p.message for p in res.problems)
    assert not (tmp_path / "out").exists()
