"""What the GUI calls: per-network converted text, counts, the fold, the thread parts.

Pure functions, no Qt. Positions are code points into ``NetworkPreview.text`` (the GUI converts to
UTF-16 at the widget boundary); ``source_span`` gives the matching span in the Markdown source.

    >>> p = preview(source, "instagram")
    >>> p.text, p.count, p.limit, p.over_by, p.fold, p.parts, p.attachments, p.notes
    >>> converted_count(source, "instagram")     # (p.count, p.limit), cheaper
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.export.convert import Attachment, Conversion, ConvertOptions, Note, convert
from editor.export.counting import count, cut_index, method_label
from editor.export.networks import NetworkProfile, load_networks
from editor.export.thread import split_thread

HASHTAG_RE = re.compile(r"(?<![\w&/#])#(?!\d+\b)[^\W_][\w-]*", re.UNICODE)
MENTION_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]|(?<![\w@.])@[A-Za-z0-9_]")


@dataclass
class NetworkPreview:
    network: str
    label: str
    text: str                    # the converted text (what « Copier pour … » puts on the clipboard)
    count: int                   # as the network counts it
    limit: int
    method: str                  # French description of the counting method
    over_by: int                 # 0 when within the limit
    cut: int | None              # index in ``text`` of the first character beyond the limit
    fold: int | None             # index in ``text`` where « voir plus » falls, None = all visible
    parts: list[str]             # thread parts (numbered) or [text]
    hashtags: list[tuple[int, int]] = field(default_factory=list)   # spans in ``text``
    mentions: list[tuple[int, int]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    conversion: Conversion | None = None

    @property
    def clipboard_text(self) -> str:
        """Text to copy: the post, or the parts of a thread separated by a line of dashes."""
        return self.text if len(self.parts) == 1 else "\n\n-----\n\n".join(self.parts)

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        return self.conversion.source_span(i, j)


def fold_index(text: str, profile: NetworkProfile) -> int | None:
    """Where the « voir plus » fold falls in ``text`` (characters or lines, whichever comes first)."""
    cuts = []
    if profile.fold_chars is not None and len(text) > profile.fold_chars:
        cuts.append(profile.fold_chars)
    if profile.fold_lines is not None:
        pos = -1
        for _ in range(profile.fold_lines):
            pos = text.find("\n", pos + 1)
            if pos < 0:
                break
        if pos >= 0:
            cuts.append(pos)
    return min(cuts) if cuts else None


def hashtag_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in HASHTAG_RE.finditer(text)]


def mention_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in MENTION_RE.finditer(text)]


def _profile(network: str | NetworkProfile) -> NetworkProfile:
    if isinstance(network, NetworkProfile):
        return network
    nets = load_networks()
    if network not in nets:
        raise KeyError(f"unknown network {network!r} (known: {', '.join(sorted(nets))})")
    return nets[network]


def preview(source: str, network: str | NetworkProfile,
            options: ConvertOptions | None = None) -> NetworkPreview:
    """Everything the per-network preview shows, for the Markdown ``source`` of a post."""
    profile = _profile(network)
    conv = convert(source, profile, options)
    text = conv.text
    n = count(text, profile)
    return NetworkPreview(
        network=profile.name, label=profile.label, text=text, count=n, limit=profile.text_limit,
        method=method_label(profile), over_by=max(0, n - profile.text_limit),
        cut=cut_index(text, profile), fold=fold_index(text, profile),
        parts=split_thread(text, profile), hashtags=hashtag_spans(text),
        mentions=mention_spans(text), attachments=conv.attachments, notes=conv.notes,
        conversion=conv)


def converted_count(source: str, network: str | NetworkProfile,
                    options: ConvertOptions | None = None) -> tuple[int, int]:
    """``(count, limit)``: exactly ``preview(source, network).count`` and ``.limit`` (the same
    conversion, the same counting) without the thread parts, the fold and the spans, for the
    editor's status bar."""
    profile = _profile(network)
    return count(convert(source, profile, options).text, profile), profile.text_limit


def previews(source: str, networks: list[str] | None = None,
             options: ConvertOptions | None = None) -> dict[str, NetworkPreview]:
    """``preview`` for several networks (default: all profiles), by name."""
    names = networks or sorted(load_networks())
    return {name: preview(source, name, options) for name in names}
