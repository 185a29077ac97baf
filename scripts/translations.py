"""Update the English translation of the interface and compile it.

    .venv/bin/python scripts/translations.py

1. ``pyside6-lupdate`` collects every tr()/translate() string of src/editor/ui, and the French
   labels of the categories the built-in rule packs declare (context ``labels``, as
   :func:`editor.ui.labels.category` translates them), into resources/translations/tact_en.ts
   (existing translations are kept; new strings are marked unfinished for a translator, e.g.
   with ``pyside6-linguist``);
2. ``pyside6-lrelease`` compiles it to tact_en.qm, which the editor loads on an English system
   (or with TACT_LANG=en).
Both tools ship with PySide6-Essentials (in the venv's bin folder). Without them the editor still
runs in French and still loads a .qm that is already there.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "tact_en.ts"


def tool(name: str) -> str | None:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def category_labels_source(folder: Path) -> Path:
    """A Python file marking the packs' category labels for lupdate (they are data, not code)."""
    sys.path.insert(0, str(ROOT / "src"))
    from editor.compliance.packs import builtin_categories

    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f'QT_TRANSLATE_NOOP("labels", {c.label!r})' for c in builtin_categories().values()]
    path = folder / "category_labels.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    if not lupdate or not lrelease:
        print("pyside6-lupdate / pyside6-lrelease not found: install PySide6-Essentials",
              file=sys.stderr)
        return 2
    sources = sorted(str(p) for p in (ROOT / "src" / "editor" / "ui").glob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        sources.append(str(category_labels_source(Path(tmp))))
        subprocess.run([lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(TS)],
                       check=True)
    subprocess.run([lrelease, str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
