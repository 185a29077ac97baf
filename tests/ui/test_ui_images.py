"""What Tact saw in the images: « Affichage › Montrer ce que Tact a vu dans les images » outlines it
in the preview (remembered), a partial image analysis is said once, and « Expliquer » on an image
finding gives its rule's explanation and the text read in the picture."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from uihelpers import post

OCR_OFF = "Lecture du texte des images désactivée\u202f: Tesseract n’est pas installé."


class SeenImages:
    """An image analyser that reports what the test says it saw, and which checks are off."""

    def __init__(self, seen: dict[str, dict], off: list[str] | None = None) -> None:
        self.seen = seen
        self.off = off or []
        self.status_calls = 0

    def analyse_many(self, paths):
        from editor.vision.analysis import ImageReport, file_sha256

        return {p: ImageReport(file_sha256(p), 1000, 800, **self.seen.get(p.name, {}))
                for p in paths}

    def status(self):
        self.status_calls += 1
        return list(self.off)


COMPOSITE = {"layout": "side-by-side", "panels": [(0, 0, 500, 800), (500, 0, 500, 800)],
             "composite_score": 0.93}
WORDS = {"lines": [("Ce mois-ci", (20, 600, 300, 50)),
                   ("-30 % sur les injections", (20, 700, 500, 60))], "ocr_done": True}


def photo(folder, name):
    img = QImage(1000, 800, QImage.Format.Format_RGB32)
    img.fill(QColor("#c8b4a0"))
    assert img.save(str(folder / name))
    return folder / name


@pytest.fixture
def image_window(make_window, ui_engine):
    def make(seen, off=None):
        from editor.compliance.engine import Engine

        analyser = SeenImages(seen, off)
        w = make_window(engine=Engine(ui_engine.rules, image_analyser=analyser))
        return w, analyser
    return make


def open_with_photo(window, tmp_path, name="montage.png"):
    p = photo(tmp_path, name)
    path = post(tmp_path, "p.md", f"Une rhinoplastie expliquée.\n\n![]({name})\n",
                networks="[instagram]")
    assert window.open_path(path)
    window.check_now()
    return p


def test_the_outlines_are_drawn_on_demand_and_the_choice_is_remembered(image_window, tmp_path,
                                                                       qtbot):
    window, _ = image_window({"montage.png": COMPOSITE})
    action = window.actions["show_image_outlines"]
    assert action.isCheckable() and not action.isChecked()
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    assert action in window.menuBar().actions()[2].menu().actions()     # « Affichage »
    image = open_with_photo(window, tmp_path).resolve()
    outlines = window.preview.outlines
    assert image in outlines
    size, boxes = outlines[image]
    assert size == (1000, 800) and [k for k, _ in boxes] == ["panel", "panel"]
    assert not window.preview.show_outlines
    action.trigger()
    assert window.preview.show_outlines
    qtbot.waitUntil(lambda: image in window.preview.outlined, timeout=3000)
    # remembered: the next window starts with the outlines shown
    again, _ = image_window({"montage.png": COMPOSITE})
    assert again.actions["show_image_outlines"].isChecked()
    action.trigger()
    assert not window.preview.show_outlines


def test_a_partial_image_analysis_is_said_once(image_window, tmp_path):
    window, analyser = image_window({}, off=[OCR_OFF])
    label = window.image_status_label
    open_with_photo(window, tmp_path)
    assert label.isVisibleTo(window) and label.text() == "Analyse des images\u00a0: partielle"
    assert "Tesseract" in label.toolTip()
    assert window.statusBar().currentMessage() == OCR_OFF
    window.statusBar().clearMessage()
    window.check_now()
    assert analyser.status_calls == 1 and window.statusBar().currentMessage() == ""


def test_a_full_image_analysis_shows_no_label(image_window, tmp_path):
    window, _ = image_window({})
    open_with_photo(window, tmp_path)
    assert not window.image_status_label.isVisibleTo(window)


def test_explain_an_image_finding(image_window, tmp_path, monkeypatch):
    from editor.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs.RuleDialog, "exec", lambda self: shown.append(self) or 0)
    window, _ = image_window({"montage.png": {**COMPOSITE, **WORDS}})
    open_with_photo(window, tmp_path)
    findings = window.analysis.findings
    composite = next(f for f in findings if f.rule == "before-after.image-composite")
    window.explain(composite)
    text = shown[-1].view.toPlainText()
    assert "juxtapose plusieurs photos" in text             # the rule's explanation
    assert "R.4127-19-1" in text                             # its reference
    assert "Retirer le montage" in text                      # its suggestion
    assert "-30 % sur les injections" in text                # what was read in the image
    assert "before-after.image-composite" not in text        # no rule id
    words = next(f for f in findings if f.rule == "test.discount")
    window.explain(words)
    text = shown[-1].view.toPlainText()
    assert "Texte reconnu dans l’image" in text and "Ce mois-ci" in text
