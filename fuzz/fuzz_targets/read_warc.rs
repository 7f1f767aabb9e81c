//! A WARC file's bytes: records and rejects numbered 1, 2, … in order; every record an
//! HTML payload.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let items = gazette_fuzz::read_as("f.warc", data);
    let numbers = gazette_fuzz::record_numbers("f.warc", &items);
    assert!(numbers.iter().copied().eq(1..=numbers.len()), "{numbers:?}");
});
