//! Replays the gap corpus (`core/tests/corpus/gap/expected.toml`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers may panic on broken fixtures"
)]

mod gap_support;

use aimskit_core::gap::{GapResult, gap};
use toml::Value;

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_float()
        .or_else(|| v.as_integer().map(|i| i as f64))
        .unwrap()
}

fn check_case(name: &str, case: &Value) -> GapResult {
    let path = gap_support::corpus_dir().join(s(&case["aims"]));
    let (aims, systems) = gap_support::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let r = gap(&aims, &systems, gap_support::date(s(&case["as_of"])));
    let json: serde_json::Value = serde_json::to_value(&r).unwrap();

    assert!(
        (r.score - f(&case["score"])).abs() < 0.05,
        "{name}: score {}",
        r.score
    );
    let p = &case["pdca"];
    for (k, got) in [
        ("plan", r.pdca.plan),
        ("do", r.pdca.do_),
        ("check", r.pdca.check),
        ("act", r.pdca.act),
    ] {
        assert!((got - f(&p[k])).abs() < 0.05, "{name}: pdca.{k} = {got}");
    }
    let pitfalls: Vec<&str> = case["pitfalls"].as_array().unwrap().iter().map(s).collect();
    assert_eq!(r.pitfalls, pitfalls, "{name}: pitfalls");
    for (sev, n) in case["counts"].as_table().unwrap() {
        let got = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["severity"] == sev.as_str())
            .count();
        assert_eq!(got as i64, n.as_integer().unwrap(), "{name}: {sev} count");
    }
    for (id, st) in case["status"].as_table().unwrap() {
        let section = if id.starts_with("A.") {
            "controls"
        } else {
            "clauses"
        };
        assert_eq!(json[section][id]["status"], s(st), "{name}: status of {id}");
    }
    for (id, req) in case["required_by"].as_table().unwrap() {
        let row = r.soa.iter().find(|x| &x.control == id).unwrap();
        let want: Vec<&str> = req.as_array().unwrap().iter().map(s).collect();
        assert_eq!(row.required_by, want, "{name}: required_by of {id}");
    }
    for want in case["findings"].as_array().unwrap() {
        let ok = r.findings.iter().any(|x| {
            x.ref_ == s(&want["ref"])
                && x.severity.as_str() == s(&want["severity"])
                && want["contains"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|c| x.message.contains(s(c)))
        });
        assert!(
            ok,
            "{name}: no finding like {want:?}\nfindings: {:#?}",
            r.findings
        );
    }
    if let Some(first) = case.get("roadmap_first") {
        let a = r.roadmap.first().unwrap();
        assert_eq!(a.ref_, s(&first["ref"]), "{name}: first roadmap ref");
        assert_eq!(
            a.priority.as_str(),
            s(&first["priority"]),
            "{name}: first roadmap priority"
        );
        assert_eq!(
            a.due.map(|d| d.to_string()),
            first.get("due").map(|d| s(d).to_owned()),
            "{name}: due"
        );
    } else {
        assert!(r.roadmap.is_empty(), "{name}: roadmap should be empty");
    }
    let fria = case["fria"].as_table().unwrap();
    let needing: Vec<&str> = r
        .systems
        .iter()
        .filter(|x| x.needs_fria)
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(
        needing.len(),
        fria.len(),
        "{name}: systems needing a FRIA: {needing:?}"
    );
    for (sys, st) in fria {
        let g = r.systems.iter().find(|x| &x.name == sys).unwrap();
        assert_eq!(
            serde_json::to_value(g.impact.status).unwrap(),
            s(st),
            "{name}: worksheet of {sys}"
        );
    }
    r
}

#[test]
fn corpus_matches_expected() {
    let text = std::fs::read_to_string(gap_support::corpus_dir().join("expected.toml")).unwrap();
    let expected: toml::Table = toml::from_str(&text).unwrap();
    assert!(expected.len() >= 6);
    for (name, case) in &expected {
        check_case(name, case);
    }
}

#[test]
fn results_follow_the_spec_shape() {
    let path = gap_support::corpus_dir().join("public-university/aims.toml");
    let (aims, systems) = gap_support::load(&path).unwrap();
    let r = gap(&aims, &systems, gap_support::date("2026-11-29"));
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["format"], "aimskit-gap/1");
    for k in [
        "score", "pdca", "clauses", "controls", "soa", "findings", "pitfalls", "roadmap",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    for k in ["plan", "do", "check", "act"] {
        let x = v["pdca"][k].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&x));
    }
    assert_eq!(v["clauses"].as_object().unwrap().len(), 32);
    assert_eq!(v["controls"].as_object().unwrap().len(), 38);
    assert_eq!(v["soa"].as_array().unwrap().len(), 38);
    let c = &v["clauses"]["6.1.2"];
    assert!(c["maturity"].is_u64() && c["evidenced"].is_boolean() && c["status"].is_string());
    let row = &v["soa"][0];
    for k in [
        "control",
        "applicable",
        "justification",
        "status",
        "required_by",
    ] {
        assert!(row.get(k).is_some(), "soa row lacks {k}");
    }
    for f in v["findings"].as_array().unwrap() {
        for k in ["ref", "severity", "message", "citation"] {
            assert!(f[k].is_string(), "finding lacks {k}");
        }
    }
    for a in v["roadmap"].as_array().unwrap() {
        for k in ["ref", "action", "priority", "because"] {
            assert!(a[k].is_string(), "roadmap action lacks {k}");
        }
        assert!(a.get("due").is_some());
    }
    // Deterministic: the same input gives byte-identical JSON.
    let again = gap(&aims, &systems, gap_support::date("2026-11-29"));
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
}

#[test]
fn roadmap_is_ordered_most_urgent_first() {
    for case in [
        "public-university/aims.toml",
        "hr-tech-provider/aims.toml",
        "empty/aims.toml",
        "template-only/aims.toml",
    ] {
        let (aims, systems) = gap_support::load(&gap_support::corpus_dir().join(case)).unwrap();
        let r = gap(&aims, &systems, gap_support::date("2026-11-29"));
        for w in r.roadmap.windows(2) {
            assert!(
                w[0].priority <= w[1].priority,
                "{case}: {:?} before {:?}",
                w[0],
                w[1]
            );
            if w[0].priority == w[1].priority {
                if let (Some(a), Some(b)) = (w[0].due, w[1].due) {
                    assert!(a <= b, "{case}: due order");
                }
                assert!(
                    !(w[0].due.is_none() && w[1].due.is_some()),
                    "{case}: undated before dated"
                );
            }
        }
        for a in &r.roadmap {
            assert!(!a.because.is_empty() && !a.action.is_empty());
        }
    }
}

#[test]
fn legal_deadlines_raise_priority() {
    // The same AIMS: the Art. 27 gap is `high` before 2027-12-02 and
    // `critical` once the Annex III obligations are in force.
    let (aims, systems) =
        gap_support::load(&gap_support::corpus_dir().join("public-university/aims.toml")).unwrap();
    let before = gap(&aims, &systems, gap_support::date("2026-11-29"));
    let after = gap(&aims, &systems, gap_support::date("2028-01-15"));
    let prio = |r: &GapResult, id: &str| {
        r.roadmap
            .iter()
            .find(|a| a.ref_ == id)
            .unwrap()
            .priority
            .as_str()
            .to_owned()
    };
    assert_eq!(prio(&before, "A.5.2"), "high");
    assert_eq!(prio(&after, "A.5.2"), "critical");
    // Once in force, the missing FRIA is a nonconformity, not an observation.
    let fria = |r: &GapResult| {
        r.findings
            .iter()
            .find(|f| f.ref_ == "8.4" && f.system.is_some())
            .unwrap()
            .severity
            .as_str()
            .to_owned()
    };
    assert_eq!(fria(&before), "observation");
    assert_eq!(fria(&after), "nonconformity");
}

#[test]
fn iso27001_reuse_is_suggested_only_when_certified() {
    let (aims, systems) =
        gap_support::load(&gap_support::corpus_dir().join("public-university/aims.toml")).unwrap();
    let r = gap(&aims, &systems, gap_support::date("2026-11-29"));
    let a = r.roadmap.iter().find(|a| a.ref_ == "9.2.2").unwrap();
    assert!(a.action.contains("ISO/IEC 27001"), "{}", a.action);
    let mut no_cert = aims.clone();
    no_cert.certifications.clear();
    let r = gap(&no_cert, &systems, gap_support::date("2026-11-29"));
    let a = r.roadmap.iter().find(|a| a.ref_ == "9.2.2").unwrap();
    assert!(!a.action.contains("27001"));
    assert!(!r.pitfalls.contains(&"siloed_management_system".to_owned()));
}

fn load_case(case: &str, as_of: &str) -> GapResult {
    let (aims, systems) = gap_support::load(&gap_support::corpus_dir().join(case)).unwrap();
    gap(&aims, &systems, gap_support::date(as_of))
}

#[test]
fn inventory_duties_come_from_the_triage_not_the_tier() {
    // Three high-risk systems: Art. 111(2) exempts the first, moves the
    // second to the public-authority date and Art. 2(2) leaves the Section B
    // product without Chapter III duties. Only what the triage gives counts.
    let r = load_case("legacy-inventory/aims.toml", "2026-11-29");
    for row in &r.soa {
        for q in &row.required_by_systems {
            match q.system.as_str() {
                "Legacy ranking" => assert_eq!(q.article, "Art. 4", "{}: {q:?}", row.control),
                "Legacy public benefits" if q.article != "Art. 4" => {
                    assert_eq!(q.applies_from.to_string(), "2030-08-02", "{}", row.control);
                    assert!(!q.in_force);
                }
                "Legacy public benefits" => {}
                other => panic!("{}: {other} should require nothing: {q:?}", row.control),
            }
        }
    }
    let excluded: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.key == "gap.f.excluded_required")
        .filter_map(|f| f.system.as_deref())
        .collect();
    assert_eq!(excluded, ["Legacy public benefits"]);
    // The Art. 9 clause gap is planned for the date that really applies.
    let a = r.roadmap.iter().find(|a| a.ref_ == "6.1.2").unwrap();
    assert_eq!(
        (a.priority.as_str(), a.due.map(|d| d.to_string())),
        ("high", Some("2030-08-02".to_owned()))
    );
}

#[test]
fn a_high_risk_provider_pulls_its_controls_forward() {
    // Risk management, data, logging, human oversight and post-market
    // monitoring controls are required from the Annex III date, and their
    // gaps move from `high` to `critical` once that date has passed.
    let before = load_case("hr-tech-provider/aims.toml", "2026-11-29");
    let after = load_case("hr-tech-provider/aims.toml", "2028-01-15");
    for (control, article) in [
        ("A.5.2", "Art. 9"),
        ("A.6.2.4", "Art. 9"),
        ("A.7.4", "Art. 10"),
        ("A.6.2.8", "Art. 12"),
        ("A.6.2.2", "Art. 14"),
        ("A.9.2", "Art. 14"),
        ("A.6.2.6", "Art. 72"),
        ("A.8.3", "Art. 72"),
    ] {
        let row = before.soa.iter().find(|x| x.control == control).unwrap();
        let q = row
            .required_by_systems
            .iter()
            .find(|q| q.article == article)
            .unwrap_or_else(|| panic!("{control} not required by {article}"));
        assert_eq!(q.applies_from.to_string(), "2027-12-02", "{control}");
    }
    let step = |r: &GapResult| {
        let a = r.roadmap.iter().find(|a| a.ref_ == "A.6.2.8").unwrap();
        (a.priority.as_str().to_owned(), a.due.map(|d| d.to_string()))
    };
    assert_eq!(step(&before), ("high".into(), Some("2027-12-02".into())));
    assert_eq!(step(&after), ("critical".into(), Some("2028-01-15".into())));
}

#[test]
fn fria_notification_is_checked_as_of_the_day() {
    // Art. 27(3): the results of a complete FRIA are notified to the market
    // surveillance authority; a `notified` date after `as_of` has not
    // happened yet on that day.
    let notify = |r: &GapResult| -> Vec<(String, String)> {
        r.findings
            .iter()
            .filter(|f| f.key == "gap.f.fria_notify")
            .map(|f| {
                (
                    f.system.clone().unwrap_or_default(),
                    f.severity.as_str().to_owned(),
                )
            })
            .collect()
    };
    let early = load_case("bank-fria/aims.toml", "2026-11-29");
    assert_eq!(
        notify(&early),
        [
            ("Consumer credit score".to_owned(), "observation".to_owned()),
            ("Credit limit model".to_owned(), "observation".to_owned()),
        ]
    );
    let a = early
        .roadmap
        .iter()
        .find(|a| a.action_key == "gap.ra.fria_notify")
        .unwrap();
    assert_eq!(
        (
            a.ref_.as_str(),
            a.priority.as_str(),
            a.due.map(|d| d.to_string())
        ),
        ("Art. 27", "high", Some("2027-12-02".to_owned()))
    );
    let late = load_case("bank-fria/aims.toml", "2028-01-15");
    assert_eq!(
        notify(&late),
        [(
            "Consumer credit score".to_owned(),
            "nonconformity".to_owned()
        )]
    );
    let actions: Vec<&str> = late
        .roadmap
        .iter()
        .filter(|a| a.action_key == "gap.ra.fria_notify")
        .map(|a| a.priority.as_str())
        .collect();
    assert_eq!(actions, ["critical"]);
    // A complete, notified worksheet leaves no FRIA gap at all.
    assert!(
        late.findings
            .iter()
            .all(|f| f.key != "gap.f.fria" || f.system.as_deref() != Some("Credit limit model"))
    );
}

#[test]
fn the_42001_worksheet_fields_feed_a_5_5_and_6_1_4_modestly() {
    // hr-tech-provider: A.5.5 self-assessed at 4 with evidence, 6.1.4 at 1;
    // the worksheet of the one system has neither societal impacts nor
    // foreseeable misuse.
    let path = gap_support::corpus_dir().join("hr-tech-provider/aims.toml");
    let (mut aims, mut systems) = gap_support::load(&path).unwrap();
    let as_of = gap_support::date("2026-11-29");
    let keys = |r: &GapResult| -> Vec<(String, String)> {
        r.findings
            .iter()
            .filter(|f| f.key.starts_with("gap.f.no_"))
            .map(|f| (f.ref_.clone(), f.severity.as_str().to_owned()))
            .collect()
    };
    let base = gap(&aims, &systems, as_of);
    // 6.1.4 is not claimed (maturity 1): only the A.5.5 observation.
    assert_eq!(
        keys(&base),
        [("A.5.5".to_owned(), "observation".to_owned())]
    );
    let sys = &base.systems[0];
    assert_eq!(
        sys.impact
            .iso42001_missing
            .iter()
            .map(|m| m.field.as_str())
            .collect::<Vec<_>>(),
        ["impact.foreseeable_misuse", "impact.societal_impacts"]
    );
    assert!(base.controls["A.5.5"].inventory_evidence.is_empty());

    // Recording societal impacts removes the observation and is a record
    // for A.5.5; the Art. 27 status and the other items do not move.
    let sheet = systems[0].1.impact.as_mut().unwrap();
    sheet.societal_impacts = "Fewer older applicants hired across the sector".into();
    let filled = gap(&aims, &systems, as_of);
    assert!(keys(&filled).is_empty());
    assert_eq!(filled.systems[0].impact.status, sys.impact.status);
    assert_eq!(
        filled.controls["A.5.5"].inventory_evidence,
        ["impact worksheet (societal impacts): Applicant ranking assistant"]
    );
    assert_eq!(filled.score, base.score);
    // ... which is enough evidence for a claimed A.5.5 without file evidence.
    aims.controls.get_mut("A.5.5").unwrap().evidence.clear();
    assert_eq!(
        gap(&aims, &systems, as_of).controls["A.5.5"]
            .status
            .as_str(),
        "met"
    );
    systems[0].1.impact.as_mut().unwrap().societal_impacts = " ".into();
    assert_eq!(
        gap(&aims, &systems, as_of).controls["A.5.5"]
            .status
            .as_str(),
        "partial"
    );

    // Claiming 6.1.4 makes the missing misuse an observation (never a
    // nonconformity); recording it removes the observation.
    aims.clauses.get_mut("6.1.4").unwrap().maturity = Some(3);
    let claimed = gap(&aims, &systems, as_of);
    assert!(keys(&claimed).contains(&("6.1.4".to_owned(), "observation".to_owned())));
    systems[0].1.impact.as_mut().unwrap().foreseeable_misuse =
        "Ranking reused to select staff for dismissal".into();
    let r = gap(&aims, &systems, as_of);
    assert!(!keys(&r).iter().any(|(id, _)| id == "6.1.4"));
    // An excluded A.5.5 is no claim.
    let a55 = aims.controls.get_mut("A.5.5").unwrap();
    a55.applicable = false;
    a55.justification = "No societal reach".into();
    assert!(keys(&gap(&aims, &systems, as_of)).is_empty());
}
