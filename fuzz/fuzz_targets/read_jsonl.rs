//! A JSONL file's bytes: one record or reject for each non-blank or over-long line,
//! numbered by its line, and nothing for blank lines.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let items = gazette_fuzz::read_as("f.jsonl", data);
    assert_eq!(
        gazette_fuzz::record_numbers("f.jsonl", &items),
        gazette_fuzz::jsonl_record_lines(data)
    );
});
