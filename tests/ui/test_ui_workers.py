"""Off-thread work: one job in flight, newest queued, stale results dropped; typing never waits."""
import threading
import time

from uihelpers import type_text


def test_runner_runs_only_the_newest_queued_job(qtbot):
    from editor.ui.workers import LatestJobRunner

    gate = threading.Event()
    ran = []

    def job(x):
        if x == 0:
            gate.wait(5)
        ran.append(x)
        return x * 10

    r = LatestJobRunner(job)
    results = []
    r.finished.connect(lambda rev, res: results.append((rev, res)))
    r.submit(0, 0)
    for i in range(1, 6):
        r.submit(i, i)           # queued while 0 runs: each replaces the previous
    gate.set()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert ran == [0, 5] and results == [(0, 0), (5, 50)]
    assert r.started == 2


def test_job_errors_come_back_instead_of_crashing(qtbot):
    from editor.ui.workers import JobError, LatestJobRunner

    r = LatestJobRunner(lambda x: 1 / x)
    with qtbot.waitSignal(r.finished, timeout=5000) as sig:
        r.submit(1, 0)
    assert isinstance(sig.args[1], JobError)


def test_threaded_checking_drops_stale_results(make_window, qtbot):
    w = make_window(synchronous=False)
    qtbot.waitUntil(lambda: w.checker.enabled, timeout=5000)   # starts once the window is shown
    slow = w.holder.check

    def check(text, base):
        time.sleep(0.15)           # a slow engine
        return slow(text, base)

    w.holder.check = check
    w.editor.setFocus()
    type_text(w.editor, "Premier jet : -20 %")
    w.checker.run_now()             # a check starts on this text...
    type_text(w.editor, " et le meilleur chirurgien")   # ...while typing goes on
    qtbot.waitUntil(lambda: w.checker.up_to_date, timeout=10000)
    assert w.checker.stale_dropped >= 1
    assert sorted(m.cursor.selectedText() for m in w.editor.marks) == \
        ["-20 %", "le meilleur chirurgien"]


def test_keystrokes_do_not_wait_for_the_engine(make_window, qtbot):
    w = make_window(synchronous=False)
    qtbot.waitUntil(lambda: w.checker.enabled, timeout=5000)   # starts once the window is shown
    real = w.holder.check

    def check(text, base):
        time.sleep(0.5)
        return real(text, base)

    w.holder.check = check
    w.editor.setFocus()
    type_text(w.editor, "a")
    w.checker.run_now()
    t = time.perf_counter()
    type_text(w.editor, "bcdefghij")
    assert time.perf_counter() - t < 0.4       # far below the 0.5 s the engine takes
    qtbot.waitUntil(lambda: w.checker.up_to_date, timeout=10000)


def test_debounce_grows_with_size():
    from editor.ui.live import check_delay, preview_delay

    assert check_delay(200) < check_delay(130_000) <= 400
    assert preview_delay(200) < preview_delay(130_000)
