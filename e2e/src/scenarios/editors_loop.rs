//! The editors' loop (`cargo xtask serve`), as an editor meets it: a story served, its file
//! broken in several ways at once, every problem listed in the open page over the last good
//! page, each with its line and hint; the file fixed, the page back by itself, and an edit of
//! words the WASM does not carry in the open page within `WORDS_IN_THE_PAGE`.
//!
//! It serves a copy of the six-layer test story (never a file of the repository) on a port of
//! its own; the first build is a whole debug build, so it may take minutes.

use super::screenshots::save;
use crate::browser::Browser;
use crate::page::check;
use crate::wait::Poll;
use crate::Res;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const STORY: &str = "tests/fixtures/six-layers-en";
/// The first build of the served story: the WASM and the prerender hook, in debug.
pub const FIRST_BUILD: Duration = Duration::from_secs(600);
/// From the file written to the page showing its words: the issue's promise, on this machine.
const WORDS_IN_THE_PAGE: Duration = Duration::from_secs(2);
const PROBLEMS_JS: &str = r#"
const panel = document.querySelector('.live-problems');
return {
  problems: panel ? [...panel.querySelectorAll('li')].map(li => li.innerText) : [],
  tabs: document.querySelectorAll('[role=tab]').length,
  heading: document.querySelector('#why-now-heading, .why-now h2')?.textContent ?? '',
};"#;

/// The served copy and the server, stopped when dropped.
struct Served {
    child: Child,
    file: PathBuf,
    original: String,
    address: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    fn start() -> Res<Served> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .canonicalize()
            .map_err(|e| e.to_string())?;
        let folder = root.join("target/e2e-editors-loop");
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        for name in ["story.toml", "article.txt"] {
            std::fs::copy(root.join(STORY).join(name), folder.join(name))
                .map_err(|e| format!("{STORY}/{name}: {e}"))?;
        }
        let file = folder.join("story.toml");
        let original = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        let address = format!("127.0.0.1:{}", free_port()?);
        let child = Command::new(env!("CARGO"))
            .args(["xtask", "serve"])
            .current_dir(&root)
            .env("EXPLAINER_CONTENT", &file)
            .env("EXPLAINER_SERVE_ADDRESS", &address)
            .spawn()
            .map_err(|e| format!("cargo xtask serve: {e}"))?;
        Ok(Served {
            child,
            file,
            original,
            address,
        })
    }

    fn write(&self, source: &str) -> Res<Instant> {
        std::fs::write(&self.file, source).map_err(|e| e.to_string())?;
        Ok(Instant::now())
    }
}

fn free_port() -> Res<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// The four mistakes of a first try, and what the page must name for each.
fn broken(source: &str) -> Res<(String, [&'static str; 4])> {
    let mut broken = source.to_owned();
    let mut replace = |from: &str, to: &str| -> Res<()> {
        let at = broken
            .find(from)
            .ok_or(format!("the story has no {from:?}"))?;
        broken.replace_range(at..at + from.len(), to);
        Ok(())
    };
    let slug = first_value(source, "slug = \"")?;
    replace(&format!("slug = \"{slug}\""), "slug = \"Not A Slug\"")?;
    let stage = first_value(
        &source[source.find("[layers.stage]").ok_or("a stage")?..],
        "id = \"",
    )?;
    replace(
        &format!("id = \"{stage}\"\nsupport"),
        "id = \"no-such-stage\"\nsupport",
    )?;
    let speaker = first_value(source, "speaker = \"")?;
    replace(&format!("speaker = \"{speaker}\""), "speaker = \" \"")?;
    let quote = first_value(
        &source[source.find("[[quotes]]").ok_or("a quote")?..],
        "text = \"",
    )?;
    let changed: String = quote.chars().rev().collect();
    replace(
        &format!("text = \"{quote}\""),
        &format!("text = \"{changed}\""),
    )?;
    Ok((
        broken,
        ["layers[0].slug", "stage.id", "speaker", "not verbatim"],
    ))
}

/// The first value written `key…"` in `source`.
fn first_value<'a>(source: &'a str, key: &str) -> Res<&'a str> {
    let start = source.find(key).ok_or(format!("no {key}"))? + key.len();
    let end = start + source[start..].find('"').ok_or("an unclosed string")?;
    Ok(&source[start..end])
}

pub async fn problems_show_in_the_page_while_serving(browser: &mut Browser) -> Res<()> {
    let served = Served::start()?;
    let base = format!("http://{}/", served.address);
    let state = format!("{base}.well-known/explainer-live/state");
    browser
        .poll("the first build served", FIRST_BUILD, async |b| {
            let _ = b.goto(&state).await;
            let text = b
                .js("return document.body?.innerText ?? '';", vec![])
                .await?;
            let built = serde_json::from_str::<serde_json::Value>(text.as_str().unwrap_or(""))
                .is_ok_and(|s| s["build"].as_u64().unwrap_or(0) > 0);
            Ok(if built {
                Poll::Met(())
            } else {
                Poll::NotYet(text.to_string())
            })
        })
        .await?;
    browser.goto(&base).await?;
    let tabs = look(browser).await?["tabs"].as_u64().unwrap_or(0);
    check(tabs > 0, || "the served story shows no tabs".to_owned())?;

    let (source, named) = broken(&served.original)?;
    served.write(&source)?;
    let seen = wait_for(browser, "every problem listed", FIRST_BUILD, |seen| {
        let text = seen["problems"].to_string();
        named.iter().all(|name| text.contains(name))
    })
    .await?;
    println!("    listed: {}", seen["problems"]);
    check(seen["tabs"] == tabs, || {
        format!("the last good page is gone under the problems: {seen}")
    })?;
    check(
        seen["problems"].to_string().contains("Hint: `not-a-slug`"),
        || format!("the bad slug has no hint: {seen}"),
    )?;
    save(browser, "editors-loop-problems-1280").await?;
    browser.set_viewport(360, 800).await?;
    save(browser, "editors-loop-problems-360").await?;
    browser.set_viewport(1280, 900).await?;

    let edited = served.original.replacen(
        "[why_now]\nheading = \"",
        "[why_now]\nheading = \"Edited: ",
        1,
    );
    let written = served.write(&edited)?;
    let seen = wait_for(
        browser,
        "the page back, with the new words",
        FIRST_BUILD,
        |seen| {
            seen["problems"].as_array().is_some_and(Vec::is_empty)
                && seen["heading"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with("Edited: ")
        },
    )
    .await?;
    let took = written.elapsed();
    println!(
        "    the fixed file's words in the page after {} ms",
        took.as_millis()
    );
    check(took <= WORDS_IN_THE_PAGE, || {
        format!(
            "the words took {} ms to reach the page: {seen}",
            took.as_millis()
        )
    })?;
    // The served pages carry no e2e probe: leave them before the suite asks it for problems.
    browser.goto("about:blank").await?;
    let (file, original) = (served.file.clone(), served.original.clone());
    drop(served);
    plain_trunk_serve_lists_the_problems(browser, &file, &source, named).await?;
    std::fs::write(&file, original).map_err(|e| e.to_string())
}

/// What plain `trunk serve` builds from a broken file (a debug `trunk build`, as it runs at
/// each change): the last good page, the problems listed over it.
async fn plain_trunk_serve_lists_the_problems(
    browser: &mut Browser,
    file: &Path,
    broken: &str,
    named: [&str; 4],
) -> Res<()> {
    std::fs::write(file, broken).map_err(|e| e.to_string())?;
    let root = file.ancestors().nth(3).ok_or("the project root")?;
    let site = root.join("target/e2e-trunk-serve");
    let status = Command::new("trunk")
        .args(["build", "--dist", &site.to_string_lossy()])
        .current_dir(root)
        .env("EXPLAINER_CONTENT", file)
        .status()
        .map_err(|e| format!("trunk build: {e}"))?;
    check(status.success(), || {
        format!("trunk build over a broken file: {status}")
    })?;
    let server = crate::server::Server::start(site)?;
    browser.goto(&server.base_url).await?;
    let seen = wait_for(
        browser,
        "every problem listed by trunk serve's page",
        WORDS_IN_THE_PAGE * 5,
        |seen| {
            let text = seen["problems"].to_string();
            named.iter().all(|name| text.contains(name)) && seen["tabs"].as_u64().unwrap_or(0) > 0
        },
    )
    .await?;
    println!(
        "    trunk serve's page lists {} problem(s)",
        seen["problems"].as_array().map_or(0, Vec::len)
    );
    Ok(())
}

async fn look(browser: &Browser) -> Res<serde_json::Value> {
    browser.js(PROBLEMS_JS, vec![]).await
}

async fn wait_for(
    browser: &Browser,
    what: &str,
    within: Duration,
    holds: impl Fn(&serde_json::Value) -> bool,
) -> Res<serde_json::Value> {
    browser
        .poll(what, within, async |b| {
            // A reload may be under way: a look that fails is a look to take again.
            let seen = look(b).await.unwrap_or_default();
            Ok(if holds(&seen) {
                Poll::Met(seen)
            } else {
                Poll::NotYet(seen.to_string())
            })
        })
        .await
}
