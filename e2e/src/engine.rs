//! The three engines: where their browser and driver live, and how each is asked for a dark
//! scheme and reduced motion.

use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const FIREFOX: &str = "/usr/bin/firefox-esr";
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";

/// MiniBrowser's toolbar holds its window to at least 447 px; shrunk to nothing (GTK's own
/// stylesheet, never the page's), the window and so the page can be 320 px wide.
const MINIBROWSER_COMPACT_CSS: &str =
    "* { font-size: 1px; padding: 0; margin: 0; min-width: 0; min-height: 0; border-width: 0; }\n";

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        }
    }

    /// Chromium switches the scheme in a running session (CDP `Emulation.setEmulatedMedia`).
    /// Firefox reads it from prefs and WebKit from MiniBrowser's `--dark-mode` at start-up,
    /// so there the suite starts a second session for the dark scenarios.
    pub fn switches_scheme_live(self) -> bool {
        self == Engine::Chromium
    }

    /// The files this engine needs; a missing one fails the suite with the package to install.
    pub fn check_installed(self) -> Result<(), String> {
        let needed: Vec<(PathBuf, &str)> = match self {
            Engine::Chromium => vec![
                (CHROMIUM.into(), "apt-get install chromium"),
                (CHROMEDRIVER.into(), "apt-get install chromium-driver"),
            ],
            Engine::Firefox => vec![
                (FIREFOX.into(), "apt-get install firefox-esr"),
                (geckodriver(), "cargo install geckodriver"),
            ],
            Engine::WebKit => vec![
                (WEBKIT_DRIVER.into(), "apt-get install webkit2gtk-driver"),
                (XVFB_RUN.into(), "apt-get install xvfb"),
                (minibrowser(), "apt-get install webkit2gtk-driver"),
            ],
        };
        let missing: Vec<String> = needed
            .iter()
            .filter(|(path, _)| !path.is_file())
            .map(|(path, fix)| {
                format!(
                    "{} is missing ({fix}, or run `cargo xtask test`)",
                    path.display()
                )
            })
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("{}: {}", self.name(), missing.join("; ")))
        }
    }

    /// The WebDriver server, listening on loopback at `port`.
    pub fn driver_command(self, port: u16, scratch: &Path) -> Command {
        match self {
            Engine::Chromium => {
                let mut command = Command::new(CHROMEDRIVER);
                command.arg(format!("--port={port}"));
                command
            }
            Engine::Firefox => {
                let mut command = Command::new(geckodriver());
                command.args([
                    "--host",
                    "127.0.0.1",
                    "--port",
                    &port.to_string(),
                    "--allow-system-access",
                ]);
                command
            }
            Engine::WebKit => {
                let mut command = Command::new(XVFB_RUN);
                command
                    .args(["-a", "-s", "-screen 0 1920x1200x24", WEBKIT_DRIVER])
                    .arg(format!("--port={port}"))
                    // GTK's animation setting is what WebKitGTK reports as prefers-reduced-motion.
                    .env("XDG_CONFIG_HOME", scratch);
                command
            }
        }
    }

    /// Files the driver's environment needs before it starts.
    pub fn prepare_scratch(self, scratch: &Path) -> Result<(), String> {
        if self == Engine::WebKit {
            let gtk = scratch.join("gtk-3.0");
            std::fs::create_dir_all(&gtk).map_err(|e| format!("{}: {e}", gtk.display()))?;
            std::fs::write(
                gtk.join("settings.ini"),
                "[Settings]\ngtk-enable-animations=0\n",
            )
            .map_err(|e| format!("gtk settings: {e}"))?;
            std::fs::write(gtk.join("gtk.css"), MINIBROWSER_COMPACT_CSS)
                .map_err(|e| format!("gtk css: {e}"))?;
        }
        Ok(())
    }

    /// New-session capabilities. Reduced motion is asked for in every session; the scheme only
    /// where it must be fixed at start-up.
    pub fn capabilities(self, scheme: Scheme, scratch: &Path) -> Map<String, Value> {
        let capabilities = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run",
                        "--disable-component-update",
                        // 1000 layer changes in seconds would trip the flood guard on history
                        // writes; no reader clicks that fast.
                        "--disable-ipc-flooding-protection",
                        "--hide-scrollbars",
                        format!("--user-data-dir={}", scratch.join("chromium-profile").display()),
                    ],
                },
                "goog:loggingPrefs": { "browser": "ALL" },
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": FIREFOX,
                    "args": ["-headless"],
                    "prefs": {
                        "ui.systemUsesDarkTheme": i32::from(scheme == Scheme::Dark),
                        "ui.prefersReducedMotion": 1,
                        // The endurance scenario writes history 1000 times in seconds.
                        "dom.navigation.locationChangeRateLimit.count": 100_000,
                        // Browser chrome noise in the console on a machine without a desktop.
                        "browser.backup.enabled": false,
                        "browser.backup.scheduled.enabled": false,
                    },
                },
            }),
            Engine::WebKit => {
                let mut args = vec!["--automation"];
                if scheme == Scheme::Dark {
                    args.push("--dark-mode");
                }
                json!({
                    "browserName": "MiniBrowser",
                    "webkitgtk:browserOptions": { "binary": minibrowser(), "args": args },
                })
            }
        };
        match capabilities {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are a JSON object"),
        }
    }

    /// Lines of the driver's (and browser's) output that are console errors or warnings.
    pub fn is_console_problem(self, line: &str) -> bool {
        match self {
            // Chromium's console is read through WebDriver's log endpoint instead.
            Engine::Chromium => false,
            // Engine-reported script errors about our page. The page's own console calls are
            // recorded by the probe; other console lines here come from Firefox's own modules.
            Engine::Firefox => {
                (line.contains("JavaScript error") || line.contains("JavaScript warning"))
                    && line.contains("127.0.0.1")
            }
            // WebKitWebDriver relays no console output: the probe and the server log cover it.
            Engine::WebKit => false,
        }
    }
}

/// geckodriver from `cargo install`, found on PATH or in cargo's install folder.
pub fn geckodriver() -> PathBuf {
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("geckodriver"))
            .find(|candidate| candidate.is_file())
    });
    on_path.unwrap_or_else(|| {
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
            });
        cargo_home.join("bin/geckodriver")
    })
}

/// MiniBrowser ships inside libwebkit2gtk, under the multiarch library folder.
pub fn minibrowser() -> PathBuf {
    let multiarch = format!("{}-linux-gnu", std::env::consts::ARCH);
    ["webkit2gtk-4.1", "webkit2gtk-4.0"]
        .iter()
        .map(|api| {
            Path::new("/usr/lib")
                .join(&multiarch)
                .join(api)
                .join("MiniBrowser")
        })
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| {
            Path::new("/usr/lib")
                .join(multiarch)
                .join("webkit2gtk-4.1/MiniBrowser")
        })
}
