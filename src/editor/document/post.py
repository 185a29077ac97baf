"""Reading a post file: UTF-8 text (UTF-16/32 with a byte-order mark accepted) with optional YAML
front matter.

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


FRONT_MATTER_MAX_BYTES = 64 * 1024   # a front matter is a few lines
_TEXT_KEYS = ("title",)     # keys the program reads: a text (or a number)
_LIST_KEYS = ("networks",)           # a text (comma-separated) or a list of texts


@dataclass
class FrontMatter:
    start: int = 0          # span of the whole block, delimiters included
    end: int = 0
    data: dict = field(default_factory=dict)
    error: str | None = None     # English; the post still opens (YAML refused, a bad value…)
    error_fr: str | None = None  # the same, in French, for the editor

    @property
    def title(self) -> str | None:
        return _text(self.data.get("title"))

    def problem(self, english: str, french: str) -> None:
        self.error = f"{self.error}; {english}" if self.error else english
        self.error_fr = f"{self.error_fr} ; {french}" if self.error_fr else french


def _text(value) -> str | None:
    """A front-matter scalar as text: strings and numbers only (never ``str()`` of a list, a
    mapping or an integer too long to print)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int) and value.bit_length() > 1000:
        return None
    return str(value)


# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
         (b"\xef\xbb\xbf", "utf-8", "UTF-8"), (b"\xff\xfe", "utf-16-le", "UTF-16"),
         (b"\xfe\xff", "utf-16-be", "UTF-16"))
_SNIFF = 8192


def _looks_utf16(sample: bytes) -> bool:
    """Text saved as UTF-16 without a byte-order mark: NUL bytes, nearly all on one parity."""
    nuls = [i for i, b in enumerate(sample) if b == 0]
    if len(nuls) < len(sample) // 4:
        return False
    odd = sum(i & 1 for i in nuls)
    return max(odd, len(nuls) - odd) >= 0.95 * len(nuls)


def decode(raw: bytes, name: str = "file") -> str:
    """The text of a post file, or :class:`PostError` saying precisely why it is not text.

    Posts are UTF-8. A file that starts with a byte-order mark is decoded in the encoding the
    mark announces (UTF-8, UTF-16 or UTF-32, as Windows' Notepad saves them) and the mark is not
    part of the text: offsets, lines and columns count code points of the text after it, exactly
    as the editor shows it. UTF-16 without a mark is ambiguous and refused with its own message.
    """
    bom = next((b for b in _BOMS if raw.startswith(b[0])), None)
    if bom is None:
        if b"\x00" in raw[:_SNIFF]:
            if _looks_utf16(raw[:_SNIFF]):
                raise PostError("not UTF-8 text (UTF-16 without a byte-order mark: "
                                "save it as UTF-8)")
            raise PostError("binary file, not text")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PostError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
                            ) from None
    mark, codec, label = bom
    try:
        text = raw[len(mark):].decode(codec)
    except UnicodeDecodeError as exc:
        raise PostError(f"not valid {label} text (byte offset {exc.start + len(mark)}: "
                        f"{exc.reason})") from None
    if "\x00" in text[:_SNIFF]:
        raise PostError("binary file, not text")
    return text


def read_text(path: str | Path) -> str:
    """The text of the post at ``path`` (see :func:`decode`); :class:`PostError` otherwise.

    Only a regular file is read (a FIFO or a device is refused at once, never waited on), and at
    most :data:`MAX_BYTES`.
    """
    from editor.document.files import FileTooLarge, NotRegularFile, read_regular

    p = Path(path)
    try:
        raw = read_regular(p, MAX_BYTES)
    except FileNotFoundError:
        raise PostError("no such file") from None
    except (NotRegularFile, FileTooLarge) as exc:
        raise PostError(str(exc)) from None
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
    from editor import yamlsafe

    try:
        # No aliases, nesting and size capped: a « billion laughs » or a 5,000-deep list is a
        # problem of this post, never a frozen or crashed editor.
        data = yamlsafe.load(m.group(1), max_bytes=FRONT_MATTER_MAX_BYTES)
    except yamlsafe.YamlError as exc:
        where = f", line {exc.line + 1}" if exc.line else ""
        fm.problem(f"front matter{where}: {exc.message}", f"en-tête, {exc.french(first_line=2)}")
        return fm
    if data is None:
        data = {}
    if not isinstance(data, dict):
        fm.problem("front matter is not a mapping of keys to values",
                   "l’en-tête n’est pas une liste de clés et de valeurs")
        return fm
    fm.data = _checked(data, fm)
    return fm


def _checked(data: dict, fm: FrontMatter) -> dict:
    """``data`` with the keys the program reads reduced to texts; a value of the wrong kind is
    dropped and reported on ``fm``."""
    lines = getattr(data, "lines", {})
    for key in _TEXT_KEYS + _LIST_KEYS:
        value = data.get(key)
        if value is None:
            continue
        clean: str | list[str | None] | None
        if key in _LIST_KEYS and isinstance(value, list):
            items = [_text(v) for v in value]
            ok = all(t is not None for t in items)
            clean = items
        else:
            clean = _text(value)
            ok = clean is not None
        if ok:
            data[key] = clean
            continue
        del data[key]
        line = lines.get(key)
        kind = "a list of texts" if key in _LIST_KEYS else "a text"
        at = f", line {line + 1}" if line else ""
        at_fr = f", ligne {line + 1}" if line else ""
        fm.problem(f"front matter{at}: '{key}' must be {kind}",
                   f"en-tête{at_fr} : « {key} » doit être "
                   + ("un texte ou une liste de textes" if key in _LIST_KEYS else "un texte"))
    return data


# -- editing the front matter (the editor's title and networks bar) --------------------------------
class FrontMatterEditError(ValueError):
    """The front matter cannot be changed safely (its YAML is not a mapping the program can
    rewrite line by line); the message says why, in English."""


_YAML_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"
                          "\ud800-\udfff]")


def yaml_scalar(value: str) -> str:
    """``value`` written as a YAML scalar: plain when it reads back unchanged (``Rhinoplastie``),
    double-quoted with escapes otherwise (``"Lifting : ce qu’il faut savoir"``, ``"yes"``)."""
    from editor import yamlsafe

    if value and value == value.strip() and not _YAML_ESCAPE.search(value) \
            and "\n" not in value and "\r" not in value:
        try:
            data = yamlsafe.load(f"k: [{value}]\n", max_bytes=FRONT_MATTER_MAX_BYTES)
        except yamlsafe.YamlError:
            data = None
        # Plain in a flow list too (no , [ ] { }), so one writing serves both places.
        if isinstance(data, dict) and data.get("k") == [value]:
            return value
    import json

    out = json.dumps(value, ensure_ascii=False)
    return _YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def _yaml_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_scalar(str(v)) for v in value) + "]"
    return yaml_scalar(str(value))


def _continues(line: str) -> bool:
    """A line that belongs to the value of the key above it (indented, a ``- item`` of a block
    list, a blank line or a comment)."""
    s = line.rstrip("\r\n")
    return not s.strip() or s[0] in " \t#" or s == "-" or s.startswith("- ")


def _set_key(inner: str, key: str, line: str) -> str:
    """``inner`` (the YAML between the delimiters) with the top-level ``key``'s whole value
    replaced by ``line`` (or ``line`` appended when the key is absent)."""
    lines = inner.splitlines(keepends=True)
    pattern = re.compile(rf"{re.escape(key)}[ \t]*:(?:[ \t]|\r?\n|$)")
    for i, text in enumerate(lines):
        if not pattern.match(text):
            continue
        j = i + 1
        while j < len(lines) and _continues(lines[j]):
            j += 1
        while j > i + 1 and (not lines[j - 1].strip() or lines[j - 1].startswith("#")):
            j -= 1          # blank lines and comments after the value stay where they are
        return "".join(lines[:i]) + line + "".join(lines[j:])
    return inner + line


def set_front_matter(source: str, **values) -> str:
    """``source`` with the front-matter keys ``values`` set (``title="…"``,
    ``networks=["instagram", "x"]``): each key's line is rewritten in place, other keys,
    comments, the delimiters and the body are kept byte for byte; a front matter is created at
    the top when there is none.

    Raises :class:`FrontMatterEditError` when the result would not read back with these values
    (a front matter whose YAML is broken, a key written in a way this line editor cannot
    rewrite).
    """
    m = _FRONT.match(source)
    if m is None:
        bom = "\ufeff" if source.startswith("\ufeff") else ""
        nl = "\r\n" if "\r\n" in source[:2000] else "\n"
        block = "---" + nl + "".join(f"{k}: {_yaml_value(v)}{nl}" for k, v in values.items()) \
            + "---" + nl
        out = bom + block + source[len(bom):]
    else:
        nl = "\r\n" if "\r\n" in source[:m.end()] else "\n"
        inner = m.group(1)
        for key, value in values.items():
            inner = _set_key(inner, key, f"{key}: {_yaml_value(value)}{nl}")
        out = source[:m.start(1)] + inner + source[m.end(1):]
    check = parse_front_matter(out)
    for key, value in values.items():
        expected = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
        if check.data.get(key) != expected:
            raise FrontMatterEditError(
                f"front matter: '{key}' cannot be rewritten"
                + (f" ({check.error})" if check.error else ""))
    return out
