#!/bin/sh
# The Linux test_https_server for the Windows transport tests under Wine (tests/net/windows.cmake):
#   wine_https_fixture.sh start DIR SERVER   serve every scenario the suite uses, in the background,
#                                            writing DIR/ports, DIR/ca.pem and DIR/requests.log
#   wine_https_fixture.sh stop DIR           stop it (SIGTERM; it also ends by itself after 15 min)
# The server's output goes to DIR/server.out, never to CTest's pipe, so CTest does not wait on it.
set -eu
action=$1 dir=$2
case $action in
start)
  server=$3
  if [ ! -x "$server" ]; then
    echo "error: $server is missing: build the Linux test_https_server first" \
      "(cmake --build build --target test_https_server) or set CUT_HOST_TEST_HTTPS_SERVER" >&2
    exit 1
  fi
  mkdir -p "$dir"
  if [ -f "$dir/server.pid" ]; then kill "$(cat "$dir/server.pid")" 2>/dev/null || true; fi
  rm -f "$dir/ports" "$dir/ca.pem" "$dir/requests.log" "$dir/server.pid"
  set --
  for scenario in ok untrusted:ok expired forbidden_json cloudflare_header rate_limited server_error \
    service_unavailable redirect huge huge_chunked hang drip; do
    set -- "$@" --scenario "$scenario"
  done
  # Wine checks a certificate chain in about a second on first use: the server waits longer than
  # its default second for a request on a new connection.
  "$server" "$@" --ports-file "$dir/ports" --ca-out "$dir/ca.pem" --log "$dir/requests.log" \
    --keep-alive-seconds 10 --max-seconds 900 </dev/null >"$dir/server.out" 2>&1 &
  echo $! >"$dir/server.pid"
  tries=0
  while [ ! -f "$dir/ports" ]; do
    tries=$((tries + 1))
    if [ $tries -gt 200 ] || ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
      echo "error: test_https_server did not start:" >&2
      cat "$dir/server.out" >&2
      exit 1
    fi
    sleep 0.1
  done
  ;;
stop)
  if [ -f "$dir/server.pid" ]; then
    kill "$(cat "$dir/server.pid")" 2>/dev/null || true
    rm -f "$dir/server.pid"
  fi
  ;;
*)
  echo "usage: wine_https_fixture.sh start DIR SERVER | stop DIR" >&2
  exit 2
  ;;
esac
