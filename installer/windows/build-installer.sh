#!/usr/bin/env bash
# Build the Windows installer of the kiosk with NSIS:
#
#   installer/windows/build-installer.sh DIST_DIR [--payload FOLDER]
#
# FOLDER is the frozen Windows kiosk (mot-cua-kiosk.exe, mot-cua-kiosk-cli.exe and
# _internal\), by default DIST_DIR/mot-cua-kiosk when it holds mot-cua-kiosk.exe (a
# build made on Windows); the installer is then
# DIST_DIR/mot-cua-kiosk-setup-<version>.exe. Without a Windows build (on Linux, where
# PyInstaller freezes only for Linux) the installer wraps a placeholder program instead
# and is named DIST_DIR/mot-cua-kiosk-setup-<version>-placeholder.exe: it is for the
# round-trip test under Wine, never for a kiosk.
#
# makensis comes from Debian's nsis (installed when missing) or, on Windows, from the
# official NSIS on PATH. NSIS_TARGET overrides the stub (amd64-unicode where NSIS has it,
# else x86-unicode).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() { echo "usage: $0 DIST_DIR [--payload FOLDER]" >&2; exit 2; }
[ $# -ge 1 ] || usage
dist=$1
shift
payload=""
while [ $# -gt 0 ]; do
  case "$1" in
    --payload) [ $# -ge 2 ] || usage; payload=$2; shift 2 ;;
    *) usage ;;
  esac
done
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)

command -v makensis >/dev/null 2>&1 || "$here/deps.sh" nsis

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/kiosk/__init__.py")
[ -n "$version" ] || { echo "no __version__ in kiosk/__init__.py" >&2; exit 1; }

if [ -n "${NSIS_TARGET:-}" ]; then
  target=$NSIS_TARGET
elif [ -e /usr/share/nsis/Stubs/lzma_solid-amd64-unicode ]; then
  target=amd64-unicode
else
  target=x86-unicode
fi

# makensis on Windows wants Windows paths; Git Bash and MSYS have cygpath.
native() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else echo "$1"; fi; }
makensis_() { makensis -V2 -WX -INPUTCHARSET UTF8 -DTARGET="$target" "$@"; }

suffix=""
if [ -z "$payload" ] && [ -e "$dist/mot-cua-kiosk/mot-cua-kiosk.exe" ]; then
  payload=$dist/mot-cua-kiosk
fi
if [ -z "$payload" ]; then
  suffix="-placeholder"
  payload=$(mktemp -d)
  trap 'rm -rf "$payload"' EXIT
  mkdir "$payload/_internal"
  cp "$here/placeholder/PLACEHOLDER.txt" "$payload/_internal/"
  makensis_ -DOUTFILE="$(native "$payload/mot-cua-kiosk.exe")" "$(native "$here/placeholder/placeholder.nsi")"
  # The frozen build's two programs: the windowed kiosk and the console one for IT.
  cp "$payload/mot-cua-kiosk.exe" "$payload/mot-cua-kiosk-cli.exe"
elif [ ! -e "$payload/mot-cua-kiosk.exe" ]; then
  echo "$payload has no mot-cua-kiosk.exe: give the frozen Windows kiosk's folder" >&2
  exit 1
fi

out=$dist/mot-cua-kiosk-setup-$version$suffix.exe
makensis_ -DVERSION="$version" -DPAYLOAD_DIR="$(native "$payload")" -DOUTFILE="$(native "$out")" \
  "$(native "$here/kiosk.nsi")"
echo "$out"
