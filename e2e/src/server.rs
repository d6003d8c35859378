//! A static file server for `dist/` on loopback that records every request with its status.
//!
//! Our own server rather than `trunk serve` or a crate: its access log is the most reliable
//! way to assert "zero failed requests" in every engine (only Chromium can report failed loads
//! through WebDriver), and it puts the probe script in front of the app (see `probe.js`).

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// Requested on purpose by the self-check scenario, which asserts its 404 itself.
pub const DELIBERATELY_MISSING: &str = "/e2e-self-check-missing.png";

/// Served at this path and loaded first thing in `<head>`.
pub const PROBE_PATH: &str = "/e2e-probe.js";

/// The policy strict news sites run (issue 4), sent with every response: the whole suite runs
/// under it, and the probe reports any violation.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'";
const PROBE_SOURCE: &str = include_str!("probe.js");

/// One request as the server answered it.
#[derive(Clone, Debug)]
pub struct Request {
    pub target: String,
    pub status: u16,
}

#[derive(Clone)]
pub struct Server {
    pub base_url: String,
    log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    /// Serves `root` on 127.0.0.1 at a free port, on a background thread, until the process ends.
    pub fn start(root: PathBuf) -> Result<Server, String> {
        if !root.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html: build the release site first (`cargo xtask build`)",
                root.display()
            ));
        }
        // Loopback only: the suite must never expose the site on another address.
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let server = Server {
            base_url: format!("http://127.0.0.1:{port}"),
            log: Arc::clone(&log),
        };
        let root = Arc::new(root);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, log) = (Arc::clone(&root), Arc::clone(&log));
                thread::spawn(move || serve_connection(stream, &root, &log));
            }
        });
        Ok(server)
    }

    /// How many requests have been answered so far: a mark for `failed_since`.
    pub fn request_count(&self) -> usize {
        self.log.lock().expect("log lock").len()
    }

    /// The statuses `target` was answered with, in order.
    pub fn statuses_of(&self, target: &str) -> Vec<u16> {
        let log = self.log.lock().expect("log lock");
        log.iter()
            .filter(|request| request.target == target)
            .map(|request| request.status)
            .collect()
    }

    /// Every request after `mark` that was not answered with 200.
    pub fn failed_since(&self, mark: usize) -> Vec<Request> {
        let log = self.log.lock().expect("log lock");
        log[mark.min(log.len())..]
            .iter()
            .filter(|request| request.status != 200 && request.target != DELIBERATELY_MISSING)
            .cloned()
            .collect()
    }
}

/// Answers requests on one connection until the browser closes it (keep-alive).
fn serve_connection(stream: TcpStream, root: &Path, log: &Mutex<Vec<Request>>) {
    // Head and body are two writes: with Nagle's algorithm on, the body would wait for the
    // browser's delayed ACK (40 ms on Linux) on every reused connection, slowing every page.
    let _ = stream.set_nodelay(true);
    let Ok(reader_stream) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(reader_stream);
    let mut writer = stream;
    while let Some(target) = read_request_target(&mut reader) {
        let (status, content_type, body) = respond(root, &target);
        log.lock()
            .expect("log lock")
            .push(Request { target, status });
        let head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\nContent-Security-Policy: {STRICT_CSP}\r\n\r\n",
            if status == 200 { "OK" } else { "Not Found" },
            body.len()
        );
        let sent = writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.write_all(&body));
        if sent.is_err() {
            return;
        }
    }
}

/// The request target of the next request, after reading (and ignoring) its headers.
fn read_request_target(reader: &mut impl BufRead) -> Option<String> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).ok()? == 0 {
        return None;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header.trim().is_empty() {
            break;
        }
    }
    request_line.split_whitespace().nth(1).map(str::to_owned)
}

fn respond(root: &Path, target: &str) -> (u16, &'static str, Vec<u8>) {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == PROBE_PATH {
        return (200, "text/javascript", PROBE_SOURCE.as_bytes().to_vec());
    }
    let relative = match path.trim_start_matches('/') {
        "" => "index.html",
        other => other,
    };
    let Some(file) = file_under(root, relative) else {
        return (404, "text/plain", b"not found".to_vec());
    };
    let Ok(bytes) = fs::read(&file) else {
        return (404, "text/plain", b"not found".to_vec());
    };
    if relative == "index.html" {
        let page = with_probe(&String::from_utf8_lossy(&bytes));
        return (200, "text/html; charset=utf-8", page.into_bytes());
    }
    (200, content_type(&file), bytes)
}

/// A file inside `root` only: no `..`, no absolute paths.
fn file_under(root: &Path, relative: &str) -> Option<PathBuf> {
    let path = Path::new(relative);
    let inside = path
        .components()
        .all(|component| matches!(component, Component::Normal(_)));
    let file = root.join(path);
    (inside && file.is_file()).then_some(file)
}

/// The page with the probe as the first script in `<head>`, so it runs before the app.
fn with_probe(page: &str) -> String {
    let tag = format!("<script src=\".{PROBE_PATH}\"></script>");
    match page
        .find("<head")
        .and_then(|start| page[start..].find('>').map(|end| start + end + 1))
    {
        Some(after_head) => format!("{}{tag}{}", &page[..after_head], &page[after_head..]),
        // No <head>: the probe cannot run first, and every scenario will fail saying so.
        None => page.to_owned(),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
