//! A small inline-SVG bar chart of the number of systems per tier.

use aimskit_core::triage::Tier;
use yew::prelude::*;

use super::tier_key;
use crate::i18n::I18n;

/// Input of [`tier_chart`].
#[derive(Debug, PartialEq)]
pub struct TierChartProps {
    /// Count per tier, in display order.
    pub counts: Vec<(Tier, usize)>,
}

/// Height of one row: a label line above its bar.
const ROW: usize = 40;
/// Baseline of the label within a row.
const LABEL_Y: usize = 13;
/// Top and height of the bar within a row (below the label line, so a long
/// label, e.g. German "Nicht im Anwendungsbereich", never overlaps it).
const BAR_Y: usize = 18;
const BAR_H: usize = 16;
/// Longest bar; the label line spans the whole width.
const BAR_W: usize = 240;
/// Room right of the longest bar for its count.
const COUNT_W: usize = 40;

// The label line (baseline plus ~4 px of descenders) ends before the bar
// starts, and the bar ends inside its row: checked at compile time.
const _: () = assert!(LABEL_Y + 4 <= BAR_Y && BAR_Y + BAR_H <= ROW);

/// Bar width for count `n` when the largest count is `max` (at least 1).
fn bar_width(n: usize, max: usize) -> usize {
    if n == 0 { 2 } else { n * BAR_W / max.max(1) }
}

/// The chart; its text alternative lists every count.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn tier_chart(i: &I18n, props: &TierChartProps) -> Html {
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
    let width = BAR_W + COUNT_W;
    html! {
        <figure class="ak-chart">
            <figcaption>{ i.t("ui.chart.title") }</figcaption>
            <svg role="img" aria-label={summary.clone()} viewBox={format!("0 0 {width} {height}")}
                width={width.to_string()} height={height.to_string()} xmlns="http://www.w3.org/2000/svg">
                <title>{ summary }</title>
                { for props.counts.iter().enumerate().map(|(row, (tier, n))| {
                    let y = row * ROW;
                    let w = bar_width(*n, max);
                    let label = i.t(&tier_key(*tier));
                    html! {
                        <g class={format!("ak-bar ak-tier-{}", tier.as_str())}>
                            <title>{ format!("{label}: {n}") }</title>
                            <text x="0" y={(y + LABEL_Y).to_string()} class="ak-chart-label">{ label }</text>
                            <rect x="0" y={(y + BAR_Y).to_string()} width={w.to_string()} height={BAR_H.to_string()} rx="3" />
                            <text x={(w + 6).to_string()} y={(y + BAR_Y + BAR_H - 3).to_string()} class="ak-chart-count">{ n.to_string() }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_count() {
        assert_eq!(bar_width(5, 5), BAR_W);
        assert_eq!(bar_width(0, 5), 2);
        assert!(bar_width(1, 5) < bar_width(2, 5));
    }
}
