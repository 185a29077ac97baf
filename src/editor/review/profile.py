"""The reviewer profile (name, role, review mode), set once, stored in ``user_config_dir()``.

``load_profile() -> (Profile | None, error | None)`` never raises; ``save_profile(profile)`` writes
``reviewer.yaml`` atomically and returns an error message (French) or ``None``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.review.model import MODES, PAIR

FILENAME = "reviewer.yaml"
MAX_BYTES = 64 * 1024   # a name, a role and a mode


@dataclass
class Profile:
    name: str
    role: str = ""
    mode: str = PAIR           # "pair" (two people, default) or "solo"


def profile_path() -> Path:
    from editor.paths import user_config_dir

    return user_config_dir() / FILENAME


def load_profile(path: Path | None = None) -> tuple[Profile | None, str | None]:
    from editor import yamlsafe

    p = path or profile_path()
    try:
        data = yamlsafe.load(yamlsafe.read_text(p, MAX_BYTES), max_bytes=MAX_BYTES) or {}
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        return None, f"{p} : profil de relecteur illisible ({exc.strerror or exc})"
    except yamlsafe.YamlError as exc:
        return None, f"{p} : profil de relecteur invalide ({exc.french()})"
    if not isinstance(data, dict):
        return None, f"{p} : profil de relecteur invalide (le champ « name » est requis)"
    fields = {}
    for key in ("name", "role", "mode"):
        v = data.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (str, int, float))):
            return None, f"{p} : profil de relecteur invalide (« {key} » doit être un texte)"
        fields[key] = "" if v is None else str(v).strip()
    if not fields["name"]:
        return None, f"{p} : profil de relecteur invalide (le champ « name » est requis)"
    mode = fields["mode"] or PAIR
    if mode not in MODES:
        return None, f"{p} : mode de relecture inconnu « {mode} » (attendu : solo ou pair)"
    return Profile(fields["name"], fields["role"], mode), None


def save_profile(profile: Profile, path: Path | None = None) -> str | None:
    import yaml

    from editor.fileio import write_atomic as atomic_write

    if not profile.name.strip():
        return "le nom du relecteur est obligatoire"
    if profile.mode not in MODES:
        return f"mode de relecture inconnu « {profile.mode} »"
    p = path or profile_path()
    data = {"name": profile.name.strip(), "role": profile.role.strip(), "mode": profile.mode}
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(p, yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"))
    except OSError as exc:
        return f"{p} : enregistrement impossible ({exc.strerror or exc})"
    return None
