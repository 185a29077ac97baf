"""Editor responsiveness on a 20,000-word post (offscreen). Prints figures with their targets.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_bench.py [--words N]

* keystroke: GUI-thread time to handle one typed character (key event + the repaint it causes),
  measured while checks and preview renders run in the background, as when someone types;
  baseline: a bare QPlainTextEdit holding the same text, same keystrokes (ratio printed).
* findings up to date: from the last keystroke of a burst to the findings of that text applied.
* result application: the longest GUI-thread stall to apply a check result (underlines + panel).
* stall between keystrokes: the longest turn of the event loop while typing (a result applied,
  the findings list refreshed, the preview or the counts shown): a key pressed then waits for it.
* CPU: the same figures in GUI-thread CPU time (time.thread_time), which waits for the
  interpreter's lock and other processes do not inflate: on a loaded machine it shows what the
  editor's own work costs, wall-clock figures what the user would see there.
* start-up: a child process from launch to the main window shown on the sample workspace.
* peak memory: maximum resident set size of this process (rules, dictionary, 20k-word document).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = Path(tempfile.mkdtemp(prefix="tact-gui-bench-"))
for _k in ("data", "config"):
    os.environ.setdefault(f"TACT_{_k.upper()}_DIR", str(_TMP / _k))

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _text import document  # noqa: E402

TYPED = "Résultat garanti, -20 % ce mois-ci ! « Merci docteur » 😀 "


def _rss_now() -> float:
    """Current resident set size in MB (Linux), or 0 when unknown."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _ms(s: float) -> str:
    return f"{s * 1000:.1f} ms"


STALLS: list[float] = []     # each turn of the event loop during the pauses of _keystrokes
STALLS_CPU: list[float] = []     # the same turns in GUI-thread CPU time
KEYS_CPU: list[float] = []       # each keystroke in GUI-thread CPU time


def _turn(app) -> None:
    """One turn of the event loop, timed (wall clock and GUI-thread CPU)."""
    t, c = time.perf_counter(), time.thread_time()
    app.processEvents()
    STALLS.append(time.perf_counter() - t)
    STALLS_CPU.append(time.thread_time() - c)


def _keystrokes(app, widget, text, pause_s=0.03):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    times = []
    for ch in text:
        t = time.perf_counter()
        c = time.thread_time()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))
        widget.viewport().repaint()      # the repaint a real key press triggers
        times.append(time.perf_counter() - t)
        KEYS_CPU.append(time.thread_time() - c)
        end = time.perf_counter() + pause_s
        while time.perf_counter() < end:    # the user's pause: background work proceeds
            _turn(app)
            time.sleep(0.002)
    return times


def startup_child() -> None:
    t0 = float(os.environ["TACT_BENCH_T0"])
    from PySide6.QtWidgets import QApplication  # noqa: F401

    from editor.ui.app import create_window

    app, w = create_window(None)
    w.show()
    app.processEvents()
    shown = time.time() - t0
    print(f"{shown:.4f}", flush=True)
    w.editor.document().setModified(False)
    os._exit(0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--startup-child", action="store_true")
    args = ap.parse_args()
    if args.startup_child:
        startup_child()
        return

    # -- start-up (child processes, before this one loads anything) --
    samples = []
    for _ in range(3):
        env = dict(os.environ, TACT_BENCH_T0=f"{time.time():.6f}")
        r = subprocess.run([sys.executable, __file__, "--startup-child"], env=env,
                           capture_output=True, text=True, timeout=120)
        try:
            samples.append(float(r.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            print("start-up child failed:", r.stderr[-500:])
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    import editor.ui  # noqa: F401 - the PySide6 6.12 / Python 3.11 workaround

    app = QApplication.instance() or QApplication([])
    rss_qt = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from editor.compliance.service import make_engine
    from editor.ui.main_window import MainWindow

    text = document(args.words)
    post = _TMP / "long-post.md"
    post.write_text(text, encoding="utf-8")
    t = time.perf_counter()
    engine, _errors = make_engine(spelling=True)
    engine_load = time.perf_counter() - t
    rss_engine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import gc

    gc.collect()
    rss_engine_now = _rss_now()
    t = time.perf_counter()
    engine.check(text)
    check_time = time.perf_counter() - t

    # -- baseline: a bare QPlainTextEdit --
    bare = QPlainTextEdit()
    bare.setPlainText(text)
    bare.resize(700, 800)
    bare.show()
    app.processEvents()
    c = bare.textCursor()
    c.setPosition(len(text) // 2)
    bare.setTextCursor(c)
    bare.setFocus()
    base = _keystrokes(app, bare, TYPED * 2, pause_s=0.005)
    bare.close()
    for figures in (STALLS, STALLS_CPU, KEYS_CPU):
        figures.clear()

    # -- the editor --
    w = MainWindow(engine=engine)
    w.resize(1360, 860)
    w.show()
    t = time.perf_counter()
    w.open_path(post)
    open_time = time.perf_counter() - t
    deadline = time.time() + 120
    while not (w.checker.up_to_date and w.previewer.up_to_date) and time.time() < deadline:
        app.processEvents()
        time.sleep(0.005)
    settled = time.perf_counter() + 1.0     # the list filled and its cards sized, as before typing
    while time.perf_counter() < settled or w.panel_timer.isActive():
        app.processEvents()
        time.sleep(0.005)
    findings = len(w.editor.marks)

    apply_times, apply_cpu = [], []
    orig = w._analysis_ready

    def timed(*a):
        t0, c0 = time.perf_counter(), time.thread_time()
        orig(*a)
        apply_times.append(time.perf_counter() - t0)
        apply_cpu.append(time.thread_time() - c0)

    w.checker.analysisReady.disconnect(w._analysis_ready)
    w.checker.analysisReady.connect(timed)

    cur = w.editor.textCursor()
    cur.setPosition(w.editor.document().characterCount() // 2)
    w.editor.setTextCursor(cur)
    w.editor.setFocus()
    keys, delays = [], []
    for burst in range(5):
        keys += _keystrokes(app, w.editor, TYPED)
        t_last = time.perf_counter()
        while not w.checker.up_to_date and time.perf_counter() - t_last < 30:
            _turn(app)
            time.sleep(0.001)
        delays.append(time.perf_counter() - t_last)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    end_mb = _rss_now()

    words = len(text.split())
    print(f"document: {words} words, {len(text)} characters, {findings} findings "
          f"(engine load {engine_load:.2f} s, opening {_ms(open_time)})")
    kmax, kp95, kmed = max(keys), statistics.quantiles(keys, n=20)[18], statistics.median(keys)
    bmax, bmed = max(base), statistics.median(base)
    print(f"keystroke, longest:            {_ms(kmax)}   (target <= 16 ms)   "
          f"p95 {_ms(kp95)}, median {_ms(kmed)} over {len(keys)} keys")
    print(f"  baseline bare QPlainTextEdit: longest {_ms(bmax)}, median {_ms(bmed)}  "
          f"(ratio of medians {kmed / bmed:.2f}x)")
    print(f"findings up to date after a pause: median {_ms(statistics.median(delays))}, "
          f"worst {_ms(max(delays))}   (target <= 300 ms; includes the "
          f"{w.checker.delay_fn(len(text))} ms pause)")
    print(f"  GUI-thread CPU per keystroke: longest {_ms(max(KEYS_CPU))}, "
          f"median {_ms(statistics.median(KEYS_CPU))}")
    if apply_times:
        print(f"applying a check result (GUI thread): longest {_ms(max(apply_times))}, "
              f"median {_ms(statistics.median(apply_times))}; CPU longest "
              f"{_ms(max(apply_cpu))}, median {_ms(statistics.median(apply_cpu))}")
    if STALLS:
        print(f"longest GUI-thread stall between keystrokes (results, findings list, preview, "
              f"counts): {_ms(max(STALLS))}; over 16 ms: {sum(s > 0.016 for s in STALLS)} "
              f"of {len(STALLS)} turns; CPU: longest {_ms(max(STALLS_CPU))}, total "
              f"{_ms(sum(STALLS_CPU))}")
    if samples:
        print(f"start-up to a shown window (offscreen, new process): median "
              f"{_ms(statistics.median(samples))}, worst {_ms(max(samples))}   (target <= 1 s)")
    print(f"peak memory (RSS): {peak_mb:.0f} MB   (target <= 250 MB)   — Qt alone {rss_qt:.0f} MB, "
          f"peak while loading the engine {rss_engine:.0f} MB; resident once loaded "
          f"{rss_engine_now:.0f} MB, at the end {end_mb:.0f} MB: the editor itself (window, "
          f"20k-word document, findings, preview) adds {end_mb - rss_engine_now:.0f} MB")
    print(f"  engine.check of the whole document alone (GUI-independent): {_ms(check_time)}")
    w.editor.document().setModified(False)
    w.checker.runner.wait(10000)
    w.close()


if __name__ == "__main__":
    main()
