//! "Did you mean" hints for references that name nothing: the closest declared id of the
//! right kind by edit distance (`strsim`), within a work budget so that a file of 100,000 broken
//! references still validates promptly, or else a few declared ids listed.

use std::collections::HashSet;

use super::Ids;

/// The kinds of id a reference can name.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Source,
    Outcome,
    Question,
}

/// Largest number of edit-distance cells spent on "did you mean" hints for one file: plenty for
/// any real tree, and a bound on the work a file of 100,000 broken references can cause.
const SUGGEST_BUDGET: usize = 20_000_000;

/// "Did you mean" hints: the closest declared id of the right kind, or a few of them listed.
pub(super) struct Suggest<'a, 'm> {
    /// Ids of each kind: those read, and those of items that failed to read.
    declared: [(&'m Ids<'a>, &'a HashSet<String>); 3],
    /// Declared ids of each kind, sorted when first needed (a clean tree never needs them).
    sorted: [Option<Vec<&'a str>>; 3],
    budget: usize,
}

impl<'a, 'm> Suggest<'a, 'm> {
    pub(super) fn new(declared: [(&'m Ids<'a>, &'a HashSet<String>); 3]) -> Self {
        Suggest {
            declared,
            sorted: [None, None, None],
            budget: SUGGEST_BUDGET,
        }
    }

    fn sorted(&mut self, kind: Kind) -> &[&'a str] {
        let (read, unread) = self.declared[kind as usize];
        self.sorted[kind as usize].get_or_insert_with(|| {
            let mut v: Vec<&'a str> = read.keys().copied().collect();
            v.extend(unread.iter().map(String::as_str));
            v.sort_unstable();
            v.dedup();
            v
        })
    }

    /// The declared id closest to `wrong`, when one is close enough to be a typo.
    pub(super) fn closest(&mut self, kind: Kind, wrong: &str) -> Option<&'a str> {
        let wrong_len = wrong.chars().count();
        let mut best: Option<(usize, &'a str)> = None;
        let mut budget = self.budget;
        self.sorted(kind);
        let candidates = self.sorted[kind as usize].as_deref().unwrap_or_default();
        for &k in candidates {
            let k_len = k.chars().count();
            let limit = 2.max(k_len / 3);
            if wrong_len.abs_diff(k_len) > limit {
                continue;
            }
            let cost = (wrong_len + 1) * (k_len + 1);
            if cost > budget {
                break;
            }
            budget -= cost;
            let d = strsim::levenshtein(wrong, k);
            if d <= limit && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, k));
            }
        }
        self.budget = budget;
        best.map(|(_, k)| k)
    }

    /// A hint naming the closest declared id, or listing a few.
    pub(super) fn hint(&mut self, kind: Kind, wrong: &str) -> String {
        let what = match kind {
            Kind::Source => "source",
            Kind::Outcome => "outcome",
            Kind::Question => "question",
        };
        if let Some(k) = self.closest(kind, wrong) {
            return format!("did you mean `{k}`?");
        }
        let known = self.sorted(kind);
        if known.is_empty() {
            return format!("declare the {what} first");
        }
        let shown: Vec<String> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
        let more = if known.len() > 8 { ", …" } else { "" };
        format!("declared {what}s: {}{more}", shown.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_closest_id_or_list_some() {
        let questions = Ids::from_iter([("company_size", 0), ("vendors", 1)]);
        let (none, unread) = (
            Ids::default(),
            HashSet::from(["security_owner".to_string()]),
        );
        let mut suggest = Suggest::new([(&none, &unread), (&none, &unread), (&questions, &unread)]);
        assert_eq!(
            suggest.hint(Kind::Question, "company_sise"),
            "did you mean `company_size`?"
        );
        // Ids of items that failed to read count too.
        assert_eq!(
            suggest.closest(Kind::Question, "security_ownr"),
            Some("security_owner")
        );
        assert_eq!(
            suggest.hint(Kind::Question, "budget"),
            "declared questions: `company_size`, `security_owner`, `vendors`"
        );
    }

    #[test]
    fn past_the_budget_hints_stop_searching_and_list_instead() {
        let questions = Ids::from_iter([("company_size", 0)]);
        let unread = HashSet::new();
        let mut suggest = Suggest::new([
            (&questions, &unread),
            (&questions, &unread),
            (&questions, &unread),
        ]);
        suggest.budget = 10;
        assert_eq!(suggest.closest(Kind::Question, "company_sise"), None);
        assert_eq!(
            suggest.hint(Kind::Question, "company_sise"),
            "declared questions: `company_size`"
        );
    }
}
