//! Compiles the content file into Rust statics (`$OUT_DIR/content.rs`): `content/explainer.toml`,
//! or the file `EXPLAINER_CONTENT` names (relative to the project root), so any story builds.
//! A broken content file stops the build with errors that name file, line and field.

use std::{env, fs, path::Path, process};

const DEFAULT_CONTENT_FILE: &str = "content/explainer.toml";

fn main() {
    println!("cargo:rerun-if-env-changed=EXPLAINER_CONTENT");
    let file = env::var("EXPLAINER_CONTENT")
        .ok()
        .filter(|file| !file.is_empty())
        .unwrap_or_else(|| DEFAULT_CONTENT_FILE.to_owned());
    println!("cargo:rerun-if-changed={file}");
    let source = fs::read_to_string(&file).unwrap_or_else(|error| {
        eprintln!("error: cannot read {file}: {error}");
        process::exit(1);
    });
    // The browser's app adopts the prerendered markup and carries only the words it draws
    // itself (src/prerendered.rs); the server renders every word.
    let reach = match env::var("CARGO_CFG_TARGET_ARCH").as_deref() {
        Ok("wasm32") => content_compiler::Reach::App,
        _ => content_compiler::Reach::Full,
    };
    // Tests and tools find the file the app was built from (its article sits beside it).
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    println!(
        "cargo:rustc-env=EXPLAINER_CONTENT_FILE={}",
        Path::new(&root).join(&file).display()
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    let generated = match content_compiler::compile(&file, &source, reach) {
        Ok(generated) => generated,
        Err(errors) => {
            for error in &errors.0 {
                // Printed as cargo warnings too, so the message shows even in quiet builds (one
                // warning a line: cargo takes a warning to its line's end).
                for line in error.to_string().lines() {
                    println!("cargo:warning={line}");
                }
                eprintln!("error: {error}");
            }
            if keeps_last_good_page(&out) {
                println!("cargo:warning=trunk serve: the last good content is kept; the page lists these problems");
                return;
            }
            process::exit(1);
        }
    };
    // A release build is what readers get: no placeholder of `cargo xtask new` may reach it.
    if env::var("PROFILE").as_deref() == Ok("release") {
        let left = content_compiler::placeholders(&file, &source);
        if !left.0.is_empty() {
            for error in &left.0 {
                println!("cargo:warning={error}");
                eprintln!("error: {error}");
            }
            process::exit(1);
        }
    }
    fs::write(&out, generated).expect("OUT_DIR is writable");
}

/// Whether a broken content file may leave the last good content (`out`) in place: only in
/// the debug builds of `trunk serve`, its WASM and its prerender hook (which Trunk runs with
/// `TRUNK_PROFILE`), so the page stays and the prerender lists the problems over it
/// (xtask/src/serve/). A native test build and any release build stop. (A WASM debug build
/// for tests or clippy also keeps it, but `cargo xtask test` runs the strict native tests.)
fn keeps_last_good_page(out: &Path) -> bool {
    let debug = env::var("PROFILE").as_deref() == Ok("debug");
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let trunk_hook = env::var("TRUNK_PROFILE").as_deref() == Ok("debug");
    debug && (wasm || trunk_hook) && out.exists()
}
