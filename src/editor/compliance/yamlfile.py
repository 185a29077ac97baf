"""YAML read with line numbers, so that every problem in a rule file is reported as file:line.

Kept for existing imports: the reader itself is :mod:`editor.yamlsafe` (one bounded loader for
every YAML the program reads). Rule packs may share lists through anchors and aliases, so
:func:`load` accepts them, with the expanded size capped.
"""
from __future__ import annotations

from editor.yamlsafe import MAX_BYTES, LineDict, LineList, YamlError
from editor.yamlsafe import load as _load

__all__ = ["LineDict", "LineList", "YamlError", "load"]


def load(text: str, max_bytes: int = MAX_BYTES):
    """Parse one rule-pack YAML document; raise :class:`YamlError` with the line of the problem."""
    return _load(text, max_bytes=max_bytes, aliases=True)
