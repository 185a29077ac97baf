"""Per-network preview: the post as the network shows it, « Copier pour … » (clipboard), a
« Copier » per part of an X or Threads thread, and « Exporter… » (the export with its gate).

Each network is shown as a card that resembles its post: an avatar circle and the name it is
published under, the text folded where the network folds it with « … plus » (a click shows the
rest), the images as thumbnails, and the network's counter (« 1 234 / 2 200 caractères », red above
the limit). A thread (X, Threads) is one card per part, each with its number and its own « Copier ».

Nothing leaves the editor unreviewed without a word: in two-person mode only the approved text is
copied or exported; otherwise (solo mode, or no reviewer profile) a text that is not approved
leaves only after a confirmation, and its report says « exporté sans relecture ».

Everything computed comes from :mod:`editor.export.preview` (pure, positions in code points of
the converted text: the cards, their counts and folds, the name, the image files); this module
only draws it. The HTML built here needs no UTF-16 conversion because it is built from Python
slices.
"""
from __future__ import annotations

import hashlib
import html
import logging
from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.document.html import breakable
from editor.export.preview import FOLD_MARK, initials, shown_text, thousands, visible_end
from editor.review.model import PAIR, STATE_LABELS, typo
from editor.ui import labels
from editor.ui.workers import JobError, LatestJobRunner

log = logging.getLogger(__name__)

SHOWN_CHARS = 20_000     # an expanded card shows this much of a huge post (a QLabel lays it out)
BATCH = 20               # cards built at once; « Afficher les parties suivantes » adds more
SHOWN_IMAGES = 10        # thumbnails per card
THUMB = 150              # thumbnail box, pixels (two per row)
THUMB_WIDE = 280         # the first image shown before the text (Instagram): the card's width
THUMB_SMALL = 64         # the other images of an Instagram carousel

# How each network looks: avatar colour, link/hashtag colour, whether the image comes before the
# text and the name opens the caption (Instagram). Appearance only; the content is the core's.
LOOKS = {
    "x": {"avatar": "#0f1419", "link": "#1d9bf0"},
    "threads": {"avatar": "#101010", "link": "#0095f6"},
    "instagram": {"avatar": "#d62976", "link": "#00376b", "image_first": True,
                  "name_in_caption": True},
    "linkedin": {"avatar": "#0a66c2", "link": "#0a66c2"},
    "facebook": {"avatar": "#1877f2", "link": "#1877f2"},
    "youtube": {"avatar": "#cc0000", "link": "#065fd4"},
}
DEFAULT_LOOK = {"avatar": "#5a6570", "link": "#1a5fb4"}
OVER_COLOR = "#d0312d"
QUIET_COLOR = "#536471"


def _n(value: int) -> str:
    """``1 234`` in French, ``1,234`` when the interface is English."""
    app = QCoreApplication.instance()
    lang = app.property("tact_language") if app is not None else None
    return thousands(value, "en" if lang == "en" else "fr")


def post_networks(source: str) -> list[str]:
    """The networks named in the post's front matter (``networks: [instagram, x]``)."""
    from editor.document.post import parse_front_matter

    try:
        data = parse_front_matter(source).data or {}
    except Exception:  # noqa: BLE001 - a broken front matter only loses the ordering
        return []
    nets = data.get("networks") if isinstance(data, dict) else None
    if isinstance(nets, str):
        nets = [nets]
    return [str(n).strip().lower() for n in nets or [] if str(n).strip()]


def card_html(card, look: dict, expanded: bool, more: str = FOLD_MARK, name: str | None = None,
              truncated: str = "") -> str:
    """The card's text as HTML: hashtags and mentions in the network's link colour, the fold
    with a « … plus » link (``href="more"``) unless ``expanded``, what lies beyond the limit on
    a red background; ``name`` (bold) opens the caption (Instagram).

    Linear in the text shown (spans are walked once, in order); an expanded huge post is shown
    up to :data:`SHOWN_CHARS` characters, then ``truncated``.
    """
    text = card.text
    color = look.get("link", DEFAULT_LOOK["link"])
    spans = sorted(list(card.hashtags) + list(card.mentions))
    ends = [e for _s, e in spans]
    cut = card.cut if card.cut is not None and card.over_by else None

    def piece(x: int, y: int, coloured: bool, out: list[str]) -> None:
        if cut is not None and x < cut < y:
            piece(x, cut, coloured, out)
            piece(cut, y, coloured, out)
            return
        h = breakable(html.escape(text[x:y]))
        if coloured:
            h = f'<span style="color:{color}">{h}</span>'
        if cut is not None and x >= cut:
            h = f'<span style="background:#f8d3d1">{h}</span>'
        out.append(h)

    def seg(a: int, b: int) -> str:
        out: list[str] = []
        pos = a
        i = bisect_right(ends, a)            # the first span ending after a
        while i < len(spans) and spans[i][0] < b:
            s, e = spans[i]
            s, e = max(s, a), min(e, b)
            if pos < s:
                piece(pos, s, False, out)
            piece(s, e, True, out)
            pos = e
            i += 1
        if pos < b:
            piece(pos, b, False, out)
        return "".join(out)

    end = None if expanded else visible_end(card)
    head = f"<b>{html.escape(name)}</b> " if name else ""
    if end is not None:
        body = (seg(0, end) + f' <a href="more" style="color:{QUIET_COLOR};text-decoration:none">'
                f"{html.escape(more).replace(' ', '&nbsp;')}</a>")     # « … plus » never split
    else:
        stop = min(len(text), SHOWN_CHARS)
        body = seg(0, stop)
        if stop < len(text):
            body += f'<br><i style="color:{QUIET_COLOR}">{html.escape(truncated)}</i>'
    return f'<div style="white-space:pre-wrap">{head}{body}</div>'


def _thumbnail(path: Path, box: int) -> QImage | None:
    """A small upright copy of an image (decoded at a reduced size), or None when unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        # Decoded straight at the thumbnail's size (a large photo is never decoded whole); a
        # tiny image is enlarged to it, as the network shows it at the post's width.
        reader.setScaledSize(size.scaled(box, box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        log.info("preview thumbnail of %s not shown: %s", path.name, reader.errorString())
        return None
    return image


def _preview_job(payload):
    """Worker thread: the network's preview, its cards, the name shown and the thumbnails."""
    from editor.export.preview import attachment_files, author_name, cards, preview

    text, name, post_dir = payload
    p = preview(text, name)
    cs = cards(p)
    who = author_name(text)
    if who is None:
        from editor.review.profile import load_profile

        profile, _err = load_profile()
        who = profile.name if profile is not None else None
    first = LOOKS.get(p.network, {}).get("image_first")
    images: dict[int, list] = {}
    for c in cs:
        if c.attachments:          # the first card only
            files = attachment_files(c.attachments[:SHOWN_IMAGES], post_dir)
            images[c.index] = [
                (f, _thumbnail(f.path, (THUMB_WIDE if k == 0 else THUMB_SMALL) if first else THUMB)
                 if f.path else None) for k, f in enumerate(files)]
    return p, cs, who, images


class PostCard(QFrame):
    """One post (or one part of a thread) drawn like the network draws it."""

    def __init__(self, panel: "NetworkPreviewPanel", card, who: str, images: list) -> None:
        super().__init__()
        self.setObjectName("postCard")
        self.panel = panel
        self.card = card
        self.look = LOOKS.get(card.network, DEFAULT_LOOK)
        self.who = who
        head = self._build_head(card, panel, who)
        self._build_text()
        self._build_images(images)
        foot = self._build_foot(card, panel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 8)
        lay.setSpacing(8)
        lay.addLayout(head)
        if self.look.get("image_first"):
            lay.addWidget(self.images)
            lay.addWidget(self.text)
        else:
            lay.addWidget(self.text)
            lay.addWidget(self.images)
        lay.addLayout(foot)
        self._fill()

    def _build_head(self, card, panel: "NetworkPreviewPanel", who: str) -> QHBoxLayout:
        """The avatar, the author's name and network, and the part's number."""
        avatar = QLabel(initials(who))      # styled by the view's sheet (one for all cards)
        avatar.setObjectName("postAvatar")
        avatar.setProperty("network", card.network)
        avatar.setFixedSize(36, 36)
        avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(f"<b>{html.escape(who)}</b><br><span style='color:{QUIET_COLOR}'>"
                           f"{html.escape(panel.network_label(card.network))}</span>")
        self.name.setObjectName("postName")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(avatar, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.name, 1)
        self.number = None
        if card.numbering:
            self.number = QLabel(card.numbering)
            self.number.setObjectName("postNumber")
            head.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        return head

    def _build_text(self) -> None:
        """The post's text, as the network shows it."""
        self.text = QLabel()
        self.text.setObjectName("postText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse |
                                          Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.text.linkActivated.connect(self._link)
        self.expanded = False

    def _build_images(self, images: list) -> None:
        """The images: on Instagram the first at the card's width and the others as a strip
        below it; elsewhere two by two."""
        self.images = QWidget()
        self.images.setObjectName("postImages")
        carousel = bool(self.look.get("image_first"))
        grid = QGridLayout(self.images)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        strip = QHBoxLayout()
        strip.setSpacing(4)
        self.thumbs: list[QLabel] = []
        for k, (f, image) in enumerate(images):
            t = QLabel()
            t.setObjectName("postImage")
            t.setAlignment(Qt.AlignmentFlag.AlignCenter)
            alt = f.attachment.alt or self.tr("sans texte alternatif")
            if image is not None:
                t.setPixmap(QPixmap.fromImage(image))
                t.setToolTip(self.tr("{name} — {alt}").format(name=Path(f.attachment.target).name,
                                                               alt=alt))
            else:
                t.setText(typo(f.problem or "") or f.attachment.target)
                t.setWordWrap(True)
                side = (THUMB_SMALL if k else THUMB_WIDE) if carousel else THUMB
                t.setFixedSize(QSize(side, side * 2 // 3))
                t.setProperty("missing", True)
                t.setToolTip(typo(f.problem or ""))
            t.setAccessibleName(alt)
            if carousel and k:
                strip.addWidget(t)
            elif carousel:
                grid.addWidget(t, 0, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                grid.addWidget(t, k // 2, k % 2, Qt.AlignmentFlag.AlignLeft)
            self.thumbs.append(t)
        if carousel and len(images) > 1:
            strip.addStretch(1)
            grid.addLayout(strip, 1, 0)
        grid.setColumnStretch(1 if carousel else 2, 1)
        self.images.setVisible(bool(images))

    def _build_foot(self, card, panel: "NetworkPreviewPanel") -> QHBoxLayout:
        """The length counter and, for a thread's part, its « Copier » button."""
        self.counter = QLabel()
        self.counter.setObjectName("postCounter")
        self.counter.setTextFormat(Qt.TextFormat.RichText)
        foot = QHBoxLayout()
        foot.addWidget(self.counter, 1)
        self.copy_b = None
        if card.total > 1:
            self.copy_b = QPushButton(self.tr("Copier"))
            self.copy_b.setObjectName("postCopy")
            self.copy_b.setToolTip(self.tr("Copier la partie {i} sur {n} (son texte seul)")
                                   .format(i=card.index, n=card.total))
            self.copy_b.clicked.connect(lambda _=False, i=card.index: panel.copy_part(i))
            foot.addWidget(self.copy_b)
        return foot

    def _fill(self) -> None:
        c, p = self.card, self.panel
        name = self.who if self.look.get("name_in_caption") else None
        self.text.setText(card_html(c, self.look, self.expanded, self.tr("… plus"), name,
                                    p._truncated()))
        unit = self.tr("{count} / {limit} octets") if c.unit == "bytes" else \
            self.tr("{count} / {limit} caractères")
        color = OVER_COLOR if c.over_by else QUIET_COLOR
        weight = "bold" if c.over_by else "normal"
        self.counter.setText(f'<span style="color:{color};font-weight:{weight}">'
                             f"{html.escape(unit.format(count=_n(c.count), limit=_n(c.limit)))}"
                             "</span>")

    def _link(self, href: str) -> None:
        if href == "more":
            self.set_expanded(True)

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self.panel.expanded[(self.card.network, self.card.index)] = expanded
        self._fill()

    def shown_text(self) -> str:
        """The card's text as it is shown (up to « … plus », or all of it once expanded)."""
        return shown_text(self.card, self.expanded, self.tr("… plus"))


class CardsView(QScrollArea):
    """The network's cards, stacked on a feed-like background; or a message."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.box = QWidget()
        self.box.setObjectName("networkFeed")
        self.box.setStyleSheet(feed_style())   # once, before any card: never re-polished
        self.lay = QVBoxLayout(self.box)
        self.lay.setContentsMargins(8, 8, 8, 8)
        self.lay.setSpacing(8)
        self.message = QLabel()
        self.message.setObjectName("networkMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.more_b = QPushButton()
        self.more_b.setObjectName("networkMore")
        self.more_b.hide()
        self.lay.addWidget(self.more_b, 0, Qt.AlignmentFlag.AlignHCenter)
        self.lay.addWidget(self.message)
        self.lay.addStretch(1)
        self.setWidget(self.box)
        self.cards: list[PostCard] = []

    def clear(self) -> None:
        for c in self.cards:
            self.lay.removeWidget(c)
            c.hide()
            c.setParent(None)
            c.deleteLater()
        self.cards = []
        self.more_b.hide()
        self.message.setText("")
        self.message.hide()

    def setPlainText(self, text: str) -> None:
        self.clear()
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_cards(self, cards: list[PostCard]) -> None:
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self.add_cards(cards)
        finally:
            self.setUpdatesEnabled(True)

    def add_cards(self, cards: list[PostCard]) -> None:
        """Add cards after those shown (the next parts of a long thread)."""
        for c in cards:
            self.lay.insertWidget(len(self.cards), c)
            self.cards.append(c)

    def set_more(self, remaining: int) -> None:
        """The button that shows the next parts of a long thread (hidden when none are left)."""
        self.more_b.setText(self.tr("Afficher les parties suivantes ({n} de plus)").format(
            n=remaining))
        self.more_b.setVisible(remaining > 0)

    def toPlainText(self) -> str:
        """What the view shows, as plain text (name, text as folded, counter of each card)."""
        out = []
        for c in self.cards:
            out.append("\n".join(x for x in (c.who, c.card.numbering, c.shown_text(),
                                              c.counter.text() and _plain(c.counter.text())) if x))
        if self.message.isVisible() and self.message.text():
            out.append(self.message.text())
        return "\n\n".join(out)


def feed_style() -> str:
    """One style sheet for the feed and all its cards (a sheet per card, or a sheet changed
    once cards exist, costs milliseconds per card); the avatar's colour by network."""
    avatars = "".join(
        f'QFrame#postCard QLabel#postAvatar[network="{n}"] {{ background:{look["avatar"]}; }}'
        for n, look in LOOKS.items())
    return (
        "QWidget#networkFeed { background:#f0f2f5; }"
        "QFrame#postCard { background:#ffffff; border:1px solid #dfe3e8; border-radius:10px; }"
        "QFrame#postCard QLabel { background:transparent; border:none; color:#0f1419; }"
        f"QFrame#postCard QLabel#postAvatar {{ background:{DEFAULT_LOOK['avatar']}; "
        "color:#ffffff; border-radius:18px; font-weight:bold; }" + avatars +
        f"QFrame#postCard QLabel#postNumber {{ color:{QUIET_COLOR}; }}"
        'QFrame#postCard QLabel#postImage[missing="true"] { background:#eef1f4; '
        f"color:{QUIET_COLOR}; border-radius:6px; }}")


def _plain(rich: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(rich).toPlainText()


class NetworkPreviewPanel(QWidget):
    copied = Signal(str, str)       # network, text

    def __init__(self, main, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("networkPreview")
        self.main = main
        self.current = None
        self.cards: list = []           # the current preview's cards (editor.export.preview)
        self.expanded: dict[tuple[str, int], bool] = {}    # « … plus » clicked, per card
        self.networks: dict = {}
        self.error: str | None = None
        self._confirmed: str | None = None   # the text whose unreviewed copy was confirmed
        self.combo = QComboBox()
        self.combo.setObjectName("networkCombo")
        self.counter = QLabel()
        self.counter.setObjectName("networkCounter")
        self.state = QLabel()           # the post's review state: what may leave, and how
        self.state.setObjectName("networkState")
        self.view = CardsView()
        self.view.more_b.clicked.connect(self.show_more)
        self._who, self._images = "", {}
        self.info = QLabel()
        self.info.setObjectName("networkInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)   # quotes image names and alt texts
        self.copy_b = QPushButton()
        self.copy_b.setObjectName("networkCopy")
        self.export_b = QPushButton(self.tr("Exporter…"))
        self.export_b.setObjectName("networkExport")
        self.archive_b = QPushButton(self.tr("Exports précédents…"))
        self.archive_b.setObjectName("networkArchive")
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addWidget(self.combo, 1)
        top.addWidget(self.counter)
        row = QHBoxLayout()
        row.addWidget(self.copy_b)
        row.addWidget(self.export_b)
        row.addWidget(self.archive_b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.info)
        lay.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        self.combo.currentIndexChanged.connect(self.refresh)
        self.copy_b.clicked.connect(self.copy)
        # through the window: the export's gate runs before any dialog (main_window.export_post)
        self.export_b.clicked.connect(lambda: self.main.export_post())
        self.archive_b.clicked.connect(self.show_archive)
        self._loaded = False      # network profiles are read when first needed (quick start-up)
        # The preview (conversion, counts, thread splitting, cards, thumbnails) is built on a
        # worker; each request carries a revision and a result whose revision is no longer
        # current is dropped.
        self.revision = 0
        self.stale_dropped = 0
        self._runner: LatestJobRunner | None = None

    def set_state(self, review_state: str | None) -> None:
        """Show the post's review state (the window calls this whenever it changes)."""
        self.state.setText(labels.state_chip(review_state) if review_state else "")

    def network_label(self, name: str) -> str:
        p = self.networks.get(name)
        return p.label if p is not None else name

    # -- the review gate -----------------------------------------------------------------------
    def _release(self, text: str, copy: bool) -> tuple[bool, bool]:
        """May ``text`` leave the editor now? ``(go, approved)``.

        The approved text always may. In two-person mode nothing else may (refused with a French
        explanation); otherwise the user confirms an unreviewed copy or export first.
        """
        from editor.review.profile import load_profile
        from editor.review.session import ReviewSession

        w = self.main
        path = w.session.path
        approved, state = False, "draft"
        if path is not None:
            s = ReviewSession(path, reconcile=False)
            approved, state = s.approved_for_export(text), s.effective_state(text)
        if approved:
            return True, True
        profile, _ = load_profile()
        label = STATE_LABELS.get(state, state)
        if profile is not None and profile.mode == PAIR:
            title = self.tr("Copie refusée") if copy else self.tr("Export refusé")
            what = self.tr("copié") if copy else self.tr("exporté")
            w.prompter.error(title, self.tr(
                "La publication n’est pas approuvée (état\u00a0: {state}). En mode deux "
                "personnes, seul le texte approuvé peut être {what}\u00a0: soumettez-la, puis "
                "faites-la approuver par l’autre personne.").format(state=label, what=what))
            return False, False
        if copy:
            go = w.prompter.confirm(
                self.tr("Copier sans relecture\u00a0?"),
                self.tr("Cette publication n’est pas approuvée (état\u00a0: {state}).").format(
                    state=label),
                self.tr("Elle n’a pas été relue et approuvée. La copie sera notée dans "
                        "l’archive des exports."),
                self.tr("Copier sans relecture"))
        else:
            go = w.prompter.confirm(
                self.tr("Exporter sans relecture\u00a0?"),
                self.tr("Cette publication n’est pas approuvée (état\u00a0: {state}).").format(
                    state=label),
                self.tr("Le rapport de conformité indiquera qu’elle a été exportée sans "
                        "relecture."),
                self.tr("Exporter sans relecture"))
        return go, False

    def _load_networks(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        from editor.export.networks import NetworkError, load_networks

        try:
            self.networks = load_networks()
        except (NetworkError, OSError) as exc:
            self.networks = {}
            self.error = self.tr("Profils des réseaux illisibles\u00a0: {e}").format(e=exc)
        self._fill_combo([])

    def _fill_combo(self, first: list[str]) -> None:
        current = self.combo.currentData()
        order = [n for n in first if n in self.networks] + \
            sorted(n for n in self.networks if n not in first)
        self.combo.blockSignals(True)
        self.combo.clear()
        for n in order:
            self.combo.addItem(self.networks[n].label, n)
        i = self.combo.findData(current)
        self.combo.setCurrentIndex(i if i >= 0 else 0)
        self.combo.blockSignals(False)

    def set_network(self, name: str) -> None:
        self._load_networks()
        i = self.combo.findData(name)
        if i >= 0:
            self.combo.setCurrentIndex(i)
        self.refresh()

    def schedule(self) -> None:
        if self.isVisible():
            self.timer.start(min(1200, 250 + self.main.editor.document().characterCount() // 300))

    def post_opened(self) -> None:
        """A post was opened: its own networks first, the first of them shown."""
        self._load_networks()
        self.expanded.clear()
        first = [n for n in post_networks(self.main.editor.text()) if n in self.networks]
        self._fill_combo(first)
        if first:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(0)
            self.combo.blockSignals(False)
        if self.isVisible():
            self.refresh()

    # -- preview -------------------------------------------------------------------------------
    def _jobs(self) -> LatestJobRunner:
        if self._runner is None:     # the window's mode is known once it is built
            self._runner = LatestJobRunner(_preview_job, self,
                                           synchronous=getattr(self.main, "synchronous", False))
            self._runner.finished.connect(self._preview_ready)
        return self._runner

    @property
    def up_to_date(self) -> bool:
        """No preview pending: what is shown is the current text's (tests, status)."""
        return not self.timer.isActive() and not (self._runner and self._runner.busy)

    def _post_dir(self) -> Path | None:
        path = self.main.session.path
        return Path(path).parent if path is not None else None

    def _payload(self, name: str):
        return self.main.editor.text(), name, self._post_dir()

    def refresh(self) -> None:
        """Ask for the current network's preview (shown when the worker has built it)."""
        self.timer.stop()
        self._load_networks()
        self.revision += 1
        name = self.combo.currentData()
        if not name:
            self.view.setPlainText(self.error or "")
            self.copy_b.setEnabled(False)
            return
        self._jobs().submit(self.revision, self._payload(name))

    def _truncated(self) -> str:
        return self.tr("… (aperçu tronqué\u202f: texte très long)")

    def _preview_ready(self, revision: int, result) -> None:  # GUI thread
        if revision != self.revision:
            self.stale_dropped += 1     # the text or the network changed meanwhile
            return
        self._show(result)

    def _show(self, result) -> None:
        if isinstance(result, JobError):    # logged with its traceback by the worker
            self.current = None
            self.cards = []
            self.view.setPlainText(self.tr("Aperçu impossible\u00a0: {e}").format(e=result.exc))
            self.copy_b.setEnabled(False)
            return
        p, cs, who, images = result
        # The parts already shown stay shown while the text is edited.
        keep = len(self.view.cards) if self.current is not None and \
            self.current.network == p.network else 0
        self.current, self.cards = p, cs
        who = who or self.tr("Votre cabinet")
        self.copy_b.setText(self.tr("Copier pour {network}").format(network=p.label))
        self.copy_b.setToolTip(self.tr("Copier tout le texte pour {network}").format(
            network=p.label) if len(cs) == 1 else self.tr(
            "Copier les {n} parties du fil, séparées par une ligne de tirets").format(n=len(cs)))
        self.copy_b.setEnabled(True)
        # A thread (X, Threads) goes out as parts that must each fit: count the longest one.
        over_by = max(c.over_by for c in cs) if len(cs) > 1 else p.over_by
        color = OVER_COLOR if over_by else "#2b7a3d"
        if len(cs) > 1:
            shown = self.tr("{n} parties, la plus longue {c}\u202f/\u202f{limit}").format(
                n=len(cs), c=_n(max(c.count for c in cs)), limit=_n(p.limit))
        else:
            shown = f"{_n(p.count)}\u202f/\u202f{_n(p.limit)}"
        self.counter.setText(f'<span style="color:{color}">{shown}</span>')
        self.counter.setToolTip(p.method)
        self._who, self._images = who, images
        self.view.set_cards(self._build(cs[:max(BATCH, keep)]))
        self.view.set_more(len(cs) - len(self.view.cards))
        info = []
        if over_by:
            info.append(self.tr("{n} de trop pour {network}.").format(n=_n(over_by),
                                                                      network=p.label))
        if len(cs) > 1:
            info.append(self.tr("Exporté en fil de {n} messages numérotés.").format(n=len(cs)))
        info.extend(typo(n.message) for n in p.notes[:20])
        self.info.setText("\n".join(info))
        self.info.setVisible(bool(info))

    def _build(self, cs) -> list[PostCard]:
        widgets = []
        for c in cs:
            card = PostCard(self, c, self._who, self._images.get(c.index, []))
            if self.expanded.get((c.network, c.index)):
                card.expanded = True
                card._fill()
            widgets.append(card)
        return widgets

    def show_more(self) -> None:
        """Show the next parts of a long thread (each with its own « Copier »)."""
        shown = len(self.view.cards)
        self.view.add_cards(self._build(self.cards[shown:shown + BATCH]))
        self.view.set_more(len(self.cards) - len(self.view.cards))

    def preview_text(self) -> str:
        """The preview as plain text: each card's text as shown (folded with « … plus » until
        clicked), the cards of a thread separated by a blank line (tests, accessibility)."""
        return "\n\n".join(c.shown_text() for c in self.view.cards)

    def card_widgets(self) -> list[PostCard]:
        return list(self.view.cards)

    # -- clipboard ------------------------------------------------------------------------------
    def fill_copy_menu(self, menu) -> None:
        """« Copier pour Instagram », « Copier pour LinkedIn »… one action per network."""
        self._load_networks()
        menu.clear()
        for i in range(self.combo.count()):
            name = self.combo.itemData(i)
            a = menu.addAction(
                self.tr("Copier pour {network}").format(network=self.combo.itemText(i)))
            a.triggered.connect(lambda _=False, n=name: self.copy_for(n))

    def copy_for(self, name: str) -> bool:
        self.set_network(name)
        return self.copy()

    def copy(self, part: int | None = None):
        """Copy the current text for the network shown (``part``: only that part of the thread,
        1-based), converted on a worker.

        Returns whether it was copied when it ran at once (synchronous window), else None (the
        clipboard is filled when the conversion ends).
        """
        self._load_networks()
        name = self.combo.currentData()
        if not name:
            return False
        text = self.main.editor.text()
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        # One confirmation covers the parts of one version of the text (each copy is recorded).
        if part is None or self._confirmed != digest:
            go, approved = self._release(text, copy=True)
            if not go:
                return False
            self._confirmed = digest if part is not None and not approved else None
        self.revision += 1          # a preview still running for an older text is dropped
        revision = self.revision
        payload = (text, name, self._post_dir())
        return self.main.jobs.run(lambda: _preview_job(payload),
                                  lambda result: self._copy_ready(result, text, revision, part))

    def copy_part(self, index: int):
        """« Copier » of a thread's card: exactly that part's text (its number included)."""
        return self.copy(part=index)

    def _copy_ready(self, result, text: str, revision: int, part: int | None = None) -> bool:
        cur = self.current                   # GUI thread
        if revision == self.revision and (isinstance(result, JobError) or cur is None or (
                cur.network, cur.text) != (result[0].network, result[0].text)):
            self._show(result)               # the text changed: the preview is brought up to date
        if isinstance(result, JobError):
            return False
        p, cs = result[0], result[1]
        if part is not None:
            if not 1 <= part <= len(cs):     # the text changed: the thread has fewer parts now
                self.main.statusBar().showMessage(self.tr(
                    "Cette partie n’existe plus\u00a0: le fil compte maintenant {n} partie(s)."
                ).format(n=len(cs)), 5000)
                return False
            copied = cs[part - 1].text
        else:
            copied = p.clipboard_text
        QGuiApplication.clipboard().setText(copied)
        path = self.main.session.path
        if path is not None:
            try:
                from editor.export.archive import find_workspace, record_copy

                record_copy(find_workspace(path), str(path), text, p.network, copied)
            except OSError:
                # The copy itself worked; the archive is a record, not a precondition.
                log.warning("copy for %s not recorded in the export archive", p.network,
                            exc_info=True)
        if part is not None:
            message = self.tr("Partie {i}/{n} copiée pour {network}.").format(
                i=part, n=len(cs), network=p.label)
        else:
            message = self.tr("Texte copié pour {network}.").format(network=p.label)
        self.main.statusBar().showMessage(message, 5000)
        self.copied.emit(p.network, copied)
        return True

    def show_archive(self) -> None:
        path = self.main.session.path
        if path is None:
            return
        from editor.ui.exports_dialog import ExportsDialog

        ExportsDialog(path, self).exec()

    # -- export ------------------------------------------------------------------------------------
    def export(self, out: str | None = None):
        """Run the export (with its gate) into ``out`` (asked when None), as a worker job; returns
        its result when it ran at once (synchronous window), else None (shown when it ends)."""
        w = self.main
        if w.session.path is None or w.session.modified:
            if not w.save():
                return None
        path = w.session.path
        go, approved = self._release(w.editor.text(), copy=False)
        if not go:
            return None
        if out is None:
            # A dedicated <workspace>/exports folder, never the post's own folder.
            from editor.export.archive import find_workspace
            from editor.export.exporter import default_export_folder

            base = w.workspace or find_workspace(path)
            try:
                start = default_export_folder(base)
            except OSError:
                start = base     # read-only workspace: the user picks a folder elsewhere
            out = w.prompter.export_folder(str(start))
            if not out:
                return None
        self._load_networks()
        wanted = post_networks(w.editor.text())
        targets = [n for n in wanted if n in self.networks] or \
            ([self.combo.currentData()] if self.combo.currentData() else [])
        from editor.export.exporter import export_posts

        # On a worker: the export checks the post with the engine, whose lock a running check
        # holds; the GUI thread never waits for it. The button waits for the outcome.
        self.export_b.setEnabled(False)
        return w.jobs.run(
            lambda: w.holder.with_engine(
                lambda engine: export_posts([str(path)], targets, Path(out), engine,
                                            allow_unreviewed=not approved)),
            lambda result: self._exported(result, path, targets, out))

    def _exported(self, result, path, targets, out):
        """The export's outcome, on the GUI thread; returns the result (None: it failed)."""
        w = self.main
        self.export_b.setEnabled(True)
        if isinstance(result, JobError):     # logged with its traceback by the worker
            w.prompter.error(self.tr("Export impossible"), str(result.exc))
            return None
        if result.refused:
            # one line per problem (an item: its passage once, its reasons), in plain words
            lines = [f"• {pr.french}" if pr.finding is not None else f"• {typo(pr.french)}"
                     for pr in result.refused]     # a quoted passage stays as written
            problems = sum(1 for pr in result.refused if pr.finding is not None)
            head = self.tr("Export refusé\u00a0: {n} problème(s) à corriger ou à accepter "
                           "lors de la relecture. Rien n'a été écrit.").format(n=problems) \
                if problems else \
                self.tr("Export refusé\u00a0: la publication n’est pas approuvée. Rien n'a été "
                        "écrit.")
            w.prompter.error(self.tr("Export refusé"), head + "\n" + "\n".join(lines))
        elif result.problems:
            w.prompter.error(self.tr("Export impossible"), "\n".join(
                f"• {typo(pr.french)}" for pr in result.problems))
        else:
            folder = result.posts[0].folder if result.posts else Path(out)
            reviewed = all(pe.report.get("review", {}).get("approved") for pe in result.posts)
            done = self.tr("Exporté dans {f} ({nets}).") if reviewed else \
                self.tr("Exporté dans {f} ({nets}), sans relecture.")
            message = done.format(f=str(folder), nets=", ".join(targets))
            w.statusBar().showMessage(message, 10000)
            w.review_panel.set_post(path)     # the journal now says « exporté »
            w.check_now()
            if result.archive_error is not None:   # the export stands; the record is missing
                w.prompter.error(self.tr("Archive des exports non écrite"),
                                 typo(result.archive_error.french))
            elif w.prompter.exported(message):
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        return result
