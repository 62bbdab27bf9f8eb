//! Typed IDs for every list field of a system file (`spec/system-file.md`).
//!
//! Each enum knows its spec string. Labels and citations live in the rule
//! data (`core/rules/vocabulary.toml`); an invariant test checks that every
//! variant here has an entry there and vice versa.

use std::fmt;

/// A closed set of spec IDs (one enum per list field).
pub trait SpecId: Copy + Eq + Ord + fmt::Debug + 'static {
    /// The field name in the system file (e.g. `"annex_iii"`).
    const FIELD: &'static str;
    /// Every value, in spec order.
    fn all() -> &'static [Self];
    /// The spec string (e.g. `"4.a"`).
    fn as_str(self) -> &'static str;
    /// Parses a spec string.
    fn from_id(s: &str) -> Option<Self>;
}

/// `ids` in spec order without duplicates: the same result as sorting and
/// deduplicating, since spec order is the `Ord` order (a test checks it).
/// One small loop per ID type instead of one sort instantiation per type
/// (each costs about 1.3 KB of wasm).
pub(crate) fn sorted_unique<T: SpecId>(ids: &[T]) -> Vec<T> {
    T::all()
        .iter()
        .copied()
        .filter(|a| ids.contains(a))
        .collect()
}

/// Sorts `ids` into spec order, keeping duplicates: the same result as
/// `ids.sort()` (see [`sorted_unique`]).
pub(crate) fn sort_ids<T: SpecId>(ids: &mut Vec<T>) {
    let mut out = Vec::with_capacity(ids.len());
    for a in T::all() {
        out.extend(ids.iter().filter(|x| *x == a));
    }
    *ids = out;
}

macro_rules! id_enum {
    ($(#[$m:meta])* $name:ident, $field:literal { $($var:ident => $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(#[doc = concat!("`\"", $id, "\"`")] $var),+
        }

        impl $name {
            /// Every value, in spec order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The spec string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$var => $id),+
                }
            }

            /// Parses a spec string.
            pub fn from_id(s: &str) -> Option<$name> {
                match s {
                    $($id => Some($name::$var),)+
                    _ => None,
                }
            }
        }

        impl SpecId for $name {
            const FIELD: &'static str = $field;
            fn all() -> &'static [Self] {
                $name::ALL
            }
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn from_id(s: &str) -> Option<Self> {
                $name::from_id(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = String::deserialize(d)?;
                $name::from_id(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} ID `{}`", $field, s))
                })
            }
        }
    };
}

id_enum! {
    /// How the system is linked to the EU (Art. 2(1)).
    NexusKind, "eu_nexus" {
        PlacedOnMarket => "placed_on_market",
        PutIntoService => "put_into_service",
        UsedInEu => "used_in_eu",
        OutputUsedInEu => "output_used_in_eu",
    }
}

id_enum! {
    /// Art. 2 exclusions.
    Exclusion, "exclusions" {
        Military => "2.3",
        ThirdCountryAuthority => "2.4",
        ScientificResearch => "2.6",
        PreMarketResearch => "2.8",
        PersonalUse => "2.10",
        OpenSource => "2.12",
    }
}

id_enum! {
    /// Prohibited practices (Art. 5(1)).
    Art5Practice, "art5" {
        A => "5.1.a",
        B => "5.1.b",
        Ba => "5.1.ba",
        Bb => "5.1.bb",
        C => "5.1.c",
        D => "5.1.d",
        E => "5.1.e",
        F => "5.1.f",
        G => "5.1.g",
        H => "5.1.h",
    }
}

id_enum! {
    /// Exceptions to Art. 5(1) practices.
    Art5Exception, "art5_exceptions" {
        DObjectiveFacts => "5.1.d.objective_facts",
        FMedicalOrSafety => "5.1.f.medical_or_safety",
        GDatasetLabelling => "5.1.g.dataset_labelling",
        HI => "5.1.h.i",
        HIi => "5.1.h.ii",
        HIii => "5.1.h.iii",
    }
}

impl Art5Exception {
    /// The practice this exception belongs to.
    pub fn practice(self) -> Art5Practice {
        match self {
            Art5Exception::DObjectiveFacts => Art5Practice::D,
            Art5Exception::FMedicalOrSafety => Art5Practice::F,
            Art5Exception::GDatasetLabelling => Art5Practice::G,
            Art5Exception::HI | Art5Exception::HIi | Art5Exception::HIii => Art5Practice::H,
        }
    }
}

id_enum! {
    /// Annex I points (Section A: NLF acts; Section B: other acts). `A.1`
    /// (machinery) is kept as an input ID for old files: Reg. 2026/1744 moved
    /// machinery to Section B point 21 (`B.21`).
    AnnexIPoint, "annex_i" {
        A1 => "A.1",
        A2 => "A.2",
        A3 => "A.3",
        A4 => "A.4",
        A5 => "A.5",
        A6 => "A.6",
        A7 => "A.7",
        A8 => "A.8",
        A9 => "A.9",
        A10 => "A.10",
        A11 => "A.11",
        A12 => "A.12",
        B13 => "B.13",
        B14 => "B.14",
        B15 => "B.15",
        B16 => "B.16",
        B17 => "B.17",
        B18 => "B.18",
        B19 => "B.19",
        B20 => "B.20",
        B21 => "B.21",
    }
}

impl AnnexIPoint {
    /// The point under the amended numbering (machinery `A.1` becomes `B.21`).
    pub fn amended(self) -> AnnexIPoint {
        match self {
            AnnexIPoint::A1 => AnnexIPoint::B21,
            other => other,
        }
    }

    /// True for Section B (after the amended numbering).
    pub fn is_section_b(self) -> bool {
        self.amended().as_str().starts_with('B')
    }
}

id_enum! {
    /// Annex III points.
    AnnexIiiPoint, "annex_iii" {
        P1A => "1.a",
        P1B => "1.b",
        P1C => "1.c",
        P2 => "2",
        P3A => "3.a",
        P3B => "3.b",
        P3C => "3.c",
        P3D => "3.d",
        P4A => "4.a",
        P4B => "4.b",
        P5A => "5.a",
        P5B => "5.b",
        P5C => "5.c",
        P5D => "5.d",
        P6A => "6.a",
        P6B => "6.b",
        P6C => "6.c",
        P6D => "6.d",
        P6E => "6.e",
        P7A => "7.a",
        P7B => "7.b",
        P7C => "7.c",
        P7D => "7.d",
        P8A => "8.a",
        P8B => "8.b",
    }
}

impl AnnexIiiPoint {
    /// The area number (1-8).
    pub fn area(self) -> u8 {
        self.as_str()
            .bytes()
            .next()
            .map(|b| b.saturating_sub(b'0'))
            .unwrap_or(0)
    }
}

id_enum! {
    /// Art. 6(3) derogation conditions.
    Art6_3Condition, "art6_3" {
        A => "a",
        B => "b",
        C => "c",
        D => "d",
    }
}

id_enum! {
    /// Art. 50 provisions (the facts).
    Art50Provision, "art50" {
        Interacts => "50.1",
        Synthetic => "50.2",
        EmotionOrBiometric => "50.3",
        DeepFake => "50.4.deep_fake",
        PublicInterestText => "50.4.text",
    }
}

id_enum! {
    /// Exceptions to Art. 50.
    Art50Exception, "art50_exceptions" {
        Obvious => "50.1.obvious",
        Assistive => "50.2.assistive",
        Artistic => "50.4.artistic",
        Editorial => "50.4.editorial",
        LawEnforcement => "law_enforcement",
    }
}

id_enum! {
    /// Art. 25(1) value-chain changes.
    ValueChain, "value_chain" {
        A => "25.1.a",
        B => "25.1.b",
        C => "25.1.c",
    }
}

id_enum! {
    /// Names of the fact fields that may be listed in `unsure`.
    FieldName, "unsure" {
        Roles => "roles",
        EstablishedInEu => "established_in_eu",
        EuNexus => "eu_nexus",
        PublicBody => "public_body",
        PublicService => "public_service",
        WorkplaceUse => "workplace_use",
        AiSystem => "ai_system",
        Exclusions => "exclusions",
        Art5 => "art5",
        Art5Exceptions => "art5_exceptions",
        AnnexI => "annex_i",
        AnnexIThirdParty => "annex_i_third_party",
        AnnexIii => "annex_iii",
        Art6_3 => "art6_3",
        Profiling => "profiling",
        Art50 => "art50",
        Art50Exceptions => "art50_exceptions",
        ValueChain => "value_chain",
        GpaiProvider => "gpai.provider",
        GpaiTrainingFlops => "gpai.training_flops",
        GpaiDesignated => "gpai.designated",
        GpaiOpenSource => "gpai.open_source",
        GpaiPlacedBefore => "gpai.placed_before",
    }
}

/// Roles are [`crate::triage::Role`]; this lets them be parsed like the other IDs.
impl SpecId for crate::triage::Role {
    const FIELD: &'static str = "roles";
    fn all() -> &'static [Self] {
        &crate::triage::Role::ALL
    }
    fn as_str(self) -> &'static str {
        crate::triage::Role::as_str(self)
    }
    fn from_id(s: &str) -> Option<Self> {
        crate::triage::Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::Role;

    /// Spec order is the `Ord` order, so the helpers equal `sort()` (+ `dedup()`).
    fn check<T: SpecId>() {
        let all = T::all();
        assert!(
            all.windows(2).all(|w| w[0] < w[1]),
            "{}: ALL not in Ord order",
            T::FIELD
        );
        // Parsing by position in the spec strings (system::parse) equals from_id.
        for (i, &x) in all.iter().enumerate() {
            assert_eq!(T::from_id(x.as_str()), Some(x));
            let first = all.iter().position(|y| y.as_str() == x.as_str());
            assert_eq!(first, Some(i), "{}: duplicate spec string", T::FIELD);
        }
        // Reversed, every value twice, interleaved: a list `sort()` must reorder.
        let mut mixed: Vec<T> = all.iter().rev().copied().collect();
        mixed.extend(all.iter().step_by(2).copied());
        mixed.extend(all.iter().rev().step_by(3).copied());
        let mut expected = mixed.clone();
        expected.sort();
        let mut got = mixed.clone();
        sort_ids(&mut got);
        assert_eq!(got, expected, "{}", T::FIELD);
        expected.dedup();
        assert_eq!(sorted_unique(&mixed), expected, "{}", T::FIELD);
        assert!(sorted_unique::<T>(&[]).is_empty());
    }

    #[test]
    fn spec_order_helpers_equal_sorting() {
        check::<NexusKind>();
        check::<Exclusion>();
        check::<Art5Practice>();
        check::<Art5Exception>();
        check::<AnnexIPoint>();
        check::<AnnexIiiPoint>();
        check::<Art6_3Condition>();
        check::<Art50Provision>();
        check::<Art50Exception>();
        check::<ValueChain>();
        check::<FieldName>();
        check::<Role>();
    }
}
