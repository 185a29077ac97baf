"""Realistic French text of any size, built from the labelled posts (educational and
promotional)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "corpus" / "posts", ROOT / "resources" / "samples",
           ROOT.parent / "shared" / "eval" / "public"]


def posts() -> list[str]:
    out = []
    for folder in SOURCES:
        if folder.is_dir():
            out.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md")))
    return out


def document(words: int) -> str:
    """A Markdown document of about ``words`` words made of whole posts."""
    parts, count = [], 0
    pool = posts()
    i = 0
    while count < words:
        p = pool[i % len(pool)]
        parts.append(p)
        count += len(p.split())
        i += 1
    return "\n\n".join(parts)


def post_of(chars: int) -> str:
    """One post of about ``chars`` characters (several short posts joined, cut at a paragraph)."""
    text = document(chars // 4)
    cut = text.rfind("\n\n", 0, chars)
    return text[:cut if cut > chars // 2 else chars]
