//! The browser's clock, for countdowns (which also use the server's offset) and dates.

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
