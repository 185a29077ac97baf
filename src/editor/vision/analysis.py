"""Looking at a post's photos: composites, faces, burned-in text and metadata, cached by content.

:class:`ImageAnalyser` opens each image through :func:`editor.vision.opening.open_image` (formats,
sizes and decompression bombs checked there), decodes it once at :data:`ANALYSIS_SIDE` pixels on its
long side, upright, and runs the detectors on that copy:

* :mod:`editor.vision.composite` — before/after montages (panels side by side, stacked, in a grid);
* :mod:`editor.vision.faces` — visible faces (dlib, optional);
* :mod:`editor.vision.ocr` — text inside the image (Tesseract, optional);
* :mod:`editor.vision.metadata` — EXIF date, editing software, GPS position.

Boxes in an :class:`ImageReport` are in the pixels of the full upright image. Reports are kept by
the SHA-256 of the file's bytes, in memory and on disk (the user's cache folder), so re-opening a
post costs a hash per image; a changed detector (:data:`VERSION`) invalidates the disk cache.
Nothing leaves the machine. Optional detectors that are not installed are skipped and
:meth:`status` says so in French.

Time, on two cores: the ``tesseract`` process that reads an image's text is started before the
image is decoded (its models load meanwhile, a tenth of a second or more) and is given the
candidate lines once they are found; it is not used when an image has none. One image alone
(:meth:`ImageAnalyser.analyse`) has its faces and montage looked for on a second thread while its
text is found and read. Several images (:meth:`ImageAnalyser.analyse_many`) are shared by
:data:`WORKERS` threads, each looking at one image after another; the text of all of them is read
at the end by one ``tesseract`` process (one start, that is about 0.3 s of CPU for its French and
English models, instead of one per image or per thread). Once an analysis has started one, another
is left waiting, its models loaded, for the next analysis of the session
(:func:`editor.vision.ocr.keep_spare`: the process of a photo without text, unused, or a new
one): a photo added to a post does not wait for Tesseract to load; only the session's first
analysis does.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from editor.vision.ocr import Candidates

from editor.vision.opening import ImageProblem, open_image, upright_scaled

log = logging.getLogger(__name__)

ANALYSIS_SIDE = 1024        # pixels on the long side of the copy the detectors see
VERSION = 3                 # of the detectors and of this report: part of the disk cache's key
WORKERS = 2                 # images analysed at once (dlib, Tesseract and decoding release the GIL)

Box = tuple[int, int, int, int]


@dataclass
class ImageReport:
    """What was seen in one image (boxes in pixels of the full upright image)."""
    sha256: str
    width: int = 0
    height: int = 0
    layout: str | None = None           # a before/after composite's layout, None when none
    panels: list[Box] = field(default_factory=list)
    composite_score: float = 0.0
    faces: list[Box] = field(default_factory=list)
    lines: list[tuple[str, Box]] = field(default_factory=list)   # recognised text, line by line
    taken: str | None = None            # EXIF date, ISO (kept as text in the cache)
    software: str | None = None
    edited: bool = False
    has_gps: bool = False
    ocr_done: bool = False
    faces_done: bool = False
    problem: str | None = None          # French: why the image could not be analysed
    failed: list[str] = field(default_factory=list)   # detectors that raised (see the log)
    seconds: float = 0.0

    @property
    def composite(self) -> bool:
        return self.layout is not None

    @property
    def text(self) -> str:
        return "\n".join(t for t, _ in self.lines)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict) -> "ImageReport":
        d = dict(d)
        for key in ("panels", "faces"):
            d[key] = [tuple(b) for b in d.get(key, [])]
        d["lines"] = [(t, tuple(b)) for t, b in d.get("lines", [])]
        return cls(**d)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _import(name: str):
    """The module ``editor.vision.<name>``, None when it cannot be imported here (logged)."""
    import importlib

    try:
        return importlib.import_module(f"editor.vision.{name}")
    except ImportError as exc:      # numpy missing: the images extra is not installed
        log.warning("image detector %s unavailable: %s", name, exc)
        return None


def _detector(name: str):
    """The optional detector module ``editor.vision.<name>`` when it can run here, else None."""
    mod = _import(name)
    available = getattr(mod, "available", None)
    if mod is None or (available is not None and not available()):
        return None
    return mod


def _unavailable_reason(name: str) -> str | None:
    """Why the detector ``name`` is off, in French (its module's own words when it has them)."""
    mod = _import(name)
    return mod.unavailable_reason() if mod is not None else None


@dataclass
class _Pending:
    """An image being analysed: its report, filled but for the text until Tesseract has read
    ``lines``; ``finish`` waits for the detectors still running on another thread."""
    path: Path
    report: ImageReport
    lines: "Candidates | None" = None          # the candidate lines, None when text is not read
    full: Callable = lambda box: box           # analysed pixels -> pixels of the full image
    finish: Callable[[], None] = lambda: None


class _Text:
    """The one ``tesseract`` process that reads the text of the images analysed together,
    started by the first of them that is not cached (its models load while the images are
    decoded and looked at); nothing when text is not read here."""

    def __init__(self, module, spare: bool = True) -> None:
        self.module = module           # editor.vision.ocr, None when text is not read
        self.reader: Any = None        # its ocr.Reader, once started
        self.spare = spare             # leave one waiting for the next analysis
        self._lock = threading.Lock()

    def start(self) -> None:
        if self.module is None:
            return
        with self._lock:
            if self.reader is not None:
                return
            self.reader = reader = self.module.Reader()
            try:
                reader.start()
            except self.module.OcrError:
                pass       # logged; reading the text tries again, and fails with "ocr"

    def close(self) -> None:
        """Ends the process; when one was started here (images not seen before), another one
        waits for the next analysis, its models loaded: this one if it was not used."""
        with self._lock:
            if self.reader is not None:
                try:
                    if self.spare:
                        self.module.keep_spare(self.reader)
                finally:
                    self.reader.close()


class ImageAnalyser:
    """Analyses image files, once per content (memory and disk caches); thread-safe."""

    def __init__(self, cache_dir: Path | None = None, ocr: bool = True, faces: bool = True) -> None:
        if cache_dir is None:
            from editor.paths import user_cache_dir

            cache_dir = user_cache_dir() / "images"
        self.cache_dir = Path(cache_dir)
        self.want_ocr = ocr
        self.want_faces = faces
        # a Tesseract left waiting for the next analysis (the editor); not for one check (CLI)
        self.keep_ocr_ready = True
        self._lock = threading.Lock()
        self._hashes: dict[tuple[str, int, int], str] = {}       # (path, mtime, size) -> sha
        self._reports: dict[str, ImageReport] = {}
        self._modules: dict[str, object] = {}

    # -- detectors --------------------------------------------------------------------------------
    def _module(self, name: str):
        with self._lock:
            if name not in self._modules:
                self._modules[name] = _detector(name)
            return self._modules[name]

    def status(self) -> list[str]:
        """French sentences saying which image checks are off here, and why."""
        out = []
        if self._module("composite") is None:
            out.append("Analyse des photos désactivée\u202f: le module d’images (numpy) n’est pas "
                       "installé.")
        for name, wanted in (("ocr", self.want_ocr), ("faces", self.want_faces)):
            if not wanted:
                continue
            if self._module(name) is None:
                reason = _unavailable_reason(name)
                out.append(reason or ("Lecture du texte des images désactivée."
                                      if name == "ocr" else "Détection des visages désactivée."))
        return out

    # -- analysis ---------------------------------------------------------------------------------
    def digest(self, path: Path) -> str:
        """The file's SHA-256, remembered while its size and modification time stay the same."""
        st = os.stat(path)
        key = (str(path), st.st_mtime_ns, st.st_size)
        with self._lock:
            got = self._hashes.get(key)
        if got is None:
            got = file_sha256(path)
            with self._lock:
                if len(self._hashes) > 4096:
                    self._hashes.clear()
                self._hashes[key] = got
        return got

    def analyse(self, path: Path) -> ImageReport:
        """The report for the image file ``path`` (its problem set when it cannot be read)."""
        path = Path(path)
        todo = [path]
        return self._work(lambda: todo.pop() if todo else None, alone=True)[path]

    def _lookup(self, path: Path) -> tuple[str, ImageReport | None]:
        """(SHA-256, the report kept in memory or on disk and still valid, else None); a file
        that cannot be read gives an empty SHA and a report saying so."""
        try:
            sha = self.digest(path)
        except OSError as exc:
            return "", ImageReport("", problem=f"Image illisible ({exc.strerror or exc}).")
        got = self._in_memory(sha)
        if got is None:
            got = self._from_disk(sha)
        if got is not None and self._stale(got):
            got = None
        return sha, got

    def _keep(self, report: ImageReport, computed: bool) -> None:
        if computed:
            self._to_disk(report)
        if not report.sha256:
            return
        with self._lock:
            if len(self._reports) > 512:
                self._reports.clear()
            self._reports[report.sha256] = report

    def _in_memory(self, sha: str) -> ImageReport | None:
        with self._lock:
            return self._reports.get(sha)

    def _remembered(self, path: Path) -> ImageReport | None:
        """The report kept in memory for this file as it is now, else None (one ``stat``)."""
        try:
            return self._in_memory(self.digest(path))
        except OSError:
            return None

    def _stale(self, report: ImageReport) -> bool:
        """A report made when a detector that runs now was missing (installed since)."""
        return ((self.want_ocr and not report.ocr_done and self._module("ocr") is not None)
                or (self.want_faces and not report.faces_done
                    and self._module("faces") is not None))

    def analyse_many(self, paths: list[Path]) -> dict[Path, ImageReport]:
        """Reports for several files (a post's photos): those already seen come from memory (a
        re-check while typing costs a ``stat`` per image); the others are shared by
        :data:`WORKERS` threads, and the text of all of them is read by one Tesseract."""
        paths = list(dict.fromkeys(Path(p) for p in paths))
        got = {p: r for p in paths if (r := self._remembered(p)) is not None}
        todo = [p for p in paths if p not in got]
        if len(todo) > 1:
            lock, queue = threading.Lock(), iter(todo)

            def take() -> Path | None:
                with lock:
                    return next(queue, None)

            workers = min(WORKERS, len(todo))
            text = _Text(self._module("ocr") if self.want_ocr else None,
                         self.keep_ocr_ready)
            reports: dict[Path, ImageReport] = {}
            computed: list[_Pending] = []
            gathered = False
            try:
                with ThreadPoolExecutor(max_workers=workers,
                                        thread_name_prefix="tact-image") as pool:
                    for done, pending in pool.map(lambda _: self._gather(take, text),
                                                  range(workers)):
                        reports.update(done)
                        computed.extend(pending)
                gathered = True
            finally:     # the text is not read when an error is on its way
                got.update(self._conclude(text, reports, computed, read=gathered))
        elif todo:
            got[todo[0]] = self.analyse(todo[0])
        return {p: got[p] for p in paths}

    def _work(self, take: Callable[[], Path | None],
              alone: bool = False) -> dict[Path, ImageReport]:
        """Reports for the files ``take()`` hands out until it gives None (see :meth:`_gather`),
        their text read by one ``tesseract`` process."""
        text = _Text(self._module("ocr") if self.want_ocr else None,
                         self.keep_ocr_ready)
        reports: dict[Path, ImageReport] = {}
        computed: list[_Pending] = []
        gathered = False
        try:
            reports, computed = self._gather(take, text, alone)
            gathered = True
        finally:
            reports = self._conclude(text, reports, computed, read=gathered)
        return reports

    def _gather(self, take: Callable[[], Path | None], text: "_Text",
                alone: bool = False) -> tuple[dict[Path, ImageReport], list["_Pending"]]:
        """(cached reports, images being analysed) for the files ``take()`` hands out until it
        gives None. Each one not cached is decoded and looked at here but for the reading of its
        text, left to :meth:`_conclude`; ``text``'s ``tesseract`` process is started before the
        first of them is decoded. ``alone``: one image, its faces and montage looked for on a
        second thread meanwhile."""
        reports: dict[Path, ImageReport] = {}
        computed: list[_Pending] = []
        try:
            while (path := take()) is not None:
                sha, got = self._lookup(path)
                if got is not None:
                    reports[path] = got
                    continue
                text.start()
                computed.append(self._compute(path, sha, alone))
        except BaseException:
            self._conclude(text, reports, computed, read=False)
            raise
        return reports, computed

    def _conclude(self, text: "_Text", reports: dict[Path, ImageReport],
                  computed: list["_Pending"], read: bool = True) -> dict[Path, ImageReport]:
        """``reports`` with those of ``computed``, whose text is read at once (unless ``read`` is
        False: an error is on its way) once their other detectors are done; the new ones kept."""
        try:
            if computed and read:
                self._read_text(text.module, text.reader, computed)
        finally:
            text.close()
            for pending in computed:
                t0 = time.perf_counter()
                pending.finish()
                report = pending.report
                report.seconds = round(report.seconds + time.perf_counter() - t0, 4)
                reports[pending.path] = report
        for report in reports.values():
            self._keep(report, any(p.report is report for p in computed))
        return reports

    def _read_text(self, ocr_mod, reader, computed: list["_Pending"]) -> None:
        """The text of the images in ``computed`` whose candidate lines were found, read at once."""
        todo = [(p, p.lines) for p in computed if p.lines is not None]
        if not todo:
            return
        t0 = time.perf_counter()
        try:
            found = reader.read([lines for _, lines in todo])
        except Exception as exc:
            if not isinstance(exc, ocr_mod.OcrError):     # OcrError: logged by the reader
                log.exception("image detector ocr failed on %s", todo[0][0].path.name)
            for p, _ in todo:
                p.report.failed.append("ocr")
            return
        spent = time.perf_counter() - t0
        pages = sum(len(candidates.pages) for _, candidates in todo) or 1
        for (p, candidates), lines in zip(todo, found):
            p.report.lines = [(line.text, p.full(line.box)) for line in lines]
            p.report.ocr_done = True
            p.report.seconds += spent * len(candidates.pages) / pages

    def _read_metadata(self, im, report: "ImageReport", path: Path) -> None:
        """The photo's date, editing software and GPS position into ``report``."""
        meta_mod = self._module("metadata")
        if meta_mod is None:
            return
        try:
            meta = meta_mod.read_metadata(im)
            report.taken = meta.taken.isoformat() if meta.taken else None
            report.software, report.edited = meta.software, meta.edited
            report.has_gps = meta.has_gps
        except Exception:     # odd metadata never blocks the pixels' analysis
            log.exception("image metadata unreadable in %s", path.name)
            report.failed.append("metadata")

    def _compute(self, path: Path, sha: str, alone: bool) -> "_Pending":
        """Decodes ``path`` and runs the detectors but the reading of its text, which needs
        Tesseract (``_Pending.lines``: the candidate lines to read, None when not looked for)."""
        t0 = time.perf_counter()
        report = ImageReport(sha)
        pending = _Pending(path, report)
        try:
            with open_image(path) as im:
                self._read_metadata(im, report, path)
                small, (report.width, report.height) = upright_scaled(im, ANALYSIS_SIDE)
        except ImageProblem as exc:
            report.problem = exc.french
            report.seconds = round(time.perf_counter() - t0, 4)
            return pending
        scale = report.width / small.width if small.width else 1.0

        def full(box) -> Box:
            x, y, w, h = box
            return (round(x * scale), round(y * scale), round(w * scale), round(h * scale))

        pending.full = full

        def run(name: str, wanted: bool, use) -> None:
            self._run_detector(name, wanted, use, report, path)

        def composite(mod) -> None:
            found = mod.detect_composite(small)
            if found is not None:
                report.layout = found.layout
                report.panels = [full(b) for b in found.panels]
                report.composite_score = round(float(found.score), 3)

        grey = small.convert("L")      # faces and text are looked for in grey: converted once

        def faces(mod) -> None:
            report.faces = [full(f.box) for f in mod.detect_faces(grey)]
            report.faces_done = True

        def ocr(mod) -> None:
            pending.lines = mod.find_lines(grey)

        def pictures() -> None:
            run("faces", self.want_faces, faces)
            run("composite", True, composite)

        if alone:   # the text's lines are found at once, Tesseract waiting for them
            helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tact-image-alone")
            job = helper.submit(pictures)

            def finish() -> None:
                job.result()
                helper.shutdown()

            pending.finish = finish
        else:
            pictures()
        run("ocr", self.want_ocr, ocr)
        report.seconds = time.perf_counter() - t0
        return pending

    def _run_detector(self, name: str, wanted: bool, use, report: ImageReport,
                      path: Path) -> None:
        """Run detector ``name`` through ``use(module)`` when wanted and installed; its failure
        costs that detector only, logged and listed in ``report.failed``."""
        mod = self._module(name) if wanted else None
        if mod is None:
            return
        try:
            use(mod)
        except Exception:
            log.exception("image detector %s failed on %s", name, path.name)
            report.failed.append(name)

    # -- disk cache -------------------------------------------------------------------------------
    def _cache_file(self, sha: str) -> Path:
        flags = f"{int(self.want_ocr)}{int(self.want_faces)}"
        return self.cache_dir / f"v{VERSION}-{flags}" / sha[:2] / f"{sha}.json"

    def _from_disk(self, sha: str) -> ImageReport | None:
        f = self._cache_file(sha)
        try:
            return ImageReport.from_json(json.loads(f.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("image analysis cache %s unreadable, analysed again: %s", f, exc)
            return None

    def _to_disk(self, report: ImageReport) -> None:
        if not report.sha256 or report.problem or report.failed:
            return           # tried again next time
        from editor.fileio import write_atomic

        f = self._cache_file(report.sha256)
        try:
            f.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(f, json.dumps(report.to_json()).encode("utf-8"))
        except OSError as exc:
            log.warning("image analysis not cached (%s): %s", f, exc)
