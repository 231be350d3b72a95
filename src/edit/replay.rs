//! Where each element of a list comes from after a run of logged changes (`Change`): kept
//! from a place before, replaced there, or added. Caches kept by actor or tie index (the map's,
//! the explore results) follow the dataset's lists with it instead of being rebuilt.

use super::Change;

/// Which of the dataset's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Actors,
    Ties,
}

/// Where an element of the updated list comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Unchanged, at this index before.
    Kept(u32),
    /// Replaced (same id), at this index before.
    Replaced(u32),
    /// New.
    Added,
}

/// What happened at a place of one list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Insert,
    Remove,
    Replace,
}

/// Replays the insertions and removals on a list of slots, as the dataset saw them. Runs of
/// removals at descending places and of insertions at ascending places (what bulk edits log)
/// are replayed in one pass each.
pub fn replay(len: usize, changes: &[Change], list: List) -> Option<Vec<Slot>> {
    let ops: Vec<(Op, usize)> = changes
        .iter()
        .filter_map(|c| match (*c, list == List::Actors) {
            (Change::ActorInserted(i), true) | (Change::TieInserted(i), false) => {
                Some((Op::Insert, i))
            }
            (Change::ActorRemoved(i), true) | (Change::TieRemoved(i), false) => {
                Some((Op::Remove, i))
            }
            (Change::ActorReplaced(i), true) | (Change::TieReplaced(i), false) => {
                Some((Op::Replace, i))
            }
            _ => None,
        })
        .collect();
    let mut slots: Vec<Slot> = (0..len as u32).map(Slot::Kept).collect();
    let mut k = 0;
    while k < ops.len() {
        let (op, first) = ops[k];
        let run = 1 + ops[k + 1..]
            .iter()
            .zip(&ops[k..])
            .take_while(|((next_op, next), (_, prev))| {
                *next_op == op
                    && match op {
                        Op::Remove => next < prev,
                        Op::Insert => next > prev,
                        Op::Replace => false,
                    }
            })
            .count();
        let places = ops[k..k + run].iter().map(|&(_, i)| i);
        match op {
            Op::Remove => {
                // Descending places all refer to the list as the run found it.
                let mut gone = vec![false; slots.len()];
                for i in places {
                    *gone.get_mut(i)? = true;
                }
                let mut place = 0;
                slots.retain(|_| {
                    place += 1;
                    !gone[place - 1]
                });
            }
            Op::Insert => {
                // Ascending places are the new slots' places in the list after the run.
                let old = std::mem::take(&mut slots);
                let mut old = old.into_iter();
                for i in places {
                    // The list is `slots` and what is left of `old` long at this point.
                    if i > old.len() + slots.len() {
                        return None;
                    }
                    while slots.len() < i {
                        slots.push(old.next()?);
                    }
                    slots.push(Slot::Added);
                }
                slots.extend(old);
            }
            Op::Replace => {
                let slot = slots.get_mut(first)?;
                if let Slot::Kept(old) = *slot {
                    *slot = Slot::Replaced(old);
                }
            }
        }
        k += run;
    }
    Some(slots)
}

impl Slot {
    /// The place the element had before, unless it is new.
    pub fn before(self) -> Option<usize> {
        match self {
            Slot::Kept(old) | Slot::Replaced(old) => Some(old as usize),
            Slot::Added => None,
        }
    }
}

/// Values by place carried to the list the slots describe; new elements get `new`.
pub fn carry<T: Clone>(slots: &[Slot], old: &[T], new: T) -> Vec<T> {
    slots
        .iter()
        .map(|slot| {
            slot.before()
                .and_then(|i| old.get(i))
                .cloned()
                .unwrap_or_else(|| new.clone())
        })
        .collect()
}

/// The place each element of the old list (of `old_len`) has now, `None` for those removed.
pub fn new_places(slots: &[Slot], old_len: usize) -> Vec<Option<usize>> {
    let mut places = vec![None; old_len];
    for (now, slot) in slots.iter().enumerate() {
        if let Some(place) = slot.before().and_then(|i| places.get_mut(i)) {
            *place = Some(now);
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies the changes to a list of names, as the dataset would.
    fn apply(mut list: Vec<String>, changes: &[(Change, &str)]) -> Vec<String> {
        for (change, name) in changes {
            match *change {
                Change::TieInserted(i) => list.insert(i, (*name).to_owned()),
                Change::TieRemoved(i) => {
                    list.remove(i);
                }
                Change::TieReplaced(i) => list[i] = format!("{}'", list[i]),
                _ => {}
            }
        }
        list
    }

    #[test]
    fn carried_values_follow_their_elements() {
        let old: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        let changes = [
            (Change::TieRemoved(3), ""),
            (Change::TieRemoved(1), ""),
            (Change::TieInserted(0), "x"),
            (Change::ActorInserted(0), ""),
            (Change::TieReplaced(2), ""),
            (Change::TieInserted(4), "y"),
        ];
        let now = apply(old.clone(), &changes);
        assert_eq!(now, ["x", "a", "c'", "e", "y"]);
        let logged: Vec<Change> = changes.iter().map(|(c, _)| *c).collect();
        let slots = replay(old.len(), &logged, List::Ties).unwrap();
        assert_eq!(slots.len(), now.len());
        assert_eq!(slots[2], Slot::Replaced(2));
        let carried = carry(&slots, &old, "new".to_owned());
        assert_eq!(carried, ["new", "a", "c", "e", "new"]);
        assert_eq!(
            new_places(&slots, old.len()),
            [Some(1), None, Some(2), None, Some(3)]
        );
        // The actors' list saw one insertion only.
        let actors = replay(2, &logged, List::Actors).unwrap();
        assert_eq!(actors, [Slot::Added, Slot::Kept(0), Slot::Kept(1)]);
    }

    #[test]
    fn changes_that_do_not_fit_the_list_are_refused() {
        assert_eq!(replay(2, &[Change::TieRemoved(5)], List::Ties), None);
        assert_eq!(replay(2, &[Change::TieInserted(4)], List::Ties), None);
    }
}
