//! The overall and PDCA scores as an inline-SVG bar chart (no chart crate).

use yew::prelude::*;

use crate::i18n::I18n;

/// Input of [`score_chart`].
#[derive(Debug, PartialEq)]
pub struct ScoreChartProps {
    /// (translation key, score 0..100), top to bottom.
    pub bars: Vec<(&'static str, f64)>,
}

const W: f64 = 360.0;
const LABEL: f64 = 110.0;
const ROW: f64 = 30.0;

/// Horizontal bars 0..100 with gridlines at 25, 50, 75; the numbers are also
/// in the accessible name and printed next to each bar.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn score_chart(i: &I18n, props: &ScoreChartProps) -> Html {
    let h = ROW * props.bars.len() as f64 + 20.0;
    let span = W - LABEL - 50.0;
    let summary = props
        .bars
        .iter()
        .map(|(k, v)| format!("{}: {v:.1}", i.t(k)))
        .collect::<Vec<_>>()
        .join(", ");
    let grid = [0.0, 25.0, 50.0, 75.0, 100.0].map(|g| {
        let x = LABEL + span * g / 100.0;
        html! { <g>
            <line class="ak-chart-grid" x1={x.to_string()} x2={x.to_string()} y1="0" y2={(h - 16.0).to_string()} />
            <text class="ak-chart-tick" x={x.to_string()} y={(h - 3.0).to_string()} text-anchor="middle">{ g.to_string() }</text>
        </g> }
    });
    let bars = props.bars.iter().enumerate().map(|(n, (k, v))| {
        let y = ROW * n as f64 + 4.0;
        let w = (span * v.clamp(0.0, 100.0) / 100.0).max(1.0);
        html! { <g>
            <text class="ak-chart-label" x={(LABEL - 8.0).to_string()} y={(y + 15.0).to_string()} text-anchor="end">{ i.t(k) }</text>
            <rect class={if n == 0 { "ak-bar ak-bar-overall" } else { "ak-bar" }} x={LABEL.to_string()} y={y.to_string()} width={w.to_string()} height="20" rx="3" />
            <text class="ak-chart-value" x={(LABEL + w + 6.0).to_string()} y={(y + 15.0).to_string()}>{ format!("{v:.1}") }</text>
        </g> }
    });
    html! {
        <svg class="ak-score-chart" viewBox={format!("0 0 {W} {h}")} role="img" aria-label={format!("{}: {summary}", i.t("aims.scores"))}
            xmlns="http://www.w3.org/2000/svg">
            { for grid }
            { for bars }
        </svg>
    }
}
