//! Shared helpers for the widget's native tests: a fresh state, the reducer
//! run over a list of actions, and short ways to write answers.
#![allow(dead_code, reason = "each test binary uses a different subset")]
#![allow(clippy::unwrap_used, reason = "test helpers outside #[test] fns")]

use std::rc::Rc;

use aimskit_core::Date;
use aimskit_core::i18n::Lang;
use aimskit_core::questionnaire::{Answer, QuestionId};
use aimskit_web::state::store::Loaded;
use aimskit_web::state::{Action, AppState, View};
use yew::Reducible;

/// An empty English inventory with every view, evaluated on `as_of`.
pub fn fresh_on(as_of: Date) -> AppState {
    AppState::new(
        Lang::En,
        View::ALL.to_vec(),
        None,
        as_of,
        Loaded::Empty,
        true,
    )
}

/// Feeds `actions` through the reducer, as the widget does one by one.
pub fn run(mut s: AppState, actions: Vec<Action>) -> AppState {
    for a in actions {
        s = (*Rc::new(s).reduce(a)).clone();
    }
    s
}

pub fn q(id: &str) -> QuestionId {
    QuestionId::from_id(id).unwrap()
}

/// A definite (not "not sure") answer choosing `v`.
pub fn ids(v: &[&str]) -> Answer {
    Answer::Ids {
        ids: v.iter().map(|s| (*s).to_owned()).collect(),
        unsure: false,
    }
}

pub fn answers(pairs: Vec<(&str, Answer)>) -> Vec<Action> {
    pairs
        .into_iter()
        .map(|(id, a)| Action::Answer(q(id), a))
        .collect()
}

/// `s` with a new system `name` (opened), its questions answered with `pairs`.
pub fn new_system(s: AppState, name: &str, pairs: Vec<(&str, Answer)>) -> AppState {
    let mut actions = vec![Action::NewSystem(name.into())];
    actions.extend(answers(pairs));
    run(s, actions)
}
