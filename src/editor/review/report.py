"""« Faux positif » decisions exported for the rule maintainers (rule, passage, reason).

``false_positives(posts) -> list[dict]`` reads the review files of the given posts (paths of
``*.md`` files); ``write_report(rows, out, fmt)`` writes CSV (comma-separated, standard quoting,
UTF-8 with a BOM so that a spreadsheet reads the accents) or YAML. Every decision still standing is
included, lapsed ones too: they still say something about the rule.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from editor.review import journal_path
from editor.review.journal import read_journal
from editor.review.model import FALSE_POSITIVE
from editor.review.state import replay

COLUMNS = ("fichier", "règle", "catégorie", "gravité", "passage", "contexte", "justification",
           "par", "rôle", "date")


def false_positives(posts: list[tuple[str, Path]]) -> tuple[list[dict], list[tuple[str, str]]]:
    """Rows for every standing « faux positif » acceptance; and (path, French error) problems."""
    rows: list[dict] = []
    errors: list[tuple[str, str]] = []
    for shown, post in posts:
        jp = journal_path(post)
        if not jp.is_file():
            continue
        j = read_journal(jp)
        if j.error:
            errors.append((str(jp), j.error))
            continue
        st = replay(j.entries)
        for d in st.decisions.values():
            if d.action == "accept" and d.kind == FALSE_POSITIVE:
                rows.append({"fichier": shown, "règle": d.rule, "catégorie": d.category,
                             "gravité": d.severity, "passage": d.passage, "contexte": d.context,
                             "justification": d.reason, "par": d.by, "rôle": d.role,
                             "date": d.at})
    rows.sort(key=lambda r: (r["règle"], r["fichier"], r["passage"]))
    return rows, errors


def render(rows: list[dict], fmt: str = "csv") -> str:
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write_report(rows: list[dict], out: Path, fmt: str = "csv") -> None:
    """Write atomically; CSV gets a BOM so that spreadsheet programs read the accents."""
    from editor.fileio import write_atomic as atomic_write

    data = render(rows, fmt)
    atomic_write(out, (("\ufeff" if fmt == "csv" else "") + data).encode("utf-8"))
