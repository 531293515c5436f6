fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "questions.toml".into());
    match techhire::tree::load_path(std::path::Path::new(&path)) {
        Ok(l) => print!("{}", l.report.render()),
        Err(e) => {
            eprint!("{e}");
            std::process::exit(1)
        }
    }
}
