//! The built-in sample dataset, built by hand from one New York Times article.

use crate::model::Dataset;

/// The sample dataset as shipped, in the native format.
pub const SAMPLE_JSON: &str = include_str!("../assets/sample.relmap.json");

/// The name shown for the sample when it has no file.
pub const SAMPLE_NAME: &str = "Sample: Assad and Kim";

/// Parses the embedded sample. It is checked by the tests, so failure here is a build defect.
pub fn sample_dataset() -> Dataset {
    match crate::io::json::load_bytes(std::path::Path::new("sample"), SAMPLE_JSON.as_bytes()) {
        Ok(data) => data,
        Err(e) => {
            // Not reachable from user data: the embedded file is validated by the test suite.
            eprintln!("the built-in sample is invalid: {e}");
            Dataset::default()
        }
    }
}
