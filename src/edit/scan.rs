//! Marking which elements of a long list pass a test, on several cores: what large edits do
//! first to find what they touch, reading the ends of every tie of the map.

/// Below this many elements, one thread marks them all.
const SPLIT_FROM: usize = 16_384;

/// Whether each element passes `test`, in order; long lists are split among up to four
/// threads, the calling one included, and joined before returning.
pub(super) fn marks<T: Sync>(items: &[T], test: impl Fn(&T) -> bool + Sync) -> Vec<bool> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let mut marks = vec![false; items.len()];
    if threads < 2 || items.len() < SPLIT_FROM {
        mark(items, &mut marks, &test);
        return marks;
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts = items.chunks(chunk).zip(marks.chunks_mut(chunk));
    let own = parts.next();
    std::thread::scope(|scope| {
        for (part, out) in parts {
            let test = &test;
            scope.spawn(move || mark(part, out, test));
        }
        if let Some((part, out)) = own {
            mark(part, out, &test);
        }
    });
    marks
}

/// Ids to test many strings against. A few are compared directly, which reads a string only
/// when its length matches one of them (the length is kept beside the pointer); more are
/// hashed, which reads every string.
pub(super) enum IdSet<'a> {
    Few(Vec<&'a str>),
    Many(foldhash::HashSet<&'a str>),
}

impl<'a> IdSet<'a> {
    /// Up to this many ids are compared directly.
    const FEW: usize = 8;

    pub(super) fn new(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut few: Vec<&str> = ids.into_iter().collect();
        few.sort_unstable();
        few.dedup();
        if few.len() <= Self::FEW {
            IdSet::Few(few)
        } else {
            IdSet::Many(few.into_iter().collect())
        }
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        match self {
            IdSet::Few(few) => few.contains(&id),
            IdSet::Many(many) => many.contains(id),
        }
    }

    /// How many distinct ids.
    pub(super) fn len(&self) -> usize {
        match self {
            IdSet::Few(few) => few.len(),
            IdSet::Many(many) => many.len(),
        }
    }
}

fn mark<T>(items: &[T], out: &mut [bool], test: &impl Fn(&T) -> bool) {
    for (item, m) in items.iter().zip(out) {
        *m = test(item);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn id_sets_of_few_and_many_ids_answer_alike() {
        let ids: Vec<String> = (0..30).map(|i| format!("actor-{}", i * 37)).collect();
        for n in [0, 1, 2, 8, 9, 30] {
            let set = super::IdSet::new(ids[..n].iter().chain(&ids[..n]).map(String::as_str));
            assert_eq!(set.len(), n);
            for (k, id) in ids.iter().enumerate() {
                assert_eq!(set.contains(id), k < n, "{n} ids, {id}");
            }
            assert!(!set.contains("actor-3") && !set.contains(""));
        }
    }

    #[test]
    fn marks_match_a_plain_filter_on_long_and_short_lists() {
        for len in [0, 5, 16_383, 16_384, 100_003] {
            let items: Vec<u64> = (0..len).map(|i| i * 7919 % 1000).collect();
            let expected: Vec<bool> = items.iter().map(|x| x % 3 == 0).collect();
            assert_eq!(super::marks(&items, |x| x % 3 == 0), expected, "{len}");
        }
    }
}
