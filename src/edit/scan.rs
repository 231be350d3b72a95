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

fn mark<T>(items: &[T], out: &mut [bool], test: &impl Fn(&T) -> bool) {
    for (item, m) in items.iter().zip(out) {
        *m = test(item);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_match_a_plain_filter_on_long_and_short_lists() {
        for len in [0, 5, 16_383, 16_384, 100_003] {
            let items: Vec<u64> = (0..len).map(|i| i * 7919 % 1000).collect();
            let expected: Vec<bool> = items.iter().map(|x| x % 3 == 0).collect();
            assert_eq!(super::marks(&items, |x| x % 3 == 0), expected, "{len}");
        }
    }
}
