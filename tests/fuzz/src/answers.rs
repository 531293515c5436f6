//! The answers-file target: read any text as an answers file and apply it to the shipped tree;
//! a file that fails gets readable problems naming it, and one that applies finishes the
//! interview with a recommendation that checks out.

use techhire::answers::{Problems, parse};

use crate::check::terminal_safe;

const FILE: &str = "fuzz-answers.toml";

fn readable(problems: &Problems) {
    assert!(problems.errors() > 0, "refused answers must say why");
    let rendered = problems.render();
    assert!(
        rendered.contains(FILE),
        "problems must name the file: {rendered}"
    );
    terminal_safe("the problems", &rendered);
}

pub fn answers(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let answers = match parse(FILE, &text) {
        Ok(answers) => answers,
        Err(problems) => return readable(&problems),
    };
    let (tree, _) = crate::session::shipped();
    match answers.apply(tree) {
        Err(problems) => readable(&problems),
        Ok(applied) => {
            assert!(
                applied.interview.is_finished(),
                "applied answers finish the interview"
            );
            assert_eq!(applied.warnings.errors(), 0);
            terminal_safe("the warnings", &applied.warnings.render());
            crate::interview::recommend(&applied.interview);
        }
    }
}
