//! Colours and emphasis. Three themes: dark and light use the terminal's own palette (named and
//! 256-colour greys), mono uses only bold, reverse and underline. `NO_COLOR` picks mono unless a
//! theme is asked for by name.

use ratatui::style::{Color, Modifier, Style};

/// A theme by name (the command line's `--theme` is turned into one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    Mono,
}

/// The styles every screen draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Body text.
    pub text: Style,
    /// Secondary text: choice details, hints, the "Question 3" label.
    pub muted: Style,
    /// Headings and the question itself.
    pub heading: Style,
    /// The recommendation and other things the eye should land on first.
    pub accent: Style,
    /// The highlighted row of a list.
    pub selected: Style,
    /// Key names in the footer and the help overlay.
    pub key: Style,
    /// The filled part of gauges and bars.
    pub filled: Style,
    /// The empty part of gauges and bars.
    pub unfilled: Style,
    /// A close call, a notice the user should not miss.
    pub warn: Style,
    /// Points toward the recommendation.
    pub plus: Style,
    /// Points away from it.
    pub minus: Style,
    /// Borders and rules.
    pub border: Style,
}

impl Theme {
    /// The theme to use: the one named, else mono when `NO_COLOR` is set (and not empty), else
    /// light when `COLORFGBG` says the background is light, else dark. Nothing here asks the
    /// terminal a question, so the first frame is never delayed.
    pub fn pick(name: Option<ThemeName>, no_color: bool, colorfgbg: Option<&str>) -> Theme {
        let name = name.unwrap_or(if no_color {
            ThemeName::Mono
        } else if colorfgbg.is_some_and(light_background) {
            ThemeName::Light
        } else {
            ThemeName::Dark
        });
        Theme::named(name)
    }

    /// The styles of a theme, by name.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::colour(
                Color::Cyan,
                Color::Indexed(245),
                Color::Indexed(237),
                Color::Yellow,
            ),
            ThemeName::Light => Theme::colour(
                Color::Blue,
                Color::Indexed(242),
                Color::Indexed(254),
                Color::Indexed(130),
            ),
            ThemeName::Mono => Theme::mono(),
        }
    }

    fn colour(accent: Color, muted: Color, selected_bg: Color, warn: Color) -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            text: Style::new(),
            muted: Style::new().fg(muted),
            heading: Style::new().add_modifier(bold),
            accent: Style::new().fg(accent).add_modifier(bold),
            selected: Style::new().bg(selected_bg),
            key: Style::new().fg(accent).add_modifier(bold),
            filled: Style::new().fg(accent),
            unfilled: Style::new().fg(muted),
            warn: Style::new().fg(warn).add_modifier(bold),
            plus: Style::new().fg(Color::Green),
            minus: Style::new().fg(Color::Red),
            border: Style::new().fg(muted),
        }
    }

    fn mono() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: plain,
            muted: plain,
            heading: bold,
            accent: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: bold,
            filled: plain,
            unfilled: plain,
            warn: bold.add_modifier(Modifier::UNDERLINED),
            plus: plain,
            minus: plain,
            border: plain,
        }
    }
}

/// `COLORFGBG` is "foreground;background" in palette numbers (rxvt, Konsole and others set it);
/// backgrounds 7 and 9 to 15 are light.
fn light_background(value: &str) -> bool {
    value
        .rsplit(';')
        .next()
        .and_then(|bg| bg.parse::<u8>().ok())
        .is_some_and(|bg| bg == 7 || (9..=15).contains(&bg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_mono_unless_a_theme_is_named() {
        assert_eq!(Theme::pick(None, true, None), Theme::named(ThemeName::Mono));
        assert_eq!(
            Theme::pick(Some(ThemeName::Dark), true, None),
            Theme::named(ThemeName::Dark)
        );
    }

    #[test]
    fn mono_uses_no_colour_at_all() {
        let t = Theme::named(ThemeName::Mono);
        for style in [t.text, t.muted, t.accent, t.selected, t.key, t.warn, t.plus] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }

    #[test]
    fn a_light_background_picks_the_light_theme() {
        assert_eq!(
            Theme::pick(None, false, Some("0;15")),
            Theme::named(ThemeName::Light)
        );
        assert_eq!(
            Theme::pick(None, false, Some("15;0")),
            Theme::named(ThemeName::Dark)
        );
        assert_eq!(
            Theme::pick(None, false, Some("garbage")),
            Theme::named(ThemeName::Dark)
        );
    }
}
