"""Reading a post file: UTF-8 text with optional YAML front matter.

Errors are :class:`PostError` with a French-free, precise message for the command line (the contract
fixes English messages for ``errors`` in the JSON report) — the GUI translates them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 64 * 1024 * 1024  # refuse files larger than this (a post is a few kB)

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                    re.DOTALL | re.MULTILINE)


class PostError(Exception):
    """The file cannot be read as a post; the message says why."""


@dataclass
class FrontMatter:
    start: int = 0          # span of the whole block, delimiters included
    end: int = 0
    data: dict = field(default_factory=dict)
    error: str | None = None  # YAML that does not parse: the post still opens

    @property
    def title(self) -> str | None:
        t = self.data.get("title")
        return str(t) if t is not None else None


def decode(raw: bytes, name: str = "file") -> str:
    """Decode UTF-8 text or raise :class:`PostError` saying where it is not."""
    if b"\x00" in raw[:8192]:
        raise PostError("binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PostError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None


def read_text(path: str | Path) -> str:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise PostError(f"file too large ({size} bytes, limit {MAX_BYTES})")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise PostError("no such file") from None
    except IsADirectoryError:
        raise PostError("is a folder, not a file") from None
    except PermissionError:
        raise PostError("permission denied") from None
    except OSError as exc:
        raise PostError(f"cannot be read ({exc.strerror or exc})") from None
    return decode(raw, p.name)


def parse_front_matter(text: str) -> FrontMatter:
    m = _FRONT.match(text)
    if not m:
        return FrontMatter()
    fm = FrontMatter(start=0, end=m.end())
    import yaml

    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        fm.error = f"front matter is not valid YAML: {str(exc).splitlines()[0]}"
        return fm
    if data is None:
        data = {}
    if not isinstance(data, dict):
        fm.error = "front matter is not a mapping of keys to values"
        return fm
    fm.data = data
    return fm
