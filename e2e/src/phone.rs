//! A phone-class profile in Chromium (Lighthouse's "slow 4G"): 4× CPU slowdown, 150 ms round
//! trip, 1.6 Mbps down and 0.75 Mbps up, through DevTools.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::Res;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// How many times slower the page's main thread runs (CDP `Emulation.setCPUThrottlingRate`).
pub const CPU_SLOWDOWN: u32 = 4;
/// Added to every request (CDP `Network.emulateNetworkConditions`; per request, not per packet).
pub const LATENCY_MS: u32 = 150;
/// 1.6 Mbps down and 0.75 Mbps up, in bytes per second.
pub const DOWNLOAD_BYTES_PER_S: u32 = 1_600_000 / 8;
pub const UPLOAD_BYTES_PER_S: u32 = 750_000 / 8;

/// A common phone's screen in CSS pixels (iPhone 12 to 15, and close to most Android phones'
/// 360–412 × 800–915), and its device pixel ratio.
pub const PHONE_SCREEN: (u32, u32) = (390, 844);
pub const PHONE_PIXEL_RATIO: u32 = 3;
/// A finger's tap, down to up: about 50–100 ms.
pub const TAP: Duration = Duration::from_millis(80);

/// The profile as reports name it.
pub fn profile() -> String {
    format!(
        "{CPU_SLOWDOWN}× CPU, {LATENCY_MS} ms RTT, {} / {} Mbps",
        f64::from(DOWNLOAD_BYTES_PER_S) * 8.0 / 1e6,
        f64::from(UPLOAD_BYTES_PER_S) * 8.0 / 1e6,
    )
}

impl Browser {
    /// Slows this Chromium session's CPU and network to a phone's.
    pub async fn emulate_phone(&self) -> Res<()> {
        if self.engine != Engine::Chromium {
            return Err(format!(
                "{}: no phone profile (DevTools only)",
                self.engine.name()
            ));
        }
        self.cdp("Network.enable", json!({})).await?;
        self.network_conditions(
            LATENCY_MS,
            f64::from(DOWNLOAD_BYTES_PER_S),
            f64::from(UPLOAD_BYTES_PER_S),
        )
        .await?;
        self.cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": CPU_SLOWDOWN }),
        )
        .await
        .map(drop)
    }

    /// Undoes `emulate_phone`: every step is tried, the first failure reported.
    pub async fn stop_emulating_phone(&self) -> Res<()> {
        let steps = [
            self.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
                .await
                .map(drop),
            // -1: no limit.
            self.network_conditions(0, -1.0, -1.0).await,
            self.cdp("Network.disable", json!({})).await.map(drop),
        ];
        steps.into_iter().find_map(Result::err).map_or(Ok(()), Err)
    }

    /// A phone's screen (Chromium): `PHONE_SCREEN` as a mobile viewport at its pixel ratio,
    /// with touch, so pages use their phone layout and see no hover (`(hover: none)`).
    pub async fn emulate_phone_screen(&self) -> Res<()> {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": PHONE_SCREEN.0,
                "height": PHONE_SCREEN.1,
                "deviceScaleFactor": PHONE_PIXEL_RATIO,
                "mobile": true,
            }),
        )
        .await?;
        self.cdp(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": true, "maxTouchPoints": 5 }),
        )
        .await
        .map(drop)
    }

    /// Undoes `emulate_phone_screen`: every step is tried, the first failure reported.
    pub async fn stop_emulating_phone_screen(&self) -> Res<()> {
        let steps = [
            self.cdp(
                "Emulation.setTouchEmulationEnabled",
                json!({ "enabled": false }),
            )
            .await
            .map(drop),
            self.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
                .await
                .map(drop),
        ];
        steps.into_iter().find_map(Result::err).map_or(Ok(()), Err)
    }

    /// A finger's tap at (x, y) in CSS pixels (Chromium, on a phone's screen): down, and up
    /// `TAP` later, as CDP touch events, which the browser turns into pointer, touch and click
    /// events. Lifting the finger as soon as the first command returned made taps 15–125 ms
    /// long, often lifted while the page still answered the touch (its pointer events, the
    /// pressed look, the tap highlight): no finger does that, and Event Timing counted it into
    /// the click. The hold is a finger's, not a wait for the page.
    pub async fn tap_at(&self, x: f64, y: f64) -> Res<()> {
        let down = Instant::now();
        self.touch("touchStart", json!([{ "x": x, "y": y }]))
            .await?;
        tokio::time::sleep(TAP.saturating_sub(down.elapsed())).await;
        self.touch("touchEnd", json!([])).await
    }

    async fn touch(&self, kind: &str, points: Value) -> Res<()> {
        self.cdp(
            "Input.dispatchTouchEvent",
            json!({ "type": kind, "touchPoints": points }),
        )
        .await
        .map(drop)
    }

    async fn network_conditions(&self, latency: u32, down: f64, up: f64) -> Res<()> {
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up }),
        )
        .await
        .map(drop)
    }
}
