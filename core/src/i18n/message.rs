//! Messages the gap analysis builds (finding messages, roadmap actions and
//! reasons, pitfall triggers) in any language, from a locale key and its
//! arguments.
//!
//! The engine still writes each message as an English sentence (the spec's
//! `message`, `action`, `because`); next to it, it records the locale key
//! and the argument values, and [`message`] renders them in a language. The
//! English template reproduces the English sentence exactly (tested over
//! the gap corpus).
//!
//! Argument convention: a value is inserted as it is (system names, article
//! numbers, counts, field names) unless the placeholder's name says it is a
//! date or an ID to localise:
//!
//! | placeholder        | value                 | rendered as                                   |
//! |--------------------|-----------------------|-----------------------------------------------|
//! | `item`             | catalogue item ID     | `ID (title)`, the title in the language       |
//! | `evidence`         | catalogue item ID     | the item's example evidence in the language   |
//! | `pitfall_todo`     | pitfall ID            | the pitfall's "what to do" in the language    |
//! | `status`           | gap status ID         | the ID in English, `aims.status.<id>` otherwise |
//! | `legal`            | English legal text    | each `gap.legal` part translated              |
//! | name ending `_msg` | a locale key          | that key rendered with the same arguments     |
//! | `review`           | a triage review's English `why` | rendered from `review_key` and the `review.*` arguments like [`crate::triage::Review::why_in`]; as it is when there is no `review_key` |
//! | `date`, `as_of`, `from`, `until`, `*_date` | `YYYY-MM-DD` | [`crate::Date::long`] (as it is in English) |

use std::collections::BTreeMap;

use super::{Lang, date_value, parse_filled, t, table};
use crate::gap::catalogue;

/// Arguments of a message (placeholder name -> value).
pub type Args = BTreeMap<String, String>;

/// Nested `_msg` arguments deeper than this are shown as their key.
const MAX_DEPTH: u8 = 4;

/// `key` rendered in `lang` with `args` (see the module docs for how values
/// are localised). A key missing in every table renders as the key.
///
/// # Example
/// ```
/// use aimskit_core::i18n::{Lang, message, Args};
/// let mut args = Args::new();
/// args.insert("item".into(), "4.3".into());
/// let en = message(Lang::En, "gap.f.clause_not_assessed", &args);
/// assert!(en.starts_with("Clause 4.3 (") && en.ends_with("until assessed."));
/// let de = message(Lang::De, "gap.f.clause_not_assessed", &args);
/// assert!(de.starts_with("Abschnitt 4.3 (") && de.contains("Nichtkonformität"));
/// ```
pub fn message(lang: Lang, key: &str, args: &Args) -> String {
    render(lang, key, args, 0)
}

fn render(lang: Lang, key: &str, args: &Args, depth: u8) -> String {
    let template = t(lang, key);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| c + open) else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        match args.get(name) {
            Some(value) => out.push_str(&value_in(lang, name, value, args, depth)),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn value_in(lang: Lang, name: &str, value: &str, args: &Args, depth: u8) -> String {
    let cat = catalogue();
    match name {
        "item" => match cat.item(value) {
            Some(i) => format!("{} ({})", i.id, i.title.get(lang)),
            None => format!("{value} ()"),
        },
        "evidence" => cat
            .item(value)
            .map(|i| i.good_evidence.get(lang).to_owned())
            .unwrap_or_default(),
        "pitfall_todo" => cat
            .pitfall(value)
            .map(|p| p.what_to_do.get(lang).to_owned())
            .unwrap_or_default(),
        "status" if lang != Lang::En => t(lang, &format!("aims.status.{value}")).to_owned(),
        "legal" if lang != Lang::En => legal(lang, value),
        "review" if lang != Lang::En => match args.get("review_key") {
            Some(key) => review_message(lang, key, &review_args(args)),
            None => value.to_owned(),
        },
        _ if name.ends_with("_msg") && depth < MAX_DEPTH => render(lang, value, args, depth + 1),
        _ => date_value(lang, name, value).unwrap_or_else(|| value.to_owned()),
    }
}

/// The English "Art. 27 for \"A\", 2 more systems, applies from D; ..." in
/// `lang`; a part that does not match `gap.legal` stays as it is.
fn legal(lang: Lang, english: &str) -> String {
    let (Some(template), Some(more)) = (
        table(Lang::En).get("gap.legal"),
        table(Lang::En).get("gap.legal.more"),
    ) else {
        return english.to_owned();
    };
    english
        .split("; ")
        .map(|part| {
            let Some(values) = parse_filled(template, part) else {
                return part.to_owned();
            };
            let mut args = Args::new();
            for (name, value) in values {
                let value = if name == "systems" {
                    value
                        .split(", ")
                        .map(|s| match parse_filled(more, s) {
                            Some(n) if !s.starts_with('"') => {
                                let n: Args = n
                                    .into_iter()
                                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                                    .collect();
                                render(lang, "gap.legal.more", &n, MAX_DEPTH)
                            }
                            _ => s.to_owned(),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                } else {
                    value.to_owned()
                };
                args.insert(name.to_owned(), value);
            }
            render(lang, "gap.legal", &args, MAX_DEPTH)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The arguments of a triage review stored in a message's arguments with
/// the prefix `review.` (see [`review_arg_entries`]), without the prefix.
fn review_args(args: &Args) -> Args {
    args.iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("review.")?.to_owned(), v.clone())))
        .collect()
}

/// A triage review as message arguments: `review` (its English text), and,
/// when it has a locale key, `review_key` and its arguments as `review.*`,
/// so the `review` placeholder renders it in any language.
pub(crate) fn review_arg_entries(review: &crate::triage::Review) -> Vec<(String, String)> {
    let mut out = vec![("review".to_owned(), review.why.clone())];
    if !review.key.is_empty() {
        out.push(("review_key".to_owned(), review.key.clone()));
        out.extend(
            review
                .args
                .iter()
                .map(|(k, v)| (format!("review.{k}"), v.clone())),
        );
    }
    out
}

/// A triage review (see [`crate::triage::Review::why_in`] for the argument
/// convention on top of [`message`]'s).
pub(crate) fn review_message(lang: Lang, key: &str, args: &Args) -> String {
    let mut a = Args::new();
    for (name, value) in args {
        let v = if name.ends_with("_list") && value.is_empty() {
            t(lang, "review.none").to_owned()
        } else if name == "label" && lang != Lang::En {
            match args.get("label_key") {
                Some(k) => t(lang, k).to_owned(),
                None => value.clone(),
            }
        } else if name == "added" || name == "removed" || name == "moved" {
            obligation_list(lang, value)
        } else {
            value.clone()
        };
        a.insert(name.clone(), v);
    }
    if let Some(parts) = args.get("parts") {
        let rendered: Vec<String> = parts
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| render(lang, p, &a, 1))
            .collect();
        a.insert("consequence".to_owned(), rendered.join("; "));
    }
    render(lang, key, &a, 0)
}

/// "Art. 9 (provider), Art. 26 (deployer) and 2 more" with each role and
/// the "more" in `lang`.
fn obligation_list(lang: Lang, english: &str) -> String {
    if lang == Lang::En {
        return english.to_owned();
    }
    let more = english.rsplit_once(" and ").and_then(|(list, rest)| {
        let n = rest.strip_suffix(" more")?;
        n.parse::<usize>().ok().map(|_| (list, n))
    });
    if let Some((list, n)) = more {
        let mut a = Args::new();
        a.insert("list".to_owned(), obligation_list(lang, list));
        a.insert("n".to_owned(), n.to_owned());
        return render(lang, "review.more", &a, MAX_DEPTH);
    }
    english
        .split(", ")
        .map(|item| {
            let Some((article, role)) = item.strip_suffix(')').and_then(|i| i.rsplit_once(" ("))
            else {
                return item.to_owned();
            };
            let key = format!("ui.role.{role}");
            let label = t(lang, &key);
            let label = if lang == Lang::De {
                label.to_owned()
            } else {
                let mut c = label.chars();
                c.next()
                    .map(|f| f.to_lowercase().chain(c).collect())
                    .unwrap_or_default()
            };
            format!("{article} ({label})")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, &str)]) -> Args {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn nested_and_localised_arguments() {
        let a = args(&[
            ("item", "A.5.4"),
            ("state_msg", "gap.state.partly"),
            ("maturity", "2"),
        ]);
        let en = message(Lang::En, "gap.f.control_gap", &a);
        assert!(en.starts_with("Applicable control A.5.4 ("), "{en}");
        assert!(en.ends_with("is only partly in place (maturity 2, 3 needed with evidence)."));
        let de = message(Lang::De, "gap.f.control_gap", &a);
        assert!(
            !de.contains("partly") && de.contains("A.5.4") && de.contains('2'),
            "{de}"
        );
        // A `_msg` that names itself stops at the depth limit.
        let rec = args(&[("why_msg", "gap.r.item")]);
        assert!(message(Lang::En, "gap.r.item", &rec).len() < 10_000);
    }

    #[test]
    fn legal_parts_are_translated() {
        let en = "Art. 27 for \"A, B\", \"C\", 2 more systems, applies from 2027-12-02; Art. 4 for \"D\", applies from 2025-02-02";
        let a = args(&[("legal", en)]);
        assert_eq!(
            message(Lang::En, "gap.r.required", &a),
            format!("Required by {en}.")
        );
        let de = message(Lang::De, "gap.r.required", &a);
        assert!(de.contains("\"A, B\", \"C\", 2 weitere Systeme"), "{de}");
        assert!(
            !de.contains("applies from") && !de.contains(" for "),
            "{de}"
        );
    }
}
