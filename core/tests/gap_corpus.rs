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
