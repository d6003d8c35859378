//! Compiles `content/explainer.toml` into Rust statics (`$OUT_DIR/content.rs`).
//! A broken content file stops the build with errors that name file, line and field.

use std::{env, fs, path::Path, process};

const CONTENT_FILE: &str = "content/explainer.toml";

fn main() {
    println!("cargo:rerun-if-changed={CONTENT_FILE}");
    let source = fs::read_to_string(CONTENT_FILE).unwrap_or_else(|error| {
        eprintln!("error: cannot read {CONTENT_FILE}: {error}");
        process::exit(1);
    });
    let generated = content_compiler::compile(CONTENT_FILE, &source).unwrap_or_else(|errors| {
        for error in &errors.0 {
            // Printed as cargo warnings too, so the message shows even in quiet builds.
            println!("cargo:warning={error}");
            eprintln!("error: {error}");
        }
        process::exit(1);
    });
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    fs::write(&out, generated).expect("OUT_DIR is writable");
}
