//! The browser's clock, for countdowns (which also use the server's offset) and dates.

use leptos::prelude::*;

/// The browser's clock in ms (in development builds, plus the dev panel's clock moves).
pub fn client_now_ms() -> i64 {
    let now = js_sys::Date::now() as i64;
    #[cfg(feature = "dev")]
    let now = now + crate::dev::hooks::clock_skew_ms();
    now
}

/// Today in Vietnam (UTC+7), for "not in the future".
pub fn today_in_vietnam() -> time::Date {
    let seconds = client_now_ms().div_euclid(1000);
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map(|t| t.to_offset(vietnam_offset()).date())
        .unwrap_or(time::Date::MIN)
}

/// Vietnam has one time zone and no daylight saving time.
pub fn vietnam_offset() -> time::UtcOffset {
    time::UtcOffset::from_hms(7, 0, 0).unwrap_or(time::UtcOffset::UTC)
}

/// The browser's clock, ticking every `every` while the calling component lives (its
/// interval is cleared on cleanup). Only what a countdown displays follows it; what is left
/// comes from the deadlines.
pub fn use_now_ms(every: std::time::Duration) -> ReadSignal<i64> {
    let (now, set_now) = signal(client_now_ms());
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(client_now_ms()), every) {
        on_cleanup(move || handle.clear());
    }
    now
}
