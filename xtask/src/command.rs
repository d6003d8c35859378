//! Running the project's tools with the right PATH, and failing with a clear message.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (the folder above `xtask/`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_owned()
}

/// Where `npm ci` puts wasm-opt (npm's binaryen: Debian's is too old for current Rust output).
pub fn node_bin() -> PathBuf {
    project_root().join("tools/node_modules/.bin")
}

/// PATH with the project's npm tools and cargo's install folder in front.
pub fn tool_path() -> String {
    let cargo_bin = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"))
        .join("bin");
    let inherited = std::env::var("PATH").unwrap_or_default();
    format!(
        "{}:{}:{inherited}",
        node_bin().display(),
        cargo_bin.display()
    )
}

/// A command run from the project root with the tool PATH.
pub fn tool(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(project_root())
        .env("PATH", tool_path());
    command
}

/// Trunk; a release build makes its WASM with the toolchain `toolchain::for_wasm` chooses.
pub fn trunk(args: &[&str]) -> Command {
    let mut command = tool("trunk", args);
    if args.contains(&"--release") {
        let toolchain = crate::toolchain::for_wasm();
        println!("Release WASM toolchain: {toolchain:?}");
        command.envs(toolchain.environment());
    }
    command
}

/// Runs `command` to the end; a failure names the command.
pub fn run(mut command: Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot start {}: {error}", describe(&command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(&command)))
    }
}

/// The first line `command` prints, or `None` when it cannot run (not installed).
pub fn first_line(mut command: Command) -> Option<String> {
    let output = command
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .next()
        .map(str::to_owned)
}

pub fn describe(command: &Command) -> String {
    let args: Vec<String> = command
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    format!(
        "{} {}",
        command.get_program().to_string_lossy(),
        args.join(" ")
    )
}
