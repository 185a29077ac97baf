"""The reviewer profile (name, role, review mode), set once, stored in ``user_config_dir()``.

``load_profile() -> (Profile | None, error | None)`` never raises; ``save_profile(profile)`` writes
``reviewer.yaml`` atomically and returns an error message (French) or ``None``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.review.model import MODES, PAIR

FILENAME = "reviewer.yaml"


@dataclass
class Profile:
    name: str
    role: str = ""
    mode: str = PAIR           # "pair" (two people, default) or "solo"


def profile_path() -> Path:
    from editor.paths import user_config_dir

    return user_config_dir() / FILENAME


def load_profile(path: Path | None = None) -> tuple[Profile | None, str | None]:
    p = path or profile_path()
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{p} : profil de relecteur illisible ({exc})"
    import yaml

    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        return None, f"{p} : profil de relecteur invalide ({str(exc).splitlines()[0]})"
    if not isinstance(data, dict) or not str(data.get("name") or "").strip():
        return None, f"{p} : profil de relecteur invalide (le champ « name » est requis)"
    mode = str(data.get("mode") or PAIR)
    if mode not in MODES:
        return None, f"{p} : mode de relecture inconnu « {mode} » (attendu : solo ou pair)"
    return Profile(str(data["name"]).strip(), str(data.get("role") or "").strip(), mode), None


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
