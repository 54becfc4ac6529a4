#!/usr/bin/env bash
# No telemetry: with --demo the widget has nothing to fetch, so it must hold no network socket at
# all (an X11 connection is a unix socket). Sampled while it runs and after a refresh request.
source "$(dirname "$0")/lib.sh"

inet_sockets() {  # count of the process's sockets that are TCP or UDP
  local pid=$1 count=0 inode
  for fd in /proc/"$pid"/fd/*; do
    inode=$(readlink "$fd" 2>/dev/null | sed -n 's/^socket:\[\([0-9]*\)\]$/\1/p')
    [ -n "$inode" ] || continue
    if awk -v i="$inode" '$10 == i { found = 1 } END { exit !found }' \
         /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6 2>/dev/null; then
      count=$((count + 1))
    fi
  done
  echo "$count"
}

start_widget --demo
wait_for_window
window_geometry
xdotool mousemove $((win_x + win_w / 2)) $((win_y + 6))
press ctrl+r
for _ in $(seq 1 10); do
  n=$(inet_sockets "$widget_pid")
  [ "$n" -eq 0 ] || fail "the demo widget holds $n network socket(s)"
  sleep 0.2
done
# The check can see a network socket: the test server's own listening socket is one.
"$CUT_HTTPS_SERVER" --scenario ok --port-file "$work/port" --max-seconds 30 >/dev/null 2>&1 &
server_pid=$!
widget_pids+=("$server_pid")
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ "$(inet_sockets "$server_pid")" -gt 0 ] || fail "the socket check cannot see a listening socket"
kill -TERM "$widget_pid"
wait_exit "$widget_pid" 10
echo PASS
