//! A DevTools connection of our own to the browser chromedriver started, for what
//! `goog/cdp/execute` cannot do: receive events (a trace arrives as `Tracing.dataCollected`
//! events). The browser writes its DevTools port into `DevToolsActivePort` in its profile
//! folder; this speaks just enough WebSocket (RFC 6455: text frames, client frames masked) on
//! loopback to send commands and read their answers and events.

use e2e::{Browser, Res};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

/// A trace of a few seconds is delivered within this, however busy the machine.
const READ_TIMEOUT: Duration = Duration::from_secs(120);
const TEXT: u8 = 0x1;
const CONTINUATION: u8 = 0x0;
const CLOSE: u8 = 0x8;
const PING: u8 = 0x9;
const PONG: u8 = 0xA;

/// The browser-wide DevTools target (tracing is browser-wide).
pub struct DevTools {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
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
        let mut writer = stream.try_clone().map_err(|e| e.to_string())?;
        // The key need not be secret or checked: this is loopback, to a browser we started.
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        );
        writer
            .write_all(request.as_bytes())
            .map_err(|e| format!("DevTools handshake: {e}"))?;
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).map_err(|e| e.to_string())?;
        if !status.contains(" 101 ") {
            return Err(format!("DevTools refused the WebSocket: {status}"));
        }
        loop {
            let mut header = String::new();
            reader.read_line(&mut header).map_err(|e| e.to_string())?;
            if header == "\r\n" || header.is_empty() {
                break;
            }
        }
        Ok(DevTools {
            reader,
            writer,
            next_id: 1,
        })
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
        self.send(command.to_string().as_bytes())?;
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

    fn send(&mut self, payload: &[u8]) -> Res<()> {
        self.send_frame(TEXT, payload)
    }

    fn send_frame(&mut self, opcode: u8, payload: &[u8]) -> Res<()> {
        let mut frame = vec![0x80 | opcode];
        let masked = 0x80;
        match payload.len() {
            len @ 0..=125 => frame.push(masked | len as u8),
            len @ 126..=0xFFFF => {
                frame.push(masked | 126);
                frame.extend_from_slice(&(len as u16).to_be_bytes());
            }
            len => {
                frame.push(masked | 127);
                frame.extend_from_slice(&(len as u64).to_be_bytes());
            }
        }
        let mask = [0x5a, 0x17, 0xc3, 0x3e];
        frame.extend_from_slice(&mask);
        frame.extend(payload.iter().zip(mask.iter().cycle()).map(|(b, m)| b ^ m));
        self.writer
            .write_all(&frame)
            .map_err(|e| format!("DevTools send: {e}"))
    }

    /// One whole message (its frames joined), as JSON; pings are answered on the way.
    fn receive(&mut self) -> Res<Value> {
        let mut message = Vec::new();
        loop {
            let (fin, opcode, payload) = self.receive_frame()?;
            match opcode {
                TEXT | CONTINUATION => message.extend_from_slice(&payload),
                PING => self.send_frame(PONG, &payload)?,
                CLOSE => return Err("DevTools closed the connection".to_owned()),
                _ => {}
            }
            if fin && matches!(opcode, TEXT | CONTINUATION) {
                return serde_json::from_slice(&message)
                    .map_err(|e| format!("DevTools sent no JSON: {e}"));
            }
        }
    }

    fn receive_frame(&mut self) -> Res<(bool, u8, Vec<u8>)> {
        let mut head = [0u8; 2];
        self.read_exact(&mut head)?;
        let len = match head[1] & 0x7F {
            126 => {
                let mut bytes = [0u8; 2];
                self.read_exact(&mut bytes)?;
                u64::from(u16::from_be_bytes(bytes))
            }
            127 => {
                let mut bytes = [0u8; 8];
                self.read_exact(&mut bytes)?;
                u64::from_be_bytes(bytes)
            }
            len => u64::from(len),
        };
        // A server never masks its frames.
        let mut payload = vec![0u8; len as usize];
        self.read_exact(&mut payload)?;
        Ok((head[0] & 0x80 != 0, head[0] & 0x0F, payload))
    }

    fn read_exact(&mut self, buffer: &mut [u8]) -> Res<()> {
        self.reader
            .read_exact(buffer)
            .map_err(|e| format!("DevTools receive: {e}"))
    }
}
