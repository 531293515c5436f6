//! Moments in time as sessions record them: whole seconds in UTC, written as RFC 3339
//! (`2026-11-23T13:27:05Z`). Formatting and parsing this one fixed shape takes a few lines of
//! calendar arithmetic, so no date crate is needed: sessions never deal in time zones, durations
//! or local time.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment, in whole seconds since 1970-01-01T00:00:00Z. Ordered, so sessions sort by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Years outside 0000..=9999 cannot be written in RFC 3339's four digits.
const MIN_SECONDS: i64 = -62_167_219_200; // 0000-01-01T00:00:00Z
const MAX_SECONDS: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

impl Timestamp {
    /// The current time, from the system clock (a clock set before 1970 reads as 1970).
    pub fn now() -> Timestamp {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(MAX_SECONDS));
        Timestamp(seconds.min(MAX_SECONDS))
    }

    /// A moment given in seconds since the Unix epoch, when it has a four-digit year.
    pub fn from_unix(seconds: i64) -> Option<Timestamp> {
        (MIN_SECONDS..=MAX_SECONDS)
            .contains(&seconds)
            .then_some(Timestamp(seconds))
    }

    /// Seconds since the Unix epoch.
    pub fn unix(self) -> i64 {
        self.0
    }

    /// Reads exactly `YYYY-MM-DDTHH:MM:SSZ`, the shape [`Display`](fmt::Display) writes.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() != 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'Z'
        {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<i64> {
            let digits = &b[range];
            digits.iter().all(u8::is_ascii_digit).then(|| {
                digits
                    .iter()
                    .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'))
            })
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        Some(Timestamp(
            days * 86_400 + hour * 3_600 + minute * 60 + second,
        ))
    }

    /// The calendar date, `YYYY-MM-DD`, for reports.
    pub fn date(self) -> String {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        format!("{year:04}-{month:02}-{day:02}")
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0.rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            seconds / 3_600,
            seconds % 3_600 / 60,
            seconds % 60
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{}` is not a time in the form 2026-11-23T13:27:05Z (UTC)",
                text.escape_debug()
            ))
        })
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day counted from 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_moments_format_as_rfc3339() {
        // Checked against `date -u -d @SECONDS +%Y-%m-%dT%H:%M:%SZ`.
        for (seconds, text) in [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_767_225_599, "2025-12-31T23:59:59Z"),
            (-86_400, "1969-12-31T00:00:00Z"),
            (MAX_SECONDS, "9999-12-31T23:59:59Z"),
            (MIN_SECONDS, "0000-01-01T00:00:00Z"),
        ] {
            let t = Timestamp::from_unix(seconds).unwrap();
            assert_eq!(t.to_string(), text);
            assert_eq!(Timestamp::parse(text), Some(t));
        }
    }

    #[test]
    fn anything_but_the_exact_shape_is_refused() {
        for bad in [
            "",
            "2026-11-23",
            "2026-11-23T13:27:05",
            "2026-11-23T13:27:05+01:00",
            "2026-11-23T13:27:05.5Z",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-11-31T00:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T13:60:00Z",
            "+026-11-23T13:27:05Z",
            "2026-11-23t13:27:05z",
            "２０２６-11-23T13:27:05Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Timestamp::from_unix(MAX_SECONDS + 1), None);
    }

    #[test]
    fn now_is_after_this_code_was_written() {
        assert!(Timestamp::now() > Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
    }

    proptest! {
        #[test]
        fn every_moment_round_trips(seconds in MIN_SECONDS..=MAX_SECONDS) {
            let t = Timestamp::from_unix(seconds).unwrap();
            prop_assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
        }
    }
}
