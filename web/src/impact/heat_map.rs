//! A 5×5 risk heat map in inline SVG: likelihood across, severity up; each
//! cell coloured by core's risk band and labelled with how many risks sit there.

use aimskit_core::impact::{RiskBand, RiskLevel};
use yew::prelude::*;

use crate::i18n::I18n;

/// Input of [`heat_map`].
#[derive(Debug, PartialEq)]
pub struct HeatMapProps {
    /// Translation key of the title ("before" / "after mitigation").
    pub title: &'static str,
    /// The rated risks (`None` = not rated, left out).
    pub levels: Vec<Option<RiskLevel>>,
}

const CELL: f64 = 36.0;
const LEFT: f64 = 34.0;
const TOP: f64 = 8.0;

/// The heat map.
/// A view function rather than a component: each Yew component costs about
/// 1.5 KB of wasm (docs/size.md, step 4H); this one has no state of its own.
pub fn heat_map(i: &I18n, props: &HeatMapProps) -> Html {
    let mut counts = [[0usize; 5]; 5];
    for lv in props.levels.iter().flatten() {
        let (l, s) = (usize::from(lv.likelihood), usize::from(lv.severity));
        if (1..=5).contains(&l) && (1..=5).contains(&s) {
            counts[s - 1][l - 1] += 1;
        }
    }
    let rated = props.levels.iter().flatten().count();
    let cells = (1..=5u8).flat_map(|s| (1..=5u8).map(move |l| (l, s))).map(|(l, s)| {
        let band = RiskBand::of(l * s);
        let n = counts[usize::from(s) - 1][usize::from(l) - 1];
        let x = LEFT + CELL * f64::from(l - 1);
        let y = TOP + CELL * f64::from(5 - s);
        html! { <g>
            <rect class={format!("ak-heat ak-band-{}", band.as_str())} x={x.to_string()} y={y.to_string()}
                width={CELL.to_string()} height={CELL.to_string()} />
            { for (n > 0).then(|| html! { <>
                <circle class="ak-heat-dot" cx={(x + CELL / 2.0).to_string()} cy={(y + CELL / 2.0).to_string()} r="11" />
                <text class="ak-heat-count" x={(x + CELL / 2.0).to_string()} y={(y + CELL / 2.0 + 4.5).to_string()} text-anchor="middle">{ n }</text>
            </> }) }
        </g> }
    });
    let axis = (1..=5u8).map(|v| {
        let x = LEFT + CELL * (f64::from(v) - 0.5);
        let y = TOP + CELL * (5.5 - f64::from(v));
        html! { <g>
            <text class="ak-chart-tick" x={x.to_string()} y={(TOP + CELL * 5.0 + 14.0).to_string()} text-anchor="middle">{ v }</text>
            <text class="ak-chart-tick" x={(LEFT - 8.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ v }</text>
        </g> }
    });
    let w = LEFT + CELL * 5.0 + 6.0;
    let h = TOP + CELL * 5.0 + 34.0;
    let label = i.tf(
        "impact.heatmap.label",
        &[("title", &i.t(props.title)), ("n", &rated.to_string())],
    );
    html! {
        <figure class="ak-heatmap">
            <figcaption>{ i.t(props.title) }</figcaption>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
                { for cells }
                { for axis }
                <text class="ak-chart-label" x={(LEFT + CELL * 2.5).to_string()} y={(h - 4.0).to_string()} text-anchor="middle">{ i.t("impact.likelihood") }</text>
                <text class="ak-chart-label" x="10" y={(TOP + CELL * 2.5).to_string()} text-anchor="middle"
                    transform={format!("rotate(-90 10 {})", TOP + CELL * 2.5)}>{ i.t("impact.severity") }</text>
            </svg>
        </figure>
    }
}
