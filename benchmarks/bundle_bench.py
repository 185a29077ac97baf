"""Desktop bundle figures: size, build time, start-up of the frozen program.

    .venv/bin/python benchmarks/bundle_bench.py [--build]

``--build`` rebuilds ``dist/tact`` first (``packaging/build.sh`` without its smoke test) and prints
the build time; otherwise the existing bundle is measured (nothing is printed but a note when it
has not been built). Baseline measured in the same run: the installed package (``python -m editor``)
doing the same things. Figures only, no assertions.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ROOT / "dist" / "tact" / "tact"
REPEAT = 5


def du_mb(path: Path) -> float:
    """Disk usage in MiB (what ``du -sm`` reports); symbolic links are not followed."""
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_blocks * 512
    return total / 2**20


def timed_runs(cmd: list[str], env: dict[str, str], repeat: int = REPEAT) -> tuple[float, float]:
    """(first run, median of the next ones) wall-clock seconds."""
    times = []
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=120)
        times.append(time.perf_counter() - t0)
    return times[0], statistics.median(times[1:])


def main() -> None:
    if "--build" in sys.argv:
        env = dict(os.environ, TACT_SKIP_SMOKE="1")
        t0 = time.perf_counter()
        subprocess.run(["bash", "packaging/build.sh"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"build (packaging/build.sh, clean):     {time.perf_counter() - t0:6.1f} s")
    if not EXE.is_file():
        print("dist/tact/tact not built: run packaging/build.sh (or this script with --build)")
        return
    root = EXE.parent
    internal = root / "_internal"
    print(f"bundle dist/tact:                      {du_mb(root):6.1f} MB (target <= 120 MB), "
          f"{sum(1 for p in root.rglob('*') if p.is_file() and not p.is_symlink())} files")
    for part in ("PySide6/Qt/lib", "PySide6/Qt/plugins", "PySide6", "pillow.libs", "python3.11"):
        if (internal / part).is_dir():
            print(f"  {part + ':':36} {du_mb(internal / part):6.1f} MB")
    with tempfile.TemporaryDirectory() as t:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TACT_DATA_DIR=f"{t}/d",
                   TACT_CACHE_DIR=f"{t}/c", TACT_CONFIG_DIR=f"{t}/f")
        installed = [sys.executable, "-m", "editor"]
        rows = [
            ("tact --help", ["--help"], {}),
            ("tact check resources/samples", ["check", "resources/samples"], {}),
            ("editor start-up to shown window", [], {"TACT_QUIT_AFTER_SHOW_MS": "0"}),
        ]
        print(f"{'':40} {'frozen':>16} {'installed':>16} {'ratio':>6}")
        for label, args, extra in rows:
            e = dict(env, **extra)
            f_first, f_med = timed_runs([str(EXE), *args], e)
            i_first, i_med = timed_runs(installed + args, e)
            print(f"{label:40} {f_med * 1000:7.0f} ms (1st {f_first * 1000:4.0f}) "
                  f"{i_med * 1000:7.0f} ms (1st {i_first * 1000:4.0f}) {f_med / i_med:6.2f}")


if __name__ == "__main__":
    main()
