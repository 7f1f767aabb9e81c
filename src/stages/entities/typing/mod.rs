//! The type of names found by pattern from what the document says of them: evidence
//! around an unconfirmed name ([`evidence`]), the guess it leads to ([`guess`]), the words
//! only an organisation has around a name ([`org_cues`]), and where an organisation's name
//! ends ([`org_spans`]).

pub(super) mod evidence;
pub(super) mod guess;
pub(super) mod org_cues;
pub(super) mod org_spans;
