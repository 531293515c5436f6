//! Placing problems in the file: turning a validation path (say, `questions[3].choices[1].next`)
//! into the byte range it points at in the file's parse tree.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::tree::validate::Seg;

/// Finds the byte range a validation path points at. A path's first index counts the items
/// that were read; `rows` maps it back to the item's place in the file.
pub(super) fn locate(root: &DeTable<'_>, rows: &Rows, path: &[Seg]) -> Option<Range<usize>> {
    let mut current: Option<&Spanned<DeValue<'_>>> = None;
    for (depth, seg) in path.iter().enumerate() {
        let table = match current {
            None => Some(root),
            Some(v) => v.get_ref().as_table(),
        };
        match seg {
            Seg::Key(k) => current = Some(table?.get(*k)?),
            Seg::Value(k) => {
                let key = table?
                    .keys()
                    .find(|key| key.get_ref().as_ref() == k.as_str())?;
                current = Some(table?.get(key.get_ref().as_ref())?);
            }
            Seg::KeyName(k) => {
                return table?
                    .keys()
                    .find(|key| key.get_ref().as_ref() == k.as_str())
                    .map(Spanned::span);
            }
            Seg::Index(i) => {
                let row = match (depth, path.first()) {
                    (1, Some(Seg::Key(top))) => rows.row(top, *i),
                    _ => *i,
                };
                current = Some(current?.get_ref().as_array()?.get(row)?);
            }
        }
    }
    current.map(Spanned::span)
}

/// For each top-level array, the file position of every item that was read.
#[derive(Default)]
pub(super) struct Rows {
    pub sources: Vec<usize>,
    pub outcomes: Vec<usize>,
    pub questions: Vec<usize>,
    pub rules: Vec<usize>,
    pub examples: Vec<usize>,
}

impl Rows {
    fn row(&self, key: &str, index: usize) -> usize {
        let rows = match key {
            "sources" => &self.sources,
            "outcomes" => &self.outcomes,
            "rules" => &self.rules,
            "examples" => &self.examples,
            _ => &self.questions,
        };
        rows.get(index).copied().unwrap_or(index)
    }
}
