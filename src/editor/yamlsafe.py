"""The one YAML reader of the program: bounded, line-numbered, never recursive.

Every YAML the program reads (a post's front matter, rule packs, settings, the reviewer profile,
network profiles) goes through :func:`load`. A hostile file cannot stop the program:

* the text is capped in size (``max_bytes``) before anything is parsed;
* the document is built from PyYAML's event stream by a loop with an explicit stack, so nesting
  depth is checked (``max_depth``) before any value is built and nothing here recurses deeper
  than that cap (a 5,000-deep ``[[[…]]]`` used to raise RecursionError);
* anchors and aliases are refused (``aliases=False``, a 400-byte « billion laughs » used to grow
  past 2 GB) or, where a file legitimately shares a list between rules (rule packs), the size of
  the document once every alias is expanded is counted and capped (``max_nodes``);
* only plain scalars are built (strings, numbers, booleans, null, dates): no Python objects,
  no ``!!set``/``!!binary``/merge keys; numbers longer than :data:`MAX_NUMBER_CHARS` are refused,
  so a 5,000-digit integer never reaches ``str()`` (Python's int-string conversion limit).

Problems raise :class:`YamlError` with the line (1-based) of the problem. Mappings come back as
:class:`LineDict` (``.line``, and ``.lines[key]`` for each key), sequences as :class:`LineList`.
"""
from __future__ import annotations

import logging
from pathlib import Path

import yaml

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 50                      # nested lists/mappings
MAX_BYTES = 1024 * 1024             # default document size (rule files, settings)
MAX_NODES = 200_000                 # values in the document, aliases expanded
MAX_NUMBER_CHARS = 100              # digits of an int or float written in the file
ALIASES_REFUSED = "YAML aliases are not allowed"
ALIASES_REFUSED_FR = "alias YAML non autorisé"

log = logging.getLogger(__name__)

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAGS = {None, "!", _TAG + "map"}
_SEQ_TAGS = {None, "!", _TAG + "seq"}


class YamlError(ValueError):
    """The text is not YAML this program accepts; ``line`` (1-based) says where, when known."""

    def __init__(self, message: str, line: int | None = None, *, fr: str | None = None) -> None:
        super().__init__(message)
        self.message = message          # English (command line, rule errors)
        self.line = line
        self.fr = fr or f"YAML invalide ({message})"   # French, for the editor

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message

    def french(self, first_line: int = 1) -> str:
        """The French message, with the line counted from ``first_line`` (a front matter's YAML
        starts on line 2 of its file)."""
        if self.line:
            return f"ligne {self.line + first_line - 1} : {self.fr}"
        return self.fr


class LineDict(dict):
    """A mapping that remembers the line of each key (``lines``) and its own (``line``)."""
    line: int = 0
    lines: dict


class LineList(list):
    line: int = 0
    lines: list


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a YAML file, refusing what is not a regular file or is too large.

    Raises :class:`YamlError` (not a regular file, too large, not UTF-8) or :class:`OSError`.
    A FIFO or a device is never read (it could block or never end).
    """
    from editor.document.files import FileTooLarge, NotRegularFile, read_regular

    try:
        raw = read_regular(path, max_bytes)
    except NotRegularFile as exc:
        raise YamlError(str(exc), fr="ce n’est pas un fichier ordinaire") from None
    except FileTooLarge as exc:
        raise YamlError(str(exc), fr=f"fichier trop volumineux (plus de {max_bytes} octets)") \
            from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                        fr="ce n’est pas du texte UTF-8") from None


def load(text: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
         aliases: bool = False, max_nodes: int = MAX_NODES):
    """Parse one YAML document; raise :class:`YamlError` with the line of the problem.

    ``aliases=False`` refuses anchors and aliases; ``aliases=True`` accepts them but counts every
    expanded value against ``max_nodes`` (each alias is a copy, as with PyYAML's own loader).
    """
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise YamlError(f"YAML document too large (limit {max_bytes} bytes)",
                        fr=f"YAML trop volumineux (limite {max_bytes} octets)")
    loader = _Loader(text)
    try:
        return _Builder(loader, max_depth, aliases, max_nodes).run()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "nesting depth" in str(exc.problem):   # libyaml's own cap, met while scanning ahead
            raise YamlError(f"YAML nested too deeply (more than {max_depth} levels)",
                            mark.line + 1 if mark else None,
                            fr=f"YAML trop imbriqué (plus de {max_depth} niveaux)") from None
        raise YamlError(f"invalid YAML: {exc.problem or exc}", mark.line + 1 if mark else None,
                        fr=f"YAML invalide ({exc.problem or exc})") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}", fr=f"YAML invalide ({exc})") from None
    finally:
        loader.dispose()


class _Open:
    """A list or mapping being built, on the builder's stack."""
    __slots__ = ("value", "key", "key_line", "has_key", "anchor", "nodes_at_start", "height")

    def __init__(self, value: LineDict | LineList, anchor, nodes_at_start) -> None:
        self.value = value
        self.key = None
        self.key_line = 0
        self.has_key = False
        self.anchor = anchor
        self.nodes_at_start = nodes_at_start
        self.height = 1


class _Builder:
    def __init__(self, loader, max_depth: int, aliases: bool, max_nodes: int) -> None:
        self.loader = loader
        self.max_depth = max_depth
        self.aliases = aliases
        self.max_nodes = max_nodes
        self.stack: list[_Open] = []
        self.anchors: dict[str, tuple[object, int, int]] = {}   # name -> (value, nodes, height)
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.root = None
        self.documents = 0

    def run(self):
        get, check = self.loader.get_event, self.loader.check_event
        while check():
            ev = get()
            line = ev.start_mark.line + 1 if ev.start_mark else None
            if isinstance(ev, yaml.ScalarEvent):
                self._anchor_allowed(ev.anchor, line)
                value = self._scalar(ev, line)
                self._count(1, line)
                if ev.anchor:
                    self.anchors[ev.anchor] = (value, 1, 0)
                self._add(value, line, 0)
            elif isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._start(ev, line)
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self._end()
            elif isinstance(ev, yaml.AliasEvent):
                self._alias(ev, line)
            elif isinstance(ev, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise YamlError("expected a single YAML document, found several", line,
                                    fr="plusieurs documents YAML au lieu d’un seul")
        return self.root

    # -- events ----------------------------------------------------------------------------------
    def _start(self, ev, line) -> None:
        mapping = isinstance(ev, yaml.MappingStartEvent)
        if ev.tag not in (_MAP_TAGS if mapping else _SEQ_TAGS):
            raise YamlError(f"unsupported YAML tag {ev.tag}", line,
                            fr=f"étiquette YAML non autorisée ({ev.tag})")
        self._anchor_allowed(ev.anchor, line)
        if len(self.stack) + 1 > self.max_depth:
            raise YamlError(f"YAML nested too deeply (more than {self.max_depth} levels)", line,
                            fr=f"YAML trop imbriqué (plus de {self.max_depth} niveaux)")
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.value, dict) and not parent.has_key:
            raise YamlError("a key must be a plain value", line,
                            fr="une clé doit être une valeur simple")
        self._count(1, line)
        value: LineDict | LineList
        if mapping:
            value = LineDict()
            value.lines = {}
        else:
            value = LineList()
            value.lines = []
        value.line = line or 0
        self._add(value, line, None)
        self.stack.append(_Open(value, ev.anchor, self.nodes))
        if ev.anchor:
            self.open_anchors.add(ev.anchor)

    def _end(self) -> None:
        top = self.stack.pop()
        if self.stack:
            self.stack[-1].height = max(self.stack[-1].height, top.height + 1)
        if top.anchor:
            self.open_anchors.discard(top.anchor)
            self.anchors[top.anchor] = (top.value, self.nodes - top.nodes_at_start + 1, top.height)

    def _alias(self, ev, line) -> None:
        if not self.aliases:
            raise YamlError(f"{ALIASES_REFUSED} (*{ev.anchor})", line, fr=ALIASES_REFUSED_FR)
        if ev.anchor in self.open_anchors:
            raise YamlError(f"recursive YAML alias *{ev.anchor}", line, fr="alias YAML récursif")
        if ev.anchor not in self.anchors:
            raise YamlError(f"undefined YAML alias *{ev.anchor}", line, fr="alias YAML non défini")
        value, nodes, height = self.anchors[ev.anchor]
        if len(self.stack) + height > self.max_depth:
            raise YamlError(f"YAML nested too deeply (more than {self.max_depth} levels)", line,
                            fr=f"YAML trop imbriqué (plus de {self.max_depth} niveaux)")
        self._count(nodes, line)
        self._add(_copy(value), line, height)

    # -- helpers ---------------------------------------------------------------------------------
    def _anchor_allowed(self, anchor, line) -> None:
        if anchor and not self.aliases:
            raise YamlError(f"{ALIASES_REFUSED} (anchor &{anchor})", line, fr=ALIASES_REFUSED_FR)

    def _count(self, n: int, line) -> None:
        self.nodes += n
        if self.nodes > self.max_nodes:
            raise YamlError(f"YAML document too large once aliases are expanded (more than "
                            f"{self.max_nodes} values)", line,
                            fr=f"YAML trop volumineux une fois les alias développés (plus de "
                               f"{self.max_nodes} valeurs)")

    def _add(self, value, line, height) -> None:
        """Place ``value`` in the open collection (``height`` None: a collection being opened)."""
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if height is not None:
            top.height = max(top.height, height + 1)
        c = top.value
        if isinstance(c, list):
            c.append(value)
            c.lines.append(line or 0)
        elif not top.has_key:
            if isinstance(value, (dict, list)):
                raise YamlError("a key must be a plain value", line,
                                fr="une clé doit être une valeur simple")
            if value in c:
                raise YamlError(f"duplicate key {_short(value)}", line,
                                fr=f"clé en double « {_short(value, False)} »")
            top.key, top.key_line, top.has_key = value, line or 0, True
        else:
            c[top.key] = value
            c.lines[top.key] = top.key_line
            top.has_key = False

    def _scalar(self, ev, line):
        tag = ev.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, ev.value, ev.implicit)
        if tag == _TAG + "str":
            return ev.value
        if tag == _TAG + "merge":
            raise YamlError("YAML merge keys (<<) are not allowed", line,
                            fr="clé de fusion YAML (<<) non autorisée")
        if tag not in _SCALAR_TAGS:
            raise YamlError(f"unsupported YAML tag {tag}", line,
                            fr=f"étiquette YAML non autorisée ({tag})")
        if tag in (_TAG + "int", _TAG + "float") and len(ev.value) > MAX_NUMBER_CHARS:
            raise YamlError(f"number too large ({len(ev.value)} characters, limit "
                            f"{MAX_NUMBER_CHARS})", line,
                            fr=f"nombre trop long ({len(ev.value)} caractères ; limite "
                               f"{MAX_NUMBER_CHARS})")
        node = yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, style=ev.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, ArithmeticError,
                AttributeError, LookupError) as exc:   # a malformed explicitly tagged value
            log.debug("invalid %s value %r: %s", tag, ev.value[:40], exc)
            raise YamlError(f"invalid value {_short(ev.value)} for {tag.removeprefix(_TAG)}",
                            line, fr=f"valeur invalide « {_short(ev.value, False)} »") from None


def _short(value, quoted: bool = True) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text[:40] + "…" if len(text) > 40 else text
    return repr(text) if quoted else text


def _copy(value):
    """A deep copy of a built value (depth is bounded by ``max_depth``)."""
    if isinstance(value, LineDict):
        d = LineDict((k, _copy(v)) for k, v in value.items())
        d.line, d.lines = value.line, dict(value.lines)
        return d
    if isinstance(value, LineList):
        lst = LineList(_copy(v) for v in value)
        lst.line, lst.lines = value.line, list(value.lines)
        return lst
    return value
