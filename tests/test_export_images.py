"""Exported images: upright, without any metadata, resized, neutral names; originals untouched."""
import io

import pytest
from PIL import Image, TiffImagePlugin

from editor.export.images import ImageProblem, clean_image, export_image, resolve_image
from editor.export.networks import load_networks

NETS = load_networks()


def _gps_jpeg(path, size=(400, 200), orientation=6):
    """A wide JPEG (left half red, right half blue) whose EXIF says « rotate 90° » (6), with GPS
    coordinates, a camera serial number, a comment, XMP and IPTC-like data."""
    im = Image.new("RGB", size, "red")
    im.paste(Image.new("RGB", (size[0] // 2, size[1]), "blue"), (size[0] // 2, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation                     # Orientation
    exif[0x010F] = "PhoneMaker"                    # Make
    exif[0x0110] = "Phone 15"                      # Model
    exif[0x0131] = "Firmware 1.0"                  # Software
    ifd = exif.get_ifd(0x8769)                     # Exif IFD
    ifd[0xA431] = "SERIAL-123456"                  # BodySerialNumber
    gps = exif.get_ifd(0x8825)                     # GPS IFD
    gps[1] = "N"
    gps[2] = (TiffImagePlugin.IFDRational(48), TiffImagePlugin.IFDRational(51),
              TiffImagePlugin.IFDRational(24))
    gps[3] = "E"
    gps[4] = (TiffImagePlugin.IFDRational(2), TiffImagePlugin.IFDRational(21),
              TiffImagePlugin.IFDRational(7))
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-'
           b'rdf-syntax-ns#"><rdf:Description photoshop:City="Paris"/></rdf:RDF></x:xmpmeta>')
    im.save(path, "JPEG", exif=exif.tobytes(), comment=b"Patiente Ines, consultation",
            xmp=xmp, quality=95)
    # IPTC (city) in a Photoshop APP13 segment, right after SOI.
    iptc = b"\x1c\x02\x5a\x00\x0cParis-IPTC-X"
    block = b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    payload = b"Photoshop 3.0\x00" + block
    data = path.read_bytes()
    app13 = b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload
    path.write_bytes(data[:2] + app13 + data[2:])
    return path


def test_original_really_carries_gps_and_orientation(tmp_path):
    src = _gps_jpeg(tmp_path / "photo.jpg")
    with Image.open(src) as im:
        exif = im.getexif()
        assert exif[0x0112] == 6
        assert exif.get_ifd(0x8825)[1] == "N"
        assert im.info.get("comment")
        assert im.size == (400, 200)
    assert b"Paris-IPTC-X" in src.read_bytes() and b"xmpmeta" in src.read_bytes()


def test_jpeg_with_gps_and_orientation_6_comes_out_upright_and_bare(tmp_path):
    src = _gps_jpeg(tmp_path / "photo.jpg")
    before = src.read_bytes()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = export_image(src, out_dir, "image-01", NETS["instagram"])
    assert src.read_bytes() == before                      # original untouched
    assert out.name == "image-01.jpg"
    data = out.read_bytes()
    for marker in (b"Exif", b"GPS", b"SERIAL", b"PhoneMaker", b"Phone 15", b"Patiente",
                   b"xmpmeta", b"http://ns.adobe.com/xap", b"Photoshop 3.0", b"8BIM",
                   b"Paris-IPTC-X", b"ICC_PROFILE"):
        assert marker not in data, marker
    with Image.open(out) as im:
        assert im.format == "JPEG"
        assert not im.getexif()                            # no EXIF at all
        assert "exif" not in im.info and "comment" not in im.info
        assert "xmp" not in im.info and "icc_profile" not in im.info
        assert not getattr(im, "applist", []) or all(
            m not in ("APP1", "APP13", "COM", "APP2") for m, _ in im.applist)
        # Upright: orientation 6 means the stored 400×200 image must be turned 90° clockwise.
        assert im.size == (200, 400)
        top = im.getpixel((100, 50))
        bottom = im.getpixel((100, 350))
        assert top[0] > 200 and top[2] < 60          # red (the left half) is now on top
        assert bottom[2] > 200 and bottom[0] < 60    # blue at the bottom


def test_resized_to_the_network_size_never_enlarged(tmp_path):
    big = tmp_path / "big.png"
    Image.new("RGB", (3000, 1500), "white").save(big)
    data, ext = clean_image(big, NETS["instagram"].image_max)
    with Image.open(io.BytesIO(data)) as im:
        assert ext == ".png" and im.size == (1080, 540)
    small = tmp_path / "small.png"
    Image.new("RGBA", (100, 80), (0, 0, 0, 0)).save(small)
    data, ext = clean_image(small, NETS["x"].image_max)
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (100, 80) and im.mode == "RGBA"     # transparency kept, not enlarged


def test_png_text_chunks_are_stripped(tmp_path):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Dr Martin")
    info.add_text("Location", "Clinique du Parc")
    p = tmp_path / "schema.png"
    Image.new("RGB", (50, 50), "white").save(p, pnginfo=info)
    data, _ = clean_image(p, (1080, 1080))
    assert b"Martin" not in data and b"Clinique" not in data and b"tEXt" not in data


def test_image_outside_the_post_folder_or_missing_blocks(tmp_path):
    post_dir = tmp_path / "posts"
    (post_dir / "images").mkdir(parents=True)
    (post_dir / "images" / "ok.png").write_bytes(b"x")
    (tmp_path / "secret.png").write_bytes(b"x")
    assert resolve_image("images/ok.png", post_dir).path.name == "ok.png"
    with pytest.raises(ImageProblem, match="outside the post's folder") as exc:
        resolve_image("../secret.png", post_dir)
    assert "hors du dossier" in exc.value.french
    with pytest.raises(ImageProblem, match="outside"):
        resolve_image(str(tmp_path / "secret.png"), post_dir)
    with pytest.raises(ImageProblem, match="not found") as exc:
        resolve_image("images/absente.jpg", post_dir)
    assert "introuvable" in exc.value.french
    with pytest.raises(ImageProblem, match="remote"):
        resolve_image("https://exemple.fr/a.jpg", post_dir)
