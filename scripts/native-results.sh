#!/usr/bin/env bash
# Writes the native CLI's JSON result for every triage corpus case into
# OUT_DIR, so pkg-tests can check that the wasm package gives exactly the
# same answers:  OUT_DIR/triage/<file>.json  from
#   aimskit triage --format json --as-of $AS_OF core/tests/corpus/triage/systems/<file>
# and OUT_DIR/gap/<case>.json from
#   aimskit gap --format json --as-of $AS_OF core/tests/corpus/gap/<case>/aims.{toml,json}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUT="${1:?usage: native-results.sh OUT_DIR}"
AS_OF="${AS_OF:-2026-11-29}"
cd "$ROOT"
cargo build -p aimskit-cli --quiet || die "cargo build -p aimskit-cli failed"
CLI="$ROOT/target/debug/aimskit"
rm -rf "$OUT" && mkdir -p "$OUT/triage" "$OUT/gap"
printf '%s\n' "$AS_OF" >"$OUT/as-of"
n=0
shopt -s nullglob
for f in core/tests/corpus/triage/systems/*.toml core/tests/corpus/triage/systems/*.json; do
  "$CLI" triage --format json --as-of "$AS_OF" "$f" >"$OUT/triage/$(basename "$f").json" ||
    die "the CLI failed on $f"
  n=$((n + 1))
done
[ "$n" -gt 0 ] || die "no triage corpus files found in core/tests/corpus/triage/systems"
info "$n native triage results in $OUT (as of $AS_OF)"
m=0
for f in core/tests/corpus/gap/*/aims.toml core/tests/corpus/gap/*/aims.json; do
  "$CLI" gap --format json --as-of "$AS_OF" "$f" >"$OUT/gap/$(basename "$(dirname "$f")").json" ||
    die "the CLI failed on $f"
  m=$((m + 1))
done
[ "$m" -gt 0 ] || die "no gap corpus files found in core/tests/corpus/gap"
info "$m native gap results in $OUT/gap (as of $AS_OF)"
