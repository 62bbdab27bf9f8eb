//! Localising texts the engine produced in English from a template (rule
//! reasons, obligation titles): the English template is the locale key's
//! English text, the placeholder values are recovered from the English
//! result and put into the translated template.
//!
//! Nothing here decides anything: if the English text no longer matches the
//! template (the rule data changed and the locale did not), the English text
//! is returned unchanged, so a front end never shows a wrong translation.

use super::{Lang, date_value, t, table};

/// The `{name}` values of `template` recovered from `filled`, or `None` if
/// `filled` is not an instance of `template`.
///
/// # Example
/// ```
/// use aimskit_core::i18n::parse_filled;
/// let v = parse_filled("As {role} of {x}.", "As importer of it.").unwrap();
/// assert_eq!(v, vec![("role", "importer"), ("x", "it")]);
/// assert_eq!(parse_filled("As {role}.", "Not it."), None);
/// ```
pub fn parse_filled<'t, 'f>(template: &'t str, filled: &'f str) -> Option<Vec<(&'t str, &'f str)>> {
    // Split into literal, name, literal, name, ..., literal.
    let mut literals = Vec::new();
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}')? + open;
        literals.push(&rest[..open]);
        names.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    literals.push(rest);
    let mut text = filled.strip_prefix(literals[0])?;
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let next = literals[i + 1];
        let is_last = i + 1 == names.len();
        let end = if is_last {
            text.len().checked_sub(next.len())?
        } else if next.is_empty() {
            return None; // two adjacent placeholders are ambiguous
        } else {
            text.find(next)?
        };
        let value = text.get(..end)?;
        out.push((*name, value));
        text = text.get(end..)?;
        text = text.strip_prefix(next)?;
    }
    text.is_empty().then_some(out)
}

/// A placeholder value in `lang`: role IDs and role lists become role
/// names; values that are the English text of an `arg.*` key are
/// translated; anything else (dates, IDs, citations) is kept.
fn localize_value(lang: Lang, value: &str) -> String {
    let role = |v: &str| {
        let key = format!("ui.role.{}", v.trim().replace(' ', "_"));
        table(Lang::En).contains_key(&key).then(|| {
            let name = t(lang, &key);
            match lang {
                // Role names are common nouns inside French and Italian sentences.
                Lang::Fr | Lang::It => lowercase_first(name),
                Lang::En | Lang::De => name.to_owned(),
            }
        })
    };
    if let Some(r) = role(value) {
        return r;
    }
    let parts: Vec<&str> = value.split(", ").collect();
    if parts.len() > 1 {
        let roles: Option<Vec<String>> = parts.iter().map(|p| role(p)).collect();
        if let Some(roles) = roles {
            return roles.join(", ");
        }
    }
    if let Some((k, _)) = table(Lang::En)
        .iter()
        .find(|(k, v)| k.starts_with("arg.") && *v == value)
    {
        return t(lang, k).to_owned();
    }
    // A vocabulary label (e.g. an Annex III point) becomes its `opt.*` label.
    crate::triage::vocabulary()
        .into_iter()
        .find(|e| e.label == value)
        .map(|e| t(lang, &format!("opt.{}.{}", e.field, e.id)).to_owned())
        .unwrap_or_else(|| value.to_owned())
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `english` (a text the engine built from the English text of `key`) in
/// `lang`; the English text itself when `lang` has no translation or
/// `english` does not match the template.
///
/// # Example
/// ```
/// use aimskit_core::i18n::{Lang, localize};
/// let fr = localize(Lang::Fr, "rule.roles.effective", "Your effective roles for this system: provider, deployer.");
/// assert_eq!(fr, "Vos rôles effectifs pour ce système: fournisseur, déployeur.");
/// assert_eq!(localize(Lang::Fr, "rule.roles.effective", "changed text"), "changed text");
/// ```
pub fn localize(lang: Lang, key: &str, english: &str) -> String {
    let (Some(template), Some(target)) = (table(Lang::En).get(key), table(lang).get(key)) else {
        return english.to_owned();
    };
    if lang == Lang::En {
        return english.to_owned();
    }
    match parse_filled(template, english) {
        Some(values) => {
            let mut out = target.to_owned();
            for (name, value) in values {
                let value =
                    date_value(lang, name, value).unwrap_or_else(|| localize_value(lang, value));
                out = out.replace(&format!("{{{name}}}"), &value);
            }
            out
        }
        None => english.to_owned(),
    }
}

/// The reason of one trace step in `lang` (`rule.<id>` in the locale tables).
pub fn reason(lang: Lang, step: &crate::triage::TraceStep) -> String {
    localize(lang, &format!("rule.{}", step.rule), &step.because)
}

/// The title of one obligation in `lang` (`obl.<id>` in the locale tables).
pub fn obligation_title(lang: Lang, obligation: &crate::triage::Obligation) -> String {
    localize(lang, &format!("obl.{}", obligation.id), &obligation.title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_recovered_and_translated() {
        assert_eq!(
            parse_filled("{citation}: {label}.", "Annex III 4(a): Recruitment."),
            Some(vec![
                ("citation", "Annex III 4(a)"),
                ("label", "Recruitment")
            ])
        );
        assert_eq!(parse_filled("{a}{b}", "xy"), None);
        assert_eq!(parse_filled("a {x} b", "a 1 c"), None);
        assert_eq!(
            localize_value(Lang::De, "authorised representative"),
            "Bevollmächtigter"
        );
        assert_eq!(
            localize_value(Lang::It, "provider, deployer"),
            "fornitore, deployer"
        );
        assert_eq!(localize_value(Lang::Fr, "2027-12-02"), "2027-12-02");
        let v = crate::triage::vocabulary();
        let e = v.iter().find(|e| e.field == "annex_iii").unwrap();
        let key = format!("opt.annex_iii.{}", e.id);
        assert_eq!(localize_value(Lang::It, &e.label), t(Lang::It, &key));
        assert_eq!(
            localize_value(Lang::Fr, "a body governed by public law"),
            "un organisme de droit public"
        );
    }
}
