//! The server's notion of now: the system time plus an offset that `/api/dev/clock`
//! (and tests) move forward, so expiry, locks and rate limits can be reviewed without waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use time::{Duration, OffsetDateTime, UtcOffset};

pub struct Clock {
    /// `None`: the system time; `Some`: a fixed start (tests).
    start: Option<OffsetDateTime>,
    offset_s: AtomicI64,
}

/// Vietnam's time zone (no daylight saving): "today" for birth dates is local.
pub const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};

impl Clock {
    pub fn system() -> Self {
        Clock {
            start: None,
            offset_s: AtomicI64::new(0),
        }
    }

    pub fn fixed(start: OffsetDateTime) -> Self {
        Clock {
            start: Some(start),
            offset_s: AtomicI64::new(0),
        }
    }

    pub fn now(&self) -> OffsetDateTime {
        let base = self.start.unwrap_or_else(OffsetDateTime::now_utc);
        // Whole seconds: the API's RFC 3339 times carry no fraction.
        let base = base.replace_nanosecond(0).unwrap_or(base);
        base + Duration::seconds(self.offset_s.load(Ordering::SeqCst))
    }

    pub fn today_in_vietnam(&self) -> time::Date {
        self.now().to_offset(VIETNAM).date()
    }

    pub fn advance(&self, seconds: i64) {
        self.offset_s.fetch_add(seconds, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn advances_and_knows_vietnam_date() {
        let c = Clock::fixed(datetime!(2026-11-26 18:30:00 UTC));
        assert_eq!(c.today_in_vietnam(), time::macros::date!(2026 - 11 - 27));
        c.advance(60);
        assert_eq!(c.now(), datetime!(2026-11-26 18:31:00 UTC));
    }
}
