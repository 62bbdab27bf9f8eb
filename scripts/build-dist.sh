#!/usr/bin/env bash
# Builds the static site into dist/: index.html, main.js, the wasm-bindgen JS,
# the optimised wasm and the stylesheet (plain files, relative URLs only),
# plus element.js (the embedding loader) and aimskit.html (single file).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/wasm.sh"

DIST="$ROOT/dist"
step "Building dist/ (release wasm, wasm-bindgen --target web, wasm-opt -Oz)"
STAGE="$WASM_STAGE/dist"
rm -rf "$STAGE" && mkdir -p "$STAGE"
build_wasm ui web "$STAGE"
rm -f "$STAGE"/*.d.ts

cp "$ROOT/index.html" "$STAGE/index.html"
cp "$ROOT/web/js/main.js" "$ROOT/web/js/element.js" "$STAGE/"
if [ -f "$ROOT/web/style.css" ]; then
  cp "$ROOT/web/style.css" "$STAGE/style.css"
else
  info "WARNING: web/style.css is missing; dist/style.css is empty" >&2
  : >"$STAGE/style.css"
fi

# The single-file build (wasm, JS and CSS inlined; runs from file://).
node "$ROOT/scripts/make-single-file.mjs" "$STAGE" || die "building dist/aimskit.html failed"

# No absolute URLs in what we ship (data: URIs are fine).
if grep -nE '(src|href)="(https?:)?//' "$STAGE"/*.html; then
  die "dist/ must not reference absolute URLs"
fi

rm -rf "$DIST" && mv "$STAGE" "$DIST"
info "dist/ ready: $(cd "$DIST" && ls | tr '\n' ' ')"
