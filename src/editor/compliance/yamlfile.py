"""YAML read with line numbers, so that every problem in a rule file is reported as file:line."""
from __future__ import annotations

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class YamlError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineDict(dict):
    """A mapping that remembers the line of each key (``lines``) and its own (``line``)."""
    line: int = 0
    lines: dict


class LineList(list):
    line: int = 0
    lines: list


def _convert(node):
    if isinstance(node, yaml.MappingNode):
        d = LineDict()
        d.line = node.start_mark.line + 1
        d.lines = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                raise YamlError("a key must be a plain value", knode.start_mark.line + 1)
            key = yaml.load(yaml.serialize(knode), Loader=_Loader) if knode.tag != \
                "tag:yaml.org,2002:str" else knode.value
            if key in d:
                raise YamlError(f"duplicate key {key!r}", knode.start_mark.line + 1)
            d[key] = _convert(vnode)
            d.lines[key] = knode.start_mark.line + 1
        return d
    if isinstance(node, yaml.SequenceNode):
        lst = LineList(_convert(v) for v in node.value)
        lst.line = node.start_mark.line + 1
        lst.lines = [v.start_mark.line + 1 for v in node.value]
        return lst
    # Scalars: let PyYAML resolve the type (str, int, bool, null).
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    return yaml.load(yaml.serialize(node), Loader=_Loader)


def load(text: str):
    """Parse one YAML document; raise :class:`YamlError` with the line of the problem."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(f"invalid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}") from None
    if node is None:
        return None
    return _convert(node)
