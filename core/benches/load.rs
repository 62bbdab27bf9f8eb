//! Loading the compiled-in data (each is cached after its first use; these
//! time one uncached load). Targets: well under a millisecond each, so that
//! nothing at mount waits for data. `rules from TOML` is the path the built-in
//! rules took before `build.rs` compiled them (still used for rule data given
//! as text); docs/size.md has the numbers before and after.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "bench code may panic on broken fixtures"
)]

use std::hint::black_box;

use aimskit_core::gap::Catalogue;
use aimskit_core::i18n::{Lang, Table};
use aimskit_core::triage::rules;
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.bench_function("rules", |b| b.iter(|| rules::load_built_in().unwrap()));
    g.bench_function("rules from TOML", |b| {
        b.iter(|| {
            rules::load(
                black_box(rules::TRIAGE_TOML),
                rules::OBLIGATIONS_TOML,
                rules::VOCABULARY_TOML,
            )
            .unwrap()
        })
    });
    g.bench_function("locale en", |b| b.iter(|| Table::load(black_box(Lang::En))));
    g.bench_function("locale de", |b| b.iter(|| Table::load(black_box(Lang::De))));
    g.bench_function("catalogue", |b| b.iter(|| Catalogue::load().unwrap()));
    g.bench_function("catalogue de texts", |b| {
        let cat = Catalogue::load().unwrap();
        b.iter(|| {
            cat.items
                .iter()
                .map(|i| i.requirement.get(black_box(Lang::De)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
