#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -q 11 sizes (bytes) of every wasm, JS and CSS
# file in dist/ and the npm package web/pkg/, plus the single-file build.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v brotli >/dev/null 2>&1 || die "brotli is not installed (apt-get install brotli)"
cd "$ROOT"
files=()
for dir in dist web/pkg; do
  [ -d "$dir" ] || continue
  while IFS= read -r f; do files+=("$f"); done < <(
    find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name 'aimskit.html' \) | sort)
done
[ "${#files[@]}" -gt 0 ] || die "nothing to measure: build dist/ and web/pkg/ first"

printf '\n%-36s %10s %10s %10s\n' "file" "raw" "gzip -9" "brotli -q11"
printf '%-36s %10s %10s %10s\n' "------------------------------------" "----------" "----------" "----------"
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-36s %10d %10d %10d\n' "$f" "$raw" "$gz" "$br"
done

# The payloads that matter, summed (gzip): page = JS + wasm + CSS a visitor downloads.
sum_gz() { local t=0 f; for f in "$@"; do [ -f "$f" ] && t=$((t + $(gzip -9 -c "$f" | wc -c))); done; echo "$t"; }
printf '\n%-36s %10s\n' "payload (gzip -9, bytes)" "total"
printf '%-36s %10d\n' "dist/ page: JS + wasm + CSS" "$(sum_gz dist/main.js dist/aimskit.js dist/aimskit_bg.wasm dist/style.css)"
printf '%-36s %10d\n' "API-only browser: JS + wasm" "$(sum_gz web/pkg/api/aimskit.js web/pkg/api/aimskit_bg.wasm)"
[ -f web/pkg/element.js ] && printf '%-36s %10d\n' "embed loader (element.js)" "$(sum_gz web/pkg/element.js)"
exit 0
