//! OTP timing from the server's own times, never from counting ticks: a throttled
//! background tab or a reload still shows the right time.

use contract::api::OtpStatus;
use serde::{Deserialize, Serialize};

/// Milliseconds since 1970 in 64-bit arithmetic: the nanosecond count is an `i128`, whose
/// division would pull 128-bit helpers into the wasm.
fn unix_ms(t: time::OffsetDateTime) -> i64 {
    t.unix_timestamp() * 1000 + i64::from(t.millisecond())
}

/// A code's deadlines on the server's clock, and how far that clock is from ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpClock {
    pub expires_at_ms: i64,
    pub resend_at_ms: i64,
    /// Server time minus client time when the answer arrived.
    pub offset_ms: i64,
    pub sends_left: u32,
    pub attempts_left: u32,
}

/// What a screen reader hears: phase changes only, not every second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Running,
    LastMinute,
    Last30Seconds,
    Expired,
}

impl OtpClock {
    pub fn from_status(status: &OtpStatus, client_now_ms: i64) -> Self {
        OtpClock {
            expires_at_ms: unix_ms(status.expires_at),
            resend_at_ms: unix_ms(status.resend_available_at),
            offset_ms: unix_ms(status.server_time) - client_now_ms,
            sends_left: status.sends_left,
            attempts_left: status.attempts_left,
        }
    }

    fn seconds_until(&self, deadline_ms: i64, client_now_ms: i64) -> u64 {
        seconds_left(deadline_ms, client_now_ms + self.offset_ms)
    }

    pub fn remaining_s(&self, client_now_ms: i64) -> u64 {
        self.seconds_until(self.expires_at_ms, client_now_ms)
    }

    pub fn resend_wait_s(&self, client_now_ms: i64) -> u64 {
        self.seconds_until(self.resend_at_ms, client_now_ms)
    }

    pub fn phase(&self, client_now_ms: i64) -> Phase {
        match self.remaining_s(client_now_ms) {
            0 => Phase::Expired,
            1..=30 => Phase::Last30Seconds,
            31..=60 => Phase::LastMinute,
            _ => Phase::Running,
        }
    }
}

/// Whole seconds from `now_ms` to `deadline_ms`, rounded up: "00:01" until the very end,
/// "00:00" only when it is over (and after).
pub fn seconds_left(deadline_ms: i64, now_ms: i64) -> u64 {
    u64::try_from((deadline_ms - now_ms + 999).div_euclid(1000)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use time::Duration;

    fn status() -> OtpStatus {
        let t = datetime!(2026-11-26 12:00:00 UTC);
        OtpStatus {
            length: 6,
            expires_at: t + Duration::seconds(300),
            resend_available_at: t + Duration::seconds(60),
            sends_left: 4,
            attempts_left: 5,
            server_time: t,
        }
    }

    #[test]
    fn remaining_time_comes_from_server_times_whatever_the_client_clock() {
        // The client's clock is 1 hour and 7 ms off the server's.
        let client_now = unix_ms(datetime!(2026-11-26 11:00:00.007 UTC));
        let c = OtpClock::from_status(&status(), client_now);
        assert_eq!(c.remaining_s(client_now), 300);
        assert_eq!(c.resend_wait_s(client_now), 60);
        assert_eq!(c.remaining_s(client_now + 1), 300, "rounds up");
        assert_eq!(c.remaining_s(client_now + 1000), 299);
        assert_eq!(c.resend_wait_s(client_now + 60_000), 0);
        // A tab asleep for 4 minutes shows 60 s on waking, not 299.
        assert_eq!(c.remaining_s(client_now + 240_000), 60);
        assert_eq!(c.remaining_s(client_now + 1_000_000), 0);
    }

    #[test]
    fn phases() {
        let now = 0;
        let c = OtpClock::from_status(&status(), now);
        let at = |s: i64| c.phase(now + s * 1000);
        assert_eq!(at(0), Phase::Running);
        assert_eq!(at(239), Phase::Running);
        assert_eq!(at(240), Phase::LastMinute);
        assert_eq!(at(270), Phase::Last30Seconds);
        assert_eq!(at(299), Phase::Last30Seconds);
        assert_eq!(at(300), Phase::Expired);
    }

    #[test]
    fn seconds_left_round_up_and_stop_at_zero() {
        assert_eq!(seconds_left(10_000, 0), 10);
        assert_eq!(seconds_left(10_000, 1), 10);
        assert_eq!(seconds_left(10_000, 9_999), 1);
        assert_eq!(seconds_left(10_000, 10_000), 0);
        assert_eq!(seconds_left(10_000, 99_000), 0);
    }
}
