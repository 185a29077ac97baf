"""Desktop packaging: the Linux menu entry and AppStream file, the icon in every format, and the
rule cache working in a frozen program (no .py files beside the code)."""
import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_desktop_entry_in_french_and_english():
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str
    cp.read(LINUX / "tact.desktop", encoding="utf-8")
    entry = cp["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Tact"
    assert entry["Exec"].split()[0] == "tact" and entry["Icon"] == "tact"
    assert entry["Terminal"] == "false"
    assert "médecins" in entry["Comment[fr]"] and "doctors" in entry["Comment"]
    assert "text/markdown" in entry["MimeType"]


def test_appstream_metainfo_matches_the_desktop_entry_and_version():
    from editor import __version__

    files = list(LINUX.glob("*.metainfo.xml"))
    assert len(files) == 1
    root = ET.parse(files[0]).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    cid = root.findtext("id")
    assert files[0].name == f"{cid}.metainfo.xml"
    assert root.find("launchable").text == "tact.desktop"
    summaries = {s.get(XML_LANG, "en"): s.text for s in root.findall("summary")}
    assert set(summaries) == {"en", "fr"}
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.find("provides/binary").text == "tact"
    assert __version__ in [r.get("version") for r in root.findall("releases/release")]


def test_linux_icon_is_the_application_icon():
    svg = ROOT / "resources" / "icons" / "tact.svg"
    assert (LINUX / "tact.svg").read_bytes() == svg.read_bytes()
    assert ET.parse(svg).getroot().get("viewBox") == "0 0 256 256"


def test_windows_and_macos_icons_are_generated(tmp_path):
    pytest.importorskip("PySide6.QtSvg")
    import importlib.util

    from PIL import Image

    spec = importlib.util.spec_from_file_location("make_icons",
                                                  ROOT / "packaging" / "make_icons.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = mod.make_icons(tmp_path)
    ico = Image.open(out["ico"])
    assert ico.format == "ICO" and (256, 256) in ico.info["sizes"]
    icns = Image.open(out["icns"])
    assert icns.format == "ICNS" and icns.size == (1024, 1024)
    png = Image.open(out["png"]).convert("RGBA")
    assert png.getpixel((128, 128))[3] == 255 and png.getpixel((0, 0))[3] == 0   # rounded corner


def test_rule_cache_key_without_source_files(monkeypatch, tmp_path):
    """A frozen program has no .py files: the executable stands for the code."""
    import sys

    from editor.compliance import rules

    exe = tmp_path / "tact"
    exe.write_bytes(b"x")
    monkeypatch.setattr(sys, "executable", str(exe))
    key = rules._code_signature([tmp_path / "missing.py"])
    assert str(exe).encode() in key
    assert rules._code_signature([Path(rules.__file__)]) == Path(rules.__file__).read_bytes()
