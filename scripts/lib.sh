# Shared helpers for the scripts in this folder. Source it, don't run it.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# npm tools (wasm-opt from the pinned binaryen, tsc) come first on PATH:
# Debian's binaryen 108 cannot parse current wasm-bindgen output.
export PATH="$ROOT/pkg-tests/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [ -t 1 ]; then
  C_BOLD=$'\033[1m'; C_RED=$'\033[31m'; C_OFF=$'\033[0m'
else
  C_BOLD=''; C_RED=''; C_OFF=''
fi

step() { printf '\n%s==> %s%s\n' "$C_BOLD" "$*" "$C_OFF"; }
info() { printf '    %s\n' "$*"; }
die() {
  printf '\n%sERROR: %s%s\n' "$C_RED" "$*" "$C_OFF" >&2
  exit 1
}

# The wasm-bindgen version that Cargo.lock resolved; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
    "$ROOT/Cargo.lock"
}

# Seconds since the epoch (for step timings).
now() { date +%s; }
