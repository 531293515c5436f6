//! The `?` overlay's plan: every key, per screen, generated from the key table.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::scroll_box::{self, BoxPlan};
use crate::tui::action::Action;
use crate::tui::keys::{Binding, Context, MOUSE_HELP, bindings, everywhere};
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap_indented};

/// The sections of the list: the rows first bound on one screen each, then the rows that
/// work on every screen. The section for the screen the list was opened on comes first (and
/// on a workshop's screens, the workshop's sections before the interview's).
const SECTIONS: [(&str, Option<Context>); 9] = [
    ("On a question", Some(Context::Question)),
    ("Checking your answers", Some(Context::Review)),
    ("The recommendation", Some(Context::Result)),
    ("Writing a note", Some(Context::Note)),
    ("Starting", Some(Context::StartField)),
    ("The workshop's result", Some(Context::Combined)),
    ("Comparing answers", Some(Context::Compare)),
    (
        "A question in detail, or the panel",
        Some(Context::CompareText),
    ),
    ("Anywhere", None),
];

fn in_section(binding: &Binding, section: Option<Context>) -> bool {
    match section {
        _ if everywhere(binding) => section.is_none(),
        Some(context) => binding.contexts.first() == Some(&context),
        None => false,
    }
}

/// The list of keys over `screen`, the section for `here` (the screen under the list) first;
/// without `e` when writing the report is not offered (`reports` false).
pub fn plan(theme: &Theme, screen: Rect, here: Context, reports: bool) -> BoxPlan {
    scroll_box::plan(screen, |width| lines(theme, here, reports, width))
}

fn lines(theme: &Theme, here: Context, reports: bool, width: usize) -> Vec<Line<'static>> {
    let mut sections = SECTIONS.to_vec();
    // On a workshop's screens the interview's keys come last: the workshop's first.
    let workshop = |c: Option<Context>| {
        matches!(
            c,
            None | Some(Context::Combined | Context::Compare | Context::CompareText)
        )
    };
    sections.sort_by_key(|&(_, context)| {
        (
            context != Some(here),
            workshop(Some(here)) && !workshop(context),
        )
    });
    let mut rows: Vec<(&str, Vec<(&str, &str)>)> = sections
        .iter()
        .map(|&(title, section)| {
            let keys = bindings()
                .filter(|b| in_section(b, section))
                .filter(|b| reports || b.action != Action::Export)
                .filter_map(|b| b.help)
                .collect();
            (title, keys)
        })
        .collect();
    rows.push(("Mouse", MOUSE_HELP.to_vec()));
    let key_width = rows
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|(k, _)| wrap::width(k)))
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = Vec::new();
    for (title, keys) in rows {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(title, theme.heading)));
        for (key, does) in keys {
            let pad = key_width - wrap::width(key);
            out.extend(wrap_indented(
                Span::styled(format!("{key}{}", " ".repeat(pad)), theme.key),
                &[Span::styled(does, theme.text)],
                width,
            ));
        }
    }
    out
}
