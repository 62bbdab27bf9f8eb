#!/usr/bin/env bash
# Runs the native criterion benchmarks of aimskit-core briefly (not part of
# test.sh: too slow for every run). Extra arguments go to criterion, e.g.
#   bash scripts/bench.sh triage       # only benchmarks matching "triage"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
step "cargo bench -p aimskit-core (brief: 1 s warm-up, 3 s measurement, 20 samples)"
cargo bench -p aimskit-core --bench triage --bench gap --bench load -- --warm-up-time 1 --measurement-time 3 --sample-size 20 "$@" ||
  die "cargo bench failed"
