//! Finished interviews on the built-in tree, shared by the renderers' tests.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::interview::Interview;
use crate::outcome::Recommendation;
use crate::tree::{EMBEDDED, EMBEDDED_NAME, Tree, load_str};

/// A finished interview and its result.
pub struct Finished {
    pub tree: Arc<Tree>,
    pub interview: Interview,
    pub recommendation: Recommendation,
}

pub fn tree() -> Arc<Tree> {
    match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("the built-in tree must load:\n{}", report.render()),
    }
}

/// Answers the built-in tree with (question id, choice id) pairs.
pub fn finish(answers: &[(&str, &str)]) -> Finished {
    let tree = tree();
    let mut interview = Interview::new(Arc::clone(&tree));
    for (question, choice) in answers {
        let current = interview.current().map(|q| tree.question(q).id.clone());
        assert_eq!(current.as_deref(), Some(*question), "asked next");
        if let Err(e) = interview.answer_id(choice) {
            panic!("{question} = {choice}: {e}");
        }
    }
    let Some(recommendation) = interview.result() else {
        panic!("the answers must finish the interview");
    };
    Finished {
        tree,
        interview,
        recommendation,
    }
}

/// `tests/answers/cio.toml`: a family-owned manufacturer modernising its core systems.
pub const CIO: &[(&str, &str)] = &[
    ("looking_for", "run_core"),
    ("focus", "internal"),
    ("value_line", "bottom_line"),
    ("business", "b2b_behind"),
    ("internal_estate", "moderate"),
    ("size", "midsize"),
    ("ownership", "private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "new_leader"),
];

/// `tests/answers/both.toml`: a listed software group with large estates inside and out.
pub const BOTH: &[(&str, &str)] = &[
    ("looking_for", "enable_scale"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "tech_product"),
    ("product_team", "inhouse_large"),
    ("internal_estate", "large"),
    ("size", "over_5b"),
    ("ownership", "public"),
    ("existing_leaders", "none_open"),
    ("security_owner", "product_security"),
];

/// `tests/answers/combined.toml`: a consumer brand wanting one leader across stores, systems
/// and digital.
pub const COMBINED: &[(&str, &str)] = &[
    ("looking_for", "transform_internal"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "consumer_digital"),
    ("product_team", "agencies"),
    ("internal_estate", "moderate"),
    ("size", "midsize"),
    ("ownership", "private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "new_leader"),
];

/// A tie between a CTO and one leader for both roles: a consumer app start-up that needs to
/// scale, its security reporting elsewhere.
pub const CLOSE_CALL: &[(&str, &str)] = &[
    ("looking_for", "enable_scale"),
    ("focus", "external"),
    ("value_line", "top_line"),
    ("business", "consumer_digital"),
    ("product_team", "inhouse_small"),
    ("internal_estate", "light"),
    ("size", "startup"),
    ("existing_leaders", "none_open"),
    ("security_owner", "separate"),
];

/// CIO by a single point: a close call, and changing the business to a technology company
/// would open `product_team`, which these answers never reached.
pub const NARROW_CIO: &[(&str, &str)] = &[
    ("looking_for", "market_products"),
    ("focus", "internal"),
    ("value_line", "top_line"),
    ("business", "b2b_behind"),
    ("internal_estate", "moderate"),
    ("size", "midsize"),
    ("ownership", "private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "lead_reports_in"),
];

/// The longest path, as in `tests/answers/longest.toml`: thirteen answers, one "not sure",
/// ending in a tie between adding a CTO beside the CIO and widening the CIO's remit.
pub const LONGEST: &[(&str, &str)] = &[
    ("looking_for", "transform_internal"),
    ("focus", "not_sure"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "consumer_digital"),
    ("product_team", "agencies"),
    ("internal_estate", "large"),
    ("size", "upper_midsize"),
    ("ownership", "listing"),
    ("existing_leaders", "cio_in_place"),
    ("incumbent", "stays"),
    ("reporting", "peers"),
    ("security_owner", "lead_reports_in"),
];

pub fn no_notes() -> BTreeMap<String, String> {
    BTreeMap::new()
}
