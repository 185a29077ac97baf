#!/usr/bin/env bash
# Install the built bundle for the current user (no root): dist/tact -> ~/.local/lib/tact, the
# command in ~/.local/bin, the menu entry, the icon and the AppStream metadata.
#   bash packaging/linux/install.sh [PREFIX]      (default ~/.local; /usr/local as root)
set -euo pipefail
cd "$(dirname "$0")/../.."
PREFIX=${1:-$HOME/.local}
[ -x dist/tact/tact ] || { echo "install.sh: build first (bash packaging/build.sh)" >&2; exit 1; }
rm -rf "$PREFIX/lib/tact"
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" \
  "$PREFIX/share/icons/hicolor/scalable/apps" "$PREFIX/share/metainfo"
cp -a dist/tact "$PREFIX/lib/tact"
ln -sf "$PREFIX/lib/tact/tact" "$PREFIX/bin/tact"
install -m 644 packaging/linux/tact.desktop "$PREFIX/share/applications/tact.desktop"
install -m 644 packaging/linux/tact.svg "$PREFIX/share/icons/hicolor/scalable/apps/tact.svg"
install -m 644 packaging/linux/fr.tact.Tact.metainfo.xml "$PREFIX/share/metainfo/"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "installed: $PREFIX/bin/tact (menu: Tact)"
