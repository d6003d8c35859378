//! Long names on narrow screens (issue 23): a tab's name and a panel's heading wrap between
//! words or at a syllable, with a hyphen (the prerender's soft hyphens, in the story's language),
//! never mid-word without one, and never overflow their box, and the drawing's names fit their
//! arcs; at 320, 360 and 390 px, in the real story, the Ukrainian test story and the German
//! story of long names.

use crate::browser::Browser;
use crate::page::{check, Failures};
use crate::Res;

/// Every line break inside a word of each name, and every overflowing name: a break is right
/// only after a soft hyphen (the engine draws a hyphen there).
const BREAKS_JS: &str = r#"
const found = [];
for (const el of document.querySelectorAll('.layers__name, .panel__heading, h1, .context h2, .open-item h3')) {
  if (!el.checkVisibility()) continue;
  if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.textContent} overflows its box`);
  const text = el.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) continue;
  const data = text.data;
  let previousTop = null;
  for (let i = 0; i < data.length; i += 1) {
    if (data[i] === ' ' || data[i] === '\u00ad') { if (data[i] === ' ') previousTop = null; continue; }
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    // A character just after a break may also report an empty box at the line's end.
    const rect = [...range.getClientRects()].filter((r) => r.width > 0).pop();
    if (!rect) continue;
    if (previousTop !== null && rect.top > previousTop + 1 && data[i - 1] !== '\u00ad') {
      found.push(`${data.replace(/\u00ad/g, '')} breaks before "${data.slice(i).replace(/\u00ad/g, '')}" without a hyphen`);
    }
    previousTop = rect.top;
  }
}
return found;"#;

/// Every name on the drawing longer than the arc it follows (centred on it, so it fits when no
/// longer): a longer one would be cut at the arc's ends.
const RINGS_JS: &str = r#"
const found = [];
for (const text of document.querySelectorAll('text.ring__name')) {
  const along = text.querySelector('textPath');
  const arc = along && document.querySelector(along.getAttribute('href'));
  if (!arc) continue;
  const length = text.getComputedTextLength();
  if (length > arc.getTotalLength()) {
    found.push(`${text.textContent} (${Math.round(length)}) is longer than its arc (${Math.round(arc.getTotalLength())})`);
  }
}
return found;"#;

pub async fn names_wrap_at_syllables(browser: &mut Browser) -> Res<()> {
    let story = crate::serve_fixture(&crate::fixtures::UKRAINIAN)?;
    let long_names = crate::serve_fixture(&crate::fixtures::LONG_NAMES)?;
    let mut failures = Failures::default();
    for width in [320, 360, 390] {
        browser.set_viewport(width, 900).await?;
        for (site, base) in [
            ("the explainer", browser.server.base_url.clone()),
            ("the Ukrainian test story", story.base_url.clone()),
            (
                "the German story of long names",
                long_names.base_url.clone(),
            ),
        ] {
            let outcome = async {
                browser.goto(&format!("{base}/")).await?;
                browser
                    .wait_until("return !!document.querySelector('.layers__name');", "tabs")
                    .await?;
                let mut found = Vec::new();
                for script in [BREAKS_JS, RINGS_JS] {
                    let seen = browser.js(script, vec![]).await?;
                    found.extend(seen.as_array().cloned().unwrap_or_default());
                }
                check(found.is_empty(), || format!("{found:?}"))
            }
            .await;
            failures.note(&format!("{site} at {width} px"), outcome);
        }
    }
    browser.goto("about:blank").await?;
    failures.into_result()
}
