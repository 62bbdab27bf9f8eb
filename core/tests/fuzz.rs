//! Fuzzing on stable Rust (no nightly here for cargo-fuzz): proptest drives
//! 10,000 cases each through parse + evaluate of system files (triage) and
//! AIMS files (gap analysis with a parsed inventory). Inputs are seeds from
//! the corpora (TOML and JSON) mutated by splicing, deleting, duplicating and
//! crossing over lines and by inserting syntax-heavy junk. The property: no
//! panic, and whatever parses evaluates to a consistent result. The number
//! of executions is counted and written to `$CARGO_TARGET_TMPDIR/fuzz-counts.txt`
//! (scripts/test.sh prints it).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use aimskit_core::Date;
use aimskit_core::aims::parse_aims;
use aimskit_core::gap::gap;
use aimskit_core::system::{SourceFormat, SystemFile, parse_system};
use aimskit_core::triage::triage;
use proptest::prelude::*;

const CASES: u32 = 10_000;

static SYSTEM_RUNS: AtomicUsize = AtomicUsize::new(0);
static SYSTEM_PARSED: AtomicUsize = AtomicUsize::new(0);
static AIMS_RUNS: AtomicUsize = AtomicUsize::new(0);
static AIMS_PARSED: AtomicUsize = AtomicUsize::new(0);
static REPORT: Mutex<()> = Mutex::new(());

fn fmt_of(p: &Path) -> SourceFormat {
    if p.extension().is_some_and(|e| e == "json") {
        SourceFormat::Json
    } else {
        SourceFormat::Toml
    }
}

fn files(dir: &Path, name_filter: &dyn Fn(&Path) -> bool, out: &mut Vec<(String, SourceFormat)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, name_filter, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("toml" | "json")
        ) && name_filter(&p)
        {
            out.push((std::fs::read_to_string(&p).unwrap(), fmt_of(&p)));
        }
    }
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn system_seeds() -> &'static [(String, SourceFormat)] {
    static S: OnceLock<Vec<(String, SourceFormat)>> = OnceLock::new();
    S.get_or_init(|| {
        let mut v = Vec::new();
        files(&corpus().join("triage/systems"), &|_| true, &mut v);
        files(
            &corpus().join("gap"),
            &|p| {
                !p.ends_with("expected.toml")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("aims."))
            },
            &mut v,
        );
        v.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(v.len() >= 10);
        v
    })
}

fn aims_seeds() -> &'static [(String, SourceFormat)] {
    static S: OnceLock<Vec<(String, SourceFormat)>> = OnceLock::new();
    S.get_or_init(|| {
        let mut v = Vec::new();
        files(
            &corpus().join("gap"),
            &|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("aims."))
            },
            &mut v,
        );
        v.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(v.len() >= 5);
        v
    })
}

fn inventory() -> &'static [(String, SystemFile)] {
    static S: OnceLock<Vec<(String, SystemFile)>> = OnceLock::new();
    S.get_or_init(|| {
        system_seeds()
            .iter()
            .filter_map(|(t, f)| parse_system(t, *f).ok())
            .take(12)
            .map(|s| (s.name.clone(), s))
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Op {
    Splice {
        at: usize,
        len: usize,
        junk: String,
    },
    DeleteLine(usize),
    DuplicateLine(usize),
    CrossLine {
        from_seed: usize,
        line: usize,
        at: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            0usize..6000,
            0usize..16,
            "[\\[\\]{}\"'=.,:#0-9a-zA-Z_ \\n\\\\-]{0,10}"
        )
            .prop_map(|(at, len, junk)| Op::Splice { at, len, junk }),
        (0usize..200).prop_map(Op::DeleteLine),
        (0usize..200).prop_map(Op::DuplicateLine),
        (0usize..200, 0usize..200, 0usize..200).prop_map(|(from_seed, line, at)| Op::CrossLine {
            from_seed,
            line,
            at
        }),
        ("\\PC{0,6}", 0usize..6000).prop_map(|(junk, at)| Op::Splice { at, len: 0, junk }),
    ]
}

fn mutate(seed: &str, seeds: &[(String, SourceFormat)], ops: &[Op]) -> String {
    let mut text = seed.to_owned();
    for o in ops {
        match o {
            Op::Splice { at, len, junk } => {
                let chars: Vec<char> = text.chars().collect();
                let at = at % (chars.len() + 1);
                let end = (at + len).min(chars.len());
                text = chars[..at]
                    .iter()
                    .chain(junk.chars().collect::<Vec<_>>().iter())
                    .chain(chars[end..].iter())
                    .collect();
            }
            Op::DeleteLine(i) | Op::DuplicateLine(i) => {
                let mut lines: Vec<&str> = text.lines().collect();
                if lines.is_empty() {
                    continue;
                }
                let i = i % lines.len();
                if matches!(o, Op::DeleteLine(_)) {
                    lines.remove(i);
                } else {
                    lines.insert(i, lines[i]);
                }
                text = lines.join("\n");
            }
            Op::CrossLine {
                from_seed,
                line,
                at,
            } => {
                let donor: Vec<&str> = seeds[from_seed % seeds.len()].0.lines().collect();
                let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
                if donor.is_empty() {
                    continue;
                }
                let at = at % (lines.len() + 1);
                lines.insert(at, donor[line % donor.len()].to_owned());
                text = lines.join("\n");
            }
        }
    }
    text
}

fn report() {
    let _guard = REPORT.lock().unwrap();
    let line = format!(
        "fuzz (proptest): system files {} executions ({} parsed and triaged); AIMS files {} executions ({} parsed and gap-analysed)\n",
        SYSTEM_RUNS.load(Ordering::SeqCst),
        SYSTEM_PARSED.load(Ordering::SeqCst),
        AIMS_RUNS.load(Ordering::SeqCst),
        AIMS_PARSED.load(Ordering::SeqCst)
    );
    let _ = std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-counts.txt"),
        line,
    );
}

fn date(d: u32) -> Date {
    "2024-01-01"
        .parse::<Date>()
        .unwrap()
        .add_days(i64::from(d))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_system_files(seed in 0usize..1000, ops in prop::collection::vec(op(), 1..3), swap_fmt in prop::bool::weighted(0.1), d in 0u32..2000) {
        let seeds = system_seeds();
        let (text, fmt) = &seeds[seed % seeds.len()];
        let fmt = if swap_fmt { if *fmt == SourceFormat::Json { SourceFormat::Toml } else { SourceFormat::Json } } else { *fmt };
        let input = mutate(text, seeds, &ops);
        SYSTEM_RUNS.fetch_add(1, Ordering::SeqCst);
        match parse_system(&input, fmt) {
            Ok(sys) => {
                SYSTEM_PARSED.fetch_add(1, Ordering::SeqCst);
                let r = triage(&sys, date(d));
                prop_assert_eq!(&r.name, &sys.name);
                prop_assert!(r.trace.iter().all(|t| !t.citation.is_empty()));
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        report();
    }

    #[test]
    fn fuzz_aims_files(seed in 0usize..1000, ops in prop::collection::vec(op(), 1..3), inv in 0usize..13, d in 0u32..2000) {
        let seeds = aims_seeds();
        let (text, fmt) = &seeds[seed % seeds.len()];
        let input = mutate(text, seeds, &ops);
        AIMS_RUNS.fetch_add(1, Ordering::SeqCst);
        match parse_aims(&input, *fmt) {
            Ok(aims) => {
                AIMS_PARSED.fetch_add(1, Ordering::SeqCst);
                let systems = &inventory()[..inv.min(inventory().len())];
                let r = gap(&aims, systems, date(d));
                prop_assert!((0.0..=100.0).contains(&r.score));
                prop_assert_eq!(r.coverage.total, aimskit_core::gap::catalogue().items.len());
                prop_assert!(r.coverage.met <= r.coverage.assessed);
                prop_assert_eq!(r.systems.len(), aims.systems.iter().filter(|s| matches!(s, aimskit_core::aims::SystemRef::Inline(_))).count() + systems.len());
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        report();
    }
}
