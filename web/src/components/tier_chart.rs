//! A small inline-SVG bar chart of the number of systems per tier.

use aimskit_core::triage::Tier;
use yew::prelude::*;

use super::{tier_key, use_i18n};

/// Props of [`TierChart`].
#[derive(Debug, Properties, PartialEq)]
pub struct TierChartProps {
    /// Count per tier, in display order.
    pub counts: Vec<(Tier, usize)>,
}

const ROW: usize = 28;
const LABEL_W: usize = 140;
const BAR_W: usize = 110;

/// The chart; its text alternative lists every count.
#[function_component(TierChart)]
pub fn tier_chart(props: &TierChartProps) -> Html {
    let i = use_i18n();
    let max = props
        .counts
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    let summary = props
        .counts
        .iter()
        .map(|(t, n)| format!("{}: {n}", i.t(&tier_key(*t))))
        .collect::<Vec<_>>()
        .join(", ");
    let height = ROW * props.counts.len();
    let width = LABEL_W + BAR_W + 40;
    html! {
        <figure class="ak-chart">
            <figcaption>{ i.t("ui.chart.title") }</figcaption>
            <svg role="img" aria-label={summary.clone()} viewBox={format!("0 0 {width} {height}")}
                width={width.to_string()} height={height.to_string()} xmlns="http://www.w3.org/2000/svg">
                <title>{ summary }</title>
                { for props.counts.iter().enumerate().map(|(row, (tier, n))| {
                    let y = row * ROW;
                    let w = if *n == 0 { 2 } else { n * BAR_W / max };
                    html! {
                        <g class={format!("ak-bar ak-tier-{}", tier.as_str())}>
                            <text x="0" y={(y + 18).to_string()} class="ak-chart-label">{ i.t(&tier_key(*tier)) }</text>
                            <rect x={LABEL_W.to_string()} y={(y + 5).to_string()} width={w.to_string()} height="18" rx="3" />
                            <text x={(LABEL_W + w + 6).to_string()} y={(y + 18).to_string()} class="ak-chart-count">{ n.to_string() }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
