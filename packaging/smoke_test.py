"""Smoke test of the frozen program (``dist/tact/tact``) against the installed package.

    .venv/bin/python packaging/smoke_test.py [dist/tact/tact]

1. ``check --format json resources/samples``: the frozen report equals the installed package's
   (findings, rule ids, spans, paths, rules_version) and so does the exit status.
2. Every subcommand runs frozen: ``rules list|packs|explain|test``, ``review status``,
   ``export`` (PDF report through QtGui offscreen, images through Pillow), ``--help``.
3. The image checks run frozen: a before/after montage (one photo twice, side by side, no
   telling file name) is found as in the installed package (numpy and its libraries survived the
   bundling).
4. The editor starts offscreen on a first run (sample workspace), shows its window and quits
   cleanly (``TACT_QUIT_AFTER_SHOW_MS=0``); the start-up time to a shown window is printed, with
   the installed package's as a baseline measured in the same run.

Prints ``FIGURE name value`` lines (read by ``packaging/build.sh`` and benchmarks/bundle_bench.py);
exits 1 on the first failure with what differs.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = "resources/samples"
STARTS = 3          # editor start-ups measured (the first is a cold start: empty caches)


def fail(message: str) -> None:
    print(f"smoke test FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def env_for(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", TACT_LANG="fr",
               TACT_DATA_DIR=str(base / "data"), TACT_CACHE_DIR=str(base / "cache"),
               TACT_CONFIG_DIR=str(base / "config"))
    env.pop("TACT_QUIT_AFTER_SHOW_MS", None)
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 120,
        **kw) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=timeout, **kw)
    except subprocess.TimeoutExpired:
        fail(f"{' '.join(cmd)}: no answer after {timeout:.0f} s")


def check_reports(frozen: list[str], installed: list[str], tmp: Path) -> dict:
    args = ["check", "--format", "json", SAMPLES]
    a = run(frozen + args, env_for(tmp / "frozen"))
    b = run(installed + args, env_for(tmp / "installed"))
    if "Traceback" in a.stderr:
        fail(f"frozen check crashed:\n{a.stderr}")
    if a.returncode != b.returncode:
        fail(f"check exit status: frozen {a.returncode}, installed {b.returncode}\n{a.stderr}")
    try:
        ra, rb = json.loads(a.stdout), json.loads(b.stdout)
    except json.JSONDecodeError as e:
        fail(f"check --format json: not JSON ({e})\n{a.stdout[:500]}\n{a.stderr}")
    if ra != rb:
        fa = {(x["path"], f["rule"], f["start"], f["end"])
              for x in ra["files"] for f in x["findings"]}
        fb = {(x["path"], f["rule"], f["start"], f["end"])
              for x in rb["files"] for f in x["findings"]}
        fail("frozen and installed reports differ:\n"
             f"  rules_version {ra.get('rules_version')} / {rb.get('rules_version')}\n"
             f"  only frozen: {sorted(fa - fb)[:10]}\n  only installed: {sorted(fb - fa)[:10]}")
    n = sum(len(x["findings"]) for x in ra["files"])
    if not n or not any(f["category"] == "spelling" for x in ra["files"] for f in x["findings"]) \
            and any(f["category"] == "spelling" for x in rb["files"] for f in x["findings"]):
        fail("the frozen check found nothing (or no spelling: French dictionary missing?)")
    print(f"check: same report frozen and installed ({len(ra['files'])} files, {n} findings, "
          f"rules {ra['rules_version']}, exit {a.returncode})")
    return ra


def subcommands(frozen: list[str], installed: list[str], report: dict, tmp: Path) -> None:
    env = env_for(tmp / "frozen")
    rule_id = next(f["rule"] for x in report["files"] for f in x["findings"]
                   if f["category"] not in ("spelling", "platform"))
    work = tmp / "posts"
    shutil.copytree(ROOT / SAMPLES, work)
    post = str(work / "05-fermeture-ete.md")
    cases = [
        (["--help"], {0}, "check"),
        (["rules", "list"], {0}, rule_id),
        (["rules", "packs"], {0}, "intégré"),
        (["rules", "explain", rule_id], {0}, "Fondement"),
        (["rules", "test"], {0}, "passed"),
        (["review", "status", post], {0}, ""),
    ]
    for args, codes, expected in cases:
        r = run(frozen + args, env, timeout=300)
        if r.returncode not in codes or expected not in r.stdout or "Traceback" in r.stderr:
            fail(f"tact {' '.join(args)}: exit {r.returncode}\n"
                 f"{r.stdout[-800:]}\n{r.stderr[-2000:]}")
        print(f"tact {' '.join(args[:2])}: ok")
    # export: same outcome as the installed package; when it exports, a PDF report is written.
    outs = {}
    for name, cmd in (("frozen", frozen), ("installed", installed)):
        out = tmp / f"export-{name}"
        r = run(cmd + ["export", post, "--target", "facebook", "--out", str(out)],
                env_for(tmp / name), timeout=300)
        if "Traceback" in r.stderr:
            fail(f"{name} export crashed:\n{r.stderr[-2000:]}")
        outs[name] = (r.returncode, sorted(p.relative_to(out).as_posix()
                                           for p in out.rglob("*") if p.is_file()))
    if outs["frozen"] != outs["installed"]:
        fail(f"export differs: frozen {outs['frozen']}, installed {outs['installed']}")
    code, files = outs["frozen"]
    if code == 0 and not any(f.endswith(".pdf") for f in files):
        fail(f"export wrote no PDF report: {files}")
    print(f"tact export: ok (exit {code}, {len(files)} files)")


def editor_startups(cmd: list[str], base: Path) -> list[float]:
    """Wall-clock seconds from launch to a shown window (then a clean quit), first one cold."""
    times = []
    for _ in range(STARTS):
        env = env_for(base)
        env["TACT_QUIT_AFTER_SHOW_MS"] = "0"
        t0 = time.perf_counter()
        r = run(cmd, env, timeout=120)
        times.append(time.perf_counter() - t0)
        if r.returncode != 0 or "Traceback" in r.stderr:
            fail(f"editor {' '.join(cmd)}: exit {r.returncode}\n{r.stderr[-2000:]}")
    if not (base / "data" / "samples").is_dir():
        fail("the editor did not open the sample workspace on its first start")
    return times


def image_checks(frozen: list[str], installed: list[str], tmp: Path) -> None:
    from PIL import Image
    from skimage import data  # the test extra: public-domain sample photos

    folder = tmp / "images"
    folder.mkdir()
    photo = Image.fromarray(data.astronaut())
    montage = Image.new("RGB", (1024, 512), "white")
    montage.paste(photo, (0, 0))
    montage.paste(photo.point(lambda v: min(255, int(v * 1.15))), (512, 0))
    montage.save(folder / "IMG_4412.jpg", quality=90)
    (folder / "post.md").write_text("Une rhinoplastie expliquée.\n\n![](IMG_4412.jpg)\n",
                                    encoding="utf-8")
    rules = {}
    for name, cmd in (("frozen", frozen), ("installed", installed)):
        r = run(cmd + ["check", "--format", "json", "--no-spelling", str(folder / "post.md")],
                env_for(tmp / f"img-{name}"))
        try:
            found = json.loads(r.stdout)["files"][0]["findings"]
        except (ValueError, KeyError, IndexError):
            fail(f"image check ({name}): no report\n{r.stderr}")
        rules[name] = sorted(f["rule"] for f in found)
    if "before-after.image-composite" not in rules["frozen"]:
        fail(f"frozen image check found no montage: {rules}")
    if rules["frozen"] != rules["installed"]:
        fail(f"image findings differ: {rules}")
    print(f"images: montage found frozen and installed ({', '.join(rules['frozen'])})")


def main() -> None:
    exe = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "tact" / "tact").resolve()
    if not exe.is_file():
        fail(f"{exe}: not built (run packaging/build.sh)")
    frozen = [str(exe)]
    installed = [sys.executable, "-m", "editor"]
    with tempfile.TemporaryDirectory(prefix="tact-smoke-") as t:
        tmp = Path(t)
        report = check_reports(frozen, installed, tmp)
        subcommands(frozen, installed, report, tmp)
        image_checks(frozen, installed, tmp)
        fz = editor_startups(frozen, tmp / "start-frozen")
        ins = editor_startups(installed, tmp / "start-installed")
    warm_f, warm_i = min(fz[1:]), min(ins[1:])
    print(f"editor: shown offscreen and quit cleanly ({STARTS} starts each)")
    print(f"FIGURE startup_frozen_cold_s {fz[0]:.2f}")
    print(f"FIGURE startup_frozen_warm_s {warm_f:.2f}")
    print(f"FIGURE startup_installed_warm_s {warm_i:.2f}")
    print(f"FIGURE startup_ratio_frozen_vs_installed {warm_f / warm_i:.2f}")
    print("smoke test passed")


if __name__ == "__main__":
    main()
