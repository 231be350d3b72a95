//! Maps for the analysis tests.

use crate::model::{Dataset, Source};

/// The sample with a second source, "wire", whose text is the same article: the ties from
/// `kim-hosts-lavrov` to `kim-crosses-dmz` (eight, in the sample's order) now quote only the wire,
/// `assad-visit-kim` quotes both (its first excerpt from the wire), and the rest only the
/// sample's article. The wire was published on 2018-06-05, two days after the article.
pub fn two_sources() -> Dataset {
    let mut data = crate::sample::sample_dataset();
    let article = data.sources[0].clone();
    data.sources.push(Source {
        id: "wire".into(),
        title: "The same report, on the wire".into(),
        outlet: "Wire".into(),
        published: Some("2018-06-05".into()),
        ..article
    });
    let first = data.tie_place("kim-hosts-lavrov").unwrap(); // ok: test code, on the built-in sample
    let last = data.tie_place("kim-crosses-dmz").unwrap(); // ok: test code, on the built-in sample
    for tie in &mut data.ties[first..=last] {
        for x in &mut tie.excerpts {
            x.source = "wire".into();
        }
    }
    let visit = data.tie_place("assad-visit-kim").unwrap(); // ok: test code, on the built-in sample
    data.ties[visit].excerpts[0].source = "wire".into();
    data.forget_index();
    assert!(
        crate::model::validate(&data).is_empty(),
        "the two-source map is valid"
    );
    data
}

/// The ids of the ties that quote only the wire in [`two_sources`].
pub fn wire_only(data: &Dataset) -> Vec<String> {
    data.ties
        .iter()
        .filter(|t| !t.excerpts.is_empty() && t.excerpts.iter().all(|x| x.source == "wire"))
        .map(|t| t.id.clone())
        .collect()
}
