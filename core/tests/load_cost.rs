//! Heap cost of loading the compiled-in data (rules, locale tables,
//! catalogue), measured with a counting global allocator in this binary.
//!
//! The figures are printed (`cargo test -p aimskit-core --test load_cost --
//! --nocapture`) and recorded in docs/size.md; the test asserts only generous
//! sanity bounds, since exact numbers depend on the allocator and the data.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic"
)]

use std::hint::black_box;

use aimskit_core::gap::catalogue;
use aimskit_core::i18n::{Lang, table};
use aimskit_core::triage::rules;
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Runs `f` and returns the bytes it left allocated and its peak above the
/// bytes live before it.
fn step(name: &str, f: impl FnOnce()) -> (usize, usize) {
    let start = HEAP.current_usage();
    HEAP.reset_peak_usage();
    f();
    let retained = HEAP.current_usage().saturating_sub(start);
    let peak = HEAP.peak_usage().saturating_sub(start);
    println!("load cost: {name:<12} retained {retained:>8} B, peak {peak:>8} B");
    (retained, peak)
}

#[test]
fn loading_the_built_in_data_allocates_little() {
    // In the order a widget session meets them: its language's table (plus
    // English, the fallback), the rules at the first triage, the catalogue
    // when the AIMS tab opens.
    let steps = [
        step("locale en", || {
            black_box(table(Lang::En));
        }),
        step("locale de", || {
            black_box(table(Lang::De));
        }),
        step("rules", || {
            black_box(rules::built_in().unwrap());
        }),
        step("catalogue", || {
            black_box(catalogue());
        }),
    ];
    let (retained, peak): (usize, usize) =
        steps.iter().fold((0, 0), |(r, p), s| (r + s.0, p.max(s.1)));
    println!("load cost: total retained {retained} B, largest peak {peak} B");
    for (r, p) in steps {
        assert!(r > 0 && p >= r, "every step keeps its data ({r} <= {p})");
        assert!(p < 8 << 20, "a single load peaks at {p} B");
    }
    // Loading again is free: everything is cached.
    let (again, _) = step("all again", || {
        black_box((table(Lang::En), rules::built_in().unwrap(), catalogue()));
    });
    assert_eq!(again, 0);
}
