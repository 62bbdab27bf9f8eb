//! Rule-data invariants, bad-input classes and properties of the triage.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test and bench code may panic on broken fixtures"
)]

use aimskit_core::InputErrorKind as K;
use aimskit_core::system::{
    AnnexIiiPoint, Art5Exception, Art5Practice, Art6_3Condition, Art50Exception, Art50Provision,
    Exclusion, FieldName, GpaiFacts, NexusKind, SourceFormat, SpecId, SystemFile, ValueChain,
    parse_system, to_json, to_toml,
};
use aimskit_core::triage::rules::{self, check_article, check_citation};
use aimskit_core::triage::{Role, Tier, TriageResult, rules_version, triage, vocabulary};
use aimskit_core::{Date, system::AnnexIPoint};
use proptest::prelude::*;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

// ---------------------------------------------------------------- invariants

#[test]
fn built_in_rules_load_and_validate() {
    let r = rules::built_in().unwrap();
    assert_eq!(r.version, rules_version());
    assert_eq!(rules_version(), "2026.11-omnibus");
    for o in &r.obligations {
        assert!(!o.source.is_empty() && !o.date.is_empty(), "{}", o.id);
    }
}

#[test]
fn every_vocabulary_id_is_handled_and_every_enum_value_is_in_the_vocabulary() {
    let vocab = vocabulary();
    fn check<T: SpecId>(vocab: &[aimskit_core::triage::VocabularyEntry]) {
        let field = if T::FIELD == "unsure" {
            return;
        } else {
            T::FIELD
        };
        for v in T::all() {
            assert!(
                vocab.iter().any(|e| e.field == field && e.id == v.as_str()),
                "{field} {v:?}"
            );
        }
        for e in vocab.iter().filter(|e| e.field == field) {
            assert!(
                T::from_id(&e.id).is_some(),
                "vocabulary {field}:{} unknown to the parser",
                e.id
            );
        }
    }
    check::<Role>(&vocab);
    check::<NexusKind>(&vocab);
    check::<Exclusion>(&vocab);
    check::<Art5Practice>(&vocab);
    check::<Art5Exception>(&vocab);
    check::<AnnexIPoint>(&vocab);
    check::<AnnexIiiPoint>(&vocab);
    check::<Art6_3Condition>(&vocab);
    check::<Art50Provision>(&vocab);
    check::<Art50Exception>(&vocab);
    check::<ValueChain>(&vocab);
    let r = rules::built_in().unwrap();
    for f in FieldName::ALL {
        assert!(
            r.field(f.as_str()).is_some(),
            "field {} has no phrases",
            f.as_str()
        );
    }
    let fields: Vec<&str> = vocab.iter().map(|e| e.field.as_str()).collect();
    assert!(
        fields
            .iter()
            .all(|f| aimskit_core::system::TOP_LEVEL_FIELDS.contains(f))
    );
}

#[test]
fn citations_are_well_formed() {
    for ok in [
        "Art. 4",
        "Art. 6(3)",
        "Art. 5(1)(ba)",
        "Art. 26(10)",
        "Art. 4a",
        "Art. 6(1a)",
        "Annex III point 4(a)",
        "Annex I Section A point 4",
        "Annex III point 2",
        "Recital 12",
    ] {
        assert!(check_citation(ok).is_ok(), "{ok}");
    }
    for bad in [
        "Art 4",
        "Art. ",
        "Art. 06",
        "Art. 6(3",
        "Art. 6(A)",
        "Art. 5(1)(a)(i)(x)",
        "Annex IV point 1",
        "Annex III point x",
        "Article 4",
        "Art. 6 (3)",
    ] {
        assert!(check_citation(bad).is_err(), "{bad}");
    }
    assert!(check_article("Annex III point 4(a)").is_err());
}

#[test]
fn broken_rule_data_is_rejected() {
    let (t, o, v) = (
        rules::TRIAGE_TOML,
        rules::OBLIGATIONS_TOML,
        rules::VOCABULARY_TOML,
    );
    assert!(rules::load(t, o, v).is_ok());
    let dup = format!(
        "{o}\n[[obligation]]\nid = \"ai_literacy\"\nrole = \"provider\"\narticles = [\"Art. 4\"]\ndate = \"literacy\"\ntitle = \"x\"\nsource = \"x\"\nstatus = \"secondary\"\n"
    );
    assert!(rules::load(t, &dup, v).unwrap_err().contains("duplicate"));
    let bad_art = o.replacen("articles = [\"Art. 4\"]", "articles = [\"Article 4\"]", 1);
    assert!(rules::load(t, &bad_art, v).is_err());
    let bad_status = o.replacen("status = \"official_journal\"", "status = \"blog\"", 1);
    assert!(rules::load(t, &bad_status, v).is_err());
    let bad_date = o.replacen("date = \"literacy\"", "date = \"someday\"", 1);
    assert!(
        rules::load(t, &bad_date, v)
            .unwrap_err()
            .contains("date key")
    );
    let no_source = o.replacen("source = \"Art. 5(1)(a)\"", "source = \"\"", 1);
    assert!(rules::load(t, &no_source, v).is_err());
}

// ---------------------------------------------------------------- bad input

fn err(text: &str, fmt: SourceFormat) -> aimskit_core::InputError {
    parse_system(text, fmt).unwrap_err()
}

const HEAD: &str = "format = \"aimskit-system/1\"\nname = \"x\"\n";

#[test]
fn each_error_class() {
    let e = err("format = \"aimskit-system/1\"\nname = ", SourceFormat::Toml);
    assert_eq!(e.kind, K::Syntax);
    assert_eq!(err("{\"format\": ", SourceFormat::Json).kind, K::Syntax);
    let e = err(
        "format = \"aimskit-system/2\"\nname = \"x\"",
        SourceFormat::Toml,
    );
    assert_eq!((e.kind, e.field.as_str()), (K::Format, "format"));
    assert_eq!(err("name = \"x\"", SourceFormat::Toml).kind, K::Format);
    let e = err(&format!("{HEAD}anex_iii = []"), SourceFormat::Toml);
    assert_eq!(
        (e.kind, e.did_you_mean.as_deref()),
        (K::UnknownField, Some("annex_iii"))
    );
    let e = err(&format!("{HEAD}art5 = [\"5.1.q\"]"), SourceFormat::Toml);
    assert_eq!((e.kind, e.field.as_str()), (K::UnknownId, "art5[0]"));
    assert!(e.did_you_mean.is_some());
    let e = err(
        &format!("{HEAD}annex_iii = [\"4.a\", \"4.z\"]"),
        SourceFormat::Toml,
    );
    assert_eq!(
        (e.kind, e.field.as_str(), e.did_you_mean.as_deref()),
        (K::UnknownId, "annex_iii[1]", Some("4.a"))
    );
    let e = err(&format!("{HEAD}profiling = \"yes\""), SourceFormat::Toml);
    assert_eq!((e.kind, e.field.as_str()), (K::WrongType, "profiling"));
    let e = err(&format!("{HEAD}annex_iii = \"4.a\""), SourceFormat::Toml);
    assert_eq!(e.kind, K::WrongType);
    let e = err(&format!("{HEAD}as_of = \"2026-13-01\""), SourceFormat::Toml);
    assert_eq!((e.kind, e.field.as_str()), (K::Date, "as_of"));
    let e = err(
        &format!("{HEAD}[gpai]\nplaced_before = \"last year\""),
        SourceFormat::Toml,
    );
    assert_eq!((e.kind, e.field.as_str()), (K::Date, "gpai.placed_before"));
    let e = err(&format!("{HEAD}[gpai]\nprovidr = true"), SourceFormat::Toml);
    assert_eq!(
        (e.kind, e.field.as_str(), e.did_you_mean.as_deref()),
        (K::UnknownField, "gpai.providr", Some("provider"))
    );
    let e = err(
        &format!("{HEAD}[gpai]\ntraining_flops = -1.0"),
        SourceFormat::Toml,
    );
    assert_eq!(e.kind, K::OutOfRange);
    let e = err(
        &format!("{HEAD}[[impact.risks]]\nharm = \"h\"\nlikelihood = 7\nseverity = 2"),
        SourceFormat::Toml,
    );
    assert_eq!(
        (e.kind, e.field.as_str()),
        (K::OutOfRange, "impact.risks[0].likelihood")
    );
    let e = err(
        &format!("{HEAD}[impact]\nprocess = \"p\""),
        SourceFormat::Toml,
    );
    assert_eq!(
        (e.kind, e.did_you_mean.as_deref()),
        (K::UnknownField, Some("processes"))
    );
    let e = err("format = \"aimskit-system/1\"", SourceFormat::Toml);
    assert_eq!((e.kind, e.field.as_str()), (K::Missing, "name"));
    let e = err(
        &format!("{HEAD}unsure = [\"profilng\"]"),
        SourceFormat::Toml,
    );
    assert_eq!(
        (e.kind, e.did_you_mean.as_deref()),
        (K::UnknownId, Some("profiling"))
    );
    let big = format!("{HEAD}description = \"{}\"", "a".repeat(1 << 20));
    assert_eq!(err(&big, SourceFormat::Toml).kind, K::TooLarge);
    let deep = format!("{HEAD}roles = {}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(err(&deep, SourceFormat::Toml).kind, K::TooLarge);
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(err(&deep, SourceFormat::Json).kind, K::TooLarge);
    assert_eq!(err("[1,2]", SourceFormat::Json).kind, K::WrongType);
    // messages name field, expectation and hint
    let msg = err(&format!("{HEAD}annex_iii = [\"4.z\"]"), SourceFormat::Toml)
        .in_file("a.toml")
        .to_string();
    assert!(
        msg.contains("a.toml")
            && msg.contains("annex_iii[0]")
            && msg.contains("did you mean `4.a`"),
        "{msg}"
    );
}

#[test]
fn toml_dates_and_json_match() {
    let a = parse_system(&format!("{HEAD}as_of = 2026-11-29"), SourceFormat::Toml).unwrap();
    let b = parse_system(&format!("{HEAD}as_of = \"2026-11-29\""), SourceFormat::Toml).unwrap();
    let c = parse_system(
        "{\"format\":\"aimskit-system/1\",\"name\":\"x\",\"as_of\":\"2026-11-29\"}",
        SourceFormat::Json,
    )
    .unwrap();
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert_eq!(a.as_of, Some(date("2026-11-29")));
    assert!(a.ai_system);
    let e = err(
        &format!("{HEAD}as_of = 2026-11-29T10:00:00Z"),
        SourceFormat::Toml,
    );
    assert_eq!(e.kind, K::Date);
}

#[test]
fn deterministic() {
    let s = parse_system(&format!("{HEAD}roles=[\"deployer\",\"provider\"]\nestablished_in_eu=true\nannex_iii=[\"5.b\",\"4.a\"]\nart50=[\"50.1\"]\nunsure=[\"annex_iii\",\"profiling\"]"), SourceFormat::Toml).unwrap();
    let a = triage(&s, date("2026-11-29"));
    let b = triage(&s, date("2026-11-29"));
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_eq!(a.high_risk_basis, ["annex_iii:4.a", "annex_iii:5.b"]);
}

// ---------------------------------------------------------------- properties

fn pick<T: SpecId>() -> impl Strategy<Value = Vec<T>> {
    proptest::sample::subsequence(T::all().to_vec(), 0..=T::all().len().min(4))
}

prop_compose! {
    fn arb_system()(
        roles in pick::<Role>(), eu in any::<bool>(), nexus in pick::<NexusKind>(),
        flags in proptest::array::uniform6(any::<bool>()),
        exclusions in proptest::sample::subsequence(Exclusion::ALL.to_vec(), 0..=1),
        art5 in pick::<Art5Practice>(), x5 in pick::<Art5Exception>(),
        annex_i in pick::<AnnexIPoint>(), annex_iii in pick::<AnnexIiiPoint>(),
        art6_3 in pick::<Art6_3Condition>(), art50 in pick::<Art50Provision>(),
        x50 in pick::<Art50Exception>(), vc in pick::<ValueChain>(), unsure in pick::<FieldName>(),
        gpai in proptest::option::of((any::<bool>(), 0.0f64..1e27, any::<bool>(), any::<bool>(), proptest::option::of(0i64..4000))),
        name in "[ -~]{0,20}",
        ext in (proptest::option::of(0i64..2500), proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>())),
    ) -> SystemFile {
        let mut s = SystemFile::new(name);
        s.roles = roles; s.established_in_eu = eu; s.eu_nexus = nexus;
        s.public_body = flags[0]; s.public_service = flags[1]; s.workplace_use = flags[2];
        s.ai_system = flags[3] || flags[4]; s.annex_i_third_party = flags[4]; s.profiling = flags[5];
        s.exclusions = exclusions; s.art5 = art5; s.art5_exceptions = x5; s.annex_i = annex_i;
        s.annex_iii = annex_iii; s.art6_3 = art6_3; s.art50 = art50; s.art50_exceptions = x50;
        s.value_chain = vc; s.unsure = unsure;
        // The optional extension fields (docs/legal-notes.md).
        s.first_placed_on_market = ext.0.and_then(|d| date("2024-08-01").add_days(d));
        s.significant_change = ext.1; s.for_public_authorities = ext.2; s.public_crime_reporting = ext.3;
        s.gpai = gpai.map(|(provider, training_flops, designated, open_source, days)| GpaiFacts {
            provider, training_flops, designated, open_source,
            placed_before: days.and_then(|d| date("2023-01-01").add_days(d)),
        });
        s
    }
}

fn as_of() -> impl Strategy<Value = Date> {
    (0i64..2500).prop_map(|d| date("2024-08-01").add_days(d).unwrap())
}

fn in_scope(t: Tier) -> bool {
    !matches!(t, Tier::NotAiSystem | Tier::OutOfScope)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn adding_a_prohibited_practice_never_lowers_the_tier(s in arb_system(), p in proptest::sample::select(Art5Practice::ALL.to_vec()), d in as_of()) {
        let before = triage(&s, d);
        let mut t = s.clone();
        if !t.art5.contains(&p) { t.art5.push(p); }
        t.art5_exceptions.retain(|e| e.practice() != p);
        let after = triage(&t, d);
        prop_assert!(after.tier.severity() >= before.tier.severity(), "{:?} -> {:?}", before.tier, after.tier);
        if in_scope(after.tier) {
            prop_assert_eq!(after.tier, Tier::Prohibited);
            prop_assert!(after.prohibited.contains(&p.as_str().to_owned()));
        }
    }

    #[test]
    fn annex_iii_without_derogation_is_at_least_high_risk(s in arb_system(), p in proptest::sample::select(AnnexIiiPoint::ALL.to_vec()), d in as_of()) {
        let mut t = s.clone();
        if !t.annex_iii.contains(&p) { t.annex_iii.push(p); }
        t.art6_3.clear();
        let r = triage(&t, d);
        if !matches!(r.tier, Tier::NotAiSystem | Tier::OutOfScope | Tier::Prohibited) {
            prop_assert_eq!(r.tier, Tier::HighRisk);
            let basis = format!("annex_iii:{}", p.as_str());
            prop_assert!(r.high_risk_basis.contains(&basis));
        }
    }

    #[test]
    fn system_files_round_trip(s in arb_system(), d in proptest::option::of(as_of())) {
        let mut s = s;
        s.as_of = d;
        let j = parse_system(&to_json(&s), SourceFormat::Json).unwrap();
        prop_assert_eq!(&j, &s);
        let t = parse_system(&to_toml(&s), SourceFormat::Toml).unwrap();
        prop_assert_eq!(&t, &s);
    }

    #[test]
    fn results_round_trip_and_are_consistent(s in arb_system(), d in as_of()) {
        let r = triage(&s, d);
        let back: TriageResult = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        prop_assert_eq!(&back, &r);
        for o in &r.obligations {
            prop_assert_eq!(o.applicable, o.applies_from <= d);
            prop_assert!(r.roles.contains(&o.role), "obligation {} for role {:?} not in roles", o.id, o.role);
            for a in &o.articles { prop_assert!(check_article(a).is_ok()); }
        }
        prop_assert!(r.high_risk_basis.is_empty() || r.tier == Tier::HighRisk);
        prop_assert!(r.prohibited.is_empty() == (r.tier != Tier::Prohibited));
        prop_assert_eq!(r.rules_version.as_str(), rules_version());
        for f in &r.needs_review { prop_assert!(!f.why.is_empty()); }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2500))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}", json in any::<bool>(), d in as_of()) {
        let fmt = if json { SourceFormat::Json } else { SourceFormat::Toml };
        if let Ok(s) = parse_system(&text, fmt) { let _ = triage(&s, d); }
    }

    #[test]
    fn mutated_valid_files_never_panic(s in arb_system(), cut in 0usize..2000, junk in "[\\[\\]{}\",=a-z0-9. \\n-]{0,12}", d in as_of()) {
        for (text, fmt) in [(to_toml(&s), SourceFormat::Toml), (to_json(&s), SourceFormat::Json)] {
            let at = text.char_indices().map(|(i, _)| i).nth(cut % text.chars().count().max(1)).unwrap_or(0);
            let mutated = format!("{}{}{}", &text[..at], junk, &text[at..]);
            if let Ok(s) = parse_system(&mutated, fmt) { let _ = triage(&s, d); }
        }
    }
}
