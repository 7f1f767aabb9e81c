//! A text file's bytes: exactly one record or one reject, named by the file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gazette_fuzz::check_whole_file("f.txt", data);
});
