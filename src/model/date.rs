//! Dates of ties and sources: ISO 8601 at year, month or day precision, or a `start/end` range.

use std::fmt;

/// One calendar date at year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A parsed date field: a single date or an inclusive range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSpec {
    On(PartialDate),
    Range(PartialDate, PartialDate),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or START/END")]
    Shape(String),
    #[error("'{0}' has month {1}, which is not between 1 and 12")]
    Month(String, u32),
    #[error("'{0}' has day {1}, which that month does not have")]
    Day(String, u32),
    #[error("'{0}' is a range whose end comes before its start")]
    Reversed(String),
}

impl DateSpec {
    pub fn parse(text: &str) -> Result<DateSpec, DateError> {
        match text.split_once('/') {
            Some((start, end)) => {
                let (a, b) = (parse_one(start, text)?, parse_one(end, text)?);
                if b.year < a.year
                    || (b.year == a.year && b.month.zip(a.month).is_some_and(|(bm, am)| bm < am))
                    || (b.year == a.year
                        && b.month == a.month
                        && b.day.zip(a.day).is_some_and(|(bd, ad)| bd < ad))
                {
                    return Err(DateError::Reversed(text.to_owned()));
                }
                Ok(DateSpec::Range(a, b))
            }
            None => Ok(DateSpec::On(parse_one(text, text)?)),
        }
    }
}

fn parse_one(part: &str, whole: &str) -> Result<PartialDate, DateError> {
    let shape = || DateError::Shape(whole.to_owned());
    let fields: Vec<&str> = part.split('-').collect();
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if fields.is_empty() || fields.len() > 3 || !digits(fields[0], 4) {
        return Err(shape());
    }
    let year: i32 = fields[0].parse().map_err(|_| shape())?;
    let mut date = PartialDate {
        year,
        month: None,
        day: None,
    };
    if let Some(m) = fields.get(1) {
        if !digits(m, 2) {
            return Err(shape());
        }
        let month: u32 = m.parse().map_err(|_| shape())?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(whole.to_owned(), month));
        }
        date.month = Some(month as u8);
    }
    if let Some(d) = fields.get(2) {
        if !digits(d, 2) {
            return Err(shape());
        }
        let day: u32 = d.parse().map_err(|_| shape())?;
        let month = u32::from(date.month.unwrap_or(1));
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day(whole.to_owned(), day));
        }
        date.day = Some(day as u8);
    }
    Ok(date)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_each_precision_and_ranges() {
        for ok in [
            "2018",
            "2018-06",
            "2018-06-03",
            "2012/2017",
            "2011/2018-06",
            "2020-02-29",
        ] {
            assert!(DateSpec::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_malformed_dates_with_the_reason() {
        assert_eq!(
            DateSpec::parse("June 2018"),
            Err(DateError::Shape("June 2018".into()))
        );
        assert_eq!(
            DateSpec::parse("2018-13"),
            Err(DateError::Month("2018-13".into(), 13))
        );
        assert_eq!(
            DateSpec::parse("2019-02-29"),
            Err(DateError::Day("2019-02-29".into(), 29))
        );
        assert_eq!(
            DateSpec::parse("2017/2012"),
            Err(DateError::Reversed("2017/2012".into()))
        );
        assert!(DateSpec::parse("18-06-03").is_err());
        assert!(DateSpec::parse("2018-6").is_err());
        assert!(DateSpec::parse("").is_err());
        assert!(DateSpec::parse("2018-06-03-01").is_err());
    }
}
