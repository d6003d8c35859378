//! Pictures of every layer at phone and desktop width, for a person to look at.

use crate::browser::Browser;
use crate::page::{check, layer_count, slug};
use crate::Res;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Pictures written by this test binary, for the runner's report.
static WRITTEN: AtomicUsize = AtomicUsize::new(0);

pub fn screenshots_written() -> usize {
    WRITTEN.load(Ordering::Relaxed)
}

pub async fn every_layer(browser: &mut Browser, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    browser.open("").await?;
    for layer in 0..layer_count() {
        browser.click_tab(layer).await?;
        save(browser, &format!("{width}px-{}-{}", layer + 1, slug(layer))).await?;
    }
    Ok(())
}

/// The viewport with the element matching `selector` scrolled to `block` (`start`, `center`),
/// saved as `save` does.
pub async fn save_scrolled_to(
    browser: &Browser,
    selector: &str,
    block: &str,
    what: &str,
) -> Res<()> {
    browser
        .js(
            "document.querySelector(arguments[0]).scrollIntoView({ block: arguments[1] });",
            vec![selector.into(), block.into()],
        )
        .await?;
    browser.settle().await?;
    save(browser, what).await
}

/// The viewport as `<engine>-<scheme>-<what>.png` in the screenshot folder.
pub async fn save(browser: &Browser, what: &str) -> Res<()> {
    let folder = screenshot_folder();
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let png = browser
        .client
        .screenshot()
        .await
        .map_err(|e| format!("screenshot: {e}"))?;
    check(png.starts_with(b"\x89PNG\r\n\x1a\n"), || {
        "the screenshot is not a PNG".to_owned()
    })?;
    let name = format!(
        "{}-{}-{what}.png",
        browser.engine.name().to_lowercase(),
        browser.scheme.name(),
    );
    let path = folder.join(name);
    std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
    WRITTEN.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

/// `target/e2e-screenshots/` in the workspace.
pub fn screenshot_folder() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("e2e-screenshots")
}
