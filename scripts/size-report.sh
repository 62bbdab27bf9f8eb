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

# Initial payload of the widget against the issue-8 budgets (report only;
# scripts/test.sh fails only on gross regressions, see budget_check there).
sum_br() { local t=0 f; for f in "$@"; do [ -f "$f" ] && t=$((t + $(brotli -q 11 -c "$f" | wc -c))); done; echo "$t"; }
sum_raw() { local t=0 f; for f in "$@"; do [ -f "$f" ] && t=$((t + $(wc -c <"$f"))); done; echo "$t"; }
page=(dist/main.js dist/aimskit.js dist/aimskit_bg.wasm dist/style.css)
api=(web/pkg/api/aimskit.js web/pkg/api/aimskit_bg.wasm)
printf '\n%-44s %10s %10s %10s  %s\n' "budget" "raw" "gzip -9" "brotli" "goal (gzip)"
printf '%-44s %10d %10d %10d  %s\n' "initial payload: loader+wasm+JS+CSS (dist/)" "$(sum_raw "${page[@]}")" "$(sum_gz "${page[@]}")" "$(sum_br "${page[@]}")" "<= 120 KB, stretch <= 90 KB"
printf '%-44s %10d %10d %10d  %s\n' "API-only package (browser JS + wasm)" "$(sum_raw "${api[@]}")" "$(sum_gz "${api[@]}")" "$(sum_br "${api[@]}")" "<= 60 KB"
[ -f dist/element.js ] && printf '%-44s %10d %10d %10d  %s\n' "embed loader (element.js)" "$(sum_raw dist/element.js)" "$(sum_gz dist/element.js)" "$(sum_br dist/element.js)" "<= 5 KB"

# Largest contributors, from the name section of the pre-wasm-opt cargo output.
for v in ui api; do
  f="$ROOT/target/aimskit-wasm/cargo-$v.wasm"
  if [ -f "$f" ]; then
    printf '\nLargest contributors (%s build, before wasm-opt):\n' "$v"
    node "$ROOT/scripts/wasm-contributors.mjs" "$f" 10 || true
  fi
done
exit 0
