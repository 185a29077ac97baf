"""Word and character counts, and one counter per target network with its limit (Qt-free).

Limits and counting methods come from the export's network profiles
(``editor.export.networks.load_networks()``); if that module is missing or its data is broken, a small
built-in table (from the networks reference) keeps the counters working.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from editor.document.post import parse_front_matter

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_URL = re.compile(r"https?://\S+|www\.\S+")

# name: (label, limit, counting) — used only when the profiles cannot be loaded.
_FALLBACK = {
    "x": ("X", 280, "weighted"), "instagram": ("Instagram", 2200, "utf16"),
    "facebook": ("Facebook", 63206, "utf16"), "linkedin": ("LinkedIn", 3000, "utf16"),
    "threads": ("Threads", 500, "utf8-bytes"), "tiktok": ("TikTok", 2200, "utf16"),
    "youtube": ("YouTube", 5000, "utf8-bytes"), "mastodon": ("Mastodon", 500, "utf16"),
}
_ALIASES = {"twitter": "x"}


@dataclass(frozen=True)
class NetworkLimit:
    name: str
    label: str
    limit: int
    counting: str
    url_length: int | None = None
    profile: object | None = None


@dataclass(frozen=True)
class NetworkCount:
    network: NetworkLimit
    used: int

    @property
    def over(self) -> bool:
        return self.used > self.network.limit

    @property
    def ratio(self) -> float:
        return self.used / self.network.limit if self.network.limit else 0.0


def _profiles() -> dict[str, NetworkLimit]:
    try:
        from editor.export.networks import load_networks

        out = {}
        for name, p in load_networks().items():
            out[name] = NetworkLimit(name, getattr(p, "label", name), int(p.text_limit),
                                     getattr(p, "counting", "utf16"), getattr(p, "url_length", None),
                                     p)
        if out:
            return out
    except Exception:  # noqa: BLE001 - any problem in the profiles: fall back, never crash the UI
        pass
    return {k: NetworkLimit(k, *v) for k, v in _FALLBACK.items()}


_CACHE: dict[str, NetworkLimit] | None = None


def networks() -> dict[str, NetworkLimit]:
    global _CACHE
    if _CACHE is None:
        _CACHE = _profiles()
    return _CACHE


def lookup(name: str) -> NetworkLimit | None:
    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    return networks().get(key)


def _weight(ch: str, profile) -> int:
    cp = ord(ch)
    weights = getattr(profile, "weights", None)
    if weights is not None and weights.ranges:
        for first, last, w in weights.ranges:
            if first <= cp <= last:
                return w
        return weights.default
    # twitter-text v3 defaults
    if cp <= 0x10FF or 0x2000 <= cp <= 0x200D or 0x2010 <= cp <= 0x201F or 0x2032 <= cp <= 0x2037:
        return 1
    return 2


def count_for(text: str, net: NetworkLimit) -> int:
    if net.counting == "utf8-bytes":
        return len(text.encode("utf-8"))
    if net.counting == "weighted":
        text = unicodedata.normalize("NFC", text)
        n = 0
        url_len = net.url_length or 23
        pos = 0
        for m in _URL.finditer(text):
            n += sum(_weight(c, net.profile) for c in text[pos:m.start()]) + url_len
            pos = m.end()
        return n + sum(_weight(c, net.profile) for c in text[pos:])
    # utf16 (the default)
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


@dataclass(frozen=True)
class Counts:
    words: int
    chars: int
    networks: tuple[NetworkCount, ...]
    unknown_networks: tuple[str, ...] = ()


def post_body(source: str) -> tuple[str, list[str]]:
    """The text that will be published (front matter removed) and the post's target networks."""
    fm = parse_front_matter(source)
    body = source[fm.end:].strip() if fm.end else source.strip()
    nets = fm.data.get("networks") if fm.data else None
    if isinstance(nets, str):
        nets = [n.strip() for n in nets.split(",")]
    return body, [str(n) for n in nets] if isinstance(nets, list) else []


def count(source: str) -> Counts:
    body, names = post_body(source)
    words = len(_WORD.findall(body))
    chars = len(body)
    found, unknown = [], []
    for name in names:
        net = lookup(name)
        if net is None:
            unknown.append(name)
        else:
            found.append(NetworkCount(net, count_for(body, net)))
    return Counts(words, chars, tuple(found), tuple(unknown))
