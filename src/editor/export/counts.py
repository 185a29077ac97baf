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
    parts: int = 1        # posts the export sends: more than one for a thread (X, Threads)
    longest: int = -1     # the longest part's count (-1: ``used``, a single post)

    @property
    def thread(self) -> bool:
        return self.parts > 1

    @property
    def biggest(self) -> int:
        """What must fit the limit: the post, or the longest part of a thread."""
        return self.used if self.longest < 0 else self.longest

    @property
    def over(self) -> bool:
        return self.biggest > self.limit

    @property
    def over_by(self) -> int:
        return max(0, self.biggest - self.limit)

    @property
    def ratio(self) -> float:
        return self.biggest / self.limit if self.limit else 0.0


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


def network_count(source: str, profile) -> NetworkCount:
    """The count of ``source`` for ``profile`` (a :class:`~editor.export.networks.NetworkProfile`)
    as the export sends it: a text over the limit of a network with threads goes out as a
    numbered thread (:func:`editor.export.thread.split_thread`), each part counted on its own."""
    from editor.export.convert import convert
    from editor.export.counting import count
    from editor.export.thread import split_thread

    text = convert(source, profile).text
    used = count(text, profile)
    if used <= profile.text_limit or not profile.thread:
        return NetworkCount(profile.name, profile.label, used, profile.text_limit)
    parts = split_thread(text, profile)
    longest = max(count(part, profile) for part in parts)
    return NetworkCount(profile.name, profile.label, used, profile.text_limit, len(parts), longest)


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

        profiles = load_networks()
        for name in dict.fromkeys(names):
            p = profiles.get(name.strip().lower())
            if p is None:
                unknown.append(name)
                continue
            found.append(network_count(source, p))
    except Exception as exc:  # noqa: BLE001 - broken profiles: words still counted, said so
        log.error("network counts unavailable: %s", exc, exc_info=True)
        error = f"Comptage par réseau impossible\u202f: {exc}"
        found, unknown = [], []
    out = Counts(words, chars, tuple(found), tuple(unknown), error)
    with _lock:
        _last = (source, out)
    return out
