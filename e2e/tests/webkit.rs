//! Every end-to-end scenario in WebKit (see e2e/src/lib.rs); runs with `E2E=1`.

fn main() -> std::process::ExitCode {
    e2e::run(e2e::Engine::WebKit)
}
