"""What the GUI calls: per-network converted text, counts, the fold, the thread parts.

Pure functions, no Qt. Positions are code points into ``NetworkPreview.text`` (the GUI converts to
UTF-16 at the widget boundary); ``source_span`` gives the matching span in the Markdown source.

    >>> p = preview(source, "instagram")
    >>> p.text, p.count, p.limit, p.over_by, p.fold, p.parts, p.attachments, p.notes
    >>> converted_count(source, "instagram")     # (p.count, p.limit), cheaper
    >>> cards(p)            # what each card of the preview shows (one per thread part)
    >>> shown_text(card, expanded=False)          # the card's text as the network first shows it
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.export.convert import Attachment, Conversion, ConvertOptions, Note, convert
from editor.export.counting import count, cut_index, method_label
from editor.export.networks import NetworkProfile, load_networks
from editor.export.thread import split_thread

HASHTAG_RE = re.compile(r"(?<![\w&/#])#(?!\d+\b)[^\W_][\w-]*", re.UNICODE)
MENTION_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]"
                        r"|(?<![\w@.])@[A-Za-z0-9_]")


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
    profile: NetworkProfile | None = None

    @property
    def clipboard_text(self) -> str:
        """Text to copy: the post, or the parts of a thread separated by a line of dashes."""
        return self.text if len(self.parts) == 1 else "\n\n-----\n\n".join(self.parts)

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        assert self.conversion is not None   # set by preview(), the only maker of previews
        return self.conversion.source_span(i, j)


def fold_index(text: str, profile: NetworkProfile) -> int | None:
    """Where the « voir plus » fold falls in ``text`` (characters or lines, whichever comes
    first)."""
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
        conversion=conv, profile=profile)


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


# -- the preview's cards: the post as the network shows it ----------------------------------------
FOLD_MARK = "… plus"    # what the networks print after the visible part of a long post

CHARACTERS, BYTES = "characters", "bytes"


@dataclass(frozen=True)
class PreviewCard:
    """One post as the network shows it: the whole post, or one part of a thread (X, Threads).

    Positions are code points into ``text``; ``text`` is exactly what this card's « Copier »
    puts on the clipboard (for a thread part, its number « 1/3 » included).
    """
    network: str
    index: int                   # 1-based
    total: int                   # number of cards (parts of the thread), 1 for a single post
    text: str
    count: int                   # as the network counts ``text``
    limit: int
    unit: str                    # CHARACTERS or BYTES (what ``count`` counts)
    cut: int | None              # first character beyond the limit (None: it fits)
    fold: int | None             # where « … plus » falls (None: all of it is visible)
    hashtags: tuple[tuple[int, int], ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    attachments: tuple[Attachment, ...] = ()    # images shown with this card (the first one)

    @property
    def over_by(self) -> int:
        return max(0, self.count - self.limit)

    @property
    def numbering(self) -> str:
        """« 2/3 » for a thread part, empty for a single post."""
        return f"{self.index}/{self.total}" if self.total > 1 else ""


def count_unit(profile: NetworkProfile) -> str:
    """What the network's counter counts: CHARACTERS (UTF-16 units, weighted characters) or
    BYTES (UTF-8 bytes: Threads, YouTube)."""
    return BYTES if profile.counting == "utf8-bytes" else CHARACTERS


def cards(p: NetworkPreview, profile: NetworkProfile | None = None) -> list[PreviewCard]:
    """The cards of the preview ``p``: one for a post, one per part for a thread.

    Each part is counted, folded and scanned for hashtags on its own text (what the network
    receives as a separate post); the images go with the first part.
    """
    profile = profile or p.profile or _profile(p.network)
    unit = count_unit(profile)
    if len(p.parts) <= 1:
        return [PreviewCard(p.network, 1, 1, p.text, p.count, p.limit, unit, p.cut, p.fold,
                            tuple(p.hashtags), tuple(p.mentions), tuple(p.attachments))]
    total = len(p.parts)
    out = []
    for i, part in enumerate(p.parts, 1):
        n = count(part, profile)
        cut = cut_index(part, profile) if n > profile.text_limit else None   # parts fit
        out.append(PreviewCard(
            p.network, i, total, part, n, profile.text_limit, unit, cut,
            fold_index(part, profile), tuple(hashtag_spans(part)), tuple(mention_spans(part)),
            tuple(p.attachments) if i == 1 else ()))
    return out


FOLD_WORD_REACH = 30    # the fold moves back to the end of a word within this many characters


def visible_end(card: PreviewCard) -> int | None:
    """Where the card's visible text ends before « … plus »: the fold, moved back to the end of
    the word it falls in (when that word starts close enough), never to the very start."""
    fold = card.fold
    if fold is None or fold >= len(card.text):
        return None
    if fold > 0 and not card.text[fold].isspace() and not card.text[fold - 1].isspace():
        lo = max(0, fold - FOLD_WORD_REACH)
        space = max(card.text.rfind(" ", lo, fold), card.text.rfind("\n", lo, fold))
        if space > 0:
            fold = space
    while fold > 1 and card.text[fold - 1].isspace():
        fold -= 1
    return fold


def shown_text(card: PreviewCard, expanded: bool = False, mark: str = FOLD_MARK) -> str:
    """The card's text as the network first shows it: up to the fold, then « … plus » (the
    whole text when ``expanded``)."""
    end = visible_end(card)
    if end is None or expanded:
        return card.text
    return card.text[:end] + " " + mark


def thousands(n: int, language: str = "fr") -> str:
    """``1 234`` (narrow no-break space) in French, ``1,234`` in English."""
    return f"{n:,}" if language == "en" else f"{n:,}".replace(",", "\u202f")


_TITLES = {"dr", "dr.", "pr", "pr.", "docteur", "professeur", "cabinet", "clinique", "centre",
           "du", "de", "des", "la", "le", "les", "d’", "d'", "l’", "l'", "et", "&"}


def initials(name: str) -> str:
    """Two letters for an avatar circle: « Dr Claire Martin » → « CM », « Clinique du Parc » →
    « P »; titles and small words are skipped (the first letter of the name when all are)."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    kept = [w for w in words if w.lower() not in _TITLES] or words
    letters = [w[0].upper() for w in kept]
    if len(letters) > 2:
        letters = [letters[0], letters[-1]]
    return "".join(letters) or "?"


def author_name(source: str) -> str | None:
    """The name a post is published under, from its front matter (``author:``, else
    ``practice:``), or None."""
    from editor.document.post import parse_front_matter

    try:
        data = parse_front_matter(source).data or {}
    except Exception:  # noqa: BLE001 - a broken front matter only loses the name
        return None
    for key in ("author", "practice"):
        v = data.get(key) if isinstance(data, dict) else None
        if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
            return " ".join(str(v).split())[:80]
    return None


@dataclass(frozen=True)
class AttachmentFile:
    """An image of the post as the preview shows it: its file, or why it cannot be shown."""
    attachment: Attachment
    path: Path | None
    problem: str | None          # French, when ``path`` is None


def attachment_files(attachments, post_dir: Path | None) -> list[AttachmentFile]:
    """The files of the post's images (inside the post's folder, as the export takes them)."""
    from editor.vision.opening import ImageProblem, resolve_image

    out = []
    for a in attachments:
        if post_dir is None:
            out.append(AttachmentFile(a, None, "publication non enregistrée"))
            continue
        try:
            out.append(AttachmentFile(a, resolve_image(a.target, Path(post_dir)).path, None))
        except ImageProblem as exc:
            out.append(AttachmentFile(a, None, getattr(exc, "french", None) or str(exc)))
    return out
