#!/usr/bin/env bash
# Build the Linux kiosk package from the frozen kiosk, with debhelper, and check it
# with lintian.
#
#   installer/linux/build-deb.sh DIST_DIR
#
# Reads DIST_DIR/mot-cua-kiosk/ (the PyInstaller folder) and writes
# DIST_DIR/mot-cua-kiosk_<version>_amd64.deb, the version being kiosk/__init__.py's.
# DEB_VERSION overrides it (e.g. 0.1.0+1 for a rebuild). Debian tools that are
# missing are installed with apt-get (as root, or with sudo).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -eq 1 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
dist=$(cd "$1" && pwd)
frozen=$dist/mot-cua-kiosk
if [ ! -x "$frozen/mot-cua-kiosk" ]; then
  echo "No frozen kiosk at $frozen/mot-cua-kiosk: build it first (./dev.sh package)." >&2
  exit 1
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

build_tools() {
  local missing=() pkg sudo=()
  for pkg in debhelper dpkg-dev lintian; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "installing build tools: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

version=${DEB_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/kiosk/__init__.py")}
[ -n "$version" ] || { echo "No __version__ in kiosk/__init__.py" >&2; exit 1; }

build_tools
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/mot-cua-kiosk-$version
mkdir "$src"
say "staging version $version"
cp -a "$here/debian" "$here/bin" "$here/kiosk.toml" "$here/mot-cua-kiosk.1" "$src/"
cp -a "$frozen" "$src/mot-cua-kiosk"
# The folder's files as the package ships them: owned by root, readable by all,
# nothing writable but by root (whatever the build machine's umask was).
chmod -R u+rwX,go+rX,go-w "$src/mot-cua-kiosk"

maintainer=$(sed -n 's/^Maintainer: //p' "$here/debian/control")
cat >"$src/debian/changelog" <<CHANGELOG
mot-cua-kiosk ($version) stable; urgency=medium

  * Mot Cua Kiosk $version.

 -- $maintainer  $(date -R -d "@${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}")
CHANGELOG

say "building the package"
(
  cd "$src"
  # xz at its fastest level: the frozen Qt is most of the package and the default
  # level takes minutes for a few percent.
  DEB_BUILDDEB_OPTIONS="-Zxz -z1" dpkg-buildpackage --build=binary --no-sign >&2
) || {
  echo "dpkg-buildpackage failed" >&2
  exit 1
}
deb=mot-cua-kiosk_${version}_amd64.deb
mv "$work/$deb" "$dist/$deb"

say "lintian"
lintian --fail-on error "$dist/$deb" >&2
echo "$dist/$deb"
