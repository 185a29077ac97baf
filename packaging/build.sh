#!/usr/bin/env bash
# One command: build the one-folder desktop bundle dist/tact/ (executable dist/tact/tact) with
# PyInstaller from the installed project, print its build time and size, then smoke-test it.
#
#   bash packaging/build.sh            (VENV=path to use another virtual environment)
#   TACT_BUNDLE_MAX_MB=120 bash packaging/build.sh     fail when the bundle grows past the budget
#   TACT_SKIP_SMOKE=1 bash packaging/build.sh          build and measure only
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY=$VENV/bin/python
TARGET_MB=200

if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
  "$PY" -m pip install --quiet --upgrade pip
fi
# Build from an installed project (the spec imports editor, PySide6 and spellchecker).
if ! "$PY" -c "import editor, PySide6.QtWidgets, spellchecker, PIL, yaml, markdown" 2>/dev/null; then
  "$PY" -m pip install --quiet -e '.[gui,images]'
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  "$PY" -m pip install --quiet 'pyinstaller>=6,<7'
fi
pyi_version=$("$PY" -c "import PyInstaller; print(PyInstaller.__version__)")

start=$(date +%s.%N)
rm -rf dist/tact build/pyinstaller build/icons
QT_QPA_PLATFORM=offscreen "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/tact.spec
end=$(date +%s.%N)

[ -x dist/tact/tact ] || { echo "build.sh: dist/tact/tact was not built" >&2; exit 1; }
# PyInstaller's strip breaks numpy's OpenBLAS (« ELF load command address/offset not
# page-aligned »): put back the wheel's own copies of its bundled libraries (already stripped).
site=$("$PY" -c "import sysconfig; print(sysconfig.get_paths()['platlib'])")
for libs in numpy.libs; do
  if [ -d "dist/tact/_internal/$libs" ] && [ -d "$site/$libs" ]; then
    cp -f "$site/$libs"/* "dist/tact/_internal/$libs/"
  fi
done
build_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
size_mb=$(du -sm dist/tact | cut -f1)
files=$(find dist/tact -type f | wc -l)
echo "FIGURE pyinstaller_version $pyi_version"
echo "FIGURE build_time_s $build_s"
echo "FIGURE bundle_size_mb $size_mb"
echo "FIGURE bundle_files $files"
if [ "$size_mb" -gt "$TARGET_MB" ]; then
  echo "build.sh: warning: dist/tact is $size_mb MB, over the $TARGET_MB MB target" >&2
  if [ -n "${TACT_BUNDLE_MAX_MB:-}" ] && [ "$size_mb" -gt "$TACT_BUNDLE_MAX_MB" ]; then
    echo "build.sh: dist/tact is over TACT_BUNDLE_MAX_MB=$TACT_BUNDLE_MAX_MB" >&2
    exit 1
  fi
fi

if [ -z "${TACT_SKIP_SMOKE:-}" ]; then
  "$PY" packaging/smoke_test.py dist/tact/tact
fi
echo "built dist/tact/tact in ${build_s} s, ${size_mb} MB"
