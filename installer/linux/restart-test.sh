#!/usr/bin/env bash
# Does systemd bring the kiosk back? Run by hand, as root, on a machine where systemd
# is PID 1 and the kiosk's .deb is installed (a kiosk before it goes into service, or
# a Debian 12 VM). CI cannot run it: its PID 1 is not systemd.
#
#   sudo installer/linux/restart-test.sh [--headless]
#
# It starts mot-cua-kiosk.service if needed, then
#   1. kills the kiosk with SIGKILL: cage exits with it and systemd restarts both;
#   2. kills cage, the service's main process, with SIGKILL: restarted too;
#   3. freezes the kiosk (SIGSTOP) so its event loop stops pinging: the watchdog
#      (WatchdogSec=) kills the service and systemd restarts it.
# Each step waits for a new kiosk that has said READY=1 (the service "active").
# --headless runs cage without a screen (WLR_BACKENDS=headless) for a VM with no
# display, through a drop-in under /run that is removed at the end.
set -euo pipefail

UNIT=mot-cua-kiosk.service
PROGRAM=/usr/lib/mot-cua-kiosk/mot-cua-kiosk
BOUND_S=180

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
pass() { printf 'ok: %s\n' "$*"; }

[ "$(id -u)" -eq 0 ] || fail "run as root (sudo $0)"
if [ ! -d /run/systemd/system ] || [ "$(cat /proc/1/comm)" != systemd ]; then
  fail "systemd is not PID 1 here (PID 1 is '$(cat /proc/1/comm)'): run this on the kiosk or a VM"
fi
systemctl cat "$UNIT" >/dev/null 2>&1 || fail "$UNIT not installed: apt install ./mot-cua-kiosk_*.deb"

if [ "${1:-}" = --headless ]; then
  mkdir -p "/run/systemd/system/$UNIT.d"
  printf '[Service]\nEnvironment=WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1\n' \
    >"/run/systemd/system/$UNIT.d/headless.conf"
  trap 'rm -rf "/run/systemd/system/$UNIT.d"; systemctl daemon-reload' EXIT
  systemctl daemon-reload
  systemctl restart "$UNIT" || fail "$UNIT did not start: journalctl -u $UNIT"
fi

restarts() { systemctl show -P NRestarts "$UNIT"; }
main_pid() { systemctl show -P MainPID "$UNIT"; }
kiosk_pid() { pgrep -u kiosk -f "^$PROGRAM" | head -n1; }

# Waits until the service is active again with restarts above $1 and a kiosk
# process other than $2.
wait_back() {
  local before=$1 old=$2 waited=0 pid
  while [ "$waited" -lt "$BOUND_S" ]; do
    pid=$(kiosk_pid || true)
    if [ "$(systemctl is-active "$UNIT")" = active ] && [ "$(restarts)" -gt "$before" ] &&
      [ -n "$pid" ] && [ "$pid" != "$old" ]; then
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
  systemctl status --no-pager "$UNIT" >&2 || true
  fail "not back within ${BOUND_S}s"
}

systemctl start "$UNIT" || fail "$UNIT did not start: journalctl -u $UNIT"
[ "$(systemctl is-active "$UNIT")" = active ] || fail "$UNIT is $(systemctl is-active "$UNIT"): journalctl -u $UNIT"
pid=$(kiosk_pid) || fail "no kiosk process under $UNIT"
pass "running: cage $(main_pid), kiosk $pid"

before=$(restarts)
kill -KILL "$pid"
wait_back "$before" "$pid"
pass "kiosk killed with SIGKILL: restarted (NRestarts $(restarts))"

pid=$(kiosk_pid)
before=$(restarts)
kill -KILL "$(main_pid)"
wait_back "$before" "$pid"
pass "cage killed with SIGKILL: restarted (NRestarts $(restarts))"

pid=$(kiosk_pid)
before=$(restarts)
kill -STOP "$pid"
wait_back "$before" "$pid"
journalctl -u "$UNIT" --since "-5min" --no-pager | grep -q "Watchdog timeout" ||
  fail "restarted, but the journal does not say the watchdog did it"
pass "kiosk frozen: the watchdog restarted it (NRestarts $(restarts))"
