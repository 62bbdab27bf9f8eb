#!/usr/bin/env bash
# Measures opt-level "z" against "s" for the release wasm: gzip -9 of the final
# wasm after wasm-bindgen + wasm-opt, for the widget (ui) and the API-only build.
# Builds into target/opt-level-*/ so the normal build cache stays untouched.
# Keep the smaller one in Cargo.toml's [profile.release].
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/wasm.sh"
cd "$ROOT"
printf '%-8s %-6s %10s %10s %10s\n' variant level raw gzip brotli
for level in z s; do
  for variant in ui api; do
    feat=(); [ "$variant" = api ] && feat=(--no-default-features)
    dir="$ROOT/target/opt-level-$level"
    CARGO_PROFILE_RELEASE_OPT_LEVEL="$level" cargo build -q -p aimskit-web --lib --release \
      --target wasm32-unknown-unknown --target-dir "$dir" "${feat[@]}" || die "build failed"
    out="$dir/measure-$variant"; rm -rf "$out"; mkdir -p "$out"
    wasm-bindgen --target web --out-dir "$out" --out-name aimskit \
      "$dir/wasm32-unknown-unknown/release/aimskit_web.wasm" || die "wasm-bindgen failed"
    wasm-opt "${WASM_OPT_FLAGS[@]}" "$out/aimskit_bg.wasm" -o "$out/aimskit_bg.wasm" || die "wasm-opt failed"
    f="$out/aimskit_bg.wasm"
    printf '%-8s %-6s %10d %10d %10d\n' "$variant" "$level" "$(wc -c <"$f")" \
      "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
  done
done
