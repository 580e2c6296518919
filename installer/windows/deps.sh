#!/usr/bin/env bash
# Install the Debian packages the Windows installer's build and its test need, when missing:
#
#   installer/windows/deps.sh nsis   makensis, to compile the installer
#   installer/windows/deps.sh wine   Wine, to run its install / uninstall round trip
#
# Debian's NSIS has 64-bit stubs, so the installer built here is a 64-bit program and
# 64-bit Wine runs it: no i386 architecture, no wine32.
set -euo pipefail

declare -A PACKAGES=([nsis]="nsis" [wine]="wine wine64")
declare -A COMMANDS=([nsis]="makensis" [wine]="wine")

missing=()
for want in "$@"; do
  [ -n "${PACKAGES[$want]:-}" ] || { echo "deps.sh: unknown '$want' (nsis or wine)" >&2; exit 2; }
  if ! command -v "${COMMANDS[$want]}" >/dev/null 2>&1; then
    read -ra pkgs <<<"${PACKAGES[$want]}"
    missing+=("${pkgs[@]}")
  fi
done
[ ${#missing[@]} -gt 0 ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${missing[*]}" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Please install as root: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "==> installing system packages: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >&2
