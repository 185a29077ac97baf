"""Network profiles, read from ``resources/networks/<name>.yaml`` (data, never code)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

COUNTING_METHODS = ("weighted", "utf16", "utf8-bytes")
NBSP_POLICIES = ("keep", "nbsp", "space")
MAX_PROFILE_BYTES = 256 * 1024   # a profile is a few hundred bytes


class NetworkError(ValueError):
    """A network profile file that cannot be used; ``str()`` is ``file:line: message``."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(self.where() + ": " + message)

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Weights:
    """twitter-text style weights: ``ranges`` of (first, last, weight), others ``default``."""
    default: int = 2
    ranges: tuple[tuple[int, int, int], ...] = ()
    emoji: int = 2


@dataclass(frozen=True)
class NetworkProfile:
    name: str
    label: str
    text_limit: int
    counting: str
    url_length: int | None = None
    weights: Weights = field(default_factory=Weights)
    hashtag_limit: int | None = None
    mention_limit: int | None = None
    link_limit: int | None = None
    links_clickable: bool = True
    fold_chars: int | None = None
    fold_lines: int | None = None
    thread: bool = False
    thread_numbering: str = "{i}/{n}"
    bullet: str = "•"
    nbsp: str = "keep"
    forbidden_chars: str = ""
    image_max: tuple[int, int] | None = None


def networks_dir() -> Path:
    from editor.paths import resources_dir

    return resources_dir() / "networks"


_KEYS = {"label", "text_limit", "counting", "url_length", "weights", "hashtag_limit",
         "mention_limit", "link_limit", "links_clickable", "fold", "thread", "bullet", "nbsp",
         "forbidden_chars", "image"}


def _line(d, key) -> int | None:
    return getattr(d, "lines", {}).get(key) or getattr(d, "line", None)


def _int(d, key, path, *, optional=True, minimum=0):
    v = d.get(key)
    if v is None:
        if optional:
            return None
        raise NetworkError(path, f"'{key}' is required", _line(d, key) or getattr(d, "line", None))
    if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
        raise NetworkError(path, f"'{key}' must be a whole number >= {minimum}, not {v!r}",
                           _line(d, key))
    return v


def parse_profile(name: str, text: str, path: Path | str = "<profile>") -> NetworkProfile:
    """Build a profile from the YAML text of ``<name>.yaml``; raise :class:`NetworkError`."""
    from editor.yamlsafe import YamlError, load

    try:
        d = load(text, max_bytes=MAX_PROFILE_BYTES)
    except YamlError as e:
        raise NetworkError(path, e.message, e.line) from None
    if not isinstance(d, dict):
        raise NetworkError(path, "a network profile must be a mapping of keys to values")
    unknown = sorted(set(d) - _KEYS, key=str)   # keys may be numbers, dates…
    if unknown:
        raise NetworkError(path, f"unknown key '{unknown[0]}'", _line(d, unknown[0]))
    counting = d.get("counting")
    if counting not in COUNTING_METHODS:
        raise NetworkError(path, f"'counting' must be one of {', '.join(COUNTING_METHODS)}, "
                           f"not {counting!r}", _line(d, "counting"))
    weights = _weights(d.get("weights"), d, path)
    fold, thread, image = _sections(d, path)
    nbsp = d.get("nbsp", "keep")
    if nbsp not in NBSP_POLICIES:
        raise NetworkError(path, f"'nbsp' must be one of {', '.join(NBSP_POLICIES)}, not {nbsp!r}",
                           _line(d, "nbsp"))
    numbering = str(thread.get("numbering", "{i}/{n}"))
    if "{i}" not in numbering or "{n}" not in numbering:
        raise NetworkError(path, "'thread.numbering' must contain {i} and {n}",
                           _line(thread, "numbering"))
    if "links_clickable" in d and not isinstance(d["links_clickable"], bool):
        raise NetworkError(path, "'links_clickable' must be true or false",
                           _line(d, "links_clickable"))
    image_max = None
    if image:
        image_max = (_int(image, "max_width", path, optional=False, minimum=16),
                     _int(image, "max_height", path, optional=False, minimum=16))
    return NetworkProfile(
        name=name, label=str(d.get("label") or name),
        text_limit=_int(d, "text_limit", path, optional=False, minimum=1),
        counting=counting, url_length=_int(d, "url_length", path), weights=weights,
        hashtag_limit=_int(d, "hashtag_limit", path), mention_limit=_int(d, "mention_limit", path),
        link_limit=_int(d, "link_limit", path), links_clickable=d.get("links_clickable", True),
        fold_chars=_int(fold, "chars", path, minimum=1),
        fold_lines=_int(fold, "lines", path, minimum=1),
        thread=bool(thread.get("enabled", False)), thread_numbering=numbering,
        bullet=str(d.get("bullet") or "•"), nbsp=nbsp,
        forbidden_chars=str(d.get("forbidden_chars") or ""), image_max=image_max)


def _weights(w, d, path) -> Weights:
    """The ``weights:`` mapping of the profile ``d`` (default weights when absent)."""
    if w is None:
        return Weights()
    if not isinstance(w, dict):
        raise NetworkError(path, "'weights' must be a mapping", _line(d, "weights"))
    ranges = []
    for i, r in enumerate(w.get("ranges") or []):
        ok = isinstance(r, list) and len(r) == 3 and all(
            isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in r) \
            and r[0] <= r[1]
        if not ok:
            ln = w["ranges"].lines[i] if hasattr(w["ranges"], "lines") else _line(w, "ranges")
            raise NetworkError(path, f"weight range {r!r} must be [first, last, weight]", ln)
        ranges.append(tuple(r))
    return Weights(_int(w, "default", path) or 2, tuple(ranges), _int(w, "emoji", path) or 2)


def _sections(d, path) -> tuple[dict, dict, dict | None]:
    """The ``fold:``, ``thread:`` and ``image:`` mappings of the profile ``d`` (empty when
    absent; ``image`` None)."""
    fold = d.get("fold") or {}
    thread = d.get("thread") or {}
    image = d.get("image")
    if not isinstance(fold, dict) or not isinstance(thread, dict) or (
            image is not None and not isinstance(image, dict)):
        key = "fold" if not isinstance(fold, dict) else "thread" if not isinstance(thread, dict) \
            else "image"
        raise NetworkError(path, f"'{key}' must be a mapping", _line(d, key))
    return fold, thread, image


def load_networks(folder: Path | None = None) -> dict[str, NetworkProfile]:
    """Every profile of ``folder`` (default: the bundled ``resources/networks``), by name.

    Raises :class:`NetworkError` naming the file (and line) of the first broken profile.
    """
    if folder is None:
        return dict(_bundled())
    return _load(Path(folder))


@cache
def _bundled() -> dict[str, NetworkProfile]:
    return _load(networks_dir())


def _load(folder: Path) -> dict[str, NetworkProfile]:
    if not folder.is_dir():
        raise NetworkError(folder, "network profiles folder not found")
    out: dict[str, NetworkProfile] = {}
    from editor.yamlsafe import YamlError, read_text

    for p in sorted(folder.glob("*.yaml")):
        try:
            text = read_text(p, MAX_PROFILE_BYTES)
        except YamlError as exc:
            raise NetworkError(p, exc.message) from None
        except OSError as exc:
            raise NetworkError(p, f"cannot be read ({exc})") from None
        out[p.stem] = parse_profile(p.stem, text, p)
    if not out:
        raise NetworkError(folder, "no network profile (*.yaml) found")
    return out


def get_network(name: str) -> NetworkProfile:
    nets = load_networks()
    try:
        return nets[name]
    except KeyError:
        raise KeyError(f"unknown network {name!r} (known: {', '.join(sorted(nets))})") from None
