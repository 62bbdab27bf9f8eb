//! Evaluation: from the facts of a [`SystemFile`] to a [`TriageResult`].
//!
//! The order of the steps is the order of the trace: AI system (Art. 3(1)),
//! hard exclusions (Art. 2(3)-(8)), territorial scope per role (Art. 2(1),
//! 2(10)), prohibited practices (Art. 5), product route (Art. 6(1)), use-case
//! route (Art. 6(2)-(3)), transparency (Art. 50), open source (Art. 2(12)),
//! role changes (Art. 25), obligations, GPAI models (Art. 51-55). Citations,
//! reasons, obligations and dates come from the rule data; this file decides
//! which of them fire.

use super::result::{GpaiStatus, Obligation, Review, Role, Tier, TraceStep, TriageResult};
use super::rules::Rules;
use crate::Date;
use crate::i18n::{Args, Lang};
use crate::system::{
    AnnexIPoint, AnnexIiiPoint as P3, Art5Exception as X5, Art5Practice as A5,
    Art50Exception as X50, Art50Provision as A50, Exclusion as Ex, NexusKind as Nx, SystemFile,
    ValueChain,
};

/// Systemic-risk presumption threshold (Art. 51(2)): strictly greater than.
pub const SYSTEMIC_FLOPS: f64 = 1e25;
/// Indicative GPAI criterion of the Commission guidelines (10^23 FLOP).
pub const INDICATIVE_GPAI_FLOPS: f64 = 1e23;

pub(crate) struct Cx<'r> {
    rules: &'r Rules,
    as_of: Date,
    trace: Vec<TraceStep>,
    flags: Vec<Review>,
    obligations: Vec<(usize, Obligation)>,
    hr_date: Option<Date>,
    gpai_date: Option<Date>,
    /// Art. 111(2): a legacy high-risk system without significant change;
    /// the high-risk obligations are not attached.
    legacy_exempt: bool,
}

impl<'r> Cx<'r> {
    fn new(rules: &'r Rules, as_of: Date) -> Self {
        Cx {
            rules,
            as_of,
            trace: Vec::new(),
            flags: Vec::new(),
            obligations: Vec::new(),
            hr_date: None,
            gpai_date: None,
            legacy_exempt: false,
        }
    }

    fn fire(&mut self, id: &str, args: &[(&str, &str)]) {
        self.fire_cited(id, None, args);
    }

    /// Fires `id` with `citation` instead of the rule's own when the rule
    /// covers several provisions and the case decides which one applies
    /// (e.g. the Art. 50 paragraph whose duty lies elsewhere).
    fn fire_cited(&mut self, id: &str, cite: Option<&str>, args: &[(&str, &str)]) {
        let (citation, mut because) = match self.rules.rule(id) {
            Some(r) => (r.citation.clone(), r.because.clone()),
            None => (
                String::new(),
                format!("(rule `{id}` is missing from the rule data)"),
            ),
        };
        for (k, v) in args {
            because = because.replace(&format!("{{{k}}}"), v);
        }
        let citation = cite.map_or(citation, str::to_owned);
        self.trace.push(TraceStep {
            rule: id.to_owned(),
            citation,
            because,
        });
    }

    /// Flags `field` with locale key `key` (a `review.flag.*` text) and its
    /// arguments; `why` is the English rendering of that key.
    fn flag(&mut self, field: &str, key: &str, args: &[(&str, &str)]) {
        let args: Args = args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let why = crate::i18n::review_message(Lang::En, key, &args);
        if !self.flags.iter().any(|f| f.field == field && f.why == why) {
            let mut r = Review::plain(field, why);
            r.key = key.to_owned();
            r.args = args;
            self.flags.push(r);
        }
    }

    /// Attaches an obligation to `role`.
    fn oblige(&mut self, id: &str, role: Role) {
        self.oblige_at(id, role, None);
    }

    /// Attaches an obligation to `role`, from `from` instead of its rule
    /// date when given (a transitional rule moved it).
    fn oblige_at(&mut self, id: &str, role: Role, from: Option<Date>) {
        let Some((pos, def)) = self.rules.obligation(id) else {
            return;
        };
        if def.date == "high_risk" && self.legacy_exempt {
            return;
        }
        let date = from.or_else(|| match def.date.as_str() {
            "high_risk" => self.hr_date.or_else(|| self.rules.date("annex_iii")),
            "gpai" => self.gpai_date.or_else(|| self.rules.date("gpai")),
            key => self.rules.date(key),
        });
        let Some(applies_from) = date else {
            return;
        };
        if self
            .obligations
            .iter()
            .any(|(_, o)| o.id == id && o.role == role)
        {
            return;
        }
        self.obligations.push((
            pos,
            Obligation {
                id: def.id.clone(),
                role,
                articles: def.articles.clone(),
                applies_from,
                applicable: applies_from <= self.as_of,
                title: def.title.clone(),
            },
        ));
    }

    fn label(&self, field: &str, id: &str) -> (String, String) {
        self.rules
            .id(field, id)
            .map(|d| (d.label.clone(), d.citation.clone()))
            .unwrap_or_default()
    }
}

/// What the system axis decided.
struct Classification {
    tier: Tier,
    prohibited: Vec<A5>,
    basis: Vec<String>,
    derogation: Vec<String>,
    transparency: Vec<&'static str>,
    annex_iii_hr: Vec<P3>,
    annex_i_hr: Vec<AnnexIPoint>,
    section_b_only: bool,
    rbi_excepted: bool,
    /// Annex III points taken out of high risk by Art. 6(3) (for the
    /// Art. 49(4) secure registration of the Art. 49(2) entry).
    derogated: Vec<P3>,
}

impl Classification {
    fn empty(tier: Tier) -> Self {
        Classification {
            tier,
            prohibited: Vec::new(),
            basis: Vec::new(),
            derogation: Vec::new(),
            transparency: Vec::new(),
            annex_iii_hr: Vec::new(),
            annex_i_hr: Vec::new(),
            section_b_only: false,
            rbi_excepted: false,
            derogated: Vec::new(),
        }
    }
}

fn sorted_roles(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles.dedup();
    roles
}

/// Evaluates one system without the what-if review of `unsure` fields.
/// Returns the result and the combination flags (facts the rules cannot decide).
pub(crate) fn evaluate(
    rules: &Rules,
    sys: &SystemFile,
    as_of: Date,
) -> (TriageResult, Vec<Review>) {
    let mut cx = Cx::new(rules, as_of);
    let declared = sorted_roles(sys.roles.clone());
    let hard_exclusion = [
        Ex::Military,
        Ex::ThirdCountryAuthority,
        Ex::ScientificResearch,
        Ex::PreMarketResearch,
    ]
    .into_iter()
    .find(|e| sys.exclusions.contains(e));

    let (class, mut roles) = system_axis(&mut cx, sys, &declared, hard_exclusion);
    // We provide the AI system itself (Art. 3(3)), after Art. 25.
    let own_system = sys.ai_system && roles.contains(&Role::Provider);
    let gpai = gpai_axis(&mut cx, sys, hard_exclusion, own_system);
    if gpai != GpaiStatus::None {
        roles.push(Role::Provider);
        // The model's duties are listed even though the system has no role:
        // the question is then about the system only.
        if cx.flags.iter().any(|f| f.key == "review.flag.no_role") {
            cx.flags.retain(|f| f.key != "review.flag.no_role");
            cx.flag("roles", "review.flag.no_role_model", &[]);
        }
    }
    let roles = sorted_roles(roles);
    if !roles.is_empty()
        && matches!(
            class.tier,
            Tier::Prohibited | Tier::HighRisk | Tier::Limited | Tier::Minimal
        )
    {
        let list: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        cx.fire("roles.effective", &[("roles", &list.join(", "))]);
    }

    let mut obligations = std::mem::take(&mut cx.obligations);
    obligations.sort_by(|(pa, a), (pb, b)| a.role.cmp(&b.role).then(pa.cmp(pb)));
    let result = TriageResult {
        format: super::result::TRIAGE_FORMAT.to_owned(),
        name: sys.name.clone(),
        as_of,
        rules_version: rules.version.clone(),
        tier: class.tier,
        prohibited: class
            .prohibited
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect(),
        high_risk_basis: class.basis,
        derogation: class.derogation,
        transparency: class.transparency.iter().map(|s| (*s).to_owned()).collect(),
        gpai,
        roles,
        obligations: obligations.into_iter().map(|(_, o)| o).collect(),
        needs_review: Vec::new(),
        trace: cx.trace,
    };
    (result, cx.flags)
}

/// Scope and classification of the AI system, plus its obligations.
fn system_axis(
    cx: &mut Cx<'_>,
    sys: &SystemFile,
    declared: &[Role],
    hard_exclusion: Option<Ex>,
) -> (Classification, Vec<Role>) {
    if !sys.ai_system {
        cx.fire("ai_system.no", &[]);
        return (Classification::empty(Tier::NotAiSystem), declared.to_vec());
    }
    cx.fire("ai_system.yes", &[]);
    exclusion_flags(cx, sys);
    if let Some(e) = hard_exclusion {
        cx.fire(&format!("scope.exclusion.{}", e.as_str()), &[]);
        return (Classification::empty(Tier::OutOfScope), declared.to_vec());
    }
    let Some(mut roles) = territorial_scope(cx, sys, declared) else {
        return (Classification::empty(Tier::OutOfScope), declared.to_vec());
    };

    let mut class = classify(cx, sys);
    if sys.exclusions.contains(&Ex::OpenSource) {
        let covered =
            class.prohibited.is_empty() && class.basis.is_empty() && class.transparency.is_empty();
        if covered {
            cx.fire("scope.exclusion.2.12", &[]);
            return (Classification::empty(Tier::OutOfScope), roles);
        }
        cx.fire("scope.exclusion.2.12.not_covered", &[]);
    }
    class.tier = if !class.prohibited.is_empty() {
        // The spec keeps high_risk_basis empty unless the tier is high-risk,
        // and Art. 5 binds the operator even for a Section B product.
        class.basis.clear();
        class.derogation.clear();
        class.section_b_only = false;
        Tier::Prohibited
    } else if !class.basis.is_empty() {
        Tier::HighRisk
    } else if !class.transparency.is_empty() {
        Tier::Limited
    } else {
        Tier::Minimal
    };

    value_chain(cx, sys, &class, &mut roles);
    // Art. 2(1)(e): a product manufacturer places the AI system on the market
    // with its product under its own name. Only Art. 25(3) (Section A high
    // risk) and Art. 2(2) (Section B) say what it then owes; otherwise
    // whether it is also the provider (Art. 3(3): developed or had developed,
    // own name) decides Art. 4, 16 and 50(1)-(2), and the file cannot say.
    if roles.contains(&Role::ProductManufacturer)
        && !roles.contains(&Role::Provider)
        && !class.section_b_only
        && class.tier != Tier::Prohibited
    {
        cx.flag("roles", "review.flag.product_manufacturer", &[]);
    }
    obligations(cx, sys, &class, &roles);
    (class, roles)
}

/// Exclusions that contradict other facts: the rules cannot tell which is
/// right, so the user must (Art. 2(4), Art. 2(8)).
fn exclusion_flags(cx: &mut Cx<'_>, sys: &SystemFile) {
    let placed = sys
        .eu_nexus
        .iter()
        .any(|n| matches!(n, Nx::PlacedOnMarket | Nx::PutIntoService));
    if sys.exclusions.contains(&Ex::PreMarketResearch) && placed {
        cx.flag("exclusions", "review.flag.pre_market", &[]);
    }
    if sys.exclusions.contains(&Ex::ThirdCountryAuthority) && sys.established_in_eu {
        cx.flag("exclusions", "review.flag.third_country", &[]);
    }
}

/// Art. 2(1) per declared role and Art. 2(10). `None` = out of scope.
fn territorial_scope(cx: &mut Cx<'_>, sys: &SystemFile, declared: &[Role]) -> Option<Vec<Role>> {
    let nexus = |n: Nx| sys.eu_nexus.contains(&n);
    let linked = sys.established_in_eu || !sys.eu_nexus.is_empty();
    if declared.is_empty() {
        if linked {
            cx.fire("scope.no_roles", &[]);
            cx.flag("roles", "review.flag.no_role", &[]);
            return Some(Vec::new());
        }
        cx.fire("scope.out", &[]);
        return None;
    }
    let personal = sys.exclusions.contains(&Ex::PersonalUse);
    let mut scoped = Vec::new();
    for &role in declared {
        let rule = match role {
            Role::Provider => {
                if nexus(Nx::PlacedOnMarket) || nexus(Nx::PutIntoService) || nexus(Nx::UsedInEu) {
                    Some("scope.provider")
                } else if nexus(Nx::OutputUsedInEu) {
                    Some("scope.provider.output")
                } else if sys.established_in_eu {
                    cx.flag("eu_nexus", "review.flag.eu_link", &[]);
                    Some("scope.provider.established")
                } else {
                    None
                }
            }
            Role::Deployer => {
                if personal {
                    cx.fire("scope.exclusion.2.10", &[]);
                    continue;
                }
                if sys.established_in_eu || nexus(Nx::UsedInEu) || nexus(Nx::PutIntoService) {
                    Some("scope.deployer")
                } else if nexus(Nx::OutputUsedInEu) {
                    Some("scope.deployer.output")
                } else {
                    None
                }
            }
            Role::Importer | Role::Distributor => linked.then_some("scope.importer_distributor"),
            Role::ProductManufacturer => linked.then_some("scope.product_manufacturer"),
            Role::AuthorisedRepresentative => linked.then_some("scope.authorised_representative"),
        };
        match rule {
            Some(r) => {
                cx.fire(r, &[("role", &role.as_str().replace('_', " "))]);
                scoped.push(role);
            }
            None => cx.fire(
                "scope.role.out",
                &[("role", &role.as_str().replace('_', " "))],
            ),
        }
    }
    if personal && !scoped.is_empty() && declared.contains(&Role::Deployer) {
        cx.fire("scope.exclusion.2.10.other_roles", &[]);
    }
    if scoped.is_empty() {
        if !personal {
            cx.fire("scope.out", &[]);
        }
        return None;
    }
    Some(scoped)
}

/// When the prohibition of `p` applies (Art. 113(a); Art. 5(1)(ba)-(bb) as
/// inserted by Reg. 2026/1744 from the later date).
fn ban_date(rules: &Rules, p: A5) -> Option<Date> {
    rules.date(if matches!(p, A5::Ba | A5::Bb) {
        "prohibitions_2026"
    } else {
        "prohibitions"
    })
}

/// Art. 5, Art. 6(1), Art. 6(2)-(3) and Art. 50 (tier is set by the caller).
fn classify(cx: &mut Cx<'_>, sys: &SystemFile) -> Classification {
    let mut class = Classification::empty(Tier::Minimal);
    let has = |e: X5| sys.art5_exceptions.contains(&e);
    let mut implied: Vec<P3> = Vec::new();

    // --- Art. 5 ---
    for &p in A5::ALL.iter().filter(|p| sys.art5.contains(p)) {
        let exception = match p {
            A5::D => has(X5::DObjectiveFacts).then_some("art5.exception.5.1.d.objective_facts"),
            A5::F => has(X5::FMedicalOrSafety).then_some("art5.exception.5.1.f.medical_or_safety"),
            A5::G => has(X5::GDatasetLabelling).then_some("art5.exception.5.1.g.dataset_labelling"),
            A5::H => {
                (has(X5::HI) || has(X5::HIi) || has(X5::HIii)).then_some("art5.exception.5.1.h")
            }
            _ => None,
        };
        match exception {
            Some(rule) => {
                cx.fire(rule, &[]);
                match p {
                    A5::F => implied.push(P3::P1C),
                    A5::H => {
                        implied.push(P3::P1A);
                        class.rbi_excepted = true;
                    }
                    A5::D => {
                        cx.fire("art5.d.annex_iii", &[]);
                        if !sys.annex_iii.iter().any(|p| p.area() == 6) {
                            cx.flag("annex_iii", "review.flag.art5_d", &[]);
                        }
                    }
                    A5::G if !sys.annex_iii.contains(&P3::P1B) => {
                        cx.flag("annex_iii", "review.flag.art5_g", &[]);
                    }
                    _ => {}
                }
            }
            None => {
                cx.fire(&format!("art5.{}", p.as_str()), &[]);
                if p == A5::H && !sys.annex_iii.contains(&P3::P1A) {
                    // A real-time RBI system is a remote biometric
                    // identification system (Art. 3(41)-(42)): Annex III
                    // point 1(a). Only its use is banned (Art. 5(1)(h)), so
                    // the point matters for the operators the ban does not
                    // address (the provider).
                    implied.push(P3::P1A);
                }
                if let Some(d) = ban_date(cx.rules, p).filter(|d| *d > cx.as_of) {
                    let (d, a) = (d.to_string(), cx.as_of.to_string());
                    cx.fire(
                        "art5.not_yet",
                        &[("id", p.as_str()), ("date", &d), ("as_of", &a)],
                    );
                }
                class.prohibited.push(p);
            }
        }
    }
    for e in sys
        .art5_exceptions
        .iter()
        .filter(|e| !sys.art5.contains(&e.practice()))
    {
        cx.fire("art5.exception.unused", &[("id", e.as_str())]);
    }

    // --- Art. 6(1), Annex I ---
    if !sys.annex_i.is_empty() {
        if sys.annex_i.contains(&AnnexIPoint::A1) {
            cx.fire("annex_i.machinery_moved", &[]);
        }
        if sys.annex_i_third_party {
            let mut points: Vec<AnnexIPoint> = sys.annex_i.iter().map(|p| p.amended()).collect();
            points.sort();
            points.dedup();
            for p in points {
                let (label, _) = cx.label("annex_i", p.as_str());
                cx.fire(
                    "annex_i.high_risk",
                    &[("id", p.as_str()), ("label", &label)],
                );
                class.annex_i_hr.push(p);
            }
        } else {
            cx.fire("annex_i.no_third_party", &[]);
        }
    }

    // --- Art. 6(2)-(3), Annex III ---
    let mut points: Vec<P3> = sys.annex_iii.clone();
    for p in implied {
        if !points.contains(&p) {
            let (label, citation) = cx.label("annex_iii", p.as_str());
            cx.fire(
                "annex_iii.implied",
                &[("citation", &citation), ("label", &label)],
            );
            points.push(p);
        }
    }
    points.sort();
    if !points.is_empty() {
        for p in &points {
            if sys.annex_iii.contains(p) {
                let (label, citation) = cx.label("annex_iii", p.as_str());
                cx.fire(
                    "annex_iii.point",
                    &[("citation", &citation), ("label", &label)],
                );
            }
        }
        let conds: Vec<&str> = sys.art6_3.iter().map(|c| c.as_str()).collect();
        let conds = conds.join(", ");
        let high = if sys.art6_3.is_empty() {
            true
        } else if sys.profiling {
            cx.fire("art6_3.profiling", &[]);
            true
        } else if points.contains(&P3::P6E) {
            // Annex III 6(e) is "profiling of natural persons as referred
            // to in Art. 3(4) of Directive (EU) 2016/680", the definition
            // Art. 3(52) takes from GDPR Art. 4(4): such a system profiles
            // by its intended purpose, whatever `profiling` says.
            cx.fire("art6_3.profiling_inherent", &[]);
            true
        } else if !class.annex_i_hr.is_empty() {
            // Art. 6(3) derogates "from paragraph 2" only: the Annex III
            // use case is not high-risk, the Annex I product still is.
            cx.fire("art6_3.annex_i", &[("conditions", &conds)]);
            false
        } else {
            cx.fire("art6_3.derogation", &[("conditions", &conds)]);
            let mut d: Vec<String> = sys
                .art6_3
                .iter()
                .map(|c| format!("6.3.{}", c.as_str()))
                .collect();
            d.sort();
            class.derogation = d;
            class.derogated = points.clone();
            false
        };
        if high {
            cx.fire("high_risk.annex_iii", &[]);
            class.annex_iii_hr = points.clone();
        }
    }
    if points.is_empty() && !sys.art6_3.is_empty() {
        cx.fire("art6_3.no_annex_iii", &[]);
    }
    class.basis = class
        .annex_i_hr
        .iter()
        .map(|p| format!("annex_i:{}", p.as_str()))
        .chain(
            class
                .annex_iii_hr
                .iter()
                .map(|p| format!("annex_iii:{}", p.as_str())),
        )
        .collect();
    class.section_b_only = class.annex_iii_hr.is_empty()
        && !class.annex_i_hr.is_empty()
        && class.annex_i_hr.iter().all(|p| p.is_section_b());
    if class.section_b_only {
        cx.fire("annex_i.section_b", &[]);
    }

    // --- Art. 50 ---
    transparency(cx, sys, &points, &mut class);
    class
}

fn transparency(cx: &mut Cx<'_>, sys: &SystemFile, points: &[P3], class: &mut Classification) {
    let fact = |p: A50| sys.art50.contains(&p);
    let exc = |e: X50| sys.art50_exceptions.contains(&e);
    let le = exc(X50::LawEnforcement);
    let mut t: Vec<&'static str> = Vec::new();
    let mut excepted_by_le: Vec<&str> = Vec::new();

    if fact(A50::Interacts) {
        let public_report = le && sys.public_crime_reporting == Some(true);
        if public_report {
            cx.fire("art50.exception.public_report", &[]);
        }
        if le && !public_report {
            excepted_by_le.push("Art. 50(1)");
            // Open to the public or not, an obvious interaction owes no
            // Art. 50(1) notice: the answer would change nothing.
            if sys.public_crime_reporting.is_none() && !exc(X50::Obvious) {
                cx.flag(
                    "public_crime_reporting",
                    "review.flag.art50_1_public_report",
                    &[],
                );
            }
        } else if exc(X50::Obvious) {
            cx.fire("art50.exception.obvious", &[]);
        } else {
            cx.fire("art50.50.1", &[]);
            t.push("50.1");
        }
    }
    if fact(A50::Synthetic) {
        if le {
            excepted_by_le.push("Art. 50(2)");
        } else if exc(X50::Assistive) {
            cx.fire("art50.exception.assistive", &[]);
        } else {
            cx.fire("art50.50.2", &[]);
            t.push("50.2");
        }
    }
    let derived =
        points.iter().any(|p| matches!(p, P3::P1B | P3::P1C)) || sys.art5.contains(&A5::F);
    if fact(A50::EmotionOrBiometric) || derived {
        if le {
            excepted_by_le.push("Art. 50(3)");
        } else {
            cx.fire(
                if fact(A50::EmotionOrBiometric) {
                    "art50.50.3"
                } else {
                    "art50.50.3.derived"
                },
                &[],
            );
            t.push("50.3");
        }
    }
    if fact(A50::DeepFake) {
        if le {
            excepted_by_le.push("Art. 50(4)");
        } else {
            cx.fire("art50.50.4.deep_fake", &[]);
            if exc(X50::Artistic) {
                cx.fire("art50.50.4.artistic", &[]);
            }
            t.push("50.4");
        }
    }
    if fact(A50::PublicInterestText) {
        if le {
            if !excepted_by_le.contains(&"Art. 50(4)") {
                excepted_by_le.push("Art. 50(4)");
            }
        } else if exc(X50::Editorial) {
            cx.fire("art50.exception.editorial", &[]);
        } else {
            cx.fire("art50.50.4.text", &[]);
            if !t.contains(&"50.4") {
                t.push("50.4");
            }
        }
    }
    if !excepted_by_le.is_empty() {
        // Each paragraph has its own law-enforcement exception: cite the
        // one that applied, or the article when several did.
        let cite = match excepted_by_le.as_slice() {
            [one] => *one,
            _ => "Art. 50",
        };
        cx.fire_cited(
            "art50.exception.law_enforcement",
            Some(cite),
            &[("provisions", &excepted_by_le.join(", "))],
        );
    }
    if class.section_b_only && !t.is_empty() {
        cx.fire("art50.section_b", &[]);
        t.clear();
    }
    class.transparency = t;
}

/// Art. 25(1) and Art. 25(3): who becomes provider.
fn value_chain(cx: &mut Cx<'_>, sys: &SystemFile, class: &Classification, roles: &mut Vec<Role>) {
    if class.tier != Tier::HighRisk {
        if !sys.value_chain.is_empty() && class.tier != Tier::Prohibited {
            cx.fire("art25.no_effect", &[]);
            cx.flag("value_chain", "review.flag.art25", &[]);
        }
        return;
    }
    if !sys.value_chain.is_empty() {
        for v in &sys.value_chain {
            cx.fire(&format!("art25.{}", v.as_str()), &[]);
        }
        roles.retain(|r| {
            !matches!(
                r,
                Role::Importer | Role::Distributor | Role::AuthorisedRepresentative
            )
        });
        roles.push(Role::Provider);
        // "Any ... other third party" (Art. 25(1)): without a declared role
        // the operator is still the provider, so the "no role, no
        // obligations" question no longer holds.
        cx.flags.retain(|f| f.key != "review.flag.no_role");
    }
    let section_a = class.annex_i_hr.iter().any(|p| !p.is_section_b());
    if section_a && roles.contains(&Role::ProductManufacturer) {
        cx.fire("annex_i.product_manufacturer", &[]);
        roles.push(Role::Provider);
    }
    let sorted = sorted_roles(std::mem::take(roles));
    *roles = sorted;
}

fn obligations(cx: &mut Cx<'_>, sys: &SystemFile, class: &Classification, roles: &[Role]) {
    let has = |r: Role| roles.contains(&r);
    if class.section_b_only {
        // Art. 2(2): only Art. 6(1) and Arts 102-109 (which fold the
        // requirements into the sectoral act) apply; the sectoral act binds
        // the provider of the AI component and the manufacturer of the
        // product it is placed on the market with.
        cx.hr_date = cx.rules.date("annex_i");
        for r in [Role::Provider, Role::ProductManufacturer] {
            if has(r) {
                cx.oblige("hr.sectoral", r);
            }
        }
        return;
    }
    // Art. 4
    if has(Role::Provider) || has(Role::Deployer) {
        cx.fire("literacy", &[]);
        for r in [Role::Provider, Role::Deployer]
            .into_iter()
            .filter(|r| has(*r))
        {
            cx.oblige("ai_literacy", r);
        }
    }
    // Art. 5
    let mut cutoff: Option<Date> = None;
    if !class.prohibited.is_empty() {
        // The earliest date from which a ban binds one of our roles.
        let mut first_ban: Option<Date> = None;
        for p in &class.prohibited {
            let id = format!("prohibited.{}", p.as_str());
            let bearers: &[Role] = if *p == A5::H {
                &[Role::Deployer]
            } else {
                &[
                    Role::Provider,
                    Role::Deployer,
                    Role::Importer,
                    Role::ProductManufacturer,
                ]
            };
            for &r in bearers.iter().filter(|r| has(**r)) {
                cx.oblige(&id, r);
                if let Some(d) = ban_date(cx.rules, *p) {
                    first_ban = Some(first_ban.map_or(d, |f| f.min(d)));
                }
            }
        }
        let system_banned = class.prohibited.iter().any(|p| *p != A5::H);
        match first_ban {
            // A ban in force binds us: whatever else the Act would ask of
            // this system is moot.
            Some(d) if d <= cx.as_of => return,
            // Art. 113(a) as amended: until the ban applies, the duties
            // already in force bind (e.g. Art. 50); those that would only
            // start on or after the ban date are moot.
            Some(d) => cutoff = Some(d),
            // Distributor or authorised representative of a system whose
            // placing on the market is banned: nothing else to list.
            None if system_banned => return,
            // Art. 5(1)(h) bans only the use by law enforcement: a provider,
            // importer or distributor of the real-time RBI system bears the
            // duties for a remote biometric identification system.
            None => cx.fire("art5.h.not_bearer", &[]),
        }
    }
    let mark = cx.obligations.len();
    let flag_mark = cx.flags.len();
    other_duties(cx, sys, class, roles);
    if let Some(c) = cutoff {
        let mut i = 0;
        cx.obligations.retain(|(_, o)| {
            i += 1;
            i <= mark || o.applies_from < c
        });
        // The Art. 111(2) questions concern the high-risk duties: when
        // those are moot (they would start on or after the ban date), so
        // is the placing date or design change that would move them.
        let rules = cx.rules;
        let hr_left = cx.obligations.iter().any(|(_, o)| {
            rules
                .obligation(&o.id)
                .is_some_and(|(_, d)| d.date == "high_risk")
        });
        if !hr_left {
            let mut i = 0;
            cx.flags.retain(|f| {
                i += 1;
                i <= flag_mark || !LEGACY_FLAGS.contains(&f.key.as_str())
            });
        }
        if cx.obligations.len() > mark {
            let (c_s, a_s) = (c.to_string(), cx.as_of.to_string());
            cx.fire("art5.until_ban", &[("date", &c_s), ("as_of", &a_s)]);
        }
    }
}

/// The `needs_review` flags of Art. 111(2), which concern the high-risk duties only.
const LEGACY_FLAGS: [&str; 4] = [
    "review.flag.legacy_high_risk",
    "review.flag.legacy_change_unknown",
    "review.flag.legacy_change_unknown_public",
    "review.flag.legacy_public_unknown",
];

/// Everything but Art. 4 and Art. 5: Art. 5(2) conditions, high risk,
/// Art. 6(3)-(4) and Art. 50.
fn other_duties(cx: &mut Cx<'_>, sys: &SystemFile, class: &Classification, roles: &[Role]) {
    let has = |r: Role| roles.contains(&r);
    if class.rbi_excepted && has(Role::Deployer) {
        cx.oblige("rbi.conditions", Role::Deployer);
    }

    // Reached with a Section B basis only when the tier is prohibited by a
    // ban that does not (yet) bind us: Art. 2(2) still limits the duties.
    let section_b = class.annex_iii_hr.is_empty()
        && !class.annex_i_hr.is_empty()
        && class.annex_i_hr.iter().all(|p| p.is_section_b());
    if section_b {
        cx.hr_date = cx.rules.date("annex_i");
        for r in [Role::Provider, Role::ProductManufacturer] {
            if has(r) {
                cx.oblige("hr.sectoral", r);
            }
        }
        return;
    }
    // The tier is high-risk, or prohibited by a ban that does not (yet) bind
    // us (the basis is then not shown, but the duties are ours).
    if !class.annex_iii_hr.is_empty() || !class.annex_i_hr.is_empty() {
        high_risk_obligations(cx, sys, class, roles);
    } else if !class.derogated.is_empty() && has(Role::Provider) {
        // `derogated`, not `derogation`: the list shown is emptied when the
        // tier is prohibited, but the provider of a real-time RBI system
        // (Art. 5(1)(h) bans only the use) that relies on Art. 6(3) owes
        // Art. 6(4) and 49(2) like any other derogated Annex III provider.
        cx.oblige("derogation.documentation", Role::Provider);
        cx.oblige("derogation.registration", Role::Provider);
        // Art. 49(4): "the registration referred to in paragraphs 1, 2 and
        // 3" of points 1, 6 and 7 in law enforcement, migration, asylum and
        // border control goes to the secure non-public section, so the
        // Art. 49(2) entry of a derogated system does too.
        if secure_section(sys, &class.derogated) {
            cx.oblige("hr.registration_secure", Role::Provider);
        }
        cx.fire("art6_3.registration_unverified", &[]);
    }

    // Art. 50: the system is classified by the paragraph; the duty lands on its bearer.
    for (para, bearer) in [
        ("50.1", Role::Provider),
        ("50.2", Role::Provider),
        ("50.3", Role::Deployer),
        ("50.4", Role::Deployer),
    ] {
        if !class.transparency.contains(&para) {
            continue;
        }
        if !has(bearer) {
            let provision = format!("Art. {}({})", &para[..2], &para[3..]);
            cx.fire_cited(
                "art50.duty_elsewhere",
                Some(&provision),
                &[("provision", &provision), ("bearer", bearer.as_str())],
            );
            continue;
        }
        match para {
            "50.1" => cx.oblige("transparency.interaction", bearer),
            "50.2" => marking(cx, sys, bearer),
            "50.3" => cx.oblige("transparency.emotion_biometric", bearer),
            _ => {
                if sys.art50.contains(&A50::DeepFake) {
                    let artistic = sys.art50_exceptions.contains(&X50::Artistic);
                    cx.oblige(
                        if artistic {
                            "transparency.deep_fake_artistic"
                        } else {
                            "transparency.deep_fake"
                        },
                        bearer,
                    );
                }
                if sys.art50.contains(&A50::PublicInterestText)
                    && !sys.art50_exceptions.contains(&X50::Editorial)
                {
                    cx.oblige("transparency.public_text", bearer);
                }
            }
        }
    }
}

/// The Art. 50(2) marking duty, with Art. 111(4) as inserted by Reg.
/// 2026/1744: a generative system placed on the market before the Art. 50
/// date has until the grace date. Without `first_placed_on_market` the
/// answer changes when the duty applies, which matters before the grace date.
fn marking(cx: &mut Cx<'_>, sys: &SystemFile, bearer: Role) {
    let (Some(from), Some(until)) = (
        cx.rules.date("transparency"),
        cx.rules.date("transparency_grace"),
    ) else {
        cx.oblige("transparency.marking", bearer);
        return;
    };
    let args = [("from", from.to_string()), ("until", until.to_string())];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match sys.first_placed_on_market {
        Some(p) if p < from => {
            cx.fire("art50.grace.applies", &args);
            cx.oblige_at("transparency.marking", bearer, Some(until));
        }
        Some(_) => cx.oblige("transparency.marking", bearer),
        None => {
            cx.oblige("transparency.marking", bearer);
            if cx.as_of < until {
                cx.fire("art50.grace", &args);
                cx.flag("first_placed_on_market", "review.flag.art50_2_grace", &args);
            }
        }
    }
}

/// Provider duties for every high-risk system outside Annex I Section B.
const PROVIDER_HR: [&str; 18] = [
    "hr.risk_management",
    "hr.data_governance",
    "hr.technical_documentation",
    "hr.record_keeping",
    "hr.instructions",
    "hr.human_oversight",
    "hr.accuracy_robustness",
    "hr.provider_obligations",
    "hr.quality_management",
    "hr.documentation_keeping",
    "hr.logs",
    "hr.corrective_actions",
    "hr.conformity_assessment",
    "hr.declaration",
    "hr.ce_marking",
    "hr.post_market_monitoring",
    "hr.serious_incidents",
    "hr.supplier_agreement",
];

/// Deployer duties for every high-risk system (Art. 26).
const DEPLOYER_HR: [&str; 7] = [
    "hr.deployer_use",
    "hr.deployer_oversight",
    "hr.deployer_input_data",
    "hr.deployer_monitoring",
    "hr.deployer_logs",
    "hr.deployer_dpia",
    "hr.deployer_cooperate",
];

/// Extra duties for GPAI models with systemic risk (Art. 55(1)).
const GPAI_SYSTEMIC: [&str; 4] = [
    "gpai.systemic_evaluation",
    "gpai.systemic_risk_mitigation",
    "gpai.systemic_incidents",
    "gpai.systemic_cybersecurity",
];

fn high_risk_obligations(
    cx: &mut Cx<'_>,
    sys: &SystemFile,
    class: &Classification,
    roles: &[Role],
) {
    let has = |r: Role| roles.contains(&r);
    let iii = !class.annex_iii_hr.is_empty();
    let iii_persons = class.annex_iii_hr.iter().any(|p| *p != P3::P2);
    let law_enforcement = law_enforcement_link(sys, &class.annex_iii_hr);
    let secure = secure_section(sys, &class.annex_iii_hr);
    let date = if iii {
        cx.rules.date("annex_iii")
    } else {
        cx.rules.date("annex_i")
    };
    cx.hr_date = date;
    if let Some(d) = date {
        cx.fire("high_risk.dates", &[("date", &d.to_string())]);
        legacy(cx, sys, roles, d);
    }
    // Art. 111(1): components of the Annex X large-scale IT systems (law
    // enforcement, migration, asylum, border control: the Art. 49(4) areas)
    // placed before the cut-off comply by the end of 2030. The file cannot
    // say whether the system is such a component: the trace names the rule.
    if let (Some(cutoff), Some(until)) = (cx.rules.date("annex_x_cutoff"), cx.rules.date("annex_x"))
    {
        let early = sys.first_placed_on_market.is_none_or(|p| p < cutoff);
        if secure && early && !cx.legacy_exempt {
            cx.fire(
                "high_risk.annex_x",
                &[
                    ("cutoff_date", &cutoff.to_string()),
                    ("until", &until.to_string()),
                ],
            );
        }
    }
    if cx.legacy_exempt {
        return;
    }
    // Art. 25 made us provider (roles) unless the tier is prohibited, where
    // Art. 25 is not applied: then the role change is not ours to list.
    if has(Role::Provider) {
        for v in &sys.value_chain {
            cx.oblige(&format!("value_chain.{}", v.as_str()), Role::Provider);
        }
    }
    if has(Role::ProductManufacturer) && class.annex_i_hr.iter().any(|p| !p.is_section_b()) {
        cx.oblige("hr.product_manufacturer", Role::ProductManufacturer);
    }
    if has(Role::Provider) {
        for id in PROVIDER_HR {
            cx.oblige(id, Role::Provider);
        }
        // Art. 22(1): "prior to making their high-risk AI systems available
        // on the Union market"; a provider reached only through output used
        // in the EU (Art. 2(1)(c)) makes nothing available here.
        let on_eu_market = sys
            .eu_nexus
            .iter()
            .any(|n| matches!(n, Nx::PlacedOnMarket | Nx::PutIntoService | Nx::UsedInEu));
        if !sys.established_in_eu && on_eu_market {
            cx.oblige("hr.authorised_representative", Role::Provider);
        }
        if iii_persons {
            cx.oblige("hr.registration", Role::Provider);
            if secure {
                cx.oblige("hr.registration_secure", Role::Provider);
            }
        }
        if class.annex_iii_hr.contains(&P3::P2) {
            cx.oblige("hr.registration_national", Role::Provider);
        }
    }
    if has(Role::Deployer) {
        for id in DEPLOYER_HR {
            cx.oblige(id, Role::Deployer);
        }
        // Art. 26(7): employers inform workers' representatives and workers
        // before use at the workplace. An Annex III 4(b) system is by its
        // description used on persons in work-related relationships (to
        // decide on their terms, allocate their tasks, monitor and evaluate
        // them), so its deployer owes it whatever `workplace_use` says.
        if sys.workplace_use {
            cx.oblige("hr.deployer_workers", Role::Deployer);
        } else if class.annex_iii_hr.contains(&P3::P4B) {
            cx.fire("workers.annex_iii_4b", &[]);
            cx.oblige("hr.deployer_workers", Role::Deployer);
        }
        if sys.public_body && iii_persons {
            cx.oblige("hr.deployer_public_registration", Role::Deployer);
            if secure {
                cx.oblige("hr.registration_secure", Role::Deployer);
            }
        }
        // Art. 26(10) binds "the deployer of a high-risk AI system for
        // post-remote biometric identification" in a criminal investigation.
        // Annex III area 6 does not list biometric identification, so a
        // police force deploying it selects 1(a) alone: a public body counts
        // as a possible law-enforcement deployer (the duty only bites in an
        // investigation, as its title says). Real-time use allowed under an
        // Art. 5(1)(h) exception is governed by Art. 5(2)-(7) instead
        // (Art. 3(42)-(43): post-remote is any RBI that is not real-time);
        // the trace says that a use after the event needs its own file.
        if class.annex_iii_hr.contains(&P3::P1A) && (law_enforcement || sys.public_body) {
            if class.rbi_excepted {
                cx.fire("rbi.real_time_not_post", &[]);
            } else {
                cx.oblige("hr.deployer_post_rbi", Role::Deployer);
            }
        }
        if iii_persons {
            cx.oblige("hr.deployer_inform_persons", Role::Deployer);
            cx.oblige("hr.explanation", Role::Deployer);
        }
        fria(cx, sys, class);
    }
    if has(Role::Importer) {
        cx.oblige("hr.importer", Role::Importer);
    }
    if has(Role::Distributor) {
        cx.oblige("hr.distributor", Role::Distributor);
    }
    if has(Role::AuthorisedRepresentative) {
        cx.oblige(
            "hr.authorised_representative_tasks",
            Role::AuthorisedRepresentative,
        );
    }
}

/// Law enforcement, migration, asylum or border control (Annex III areas
/// 6 and 7, Art. 5(1)(h) use, or the Art. 50 law-enforcement exception).
fn law_enforcement_link(sys: &SystemFile, points: &[P3]) -> bool {
    points.iter().any(|p| matches!(p.area(), 6 | 7))
        || sys.art5.contains(&A5::H)
        || sys.art50_exceptions.contains(&X50::LawEnforcement)
}

/// Art. 49(4): points 1, 6 and 7 in those areas are registered in the
/// secure, non-public section of the EU database (an area 1 point when a
/// law-enforcement link shows or the operator is a public body).
fn secure_section(sys: &SystemFile, points: &[P3]) -> bool {
    points.iter().any(|p| matches!(p.area(), 6 | 7))
        || (points.iter().any(|p| p.area() == 1)
            && (law_enforcement_link(sys, points) || sys.public_body))
}

/// Art. 111(2) as amended: a high-risk system placed on the market or put
/// into service before its Chapter III date is covered only once its design
/// changes significantly; systems intended for public authorities comply by
/// the public-authority deadline in any case. A substantial modification or
/// a new intended purpose (Art. 25(1)(b)-(c)) is such a change.
///
/// Whatever the file does not say is not guessed in the user's favour: the
/// duties stay with the dates that apply if the answer is the unfavourable
/// one, and `needs_review` names the field (`review.rs` adds what the other
/// answer would change). Without `first_placed_on_market` the normal dates
/// apply; placed before the cut-off with `significant_change` not said, the
/// normal dates apply; without significant change but with
/// `for_public_authorities` not said, the public-authority date applies.
fn legacy(cx: &mut Cx<'_>, sys: &SystemFile, roles: &[Role], date: Date) {
    let changed = sys.significant_change == Some(true)
        || sys
            .value_chain
            .iter()
            .any(|v| matches!(v, ValueChain::B | ValueChain::C));
    if changed {
        cx.fire("high_risk.legacy.changed", &[]);
        return;
    }
    let Some(public) = cx.rules.date("high_risk_public_authorities") else {
        return;
    };
    let (date_s, public_s) = (date.to_string(), public.to_string());
    let args = [
        ("date", date_s.as_str()),
        ("public_date", public_s.as_str()),
    ];
    let public_deployer = sys.public_body && roles.contains(&Role::Deployer);
    let public_use = sys.for_public_authorities == Some(true) || public_deployer;
    match sys.first_placed_on_market {
        None => {
            cx.fire("high_risk.legacy", &args);
            cx.flag(
                "first_placed_on_market",
                "review.flag.legacy_high_risk",
                &args,
            );
        }
        Some(p) if p >= date => {}
        Some(_) if sys.significant_change.is_none() => {
            cx.fire("high_risk.legacy.change_unknown", &args);
            let key = if public_use {
                "review.flag.legacy_change_unknown_public"
            } else {
                "review.flag.legacy_change_unknown"
            };
            cx.flag("significant_change", key, &args);
        }
        Some(_) => match (sys.for_public_authorities, public_deployer) {
            (Some(true), _) | (_, true) => {
                cx.fire("high_risk.legacy.public", &args);
                cx.hr_date = Some(public);
            }
            (Some(false), false) => {
                cx.fire("high_risk.legacy.exempt", &args);
                cx.legacy_exempt = true;
            }
            (None, false) => {
                cx.fire("high_risk.legacy.public_unknown", &args);
                cx.hr_date = Some(public);
                cx.flag(
                    "for_public_authorities",
                    "review.flag.legacy_public_unknown",
                    &args,
                );
            }
        },
    }
}

/// Art. 27(1): who must do a fundamental rights impact assessment.
fn fria(cx: &mut Cx<'_>, sys: &SystemFile, class: &Classification) {
    let relevant: Vec<P3> = class
        .annex_iii_hr
        .iter()
        .copied()
        .filter(|p| *p != P3::P2)
        .collect();
    if relevant.is_empty() {
        if class.annex_iii_hr.contains(&P3::P2) {
            cx.fire("fria.point_2", &[]);
        }
        return;
    }
    let reason = if sys.public_body {
        Some("a body governed by public law")
    } else if sys.public_service {
        Some("a private entity providing public services")
    } else if relevant.iter().any(|p| matches!(p, P3::P5B | P3::P5C)) {
        Some("used for creditworthiness or life and health insurance pricing (Annex III 5(b)/(c))")
    } else {
        None
    };
    match reason {
        Some(reason) => {
            cx.fire("fria.required", &[("reason", reason)]);
            cx.oblige("hr.fria", Role::Deployer);
        }
        None => cx.fire("fria.not_required", &[]),
    }
}

/// GPAI model axis (Art. 51-55, Art. 111(3)).
fn gpai_axis(
    cx: &mut Cx<'_>,
    sys: &SystemFile,
    hard_exclusion: Option<Ex>,
    own_system: bool,
) -> GpaiStatus {
    let Some(g) = &sys.gpai else {
        return GpaiStatus::None;
    };
    if !g.provider {
        if g.training_flops > INDICATIVE_GPAI_FLOPS || g.designated {
            // Recital 97: a provider that integrates its own model into its
            // own AI system made available or put into service places the
            // model on the market too.
            let key = if own_system {
                "review.flag.gpai_own_system"
            } else {
                "review.flag.gpai"
            };
            cx.flag("gpai.provider", key, &[]);
        }
        return GpaiStatus::None;
    }
    if let Some(e) = hard_exclusion {
        // The exclusion that applied (Art. 2(3), 2(4), 2(6) or 2(8)).
        let cite = format!("Art. 2({})", e.as_str().trim_start_matches("2."));
        cx.fire_cited("gpai.excluded", Some(&cite), &[]);
        return GpaiStatus::None;
    }
    cx.fire("gpai.model", &[]);
    let by_flops = g.training_flops > SYSTEMIC_FLOPS;
    if by_flops {
        cx.fire("gpai.systemic.flops", &[]);
    }
    if g.designated {
        cx.fire("gpai.systemic.designated", &[]);
    }
    let systemic = by_flops || g.designated;
    let legacy_cut = cx.rules.date("gpai");
    let legacy = matches!((g.placed_before, legacy_cut), (Some(p), Some(cut)) if p < cut);
    cx.gpai_date = if legacy {
        cx.fire("gpai.legacy", &[]);
        cx.rules.date("gpai_legacy")
    } else {
        legacy_cut
    };
    let relief = g.open_source && !systemic;
    if relief {
        cx.fire("gpai.open_source", &[]);
    } else {
        if g.open_source {
            cx.fire("gpai.open_source.systemic", &[]);
        }
        cx.oblige("gpai.technical_documentation", Role::Provider);
        cx.oblige("gpai.downstream_information", Role::Provider);
    }
    cx.oblige("gpai.copyright_policy", Role::Provider);
    cx.oblige("gpai.training_summary", Role::Provider);
    if !sys.established_in_eu {
        if relief {
            cx.fire("gpai.non_eu.open_source", &[]);
        } else {
            cx.fire("gpai.non_eu", &[]);
            cx.oblige("gpai.authorised_representative", Role::Provider);
        }
    }
    if systemic {
        if by_flops {
            cx.oblige("gpai.notification", Role::Provider);
        }
        for id in GPAI_SYSTEMIC {
            cx.oblige(id, Role::Provider);
        }
        GpaiStatus::GpaiSystemic
    } else {
        GpaiStatus::Gpai
    }
}

/// All rule IDs the evaluator can fire, for the invariant tests.
#[cfg(test)]
pub(crate) fn fired_rule_ids() -> Vec<String> {
    let mut ids: Vec<String> = [
        "ai_system.no",
        "ai_system.yes",
        "scope.exclusion.2.10",
        "scope.exclusion.2.10.other_roles",
        "scope.exclusion.2.12",
        "scope.exclusion.2.12.not_covered",
        "scope.provider",
        "scope.provider.output",
        "scope.provider.established",
        "scope.deployer",
        "scope.deployer.output",
        "scope.importer_distributor",
        "scope.product_manufacturer",
        "scope.authorised_representative",
        "scope.role.out",
        "scope.no_roles",
        "scope.out",
        "art5.exception.5.1.d.objective_facts",
        "art5.exception.5.1.f.medical_or_safety",
        "art5.exception.5.1.g.dataset_labelling",
        "art5.exception.5.1.h",
        "art5.exception.unused",
        "art5.not_yet",
        "art5.until_ban",
        "art5.h.not_bearer",
        "art5.d.annex_iii",
        "annex_i.machinery_moved",
        "annex_i.high_risk",
        "annex_i.no_third_party",
        "annex_i.section_b",
        "annex_i.product_manufacturer",
        "annex_iii.point",
        "annex_iii.implied",
        "art6_3.profiling",
        "art6_3.profiling_inherent",
        "art6_3.annex_i",
        "art6_3.no_annex_iii",
        "art6_3.derogation",
        "art6_3.registration_unverified",
        "high_risk.annex_iii",
        "high_risk.dates",
        "high_risk.legacy",
        "high_risk.legacy.changed",
        "high_risk.legacy.public",
        "high_risk.legacy.exempt",
        "high_risk.legacy.change_unknown",
        "high_risk.legacy.public_unknown",
        "art50.grace",
        "art50.grace.applies",
        "art50.exception.public_report",
        "art25.no_effect",
        "art50.50.1",
        "art50.50.2",
        "art50.50.3",
        "art50.50.3.derived",
        "art50.50.4.deep_fake",
        "art50.50.4.artistic",
        "art50.50.4.text",
        "art50.exception.obvious",
        "art50.exception.assistive",
        "art50.exception.editorial",
        "art50.exception.law_enforcement",
        "art50.duty_elsewhere",
        "art50.section_b",
        "gpai.model",
        "gpai.systemic.flops",
        "gpai.systemic.designated",
        "gpai.open_source",
        "gpai.open_source.systemic",
        "gpai.non_eu",
        "gpai.non_eu.open_source",
        "gpai.legacy",
        "gpai.excluded",
        "literacy",
        "fria.required",
        "fria.point_2",
        "fria.not_required",
        "roles.effective",
        "rbi.real_time_not_post",
        "workers.annex_iii_4b",
        "high_risk.annex_x",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for e in [
        Ex::Military,
        Ex::ThirdCountryAuthority,
        Ex::ScientificResearch,
        Ex::PreMarketResearch,
    ] {
        ids.push(format!("scope.exclusion.{}", e.as_str()));
    }
    ids.extend(A5::ALL.iter().map(|p| format!("art5.{}", p.as_str())));
    ids.extend(
        crate::system::ValueChain::ALL
            .iter()
            .map(|v| format!("art25.{}", v.as_str())),
    );
    ids
}

/// The string-literal first arguments of every `call(` in `src` (IDs only).
#[cfg(test)]
fn literal_args(src: &str, call: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for part in src.split(call).skip(1) {
        let Some(rest) = part.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some(end) = rest.find('"') else {
            continue;
        };
        let id = &rest[..end];
        if !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
        {
            ids.push(id.to_owned());
        }
    }
    ids
}

/// All obligation IDs the evaluator can attach, for the invariant tests.
#[cfg(test)]
pub(crate) fn attached_obligation_ids() -> Vec<String> {
    let mut ids = literal_args(include_str!("eval.rs"), "oblige(");
    ids.extend(A5::ALL.iter().map(|p| format!("prohibited.{}", p.as_str())));
    ids.extend(
        crate::system::ValueChain::ALL
            .iter()
            .map(|v| format!("value_chain.{}", v.as_str())),
    );
    ids.extend(
        ["transparency.deep_fake_artistic", "transparency.deep_fake"]
            .iter()
            .map(|s| (*s).to_owned()),
    );
    ids.extend(
        PROVIDER_HR
            .iter()
            .chain(&DEPLOYER_HR)
            .chain(&GPAI_SYSTEMIC)
            .map(|s| (*s).to_owned()),
    );
    ids.sort();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_id_the_code_uses_exists_in_the_data() {
        let rules = super::super::rules::built_in().unwrap();
        for id in super::fired_rule_ids() {
            assert!(
                rules.rule(&id).is_some(),
                "rule `{id}` missing from triage.toml"
            );
        }
        for id in super::attached_obligation_ids() {
            assert!(
                rules.obligation(&id).is_some(),
                "obligation `{id}` missing from obligations.toml"
            );
        }
        // and every data entry is reachable from the code
        let fired = super::fired_rule_ids();
        for r in &rules.rules {
            assert!(fired.contains(&r.id), "rule `{}` is never fired", r.id);
        }
        // every literal first argument of `fire` in the source is listed
        for id in super::literal_args(include_str!("eval.rs"), "fire(") {
            assert!(
                fired.contains(&id),
                "fired rule `{id}` not listed in fired_rule_ids"
            );
        }
        let attached = super::attached_obligation_ids();
        for o in &rules.obligations {
            assert!(
                attached.contains(&o.id),
                "obligation `{}` is never attached",
                o.id
            );
        }
    }
}
