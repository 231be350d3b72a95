fn main() {
    let args: Vec<String> = std::env::args().collect();
    let article = relmap::ingest::input::read_file(std::path::Path::new(&args[1])).unwrap();
    let got = relmap::ingest::ingest(&article, &relmap::model::Dataset::default());
    for a in &got.actors {
        println!(
            "A {:.2} {:?} {} {:?}{}",
            a.confidence,
            a.kind,
            a.name,
            a.aliases,
            if a.ambiguous { " AMBIG" } else { "" }
        );
    }
    for t in &got.ties {
        println!(
            "T {:.2} {} -> {} {:?} {:?} {} {:?}",
            t.confidence,
            got.actors[t.from].name,
            got.actors[t.to].name,
            t.kind,
            t.polarity,
            t.directed,
            t.excerpts
                .iter()
                .map(|e| (
                    e.certainty,
                    e.attributed_to.clone(),
                    &got.text[e.start..(e.start + 40).min(e.end)]
                ))
                .collect::<Vec<_>>()
        );
    }
    if let Some(exp) = args.get(2) {
        let expected = if exp.ends_with(".json") {
            let data = relmap::io::json::load_file(std::path::Path::new(exp)).unwrap();
            relmap::ingest::score::Expected::from_dataset(&data)
        } else {
            relmap::ingest::score::Expected::parse(&std::fs::read_to_string(exp).unwrap()).unwrap()
        };
        let s = relmap::ingest::score::score(&expected, &got);
        println!("{}", s.line());
        println!(
            "missed actors {:?}\nextra {:?}\nmissed ties {:?}",
            s.missed_actors, s.extra_actors, s.missed_ties
        );
    }
}
