//! The alignment rule, fixed before anyone answers and printed with every combined result, so
//! nobody can argue the verdict was tuned to the answers:
//!
//! - **agreed**: everyone's own recommendation is the combined one;
//! - **broadly agreed**: at least three in four people's own recommendation is the combined
//!   one, and nobody is at the opposite end;
//! - **opposite ends**: one person's own result is a CIO and another's a CTO (never agreed,
//!   broadly or not);
//! - **not agreed**: anything else.
//!
//! A person's own recommendation is the set of outcomes their headline names, so a person
//! whose own result is a tie shares the combined recommendation only when it is the same tie,
//! and stands at neither end.

use serde::Serialize;

/// The outcome ids at opposite ends: a group with one of each has not agreed what the hire is
/// for. A tree without both has no opposite ends.
pub const OPPOSITE_ENDS: [&str; 2] = ["cio", "cto"];

/// The share of people (at least) who must hold the combined recommendation for it to be
/// broadly agreed, as a fraction: three in four.
pub const BROADLY: (usize, usize) = (3, 4);

/// The verdict of the alignment rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Agreed,
    BroadlyAgreed,
    NotAgreed,
    OppositeEnds,
}

impl Agreement {
    /// Whether the group may be told "hire X": agreed, or broadly agreed.
    pub fn is_agreed(self) -> bool {
        matches!(self, Agreement::Agreed | Agreement::BroadlyAgreed)
    }
}

/// Where a group stands against its combined recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    pub agreement: Agreement,
    /// The people (by index) whose own recommendation is the combined one.
    pub sharing: Vec<usize>,
    /// How many people there are.
    pub people: usize,
    /// When people stand at opposite ends: the first at each end, as (person, person), in the
    /// order of [`OPPOSITE_ENDS`].
    pub opposite: Option<(usize, usize)>,
    /// The people whose own result is a tie.
    pub tied: Vec<usize>,
}

/// Applies the rule. `own` is each person's own recommendation (the outcomes their headline
/// names, in declaration order), `combined` the group's; `ends` the outcome indices at the
/// opposite ends, when the tree has both.
pub fn align(own: &[Vec<usize>], combined: &[usize], ends: Option<(usize, usize)>) -> Alignment {
    let sharing: Vec<usize> = (0..own.len()).filter(|&p| own[p] == combined).collect();
    let tied: Vec<usize> = (0..own.len()).filter(|&p| own[p].len() > 1).collect();
    let at = |end: usize| (0..own.len()).find(|&p| own[p] == [end]);
    let opposite = ends.and_then(|(a, b)| Some((at(a)?, at(b)?)));
    let people = own.len();
    let agreement = if opposite.is_some() {
        Agreement::OppositeEnds
    } else if people > 0 && sharing.len() == people {
        Agreement::Agreed
    } else if people > 0 && sharing.len() * BROADLY.1 >= people * BROADLY.0 {
        Agreement::BroadlyAgreed
    } else {
        Agreement::NotAgreed
    };
    Alignment {
        agreement,
        sharing,
        people,
        opposite,
        tied,
    }
}

/// The rule in four sentences, as every combined result prints it.
pub fn rule_in_words() -> &'static str {
    "Each person's own recommendation is worked out from their answers alone, and the combined \
     scores are the average of everyone's scores, one equal voice each. Agreed means everyone's \
     own recommendation is the combined one; broadly agreed means at least three in four share \
     it and nobody is at the opposite end. One person's result being a CIO and another's a CTO \
     is opposite ends, which is never agreed. Anything else is not agreed; a person whose own \
     result is a tie shares only the same tie."
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const CIO: usize = 0;
    const CTO: usize = 1;
    const BOTH: usize = 2;
    const COMBINED: usize = 3;
    const ENDS: Option<(usize, usize)> = Some((CIO, CTO));

    fn agreement(own: &[&[usize]], combined: &[usize]) -> Agreement {
        let own: Vec<Vec<usize>> = own.iter().map(|o| o.to_vec()).collect();
        align(&own, combined, ENDS).agreement
    }

    #[test]
    fn the_rules_cases_one_by_one() {
        use Agreement::*;
        assert_eq!(agreement(&[&[CTO], &[CTO], &[CTO]], &[CTO]), Agreed);
        assert_eq!(
            agreement(&[&[CTO], &[CTO], &[CTO], &[COMBINED]], &[CTO]),
            BroadlyAgreed
        );
        // Two in three is under three in four.
        assert_eq!(agreement(&[&[CTO], &[CTO], &[COMBINED]], &[CTO]), NotAgreed);
        // Three in four, but one at the other end.
        assert_eq!(
            agreement(&[&[CIO], &[CIO], &[CIO], &[CTO]], &[CIO]),
            OppositeEnds
        );
        // The worked example: a CTO, a CIO and one combined leader.
        assert_eq!(
            agreement(&[&[CTO], &[CIO], &[COMBINED]], &[COMBINED]),
            OppositeEnds
        );
        // A tie shares only the same tie, and stands at neither end.
        assert_eq!(agreement(&[&[CIO, CTO], &[CIO, CTO]], &[CIO, CTO]), Agreed);
        assert_eq!(agreement(&[&[CIO, CTO], &[CTO]], &[CTO]), NotAgreed);
        assert_eq!(
            agreement(&[&[CIO, CTO], &[CTO], &[CTO], &[CTO]], &[CTO]),
            BroadlyAgreed
        );
        // No opposite ends in a tree without both.
        let own = vec![vec![CIO], vec![CTO]];
        assert_eq!(align(&own, &[BOTH], None).agreement, NotAgreed);
        assert_eq!(align(&[], &[BOTH], ENDS).agreement, NotAgreed);
    }

    /// A person's own recommendation: one outcome, or a tie of two or more.
    fn recommendation() -> impl Strategy<Value = Vec<usize>> {
        prop::collection::btree_set(0usize..4, 1..=3).prop_map(|s| s.into_iter().collect())
    }

    proptest! {
        /// Agreed exactly when everyone holds the combined recommendation.
        #[test]
        fn agreed_when_and_only_when_everyone_shares_it(
            own in prop::collection::vec(recommendation(), 1..12),
            combined in recommendation(),
        ) {
            let a = align(&own, &combined, ENDS);
            let everyone = own.iter().all(|o| *o == combined);
            prop_assert_eq!(a.agreement == Agreement::Agreed, everyone);
        }

        /// Everyone holding the same recommendation is agreed, whatever it is, ties included.
        #[test]
        fn the_same_answer_from_everyone_is_agreed(
            one in recommendation(),
            people in 1usize..12,
        ) {
            let own = vec![one.clone(); people];
            prop_assert_eq!(align(&own, &one, ENDS).agreement, Agreement::Agreed);
        }

        /// Broadly agreed: at least three in four share it, not all, and nobody at an end
        /// opposite another.
        #[test]
        fn broadly_agreed_is_three_in_four_and_no_opposite_ends(
            own in prop::collection::vec(recommendation(), 1..12),
            combined in recommendation(),
        ) {
            let a = align(&own, &combined, ENDS);
            let sharing = own.iter().filter(|o| **o == combined).count();
            let opposite = own.iter().any(|o| *o == [CIO]) && own.iter().any(|o| *o == [CTO]);
            let broadly = !opposite && sharing < own.len() && 4 * sharing >= 3 * own.len();
            prop_assert_eq!(a.agreement == Agreement::BroadlyAgreed, broadly);
            prop_assert_eq!(a.sharing.len(), sharing);
        }

        /// Opposite ends exactly when one person's own result is a CIO alone and another's a
        /// CTO alone; it overrides every share, and a tie is at neither end.
        #[test]
        fn opposite_ends_when_a_cio_and_a_cto_meet(
            mut own in prop::collection::vec(recommendation(), 0..10),
            combined in recommendation(),
            cio_at in any::<prop::sample::Index>(),
            cto_at in any::<prop::sample::Index>(),
        ) {
            let before = align(&own, &combined, ENDS);
            let opposite = own.iter().any(|o| *o == [CIO]) && own.iter().any(|o| *o == [CTO]);
            prop_assert_eq!(before.agreement == Agreement::OppositeEnds, opposite);
            // Add one of each anywhere: always opposite ends, never agreed.
            own.insert(cio_at.index(own.len() + 1), vec![CIO]);
            own.insert(cto_at.index(own.len() + 1), vec![CTO]);
            let after = align(&own, &combined, ENDS);
            prop_assert_eq!(after.agreement, Agreement::OppositeEnds);
            prop_assert!(!after.agreement.is_agreed());
            let (a, b) = after.opposite.expect("the people at each end");
            prop_assert_eq!(&own[a], &vec![CIO]);
            prop_assert_eq!(&own[b], &vec![CTO]);
            // The same people with no ends in the tree never are.
            prop_assert_ne!(align(&own, &combined, None).agreement, Agreement::OppositeEnds);
        }

        /// Ties: a tied person shares only the identical tie and is listed as tied.
        #[test]
        fn a_tied_person_shares_only_the_same_tie(
            own in prop::collection::vec(recommendation(), 1..12),
            combined in recommendation(),
        ) {
            let a = align(&own, &combined, ENDS);
            for (p, o) in own.iter().enumerate() {
                prop_assert_eq!(a.tied.contains(&p), o.len() > 1);
                prop_assert_eq!(a.sharing.contains(&p), *o == combined);
            }
        }

        /// Not agreed is what is left: under three in four, or not all and no ends.
        #[test]
        fn not_agreed_is_everything_else(
            own in prop::collection::vec(recommendation(), 1..12),
            combined in recommendation(),
        ) {
            let a = align(&own, &combined, ENDS);
            let sharing = own.iter().filter(|o| **o == combined).count();
            if a.agreement == Agreement::NotAgreed {
                prop_assert!(4 * sharing < 3 * own.len());
                prop_assert!(a.opposite.is_none());
            }
        }
    }
}
