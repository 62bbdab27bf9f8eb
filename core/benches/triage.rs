//! Triage benchmarks: one system, and parse + triage of a 10,000-file
//! in-memory inventory (targets: <= 20 us per system, < 1 s for 10,000).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test and bench code may panic on broken fixtures"
)]

use std::hint::black_box;

use aimskit_core::Date;
use aimskit_core::system::{SourceFormat, parse_system};
use aimskit_core::triage::triage;
use criterion::{Criterion, criterion_group, criterion_main};

const EXAMPLES: [&str; 6] = [
    include_str!("../tests/corpus/triage/systems/health-insurance-pricing.toml"),
    include_str!("../tests/corpus/triage/systems/claims-document-classifier.toml"),
    include_str!("../tests/corpus/triage/systems/hr-chatbot.toml"),
    include_str!("../tests/corpus/triage/systems/frontier-llm.toml"),
    include_str!("../tests/corpus/triage/systems/rebranded-scheduler.toml"),
    include_str!("../tests/corpus/triage/systems/classroom-emotion.toml"),
];

fn bench(c: &mut Criterion) {
    let as_of: Date = "2026-11-29".parse().unwrap();
    let one = parse_system(EXAMPLES[0], SourceFormat::Toml).unwrap();
    c.bench_function("triage one system", |b| {
        b.iter(|| triage(black_box(&one), as_of))
    });
    c.bench_function("parse+triage one file", |b| {
        b.iter(|| {
            triage(
                &parse_system(black_box(EXAMPLES[1]), SourceFormat::Toml).unwrap(),
                as_of,
            )
        })
    });
    let files: Vec<String> = (0..10_000)
        .map(|i| EXAMPLES[i % EXAMPLES.len()].replace("name = \"", &format!("name = \"#{i} ")))
        .collect();
    let mut g = c.benchmark_group("inventory");
    g.sample_size(10);
    g.bench_function("parse+triage 10k files", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| {
                    triage(&parse_system(f, SourceFormat::Toml).unwrap(), as_of)
                        .obligations
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
