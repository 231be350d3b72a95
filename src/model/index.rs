//! The id → place index of a dataset's actors, ties and sources, so that finding an element by
//! its id costs O(1). It holds numbers only, never ids (`index_places.rs`: a slot per element
//! in a hash table keyed by the hash of the id, and each slot's place); a hit is confirmed by
//! comparing the element's own id, so a stale index can miss but never answers with a wrong
//! element. Plain data, no egui.
//!
//! Freshness: each list's table remembers the length it was built for. Edits keep it right in
//! place (`src/edit/` reports every insertion and removal); a list whose length no longer
//! matches (elements pushed or removed through the public fields) is indexed again on the next
//! lookup. Code that replaces elements or rewrites ids through the public fields without
//! changing a list's length calls [`crate::model::Dataset::forget_index`].

use std::sync::{PoisonError, RwLock};

use super::index_places::{hash_id, Places};
use super::{Actor, Source, Tie};

/// Places are stored as `u32`, with `u32::MAX` taken; a longer list (far beyond what fits in
/// memory as a dataset) is searched instead of indexed.
const MAX_INDEXED: usize = u32::MAX as usize - 1;

/// The hashes of the ids of elements about to be put into a list, in their order. An edit that
/// puts many elements back takes them while it reads their ids anyway (for its inverse), when
/// those ids are in the cache: taken later, each would be a read from memory.
pub(crate) struct IdHashes(Vec<u64>);

impl IdHashes {
    pub(crate) fn of<'a, T: Indexed + 'a>(items: impl Iterator<Item = &'a T>) -> Self {
        Self(items.map(|item| hash_id(item.id())).collect())
    }
}

/// An element of one of the dataset's lists, found by its id.
pub(crate) trait Indexed {
    fn id(&self) -> &str;
    /// Where the index keeps this list's places.
    fn places(lists: &Lists) -> &Option<Places>;
    fn places_mut(lists: &mut Lists) -> &mut Option<Places>;
}

impl Indexed for Actor {
    fn id(&self) -> &str {
        &self.id
    }
    fn places(lists: &Lists) -> &Option<Places> {
        &lists.actors
    }
    fn places_mut(lists: &mut Lists) -> &mut Option<Places> {
        &mut lists.actors
    }
}

impl Indexed for Tie {
    fn id(&self) -> &str {
        &self.id
    }
    fn places(lists: &Lists) -> &Option<Places> {
        &lists.ties
    }
    fn places_mut(lists: &mut Lists) -> &mut Option<Places> {
        &mut lists.ties
    }
}

impl Indexed for Source {
    fn id(&self) -> &str {
        &self.id
    }
    fn places(lists: &Lists) -> &Option<Places> {
        &lists.sources
    }
    fn places_mut(lists: &mut Lists) -> &mut Option<Places> {
        &mut lists.sources
    }
}

/// The three lists' tables; `None` until first needed, or after a change that was not
/// reported in a way the table could follow.
#[derive(Clone, Default)]
pub(crate) struct Lists {
    actors: Option<Places>,
    ties: Option<Places>,
    sources: Option<Places>,
}

/// The id → place index of a [`crate::model::Dataset`]. Not data: serde skips it, datasets
/// compare equal whatever it holds, and `Debug` shows only its size.
#[derive(Default)]
pub struct IdIndex {
    /// Behind a lock so that lookups through `&Dataset` (shared with worker threads) can build
    /// a table the first time it is needed.
    lists: RwLock<Lists>,
}

impl IdIndex {
    /// The place of the element with this id in `list`, indexing the list first if its table
    /// is missing or was built for another length.
    pub(crate) fn find<T: Indexed>(&self, list: &[T], id: &str) -> Option<usize> {
        if list.len() > MAX_INDEXED {
            return list.iter().position(|item| item.id() == id);
        }
        {
            let lists = self.lists.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(places) = T::places(&lists) {
                if places.len() == list.len() {
                    return places.find(list, id);
                }
            }
        }
        let mut lists = self.lists.write().unwrap_or_else(PoisonError::into_inner);
        let slot = T::places_mut(&mut lists);
        let places = match slot {
            Some(places) if places.len() == list.len() => places,
            _ => slot.insert(Places::build(list)),
        };
        places.find(list, id)
    }

    fn fresh<T: Indexed>(&mut self, expected_len: usize) -> Option<&mut Places> {
        let lists = self.lists.get_mut().unwrap_or_else(PoisonError::into_inner);
        let slot = T::places_mut(lists);
        if !slot
            .as_ref()
            .is_some_and(|places| places.len() == expected_len && !places.repeats)
        {
            *slot = None;
        }
        slot.as_mut()
    }

    /// After an element was inserted at `place` of `list`: the table follows, or is dropped if
    /// it did not describe the list as it was.
    pub(crate) fn inserted<T: Indexed>(&mut self, list: &[T], place: usize) {
        if let Some(places) = self.fresh::<T>(list.len().wrapping_sub(1)) {
            places.inserted(list, place);
        }
    }

    /// After the element at `place` was removed from `list`.
    pub(crate) fn removed<T: Indexed>(&mut self, list: &[T], place: usize) {
        if let Some(places) = self.fresh::<T>(list.len() + 1) {
            places.removed(place);
        }
    }

    /// After the elements at these places (ascending, as they were before) were removed from
    /// `list`, with their ids' hashes taken as they went, in the same order (see [`IdHashes`]).
    pub(crate) fn removed_many<T: Indexed>(
        &mut self,
        list: &[T],
        gone: &[usize],
        hashes: IdHashes,
    ) {
        if let Some(places) = self.fresh::<T>(list.len() + gone.len()) {
            if !places.removed_many(gone, &hashes.0) {
                self.drop_table::<T>();
            }
        }
    }

    /// After elements were put into `list` at these places (ascending, as they are now), with
    /// their ids' hashes taken beforehand in the same order (see [`IdHashes`]).
    pub(crate) fn inserted_many<T: Indexed>(
        &mut self,
        list: &[T],
        new: &[usize],
        hashes: IdHashes,
    ) {
        if let Some(places) = self.fresh::<T>(list.len().wrapping_sub(new.len())) {
            if !places.inserted_many(list, new, &hashes.0) {
                self.drop_table::<T>();
            }
        }
    }

    /// Drops one list's table, to be built again when next needed.
    fn drop_table<T: Indexed>(&mut self) {
        *T::places_mut(self.lists.get_mut().unwrap_or_else(PoisonError::into_inner)) = None;
    }

    /// Drops every table; each is built again when next needed.
    pub(crate) fn forget(&mut self) {
        *self.lists.get_mut().unwrap_or_else(PoisonError::into_inner) = Lists::default();
    }

    /// The bytes the tables hold (their allocations), for measuring.
    pub fn heap_bytes(&self) -> usize {
        let lists = self.lists.read().unwrap_or_else(PoisonError::into_inner);
        [&lists.actors, &lists.ties, &lists.sources]
            .into_iter()
            .flatten()
            .map(Places::heap_bytes)
            .sum()
    }
}

impl Clone for IdIndex {
    /// The copy keeps the tables: they describe the copied lists as well.
    fn clone(&self) -> Self {
        let lists = self.lists.read().unwrap_or_else(PoisonError::into_inner);
        Self {
            lists: RwLock::new(lists.clone()),
        }
    }
}

impl PartialEq for IdIndex {
    /// An index is not data: two datasets with the same lists are equal whatever their
    /// indexes hold.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdIndex({} bytes)", self.heap_bytes())
    }
}

impl super::Dataset {
    /// The place in `actors` of the actor with this id.
    pub fn actor_place(&self, id: &str) -> Option<usize> {
        self.index.find(&self.actors, id)
    }

    /// The place in `ties` of the tie with this id.
    pub fn tie_place(&self, id: &str) -> Option<usize> {
        self.index.find(&self.ties, id)
    }

    /// The place in `sources` of the source with this id.
    pub fn source_place(&self, id: &str) -> Option<usize> {
        self.index.find(&self.sources, id)
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_place(id).map(|place| &self.actors[place])
    }

    pub fn tie(&self, id: &str) -> Option<&Tie> {
        self.tie_place(id).map(|place| &self.ties[place])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_place(id).map(|place| &self.sources[place])
    }

    /// The display name of an actor id, or the id itself when unknown.
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, |a| a.name.as_str())
    }

    /// Drops the index, to be built again when next needed: for code that replaces elements or
    /// rewrites ids through the public fields without changing a list's length (a change of
    /// length is noticed by itself).
    pub fn forget_index(&mut self) {
        self.index.forget();
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
