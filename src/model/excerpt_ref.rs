//! [`ExcerptRef`]: an excerpt held by what it quotes (its tie, source and offsets) rather than
//! by its place in the tie's list, so that it stays on the same quote when an earlier excerpt
//! is removed or put back. No egui.

use super::{Dataset, Excerpt, SourceId, Tie, TieId};

/// An excerpt of a tie, found again by its source and byte range.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExcerptRef {
    pub tie: TieId,
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
}

impl ExcerptRef {
    /// The excerpt at `index` of `tie`, if it has one there.
    pub fn of(tie: &Tie, index: usize) -> Option<Self> {
        let excerpt = tie.excerpts.get(index)?;
        Some(Self {
            tie: TieId::from(tie.id.as_str()),
            source: SourceId::from(excerpt.source.as_str()),
            start: excerpt.start,
            end: excerpt.end,
        })
    }

    /// Whether `excerpt` is the one meant: same source, same range.
    pub fn matches(&self, excerpt: &Excerpt) -> bool {
        excerpt.source == self.source && excerpt.start == self.start && excerpt.end == self.end
    }

    /// The tie, and the excerpt's place in it now with the excerpt, while both are there.
    pub fn resolve<'a>(&self, data: &'a Dataset) -> Option<(&'a Tie, usize, &'a Excerpt)> {
        let tie = data.tie(&self.tie)?;
        let (index, excerpt) = tie
            .excerpts
            .iter()
            .enumerate()
            .find(|(_, excerpt)| self.matches(excerpt))?;
        Some((tie, index, excerpt))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, History};

    #[test]
    fn a_reference_stays_on_its_quote_when_an_earlier_excerpt_goes_and_comes_back() {
        let mut data = crate::sample::sample_dataset();
        let place = data.ties.iter().position(|t| t.excerpts.len() >= 2);
        let place = place.expect("the sample has a tie with two excerpts");
        let held = ExcerptRef::of(&data.ties[place], 1).expect("excerpt 2");
        let quote = data.ties[place].excerpts[1].quote.clone();
        let mut tie = data.ties[place].clone();
        tie.excerpts.remove(0);
        let mut history = History::default();
        history
            .apply(&mut data, Edit::UpdateTie { tie })
            .expect("removing an excerpt applies");
        let (_, index, excerpt) = held.resolve(&data).expect("still there");
        assert_eq!((index, excerpt.quote.as_str()), (0, quote.as_str()));
        assert!(history.undo(&mut data).expect("undo"));
        let (_, index, excerpt) = held.resolve(&data).expect("still there");
        assert_eq!((index, excerpt.quote.as_str()), (1, quote.as_str()));
    }
}
