//! One WebDriver session: the driver process, the browser it starts, and the vendor commands
//! (Chromium's DevTools and log endpoints) the suite needs.

use crate::engine::{Engine, Scheme};
use crate::server::Server;
use crate::Res;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Drivers and browsers start slowly on 2 busy cores; these are generous on purpose.
const DRIVER_START: Duration = Duration::from_secs(90);
const SESSION_START: Duration = Duration::from_secs(120);
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(180);
const PAGE_LOAD_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Browser {
    pub engine: Engine,
    pub client: Client,
    pub scheme: Scheme,
    /// The site under test; its log tells which requests failed.
    pub server: Server,
    driver: Child,
    output: Arc<Mutex<Vec<String>>>,
    output_read: usize,
    scratch: PathBuf,
}

impl Browser {
    /// Starts the engine's driver on a free loopback port and opens a session in `scheme`.
    pub async fn launch(engine: Engine, scheme: Scheme, server: &Server) -> Res<Browser> {
        engine.check_installed()?;
        let scratch = fresh_scratch_dir(engine)?;
        engine.prepare_scratch(&scratch)?;
        let port = free_port()?;
        let mut command = engine.driver_command(port, &scratch);
        // Its own process group, so xvfb-run's X server and the browser end with the driver.
        command
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut driver = command
            .spawn()
            .map_err(|e| format!("{}: cannot start {command:?}: {e}", engine.name()))?;
        let output = collect_output(&mut driver);
        wait_for_port(&mut driver, port, &output).map_err(|e| format!("{}: {e}", engine.name()))?;
        let client = match new_session(engine, scheme, port, &scratch).await {
            Ok(client) => client,
            Err(error) => {
                stop_process_group(&mut driver);
                let log = output.lock().expect("output lock").join("\n");
                return Err(format!("{}: {error}\ndriver output:\n{log}", engine.name()));
            }
        };
        let mut browser = Browser {
            engine,
            client,
            scheme,
            server: server.clone(),
            driver,
            output,
            output_read: 0,
            scratch,
        };
        browser.emulate_media(scheme).await?;
        browser.allow_phone_widths().await?;
        Ok(browser)
    }

    pub async fn close(mut self) {
        // The session may already be gone after a failure; the driver is stopped regardless.
        let _ = self.client.clone().close().await;
        stop_process_group(&mut self.driver);
        let _ = std::fs::remove_dir_all(&self.scratch);
    }

    /// Dark or light scheme and reduced motion, where the session can switch them live.
    pub async fn emulate_media(&mut self, scheme: Scheme) -> Res<()> {
        if !self.engine.switches_scheme_live() {
            return Ok(());
        }
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [
                { "name": "prefers-color-scheme", "value": scheme.name() },
                { "name": "prefers-reduced-motion", "value": "reduce" },
            ]}),
        )
        .await?;
        self.scheme = scheme;
        Ok(())
    }

    /// Firefox's browser window keeps a 500 px minimum width in its own stylesheet; lifting it
    /// (in the privileged "chrome" context) lets the window, and so the page, be 320 px wide.
    async fn allow_phone_widths(&self) -> Res<()> {
        if self.engine != Engine::Firefox {
            return Ok(());
        }
        self.vendor("moz/context", json!({ "context": "chrome" }))
            .await?;
        let lifted = self
            .client
            .execute("document.documentElement.style.minWidth = '0px'; return getComputedStyle(document.documentElement).minWidth;", vec![])
            .await
            .map_err(|e| format!("cannot lift Firefox's minimum width: {e}"));
        self.vendor("moz/context", json!({ "context": "content" }))
            .await?;
        lifted.map(drop)
    }

    /// A Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, method: &str, params: Value) -> Res<Value> {
        self.vendor(
            "goog/cdp/execute",
            json!({ "cmd": method, "params": params }),
        )
        .await
        .map_err(|e| format!("CDP {method}: {e}"))
    }

    /// Console errors and warnings the engine reported since the last call: Chromium's browser
    /// log through WebDriver, elsewhere the console lines in the driver's output.
    pub async fn console_problems(&mut self) -> Res<Vec<String>> {
        let mut problems = Vec::new();
        if self.engine == Engine::Chromium {
            let entries = self.vendor("se/log", json!({ "type": "browser" })).await?;
            for entry in entries.as_array().into_iter().flatten() {
                let level = entry["level"].as_str().unwrap_or_default();
                if level == "SEVERE" || level == "WARNING" {
                    problems.push(format!("{level}: {}", entry["message"]));
                }
            }
        }
        let output = self.output.lock().expect("output lock");
        problems.extend(
            output[self.output_read..]
                .iter()
                .filter(|line| self.engine.is_console_problem(line))
                .cloned(),
        );
        self.output_read = output.len();
        Ok(problems)
    }

    /// Whether the driver's output not yet read by `console_problems` mentions `needle`.
    pub fn engine_output_mentions(&self, needle: &str) -> bool {
        let output = self.output.lock().expect("output lock");
        output[self.output_read..]
            .iter()
            .any(|line| line.contains(needle))
    }

    async fn vendor(&self, path: &'static str, body: Value) -> Res<Value> {
        self.client
            .issue_cmd(VendorCommand { path, body })
            .await
            .map_err(|e| format!("{path}: {e}"))
    }
}

/// A POST to `/session/{id}/{path}`: the vendor endpoints fantoccini has no method for.
#[derive(Debug)]
struct VendorCommand {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for VendorCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

async fn new_session(
    engine: Engine,
    scheme: Scheme,
    port: u16,
    scratch: &std::path::Path,
) -> Res<Client> {
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let mut builder = ClientBuilder::new(connector);
    builder.capabilities(engine.capabilities(scheme, scratch));
    let url = format!("http://127.0.0.1:{port}/");
    let client = tokio::time::timeout(SESSION_START, builder.connect(&url))
        .await
        .map_err(|_| format!("no session within {} s", SESSION_START.as_secs()))?
        .map_err(|e| format!("cannot open a session: {e}"))?;
    client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(SCRIPT_TIMEOUT),
            Some(PAGE_LOAD_TIMEOUT),
            Some(Duration::ZERO),
        ))
        .await
        .map_err(|e| format!("cannot set timeouts: {e}"))?;
    Ok(client)
}

fn fresh_scratch_dir(engine: Engine) -> Res<PathBuf> {
    static LAUNCHES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let launch = LAUNCHES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "e2e-{}-{}-{launch}",
        engine.name().to_lowercase(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

fn free_port() -> Res<u16> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| format!("no free port: {e}"))?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// Keeps every line the driver and its browser print, for console checks and error reports.
fn collect_output(driver: &mut Child) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let streams: [Option<Box<dyn Read + Send>>; 2] = [
        driver
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        driver
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ];
    for stream in streams.into_iter().flatten() {
        let lines = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                lines.lock().expect("output lock").push(line);
            }
        });
    }
    lines
}

fn wait_for_port(driver: &mut Child, port: u16, output: &Mutex<Vec<String>>) -> Res<()> {
    let started = Instant::now();
    while started.elapsed() < DRIVER_START {
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return Ok(());
        }
        if let Ok(Some(status)) = driver.try_wait() {
            let log = output.lock().expect("output lock").join("\n");
            return Err(format!(
                "the driver exited ({status}) before listening:\n{log}"
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    stop_process_group(driver);
    Err(format!(
        "the driver did not listen on port {port} within {} s",
        DRIVER_START.as_secs()
    ))
}

/// Ends the driver's process group (driver, browser, and for WebKit the X server), by its id.
fn stop_process_group(driver: &mut Child) {
    let group = format!("-{}", driver.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = driver.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
    let _ = driver.wait();
}
