"""The queue of posts waiting for review in a folder (state « à relire », effective).

``review_queue(paths) -> list[QueueItem]`` for every post below ``paths``; never raises. The state
is effective: an approved post whose text changed is « à relire ».
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.review.model import STATE_LABELS


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
