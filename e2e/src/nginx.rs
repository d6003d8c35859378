//! The built site behind nginx, configured with nothing but the server block the release
//! build writes (`dist/nginx.conf`), as docs/deploying.md tells a newsroom: its `listen` and
//! `root` changed, included in an `http` block that loads Debian's modules. On loopback, in a
//! folder of its own under `target/`, stopped when dropped.

use crate::Res;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use coalition_explainer::serving::{
    NGINX_FILE as SERVER_BLOCK, NGINX_LISTEN as LISTEN, NGINX_ROOT as ROOT,
};
const DEBIAN_MODULES: &str = "/usr/lib/nginx/modules";
const START: Duration = Duration::from_secs(20);

pub struct Nginx {
    pub base_url: String,
    folder: PathBuf,
    process: Child,
}

/// One answer, as a client reads it.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// Every value of header `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

impl Nginx {
    /// Serves `site` (a built `dist/`) with its own `nginx.conf`.
    pub fn start(site: &Path) -> Res<Nginx> {
        let site = site
            .canonicalize()
            .map_err(|e| format!("{}: {e}", site.display()))?;
        let block = std::fs::read_to_string(site.join(SERVER_BLOCK))
            .map_err(|e| format!("{}: {e} (a release build writes it)", site.display()))?;
        let port = free_port()?;
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../target/e2e-nginx-{}", std::process::id()));
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let folder = folder.canonicalize().map_err(|e| e.to_string())?;
        // Debian's module lines name `modules/…` under the prefix: its own is /usr/share/nginx.
        let modules = folder.join("modules");
        if !modules.exists() {
            std::os::unix::fs::symlink(DEBIAN_MODULES, &modules)
                .map_err(|e| format!("{}: {e}", modules.display()))?;
        }
        // One folder for the process: a log of an earlier scenario's deliberate 404s must not
        // count against the next.
        let log = folder.join("access.log");
        if log.exists() {
            std::fs::remove_file(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        }
        let block = configured(&block, port, &site)?;
        write(&folder.join("explainer.conf"), &block)?;
        write(&folder.join("main.conf"), &main_conf(&folder))?;
        let process = Command::new("nginx")
            .args(["-p", &folder.to_string_lossy(), "-c", "main.conf"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start nginx (cargo xtask test installs it): {e}"))?;
        let mut nginx = Nginx {
            base_url: format!("http://127.0.0.1:{port}"),
            folder,
            process,
        };
        nginx.wait_until_listening(port)?;
        Ok(nginx)
    }

    /// GET `path` (`/index.html`), asking for `encodings` (`br, gzip`) if any.
    pub fn get(&self, path: &str, encodings: Option<&str>) -> Res<Answer> {
        let address = self.base_url.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).map_err(|e| format!("nginx: {e}"))?;
        let accept = encodings.map_or(String::new(), |e| format!("Accept-Encoding: {e}\r\n"));
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {address}\r\n{accept}Connection: close\r\n\r\n");
        stream
            .write_all(request.as_bytes())
            .map_err(|e| e.to_string())?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
        parse(&raw).ok_or_else(|| format!("nginx answered {path} with no HTTP response"))
    }

    /// Requests nginx answered with neither 200 nor 304 (a cache revalidating), as logged.
    pub fn failed_requests(&self) -> Vec<String> {
        let log = std::fs::read_to_string(self.folder.join("access.log")).unwrap_or_default();
        log.lines()
            .filter(|line| {
                let status = line
                    .split('"')
                    .nth(2)
                    .unwrap_or("")
                    .split_whitespace()
                    .next();
                !matches!(status, Some("200" | "304"))
            })
            .map(str::to_owned)
            .collect()
    }

    /// Start-up is the only wait here that polls: a process that has not yet bound its port.
    fn wait_until_listening(&mut self, port: u16) -> Res<()> {
        let start = Instant::now();
        while start.elapsed() < START {
            if let Ok(Some(status)) = self.process.try_wait() {
                let mut error = String::new();
                if let Some(stderr) = self.process.stderr.as_mut() {
                    let _ = stderr.read_to_string(&mut error);
                }
                return Err(format!("nginx stopped ({status}): {error}"));
            }
            if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err(format!("nginx did not listen on {port} within {START:?}"))
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM to the master we started: it stops its workers (a SIGKILL would leave them).
        let _ = Command::new("kill")
            .args(["-TERM", &self.process.id().to_string()])
            .stderr(Stdio::null())
            .status();
        let _ = self.process.wait();
    }
}

/// The generated block with the two lines docs/deploying.md says to change, changed.
fn configured(block: &str, port: u16, site: &Path) -> Res<String> {
    if !block.contains(LISTEN) || !block.contains(ROOT) {
        return Err(format!("{SERVER_BLOCK} lacks `{LISTEN}` or `{ROOT}`"));
    }
    Ok(block
        .replacen(LISTEN, &format!("listen 127.0.0.1:{port};"), 1)
        .replacen(ROOT, &format!("root {};", site.display()), 1))
}

/// Debian's `nginx.conf` reduced to what serving needs, with its modules (brotli among them).
fn main_conf(folder: &Path) -> String {
    let folder = folder.display();
    format!(
        "daemon off;\nworker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log warn;\n\
         include /etc/nginx/modules-enabled/*.conf;\nevents {{ worker_connections 256; }}\n\
         http {{\n    access_log {folder}/access.log;\n    client_body_temp_path {folder}/body;\n\
         proxy_temp_path {folder}/proxy;\n    fastcgi_temp_path {folder}/fastcgi;\n\
         uwsgi_temp_path {folder}/uwsgi;\n    scgi_temp_path {folder}/scgi;\n\
         include {folder}/explainer.conf;\n}}\n"
    )
}

fn parse(raw: &[u8]) -> Option<Answer> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    Some(Answer {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    })
}

fn free_port() -> Res<u16> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

fn write(path: &Path, text: &str) -> Res<()> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
