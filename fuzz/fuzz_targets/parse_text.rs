//! A text payload through the parse stage, then the annotating stages: one document or
//! one reject, every offset inside the body.
#![no_main]
use gazette::model::Payload;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    gazette_fuzz::check_parse(Payload::Text(text));
});
