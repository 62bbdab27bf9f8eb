#!/usr/bin/env bash
# README command 1: set up, build dist/ and serve it on 127.0.0.1.
#   bash scripts/run.sh [--port N]     (or PORT=N bash scripts/run.sh; default 8000)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${PORT:-8000}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || die "--port needs a number"; PORT="$2"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) die "run.sh: unknown option '$1' (use --port N)" ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] || die "port must be a number, got '$PORT'"

# Serving needs no browser: skip chromium here; the test command installs it.
bash "$ROOT/scripts/setup.sh" --no-browser
bash "$ROOT/scripts/build-dist.sh"

step "Serving dist/ (Ctrl-C to stop)"
printf '\n    aimskit is running at  http://127.0.0.1:%s/\n\n' "$PORT"
# python3's http.server maps .wasm to application/wasm.
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
