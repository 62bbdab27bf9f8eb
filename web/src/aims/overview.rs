//! The AIMS overview: scores chart, coverage, findings, pitfalls, SoA and roadmap.

use std::rc::Rc;

use aimskit_core::gap::GapResult;
use yew::prelude::*;

use super::score_chart::{ScoreChartProps, score_chart};
use super::tables::{
    FindingsProps, GapProps, findings_list, pitfall_list, roadmap_table, soa_table,
};
use crate::components::use_i18n;

/// Props of [`Overview`].
#[derive(Debug, Properties, PartialEq)]
pub struct OverviewProps {
    /// The gap result.
    pub gap: Rc<GapResult>,
}

/// The chart bars of a result: overall first, then Plan, Do, Check, Act.
pub fn score_bars(gap: &GapResult) -> Vec<(&'static str, f64)> {
    vec![
        ("aims.score.overall", gap.score),
        ("aims.pdca.plan", gap.pdca.plan),
        ("aims.pdca.do", gap.pdca.do_),
        ("aims.pdca.check", gap.pdca.check),
        ("aims.pdca.act", gap.pdca.act),
    ]
}

/// The overview of the assessment.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let i = use_i18n();
    let gap = &props.gap;
    html! {
        <div class="ak-overview">
            <section class="ak-card" aria-labelledby="ak-aims-scores">
                <h3 id="ak-aims-scores">{ i.t("aims.scores") }</h3>
                <p class="ak-score-big" id="ak-aims-score" data-score={format!("{:.1}", gap.score)}>
                    { format!("{:.1}", gap.score) }<span>{ " / 100" }</span></p>
                { score_chart(&i, &ScoreChartProps { bars: score_bars(gap) }) }
                <p class="ak-coverage">{ aimskit_core::report::coverage_text(i.lang, gap) }</p>
                <p class="ak-hint">{ i.t("aims.score.explain") }</p>
            </section>
            <section class="ak-card" aria-labelledby="ak-aims-pitfalls">
                <h3 id="ak-aims-pitfalls">{ i.t("aims.pitfalls") }</h3>
                { pitfall_list(&i, &GapProps { gap: gap.clone() }) }
            </section>
            <section class="ak-card" aria-labelledby="ak-aims-findings">
                <h3 id="ak-aims-findings">{ i.t("aims.findings") }</h3>
                { findings_list(&i, &FindingsProps { gap: gap.clone(), expanded: false }) }
            </section>
            <section class="ak-card" aria-labelledby="ak-aims-roadmap">
                <h3 id="ak-aims-roadmap">{ i.t("aims.roadmap") }</h3>
                { roadmap_table(&i, &GapProps { gap: gap.clone() }) }
            </section>
            <section class="ak-card" aria-labelledby="ak-aims-soa">
                <h3 id="ak-aims-soa">{ i.t("aims.soa") }</h3>
                { soa_table(&i, &GapProps { gap: gap.clone() }) }
            </section>
        </div>
    }
}
