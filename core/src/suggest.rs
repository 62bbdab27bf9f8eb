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
    let lower = unknown.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for cand in candidates {
        let d = distance(&lower, &cand.to_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    let (d, cand) = best?;
    let limit = (unknown.chars().count().max(cand.chars().count()) / 2).max(1);
    (d <= limit).then_some(cand)
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
    fn distances() {
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(closest("5.1.q", ["5.1.a", "5.1.h", "2.3"]), Some("5.1.a"));
        assert_eq!(hint("4.z", ["4.a", "4.b"]), " (did you mean `4.a`?)");
    }
}
