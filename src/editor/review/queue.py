"""The queue of posts waiting for review in a folder (state « à relire », effective).

``review_queue(paths) -> list[QueueItem]`` for every post below ``paths``; never raises. The state
is effective: an approved post whose text changed is « à relire ».

The reviewer's home view (« À relire ») lists :func:`waiting_posts`: each post by its title,
who sent it and when (:func:`when` tells « today », « yesterday »… in local calendar days), its
open items and open comments.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor.review.model import STATE_LABELS

log = logging.getLogger(__name__)


@dataclass
class QueueItem:
    shown: str
    path: Path
    state: str
    label: str
    last_by: str = ""
    last_at: str = ""
    error: str | None = None


def post_states(paths: list[str]) -> tuple[list[QueueItem], list[tuple[str, str]]]:
    from editor.compliance.service import collect_posts
    from editor.document.post import PostError, read_text
    from editor.review.session import ReviewSession

    files, errors = collect_posts(paths)
    items = []
    for shown, p in files:
        try:
            text = read_text(p)
        except PostError as exc:
            errors.append((shown, str(exc)))
            continue
        s = ReviewSession(p)
        state = s.effective_state(text)
        last = s.state.last_transition
        items.append(QueueItem(shown, p, state, STATE_LABELS[state], last.by if last else "",
                               last.at if last else "", s.error))
    return items, errors


def review_queue(paths: list[str]) -> list[QueueItem]:
    items, _ = post_states(paths)
    return [i for i in items if i.state == "review"]


# ---- the reviewer's home: posts waiting for review, with who sent them and when --------------

@dataclass
class WaitingPost:
    """A post « à relire »: what the reviewer's home view lists (no Qt; see
    :func:`waiting_posts`)."""
    path: Path
    shown: str                  # the path as found below the folder
    title: str                  # the front matter's title, else the first heading, else the stem
    sent_by: str = ""           # who submitted this version ("" when unknown)
    sent_role: str = ""
    sent_at: str = ""           # ISO 8601 UTC (the journal's clock), or the file's time
    action: str = "submit"      # "submit", or "edited": an approved text changed since
    open_comments: int = 0      # comments nobody resolved yet
    errors: int | None = None   # open items (not accepted) by severity; None when not checked
    warnings: int | None = None
    error: str | None = None    # the details (French): the review file, or the check
    review_damaged: bool = False    # the review file is damaged (its decisions do not count)
    check_failed: bool = False      # the open problems could not be counted

    @property
    def open_items(self) -> int | None:
        """Problems still to look at (errors and warnings not accepted), or None unchecked."""
        return None if self.errors is None else self.errors + (self.warnings or 0)

    def sent_by_someone_else(self, name: str) -> bool:
        """Is it waiting for ``name`` (someone other than the person who sent it)?"""
        from editor.review.people import same_person

        return not (self.sent_by and name and same_person(self.sent_by, name))


MAX_TITLE = 200


def post_title(path: Path, text: str) -> str:
    """The title a person knows the post by: front matter ``title:``, else the first ``#``
    heading of the body, else the file name without ``.md``."""
    import re

    from editor.document.post import parse_front_matter

    title = ""
    try:
        fm = parse_front_matter(text)
        title = (fm.title or "").strip()
        start = fm.end
    except Exception:  # noqa: BLE001 - a title is a convenience; logged, the stem stands in
        log.warning("%s: front matter unreadable for the title", path, exc_info=True)
        start = 0
    if not title:
        for m in re.finditer(r"^#[ \t]+(.*)$", text[start:], re.MULTILINE):
            title = m.group(1).rstrip(" \t#").strip()
            if title:
                break
    title = " ".join(title.split()) or path.stem
    return title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1] + "…"


def _file_time(path: Path) -> str:
    from datetime import datetime, timezone

    try:
        t = path.stat().st_mtime
    except OSError:
        return ""
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def waiting_post(path: Path, text: str, shown: str | None = None, check=None) -> WaitingPost | None:
    """``path`` as a :class:`WaitingPost` when its effective review state is « à relire », else
    None. ``check(text, base_dir) -> analysis`` (optional) counts its open items: the review's
    accepted findings are not open. Never raises for a bad review file or a failed check: the
    post is listed with its ``error``."""
    from editor.review import journal_path
    from editor.review.session import ReviewSession

    if not journal_path(path).exists():
        return None                     # never submitted: a draft
    s = ReviewSession(path, reconcile=False)
    state = s.effective_state(text)
    if state != "review":
        return None
    w = WaitingPost(path, shown or str(path), post_title(path, text), error=s.error,
                    review_damaged=bool(s.error))
    st = s.state
    last = next((t for t in reversed(st.transitions) if t.to_state == "review"), None)
    if st.state == "review" and last is not None:
        w.sent_by, w.sent_role, w.sent_at = last.by, last.role, last.at
        w.action = "edited" if last.action == "edited" else "submit"
    else:   # approved or exported, and the text changed since (not recorded yet)
        w.action = "edited"
        w.sent_at = _file_time(path)
    w.open_comments = sum(1 for c in st.comments.values() if not c.resolved)
    if check is not None:
        try:
            from editor.review.items import item_counts
            from editor.review.waivers import review_acceptance

            findings = check(text, path.parent).findings
            accepted, _warnings = review_acceptance(path, findings)
            counts = item_counts(findings, accepted)
            w.errors, w.warnings = counts.error, counts.warning
        except Exception as exc:  # noqa: BLE001 - one post never stops the list; logged, shown
            log.exception("%s: check failed while listing the posts to review", path)
            w.check_failed = True
            w.error = w.error or f"vérification impossible ({type(exc).__name__})"
    return w


def waiting_posts(paths: list[str], check=None) -> tuple[list[WaitingPost], list[tuple[str, str]]]:
    """The posts « à relire » below ``paths`` (most recently sent first) and the files that could
    not be read ``(shown, message)``. Posts without a review file (drafts) cost one ``stat``."""
    from editor.compliance.service import collect_posts
    from editor.document.post import PostError, read_text
    from editor.review import journal_path

    files, errors = collect_posts(paths)
    out = []
    for shown, p in files:
        if not journal_path(p).exists():
            continue                    # never submitted: a draft (its text is not read)
        try:
            text = read_text(p)
        except PostError as exc:
            errors.append((shown, str(exc)))
            continue
        try:
            w = waiting_post(p, text, shown, check)
        except Exception as exc:  # noqa: BLE001 - one post never stops the list; logged
            log.exception("%s: review state unreadable", p)
            errors.append((shown, str(exc)))
            continue
        if w is not None:
            out.append(w)
    out.sort(key=lambda w: (w.sent_at, w.title), reverse=True)
    return out, errors


# ---- « hier à 18 h 12 »: how long ago, in calendar days of the local time zone -------------

@dataclass
class When:
    """A moment as a person reads it: ``local`` time, ``days`` ago in calendar days (0 today,
    1 yesterday; negative in the future, e.g. another machine's clock) and whether it is in
    the current year."""
    local: datetime
    days: int
    this_year: bool = True

    @property
    def kind(self) -> str:
        """``today``, ``yesterday``, ``week`` (2 to 6 days ago: the weekday is enough),
        ``year`` (earlier this year: day and month), ``older`` (day, month and year; also a
        time in the future)."""
        if self.days == 0:
            return "today"
        if self.days == 1:
            return "yesterday"
        if 2 <= self.days <= 6:
            return "week"
        return "year" if self.days > 0 and self.this_year else "older"


def when(iso: str, now: datetime | None = None) -> When | None:
    """``2026-12-05T17:12:00Z`` → its local time and how many calendar days ago (``now``: an
    aware datetime, default the present, whose time zone is the local one). None for an empty
    or unreadable time."""
    from datetime import timezone

    if not iso:
        return None
    try:
        t = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:        # a naive time is taken as UTC, as the journal writes them
        t = t.replace(tzinfo=timezone.utc)
    now = (now or datetime.now().astimezone())
    if now.tzinfo is None:
        now = now.astimezone()
    local = t.astimezone(now.tzinfo)
    return When(local, (now.date() - local.date()).days, local.year == now.year)
