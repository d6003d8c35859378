//! Which Rust toolchain builds the WASM: the one switch between stable and nightly.
//!
//! Nightly pays for itself here: rebuilding the standard library for size (`build-std` with
//! `optimize_for_size`) and aborting without panic machinery (`panic=immediate-abort`) cut the
//! WASM by about a fifth. Everything else (native tests, xtask, the browser test) stays on
//! stable. Set `EXPLAINER_TOOLCHAIN=stable` to build the WASM on stable too; a machine without
//! the nightly toolchain falls back to stable by itself.

use crate::command::{first_line, run, tool};

const NIGHTLY: &str = "nightly";
const SWITCH: &str = "EXPLAINER_TOOLCHAIN";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Toolchain {
    Stable,
    NightlyForSize,
}

impl Toolchain {
    /// Environment for cargo (through Trunk) that selects this toolchain's WASM build.
    pub fn environment(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Toolchain::Stable => vec![],
            Toolchain::NightlyForSize => vec![
                ("RUSTUP_TOOLCHAIN", NIGHTLY),
                ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
                ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
                ("RUSTFLAGS", "-Zunstable-options -Cpanic=immediate-abort"),
            ],
        }
    }
}

/// The toolchain for the release WASM, installing nightly's std sources and wasm target when
/// the nightly toolchain is there but they are not.
pub fn for_wasm() -> Toolchain {
    if std::env::var(SWITCH).is_ok_and(|value| value == "stable") || !nightly_ready() {
        return Toolchain::Stable;
    }
    Toolchain::NightlyForSize
}

fn nightly_ready() -> bool {
    if first_line(tool("rustc", &[&format!("+{NIGHTLY}"), "--version"])).is_none() {
        return false;
    }
    let add = |args: &[&str]| run(tool("rustup", args)).is_ok();
    add(&["component", "add", "rust-src", "--toolchain", NIGHTLY])
        && add(&[
            "target",
            "add",
            "wasm32-unknown-unknown",
            "--toolchain",
            NIGHTLY,
        ])
        && std_crates_fetched()
}

/// Trunk builds offline, and `build-std` compiles the standard library's own dependencies,
/// which the workspace's `cargo fetch` leaves out: fetch them with the nightly settings, from
/// cargo's cache when they are all there (no registry needed), else from the registry.
fn std_crates_fetched() -> bool {
    let fetch = |extra: &[&str]| {
        let mut command = tool(
            "cargo",
            &["fetch", "--quiet", "--target", "wasm32-unknown-unknown"],
        );
        command
            .args(extra)
            .envs(Toolchain::NightlyForSize.environment());
        command
    };
    let cached = fetch(&["--offline"])
        .output()
        .is_ok_and(|output| output.status.success());
    cached || run(fetch(&[])).is_ok()
}
