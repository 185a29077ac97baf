"""Render the README's screenshots of the editor (offscreen) into docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--fixed-rules] [--emoji-font PATH] [--out DIR]

A short day in two-person mode on a copy of the sample posts, in a temporary folder (nothing is
written into resources/, nor into the user's settings or review files): Dr Claire Martin has sent
three sample posts for review; Inès Dubois, the assistant, has reviewed a fourth one, « Rhinoplastie
de printemps », whose before/after drawings she accepted with a reason, and both have approved
it. Through the real window, Inès then exports that post, looks at « À relire », opens the sample
with the most problems and the per-network preview.

At 1366×768 and at 1920×1080 (the window at the screen's size, with its default layout):

    main-window-<size>.png        the main window: a post, its problems underlined, one card each
    review-home-<size>.png        « À relire », the assistant's home view
    finding-card-<size>.png       one finding card, close up (the passage, its reasons, actions)
    preview-instagram-<size>.png  « Aperçu par réseau »: the Instagram card (fold, image, counter)
    preview-x-thread-<size>.png   « Aperçu par réseau »: an X thread, one card and « Copier » a part

and once, the size of a page: report-page-1.png, the first page of the exported PDF report. It is
painted the way export/report.py paints the PDF (its HTML, page size, margins and footer) onto an
image: PySide6-Essentials has no QtPdf to rasterise the PDF file itself.

Fonts: those fontconfig offers (DejaVu on the Debian image) plus a colour emoji font, so that no
emoji is drawn as a box. It is found through fontconfig (Debian package fonts-noto-color-emoji),
else at the path given by --emoji-font or TACT_EMOJI_FONT, else in the usual folders; it is loaded
from its file into the application and made Qt's emoji font. Without one the script stops with
exit status 2 (--allow-missing-emoji renders anyway). The PNGs are optimised with Pillow, and
reduced to a palette when still above 300 kB.

Uses the real rule packs, dictionary and image checks by default (``--fixed-rules``: the small pack
of the GUI tests and no dictionary, for a quick run).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = Path(tempfile.mkdtemp(prefix="tact-shots-"))
for _k in ("data", "config"):
    os.environ[f"TACT_{_k.upper()}_DIR"] = str(_TMP / _k)
os.environ.setdefault("TACT_LANG", "fr")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1920, 1080))
MAX_BYTES = 300 * 1024
EMOJI_PROBE = 0x1F338           # 🌸, in sample 04
EMOJI_PATHS = (
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf",
    "/usr/local/share/fonts/NotoColorEmoji.ttf",
    "~/.local/share/fonts/NotoColorEmoji.ttf",
    "~/.fonts/NotoColorEmoji.ttf",
    "/System/Library/Fonts/Apple Color Emoji.ttc",
    "C:/Windows/Fonts/seguiemj.ttf",
)

CLAIRE = ("Dr Claire Martin", "chirurgienne")
INES = ("Inès Dubois", "assistante")
MAIN_SAMPLE = "04-brouillon-a-revoir.md"
DAY_POST = "rhinoplastie-de-printemps.md"
DAY_TEXT = """\
---
title: Rhinoplastie de printemps
networks: [instagram, x]
---
La rhinoplastie modifie la forme du nez pour l’harmoniser avec le visage 🌸. Elle se discute en \
consultation, avec un délai de réflexion de quinze jours au moins.

Les suites (œdème, gêne respiratoire) sont expliquées avant l’intervention ; le devis est remis \
en consultation.

Avant ![avant](images/avant.png) après ![apres](images/apres.png)

Pour toute question, le secrétariat vous répond.
"""
DAY_REASON = "Schémas dessinés par le cabinet, aucune photo de patient."


def log(message: str) -> None:
    print(message, file=sys.stderr)


def wait(app, cond, timeout: float = 180.0) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        app.processEvents()
        if cond():
            return True
        time.sleep(0.01)
    return False


def settle(app, seconds: float = 0.3) -> None:
    wait(app, lambda: False, seconds)


# -- the emoji font --------------------------------------------------------------------------------
def emoji_font_file(explicit: str | None) -> Path | None:
    """The colour emoji font's file: ``explicit`` (--emoji-font, TACT_EMOJI_FONT), else the one
    fontconfig knows, else the first of the usual paths that exists."""
    if explicit:
        path = Path(explicit).expanduser()
        return path if path.is_file() else None
    try:
        out = subprocess.run(["fc-list", f":charset={EMOJI_PROBE:x}:color=true", "file"],
                             capture_output=True, text=True, timeout=20).stdout
        for line in out.splitlines():
            path = Path(line.strip().rstrip(":"))
            if path.is_file():
                return path
    except (OSError, subprocess.SubprocessError) as exc:
        log(f"fc-list not usable ({exc}): looking in the usual folders")
    for candidate in EMOJI_PATHS:
        path = Path(candidate).expanduser()
        if path.is_file():
            return path
    return None


def install_emoji_font(path: Path) -> str | None:
    """Load ``path`` into the application and make it Qt's emoji font; its family, or None when
    the file is not a font that draws emoji."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    family = families[0]
    if hasattr(QFontDatabase, "addApplicationEmojiFontFamily"):     # Qt 6.9 and later
        QFontDatabase.addApplicationEmojiFontFamily(family)
    if not QFontMetrics(QFont(family)).inFontUcs4(EMOJI_PROBE):
        return None
    return family


# -- saving ----------------------------------------------------------------------------------------
def save_png(image, path: Path) -> int:
    """Write ``image`` (QImage or QPixmap) as an optimised PNG, reduced to a palette when it
    would weigh more than MAX_BYTES; returns the file's size."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    qimage = image.toImage() if not isinstance(image, QImage) else image
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not qimage.save(buf, "PNG"):
        raise OSError(f"{path.name}: the image could not be encoded")
    picture = Image.open(io.BytesIO(bytes(buf.data()))).convert("RGB")
    data = io.BytesIO()
    picture.save(data, "PNG", optimize=True)
    if data.tell() > MAX_BYTES:
        data = io.BytesIO()
        picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                         dither=Image.Dither.NONE).save(data, "PNG", optimize=True)
    path.write_bytes(data.getvalue())
    return len(data.getvalue())


# -- the workspace ---------------------------------------------------------------------------------
def drawing(path: Path, after: bool) -> None:
    """A schematic nose profile, as a practice would draw it for a post (no patient)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

    img = QImage(480, 360, QImage.Format.Format_RGB32)
    img.fill(QColor("#f4ece6"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#7a4b3a"), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    nose = QPainterPath(QPointF(190, 40))
    if after:                                   # a straight bridge
        nose.cubicTo(QPointF(210, 110), QPointF(262, 170), QPointF(300, 230))
    else:                                       # a dorsal hump
        nose.cubicTo(QPointF(215, 80), QPointF(285, 95), QPointF(268, 145))
        nose.cubicTo(QPointF(262, 175), QPointF(296, 205), QPointF(300, 230))
    nose.cubicTo(QPointF(310, 250), QPointF(290, 268), QPointF(262, 262))
    nose.cubicTo(QPointF(250, 280), QPointF(232, 288), QPointF(215, 282))
    p.drawPath(nose)
    p.setPen(QPen(QColor("#b98b76"), 3, Qt.PenStyle.DashLine))
    p.drawLine(150, 320, 330, 320)
    p.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not img.save(str(path)):
        raise OSError(f"{path}: the drawing could not be written")


def make_workspace(folder: Path) -> Path:
    shutil.copytree(ROOT / "resources" / "samples", folder)
    drawing(folder / "images" / "avant.png", after=False)
    drawing(folder / "images" / "apres.png", after=True)
    (folder / DAY_POST).write_text(DAY_TEXT, encoding="utf-8")
    return folder


def as_person(who) -> None:
    from editor.review.model import PAIR
    from editor.review.profile import Profile, save_profile

    problem = save_profile(Profile(who[0], who[1], PAIR))
    if problem:
        raise SystemExit(f"profile not saved: {problem}")


def _utc(local: datetime) -> str:
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def morning_reviews(engine, folder: Path) -> None:
    """What happened before the window opens: Claire sent three samples (yesterday evening and
    this morning) and the day's post; Inès accepted its drawings and signed; Claire
    countersigned. Through the review API the window itself uses."""
    from editor.review import journal
    from editor.review.items import group_items
    from editor.review.model import PAIR
    from editor.review.session import ReviewSession

    today = datetime.now().astimezone().replace(second=0, microsecond=0)
    times = {
        MAIN_SAMPLE: (today - timedelta(days=1)).replace(hour=18, minute=12),
        "01-tabac-et-chirurgie.md": today.replace(hour=8, minute=47),
        "03-mythes-lipo.md": today.replace(hour=9, minute=5),
        DAY_POST: today.replace(hour=9, minute=40),
    }
    real_now = journal.now
    try:
        for name, at in times.items():
            path = folder / name
            journal.now = lambda at=at: _utc(at)
            out = ReviewSession(path).submit(path.read_text("utf-8"), *CLAIRE)
            if not out.ok:
                raise SystemExit(f"{name}: not submitted: {out.message}")
    finally:
        journal.now = real_now
    path = folder / DAY_POST
    text = path.read_text("utf-8")
    findings = list(engine.check(text, folder).findings)
    for item in group_items([f for f in findings if f.category != "spelling"], text):
        if "avant" in item.passage:            # the drawings' pair: one decision for the item
            out = ReviewSession(path).accept_item(text, item.findings, "faux-positif",
                                                  DAY_REASON, *INES)
            if not out.ok:
                raise SystemExit(f"{DAY_POST}: not accepted: {out.message}")
    for who in (INES, CLAIRE):      # Claire signs second only when Inès accepted something
        session = ReviewSession(path)
        if session.effective_state(text) == "approved":
            break
        out = session.approve(text, findings, *who, PAIR)
        if not out.ok:
            raise SystemExit(f"{DAY_POST}: not approved by {who[0]}: {out.message}")


# -- the PDF report's first page -------------------------------------------------------------------
def report_page(report: dict, dpi: int = 120):
    """The report's first page as an image: the PDF's own painting (export/report.py) at
    ``dpi``."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from editor.export import report as rp

    lang = rp.report_language(None)
    mm = dpi / 25.4
    page_w, page_h = round(210 * mm), round(297 * mm)
    left, top, right, bottom = (m * mm for m in rp.MARGINS_MM)
    width, height = page_w - left - right, page_h - top - bottom
    body = height - rp.FOOTER_MM * mm
    img = QImage(page_w, page_h, QImage.Format.Format_RGB32)
    dots = round(dpi / 0.0254)
    img.setDotsPerMeterX(dots)
    img.setDotsPerMeterY(dots)
    img.fill(QColor("#ffffff"))
    doc = rp.text_document(img, rp.report_html(report, lang), width, body)
    pages = max(1, doc.pageCount())
    small = QFont(doc.defaultFont())
    small.setPointSizeF(7.5)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.translate(left, top)
    rp.paint_page(p, doc, 0, width, body)
    rp.paint_footer(p, small, rp.footer_text(report, lang), rp.page_label(1, pages, lang),
                    width, body, mm=mm)
    p.end()
    return img


# -- the window ------------------------------------------------------------------------------------
def shot_prompter(exports: Path):
    from editor.ui.prompts import Prompter

    class ShotPrompter(Prompter):
        """The real dialogs, but the export's folder is chosen and « Export terminé » closed
        by the script."""

        def export_folder(self, folder: str) -> str | None:
            return str(exports)

        def exported(self, text: str) -> bool:
            log(text)
            return False

        def error(self, title: str, text: str) -> None:
            raise SystemExit(f"unexpected error dialog « {title} »: {text}")

    return ShotPrompter()


def lay_out(app, w, size: tuple[int, int]) -> None:
    """The window as it opens on a screen of ``size`` (maximised: the whole screen)."""
    from PySide6.QtCore import QRect

    from editor.ui import main_window

    saved = main_window.PREFERRED_SIZE
    main_window.PREFERRED_SIZE = size
    try:
        w.apply_default_layout(QRect(0, 0, size[0], size[1] + main_window.TITLE_BAR))
    finally:
        main_window.PREFERRED_SIZE = saved
    settle(app)


def checked(app, w) -> bool:
    return wait(app, lambda: w.checker.up_to_date and w.previewer.up_to_date
                and not w.scanner.busy and w.holder.speller_loaded)


def grab(app, w):
    """The window as the user sees it (no transient message naming the temporary folder)."""
    w.statusBar().clearMessage()
    settle(app)
    return w.grab()


def busiest_card(w):
    """The row of the card with the most reasons (the first of them)."""
    panel = w.findings_panel
    rows = panel.items()
    return max(rows, key=lambda r: (len(panel.card_of(r).reasons), -rows.index(r)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fixed-rules", action="store_true",
                    help="the GUI tests' small rule pack, no dictionary (quick)")
    ap.add_argument("--emoji-font", default=os.environ.get("TACT_EMOJI_FONT"),
                    help="a colour emoji font file (default: fontconfig's, or the usual paths)")
    ap.add_argument("--allow-missing-emoji", action="store_true",
                    help="render even without an emoji font (emoji drawn as boxes)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    import editor.ui  # noqa: F401 - applies the PySide workaround first
    from editor.ui.i18n import install_translators
    from editor.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["tact"])
    app.setApplicationName("Tact")
    install_translators(app)
    font_file = emoji_font_file(args.emoji_font)
    family = install_emoji_font(font_file) if font_file else None
    if family is None and not args.allow_missing_emoji:
        log("No colour emoji font: emoji would be drawn as boxes. Install one (Debian: apt-get "
            "install fonts-noto-color-emoji) or pass --emoji-font PATH.")
        return 2
    log(f"emoji font: {family} ({font_file})" if family else "emoji font: none")

    if args.fixed_rules:
        from editor.compliance.engine import Engine
        from editor.compliance.rules import load_rules

        engine = Engine(load_rules(dirs=[ROOT / "tests" / "ui" / "rules_pack"], use_cache=False))
    else:
        from editor.compliance.service import make_engine

        engine, problems = make_engine()
        for problem in problems:
            log(f"rules: {problem}")
    folder = make_workspace(_TMP / "Publications")
    as_person(CLAIRE)
    morning_reviews(engine, folder)
    as_person(INES)                                 # the assistant is at the computer

    exports = _TMP / "Envois"
    exports.mkdir()
    w = MainWindow(engine=engine, prompter=shot_prompter(exports),
                   spelling=not args.fixed_rules)
    w.show()
    lay_out(app, w, SIZES[0])
    w.open_workspace(folder, open_first=False)
    if not wait(app, lambda: w.checker.enabled):
        log("warning: the window's background work did not start")
    args.out.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[Path, int]] = []

    def save(image, name: str) -> None:
        path = args.out / name
        shots.append((path, save_png(image, path)))

    # Inès exports the approved post: the PDF report's first page.
    w.open_post(str(folder / DAY_POST))
    checked(app, w)
    w.export_post()
    def reports() -> list[Path]:
        return list(exports.glob("*/rapport-conformite.json"))

    if not wait(app, lambda: bool(reports()) and w.network_panel.export_b.isEnabled()):
        raise SystemExit("the export did not finish")
    report = json.loads(reports()[0].read_text("utf-8"))
    save(report_page(report), "report-page-1.png")

    for size in SIZES:
        tag = f"{size[0]}x{size[1]}"
        lay_out(app, w, size)
        # « À relire »: the posts Claire sent, with who sent them, when and what is open.
        w.show_home()
        wait(app, lambda: w.home_view.counted and len(w.home_view.rows()) >= 3)
        settle(app)
        save(grab(app, w), f"review-home-{tag}.png")

        # The sample with the most problems: its cards, one per problem.
        w.open_post(str(folder / MAIN_SAMPLE))
        checked(app, w)
        w.findings_dock.show()
        w.findings_dock.raise_()
        settle(app)
        if w.findings_panel.items():
            row = busiest_card(w)
            w.findings_panel.select_item(w.findings_panel.item_of(row))
            settle(app)
            save(grab(app, w), f"main-window-{tag}.png")
            tree = w.findings_panel.tree
            rect = tree.visualItemRect(row).adjusted(0, -2, 0, 2).intersected(
                QRect(0, 0, tree.viewport().width(), tree.viewport().height()))
            save(tree.viewport().grab(rect), f"finding-card-{tag}.png")
        else:
            log("warning: no finding card to show")
            save(grab(app, w), f"main-window-{tag}.png")

        # « Aperçu par réseau »: the Instagram card, then the day's post as an X thread.
        w.network_dock.show()
        w.network_dock.raise_()
        panel = w.network_panel
        panel.set_network("instagram")
        wait(app, lambda: panel.up_to_date and panel.card_widgets())
        settle(app)
        save(grab(app, w), f"preview-instagram-{tag}.png")
        w.open_post(str(folder / DAY_POST))
        checked(app, w)
        panel.set_network("x")
        wait(app, lambda: panel.up_to_date and len(panel.card_widgets()) > 1)
        settle(app)
        save(grab(app, w), f"preview-x-thread-{tag}.png")
        w.findings_dock.raise_()

    for path, size in shots:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  "
              f"{size // 1024} kB")
    w.editor.document().setModified(False)
    w.checker.runner.wait(5000)
    w.close()
    shutil.rmtree(_TMP, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
