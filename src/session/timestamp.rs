//! Moments in time as sessions record them: whole seconds in UTC, written as RFC 3339
//! (`2026-11-23T13:27:05Z`), so a session file means the same wherever it is opened. People see
//! them in their own time zone: [`Timestamp::local_minute`] for lists, [`Timestamp::local_date`]
//! for reports and file names. The calendar and time-zone work is jiff's (it reads the system's
//! time-zone database and `TZ`).

use std::fmt;

use jiff::tz::TimeZone;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment, to the second. Ordered, so sessions sort by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(jiff::Timestamp);

/// Years before 0000 cannot be written in RFC 3339's four digits.
const MIN_SECONDS: i64 = -62_167_219_200; // 0000-01-01T00:00:00Z
/// jiff's last moment, which leaves room for any time zone's offset before the year 10000.
const MAX_SECONDS: i64 = 253_402_207_200; // 9999-12-30T22:00:00Z

impl Timestamp {
    /// The current time, from the system clock, to the second.
    pub fn now() -> Timestamp {
        // In range for any clock this side of the year 9999.
        Timestamp::from_unix(jiff::Timestamp::now().as_second())
            .unwrap_or(Timestamp(jiff::Timestamp::UNIX_EPOCH))
    }

    /// A moment given in seconds since the Unix epoch, when it has a four-digit year.
    pub fn from_unix(seconds: i64) -> Option<Timestamp> {
        if !(MIN_SECONDS..=MAX_SECONDS).contains(&seconds) {
            return None;
        }
        jiff::Timestamp::from_second(seconds).ok().map(Timestamp)
    }

    /// Seconds since the Unix epoch.
    pub fn unix(self) -> i64 {
        self.0.as_second()
    }

    /// Reads exactly `YYYY-MM-DDTHH:MM:SSZ`, the shape [`Display`](fmt::Display) writes. Other
    /// RFC 3339 spellings of a moment (an offset, fractions of a second) are refused, so a file
    /// holds one spelling of each time and reads back to the same bytes.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let moment: jiff::Timestamp = text.parse().ok()?;
        let moment = Timestamp::from_unix(moment.as_second())?;
        (moment.to_string() == text).then_some(moment)
    }

    /// The calendar date in UTC, `YYYY-MM-DD`.
    pub fn date(self) -> String {
        self.0.strftime("%Y-%m-%d").to_string()
    }

    /// The calendar date where the user is, `YYYY-MM-DD`: an evening in New York is still
    /// that day.
    pub fn local_date(self) -> String {
        self.date_in(&TimeZone::system())
    }

    /// The calendar date in a given time zone, `YYYY-MM-DD`.
    pub fn date_in(self, zone: &TimeZone) -> String {
        self.0
            .to_zoned_datetime(zone.clone())
            .strftime("%Y-%m-%d")
            .to_string()
    }

    /// The time where the user is, to the minute, with the zone's abbreviation, as lists show
    /// it: `2026-11-23 16:47 EST`.
    pub fn local_minute(self) -> String {
        self.minute_in(&TimeZone::system())
    }

    /// The time in a given time zone, to the minute, with the zone's abbreviation (or its
    /// offset, where the zone has no abbreviation).
    pub fn minute_in(self, zone: &TimeZone) -> String {
        let zoned = self.0.to_zoned_datetime(zone.clone());
        zoned.strftime("%Y-%m-%d %H:%M %Z").to_string()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // jiff writes a whole-second moment as `2026-11-23T13:27:05Z`; the year is padded to
        // four digits for every year this type holds.
        write!(f, "{}", self.0)
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
            (MAX_SECONDS, "9999-12-30T22:00:00Z"),
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

    #[test]
    fn an_evening_in_new_york_is_dated_that_evening() {
        let evening = Timestamp::parse("2026-11-24T02:30:00Z").unwrap();
        let new_york = TimeZone::get("America/New_York").unwrap();
        assert_eq!(evening.date(), "2026-11-24");
        assert_eq!(evening.date_in(&new_york), "2026-11-23");
        assert_eq!(evening.minute_in(&new_york), "2026-11-23 21:30 EST");
        // Summer time has its own abbreviation.
        let july = Timestamp::parse("2026-07-01T12:00:00Z").unwrap();
        assert_eq!(july.minute_in(&new_york), "2026-07-01 08:00 EDT");
        assert_eq!(july.minute_in(&TimeZone::UTC), "2026-07-01 12:00 UTC");
        let kolkata = TimeZone::get("Asia/Kolkata").unwrap();
        assert_eq!(evening.minute_in(&kolkata), "2026-11-24 08:00 IST");
    }

    proptest! {
        #[test]
        fn every_moment_round_trips(seconds in MIN_SECONDS..=MAX_SECONDS) {
            let t = Timestamp::from_unix(seconds).unwrap();
            prop_assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
        }
    }
}
