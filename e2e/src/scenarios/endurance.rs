//! 1000 layer changes must leave the page as it was: no growing DOM, no leaked listeners.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::page::{check, expect_layer, layer_count};
use crate::Res;
use serde_json::{json, Value};

const CHANGES: usize = 1000;

/// Nodes of every kind in the document (elements, text, comments), and the listeners the
/// probe saw added and not removed.
const COUNTS_JS: &str = r#"
const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
let nodes = 1;
while (walker.nextNode()) nodes++;
return { nodes, listeners: window.__e2e.liveListeners() };
"#;

/// Clicks the tabs round-robin, one change per task, ending back on the first layer.
const CHANGE_LAYERS_JS: &str = r#"
const [changes, done] = [arguments[0], arguments[arguments.length - 1]];
const tabs = [...document.querySelectorAll('[role="tab"]')];
(async () => {
  for (let i = 1; i <= changes; i++) {
    tabs[i % tabs.length].click();
    await new Promise(resolve => setTimeout(resolve, 0));
  }
  done(true);
})().catch(error => done(String(error)));
"#;

pub async fn thousand_layer_changes(browser: &mut Browser) -> Res<()> {
    browser.open("").await?;
    check(CHANGES.is_multiple_of(layer_count()), || {
        "the run must end on the first layer".to_owned()
    })?;
    // Every layer once first, so the live region and history hold text before the baseline,
    // and every panel has been shown: a hidden panel keeps what its layout made (list markers
    // among them), so the first showing of each adds nodes once.
    for layer in (1..layer_count()).chain([0]) {
        browser.click_tab(layer).await?;
        expect_layer(browser, layer, "before the baseline").await?;
    }
    let before = counts(browser).await?;
    let outcome = browser
        .js_async(CHANGE_LAYERS_JS, vec![json!(CHANGES)])
        .await?;
    check(outcome == true, || format!("the clicks stopped: {outcome}"))?;
    browser.settle().await?;
    expect_layer(browser, 0, "after 1000 changes").await?;
    let after = counts(browser).await?;
    println!(
        "    {}: before {before}, after {after}",
        browser.engine.name()
    );
    for measure in ["nodes", "listeners", "cdp_nodes", "cdp_listeners"] {
        within_one_percent(measure, &before[measure], &after[measure])?;
    }
    Ok(())
}

/// The probe's counts everywhere; in Chromium also DevTools' own counts after a garbage
/// collection (`Memory.getDOMCounters`: nodes and JS event listeners) and the JS heap.
async fn counts(browser: &Browser) -> Res<Value> {
    let mut counts = browser.js(COUNTS_JS, vec![]).await?;
    if browser.engine == Engine::Chromium {
        browser
            .cdp("HeapProfiler.collectGarbage", json!({}))
            .await?;
        let dom = browser.cdp("Memory.getDOMCounters", json!({})).await?;
        let heap = browser.cdp("Runtime.getHeapUsage", json!({})).await?;
        counts["cdp_nodes"] = dom["nodes"].clone();
        counts["cdp_listeners"] = dom["jsEventListeners"].clone();
        counts["js_heap_used"] = heap["usedSize"].clone();
    }
    Ok(counts)
}

/// Absent on both sides means the engine cannot measure it; absent on one side is a failure.
fn within_one_percent(measure: &str, before: &Value, after: &Value) -> Res<()> {
    if before.is_null() && after.is_null() {
        return Ok(());
    }
    let (Some(before), Some(after)) = (before.as_f64(), after.as_f64()) else {
        return Err(format!("{measure}: cannot compare {before} with {after}"));
    };
    check(
        before > 0.0 && (after - before).abs() <= before * 0.01,
        || format!("{measure} went from {before} to {after} over {CHANGES} changes (more than 1%)"),
    )
}
