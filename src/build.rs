//! Build script: lays out the functions a start runs side by side in the release binary.
//!
//! Peak memory follows the size of all the code, not of the code that runs: the kernel maps
//! the 64 KiB around every page a start touches, and the functions a start runs are spread
//! over the whole text (5.3 MiB at the start screen, 3.2 MiB of it our binary). Listed first
//! in `src/startup.order`, they fill about 1 MB together and the start maps little else
//! (3.7 to 3.9 MiB). docs/performance.md ("Memory: the order of the code") has the figures, and
//! `benches/startup-order.py` writes the list again from a traced start.
//!
//! Only Rust's own linker is told (rust-lld, the default for x86-64 Linux since Rust 1.90),
//! the linker this was measured with; a linker of the user's choosing is left alone. The list
//! names functions as this release profile, compiler and lock file name them; a name not found
//! matches nothing, so a list gone stale costs memory, never a build.

use std::env;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=src/startup.order");
    println!("cargo::rerun-if-env-changed=TECHHIRE_LINK_MAP");
    println!("cargo::rerun-if-env-changed=TECHHIRE_LINK_ORDER");
    if !ordering_applies() {
        return;
    }
    link_the_unwinder_in();
    pack_relative_relocations();
    // benches/startup-order.py asks for the map (where each function landed), and traces
    // valgrind's runs in the linker's own layout (valgrind takes the extra section below for
    // code outside the binary).
    if let Ok(map) = env::var("TECHHIRE_LINK_MAP") {
        link_arg_pair("-Map", &map);
    }
    if env::var_os("TECHHIRE_LINK_ORDER").is_some_and(|v| v == "off") {
        return;
    }
    let (Ok(list), Some(out)) = (
        std::fs::read_to_string("src/startup.order"),
        env::var_os("OUT_DIR"),
    ) else {
        return;
    };
    // A linker script that adds one output section, the listed functions' sections first,
    // in front of the rest of the code (`INSERT` keeps the linker's own layout otherwise). By
    // section, not symbol: lld's --symbol-ordering-file finds no local symbol in a stripped
    // build, and after LTO nearly every function is local.
    let mut script = String::from("SECTIONS {\n  .text.first : {\n");
    for name in list.lines().filter(|name| is_symbol(name)) {
        script.push_str(&format!("    *(.text.{name})\n"));
    }
    script.push_str("  }\n} INSERT BEFORE .text;\n");
    let path = std::path::Path::new(&out).join("startup.ld");
    if std::fs::write(&path, script).is_err() {
        return;
    }
    // `-Xlinker` pairs rather than `-Wl,`, which would split a path at its commas.
    link_arg_pair("-T", &path.to_string_lossy());
}

/// Links the C unwinder into the binary (as `gcc -static-libgcc` does) instead of loading
/// libgcc_s.so.1 at every start: one shared library fewer for the loader to find, map and
/// relocate, and its CPU-feature probe skipped (CPUID is slow under a hypervisor); about
/// 0.1 ms of a start. Named before the standard library's `-lgcc_s`, so the linker takes the
/// unwinder from here and `--as-needed` drops libgcc_s. Only when the C compiler that drives
/// the link has the archive (every GCC does); otherwise libgcc_s is linked as before.
fn link_the_unwinder_in() {
    // `cc` is what rustc links with here (no linker of the user's choosing).
    let has_it = printed("cc", &["-print-file-name=libgcc_eh.a"])
        .is_some_and(|path| std::path::Path::new(path.trim()).is_absolute());
    if has_it {
        println!("cargo::rustc-link-lib=static:-bundle=gcc_eh");
    }
}

/// Has the linker write the binary's 3,600 relocations (pointers moved to where the program
/// is loaded) packed, `DT_RELR`: 1.4 KB for the loader to read at every start instead of
/// 91 KB. Only where the C library is glibc 2.36 or later, which applies them (the linker
/// marks the binary as needing it; an older loader would refuse to start it).
fn pack_relative_relocations() {
    let version = printed("getconf", &["GNU_LIBC_VERSION"]);
    let Some(version) = version
        .as_deref()
        .and_then(|v| v.trim().strip_prefix("glibc "))
    else {
        return;
    };
    let mut parts = version.split('.').map(|part| part.parse::<u32>().ok());
    if let (Some(Some(major)), Some(Some(minor))) = (parts.next(), parts.next())
        && (major, minor) >= (2, 36)
    {
        link_arg_pair("-z", "pack-relative-relocs");
    }
}

/// A mangled Rust name, nothing a linker script would read as syntax.
fn is_symbol(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'.')
}

/// One linker option with its value, each through `-Xlinker`.
fn link_arg_pair(option: &str, value: &str) {
    for arg in [option, value] {
        println!("cargo::rustc-link-arg-bins=-Xlinker");
        println!("cargo::rustc-link-arg-bins={arg}");
    }
}

/// A release build for x86-64 Linux, linked by rust-lld: Rust 1.90 or later with its own lld
/// (a compiler packaged without it links with the system's), and no linker of the user's
/// choosing (a configured linker, or flags naming one).
fn ordering_applies() -> bool {
    let var = |name: &str| env::var(name).unwrap_or_default();
    if var("TARGET") != "x86_64-unknown-linux-gnu" || var("PROFILE") != "release" {
        return false;
    }
    if env::var_os("RUSTC_LINKER").is_some() {
        return false;
    }
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    if ["linker", "fuse-ld", "link-self-contained"]
        .iter()
        .any(|word| flags.contains(word))
    {
        return false;
    }
    rustc_minor().is_some_and(|minor| minor >= 90) && ships_lld()
}

/// Whether the compiler has the lld it links with: `gcc-ld/ld.lld` in its target's tools.
fn ships_lld() -> bool {
    rustc(&["--print", "sysroot"]).is_some_and(|sysroot| {
        std::path::Path::new(sysroot.trim())
            .join("lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld/ld.lld")
            .is_file()
    })
}

/// The compiler's minor version (1.N), from `rustc -vV`.
fn rustc_minor() -> Option<u32> {
    let text = rustc(&["-vV"])?;
    let release = text.lines().find_map(|l| l.strip_prefix("release: "))?;
    let mut parts = release.split('.');
    if parts.next()? != "1" {
        return None;
    }
    parts.next()?.parse().ok()
}

/// What the compiler Cargo builds with prints for `args`.
fn rustc(args: &[&str]) -> Option<String> {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    printed(&rustc, args)
}

/// What `program` prints for `args`, if it runs.
fn printed(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    String::from_utf8(output.stdout).ok()
}
