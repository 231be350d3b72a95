//! The timeline: ties' dates (single days, months, years or ranges, as intervals of days)
//! against a range of days, a histogram of them in calendar bins, and the steps of Play. Which
//! ties were known on a day is the evidence rule's part (`filters::Evidence`). No egui.

use super::days::{self, civil, day_of, Day};
use super::graph::MapGraph;
use super::Shown;
use crate::model::TimeSpec;

/// The range of days a timeline shows, resolved from its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub first: Day,
    pub last: Day,
    /// Ties without a date are hidden too.
    pub hide_undated: bool,
}

impl DayRange {
    /// The range a timeline sets, if it sets one (an open end reaches as far as there are days).
    pub fn of(spec: &TimeSpec) -> Option<Self> {
        if !spec.has_range() {
            return None;
        }
        let first = spec.from.as_deref().and_then(days::first_day);
        let last = spec.to.as_deref().and_then(days::last_day);
        Some(Self {
            first: first.unwrap_or(Day::MIN),
            last: last.unwrap_or(Day::MAX),
            hide_undated: spec.hide_undated,
        })
    }
}

/// Hides the shown ties whose dates fall wholly outside the range (a tie whose range of
/// dates overlaps it stays: it was going on then).
pub fn apply(graph: &MapGraph, range: DayRange, shown: &mut Shown) {
    for (t, flag) in shown.ties.iter_mut().enumerate() {
        if *flag {
            *flag = match graph.dates[t] {
                Some(dates) => dates.overlaps(range.first, range.last),
                None => !range.hide_undated,
            };
        }
    }
}

/// The first and last days of the shown ties' dates, if any has one.
pub fn extent(graph: &MapGraph, ties: &[bool]) -> Option<(Day, Day)> {
    let mut span: Option<(Day, Day)> = None;
    for (t, dates) in graph.dates.iter().enumerate() {
        let (Some(d), true) = (dates, ties.get(t).copied().unwrap_or(true)) else {
            continue;
        };
        span = Some(span.map_or((d.first, d.last), |(a, b)| (a.min(d.first), b.max(d.last))));
    }
    span
}

/// The calendar unit of a histogram's bins and of Play's steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Month,
    Year,
}

impl Unit {
    /// The unit that gives a readable number of bins over `first..=last`: days up to three
    /// months, months up to fifteen years, years beyond.
    pub fn for_extent(first: Day, last: Day) -> Unit {
        match last - first {
            span if span <= 92 => Unit::Day,
            span if span <= 15 * 366 => Unit::Month,
            _ => Unit::Year,
        }
    }

    /// The first day of the bin of this unit that holds `day`.
    pub fn floor(self, day: Day) -> Day {
        let (y, m, _) = civil(day);
        match self {
            Unit::Day => day,
            Unit::Month => day_of(y, m, 1),
            Unit::Year => day_of(y, 1, 1),
        }
    }

    /// `day` moved by `n` units (a month from January 31 is the last of February).
    pub fn add(self, day: Day, n: i32) -> Day {
        let (y, m, d) = civil(day);
        match self {
            Unit::Day => day + n,
            Unit::Month => {
                let months = y * 12 + m as i32 - 1 + n;
                let (y, m) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
                let last = days::last_day(&format!("{y:04}-{m:02}")).unwrap_or(day_of(y, m, 28));
                day_of(y, m, 1).max(day_of(y, m, d).min(last))
            }
            Unit::Year => {
                let y = y + n;
                if m == 2 && d == 29 && day_of(y, 3, 1) - day_of(y, 2, 28) == 1 {
                    day_of(y, 2, 28)
                } else {
                    day_of(y, m, d)
                }
            }
        }
    }
}

/// One bar of the histogram: its days, and how many ties' dates overlap them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    pub first: Day,
    pub last: Day,
    pub count: usize,
}

/// The shown ties' dates counted in calendar bins (a tie whose dates span several bins counts
/// in each of them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    pub unit: Unit,
    pub bins: Vec<Bin>,
    /// Ties without a date, not in any bin.
    pub undated: usize,
}

impl Histogram {
    /// The histogram of the dates of the ties flagged in `ties`; `None` when none is dated.
    pub fn of(graph: &MapGraph, ties: &[bool]) -> Option<Histogram> {
        let (first, last) = extent(graph, ties)?;
        let unit = Unit::for_extent(first, last);
        let mut bins = Vec::new();
        let mut start = unit.floor(first);
        while start <= last {
            let next = unit.add(start, 1);
            bins.push(Bin {
                first: start,
                last: next - 1,
                count: 0,
            });
            start = next;
        }
        let mut undated = 0;
        for (t, dates) in graph.dates.iter().enumerate() {
            if !ties.get(t).copied().unwrap_or(true) {
                continue;
            }
            let Some(d) = dates else {
                undated += 1;
                continue;
            };
            let from = bins.partition_point(|b| b.last < d.first);
            for bin in bins[from..].iter_mut().take_while(|b| b.first <= d.last) {
                bin.count += 1;
            }
        }
        Some(Histogram {
            unit,
            bins,
            undated,
        })
    }

    pub fn first(&self) -> Day {
        self.bins.first().map_or(0, |b| b.first)
    }

    pub fn last(&self) -> Day {
        self.bins.last().map_or(0, |b| b.last)
    }

    pub fn max_count(&self) -> usize {
        self.bins.iter().map(|b| b.count).max().unwrap_or(0)
    }
}

/// Play's next range: `first..=last` moved one `unit` later; `None` once it has passed `end`.
pub fn step(first: Day, last: Day, unit: Unit, end: Day) -> Option<(Day, Day)> {
    if last >= end {
        return None;
    }
    let first = unit.add(first, 1);
    let last = unit.add(last + 1, 1) - 1;
    Some((first, last.min(end.max(first))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;
    use crate::sample::sample_dataset;

    fn graph() -> (Dataset, MapGraph) {
        let data = sample_dataset();
        let graph = MapGraph::build(&data);
        (data, graph)
    }

    fn range(from: &str, to: &str) -> DayRange {
        DayRange::of(&TimeSpec {
            from: Some(from.into()),
            to: Some(to.into()),
            ..TimeSpec::default()
        })
        .unwrap()
    }

    #[test]
    fn a_range_keeps_the_ties_whose_dates_overlap_it() {
        let (data, g) = graph();
        let mut shown = Shown::all(&g);
        apply(&g, range("2018-06-01", "2018-06-30"), &mut shown);
        let kept = |id: &str| shown.ties[data.tie_place(id).unwrap()];
        assert!(kept("assad-visit-kim"), "2018-06");
        assert!(kept("trump-kim-summit"), "2018-06-12");
        assert!(kept("kim-hosts-lavrov"), "2018-05-27/2018-06-02 overlaps");
        assert!(kept("syria-war-rebels"), "2011/2018-06 overlaps");
        assert!(!kept("assad-receives-mun"), "2018-05-30");
        assert!(!kept("north-korea-supports-syria-1973"));
        assert!(kept("assad-kim-in-common"), "undated ties stay by default");

        let mut shown = Shown::all(&g);
        let mut hide = range("2018-06-01", "2018-06-30");
        hide.hide_undated = true;
        apply(&g, hide, &mut shown);
        assert!(!shown.ties[data.tie_place("assad-kim-in-common").unwrap()]);
    }

    #[test]
    fn a_range_that_ends_before_2018_hides_every_tie_dated_in_2018() {
        let (data, g) = graph();
        let mut shown = Shown::all(&g);
        let spec = TimeSpec {
            to: Some("2017-12".into()),
            ..TimeSpec::default()
        };
        apply(&g, DayRange::of(&spec).unwrap(), &mut shown);
        for (t, tie) in data.ties.iter().enumerate() {
            let in_2018 = tie.date.as_deref().is_some_and(|d| d.starts_with("2018"));
            if in_2018 {
                assert!(!shown.ties[t], "{}", tie.id);
            }
        }
        assert!(shown.ties[data.tie_place("north-korea-ships-syria").unwrap()]);
    }

    #[test]
    fn the_histogram_counts_ties_in_calendar_bins() {
        let (_, g) = graph();
        let h = Histogram::of(&g, &vec![true; g.tie_count()]).unwrap();
        // 1973-10 to 2018-06: forty-six years.
        assert_eq!(h.unit, Unit::Year);
        assert_eq!(h.bins.len(), 2018 - 1973 + 1);
        assert_eq!(h.first(), day_of(1973, 1, 1));
        assert_eq!(h.last(), day_of(2018, 12, 31));
        let dated = g.dates.iter().filter(|d| d.is_some()).count();
        assert_eq!(h.undated, g.tie_count() - dated);
        // Sixteen ties dated in 2018, and the war of 2011/2018-06.
        assert_eq!(h.bins.last().unwrap().count, 17);
        // 2012/2017 counts in each of its six years.
        let y2013 = &h.bins[2013 - 1973];
        assert!(y2013.count >= 2, "{y2013:?}");
    }

    #[test]
    fn units_floor_and_add_by_the_calendar() {
        let d = day_of(2020, 1, 31);
        assert_eq!(Unit::Month.add(d, 1), day_of(2020, 2, 29));
        assert_eq!(Unit::Month.add(d, -2), day_of(2019, 11, 30));
        assert_eq!(Unit::Year.add(day_of(2020, 2, 29), 1), day_of(2021, 2, 28));
        assert_eq!(Unit::Month.floor(d), day_of(2020, 1, 1));
        assert_eq!(Unit::Year.floor(d), day_of(2020, 1, 1));
        assert_eq!(Unit::for_extent(0, 30), Unit::Day);
        assert_eq!(Unit::for_extent(0, 400), Unit::Month);
        assert_eq!(Unit::for_extent(0, 20 * 366), Unit::Year);
    }

    #[test]
    fn play_moves_the_range_one_unit_at_a_time_until_the_end() {
        let (a, b) = (day_of(2018, 1, 1), day_of(2018, 3, 31));
        let end = day_of(2018, 6, 30);
        let next = step(a, b, Unit::Month, end).unwrap();
        assert_eq!(next, (day_of(2018, 2, 1), day_of(2018, 4, 30)));
        let mut range = (a, b);
        let mut steps = 0;
        while let Some(r) = step(range.0, range.1, Unit::Month, end) {
            range = r;
            steps += 1;
        }
        assert_eq!(steps, 3);
        assert_eq!(range.1, end);
    }
}
