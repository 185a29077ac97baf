"""A pack's ``context.yaml``: negators, refutation and self-reference cues, fillers, merged into
the rule set's one :class:`Context`."""
from __future__ import annotations

from pathlib import Path

from editor.compliance.ruleset import Context, RuleError
from editor.compliance.schema import is_mapping, known_keys
from editor.compliance.sources import read_yaml

CONTEXT_KEYS = {"negators", "adjacent_negators", "particles", "negative_triggers", "window", "myth",
                "self", "fillers", "filler_signs", "not_myth", "calls",
                "profile", "others"}


def merge_context(ctx: Context, path: Path) -> None:
    """Add what ``path`` declares to ``ctx`` (word sets folded, cue patterns as written)."""
    from editor.text.fold import fold_text

    data = read_yaml(path) or {}
    if not is_mapping(data):
        raise RuleError(path, None, "context.yaml must be a mapping")
    known_keys(data, CONTEXT_KEYS, path)
    for key, target in (("negators", ctx.negators), ("adjacent_negators", ctx.adjacent),
                        ("particles", ctx.particles),
                        ("negative_triggers", ctx.negative_triggers),
                        ("fillers", ctx.fillers), ("filler_signs", ctx.filler_signs)):
        for w in _words(data, key, path):
            target.add(fold_text(w))
    if "window" in data:
        w = data["window"]
        if isinstance(w, bool) or not isinstance(w, int) or not 0 <= w <= 1000:
            raise RuleError(path, data.lines.get("window"), "'window' must be a whole number")
        ctx.window = w
    ctx.myth.extend(_words(data, "myth", path))
    ctx.self_cues.extend(_words(data, "self", path))
    ctx.not_myth.extend(_words(data, "not_myth", path))
    ctx.calls.extend(_words(data, "calls", path))
    ctx.profile.extend(_words(data, "profile", path))
    ctx.others.extend(_words(data, "others", path))


def _words(data, key: str, path: Path) -> list[str]:
    """A list of plain values (words, numbers) of a context file, as texts."""
    items = data.get(key) or []
    if not isinstance(items, list) or not all(
            isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in items):
        raise RuleError(path, data.lines.get(key), f"{key!r} must be a list of words")
    return [str(x) for x in items]
