//! Any Markdown converts to Typst markup that parses without errors and
//! keeps every word; a sample (1 input in 128, and every input up to 64
//! bytes) is compiled, and must compile, with every word laid out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let markdown = String::from_utf8_lossy(data);
    let compile = data.len() <= 64 || zongjie_fuzz::fnv1a(data) % 128 == 0;
    zongjie_fuzz::check_writer(&markdown, compile);
});
