"""The package layers hold: each core package imports only the packages below it, local imports
(inside functions) included. Qt stays in ui/ (QtGui also in export/, for the PDF report), and a
module of ui/ that needs no Qt belongs in the core (``QT_FREE_UI`` lists the ones still there).

    text, document (+ yamlsafe)      bottom: plain text (tokens, URLs, offset maps, UTF-16), the
                                     post file, its projection and its recovery drafts
    uistate                          bottom: the editor's remembered workspaces (no Qt)
    vision, spelling                 images' pixels; words
    compliance                       rules and findings
    review                           decisions, comments, history
    export                           networks, conversion, images, report (gates on review)
    workflow                         checking + review decisions (tact check, the workspace)
    cli, ui                          on top

Utility modules (fileio, paths, logs, locking, yamlsafe, __version__) may be used by all.
``KNOWN_DEBT`` lists, file by file, the imports that still cross a layer the wrong way: the test
fails on any other, and on an entry that is no longer true (remove it when it is fixed).
"""
import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "editor"

UTILITIES = {"fileio", "paths", "logs", "locking", "yamlsafe", "__version__"}
ALLOWED = {
    "text": set(),
    "uistate": set(),
    "document": {"text"},
    "yamlsafe": {"document"},
    "vision": {"text", "document"},
    "spelling": {"text", "document"},
    "compliance": {"text", "document", "spelling", "vision"},
    "review": {"text", "document", "spelling", "vision", "compliance"},
    "export": {"text", "document", "spelling", "vision", "compliance", "review"},
}
TOP = {"cli", "ui", "__main__", "__init__", "workflow"}

# ui/ modules that import no Qt (none: the preview's HTML is rendered in editor.document.html).
QT_FREE_UI: set[str] = set()

# (importing file, imported package): none left (``tact review verify``, which reads the export
# archive, runs in editor.cli with editor.workflow.audit_journal).
KNOWN_DEBT: set[tuple[str, str]] = set()


def _editor_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "editor":
                yield from (a.name for a in node.names)
            elif node.module.startswith("editor."):
                yield node.module.split(".")[1]
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("editor."):
                    yield a.name.split(".")[1]


def _qt_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        yield from (n for n in names if n.startswith("PySide6"))


def _package(path: Path) -> str:
    rel = path.relative_to(SRC).parts
    return rel[0] if len(rel) > 1 else rel[0][:-3]


def test_core_packages_import_only_what_is_below_them():
    wrong, seen_debt = [], set()
    for path in sorted(SRC.rglob("*.py")):
        pkg = _package(path)
        if pkg in TOP:
            continue
        allowed = ALLOWED.get(pkg)
        assert allowed is not None or pkg in UTILITIES, f"{pkg}: place it in a layer"
        rel = str(path.relative_to(SRC))
        for target in set(_editor_imports(path)):
            if target == pkg or target in UTILITIES:
                continue
            if allowed is not None and target in allowed:
                continue
            if (rel, target) in KNOWN_DEBT:
                seen_debt.add((rel, target))
                continue
            wrong.append(f"{rel} imports editor.{target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)
    assert seen_debt == KNOWN_DEBT, f"fixed, remove from KNOWN_DEBT: {KNOWN_DEBT - seen_debt}"


def test_qt_stays_in_the_interface_and_the_pdf_report():
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        pkg = _package(path)
        for mod in _qt_imports(path):
            if pkg == "ui":
                continue
            if pkg == "export" and not mod.startswith("PySide6.QtWidgets"):
                continue
            wrong.append(f"{path.relative_to(SRC)} imports {mod}")
    assert not wrong, "\n".join(wrong)


def test_interface_modules_need_qt():
    """Logic that needs no Qt (drafts, remembered state, UTF-16 offsets...) lives in the core,
    where the headless commands and the tests reach it without the interface."""
    wrong = []
    for path in sorted((SRC / "ui").glob("*.py")):
        if path.name == "__init__.py" or path.name in QT_FREE_UI:
            continue
        if not any(_qt_imports(path)):
            wrong.append(f"ui/{path.name} imports no Qt: move it to the core")
    assert not wrong, "\n".join(wrong)
