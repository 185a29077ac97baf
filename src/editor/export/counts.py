"""The counts the editor's status bar shows: words and characters of the post's body, and for each
network named in its front matter the length of the text the export would send, as that network
counts it, against its limit (no Qt).

One counting serves every place: a network's count is
:func:`editor.export.preview.converted_count`, the same conversion (links, Markdown, emoji) and
the same counting (:mod:`editor.export.counting`) as the per-network preview and the export.

Converting a long post takes a while (about 0.1 s per network for 20,000 words): call
:func:`count_post` off the GUI thread, once per pause in typing. The last result is remembered,
so asking again for the same text (after a review decision, a save) costs nothing.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

from editor.document.post import parse_front_matter

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class NetworkCount:
    network: str          # profile name (``instagram``)
    label: str            # shown name (« Instagram »)
    used: int             # as the network counts the converted text
    limit: int

    @property
    def over(self) -> bool:
        return self.used > self.limit

    @property
    def ratio(self) -> float:
        return self.used / self.limit if self.limit else 0.0


@dataclass(frozen=True)
class Counts:
    words: int
    chars: int
    networks: tuple[NetworkCount, ...] = ()
    unknown_networks: tuple[str, ...] = ()    # names in the front matter with no profile
    error: str | None = None                  # French: why no network could be counted


def post_body(source: str) -> tuple[str, list[str]]:
    """The text that will be published (front matter removed) and the networks its front matter
    names, as written."""
    fm = parse_front_matter(source)
    body = source[fm.end:].strip() if fm.end else source.strip()
    nets = fm.data.get("networks") if fm.data else None
    if isinstance(nets, str):
        nets = [n.strip() for n in nets.split(",")]
    return body, [str(n) for n in nets if str(n).strip()] if isinstance(nets, list) else []


_last: tuple[str, Counts] | None = None
_lock = threading.Lock()


def count_post(source: str) -> Counts:
    """Words, characters and per-network counts of the post ``source`` (see the module)."""
    global _last
    with _lock:
        if _last is not None and _last[0] == source:
            return _last[1]
    body, names = post_body(source)
    words, chars = len(_WORD.findall(body)), len(body)
    found: list[NetworkCount] = []
    unknown: list[str] = []
    error = None
    try:
        from editor.export.networks import load_networks
        from editor.export.preview import converted_count

        profiles = load_networks()
        for name in dict.fromkeys(names):
            p = profiles.get(name.strip().lower())
            if p is None:
                unknown.append(name)
                continue
            used, limit = converted_count(source, p)
            found.append(NetworkCount(p.name, p.label, used, limit))
    except Exception as exc:  # noqa: BLE001 - broken profiles: words still counted, said so
        log.error("network counts unavailable: %s", exc, exc_info=True)
        error = f"Comptage par réseau impossible\u202f: {exc}"
        found, unknown = [], []
    out = Counts(words, chars, tuple(found), tuple(unknown), error)
    with _lock:
        _last = (source, out)
    return out
