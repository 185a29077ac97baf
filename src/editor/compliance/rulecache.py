"""The compiled rule set kept between runs: ``rules-<digest>.pickle`` in the user's cache folder.

The digest covers the rule files, the settings and the compiler's code, so a changed pack or a
new version of the program writes a new file. Only the few most recently used files are kept
(one per combination of packs in use: the editor, a clinic's ``--rules`` folder...); older ones are
removed when a new one is written. A file that cannot be read back (truncated by a full disk, from
another Python version) is logged, removed and rebuilt.
"""
from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from editor.fileio import write_atomic

log = logging.getLogger(__name__)

PREFIX, SUFFIX = "rules-", ".pickle"
KEEP = 3
# The modules whose code decides what a compiled rule set holds.
COMPILER_MODULES = ("patterns", "matcher", "morphology", "ruleset", "schema", "categories",
                    "packs", "contextfile", "settings", "sources", "loader", "compiler", "images")


def cache_path(folder: Path, digest: str) -> Path:
    return folder / f"{PREFIX}{digest}{SUFFIX}"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling a rule set makes tens of thousands of objects, none of them garbage: with the
    cycle collector running, it would walk them all several times (a tenth of a ``tact check``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(path: Path, expected_type: type):
    """The cached rule set, or None (missing: silently; unreadable: logged and removed)."""
    try:
        with open(path, "rb") as fh, _collector_paused():
            value = pickle.load(fh)
        if not isinstance(value, expected_type):
            raise TypeError(f"holds a {type(value).__name__}, not a {expected_type.__name__}")
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - any unpickling failure means: rebuild
        log.warning("compiled rule cache %s unreadable (%s: %s): rebuilt from the rule files",
                    path, type(exc).__name__, exc)
        try:
            path.unlink()
        except OSError as unlink_exc:
            log.warning("cannot remove the unreadable rule cache %s: %s", path, unlink_exc)
        return None
    try:
        os.utime(path)      # recently used: kept when older versions are removed
    except OSError:
        pass                # a read-only cache still serves
    return value


def store(path: Path, ruleset, prefix: str = PREFIX) -> None:
    """Write the rule set (or another compiled object cached the same way, whose files start
    with ``prefix``), then remove all but the :data:`KEEP` most recently used files."""
    try:
        write_atomic(path, pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:
        log.warning("cannot write the compiled cache %s: %s", path, exc)
        return
    prune(path.parent, keep=path, prefix=prefix)


def prune(folder: Path, keep: Path | None = None, count: int = KEEP,
          prefix: str = PREFIX) -> list[Path]:
    """Remove the cached files ``prefix*.pickle`` beyond the ``count`` most recently used
    (``keep`` always stays). Returns the removed files."""
    entries = []
    for p in folder.glob(f"{prefix}*{SUFFIX}"):
        try:
            entries.append((p.stat().st_mtime, p))
        except OSError:
            continue
    entries.sort(reverse=True)
    kept = 1 if keep is not None else 0
    removed = []
    for _, p in entries:
        if keep is not None and p == keep:
            continue
        if kept < count:
            kept += 1
            continue
        try:
            p.unlink()
            removed.append(p)
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("cannot remove the old rule cache %s: %s", p, exc)
    if removed:
        log.info("removed %d old compiled rule cache file(s) from %s", len(removed), folder)
    return removed


def source_digest(dirs: list[Path], settings, also: Sequence[Path] = ()) -> str:
    """What the compiled rule set depends on: the program's version, the bundled word lists, the
    packs' files (``dirs``, and the files ``also`` read from other packs), the settings'
    overrides and the compiler's code."""
    from editor import __version__
    from editor.compliance import morphology
    from editor.compliance.packs import builtin_lexicon_dir

    h = hashlib.sha256()
    h.update(__version__.encode())
    lex = builtin_lexicon_dir()
    files = sorted(lex.glob("*.txt")) if lex.is_dir() else []
    for d in dirs:
        if d.is_dir():
            files.extend(sorted(d.rglob("*.yaml")))
            files.extend(sorted(d.rglob("*.txt")))
    files.extend(also)
    for f in files:
        try:
            h.update(str(f).encode())
            h.update(f.read_bytes())
        except OSError:
            h.update(b"?")
    if settings:
        h.update(repr(sorted(settings.overrides.items())).encode())
    modules = [importlib.import_module(f"editor.compliance.{m}") for m in COMPILER_MODULES]
    h.update(code_signature([m.__file__ for m in modules]))
    h.update(morphology.lexicon_version().encode())
    return h.hexdigest()[:32]


def code_signature(files) -> bytes:
    """The compiler's source, so a code change invalidates cached rule sets. A frozen application
    has no ``.py`` files: its executable (which carries the code archive) stands for them."""
    try:
        return b"".join(Path(f).read_bytes() for f in files)
    except OSError:
        try:
            st = Path(sys.executable).stat()
        except OSError:
            return b"?"
        return f"{sys.executable}:{st.st_size}:{st.st_mtime_ns}".encode()
