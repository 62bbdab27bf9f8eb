#!/usr/bin/env bash
# Builds the npm package `aimskit` into web/pkg/:
#   ./aimskit.js, aimskit.d.ts, aimskit_bg.wasm   browser ESM (wasm-bindgen --target web), widget + API
#   ./api/                                        browser ESM, API only (no Yew): the small build
#   ./node/                                       Node.js (CommonJS), API only
#   package.json                                  written by scripts/make-package.mjs
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/wasm.sh"

PKG="$ROOT/web/pkg"
step "Building the npm package into web/pkg/ (browser + API-only + Node)"
STAGE="$WASM_STAGE/pkg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
build_wasm ui web "$STAGE"
build_wasm api web "$STAGE/api"
build_wasm api nodejs "$STAGE/node"
for extra in "$ROOT"/web/js/*.js; do
  [ "$(basename "$extra")" = main.js ] || cp "$extra" "$STAGE/"
done
node "$ROOT/scripts/make-package.mjs" "$STAGE" || die "writing web/pkg/package.json failed"
rm -rf "$PKG" && mv "$STAGE" "$PKG"
info "web/pkg ready: $(cd "$PKG" && find . -type f | sort | tr '\n' ' ')"
