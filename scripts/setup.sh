#!/usr/bin/env bash
# Installs what aimskit's build and tests need, skipping whatever is already
# there at the right version. Safe to run again and again.
#
#   system:  chromium, chromium-driver, brotli (apt, when root; else we say what to install)
#   rust:    the wasm32-unknown-unknown target, wasm-bindgen-cli = Cargo.lock's version
#   npm:     pkg-tests/node_modules (playwright-core, binaryen -> wasm-opt, typescript), pinned
#
# Options: --no-browser  skip the system packages (building only needs the rest).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NEED_BROWSER=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) NEED_BROWSER=0 ;;
    *) die "setup.sh: unknown option '$arg'" ;;
  esac
done

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "'$tool' is not on PATH. Install rustup (https://rustup.rs), Node.js >= 20 with npm, and python3 first."
done

# --- system packages -------------------------------------------------------
if [ "$NEED_BROWSER" = 1 ]; then
  step "System packages (chromium, chromium-driver, brotli)"
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v brotli >/dev/null 2>&1 || missing+=(brotli)
  if [ "${#missing[@]}" -eq 0 ]; then
    info "present: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    info "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      die "apt-get install ${missing[*]} failed"
  else
    die "missing system packages: ${missing[*]}
    Install them as root, then run this again:
        apt-get update && apt-get install -y ${missing[*]}
    (Do not install Debian's binaryen: its wasm-opt is too old; we use the npm one.)"
  fi
fi

# --- rust ------------------------------------------------------------------
step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  info "present"
else
  rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed"
fi

WB_VERSION="$(wasm_bindgen_version)"
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
step "wasm-bindgen-cli $WB_VERSION"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" = "$WB_VERSION" ]; then
  info "present: $(command -v wasm-bindgen)"
else
  [ -n "$have" ] && info "found wasm-bindgen $have, need $WB_VERSION: reinstalling"
  info "cargo install wasm-bindgen-cli --version $WB_VERSION (takes 2-5 minutes once)"
  # No --locked: the CLI's lockfile pins a webpki-roots that this crates.io index lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force ||
    die "cargo install wasm-bindgen-cli --version $WB_VERSION failed"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  [ "$have" = "$WB_VERSION" ] ||
    die "wasm-bindgen on PATH is '$have' after installing $WB_VERSION; put ${CARGO_HOME:-$HOME/.cargo}/bin first on PATH"
fi

# --- npm -------------------------------------------------------------------
step "npm packages in pkg-tests/ (exact pins from package-lock.json)"
stamp="$ROOT/pkg-tests/node_modules/.aimskit-lock"
if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/pkg-tests/package-lock.json"; then
  info "present (package-lock.json unchanged)"
else
  (cd "$ROOT/pkg-tests" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in pkg-tests failed"
  cp "$ROOT/pkg-tests/package-lock.json" "$stamp"
fi
command -v wasm-opt >/dev/null 2>&1 || die "wasm-opt not found after npm ci (binaryen package)"
info "wasm-opt: $(wasm-opt --version)"

step "Setup done"
