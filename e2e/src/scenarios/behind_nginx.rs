//! The release site behind nginx with the server block it ships (`crate::nginx`): every class
//! of file with the headers `coalition_explainer::serving` gives it, brotli and gzip to
//! clients that ask and plain bytes to those that do not, and a reader's core path.

use super::{embedding, figure, navigation};
use crate::browser::Browser;
use crate::nginx::{Answer, Nginx};
use crate::page::{check, expect_layer, Failures};
use crate::Res;
use coalition_explainer::serving::rule;
use serde_json::json;
use std::path::{Path, PathBuf};

/// Each file of the site, as each kind of client asks for it, with the policy's headers.
pub async fn files_served_as_the_policy_says(browser: &mut Browser) -> Res<()> {
    // No page of ours is needed: a client of its own asks nginx (the suite reads the last page).
    browser.goto("about:blank").await?;
    let site = crate::dist_folder();
    let nginx = Nginx::start(&site)?;
    let mut failures = Failures::default();
    for name in site_files(&site)? {
        let outcome = file_served_right(&nginx, &site, &name);
        failures.note(&name, outcome);
    }
    for (path, page) in [("/", "index.html"), ("/demo/", "demo/index.html")] {
        let outcome = nginx.get(path, None).and_then(|answer| {
            expect_headers(&answer, page, None)?;
            let file = std::fs::read(site.join(page)).map_err(|e| e.to_string())?;
            check(answer.body == file, || format!("{path} is not {page}"))
        });
        failures.note(path, outcome);
    }
    for private in ["/nginx.conf", "/_headers"] {
        let status = nginx.get(private, None)?.status;
        failures.note(
            private,
            check(status == 404, || format!("served ({status})")),
        );
    }
    failures.into_result()
}

/// The plain bytes without `Accept-Encoding`; the `.br` or `.gz` bytes to a client that
/// takes them, where the build wrote them.
fn file_served_right(nginx: &Nginx, site: &Path, name: &str) -> Res<()> {
    let path = format!("/{name}");
    let plain = read(&site.join(name))?;
    let answer = nginx.get(&path, None)?;
    expect_headers(&answer, name, None)?;
    check(answer.body == plain, || "plain bytes differ".to_owned())?;
    for (asked, encoding) in [("br, gzip", "br"), ("gzip", "gzip")] {
        let extension = if encoding == "br" { "br" } else { "gz" };
        let packed = site.join(format!("{name}.{extension}"));
        if !packed.is_file() {
            continue;
        }
        let answer = nginx.get(&path, Some(asked))?;
        expect_headers(&answer, name, Some(encoding))?;
        check(answer.body == read(&packed)?, || {
            format!("asked {asked}: not the {extension} file's bytes")
        })?;
    }
    Ok(())
}

/// Status 200, each of the policy's headers exactly once with its value, the encoding, and
/// never `X-Frame-Options`.
fn expect_headers(answer: &Answer, name: &str, encoding: Option<&str>) -> Res<()> {
    check(answer.status == 200, || format!("status {}", answer.status))?;
    for (header, value) in rule(name).headers() {
        let sent = answer.all(header);
        check(sent == [value.as_str()], || {
            format!("{header}: sent {sent:?}, the policy says {value:?}")
        })?;
    }
    let sent = answer.all("Content-Encoding");
    check(sent == encoding.into_iter().collect::<Vec<_>>(), || {
        format!("Content-Encoding {sent:?}, expected {encoding:?}")
    })?;
    check(answer.all("X-Frame-Options").is_empty(), || {
        "X-Frame-Options sent: no site could frame the explainer".to_owned()
    })
}

/// Every layer by tap and keyboard, a deep link, a quote link, and the demo article's pym.js
/// and embed.js frames, with the pages served by nginx.
pub async fn reader_path_behind_nginx(browser: &mut Browser) -> Res<()> {
    let nginx = Nginx::start(&crate::dist_folder())?;
    let ours = browser.server.clone();
    browser.server.base_url = nginx.base_url.clone();
    let result = reader_path(browser).await;
    browser.server = ours;
    // Leave nginx's pages: the suite's own probe (served by our server only) is not on them.
    browser.goto("about:blank").await?;
    let failed = nginx.failed_requests();
    result?;
    check(failed.is_empty(), || format!("nginx answered: {failed:#?}"))
}

async fn reader_path(browser: &mut Browser) -> Res<()> {
    figure::taps_on_rings_and_names_choose_layers(browser).await?;
    navigation::keyboard_only(browser).await?;
    navigation::deep_links(browser).await?;
    quote_link(browser).await?;
    embedding::demo_frames_fit_their_content(browser, 360).await
}

/// A link to a quote in the last layer opens that layer with the quote marked and focused.
async fn quote_link(browser: &mut Browser) -> Res<()> {
    let last = crate::page::layer_count() - 1;
    let id = coalition_explainer::content::content().layers[last].quotes[0].id;
    browser.open(&format!("/index.html#q-{id}")).await?;
    expect_layer(browser, last, "a quote link").await?;
    browser
        .poll_script(
            "the linked quote marked and focused",
            std::time::Duration::from_secs(10),
            "const q = document.getElementById('q-' + arguments[0]);
             return !!q && q.hasAttribute('data-linked') && document.activeElement === q;",
            vec![json!(id)],
            |state| state == true,
        )
        .await
        .map(drop)
}

/// Every file under `site` a reader may fetch, as a path from its root.
fn site_files(site: &Path) -> Res<Vec<String>> {
    let mut files = Vec::new();
    let mut folders: Vec<PathBuf> = vec![site.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let path = entry.path();
            let name = path
                .strip_prefix(site)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            match path.is_dir() {
                true => folders.push(path),
                false
                    if !name.ends_with(".br")
                        && !name.ends_with(".gz")
                        && !name.starts_with('_')
                        && name != "nginx.conf" =>
                {
                    files.push(name)
                }
                false => {}
            }
        }
    }
    Ok(files)
}

fn read(path: &Path) -> Res<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}
