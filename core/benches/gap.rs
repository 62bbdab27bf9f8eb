//! Gap analysis of an organisation with 100 AI systems (target: <= 2 ms).
//!
//! The inventory cycles through eight corpus system files (high-risk,
//! prohibited, GPAI, limited, minimal ...), each with an impact worksheet on
//! every other system; the AIMS is the public-university corpus case.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "bench code may panic on broken fixtures"
)]

use aimskit_core::aims::parse_aims;
use aimskit_core::gap::{TriagedSystem, evaluate, gap};
use aimskit_core::impact::{ImpactRisk, ImpactWorksheet};
use aimskit_core::system::{SourceFormat, SystemFile, parse_system};
use aimskit_core::triage::triage;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

const SYSTEMS: [&str; 8] = [
    include_str!("../tests/corpus/triage/systems/health-insurance-pricing.toml"),
    include_str!("../tests/corpus/triage/systems/claims-document-classifier.toml"),
    include_str!("../tests/corpus/triage/systems/hr-chatbot.toml"),
    include_str!("../tests/corpus/triage/systems/frontier-llm.toml"),
    include_str!("../tests/corpus/triage/systems/rebranded-scheduler.toml"),
    include_str!("../tests/corpus/triage/systems/classroom-emotion.toml"),
    include_str!("../tests/corpus/gap/public-university/systems/exam-proctoring.toml"),
    include_str!("../tests/corpus/gap/hr-tech-provider/systems/applicant-ranking.toml"),
];

fn inventory() -> Vec<(String, SystemFile)> {
    let base: Vec<SystemFile> = SYSTEMS
        .iter()
        .map(|t| parse_system(t, SourceFormat::Toml).unwrap())
        .collect();
    (0..100)
        .map(|i| {
            let mut s = base[i % base.len()].clone();
            s.name = format!("{} #{i}", s.name);
            if i % 2 == 0 {
                s.impact = Some(ImpactWorksheet {
                    processes: "p".into(),
                    period_and_frequency: "daily".into(),
                    affected_groups: vec!["customers".into()],
                    oversight: "review".into(),
                    remedies: "complaints desk".into(),
                    risks: vec![ImpactRisk {
                        harm: "h".into(),
                        right: "non_discrimination".into(),
                        likelihood: 3,
                        severity: 4,
                        mitigation: "m".into(),
                        residual_likelihood: Some(2),
                        residual_severity: Some(2),
                    }],
                    notified: None,
                    ..Default::default()
                });
            }
            (s.name.clone(), s)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = include_str!("../tests/corpus/gap/public-university/aims.toml");
    let aims = parse_aims(text, SourceFormat::Toml).unwrap();
    let systems = inventory();
    let as_of = "2026-11-29".parse().unwrap();
    c.bench_function("gap_100_systems", |b| {
        b.iter(|| gap(std::hint::black_box(&aims), &systems, as_of))
    });
    let triaged: Vec<TriagedSystem> = systems
        .iter()
        .map(|(n, s)| TriagedSystem {
            name: n.clone(),
            triage: triage(s, as_of),
            declared_roles: s.roles.clone(),
            impact: s.impact.clone(),
        })
        .collect();
    c.bench_function("evaluate_100_triaged_systems", |b| {
        b.iter_batched(
            || triaged.clone(),
            |t| evaluate(std::hint::black_box(&aims), t, as_of, "bench"),
            BatchSize::SmallInput,
        )
    });
    c.bench_function("parse_aims", |b| {
        b.iter(|| parse_aims(std::hint::black_box(text), SourceFormat::Toml))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
