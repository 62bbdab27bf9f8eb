# Builds aimskit-web to wasm and runs wasm-bindgen + wasm-opt. Source it.
# shellcheck shell=bash
#
#   build_wasm VARIANT TARGET OUT_DIR
#     VARIANT: ui  (default features: Yew widget + JS API)
#              api (--no-default-features: JS API only, no Yew)
#     TARGET:  web | nodejs   (wasm-bindgen --target)
#   Writes OUT_DIR/aimskit.js, aimskit.d.ts, aimskit_bg.wasm (optimised).
#   Skips wasm-bindgen and wasm-opt when the cargo output did not change.

WASM_STAGE="$ROOT/target/aimskit-wasm"

# wasm-opt's feature flags must be explicit: --all-features emits a module
# Chromium refuses ("Invalid import kind 126").
# --converge repeats -Oz until the module stops shrinking (about 1.5 KB gzip
# less for the widget, +15 s); --strip-producers drops the toolchain-name
# section. Measured in docs/size.md; -Os, -O3 -Oz and opt-level "s" were larger.
WASM_OPT_FLAGS=(-Oz --converge --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

cargo_wasm() { # VARIANT -> path of the built .wasm (copied, since variants share a file name)
  local variant="$1" feat=()
  [ "$variant" = api ] && feat=(--no-default-features)
  # From $ROOT: cargo reads .cargo/config.toml (the wasm stack size) from the
  # working directory, not from the manifest's.
  (cd "$ROOT" && cargo build -p aimskit-web --lib --target wasm32-unknown-unknown --release "${feat[@]}") >&2 ||
    die "cargo build of aimskit-web ($variant) for wasm32 failed"
  mkdir -p "$WASM_STAGE"
  cp "$ROOT/target/wasm32-unknown-unknown/release/aimskit_web.wasm" "$WASM_STAGE/cargo-$variant.wasm"
  printf '%s\n' "$WASM_STAGE/cargo-$variant.wasm"
}

build_wasm() {
  local variant="$1" target="$2" out="$3"
  local input stage stamp sum
  input="$(cargo_wasm "$variant")"
  stage="$WASM_STAGE/$variant-$target"
  stamp="$stage/.input.sha256"
  sum="$( (sha256sum "$input"; wasm-bindgen --version; wasm-opt --version; echo "${WASM_OPT_FLAGS[*]}") | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -f "$stage/aimskit_bg.wasm" ]; then
    info "wasm ($variant, $target): unchanged, reusing $stage" >&2
  else
    rm -rf "$stage" && mkdir -p "$stage"
    wasm-bindgen --target "$target" --out-dir "$stage" --out-name aimskit "$input" ||
      die "wasm-bindgen ($variant, $target) failed"
    wasm-opt "${WASM_OPT_FLAGS[@]}" "$stage/aimskit_bg.wasm" -o "$stage/aimskit_bg.wasm" ||
      die "wasm-opt ($variant, $target) failed"
    printf '%s\n' "$sum" >"$stamp"
    info "wasm ($variant, $target): $(wc -c <"$stage/aimskit_bg.wasm") bytes" >&2
  fi
  mkdir -p "$out"
  cp "$stage"/aimskit* "$out"/
}
