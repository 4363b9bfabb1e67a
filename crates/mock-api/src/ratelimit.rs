//! Fixed-size sliding-window limits (per phone, per client IP).

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use time::{Duration, OffsetDateTime};

pub struct Limiter<K> {
    limit: u32,
    window: Duration,
    hits: HashMap<K, VecDeque<OffsetDateTime>>,
}

impl<K: Eq + Hash> Limiter<K> {
    /// `limit` 0 turns the limiter off.
    pub fn new(limit: u32, window: Duration) -> Self {
        Limiter {
            limit,
            window,
            hits: HashMap::new(),
        }
    }

    pub fn limit(&self) -> u32 {
        self.limit
    }

    /// Records a hit, or refuses it with the seconds until one is allowed.
    pub fn hit(&mut self, key: K, now: OffsetDateTime) -> Result<(), u64> {
        if self.limit == 0 {
            return Ok(());
        }
        let window = self.window;
        let hits = self.hits.entry(key).or_default();
        while hits.front().is_some_and(|t| *t + window <= now) {
            hits.pop_front();
        }
        if hits.len() >= self.limit as usize {
            let oldest = *hits.front().expect("non-empty when at the limit");
            let wait = (oldest + window - now).whole_seconds().max(1);
            return Err(u64::try_from(wait).unwrap_or(1));
        }
        hits.push_back(now);
        Ok(())
    }

    /// Drops keys with no hit inside the window (called now and then to bound memory).
    pub fn prune(&mut self, now: OffsetDateTime) {
        let window = self.window;
        self.hits
            .retain(|_, hits| hits.back().is_some_and(|t| *t + window > now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn window_slides() {
        let t0 = datetime!(2026-11-26 12:00:00 UTC);
        let mut l = Limiter::new(2, Duration::minutes(10));
        assert_eq!(l.hit("a", t0), Ok(()));
        assert_eq!(l.hit("a", t0 + Duration::minutes(1)), Ok(()));
        assert_eq!(l.hit("a", t0 + Duration::minutes(2)), Err(8 * 60));
        assert_eq!(
            l.hit("b", t0 + Duration::minutes(2)),
            Ok(()),
            "keys are separate"
        );
        assert_eq!(l.hit("a", t0 + Duration::minutes(10)), Ok(()));
        l.prune(t0 + Duration::minutes(30));
        assert!(l.hits.is_empty());
        let mut off = Limiter::new(0, Duration::minutes(10));
        for _ in 0..1000 {
            assert_eq!(off.hit("a", t0), Ok(()));
        }
    }
}
