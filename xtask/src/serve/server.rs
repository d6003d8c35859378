//! The editors' server: the built site as files, each page with the live script and
//! stylesheet added (never written into the site), and the live state as JSON for the script.

use super::{Live, Shared, LIVE_PATH};
use coalition_explainer::serving::content_type;
use std::path::{Component, Path, PathBuf};
use tiny_http::{Header, Method, Request, Response, Server};

pub(super) const LIVE_SCRIPT: &str = include_str!("live.js");
pub(super) const LIVE_STYLE: &str = include_str!("live.css");

pub fn start(address: &str, site: PathBuf, live: Shared) -> Result<(), String> {
    let server = Server::http(address).map_err(|e| format!("cannot listen on {address}: {e}"))?;
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let site = site.clone();
            let live = live.clone();
            // A thread a request: the page's files come in parallel.
            std::thread::spawn(move || answer(request, &site, &live));
        }
    });
    Ok(())
}

fn answer(request: Request, site: &Path, live: &Shared) {
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    let response = match (request.method(), path.strip_prefix(LIVE_PATH)) {
        (Method::Get | Method::Head, Some(name @ ("live.js" | "live.css"))) => {
            let source = if name == "live.js" {
                LIVE_SCRIPT
            } else {
                LIVE_STYLE
            };
            text(source, content_type(name))
        }
        (Method::Get | Method::Head, Some("state")) => {
            let state = state_json(&live.lock().expect("the loop never panics holding it"));
            text(&state, content_type("state.json"))
        }
        // Browsers ask for it unbidden (on the state's JSON page too): nothing, not a 404.
        (Method::Get | Method::Head, None) if path == "/favicon.ico" => {
            Response::from_string("").with_status_code(204)
        }
        (Method::Get | Method::Head, None) => file(site, &path),
        _ => Response::from_string("").with_status_code(405),
    };
    // The reader may have gone; nothing to do about it.
    let _ = request.respond(response);
}

/// `{"build": 3, "problems": [{"file", "line", "column", "field", "message", "text", "hint"}]}`
pub(super) fn state_json(live: &Live) -> String {
    let problems: Vec<serde_json::Value> = live
        .problems
        .iter()
        .map(|p| {
            serde_json::json!({
                "file": p.file, "line": p.line, "column": p.column, "field": p.field,
                "message": p.message, "text": p.text, "hint": p.hint,
            })
        })
        .collect();
    serde_json::json!({ "build": live.build, "problems": problems }).to_string()
}

fn file(site: &Path, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let Some(found) = within(site, path) else {
        return Response::from_string("not found").with_status_code(404);
    };
    match std::fs::read(&found) {
        Ok(bytes) if found.extension().is_some_and(|e| e == "html") => {
            let served = |name: &str| format!("{LIVE_PATH}{name}");
            let tags = [served("live.js"), served("live.css"), served("state")];
            let page = with_live_tags(&String::from_utf8_lossy(&bytes), &tags);
            text(&page, content_type("index.html"))
        }
        Ok(bytes) => {
            let name = found.file_name().unwrap_or_default().to_string_lossy();
            Response::from_data(bytes).with_header(header("Content-Type", content_type(&name)))
        }
        Err(_) => Response::from_string("not found").with_status_code(404),
    }
}

/// The file `path` names under `site` (`/` is `index.html`); `None` for one outside it.
fn within(site: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let found = site.join(relative);
    Some(if found.is_dir() {
        found.join("index.html")
    } else {
        found
    })
}

/// `page` with the live stylesheet and script (`[script, stylesheet, state]`, their addresses),
/// last in `<head>`, the script told where the state is.
pub(super) fn with_live_tags(page: &str, [script, style, state]: &[String; 3]) -> String {
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"{style}\"><script src=\"{script}\" data-state=\"{state}\" defer></script>"
    );
    page.replacen("</head>", &format!("{tags}</head>"), 1)
}

fn text(body: &str, kind: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("our headers are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_site_are_served() {
        let site = Path::new("/srv/site");
        assert_eq!(within(site, "/boot.js"), Some(site.join("boot.js")));
        assert_eq!(within(site, "/../secret"), None);
        assert_eq!(within(site, "/demo/../../secret"), None);
    }

    #[test]
    fn pages_get_the_live_tags_in_their_head() {
        let tags = ["a.js", "b.css", "c.json"].map(String::from);
        let page = with_live_tags("<head><title>x</title></head><body></body>", &tags);
        assert_eq!(
            page,
            "<head><title>x</title><link rel=\"stylesheet\" href=\"b.css\"><script src=\"a.js\" data-state=\"c.json\" defer></script></head><body></body>"
        );
    }

    #[test]
    fn the_state_lists_each_problem_with_its_place_and_hint() {
        let problem = content_compiler::ContentError {
            file: "story.toml".into(),
            line: 3,
            column: 8,
            field: "layers[0].slug".into(),
            message: "not a slug".into(),
            text: "slug = \"A\"".into(),
            hint: Some("`a`".into()),
        };
        let live = Live {
            build: 0,
            problems: vec![problem],
        };
        let state: serde_json::Value = serde_json::from_str(&state_json(&live)).unwrap();
        assert_eq!(state["build"], 0);
        assert_eq!(state["problems"][0]["column"], 8);
        assert_eq!(state["problems"][0]["hint"], "`a`");
    }
}
