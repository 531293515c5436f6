//! The editor as a person uses it: typing, moving, deleting and wrapping, in several scripts.
use super::*;

fn note(text: &str) -> Editor {
    Editor::new(text, true, 1000)
}

/// The rows as text, for reading in assertions.
fn shown(editor: &Editor, width: usize) -> Vec<&str> {
    editor
        .rows(width)
        .iter()
        .map(|r| &editor.text()[r.start..r.end])
        .collect()
}

#[test]
fn typing_inserts_at_the_cursor_and_the_cursor_follows() {
    let mut e = note("");
    e.insert("board");
    e.home();
    e.insert("the ");
    assert_eq!(e.text(), "the board");
    assert_eq!(e.cursor(), 4);
    e.end();
    e.insert(" wants AI");
    assert_eq!(e.text(), "the board wants AI");
}

#[test]
fn left_right_and_deletes_step_over_whole_graphemes() {
    // e + combining acute, a thumb with a skin tone, a flag, a CJK character.
    let mut e = note("e\u{301}👍🏽🇯🇵日");
    e.left();
    e.left();
    assert_eq!(&e.text()[e.cursor()..], "🇯🇵日");
    e.delete_back();
    assert_eq!(e.text(), "e\u{301}🇯🇵日");
    e.delete_forward();
    assert_eq!(e.text(), "e\u{301}日");
    e.left();
    assert_eq!(e.cursor(), 0);
    e.left();
    assert_eq!(e.cursor(), 0, "nothing before the start");
    e.right();
    assert_eq!(e.cursor(), "e\u{301}".len());
    e.delete_back();
    assert_eq!(e.text(), "日");
}

#[test]
fn a_flag_typed_in_two_halves_leaves_the_cursor_after_it() {
    let mut e = note("🇵");
    e.home();
    e.insert("🇯");
    assert_eq!(
        e.cursor(),
        e.text().len(),
        "the cursor is not inside the flag"
    );
    e.delete_back();
    assert_eq!(e.text(), "");
}

#[test]
fn rows_wrap_at_spaces_by_display_width() {
    let e = note("Board wants an AI plan by Q3");
    assert_eq!(shown(&e, 12), ["Board wants ", "an AI plan ", "by Q3"]);
    // Two columns per character: five to a ten-column row, broken inside the "word".
    let cjk = note("技術責任者を採用する");
    assert_eq!(shown(&cjk, 10), ["技術責任者", "を採用する"]);
    assert_eq!(shown(&cjk, 9), ["技術責任", "者を採用", "する"]);
    // A wide character never goes past a one-column row.
    assert_eq!(shown(&note("日本"), 1), ["日", "本"]);
}

#[test]
fn newlines_make_rows_and_an_empty_text_has_one() {
    assert_eq!(shown(&note("one\n\ntwo\n"), 20), ["one", "", "two", ""]);
    assert_eq!(shown(&note(""), 20), [""]);
}

#[test]
fn the_cursor_sits_at_the_start_of_a_wrapped_row_and_the_end_of_an_ended_one() {
    let mut e = note("abc def\nxy");
    assert_eq!(e.cursor_at(5), (2, 2));
    e.home();
    assert_eq!(e.cursor_at(5), (2, 0));
    e.left();
    assert_eq!(e.cursor_at(5), (1, 3), "after `def`, before the newline");
    e.home();
    assert_eq!(e.cursor_at(5), (0, 0));
    for _ in 0..4 {
        e.right();
    }
    assert_eq!(e.cursor_at(5), (1, 0), "after the space the row wraps");
}

#[test]
fn up_and_down_move_between_rows_keeping_the_column() {
    let mut e = note("a long first line\nab\nanother long line");
    e.down(40);
    assert_eq!(e.cursor(), e.text().len(), "from the last row, to the end");
    e.up(40);
    assert_eq!(
        e.cursor_at(40),
        (1, 2),
        "a short row takes the cursor to its end"
    );
    e.up(40);
    assert_eq!(e.cursor_at(40), (0, 17));
    e.down(40);
    e.down(40);
    assert_eq!(
        e.cursor_at(40),
        (2, 17),
        "the column is kept across a short row"
    );
    e.up(40);
    e.up(40);
    e.up(40);
    assert_eq!(e.cursor(), 0, "from the top row, to the start");
}

#[test]
fn down_onto_a_wrapped_row_stays_on_it() {
    // Rows at width 6: "one ", "two ", "three". Column 5 on "one " is past its end.
    let mut e = note("one two three");
    assert_eq!(e.cursor_at(6), (2, 5));
    e.up(6);
    assert_eq!(e.cursor_at(6), (1, 3), "before the wrap, still on row 1");
    e.up(6);
    assert_eq!(e.cursor_at(6), (0, 3));
}

#[test]
fn up_and_down_land_between_wide_characters_not_inside_them() {
    let mut e = note("日本語\nabcdef");
    assert_eq!(e.cursor_at(20), (1, 6));
    e.left();
    e.left();
    e.left(); // column 3
    e.up(20);
    assert_eq!(
        e.cursor_at(20),
        (0, 2),
        "column 3 is inside 本: stop before it"
    );
}

#[test]
fn pasted_text_is_cleaned_and_line_endings_kept_as_newlines() {
    let mut e = note("");
    e.insert("one\r\ntwo\rthree\x1b]52;c;cGF3bmVk\x07\u{202e}\tend");
    assert_eq!(e.text(), "one\ntwo\nthree␛]52;c;cGF3bmVk␇\u{fffd} end");
    assert!(!e.text().chars().any(|c| c.is_control() && c != '\n'));
    let mut name = Editor::new("", false, 100);
    name.insert("Acme\nLtd\r\n");
    assert_eq!(name.text(), "Acme Ltd ");
    assert!(name.newline());
    assert_eq!(name.text(), "Acme Ltd  ", "one line: Enter is a space here");
}

#[test]
fn text_past_the_limit_is_cut_at_a_grapheme() {
    let mut e = Editor::new("", true, 10);
    assert!(!e.insert("abc日本語"), "cut");
    assert_eq!(e.text(), "abc日本", "9 bytes; 語 would make 12");
    assert!(!e.insert("x🇯🇵"));
    assert_eq!(e.text(), "abc日本x");
    assert!(e.insert(""));
}

#[test]
fn a_one_line_field_scrolls_to_keep_the_cursor_in_view() {
    let mut name = Editor::new("Acme Holdings International", false, 100);
    let (shown, column) = name.window(10);
    assert_eq!((shown, column), ("rnational", 9));
    name.home();
    assert_eq!(name.window(10), ("Acme Holdi", 0));
    let wide = Editor::new("株式会社テスト", false, 100);
    let (shown, column) = wide.window(7);
    assert_eq!((shown, column), ("テスト", 6));
    assert_eq!(Editor::new("", false, 10).window(5), ("", 0));
}

/// One thing a person does in the note editor.
#[derive(Debug, Clone)]
enum Edit {
    Type(String),
    Back,
    Forward,
    Left(usize),
    Right(usize),
    Up,
    Down,
}

fn edit() -> impl proptest::strategy::Strategy<Value = Edit> {
    use proptest::prelude::*;
    // Words, spaces, newlines, wide and combining characters, flags, and one long word.
    let piece = prop_oneof![
        Just("a ".to_string()),
        Just("board ".to_string()),
        Just("x".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("日本".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{301}".to_string()),
        Just("🇯🇵".to_string()),
        Just("👨‍👩‍👧 ".to_string()),
        Just("unbreakablewordlongerthanarow".to_string()),
    ];
    prop_oneof![
        4 => proptest::collection::vec(piece, 1..4).prop_map(|p| Edit::Type(p.concat())),
        1 => Just(Edit::Back),
        1 => Just(Edit::Forward),
        1 => (1..20usize).prop_map(Edit::Left),
        1 => (1..20usize).prop_map(Edit::Right),
        1 => Just(Edit::Up),
        1 => Just(Edit::Down),
    ]
}

proptest::proptest! {
    /// The rows kept from key to key are always those of laying the whole text out afresh,
    /// whatever is typed or deleted wherever the cursor is.
    #[test]
    fn rows_kept_between_keys_are_those_laid_out_afresh(
        width in 1..24usize,
        edits in proptest::collection::vec(edit(), 1..80),
    ) {
        let mut e = note("");
        e.rows(width);
        for edit in edits {
            match edit {
                Edit::Type(text) => { e.insert(&text); }
                Edit::Back => e.delete_back(),
                Edit::Forward => e.delete_forward(),
                Edit::Left(n) => (0..n).for_each(|_| e.left()),
                Edit::Right(n) => (0..n).for_each(|_| e.right()),
                Edit::Up => e.up(width),
                Edit::Down => e.down(width),
            }
            let fresh = Editor::new(e.text(), true, 1000);
            proptest::prop_assert_eq!(e.rows(width), fresh.rows(width), "{:?}", e.text());
        }
    }
}
