"""« À relire »: the reviewer's home view, the posts of the workspace waiting for review.

Each post is shown by its title, with who sent it and when, in plain French (« envoyé par
Dr Claire Martin, hier à 18 h 12 »), and how many problems are still open in it. Double-click or
Entrée opens the post; Échap goes back to the text. Which posts wait, who sent them and when come
from :func:`editor.review.queue.waiting_posts` (no Qt); the open problems are counted on a worker
(each waiting post is checked, the review's accepted findings not counted).
"""
from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.review.queue import WaitingPost, waiting_posts, when
from editor.ui.richtext import plain_tooltip
from editor.ui.workers import JobError, LatestJobRunner

log = logging.getLogger(__name__)

translate = QCoreApplication.translate     # lupdate collects translate("HomeView", "…")

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 2      # the row's text (its widget shows it)
MUTED, BLOCKING, PROBLEM = "#666666", "#d0312d", "#b35c00"


def _locale() -> QLocale:
    """Weekday and month names in the interface's language."""
    app = QCoreApplication.instance()
    lang = app.property("tact_language") if app is not None else None
    return QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.French)


def format_time(local) -> str:
    """« 18 h 12 » (« 18:12 » in English)."""
    return translate("HomeView", "{h}\u00a0h\u00a0{m}").format(h=local.hour,
                                                            m=f"{local.minute:02d}")


def format_when(iso: str, now=None) -> str:
    """When, as a person says it: « aujourd’hui à 9 h 05 », « hier à 18 h 12 », « lundi à
    8 h 30 », « le 3 novembre à 11 h 40 », « le 3 novembre 2025 ». "" for an unknown time."""
    w = when(iso, now)
    if w is None:
        return ""
    t = format_time(w.local)
    kind = w.kind
    if kind == "today":
        return translate("HomeView", "aujourd’hui à {time}").format(time=t)
    if kind == "yesterday":
        return translate("HomeView", "hier à {time}").format(time=t)
    loc = _locale()
    if kind == "week":
        return translate("HomeView", "{weekday} à {time}").format(
            weekday=loc.dayName(w.local.isoweekday(), QLocale.FormatType.LongFormat), time=t)
    day = translate("HomeView", "1er") if w.local.day == 1 else str(w.local.day)
    month = loc.monthName(w.local.month, QLocale.FormatType.LongFormat)
    if kind == "year":
        return translate("HomeView", "le {day} {month} à {time}").format(
            day=day, month=month, time=t)
    return translate("HomeView", "le {day} {month} {year}").format(
        day=day, month=month, year=w.local.year)


def sent_line(post: WaitingPost, me: str = "", now=None) -> str:
    """« envoyé par Dr Claire Martin, hier à 18 h 12 » (« par vous » when ``me`` sent it)."""
    at = format_when(post.sent_at, now)
    mine = bool(post.sent_by) and not post.sent_by_someone_else(me)
    if post.action == "edited":
        if mine:
            line = translate("HomeView", "modifié par vous après approbation")
        elif post.sent_by:
            line = translate("HomeView", "modifié par {who} après approbation").format(
                who=post.sent_by)
        else:
            line = translate("HomeView", "modifié après approbation")
    elif mine:
        line = translate("HomeView", "envoyé par vous")
    elif post.sent_by:
        line = translate("HomeView", "envoyé par {who}").format(who=post.sent_by)
    else:
        line = translate("HomeView", "envoyé pour relecture")
    return translate("HomeView", "{what}, {when}").format(what=line, when=at) if at else line


def items_line(post: WaitingPost) -> str:
    """« 3 points à examiner, dont 1 bloquant » (errors and warnings not accepted)."""
    n = post.open_items
    if n is None:
        return ""
    if n == 0:
        return translate("HomeView", "aucun point ouvert")
    text = translate("HomeView", "1 point à examiner") if n == 1 else \
        translate("HomeView", "{n} points à examiner").format(n=n)
    if post.errors:
        text += translate("HomeView", ", dont 1 bloquant") if post.errors == 1 else \
            translate("HomeView", ", dont {n} bloquants").format(n=post.errors)
    return text


def comments_line(post: WaitingPost) -> str:
    n = post.open_comments
    if not n:
        return ""
    return translate("HomeView", "1 commentaire ouvert") if n == 1 else \
        translate("HomeView", "{n} commentaires ouverts").format(n=n)


def problem_line(post: WaitingPost) -> str:
    """What stands in the way, in plain words (the details are in the row's tooltip)."""
    if post.review_damaged:
        return translate("HomeView", "historique de relecture endommagé")
    if post.check_failed:
        return translate("HomeView", "vérification impossible")
    return ""


def _waiting_job(payload):
    folder, check = payload
    posts, errors = waiting_posts([str(folder)], check)
    return posts, errors, check is not None


class PostRow(QWidget):
    """One waiting post: its title, then who sent it and when, and what is still open."""

    def __init__(self, post: WaitingPost, me: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("homeRow")
        self.title = QLabel(f"<b>{html.escape(post.title)}</b>")
        self.title.setObjectName("homeRowTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        mine = bool(post.sent_by) and not post.sent_by_someone_else(me)
        sent = sent_line(post, me)
        if mine:
            sent += translate("HomeView", " (en attente de l’autre personne)")
        items, comments = items_line(post), comments_line(post)
        color = BLOCKING if post.errors else PROBLEM if post.open_items else MUTED
        shown = [(text, c) for text, c in ((sent, MUTED), (items, color), (comments, MUTED),
                                           (problem_line(post), PROBLEM)) if text]
        self.detail = QLabel(" · ".join(f'<span style="color:{c}">{html.escape(text)}</span>'
                                        for text, c in shown))
        self.detail.setObjectName("homeRowDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        # clicks and double-clicks go to the list (selection, opening)
        for w in (self, self.title, self.detail):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.detail)
        self.plain = post.title + "\n" + " · ".join(text for text, _c in shown)


class HomeView(QWidget):
    """The list of the posts « à relire » of the workspace (a page of the window's centre)."""
    postActivated = Signal(str)
    backRequested = Signal()
    changed = Signal(int)           # how many posts wait for the current person

    def __init__(self, check=None, parent=None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("homeView")
        self.check = check              # check(text, base_dir) -> analysis, on a worker
        self.may_check = lambda: True   # the window says when checking may start
        self.folder: Path | None = None
        self.me = ""
        self.posts: list[WaitingPost] = []
        self.errors: list[tuple[str, str]] = []
        self.counted = False            # the open problems are counted
        self._generation = 0
        self._dirty = False
        self.runner = LatestJobRunner(_waiting_job, self, synchronous=synchronous)
        self.runner.finished.connect(self._ready)
        self._build_labels()
        self._build_list()
        self._lay_out(self._build_buttons())
        self._show_posts()

    def _build_labels(self) -> None:
        """The heading « À relire », the summary line and the empty-list message."""
        self.heading = QLabel(self.tr("À relire"))
        self.heading.setObjectName("homeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("homeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel()
        self.empty.setObjectName("homeEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color:{MUTED}")

    def _build_list(self) -> None:
        """The list of the waiting posts (a row each; Enter or a double click opens it)."""
        self.list = QListWidget()
        self.list.setObjectName("homeList")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # a light selection: the row's own labels stay readable on it
        self.list.setStyleSheet("QListWidget#homeList::item:selected{background:#dce8f7}"
                                "QListWidget#homeList::item{border-bottom:1px solid #e4e4e4}")
        self.list.itemActivated.connect(self._activated)

    def _build_buttons(self) -> QHBoxLayout:
        """« Ouvrir », « Actualiser » and « Retour au texte »."""
        self.open_b = QPushButton(self.tr("Ouvrir"))
        self.open_b.setObjectName("homeOpen")
        self.open_b.setToolTip(self.tr("Ouvrir la publication choisie (Entrée ou double-clic)"))
        self.open_b.clicked.connect(self.open_current)
        self.refresh_b = QPushButton(self.tr("Actualiser"))
        self.refresh_b.setObjectName("homeRefresh")
        self.refresh_b.clicked.connect(lambda: self.refresh())
        self.back_b = QPushButton(self.tr("Retour au texte"))
        self.back_b.setObjectName("homeBack")
        self.back_b.setToolTip(self.tr("Revenir à la publication ouverte (Échap)"))
        self.back_b.clicked.connect(self.backRequested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_b)
        buttons.addWidget(self.refresh_b)
        buttons.addStretch(1)
        buttons.addWidget(self.back_b)
        return buttons

    def _lay_out(self, buttons: QHBoxLayout) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addWidget(self.heading)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.empty, 1)
        lay.addLayout(buttons)

    # -- data -------------------------------------------------------------------------------------
    def set_folder(self, folder: Path | None, me: str = "") -> None:
        self.folder = Path(folder) if folder else None
        self.me = me
        self.posts, self.errors, self.counted = [], [], False
        self._generation += 1
        self._show_posts()

    def load_now(self) -> list[WaitingPost]:
        """Which posts wait, who sent them and when, read at once (review files only, no
        check: cheap); the open problems follow from :meth:`refresh`."""
        if self.folder is None:
            self.set_posts([], [])
            return []
        try:
            posts, errors = waiting_posts([str(self.folder)])
        except Exception:  # noqa: BLE001 - the view stays usable; logged
            log.exception("%s: posts waiting for review not read", self.folder)
            posts, errors = [], []
        self._generation += 1       # a count still running for an older list is dropped
        self.set_posts(posts, errors, counted=False)
        return posts

    def refresh(self, me: str | None = None) -> None:
        """Read the waiting posts again (on a worker); their open problems are counted too
        while the view is on screen (the tool bar's count needs the review files only)."""
        if me is not None:
            self.me = me
        if self.folder is None:
            self.set_posts([], [])
            return
        self._generation += 1
        if not self.posts:
            self.summary.setText(self.tr("Recherche des publications à relire…"))
        counting = self.check is not None and self.isVisible() and self.may_check()
        self.runner.submit(self._generation, (self.folder, self.check if counting else None))

    def _ready(self, generation: int, result) -> None:
        if generation != self._generation:
            return                      # another folder, or a newer request
        if isinstance(result, JobError):    # logged by the worker
            self.summary.setText(self.tr(
                "Liste des publications à relire impossible à lire\u202f: {e}").format(
                e=result.exc))
            return
        posts, errors, counted = result
        self.set_posts(posts, errors, counted=counted)

    def set_posts(self, posts: list[WaitingPost], errors: list[tuple[str, str]] | None = None,
                  counted: bool = True) -> None:
        self.posts = list(posts)
        self.errors = list(errors or [])
        self.counted = counted
        self._show_posts()
        self.changed.emit(len(self.waiting_for_me()))

    def waiting_for_me(self) -> list[WaitingPost]:
        """The posts someone else sent: the ones the current person has to review."""
        return [p for p in self.posts if p.sent_by_someone_else(self.me)]

    # -- display ----------------------------------------------------------------------------------
    def showEvent(self, e) -> None:  # noqa: N802
        """On screen: the rows are built, then read again with their open problems."""
        super().showEvent(e)
        if self._dirty:
            self._show_posts()
        self.refresh()

    def _show_posts(self) -> None:
        """Fill the list (its rows are widgets: built only when the view is on screen)."""
        self._dirty = not self.isVisible()
        self._summarise()
        if self._dirty:
            return
        current = self.current_path()
        self.list.clear()
        mine = [p for p in self.posts if not p.sent_by_someone_else(self.me)]
        # Those to review first (most recently sent first), then those waiting for the other person
        for post in self.waiting_for_me() + mine:
            row = PostRow(post, self.me)
            it = QListWidgetItem()
            it.setData(PATH_ROLE, str(post.path))
            it.setData(PLAIN_ROLE, row.plain)
            it.setData(Qt.ItemDataRole.AccessibleTextRole, row.plain)
            it.setToolTip(plain_tooltip(self._tooltip(post)))
            self.list.addItem(it)
            self.list.setItemWidget(it, row)
            it.setSizeHint(row.sizeHint())
            if str(post.path) == current:
                self.list.setCurrentItem(it)
        if self.list.count() and self.list.currentItem() is None:
            self.list.setCurrentRow(0)

    def _summarise(self) -> None:
        mine = [p for p in self.posts if not p.sent_by_someone_else(self.me)]
        n = len(self.waiting_for_me())
        if self.folder is None:
            summary = self.tr("Aucun espace de travail ouvert.")
        elif n == 0:
            summary = self.tr("Aucune publication n’attend votre relecture.")
        elif n == 1:
            summary = self.tr("1 publication attend votre relecture.")
        else:
            summary = self.tr("{n} publications attendent votre relecture.").format(n=n)
        if len(mine):
            summary += " " + (self.tr("1 autre, envoyée par vous, attend l’autre personne.")
                              if len(mine) == 1 else
                              self.tr("{n} autres, envoyées par vous, attendent l’autre "
                                      "personne.").format(n=len(mine)))
        if self.errors:
            summary += " " + self.tr("{n} fichier(s) illisible(s).").format(n=len(self.errors))
        self.summary.setText(summary)
        self.empty.setText(self.tr("Rien à relire pour l’instant. Les publications soumises à "
                                   "relecture apparaîtront ici, avec qui les a envoyées et "
                                   "quand."))
        has = bool(self.posts)
        self.list.setVisible(has)
        self.empty.setVisible(not has)
        self.open_b.setEnabled(has)

    def _tooltip(self, post: WaitingPost) -> str:
        lines = [post.title, post.path.name]
        if post.sent_by and post.sent_role:
            lines.append(f"{post.sent_by}, {post.sent_role}")
        if post.error:
            lines.append(post.error)
        return "\n".join(lines)

    def rows(self) -> list[str]:
        """What each line shows, as plain text (title, then the details), in order."""
        return [self.list.item(i).data(PLAIN_ROLE) for i in range(self.list.count())]

    def current_path(self) -> str | None:
        it = self.list.currentItem()
        return it.data(PATH_ROLE) if it is not None else None

    # -- opening ----------------------------------------------------------------------------------
    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.postActivated.emit(path)

    def open_current(self) -> None:
        it = self.list.currentItem()
        if it is not None:
            self._activated(it)

    def focus_list(self) -> None:
        (self.list if self.posts else self.refresh_b).setFocus()

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Escape:
            self.backRequested.emit()
            e.accept()
            return
        super().keyPressEvent(e)
