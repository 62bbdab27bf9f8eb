//! Who bears which duty: every obligation the engine gives, for every corpus
//! system on several dates, matches its rule data (role, articles) and lands
//! only on a role that the cited article addresses.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use std::path::Path;

use aimskit_core::Date;
use aimskit_core::system::{SourceFormat, parse_system};
use aimskit_core::triage::{Role, TriageResult, rules, triage};

/// Article prefixes and the only roles they address (Art. 3(3)-(8)).
const BEARERS: &[(&str, &[Role])] = &[
    ("Art. 4", &[Role::Provider, Role::Deployer]),
    ("Art. 6(4)", &[Role::Provider]),
    ("Art. 16", &[Role::Provider]),
    ("Art. 17", &[Role::Provider]),
    ("Art. 22(1)", &[Role::Provider]),
    ("Art. 22(3)", &[Role::AuthorisedRepresentative]),
    ("Art. 23", &[Role::Importer]),
    ("Art. 24", &[Role::Distributor]),
    ("Art. 25(1)", &[Role::Provider]),
    ("Art. 25(3)", &[Role::ProductManufacturer]),
    ("Art. 25(4)", &[Role::Provider]),
    ("Art. 26", &[Role::Deployer]),
    ("Art. 27", &[Role::Deployer]),
    ("Art. 43", &[Role::Provider]),
    ("Art. 47", &[Role::Provider]),
    ("Art. 48", &[Role::Provider]),
    ("Art. 49(1)", &[Role::Provider]),
    ("Art. 49(2)", &[Role::Provider]),
    ("Art. 49(3)", &[Role::Deployer]),
    ("Art. 49(4)", &[Role::Provider, Role::Deployer]),
    ("Art. 49(5)", &[Role::Provider]),
    ("Art. 50(1)", &[Role::Provider]),
    ("Art. 50(2)", &[Role::Provider]),
    ("Art. 50(3)", &[Role::Deployer]),
    ("Art. 50(4)", &[Role::Deployer]),
    ("Art. 52", &[Role::Provider]),
    ("Art. 53", &[Role::Provider]),
    ("Art. 54", &[Role::Provider]),
    ("Art. 55", &[Role::Provider]),
    ("Art. 72", &[Role::Provider]),
    ("Art. 73", &[Role::Provider]),
    ("Art. 86", &[Role::Deployer]),
    ("Art. 5(1)(h)", &[Role::Deployer]),
    ("Art. 5(2)", &[Role::Deployer]),
];

/// `Art. 4` matches `Art. 4` and `Art. 4(1)` but not `Art. 43`.
fn cites(article: &str, prefix: &str) -> bool {
    article == prefix
        || (article.starts_with(prefix)
            && (prefix.ends_with(')') || article[prefix.len()..].starts_with('(')))
}

fn results() -> Vec<(String, TriageResult)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/triage/systems");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let fmt = if f.extension().is_some_and(|x| x == "json") {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        };
        let sys = parse_system(&std::fs::read_to_string(&f).unwrap(), fmt).unwrap();
        for d in ["2025-01-01", "2026-11-29", "2028-09-01", "2031-01-01"] {
            let as_of: Date = d.parse().unwrap();
            let name = format!("{} @ {d}", f.file_name().unwrap().to_string_lossy());
            out.push((name, triage(&sys, as_of)));
        }
    }
    out
}

#[test]
fn every_obligation_matches_its_rule_data() {
    let rules = rules::built_in().unwrap();
    let mut problems = Vec::new();
    let all = results();
    assert!(all.len() > 400);
    for (name, r) in &all {
        for o in &r.obligations {
            let Some((_, def)) = rules.obligation(&o.id) else {
                problems.push(format!("{name}: `{}` not in obligations.toml", o.id));
                continue;
            };
            if def.role != "operator" && def.role != o.role.as_str() {
                problems.push(format!(
                    "{name}: `{}` given to {} but the data says {}",
                    o.id,
                    o.role.as_str(),
                    def.role
                ));
            }
            if def.articles != o.articles {
                problems.push(format!("{name}: `{}` articles differ", o.id));
            }
            if o.applicable != (o.applies_from <= r.as_of) {
                problems.push(format!("{name}: `{}` applicable is wrong", o.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_duty_lands_on_a_role_the_article_does_not_address() {
    let mut problems = Vec::new();
    for (name, r) in &results() {
        for o in &r.obligations {
            for a in &o.articles {
                for (prefix, bearers) in BEARERS {
                    if cites(a, prefix) && !bearers.contains(&o.role) {
                        problems.push(format!(
                            "{name}: `{}` ({a}) given to {}",
                            o.id,
                            o.role.as_str()
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_bearer_table_catches_a_misplaced_duty() {
    // The check itself can fail: a provider duty under the deployer role.
    let bad = ("Art. 16", Role::Deployer);
    assert!(
        BEARERS
            .iter()
            .any(|(p, b)| cites(bad.0, p) && !b.contains(&bad.1))
    );
    assert!(!cites("Art. 43", "Art. 4"));
    assert!(cites("Art. 4(1)", "Art. 4"));
}

fn triage_toml(src: &str, as_of: &str) -> TriageResult {
    let sys = parse_system(src, SourceFormat::Toml).unwrap();
    triage(&sys, as_of.parse().unwrap())
}

fn has_article(r: &TriageResult, prefix: &str) -> bool {
    r.obligations
        .iter()
        .any(|o| o.articles.iter().any(|a| cites(a, prefix)))
}

fn fired(r: &TriageResult, rule: &str) -> bool {
    r.trace.iter().any(|s| s.rule == rule)
}

const HEAD: &str = "format = \"aimskit-system/1\"\nname = \"t\"\nestablished_in_eu = true\n";

#[test]
fn art_26_10_is_for_post_remote_not_real_time_identification() {
    // Art. 3(42)-(43), Art. 5(2)-(7), Art. 26(10).
    let real_time = triage_toml(
        &format!(
            "{HEAD}roles = [\"deployer\"]\npublic_body = true\nart5 = [\"5.1.h\"]\n\
             art5_exceptions = [\"5.1.h.iii\"]\n"
        ),
        "2028-01-01",
    );
    assert!(!has_article(&real_time, "Art. 26(10)"));
    assert!(has_article(&real_time, "Art. 5(2)"));
    assert!(fired(&real_time, "rbi.real_time_not_post"));
    let post = triage_toml(
        &format!("{HEAD}roles = [\"deployer\"]\npublic_body = true\nannex_iii = [\"1.a\"]\n"),
        "2028-01-01",
    );
    assert!(has_article(&post, "Art. 26(10)"));
    assert!(!fired(&post, "rbi.real_time_not_post"));
}

#[test]
fn annex_iii_4b_deployers_inform_workers() {
    // Art. 26(7) with Annex III 4(b); not for 4(a) candidates, nor for the provider.
    let src = |point: &str, role: &str| {
        format!("{HEAD}roles = [\"{role}\"]\nannex_iii = [\"{point}\"]\n")
    };
    let r = triage_toml(&src("4.b", "deployer"), "2028-01-01");
    assert!(has_article(&r, "Art. 26(7)"));
    assert!(fired(&r, "workers.annex_iii_4b"));
    assert!(!has_article(
        &triage_toml(&src("4.a", "deployer"), "2028-01-01"),
        "Art. 26(7)"
    ));
    assert!(!has_article(
        &triage_toml(&src("4.b", "provider"), "2028-01-01"),
        "Art. 26(7)"
    ));
}

#[test]
fn art_111_1_is_named_for_possible_annex_x_components() {
    // Art. 111(1): placed before 2027-08-02 and in the Art. 49(4) areas.
    let src = |placed: &str, point: &str| {
        format!(
            "{HEAD}roles = [\"deployer\"]\npublic_body = true\nannex_iii = [\"{point}\"]\n\
             first_placed_on_market = \"{placed}\"\nsignificant_change = true\n"
        )
    };
    assert!(fired(
        &triage_toml(&src("2027-01-15", "7.b"), "2026-11-29"),
        "high_risk.annex_x"
    ));
    assert!(!fired(
        &triage_toml(&src("2027-08-02", "7.b"), "2026-11-29"),
        "high_risk.annex_x"
    ));
    assert!(!fired(
        &triage_toml(&src("2027-01-15", "5.a"), "2026-11-29"),
        "high_risk.annex_x"
    ));
}

#[test]
fn a_third_party_without_a_role_becomes_provider_under_art_25() {
    let r = triage_toml(
        &format!(
            "{HEAD}eu_nexus = [\"placed_on_market\"]\nannex_iii = [\"4.a\"]\n\
             value_chain = [\"25.1.a\"]\nfirst_placed_on_market = \"2028-01-01\"\n"
        ),
        "2026-11-29",
    );
    assert_eq!(r.roles, vec![Role::Provider]);
    assert!(has_article(&r, "Art. 25(1)(a)") && has_article(&r, "Art. 16"));
    assert!(r.needs_review.iter().all(|n| n.field != "roles"));
    // Without Art. 25 the missing role is still asked for.
    let none = triage_toml(
        &format!("{HEAD}eu_nexus = [\"placed_on_market\"]\nannex_iii = [\"4.a\"]\n"),
        "2026-11-29",
    );
    assert!(none.needs_review.iter().any(|n| n.field == "roles"));
}

#[test]
fn high_risk_providers_agree_with_suppliers_in_writing() {
    // Art. 25(4): every high-risk provider outside Section B, never the deployer.
    let r = triage_toml(
        &format!("{HEAD}roles = [\"provider\", \"deployer\"]\nannex_iii = [\"5.b\"]\n"),
        "2028-01-01",
    );
    let o = r
        .obligations
        .iter()
        .find(|o| o.id == "hr.supplier_agreement")
        .unwrap();
    assert_eq!(o.role, Role::Provider);
    assert_eq!(o.applies_from.to_string(), "2027-12-02");
    let b = triage_toml(
        &format!(
            "{HEAD}roles = [\"provider\"]\nannex_i = [\"B.18\"]\nannex_i_third_party = true\n"
        ),
        "2029-01-01",
    );
    assert!(!has_article(&b, "Art. 25(4)"));
}

#[test]
fn a_model_provider_without_a_system_role_is_asked_about_the_system_only() {
    let r = triage_toml(
        &format!("{HEAD}\n[gpai]\nprovider = true\ntraining_flops = 5e24\n"),
        "2026-11-29",
    );
    assert!(has_article(&r, "Art. 53(1)(a)"));
    let keys: Vec<&str> = r.needs_review.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["review.flag.no_role_model"]);
    // Without the model the plain question stays.
    let plain = triage_toml(
        &format!("{HEAD}eu_nexus = [\"used_in_eu\"]\n"),
        "2026-11-29",
    );
    let keys: Vec<&str> = plain.needs_review.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["review.flag.no_role"]);
}
