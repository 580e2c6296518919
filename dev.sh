#!/usr/bin/env bash
# Set up, run and test Một Cửa Kiosk on Debian or Ubuntu, from a fresh clone.
#
#   ./dev.sh run [main.py options]   make the virtual environment, install, start the kiosk
#   ./dev.sh test [pytest options]   the same set-up, then lint, types, import contracts, tests
#                                    (on every core; PYTEST_WORKERS=N to choose)
#   ./dev.sh package                 the wheels (kiosk, server), the frozen kiosk, the .deb and
#                                    the Windows installer, all into dist/ (installer/README.md)
#   ./dev.sh package-test [options]  smoke-test what package put in dist/ (tests/packaging)
#   ./dev.sh screenshots             render every screen into docs/screenshots/
#   ./dev.sh bench NAME              run a benchmark (startup, ...) and print its JSON
#   ./dev.sh setup                   only the set-up
#
# System packages Qt needs are installed with apt-get when missing (as root, or with
# sudo); PYTHON picks the interpreter (default: python3.11, else python3 >= 3.11).
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
QT_APT_PACKAGES=(
  libgl1 libegl1 libopengl0 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

pick_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "Python 3.11 or newer is needed: sudo apt-get install python3" >&2
  exit 1
}

apt_install() {
  [ $# -gt 0 ] || return 0
  say "installing system packages: $*"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "Please install as root: apt-get install -y $*" >&2
      exit 1
    fi
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@"
}

# Installs those of the given Debian packages that are missing; "$@" may also name
# packages to install regardless after a "--".
apt_ensure() {
  local missing=()
  command -v dpkg-query >/dev/null 2>&1 || return 0 # not Debian: see README
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed' || missing+=("$1")
    shift
  done
  [ $# -eq 0 ] || shift
  apt_install "${missing[@]}" "$@"
}

system_packages() {
  local python=$1 always=()
  if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    always+=("python3-venv")
  fi
  apt_ensure "${QT_APT_PACKAGES[@]}" -- "${always[@]}"
}

setup() {
  local python stamp
  python=$(pick_python)
  system_packages "$python"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV with $python"
    "$python" -m venv "$VENV"
  fi
  stamp="$VENV/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    say "installing the kiosk and its test and build tools into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test,dev,package]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
  "$VENV/bin/python" -m ui.i18n compile
}

# The frozen program's window is smoke-tested on a virtual X display.
XVFB_APT_PACKAGES=(xvfb xauth)
DIST=dist
FROZEN="$DIST/mot-cua-kiosk"

package() {
  local script
  setup
  rm -rf "$FROZEN" build/pyinstaller
  mkdir -p "$DIST"
  rm -f "$DIST"/*.whl
  say "wheels: the kiosk and the server"
  "$VENV/bin/python" -m pip wheel -q --no-deps -w "$DIST" . installer/server
  say "frozen kiosk: $FROZEN"
  "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$DIST" \
    --workpath build/pyinstaller installer/kiosk.spec
  for script in installer/linux/build-deb.sh installer/windows/build-installer.sh; do
    if [ -x "$script" ]; then
      say "$script"
      "$script" "$DIST"
    fi
  done
}

command=${1:-run}
shift || true
case "$command" in
  setup) setup ;;
  run)
    setup
    exec "$VENV/bin/python" main.py "$@"
    ;;
  test)
    setup
    say "ruff"
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    say "mypy"
    "$VENV/bin/mypy"
    say "import contracts"
    "$VENV/bin/lint-imports"
    say "pytest"
    # One worker per core (PYTEST_WORKERS=0 runs in one process); a module's tests stay
    # together, so its fixtures are made once.
    exec "$VENV/bin/pytest" -n "${PYTEST_WORKERS:-auto}" --dist loadscope --durations=15 "$@"
    ;;
  package) package ;;
  package-test)
    setup
    apt_ensure "${XVFB_APT_PACKAGES[@]}"
    say "pytest tests/packaging (against $DIST/)"
    exec "$VENV/bin/pytest" tests/packaging -n 0 "$@"
    ;;
  screenshots)
    setup
    exec "$VENV/bin/python" -m ui.screenshots --out docs/screenshots "$@"
    ;;
  bench)
    setup
    exec "$VENV/bin/python" -m kiosk bench "$@" --json
    ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
