//! Zstandard bytes (decompression bombs, truncated and corrupt streams): as a compressed text
//! or HTML file exactly one record or reject; as compressed JSONL and WARC the records
//! in order.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gazette_fuzz::check_whole_file("f.txt.zst", data);
    gazette_fuzz::check_whole_file("f.html.zst", data);
    gazette_fuzz::check_lines_in_order("f.jsonl.zst", data);
    gazette_fuzz::check_lines_in_order("f.warc.zst", data);
});
