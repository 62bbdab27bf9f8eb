//! "Did you mean ...": the closest known name for an unknown one.

/// Returns the candidate closest to `unknown` by edit distance, if it is
/// close enough to be a plausible typo (or shares a prefix).
///
/// # Example
/// ```
/// use aimskit_core::suggest::closest;
/// assert_eq!(closest("anex_iii", ["annex_i", "annex_iii", "art5"]), Some("annex_iii"));
/// assert_eq!(closest("zzzzzz", ["annex_i"]), None);
/// ```
pub fn closest<'a, I>(unknown: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = lowercase(unknown);
    let mut best: Option<(usize, &'a str)> = None;
    for cand in candidates {
        let d = distance(&lower, &lowercase(cand));
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    let (d, cand) = best?;
    let limit = (unknown.chars().count().max(cand.chars().count()) / 2).max(1);
    (d <= limit).then_some(cand)
}

/// Lowercase char by char. Unlike `str::to_lowercase` it maps a word-final
/// `Σ` to `σ`, not `ς`; that cannot change a distance to a name without
/// Greek sigmas (both are one char and differ from every other char), and
/// every name we suggest is an ASCII spec name. It leaves out
/// `str::to_lowercase` and its context tables (about 5 KB of wasm).
fn lowercase(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Levenshtein distance over chars.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Formats a " (did you mean `x`?)" suffix, or nothing.
pub fn hint<'a, I>(unknown: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    closest(unknown, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_std_lowercase_except_final_sigma() {
        for s in [
            "Annex_III",
            "ÄRGER",
            "İstanbul",
            "ǅemal",
            "ẞ",
            "ΑΣ ΑΣ",
            "plain",
        ] {
            assert_eq!(
                lowercase(s).replace('ς', "σ"),
                s.to_lowercase().replace('ς', "σ")
            );
        }
        assert_eq!(lowercase("ΑΣ"), "ασ");
        // The same distances as with str::to_lowercase ("σ" or "ς": one mismatch either way).
        for typo in ["ANNEX_IIIΣ", "ANEX_IIIΣ ", "ΣAnnex_I", "ΑΣ"] {
            for cand in ["annex_i", "annex_iii", "art5"] {
                assert_eq!(
                    distance(&lowercase(typo), cand),
                    distance(&typo.to_lowercase(), cand),
                    "{typo} {cand}"
                );
            }
        }
        assert_eq!(
            closest("ANNEX_IIIΣ", ["annex_i", "annex_iii"]),
            Some("annex_iii")
        );
    }

    #[test]
    fn distances() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(closest("5.1.q", ["5.1.a", "5.1.h", "2.3"]), Some("5.1.a"));
        assert_eq!(hint("4.z", ["4.a", "4.b"]), " (did you mean `4.a`?)");
    }
}
