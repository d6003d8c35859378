//! A phone-class profile in Chromium (Lighthouse's "slow 4G"): 4× CPU slowdown, 150 ms round
//! trip, 1.6 Mbps down and 0.75 Mbps up, through DevTools.

use crate::browser::Browser;
use crate::engine::Engine;
use crate::Res;
use serde_json::json;

/// How many times slower the page's main thread runs (CDP `Emulation.setCPUThrottlingRate`).
pub const CPU_SLOWDOWN: u32 = 4;
/// Added to every request (CDP `Network.emulateNetworkConditions`; per request, not per packet).
pub const LATENCY_MS: u32 = 150;
/// 1.6 Mbps down and 0.75 Mbps up, in bytes per second.
pub const DOWNLOAD_BYTES_PER_S: u32 = 1_600_000 / 8;
pub const UPLOAD_BYTES_PER_S: u32 = 750_000 / 8;

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

    async fn network_conditions(&self, latency: u32, down: f64, up: f64) -> Res<()> {
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up }),
        )
        .await
        .map(drop)
    }
}
