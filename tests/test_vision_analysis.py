"""The image analysis pipeline (editor.vision.analysis): opening, scaling, caching by content,
a failing or missing detector never costs the rest (a failing Tesseract included: the text is
said unread, and tried again); a post's photos analysed together get the same reports as alone,
their text read by one Tesseract per worker. The detectors themselves are tested in
tests/test_vision_composite.py, test_vision_faces.py, test_vision_ocr.py."""
from dataclasses import dataclass

import pytest
from PIL import Image

from editor.vision.analysis import ImageAnalyser, ImageReport


@dataclass(frozen=True)
class _Found:
    layout: str
    panels: tuple
    score: float


class CountingComposite:
    """Reports the left and right halves of whatever it is shown, and counts its calls."""

    def __init__(self):
        self.calls = 0
        self.sizes = []

    def detect_composite(self, image):
        self.calls += 1
        self.sizes.append(image.size)
        w, h = image.size
        return _Found("side-by-side", ((0, 0, w // 2, h), (w // 2, 0, w - w // 2, h)), 0.9)


def analyser(tmp_path, composite=None, **modules) -> ImageAnalyser:
    a = ImageAnalyser(cache_dir=tmp_path / "cache", ocr=True, faces=True)
    a._modules.update({"composite": composite, "faces": None, "ocr": None, "metadata": None})
    a._modules.update(modules)
    return a


@pytest.fixture
def photo(tmp_path):
    p = tmp_path / "photo.jpg"
    Image.new("RGB", (4000, 3000), (180, 140, 120)).save(p, quality=80)
    return p


def test_boxes_are_in_the_full_image_and_the_detector_sees_a_small_copy(tmp_path, photo):
    det = CountingComposite()
    r = analyser(tmp_path, det).analyse(photo)
    assert max(det.sizes[0]) <= 1024
    assert (r.width, r.height) == (4000, 3000)
    assert r.layout == "side-by-side"
    assert r.panels[0][:2] == (0, 0) and abs(r.panels[1][0] - 2000) <= 4
    assert abs(r.panels[1][2] + r.panels[1][0] - 4000) <= 4


def test_a_photo_is_analysed_once_per_content(tmp_path, photo):
    det = CountingComposite()
    a = analyser(tmp_path, det)
    first = a.analyse(photo)
    again = a.analyse(photo)
    assert det.calls == 1 and again == first
    # Another session (new analyser, same cache folder): read from the disk cache.
    det2 = CountingComposite()
    assert analyser(tmp_path, det2).analyse(photo) == first and det2.calls == 0
    # Same content under another name: same report, no new analysis.
    copy = tmp_path / "copie.jpg"
    copy.write_bytes(photo.read_bytes())
    assert analyser(tmp_path, det2).analyse(copy).sha256 == first.sha256 and det2.calls == 0


def test_a_changed_file_is_analysed_again(tmp_path, photo):
    det = CountingComposite()
    a = analyser(tmp_path, det)
    before = a.analyse(photo)
    Image.new("RGB", (800, 600), (20, 20, 20)).save(photo)
    after = a.analyse(photo)
    assert det.calls == 2 and after.sha256 != before.sha256 and after.width == 800


def test_a_failing_detector_costs_only_itself(tmp_path, photo, caplog):
    class Broken:
        @staticmethod
        def detect_faces(image):
            raise RuntimeError("boom")

    det = CountingComposite()
    r = analyser(tmp_path, det, faces=Broken()).analyse(photo)
    assert r.layout == "side-by-side" and r.failed == ["faces"] and not r.faces_done
    assert "image detector faces failed" in caplog.text
    # not cached: tried again next time
    analyser(tmp_path, det, faces=Broken()).analyse(photo)
    assert det.calls == 2


def test_an_unreadable_image_is_a_french_problem_not_a_crash(tmp_path):
    bad = tmp_path / "photo.jpg"
    bad.write_text("ceci n'est pas une image", encoding="utf-8")
    r = analyser(tmp_path, CountingComposite()).analyse(bad)
    assert r.problem and "photo.jpg" in r.problem and r.layout is None
    missing = analyser(tmp_path).analyse(tmp_path / "absente.jpg")
    assert missing.problem.startswith("Image illisible")


def test_exif_rotation_is_applied_before_detection(tmp_path):
    p = tmp_path / "tourne.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6          # stored landscape, shown portrait
    Image.new("RGB", (1200, 800), "white").save(p, exif=exif)
    det = CountingComposite()
    r = analyser(tmp_path, det).analyse(p)
    assert (r.width, r.height) == (800, 1200)
    assert det.sizes[0][0] < det.sizes[0][1]


def test_status_says_in_french_what_is_off(tmp_path):
    a = analyser(tmp_path, CountingComposite())
    a._modules.update(faces=None, ocr=None)
    lines = a.status()
    assert len(lines) == 2 and all(line[0].isupper() for line in lines)


def test_report_round_trips_through_json():
    r = ImageReport("ab" * 32, 100, 50, layout="grid", panels=[(0, 0, 50, 25)],
                    faces=[(1, 2, 3, 4)], lines=[("AVANT", (0, 0, 10, 5))],
                    taken="2025-01-01T00:00:00")
    import json

    assert ImageReport.from_json(json.loads(json.dumps(r.to_json()))) == r


def test_real_detectors_on_a_montage_when_installed(tmp_path):
    """End to end with the installed detectors: a side-by-side montage of one portrait."""
    pytest.importorskip("numpy")
    skdata = pytest.importorskip("skimage.data")
    face = Image.fromarray(skdata.astronaut())
    montage = Image.new("RGB", (1024, 512), "white")
    montage.paste(face, (0, 0))
    montage.paste(face.point(lambda v: min(255, int(v * 1.15))), (512, 0))
    p = tmp_path / "IMG_4412.jpg"
    montage.save(p, quality=88)
    r = ImageAnalyser(cache_dir=tmp_path / "c").analyse(p)
    assert r.problem is None and not r.failed
    assert r.layout is not None and len(r.panels) >= 2
    if r.faces_done:
        assert len(r.faces) >= 2


# --- several images at once; Tesseract failing ---------------------------------------------------

def labelled_photos(tmp_path, labels) -> list:
    """JPEG photos of 2,000 × 1,500 pixels, each with one label on a white band."""
    skdata = pytest.importorskip("skimage.data")
    from PIL import ImageDraw, ImageFont

    font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    try:
        font = ImageFont.truetype(font_path, 110)
    except OSError:
        font = ImageFont.load_default(110)
    out = []
    for i, (name, label) in enumerate(labels):
        im = Image.fromarray(getattr(skdata, name)()).convert("RGB").resize((2000, 1500))
        d = ImageDraw.Draw(im)
        x0, y0, x1, y1 = d.textbbox((150, 200), label, font=font)
        d.rectangle((x0 - 30, y0 - 30, x1 + 30, y1 + 30), fill="white")
        d.text((150, 200), label, font=font, fill="black")
        p = tmp_path / f"IMG_{4500 + i}.jpg"
        im.save(p, quality=90)
        out.append(p)
    return out


def squashed(report) -> str:
    return "".join(report.text.casefold().split())


def test_a_posts_photos_each_get_their_own_text_and_the_same_report_as_alone(tmp_path,
                                                                            monkeypatch):
    ocr = pytest.importorskip("editor.vision.ocr")
    if not ocr.available():
        pytest.skip(ocr.unavailable_reason())
    labels = [("coffee", "Rhinoplastie"), ("chelsea", "Liposuccion"), ("rocket", "Témoignage"),
              ("coins", "Lifting")]
    files = labelled_photos(tmp_path, labels)
    started = []
    real = ocr.subprocess.Popen

    def counting(command, *args, **kwargs):
        if "stdin" in command:
            started.append(command)
        return real(command, *args, **kwargs)

    monkeypatch.setattr(ocr.subprocess, "Popen", counting)
    ocr.drop_spare()                      # none started ahead by an earlier test
    together = ImageAnalyser(cache_dir=tmp_path / "together").analyse_many(files)
    # one tesseract for the post, not one per photo or worker; and one waiting for the next photo
    assert len(started) == 2 and ocr._spare is not None
    for p, (_, label) in zip(files, labels):
        report = together[p]
        assert report.ocr_done and not report.failed, report
        assert "".join(label.casefold().split()) in squashed(report)
        assert all("".join(other.casefold().split()) not in squashed(report)
                   for _, other in labels if other != label)
        for _, box in report.lines:      # boxes in the full photo's pixels
            assert box[0] + box[2] <= 2000 + 2 and box[1] + box[3] <= 1500 + 2
        alone = ImageAnalyser(cache_dir=tmp_path / f"alone-{p.stem}").analyse(p)
        assert (alone.lines, alone.faces, alone.layout) == (report.lines, report.faces,
                                                            report.layout)


@pytest.mark.skipif(__import__("sys").platform == "win32",
                    reason="shell script stands in for tesseract")
def test_a_failing_tesseract_marks_the_text_unread_and_is_tried_again(tmp_path, monkeypatch,
                                                                       caplog):
    ocr = pytest.importorskip("editor.vision.ocr")
    pytest.importorskip("dlib")
    script = tmp_path / "tesseract"
    script.write_text("#!/bin/sh\n"
                      'if [ "$1" = "--list-langs" ]; then printf "fra\\neng\\n"; exit 0; fi\n'
                      "echo 'error: broken' >&2; exit 1\n", encoding="utf-8")
    script.chmod(0o755)
    ocr._setup.cache_clear()
    monkeypatch.setattr(ocr, "_program", lambda: str(script))
    try:
        files = labelled_photos(tmp_path, [("coffee", "Rhinoplastie"), ("chelsea", "Lifting")])
        a = ImageAnalyser(cache_dir=tmp_path / "cache", faces=False)
        with caplog.at_level("WARNING", logger="editor.vision.ocr"):
            reports = a.analyse_many(files)
        assert "tesseract failed" in caplog.text
        for r in reports.values():
            assert r.failed == ["ocr"] and not r.ocr_done and r.lines == []
            assert r.width == 2000       # the rest of the analysis is kept
        # not cached on disk: a new session analyses the photos again
        assert not list((tmp_path / "cache").rglob("*.json"))
        caplog.clear()
        with caplog.at_level("WARNING", logger="editor.vision.ocr"):
            again = ImageAnalyser(cache_dir=tmp_path / "cache", faces=False).analyse(files[0])
        assert again.failed == ["ocr"] and "tesseract failed" in caplog.text
    finally:
        ocr._setup.cache_clear()


def test_a_photo_added_after_a_post_is_read_by_the_tesseract_started_ahead(tmp_path,
                                                                            tesseract_runs):
    """The photo added next to a post does not wait for Tesseract to load its models: the
    analysis before left one started; the photo's text is read by it, the same as before."""
    ocr = pytest.importorskip("editor.vision.ocr")
    if not ocr.available():
        pytest.skip(ocr.unavailable_reason())
    files = labelled_photos(tmp_path, [("coffee", "Rhinoplastie"), ("rocket", "Témoignage"),
                                       ("chelsea", "Liposuccion")])
    ocr.drop_spare()
    first = ImageAnalyser(cache_dir=tmp_path / "first")
    first.analyse_many(files[:2])
    waiting = ocr._spare[1]
    assert waiting.poll() is None                      # loaded, waiting for its input
    launched = tesseract_runs
    launched.clear()                                   # count from the added photo on
    added = first.analyse(files[2])
    assert "liposuccion" in squashed(added) and added.ocr_done
    assert waiting.poll() is not None                  # it read the added photo, and ended
    assert len(launched) == 1 and launched[0] is ocr._spare[1]   # only the next spare
    fresh = ImageAnalyser(cache_dir=tmp_path / "fresh")
    ocr.drop_spare()
    assert fresh.analyse(files[2]).lines == added.lines   # the same text without a spare
    ocr.drop_spare()                                    # as at exit: nothing left running
    assert not [p for p in launched if p.poll() is None]


def test_a_photo_without_text_leaves_its_unused_tesseract_waiting_for_the_next(tmp_path):
    ocr = pytest.importorskip("editor.vision.ocr")
    if not ocr.available():
        pytest.skip(ocr.unavailable_reason())
    plain = tmp_path / "IMG_1.png"
    Image.new("RGB", (900, 600), (200, 230, 250)).save(plain)
    ocr.drop_spare()
    report = ImageAnalyser(cache_dir=tmp_path / "c").analyse(plain)
    assert report.lines == [] and report.ocr_done
    spare = ocr._spare[1]
    assert spare.poll() is None
    ocr.drop_spare()
    assert spare.poll() is not None and ocr._spare is None


def test_an_analyser_for_one_check_leaves_no_tesseract_waiting(tmp_path):
    """``tact check`` analyses a post's photos once and ends: nothing is started ahead."""
    ocr = pytest.importorskip("editor.vision.ocr")
    if not ocr.available():
        pytest.skip(ocr.unavailable_reason())
    files = labelled_photos(tmp_path, [("coffee", "Rhinoplastie")])
    ocr.drop_spare()
    once = ImageAnalyser(cache_dir=tmp_path / "c")
    once.keep_ocr_ready = False
    assert "rhinoplastie" in squashed(once.analyse(files[0]))
    assert ocr._spare is None
