//! Tests of the synthetic datasets: valid, deterministic, heavy-tailed, and within the limits.

use super::*;
use crate::model::validate;

#[test]
fn valid_counts_and_deterministic() {
    for (n, t) in [(0, 10), (1, 5), (2, 1), (50, 0), (300, 900), (1000, 3000)] {
        let d = generate(n, t, 42);
        let problems = validate(&d);
        assert!(
            problems.is_empty(),
            "{n}/{t}: {:?}",
            &problems[..problems.len().min(3)]
        );
        assert_eq!(d.actors.len(), n);
        assert_eq!(d.ties.len(), if n >= 2 { t } else { 0 });
        assert!(d
            .ties
            .iter()
            .all(|x| x.from != x.to && !x.excerpts.is_empty()));
        assert_eq!(d, generate(n, t, 42));
    }
    assert_ne!(generate(100, 300, 1), generate(100, 300, 2));
}

#[test]
fn heavy_tailed_and_varied() {
    let d = generate(2000, 6000, 7);
    let mut deg: HashMap<&str, usize> = HashMap::new();
    for t in &d.ties {
        *deg.entry(&t.from).or_default() += 1;
        *deg.entry(&t.to).or_default() += 1;
    }
    let max = deg.values().copied().max().unwrap_or(0);
    assert!(max >= 30, "max degree {max}, mean 6");
    let kinds: std::collections::HashSet<_> = d.ties.iter().map(|t| t.kind).collect();
    assert!(kinds.len() >= 12);
    assert!(
        d.actors
            .iter()
            .map(|a| a.kind)
            .collect::<std::collections::HashSet<_>>()
            .len()
            == 5
    );
    assert!(d.sources.iter().any(|s| !s.text.is_ascii()));
}

/// The limits keep the file under what relmap opens: a map at 1/25 of both limits, scaled up,
/// with a tenth to spare (ids and names grow a little with the counts).
#[test]
fn a_map_at_the_limits_fits_in_a_file_relmap_opens() {
    let scale = 25;
    let d = generate(MAX_ACTORS / scale, MAX_TIES / scale, 1);
    let bytes = crate::io::json::to_bytes(&d).unwrap().len() as u64;
    let estimate = bytes * scale as u64 * 11 / 10;
    assert!(
        estimate < crate::io::MAX_FILE_BYTES,
        "{estimate} bytes at the limits"
    );
}
