//! Shared by the fuzz targets. The writer's properties and the minimal
//! Typst world that checks them live in the main crate
//! (`zongjie::testing::verify`), shared with its tests.

/// FNV-1a, to pick a deterministic sample of inputs.
pub use zongjie::testing::fnv1a;

/// Checks the writer's properties on one Markdown text; a violation is a
/// finding (a panic).
pub fn check_writer(markdown: &str, compile: bool) {
    if let Err(violation) = zongjie::testing::verify::check_writer(markdown, compile) {
        panic!("{violation}");
    }
}
