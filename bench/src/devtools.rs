//! A DevTools connection of our own to the browser chromedriver started, for what
//! `goog/cdp/execute` cannot do: receive events (a trace arrives as `Tracing.dataCollected`
//! events). The browser writes its DevTools port into `DevToolsActivePort` in its profile
//! folder; a WebSocket (tungstenite) on loopback carries the commands, their answers and the
//! events.

use e2e::{Browser, Res};
use serde_json::{json, Value};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;
use tungstenite::{Message, WebSocket};

/// A trace of a few seconds is delivered within this, however busy the machine.
const READ_TIMEOUT: Duration = Duration::from_secs(120);

/// The browser-wide DevTools target (tracing is browser-wide).
pub struct DevTools {
    socket: WebSocket<TcpStream>,
    next_id: u64,
}

impl DevTools {
    /// Connects to the browser `browser` drives, found through its command line's profile.
    pub async fn connect(browser: &Browser) -> Res<DevTools> {
        let command_line = browser
            .cdp("Browser.getBrowserCommandLine", json!({}))
            .await?;
        let profile = command_line["arguments"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find_map(|argument| argument.strip_prefix("--user-data-dir="))
            .ok_or("the browser was started without --user-data-dir")?;
        let active_port = Path::new(profile).join("DevToolsActivePort");
        let written = std::fs::read_to_string(&active_port)
            .map_err(|e| format!("{}: {e}", active_port.display()))?;
        let mut lines = written.lines();
        match (lines.next(), lines.next()) {
            (Some(port), Some(path)) => DevTools::open(port, path),
            _ => Err(format!("{}: no port and path", active_port.display())),
        }
    }

    fn open(port: &str, path: &str) -> Res<DevTools> {
        let host = format!("127.0.0.1:{port}");
        let stream = TcpStream::connect(&host).map_err(|e| format!("DevTools {host}: {e}"))?;
        stream
            .set_read_timeout(Some(READ_TIMEOUT))
            .map_err(|e| e.to_string())?;
        let (socket, _) = tungstenite::client(format!("ws://{host}{path}"), stream)
            .map_err(|e| format!("DevTools refused the WebSocket: {e}"))?;
        Ok(DevTools { socket, next_id: 1 })
    }

    /// Sends `method` and returns its result; events arriving meanwhile go to `on_event`.
    pub fn call(
        &mut self,
        method: &str,
        params: Value,
        on_event: &mut dyn FnMut(&str, Value),
    ) -> Res<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let command = json!({ "id": id, "method": method, "params": params });
        self.socket
            .send(Message::text(command.to_string()))
            .map_err(|e| format!("DevTools send: {e}"))?;
        loop {
            let mut message = self.receive()?;
            if message["id"] == id {
                if let Some(error) = message.get("error") {
                    return Err(format!("DevTools {method}: {error}"));
                }
                return Ok(message["result"].take());
            }
            if let Some(event) = message["method"].as_str() {
                let event = event.to_owned();
                on_event(&event, message["params"].take());
            }
        }
    }

    /// Reads events until `until` names one, each handed to `on_event` (that one included).
    pub fn wait_for(&mut self, until: &str, on_event: &mut dyn FnMut(&str, Value)) -> Res<()> {
        loop {
            let mut message = self.receive()?;
            if let Some(event) = message["method"].as_str().map(str::to_owned) {
                on_event(&event, message["params"].take());
                if event == until {
                    return Ok(());
                }
            }
        }
    }

    /// One whole message, as JSON; pings are answered by the socket on the way.
    fn receive(&mut self) -> Res<Value> {
        loop {
            match self.socket.read() {
                Ok(Message::Text(text)) => {
                    return serde_json::from_str(&text)
                        .map_err(|e| format!("DevTools sent no JSON: {e}"))
                }
                Ok(Message::Close(_)) => return Err("DevTools closed the connection".to_owned()),
                Ok(_) => {}
                Err(error) => return Err(format!("DevTools receive: {error}")),
            }
        }
    }
}
