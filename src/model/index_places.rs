//! One list's id → place table. The hash table holds a slot per element, never a place, and
//! two plain arrays say where each slot's element is and which slot each place holds. An
//! insertion or removal in the middle of a list then renumbers a dense array of places, in
//! order, instead of walking the hash table. Removed elements leave dead slots behind: an
//! element put back (an undo) takes up a dead slot where its id's hash leads, so the table
//! neither grows nor rehashes (which would read every id); the dead slots left over are
//! dropped in one walk once they are as many as half the live ones.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::index::Indexed;

/// The hash of an id: a fixed seed, so that it costs nothing to set up and is the same in
/// every thread.
pub(crate) fn hash_id(id: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x7265_6c6d_6170).hash_one(id)
}

/// The place of a slot whose element was removed.
const DEAD: u32 = u32::MAX;

/// The places of one list's elements, by the hash of their ids.
#[derive(Clone, Default)]
pub(crate) struct Places {
    /// A slot per element, keyed by the hash of its id; dead slots stay until the next tidy.
    table: HashTable<u32>,
    /// Where each slot's element is in the list, or `DEAD`.
    place_of: Vec<u32>,
    /// The slot of the element at each place: as long as the list.
    slot_at: Vec<u32>,
    /// How many slots are dead.
    dead: usize,
    /// The hashes and slots of the elements of the last removal of many, in order, while no
    /// other change came after it: putting the same elements back (its undo) takes these slots
    /// again without looking for them.
    put_back: Vec<(u64, u32)>,
    /// Some id appeared twice when the table was built (an invalid dataset): only the first
    /// place of each id is kept, as a scan would find, and changes rebuild instead of updating.
    pub(super) repeats: bool,
}

impl Places {
    pub(super) fn build<T: Indexed>(list: &[T]) -> Self {
        let mut table = HashTable::with_capacity(list.len());
        let mut repeats = false;
        for (place, item) in list.iter().enumerate() {
            let id = item.id();
            let entry = table.entry(
                hash_id(id),
                |&slot: &u32| list[slot as usize].id() == id,
                |&slot: &u32| hash_id(list[slot as usize].id()),
            );
            match entry {
                hashbrown::hash_table::Entry::Occupied(_) => repeats = true,
                hashbrown::hash_table::Entry::Vacant(vacant) => {
                    vacant.insert(place as u32);
                }
            }
        }
        // Built with slot = place: both arrays count up.
        let counting: Vec<u32> = (0..list.len() as u32).collect();
        Self {
            table,
            place_of: counting.clone(),
            slot_at: counting,
            dead: 0,
            put_back: Vec::new(),
            repeats,
        }
    }

    /// The length of the list the table describes.
    pub(super) fn len(&self) -> usize {
        self.slot_at.len()
    }

    pub(super) fn find<T: Indexed>(&self, list: &[T], id: &str) -> Option<usize> {
        let place_of = &self.place_of;
        let place = |slot: u32| place_of.get(slot as usize).copied().filter(|&p| p != DEAD);
        self.table
            .find(hash_id(id), |&slot| {
                place(slot)
                    .and_then(|p| list.get(p as usize))
                    .is_some_and(|item| item.id() == id)
            })
            .and_then(|&slot| place(slot))
            .map(|p| p as usize)
    }

    /// After an element was inserted at `place` of `list`.
    pub(super) fn inserted<T: Indexed>(&mut self, list: &[T], place: usize) {
        self.put_back.clear();
        let hash = hash_id(list[place].id());
        let (slot, revived) = self.slot_for(hash, place);
        self.slot_at.insert(place, slot);
        self.renumber_from(place + 1);
        if !revived {
            self.put(list, hash, slot);
        }
    }

    /// After the element at `place` was removed from a list.
    pub(super) fn removed(&mut self, place: usize) {
        self.put_back.clear();
        let slot = self.slot_at.remove(place);
        self.place_of[slot as usize] = DEAD;
        self.dead += 1;
        self.renumber_from(place);
        self.tidy_when_half_dead();
    }

    /// After the elements at these places (strictly ascending, as they were before) were
    /// removed, with their ids' hashes in the same order. Returns false when the places cannot
    /// describe such a removal, and changes nothing then.
    pub(super) fn removed_many(&mut self, gone: &[usize], hashes: &[u64]) -> bool {
        self.put_back.clear();
        let ascending = gone.windows(2).all(|pair| pair[0] < pair[1]);
        if !ascending || gone.last().is_some_and(|&last| last >= self.slot_at.len()) {
            return false;
        }
        let Some(&first) = gone.first() else {
            return true;
        };
        for &place in gone {
            let slot = self.slot_at[place];
            self.place_of[slot as usize] = DEAD;
        }
        if hashes.len() == gone.len() {
            let slots = gone.iter().map(|&place| self.slot_at[place]);
            self.put_back = hashes.iter().copied().zip(slots).collect();
        }
        // Keeps the slots of the elements that stayed, in order, from the first removed place.
        let mut next_gone = gone.iter().peekable();
        let mut kept = first;
        for place in first..self.slot_at.len() {
            if next_gone.peek() == Some(&&place) {
                next_gone.next();
            } else {
                self.slot_at[kept] = self.slot_at[place];
                kept += 1;
            }
        }
        self.slot_at.truncate(kept);
        self.dead += gone.len();
        self.renumber_from(first);
        self.tidy_when_half_dead();
        true
    }

    /// After elements were put into `list` at these places (strictly ascending, as they are
    /// now), with their ids' hashes in the same order. Returns false when the places cannot
    /// describe such an insertion, and changes nothing then.
    pub(super) fn inserted_many<T: Indexed>(
        &mut self,
        list: &[T],
        new: &[usize],
        hashes: &[u64],
    ) -> bool {
        let old_len = self.slot_at.len();
        let ascending = new.windows(2).all(|pair| pair[0] < pair[1]);
        let fits = new.last().is_none_or(|&last| last < old_len + new.len());
        if !ascending || !fits || hashes.len() != new.len() || list.len() != old_len + new.len() {
            return false;
        }
        let Some(&first) = new.first() else {
            return true;
        };
        let remembered = std::mem::take(&mut self.put_back);
        let slots: Vec<(u32, bool)> = if self.puts_back(&remembered, hashes) {
            // The elements of the last removal, back in order (its undo): their own slots.
            for (&place, &(_, slot)) in new.iter().zip(&remembered) {
                self.place_of[slot as usize] = place as u32;
            }
            self.dead -= remembered.len();
            remembered.iter().map(|&(_, slot)| (slot, true)).collect()
        } else {
            new.iter()
                .zip(hashes)
                .map(|(&place, &hash)| self.slot_for(hash, place))
                .collect()
        };
        self.slot_at.resize(old_len + new.len(), 0);
        // From the back: the old slots after each new place move up by the number of new
        // places up to it.
        let mut end = self.slot_at.len();
        for (k, &place) in new.iter().enumerate().rev() {
            self.slot_at
                .copy_within(place - k..end - (k + 1), place + 1);
            self.slot_at[place] = slots[k].0;
            end = place;
        }
        self.renumber_from(first);
        for (&(slot, revived), &hash) in slots.iter().zip(hashes) {
            if !revived {
                self.put(list, hash, slot);
            }
        }
        true
    }

    /// Whether elements with these hashes, in this order, are those of the last removal, whose
    /// slots are still dead. A slot reached through a hash equal to an element's own is where a
    /// lookup of that element looks, so taking it up needs no new entry.
    fn puts_back(&self, remembered: &[(u64, u32)], hashes: &[u64]) -> bool {
        remembered.len() == hashes.len()
            && remembered.iter().zip(hashes).all(|(&(was, slot), &hash)| {
                was == hash && self.place_of.get(slot as usize) == Some(&DEAD)
            })
    }

    /// The slot for an element put in at `place`, whose id has this hash: a dead slot that
    /// the table keeps where this hash leads (most often the element's own, when an undo puts
    /// it back), which needs no new entry; else a new slot, whose entry the caller adds once
    /// every place is right (adding may rehash, which reads the elements at the slots' places).
    /// Returns the slot and whether it was revived.
    fn slot_for(&mut self, hash: u64, place: usize) -> (u32, bool) {
        let place_of = &self.place_of;
        let dead = self
            .table
            .find(hash, |&slot| place_of.get(slot as usize) == Some(&DEAD))
            .copied();
        match dead {
            Some(slot) => {
                self.place_of[slot as usize] = place as u32;
                self.dead -= 1;
                (slot, true)
            }
            None => {
                self.place_of.push(place as u32);
                (self.place_of.len() as u32 - 1, false)
            }
        }
    }

    /// Adds the entry of a slot whose element no other element shares an id with.
    fn put<T: Indexed>(&mut self, list: &[T], hash: u64, slot: u32) {
        let place_of = &self.place_of;
        // Growing rehashes every entry; a dead slot's hash no longer matters, since no lookup
        // can match it.
        let rehash = |&slot: &u32| match place_of.get(slot as usize) {
            Some(&p) if p != DEAD => list.get(p as usize).map_or(0, |item| hash_id(item.id())),
            _ => 0,
        };
        self.table.insert_unique(hash, slot, rehash);
    }

    /// Writes the place of every slot from `from` to the end of the list.
    fn renumber_from(&mut self, from: usize) {
        for (place, &slot) in self.slot_at.iter().enumerate().skip(from) {
            self.place_of[slot as usize] = place as u32;
        }
    }

    /// Drops the dead slots once they are as many as half the live ones: one walk over the
    /// table, which takes each element's place as its new slot.
    fn tidy_when_half_dead(&mut self) {
        if self.dead < 64 || self.dead < self.slot_at.len() / 2 {
            return;
        }
        // Slots are numbered again: none of the removed ones is kept.
        self.put_back.clear();
        let place_of = &self.place_of;
        self.table.retain(|slot| match place_of[*slot as usize] {
            DEAD => false,
            place => {
                *slot = place;
                true
            }
        });
        let counting: Vec<u32> = (0..self.slot_at.len() as u32).collect();
        self.place_of.clone_from(&counting);
        self.slot_at = counting;
        self.dead = 0;
    }

    /// The bytes the table and arrays hold, for measuring.
    pub(super) fn heap_bytes(&self) -> usize {
        self.table.allocation_size()
            + self.place_of.capacity() * size_of::<u32>()
            + self.slot_at.capacity() * size_of::<u32>()
            + self.put_back.capacity() * size_of::<(u64, u32)>()
    }
}
