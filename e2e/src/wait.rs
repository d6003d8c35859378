//! The one way the suite waits for something in a page: look, and look again until it holds.
//! No scenario sleeps for a fixed time; each names the condition it waits for, how long it may
//! take at most, and what it saw last if it never came.

use crate::browser::Browser;
use crate::Res;
use serde_json::Value;
use std::time::{Duration, Instant};

/// How long between two looks: short beside any wait, long beside a WebDriver round trip.
const LOOK_AGAIN_AFTER: Duration = Duration::from_millis(100);

/// One look's answer.
pub enum Poll<T> {
    /// The condition holds; the wait returns this.
    Met(T),
    /// Not yet: what was seen, reported if the wait runs out.
    NotYet(String),
}

impl Browser {
    /// Runs `look` until it answers [`Poll::Met`], for `within` at most; an error from `look`
    /// ends the wait at once. On running out, fails with `what` and the last thing seen.
    pub async fn poll<T>(
        &self,
        what: &str,
        within: Duration,
        mut look: impl AsyncFnMut(&Browser) -> Res<Poll<T>>,
    ) -> Res<T> {
        let started = Instant::now();
        loop {
            let seen = match look(self).await? {
                Poll::Met(value) => return Ok(value),
                Poll::NotYet(seen) => seen,
            };
            if started.elapsed() > within {
                return Err(format!(
                    "{what}: not within {} s; last seen: {seen}",
                    within.as_secs()
                ));
            }
            tokio::time::sleep(LOOK_AGAIN_AFTER).await;
        }
    }

    /// Runs `script` (with `args`) until `holds` accepts its value, and returns that value.
    pub async fn poll_script(
        &self,
        what: &str,
        within: Duration,
        script: &str,
        args: Vec<Value>,
        holds: impl Fn(&Value) -> bool,
    ) -> Res<Value> {
        self.poll(what, within, async |browser| {
            let value = browser.js(script, args.clone()).await?;
            Ok(if holds(&value) {
                Poll::Met(value)
            } else {
                Poll::NotYet(value.to_string())
            })
        })
        .await
    }
}
