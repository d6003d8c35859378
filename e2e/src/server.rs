//! A static file server for `dist/` on loopback that records every request with its status.
//!
//! Our own answers rather than `trunk serve`: its access log is the most reliable way to assert
//! "zero failed requests" in every engine (only Chromium can report failed loads through
//! WebDriver), and it puts the probe script in front of the app (see `probe.js`). HTTP itself
//! (keep-alive, HEAD, streaming a page in pieces) is hyper's, on its own runtime.
//!
//! A scenario can also make it misbehave on purpose ([`Setup`]): answer 404 for one of our
//! files, hold the WASM back until released, block our scripts by policy, or add the frame
//! sampler (`frames.js`) to every page, send the explainer's page in slow pieces; or serve the site in a sub-folder instead of at the
//! root, as a newsroom deploys it. The suite resets that after every scenario.
//! It listens on two ports: the second is another origin, for a host page to frame the
//! explainer cross-origin, as a news site does.

use http_body_util::{channel::Channel, combinators::BoxBody, BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{
    HeaderValue, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
};
use hyper::{server::conn::http1, service::service_fn, StatusCode};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::fs;
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// Requested on purpose by the self-check scenario, which asserts its 404 itself.
pub const DELIBERATELY_MISSING: &str = "/e2e-self-check-missing.png";

/// Served at this path and loaded first thing in `<head>`.
pub const PROBE_PATH: &str = "/e2e-probe.js";
/// Served at this path and loaded right after the probe while `Setup::sample_frames` is on.
pub const FRAMES_PATH: &str = "/e2e-frames.js";
/// A host page that frames `?frame=<path on the other origin>` (see `Server::host_page_url`).
const HOST_PAGE_PATH: &str = "/e2e-host.html";
/// Host pages of our own (`e2e/hosts/<name>`, see `Server::host_url`) are served under this.
const HOSTS_PATH: &str = "/e2e-hosts/";
/// WordPress's own scripts (`wp-embed.js`), from Debian's `wordpress` package, on the first origin.
const WORDPRESS_PATH: &str = "/e2e-wordpress/";
const WORDPRESS_SCRIPTS: &str = "/usr/share/wordpress/wp-includes/js";
/// The npm packages in `tools/node_modules` (a host's own libraries: pym.js, iframe-resizer)
/// are served under this, on both origins.
const NODE_MODULES_PATH: &str = "/e2e-node/";

/// The policy strict news sites run (issue 4), sent with every response: the whole suite runs
/// under it, and the probe reports any violation.
pub const STRICT_CSP: &str = coalition_explainer::serving::PAGE_CSP;
pub const PROBE_SOURCE: &str = include_str!("probe.js");
pub const FRAMES_SOURCE: &str = include_str!("frames.js");

/// A held WASM request is answered after this even if never released, so no thread waits forever.
const LONGEST_HOLD: Duration = Duration::from_secs(120);

/// A page sent slowly (`Setup::page_in_pieces`) comes in this many even pieces (cut again after
/// each drawing, span of words and button: `piece_ends`), this far apart: more than a frame, so the
/// browser parses and paints what it has before the next piece arrives.
const PAGE_PIECES: usize = 24;
const PAUSE_BETWEEN_PIECES: Duration = Duration::from_millis(20);

/// One request as the server answered it.
#[derive(Clone, Debug)]
pub struct Request {
    pub target: String,
    pub status: u16,
    /// Answered so on a scenario's request (`Setup::missing`), not a failure of the site.
    pub deliberate: bool,
}

/// One of the files the explainer needs, for a scenario to make fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OurFile {
    Loader,
    Glue,
    Wasm,
    Stylesheet,
}

impl OurFile {
    pub const ALL: [OurFile; 4] = [
        OurFile::Loader,
        OurFile::Glue,
        OurFile::Wasm,
        OurFile::Stylesheet,
    ];

    pub fn name(self) -> &'static str {
        match self {
            OurFile::Loader => "boot.js",
            OurFile::Glue => "the JS glue",
            OurFile::Wasm => "the WASM",
            OurFile::Stylesheet => "the stylesheet",
        }
    }

    /// Whether `relative` (a path under the site's root, as Trunk names files) is this file.
    fn is(self, relative: &str) -> bool {
        match self {
            OurFile::Loader => relative == "boot.js",
            OurFile::Glue => {
                relative.starts_with("coalition-explainer") && relative.ends_with(".js")
            }
            OurFile::Wasm => relative.ends_with(".wasm"),
            OurFile::Stylesheet => relative.starts_with("main") && relative.ends_with(".css"),
        }
    }
}

/// What a scenario changes in the server; the default is the site as deployed.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// Answered 404 (logged as deliberate, so not counted as a failed request).
    pub missing: Option<OurFile>,
    /// The WASM is answered only once `Server::release_wasm` is called.
    pub hold_wasm: bool,
    /// Pages are served with a policy that blocks every script but the probe.
    pub block_scripts: bool,
    /// Pages also get the frame sampler (`frames.js`) right after the probe.
    pub sample_frames: bool,
    /// The explainer's page is sent in pieces with a pause after each (`piece_ends`): the
    /// browser paints it while its HTML is still arriving, every time, as on a slow network
    /// only sometimes.
    pub page_in_pieces: bool,
    /// The site is served in this folder (`/graphics/2026/ukraine/`, with both slashes) on
    /// both origins, and nowhere else: a request for it at the root is answered 404 (a
    /// failure), so an address that does not follow the folder is caught.
    pub deploy_folder: Option<&'static str>,
}

#[derive(Clone)]
pub struct Server {
    pub base_url: String,
    /// The same site on another port: another origin.
    pub other_origin_url: String,
    site: Arc<Site>,
}

/// What every connection shares.
struct Site {
    root: PathBuf,
    log: Mutex<Vec<Request>>,
    setup: Mutex<Setup>,
    /// Signalled when the WASM is released.
    released: Condvar,
    base_url: String,
    other_origin_url: String,
}

impl Server {
    /// Serves `root` on 127.0.0.1 at two free ports, on a runtime of its own, until the process ends.
    pub fn start(root: PathBuf) -> Result<Server, String> {
        if !root.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html: build the release site first (`cargo xtask build`)",
                root.display()
            ));
        }
        // Loopback only: the suite must never expose the site on another address.
        let (listener, base_url) = listen()?;
        let (other_listener, other_origin_url) = listen()?;
        let site = Arc::new(Site {
            root,
            log: Mutex::new(Vec::new()),
            setup: Mutex::new(Setup::default()),
            released: Condvar::new(),
            base_url: base_url.clone(),
            other_origin_url: other_origin_url.clone(),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
        let _inside = runtime.enter();
        for listener in [listener, other_listener] {
            let listener = tokio::net::TcpListener::from_std(listener)
                .map_err(|e| format!("cannot listen: {e}"))?;
            runtime.spawn(accept(listener, Arc::clone(&site)));
        }
        // Its threads serve until the process ends (a runtime cannot be dropped in another's
        // task, where a scenario may drop the server).
        std::mem::forget(runtime);
        Ok(Server {
            base_url,
            other_origin_url,
            site,
        })
    }

    /// Makes the server misbehave as `setup` says, until `reset`.
    pub fn set(&self, setup: Setup) {
        *self.site.setup() = setup;
        self.site.released.notify_all();
    }

    /// Back to the site as deployed; a held WASM goes out.
    pub fn reset(&self) {
        self.set(Setup::default());
    }

    /// Answers the held WASM request (and any later one at once).
    pub fn release_wasm(&self) {
        self.site.setup().hold_wasm = false;
        self.site.released.notify_all();
    }

    /// A page on this origin that frames `frame_path` (`index.html?embed…`) from the other one.
    pub fn host_page_url(&self, frame_path: &str) -> String {
        let encoded: String = url::form_urlencoded::byte_serialize(frame_path.as_bytes()).collect();
        format!("{}{HOST_PAGE_PATH}?frame={encoded}", self.base_url)
    }

    /// `e2e/hosts/<name>` served from this origin: an article page of a host with its own
    /// scripts. In an HTML file, `{{frame}}` becomes `frame_path` on the other origin (escaped
    /// for an attribute) and `{{explainer}}` the other origin's address, for `embed.js`.
    pub fn host_url(&self, name: &str, frame_path: &str) -> String {
        let encoded: String = url::form_urlencoded::byte_serialize(frame_path.as_bytes()).collect();
        format!("{}{HOSTS_PATH}{name}?frame={encoded}", self.base_url)
    }

    /// `e2e/hosts/<name>` served from this origin with `code` where the template says
    /// `{{code}}`, as it stands (HTML): an article with an editor's pasted embed code.
    pub fn host_url_with_code(&self, name: &str, code: &str) -> String {
        let encoded: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
        format!("{}{HOSTS_PATH}{name}?code={encoded}", self.base_url)
    }

    /// How many requests have been answered so far: a mark for `failed_since`.
    pub fn request_count(&self) -> usize {
        self.site.log().len()
    }

    /// The statuses `target` was answered with, in order.
    pub fn statuses_of(&self, target: &str) -> Vec<u16> {
        self.site
            .log()
            .iter()
            .filter(|request| request.target == target)
            .map(|request| request.status)
            .collect()
    }

    /// Every request after `mark` that was not answered with 200, but for deliberate ones.
    pub fn failed_since(&self, mark: usize) -> Vec<Request> {
        self.answered_since(mark, |request| request.status != 200 && !request.deliberate)
    }

    /// The requests after `mark` a scenario's `Setup` made fail.
    pub fn deliberately_failed_since(&self, mark: usize) -> Vec<Request> {
        self.answered_since(mark, |request| request.deliberate)
    }

    fn answered_since(&self, mark: usize, keep: impl Fn(&Request) -> bool) -> Vec<Request> {
        let log = self.site.log();
        log[mark.min(log.len())..]
            .iter()
            .filter(|request| keep(request))
            .cloned()
            .collect()
    }
}

impl Site {
    fn log(&self) -> MutexGuard<'_, Vec<Request>> {
        self.log.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn setup(&self) -> MutexGuard<'_, Setup> {
        self.setup.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Returns once the WASM may be answered: at once unless a scenario holds it.
    fn wait_until_wasm_released(&self) {
        let setup = self.setup();
        let _ = self
            .released
            .wait_timeout_while(setup, LONGEST_HOLD, |setup| setup.hold_wasm);
    }
}

fn listen() -> Result<(TcpListener, String), String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    Ok((listener, format!("http://127.0.0.1:{port}")))
}

/// One answer: status, headers' values and body.
struct Response {
    status: u16,
    content_type: &'static str,
    policy: String,
    body: Vec<u8>,
    deliberate: bool,
    /// Sent in pieces with pauses (`Setup::page_in_pieces`).
    in_pieces: bool,
}

impl Response {
    fn ok(content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status: 200,
            content_type,
            policy: STRICT_CSP.to_owned(),
            body,
            deliberate: false,
            in_pieces: false,
        }
    }

    fn not_found(deliberate: bool) -> Response {
        Response {
            status: 404,
            deliberate,
            ..Response::ok(content_type(Path::new("404.txt")), b"not found".to_vec())
        }
    }
}

/// Serves each connection the browser opens, each request on it (keep-alive) by `respond`.
async fn accept(listener: tokio::net::TcpListener, site: Arc<Site>) {
    while let Ok((stream, _)) = listener.accept().await {
        // Head and body are two writes: with Nagle's algorithm on, the body would wait for the
        // browser's delayed ACK (40 ms on Linux) on every reused connection, slowing every page.
        let _ = stream.set_nodelay(true);
        let site = Arc::clone(&site);
        let service = service_fn(move |request| answer(Arc::clone(&site), request));
        tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
    }
}

/// `respond`'s answer to `request`, logged with its status. A HEAD request gets the same
/// headers without the body (hyper leaves it out).
async fn answer(
    site: Arc<Site>,
    request: hyper::Request<Incoming>,
) -> Result<hyper::Response<BoxBody<Bytes, Infallible>>, Infallible> {
    let target = request
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    let responding = (Arc::clone(&site), target.clone());
    // It reads files and may wait for a held WASM: on a thread of its own, not the runtime's.
    let response = tokio::task::spawn_blocking(move || respond(&responding.0, &responding.1))
        .await
        .unwrap_or_else(|_| Response::not_found(false));
    site.log().push(Request {
        target,
        status: response.status,
        deliberate: response.deliberate,
    });
    Ok(http_response(response))
}

fn http_response(response: Response) -> hyper::Response<BoxBody<Bytes, Infallible>> {
    let status = StatusCode::from_u16(response.status).unwrap_or(StatusCode::NOT_FOUND);
    let mut http = hyper::Response::builder()
        .status(status)
        .header(CONTENT_TYPE, response.content_type)
        .header(CONTENT_LENGTH, response.body.len())
        .header(CACHE_CONTROL, "no-store");
    if let Ok(policy) = HeaderValue::from_str(&response.policy) {
        http = http.header(CONTENT_SECURITY_POLICY, policy);
    }
    let body = body(response);
    http.body(body).expect("valid headers")
}

/// The body at once, or in pieces with a pause after each but the last.
fn body(response: Response) -> BoxBody<Bytes, Infallible> {
    if !response.in_pieces {
        return Full::new(Bytes::from(response.body)).boxed();
    }
    let (mut sender, body) = Channel::<Bytes, Infallible>::new(1);
    tokio::spawn(async move {
        let whole = Bytes::from(response.body);
        let mut start = 0;
        for end in piece_ends(&whole) {
            if start > 0 {
                tokio::time::sleep(PAUSE_BETWEEN_PIECES).await;
            }
            if sender.send_data(whole.slice(start..end)).await.is_err() {
                return;
            }
            start = end;
        }
    });
    body.boxed()
}

/// Where a page sent in pieces is cut: into `PAGE_PIECES` even pieces, and also right after
/// every inline drawing, span of words and button. A network can cut a page anywhere; after
/// one of those is where a partial page differs most from the whole: it is sized, and what a
/// row beside it is centred on or stretched to is not there yet.
fn piece_ends(body: &[u8]) -> Vec<usize> {
    const INLINE_ENDS: [&[u8]; 3] = [b"</svg>", b"</span>", b"</button>"];
    let even = body.len().div_ceil(PAGE_PIECES).max(1);
    let after_inline_pieces = INLINE_ENDS.iter().flat_map(|end| {
        body.windows(end.len())
            .enumerate()
            .filter(move |(_, window)| window == end)
            .map(move |(at, _)| at + end.len())
    });
    let mut ends: Vec<usize> = (1..=PAGE_PIECES)
        .map(|piece| (piece * even).min(body.len()))
        .chain(after_inline_pieces)
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends
}

fn respond(site: &Site, target: &str) -> Response {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    // A file whose name has a space or a non-ASCII letter is asked for percent-encoded.
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let path = path.as_ref();
    let setup = site.setup().clone();
    match path {
        PROBE_PATH => {
            return Response::ok(content_type(Path::new(PROBE_PATH)), PROBE_SOURCE.into())
        }
        FRAMES_PATH => {
            return Response::ok(content_type(Path::new(FRAMES_PATH)), FRAMES_SOURCE.into())
        }
        HOST_PAGE_PATH => return host_page(site, &setup, query),
        _ if path.starts_with(HOSTS_PATH) => {
            return our_host_page(site, &setup, &path[HOSTS_PATH.len()..], query)
        }
        _ if path.starts_with(WORDPRESS_PATH) => {
            return static_file(Path::new(WORDPRESS_SCRIPTS), &path[WORDPRESS_PATH.len()..])
        }
        _ if path.starts_with(NODE_MODULES_PATH) => {
            return static_file(&node_modules(), &path[NODE_MODULES_PATH.len()..])
        }
        DELIBERATELY_MISSING => return Response::not_found(true),
        _ => {}
    }
    let Some(path) = path_in_site(&setup, path) else {
        return Response::not_found(false);
    };
    let relative = match path.trim_start_matches('/') {
        "" => "index.html",
        other => other,
    };
    if setup.missing.is_some_and(|file| file.is(relative)) {
        return Response::not_found(true);
    }
    if OurFile::Wasm.is(relative) {
        site.wait_until_wasm_released();
    }
    let Some(bytes) = file_under(&site.root, relative).and_then(|file| fs::read(file).ok()) else {
        return Response::not_found(false);
    };
    if relative == "index.html" {
        let page = with_probe(&String::from_utf8_lossy(&bytes), setup.sample_frames);
        return Response {
            in_pieces: setup.page_in_pieces,
            ..page_response(site, &setup, page, STRICT_CSP.to_owned())
        };
    }
    Response::ok(content_type(Path::new(relative)), bytes)
}

/// `path` as a path of the site (`/index.html`): under the scenario's deploy folder if it has
/// one, so `None` outside it.
fn path_in_site<'a>(setup: &Setup, path: &'a str) -> Option<&'a str> {
    match setup.deploy_folder {
        Some(folder) => path
            .strip_prefix(folder.trim_end_matches('/'))
            .filter(|rest| rest.starts_with('/')),
        None => Some(path),
    }
}

/// An HTML page, under `policy` unless the scenario blocks our scripts.
fn page_response(site: &Site, setup: &Setup, page: String, policy: String) -> Response {
    let policy = if setup.block_scripts {
        // Only the probe may run (it reports what was blocked): boot.js is refused by policy,
        // as by a CMS's script policy or a content blocker.
        format!(
            "default-src 'self'; script-src {}{PROBE_PATH}; style-src 'self'; img-src 'self' data:",
            site.base_url
        )
    } else {
        policy
    };
    Response {
        policy,
        ..Response::ok(content_type(Path::new("page.html")), page.into_bytes())
    }
}

/// A news article's page reduced to a frame of the explainer from the other origin.
fn host_page(site: &Site, setup: &Setup, query: &str) -> Response {
    let frame = query_value(query, "frame");
    let escaped = attribute(&format!("{}/{frame}", site.other_origin_url));
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host page</title><link rel=\"icon\" href=\"data:,\"></head>\
         <body><iframe src=\"{escaped}\" title=\"The explainer\" width=\"100%\" height=\"800\"></iframe></body></html>"
    );
    let policy = format!("{STRICT_CSP}; frame-src {}", site.other_origin_url);
    page_response(site, setup, with_probe(&page, false), policy)
}

/// `e2e/hosts/<name>`: an HTML page with its placeholders filled in (see `Server::host_url`),
/// under the strict policy with the other origin allowed to frame and script, as a newsroom
/// that embeds the explainer allows it; or a host's own script.
fn our_host_page(site: &Site, setup: &Setup, name: &str, query: &str) -> Response {
    let hosts = Path::new(env!("CARGO_MANIFEST_DIR")).join("hosts");
    if !name.ends_with(".html") {
        return static_file(&hosts, name);
    }
    let Some(template) = file_under(&hosts, name).and_then(|file| fs::read_to_string(file).ok())
    else {
        return Response::not_found(false);
    };
    let frame = query_value(query, "frame");
    let page = template
        .replace(
            "{{frame}}",
            &attribute(&format!("{}/{frame}", site.other_origin_url)),
        )
        .replace("{{explainer}}", &site.other_origin_url)
        .replace("{{code}}", &query_value(query, "code"));
    let other = &site.other_origin_url;
    let policy = match name.starts_with("wordpress") {
        // WordPress writes a `style` attribute on the frame, and the explainer comes from
        // another server on loopback (nginx, `crate::nginx`).
        true => "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src http://127.0.0.1:*"
            .to_owned(),
        false => format!(
            "default-src 'self'; script-src 'self' {other}; style-src 'self'; img-src 'self' data:; frame-src {other}"
        ),
    };
    let page = with_probe(&page, false);
    page_response(site, setup, page, policy)
}

/// The decoded value of the query parameter `name`, or nothing.
fn query_value(query: &str, name: &str) -> String {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

fn node_modules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tools/node_modules")
}

fn static_file(root: &Path, relative: &str) -> Response {
    match file_under(root, relative).and_then(|file| fs::read(&file).ok().map(|b| (file, b))) {
        Some((file, bytes)) => Response::ok(content_type(&file), bytes),
        None => Response::not_found(false),
    }
}

fn attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
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

/// The page with the probe (and the frame sampler, if asked) as the first scripts in `<head>`,
/// so they run before the app. From the root, wherever the page is (a deploy folder).
fn with_probe(page: &str, sample_frames: bool) -> String {
    let mut tags = format!("<script src=\"{PROBE_PATH}\"></script>");
    if sample_frames {
        tags.push_str(&format!("<script src=\"{FRAMES_PATH}\"></script>"));
    }
    insert_after_head(page, &tags)
}

/// `page` with `tags` right after its `<head …>` tag. Without a `<head>` the scripts cannot run
/// first, and every scenario will fail saying so.
pub fn insert_after_head(page: &str, tags: &str) -> String {
    match page
        .find("<head")
        .and_then(|start| page[start..].find('>').map(|end| start + end + 1))
    {
        Some(after_head) => format!("{}{tags}{}", &page[..after_head], &page[after_head..]),
        None => page.to_owned(),
    }
}

/// As every host serves it (`coalition_explainer::serving`, the one definition).
fn content_type(file: &Path) -> &'static str {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    coalition_explainer::serving::content_type(&name)
}

#[cfg(test)]
mod tests {
    use super::{path_in_site, Server, Setup};
    use std::io::{Read, Write};

    /// The raw answer to `request` from a server of a folder holding `a b.css`.
    fn raw_answer(request: &str) -> String {
        let root = std::env::temp_dir().join(format!("e2e-server-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("index.html"), "<html><head></head></html>").unwrap();
        std::fs::write(root.join("a b.css"), "a{}").unwrap();
        let server = Server::start(root).unwrap();
        let address = server.base_url.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn head_answers_the_headers_alone_and_paths_are_decoded() {
        let answer = raw_answer("HEAD /a%20b.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.contains("content-length: 3\r\n"), "{answer}");
        assert!(answer.contains("content-type: text/css"), "{answer}");
        assert!(answer.ends_with("\r\n\r\n"), "no body: {answer}");
        let answer = raw_answer("GET /a%20b.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert!(answer.ends_with("\r\n\r\na{}"), "{answer}");
        let answer =
            raw_answer("GET /%2e%2e/a%20b.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 404 Not Found\r\n"), "{answer}");
    }

    #[test]
    fn a_deploy_folder_serves_the_site_there_and_nowhere_else() {
        let folder = Setup {
            deploy_folder: Some("/graphics/2026/ukraine/"),
            ..Setup::default()
        };
        assert_eq!(path_in_site(&folder, "/graphics/2026/ukraine/"), Some("/"));
        assert_eq!(
            path_in_site(&folder, "/graphics/2026/ukraine/embed.js"),
            Some("/embed.js")
        );
        for elsewhere in [
            "/",
            "/embed.js",
            "/graphics/2026/ukraine",
            "/graphics/2026/ukrainex/",
        ] {
            assert_eq!(path_in_site(&folder, elsewhere), None, "{elsewhere}");
        }
        assert_eq!(
            path_in_site(&Setup::default(), "/embed.js"),
            Some("/embed.js")
        );
    }
}
