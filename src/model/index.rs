//! The id → place index of a dataset's actors, ties and sources, so that finding an element by
//! its id costs O(1). It holds places only (a `u32` per element in a hash table keyed by the
//! hash of the id), never ids; a hit is confirmed by comparing the element's own id, so a stale
//! index can miss but never answers with a wrong element. Plain data, no egui.
//!
//! Freshness: each list's table remembers the length it was built for. Edits keep it right in
//! place (`src/edit/` reports every insertion and removal); a list whose length no longer
//! matches (elements pushed or removed through the public fields) is indexed again on the next
//! lookup. Code that replaces elements or rewrites ids through the public fields without
//! changing a list's length calls [`crate::model::Dataset::forget_index`].

use std::hash::BuildHasher;
use std::sync::{PoisonError, RwLock};

use hashbrown::HashTable;

use super::{Actor, Source, Tie};

/// Places are stored as `u32`; a longer list (far beyond what fits in memory as a dataset) is
/// searched instead of indexed.
const MAX_INDEXED: usize = u32::MAX as usize;

/// The hash of an id: a fixed seed, so that it costs nothing to set up and is the same in
/// every thread.
fn hash_id(id: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x7265_6c6d_6170).hash_one(id)
}

/// The places of one list's elements, by the hash of their ids.
#[derive(Clone, Default)]
pub(crate) struct Places {
    table: HashTable<u32>,
    /// The list's length that the table describes.
    len: usize,
    /// Some id appeared twice when the table was built (an invalid dataset): only the first
    /// place of each id is kept, as a scan would find, and changes rebuild instead of updating.
    repeats: bool,
}

impl Places {
    fn build<T: Indexed>(list: &[T]) -> Self {
        let mut table = HashTable::with_capacity(list.len());
        let mut repeats = false;
        for (place, item) in list.iter().enumerate() {
            let id = item.id();
            let entry = table.entry(
                hash_id(id),
                |&p: &u32| list[p as usize].id() == id,
                |&p: &u32| hash_id(list[p as usize].id()),
            );
            match entry {
                hashbrown::hash_table::Entry::Occupied(_) => repeats = true,
                hashbrown::hash_table::Entry::Vacant(slot) => {
                    slot.insert(place as u32);
                }
            }
        }
        Self {
            table,
            len: list.len(),
            repeats,
        }
    }

    fn find<T: Indexed>(&self, list: &[T], id: &str) -> Option<usize> {
        self.table
            .find(hash_id(id), |&p| {
                list.get(p as usize).is_some_and(|item| item.id() == id)
            })
            .map(|&p| p as usize)
    }

    /// After an element was inserted at `place` of `list`.
    fn inserted<T: Indexed>(&mut self, list: &[T], place: usize) {
        if place + 1 < list.len() {
            for p in self.table.iter_mut() {
                if *p as usize >= place {
                    *p += 1;
                }
            }
        }
        self.put(list, place);
        self.len = list.len();
    }

    /// Adds the entry of the element at `place`, whose id no other element has.
    fn put<T: Indexed>(&mut self, list: &[T], place: usize) {
        let id = list[place].id();
        self.table.insert_unique(hash_id(id), place as u32, |&p| {
            hash_id(list[p as usize].id())
        });
    }

    /// After the element at `place` was removed from `list`.
    fn removed(&mut self, list_len: usize, place: usize) {
        if place == list_len {
            // The last one: nothing else moves.
            self.table.retain(|p| *p as usize != place);
        } else {
            self.table.retain(|p| {
                let keep = *p as usize != place;
                if *p as usize > place {
                    *p -= 1;
                }
                keep
            });
        }
        self.len = list_len;
    }

    /// After the elements at these places (ascending, as they were before) were removed.
    fn removed_many(&mut self, list_len: usize, gone: &[usize]) {
        // Where each old place went, in one pass; then one walk over the table reads it.
        let moved_to = places_after_removals(list_len + gone.len(), gone);
        self.table.retain(|p| match moved_to.get(*p as usize) {
            Some(&to) if to != GONE => {
                *p = to;
                true
            }
            _ => false,
        });
        self.len = list_len;
    }

    /// After elements were put in at these places (ascending, as they are now), with their
    /// ids' hashes in the same order.
    fn inserted_many<T: Indexed>(&mut self, list: &[T], new: &[usize], hashes: IdHashes) {
        let moved_to = places_after_insertions(list.len() - new.len(), new);
        for p in self.table.iter_mut() {
            if let Some(&to) = moved_to.get(*p as usize) {
                *p = to;
            }
        }
        for (&place, hash) in new.iter().zip(hashes.0) {
            self.table
                .insert_unique(hash, place as u32, |&p| hash_id(list[p as usize].id()));
        }
        self.len = list.len();
    }
}

/// Where each of `old_len` elements went after those at these places (ascending) were removed:
/// each run between two removed elements moves back by the number removed before it.
fn places_after_removals(old_len: usize, gone: &[usize]) -> Vec<u32> {
    let mut moved_to = Vec::with_capacity(old_len);
    for (before, &place) in gone.iter().enumerate() {
        let run = moved_to.len()..place.min(old_len);
        moved_to.extend(run.map(|p| p.saturating_sub(before) as u32));
        if place < old_len && moved_to.len() == place {
            moved_to.push(GONE);
        }
    }
    let run = moved_to.len()..old_len;
    moved_to.extend(run.map(|p| p.saturating_sub(gone.len()) as u32));
    moved_to
}

/// Where each of `old_len` elements went after new ones were put in at these places
/// (ascending, as they are now): each old run between two new elements moves by the number of
/// new elements before it.
fn places_after_insertions(old_len: usize, new: &[usize]) -> Vec<u32> {
    let mut moved_to = Vec::with_capacity(old_len);
    let mut next_old = 0;
    for (before, &place) in new.iter().enumerate() {
        // The old elements before this new one.
        let run_end = place.saturating_sub(before).min(old_len);
        moved_to.extend((next_old..run_end).map(|p| (p + before) as u32));
        next_old = next_old.max(run_end);
    }
    moved_to.extend((next_old..old_len).map(|p| (p + new.len()) as u32));
    moved_to
}

/// The hashes of the ids of elements about to be put into a list, in their order. An edit that
/// puts many elements back takes them while it reads their ids anyway (for its inverse), when
/// those ids are in the cache: taken later, each would be a read from memory.
pub(crate) struct IdHashes(Vec<u64>);

impl IdHashes {
    pub(crate) fn of<'a, T: Indexed + 'a>(items: impl Iterator<Item = &'a T>) -> Self {
        Self(items.map(|item| hash_id(item.id())).collect())
    }
}

/// A place that was removed, in a map from old places to new ones.
const GONE: u32 = u32::MAX;

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
                if places.len == list.len() {
                    return places.find(list, id);
                }
            }
        }
        let mut lists = self.lists.write().unwrap_or_else(PoisonError::into_inner);
        let slot = T::places_mut(&mut lists);
        let places = match slot {
            Some(places) if places.len == list.len() => places,
            _ => slot.insert(Places::build(list)),
        };
        places.find(list, id)
    }

    fn fresh<T: Indexed>(&mut self, expected_len: usize) -> Option<&mut Places> {
        let lists = self.lists.get_mut().unwrap_or_else(PoisonError::into_inner);
        let slot = T::places_mut(lists);
        if !slot
            .as_ref()
            .is_some_and(|places| places.len == expected_len && !places.repeats)
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
            places.removed(list.len(), place);
        }
    }

    /// After the elements at these places (ascending, as they were before) were removed from
    /// `list`.
    pub(crate) fn removed_many<T: Indexed>(&mut self, list: &[T], gone: &[usize]) {
        if let Some(places) = self.fresh::<T>(list.len() + gone.len()) {
            places.removed_many(list.len(), gone);
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
            if hashes.0.len() == new.len() {
                places.inserted_many(list, new, hashes);
            } else {
                *T::places_mut(self.lists.get_mut().unwrap_or_else(PoisonError::into_inner)) = None;
            }
        }
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
            .map(|places| places.table.allocation_size())
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
