"""A clinic's settings file (``settings.yaml``): rules switched off or given another severity."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor.compliance.ruleset import SEVERITIES, RuleError
from editor.compliance.schema import is_mapping, known_keys
from editor.compliance.sources import read_yaml

# ``packs``, ``profile`` and ``review`` are accepted for settings files written for them, and
# have no effect (rules/README.md says so).
SETTINGS_KEYS = {"rules", "packs", "profile", "review"}


def _override(value, path: Path, rid, line) -> dict:
    """What one entry of ``rules:`` asks: off, on, a severity, or {severity, enabled}."""
    if value in ("off", False):
        return {"enabled": False}
    if value in ("on", True):
        return {"enabled": True}
    if value in SEVERITIES:
        return {"severity": value}
    if isinstance(value, dict) and not set(value) - {"severity", "enabled"} \
            and value.get("severity", "error") in SEVERITIES:
        return dict(value)
    raise RuleError(path, line, f"rule {rid!r}: use off, on, error, warning or info")


@dataclass
class Settings:
    """A clinic's adjustments: rules switched off or given another severity."""
    overrides: dict[str, dict] = field(default_factory=dict)
    path: str = ""

    @classmethod
    def load(cls, path: Path) -> "Settings":
        data = read_yaml(path) or {}
        if not is_mapping(data):
            raise RuleError(path, None, "settings must be a mapping")
        known_keys(data, SETTINGS_KEYS, path, " in settings")
        rules = data.get("rules") or {}
        if not is_mapping(rules):
            raise RuleError(path, data.lines.get("rules"), "'rules' must be a mapping of rule ids")
        overrides = {rid: _override(v, path, rid, rules.lines.get(rid)) for rid, v in rules.items()}
        return cls(overrides, str(path))

    def apply(self, rules) -> None:
        """Switch rules on or off and change their severity as the settings say."""
        for r in rules:
            o = self.overrides.get(r.id)
            if o:
                r.enabled = o.get("enabled", r.enabled)
                r.severity = o.get("severity", r.severity)


def overridden_severity(overrides: dict[str, dict], rule_id: str, severity: str) -> str | None:
    """The severity of rule ``rule_id`` (``severity`` in its pack) once the settings'
    ``overrides`` are applied, None when they switch it off. For the rules that are not in the
    rule files (the image rules, see :mod:`editor.compliance.images`)."""
    o = overrides.get(rule_id) or {}
    if not o.get("enabled", True):
        return None
    return o.get("severity", severity)
