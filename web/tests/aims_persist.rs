//! Native tests of the AIMS self-assessment's persistence: what the reducer
//! hands the autosave, and what a reload makes of it (store level).
#![cfg(feature = "ui")]
#![allow(clippy::unwrap_used, reason = "test helpers outside #[test] fns")]

use aimskit_core::Date;
use aimskit_core::gap::gap;
use aimskit_core::i18n::Lang;
use aimskit_web::aims::state::{AimsAction, ItemId, export_file};
use aimskit_web::state::store::{self, Loaded, StoreProblem};
use aimskit_web::state::{Action, AppState, Persistence, View};

mod support;
use support::run;

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

fn start(inventory: Loaded, aims: Loaded<aimskit_core::aims::AimsFile>, ok: bool) -> AppState {
    AppState::new(Lang::En, View::ALL.to_vec(), None, today(), inventory, ok).with_aims(aims)
}

fn item(id: &str) -> ItemId {
    ItemId::new(id).unwrap()
}

/// The reload the widget does: both stores encoded, decoded, a fresh state.
fn reload(s: &AppState) -> AppState {
    start(
        store::decode(Some(store::encode(&s.inventory))),
        store::decode_aims(Some(store::encode_aims(&s.stored_aims()))),
        true,
    )
}

fn assessed() -> AppState {
    let a = |x| Action::Aims(x);
    run(
        start(Loaded::Empty, Loaded::Empty, true),
        vec![
            Action::NewSystem("Ranker".into()),
            a(AimsAction::SetOrganisation("Example AG".into())),
            a(AimsAction::SetScope("AI in HR".into())),
            a(AimsAction::SetCertified("iso27001".into(), true)),
            a(AimsAction::SetIntegrated("iso27001".into(), true)),
            a(AimsAction::SetReliesOnCertificate(true)),
            a(AimsAction::SetMaturity(item("6.1.2"), Some(4))),
            a(AimsAction::AddEvidence(
                item("6.1.2"),
                "Risk procedure".into(),
            )),
            a(AimsAction::SetOwner(item("6.1.2"), "CISO".into())),
            a(AimsAction::SetDue(item("6.1.2"), Date::new(2027, 3, 31))),
            a(AimsAction::SetNote(item("6.1.2"), "draft".into())),
            a(AimsAction::SetApplicable(item("A.7.5"), false)),
            a(AimsAction::SetJustification(
                item("A.7.5"),
                "No training data".into(),
            )),
            a(AimsAction::SetMaturity(item("A.5.2"), Some(2))),
        ],
    )
}

#[test]
fn every_assessment_change_triggers_the_aims_autosave_and_view_changes_do_not() {
    let s = assessed();
    assert_eq!(s.aims_revision, 13, "one bump per assessment edit");
    let s2 = run(
        s.clone(),
        vec![
            Action::Aims(AimsAction::Select(Some(item("4.1")))),
            Action::Aims(AimsAction::SetGrouping(Default::default())),
            Action::SetView(View::Report),
        ],
    );
    assert_eq!(s2.aims_revision, s.aims_revision);
    let s3 = run(s2, vec![Action::SetAsOf(Date::new(2027, 8, 2).unwrap())]);
    assert_eq!(
        s3.aims_revision,
        s.aims_revision + 1,
        "the date is saved too"
    );
}

#[test]
fn a_reload_restores_the_assessment_and_the_same_gap_result() {
    let s = run(
        assessed(),
        vec![Action::SetAsOf(Date::new(2027, 8, 2).unwrap())],
    );
    let back = reload(&s);
    assert_eq!(back.aims.file.organisation, "Example AG");
    assert_eq!(back.aims.file.scope, "AI in HR");
    assert_eq!(back.aims.file.certifications, ["iso27001"]);
    assert_eq!(back.aims.file.integrated_with, ["iso27001"]);
    assert!(back.aims.file.relies_on_certificate_for_ai_act);
    assert_eq!(back.aims.file.clauses, s.aims.file.clauses);
    assert_eq!(back.aims.file.controls, s.aims.file.controls);
    assert_eq!(back.as_of, Date::new(2027, 8, 2).unwrap());
    assert!(back.autosave_aims());
    let result = |st: &AppState| {
        gap(
            &export_file(&st.aims, &st.inventory, st.as_of),
            &[],
            st.as_of,
        )
    };
    assert_eq!(result(&back), result(&s));
    // A date left at today is not pinned: tomorrow's reload evaluates tomorrow.
    assert_eq!(assessed().stored_aims().as_of, None);
    assert_eq!(reload(&assessed()).as_of, today());
}

#[test]
fn a_refused_aims_store_is_kept_and_never_autosaved() {
    for (raw, newer) in [
        ("{broken", false),
        (r#"{"format":"aimskit-aims-store/9","aims":{}}"#, true),
    ] {
        let s = start(Loaded::Empty, store::decode_aims(Some(raw.into())), true);
        match &s.aims_persistence {
            Persistence::Refused { raw: kept, problem } => {
                assert_eq!(kept, raw);
                assert_eq!(matches!(problem, StoreProblem::Newer(_)), newer);
            }
            other => panic!("{other:?}"),
        }
        assert!(!s.autosave_aims());
        assert!(s.autosave(), "the inventory store is unaffected");
        let s = run(
            s,
            vec![
                Action::Aims(AimsAction::SetOrganisation("X".into())),
                Action::AimsStorageFailed,
            ],
        );
        assert!(!s.autosave_aims(), "work continues in memory");
        assert_eq!(s.aims.file.organisation, "X");
        assert!(matches!(s.aims_persistence, Persistence::Refused { .. }));
    }
}

#[test]
fn quota_errors_and_missing_storage_mean_memory_only() {
    let s = run(assessed(), vec![Action::AimsStorageFailed]);
    assert_eq!(s.aims_persistence, Persistence::MemoryOnly);
    assert_eq!(
        s.persistence,
        Persistence::Saving,
        "each store fails on its own"
    );
    let none = start(Loaded::Empty, Loaded::Empty, false);
    assert_eq!(none.aims_persistence, Persistence::MemoryOnly);
    assert!(!none.autosave_aims());
}
