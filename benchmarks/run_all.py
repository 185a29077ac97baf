"""Runs every benchmark in this folder and prints their figures."""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for name in ("accuracy.py", "perturbation.py", "engine_bench.py", "review_bench.py",
             "gui_bench.py", "image_bench.py", "vision_bench.py",
             "image_post_bench.py", "bundle_bench.py"):
    path = HERE / name
    if path.is_file():
        print(f"\n=== {name}")
        sys.argv = [str(path)]
        runpy.run_path(str(path), run_name="__main__")
