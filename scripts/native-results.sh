#!/usr/bin/env bash
# Writes the native CLI's JSON result for every corpus case into OUT_DIR, so
# pkg-tests can check that the wasm package gives exactly the same answers.
#   OUT_DIR/triage/<case>.json   from `aimskit triage --format json --as-of DATE FILE`
#   OUT_DIR/gap/<case>.json      from `aimskit gap --format json FILE`
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUT="${1:?usage: native-results.sh OUT_DIR}"
cd "$ROOT"
cargo build -p aimskit-cli --quiet || die "cargo build -p aimskit-cli failed"
CLI="$ROOT/target/debug/aimskit"
rm -rf "$OUT" && mkdir -p "$OUT/triage" "$OUT/gap"
n=0
for kind in triage gap; do
  dir="core/tests/corpus/$kind"
  [ -d "$dir" ] || continue
  while IFS= read -r f; do
    rel="${f#"$dir"/}"
    out="$OUT/$kind/${rel//\//__}.json"
    # The CLI exits non-zero for input errors and (with flags) findings; the JSON is what counts.
    "$CLI" "$kind" --format json "$f" >"$out" 2>"$out.stderr" || true
    n=$((n + 1))
  done < <(find "$dir" -type f \( -name '*.toml' -o -name '*.json' \) ! -name '*.expected.*' | sort)
done
info "$n native results in $OUT"
