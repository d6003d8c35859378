//! `cargo xtask preview-image`: the sharing preview (`assets/preview.png`, 1200x630), a
//! screenshot of the built explainer's first screen in headless Chromium. Committed, and run
//! again by hand when the look or the title changes.

use crate::command::{project_root, run, tool};
use crate::share::PREVIEW_IMAGE;
use crate::standalone;

pub fn run_task() -> Result<(), String> {
    crate::build()?;
    let page = project_root().join("dist").join(standalone::FILE_NAME);
    let target = project_root().join("assets").join(PREVIEW_IMAGE);
    let profile = std::env::temp_dir().join("explainer-preview-profile");
    let mut chromium = tool(
        "chromium",
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-prefers-color-scheme=light",
            "--window-size=1200,630",
            "--virtual-time-budget=5000",
        ],
    );
    chromium.arg(format!("--user-data-dir={}", profile.display()));
    chromium.arg(format!("--screenshot={}", target.display()));
    chromium.arg(format!("file://{}", page.display()));
    run(chromium)?;
    println!("Wrote {}", target.display());
    Ok(())
}
