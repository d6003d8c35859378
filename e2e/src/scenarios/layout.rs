//! The page at phone, tablet and desktop widths: no sideways scroll, touch-sized targets,
//! nothing overlapping or cut off, for every layer.

use crate::browser::Browser;
use crate::page::{check, layer_count};
use crate::Res;

/// Returns a list of layout problems on the page as it is now.
const LAYOUT_PROBLEMS_JS: &str = r#"
const problems = [];
const root = document.documentElement;
const name = el => el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + [...el.classList].join('.');
const shown = el => el.checkVisibility({ visibilityProperty: true });
if (root.scrollWidth > root.clientWidth) {
  problems.push(`horizontal scroll: document is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport`);
}
// Each panel has its own Previous / Next: only those on screen count.
const targets = [...document.querySelectorAll('[role="tab"], .walkthrough__step')].filter(shown);
for (const el of targets) {
  const box = el.getBoundingClientRect();
  if (box.width < 44 || box.height < 44) problems.push(`${name(el)} is ${box.width}x${box.height} px, under 44x44`);
  if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push(`${name(el)} cuts off its content`);
}
const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const groups = [
  ['figure.layers', '.walkthrough__panels'],
  [...document.querySelectorAll('[role="tab"]')],
  ['.walkthrough__step--previous', '.walkthrough__position', '.walkthrough__step--next'],
].map(group => group.map(item => typeof item === 'string' ? [...document.querySelectorAll(item)].find(shown) : item));
for (const group of groups) {
  if (group.some(el => !el)) { problems.push('a checked element is missing'); continue; }
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
    if (overlap(group[i].getBoundingClientRect(), group[j].getBoundingClientRect())) problems.push(`${name(group[i])} overlaps ${name(group[j])}`);
  }
}
for (const el of document.querySelectorAll('main *')) {
  if (!shown(el) || el.closest('.visually-hidden')) continue;
  const box = el.getBoundingClientRect();
  if (box.left < -0.5 || box.right > root.clientWidth + 0.5) problems.push(`${name(el)} is cut off (${box.left}..${box.right} of ${root.clientWidth} px)`);
}
return problems.slice(0, 20);
"#;

pub async fn at_width(browser: &mut Browser, width: u32) -> Res<()> {
    browser.set_viewport(width, 900).await?;
    browser.open("").await?;
    let mut problems = Vec::new();
    for layer in 0..layer_count() {
        browser.click_tab(layer).await?;
        let found = browser.js(LAYOUT_PROBLEMS_JS, vec![]).await?;
        problems.extend(
            found
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| format!("layer {layer}: {}", p.as_str().unwrap_or_default())),
        );
    }
    check(problems.is_empty(), || {
        format!("at {width} px:\n  {}", problems.join("\n  "))
    })
}
