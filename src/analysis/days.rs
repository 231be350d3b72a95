//! Calendar days as numbers, so that dates of any precision become intervals that compare:
//! `2018` is 2018-01-01..=2018-12-31, `2018-06` the whole of June, `2012/2017` the six years.
//! No egui.

use crate::model::{DateSpec, PartialDate};

/// A day, counted from 1970-01-01 (day 0); earlier days are negative.
pub type Day = i32;

/// An inclusive range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    pub first: Day,
    pub last: Day,
}

impl Interval {
    pub fn overlaps(self, first: Day, last: Day) -> bool {
        self.first <= last && self.last >= first
    }
}

/// The day number of a calendar date (proleptic Gregorian).
pub fn day_of(year: i32, month: u32, day: u32) -> Day {
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number: (year, month, day).
pub fn civil(day: Day) -> (i32, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// `YYYY-MM-DD`.
pub fn format_day(day: Day) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The first and last days a date of some precision covers.
fn span(date: PartialDate) -> Interval {
    let (first_month, last_month) = date.month.map_or((1, 12), |m| (m.into(), m.into()));
    let first_day = date.day.map_or(1, u32::from);
    let last_day = date
        .day
        .map_or_else(|| days_in_month(date.year, last_month), u32::from);
    Interval {
        first: day_of(date.year, first_month, first_day),
        last: day_of(date.year, last_month, last_day),
    }
}

/// The days a date field covers: one date at its precision, or a range from the first day of
/// its start to the last day of its end. `None` for text that is not a date.
pub fn interval(text: &str) -> Option<Interval> {
    match DateSpec::parse(text.trim()).ok()? {
        DateSpec::On(date) => Some(span(date)),
        DateSpec::Range(a, b) => Some(Interval {
            first: span(a).first,
            last: span(b).last,
        }),
    }
}

/// The first day a date field names (`2018-06` is 2018-06-01).
pub fn first_day(text: &str) -> Option<Day> {
    interval(text).map(|i| i.first)
}

/// The last day a date field names (`2018-06` is 2018-06-30).
pub fn last_day(text: &str) -> Option<Day> {
    interval(text).map(|i| i.last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_1970_and_come_back() {
        assert_eq!(day_of(1970, 1, 1), 0);
        assert_eq!(day_of(1969, 12, 31), -1);
        assert_eq!(day_of(2000, 3, 1), 11_017);
        for day in [-800_000, -1, 0, 59, 60, 11_016, 17_685, 40_000] {
            let (y, m, d) = civil(day);
            assert_eq!(day_of(y, m, d), day);
        }
        assert_eq!(format_day(day_of(2018, 6, 3)), "2018-06-03");
    }

    #[test]
    fn each_precision_covers_its_days() {
        let i = interval("2018").unwrap();
        assert_eq!(
            (i.first, i.last),
            (day_of(2018, 1, 1), day_of(2018, 12, 31))
        );
        let i = interval("2020-02").unwrap();
        assert_eq!((i.first, i.last), (day_of(2020, 2, 1), day_of(2020, 2, 29)));
        let i = interval("2018-06-03").unwrap();
        assert_eq!(i.first, i.last);
        let i = interval("2011/2018-06").unwrap();
        assert_eq!((i.first, i.last), (day_of(2011, 1, 1), day_of(2018, 6, 30)));
        let i = interval("2018-05-27/2018-06-02").unwrap();
        assert_eq!(i.last - i.first, 6);
        assert_eq!(interval("June 2018"), None);
        assert_eq!(first_day("2018-06"), Some(day_of(2018, 6, 1)));
        assert_eq!(last_day("2018-06"), Some(day_of(2018, 6, 30)));
    }
}
