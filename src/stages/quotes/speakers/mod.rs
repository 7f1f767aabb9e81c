//! Speaker resolution: who a quotation's cue points at. `Resolver` (`resolver`) holds what
//! resolution knows about one document and finds the speaker named next to a point;
//! `salience` tells whether a person speaks or opens its clause (computed once per
//! mention, `memo`); the speaker is a name (`nearby`), a pronoun's referent agreeing in
//! `gender` (`pronouns`), a role resolved to the person named with it (`roles`), a
//! description (`descriptions`, `org_descriptions`); each way is scored (`score`), the
//! result is a `Speaker` (`speaker`).

mod descriptions;
mod gender;
mod memo;
mod nearby;
mod org_descriptions;
mod pronouns;
mod resolver;
mod roles;
mod salience;
pub(super) mod score;
mod speaker;

pub(super) use gender::person_genders;
pub(super) use memo::Memo;
pub(super) use resolver::{possessive, speaker_type, Resolver};
pub(super) use speaker::{PrevQuote, Speaker};
