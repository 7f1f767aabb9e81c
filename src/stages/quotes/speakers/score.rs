//! Scores of each way of finding a speaker: a score is meant as the chance the speaker
//! is right, a null speaker counting right only when nobody is named. Each way takes one
//! of six levels, set from the speaker accuracy the ways of a level reach together on
//! ggt-quotes-en and the project's fr/it/de/es gold (the dev crate's ggt diagnostic, `tests::gold` print
//! accuracy by score band and the expected calibration error); a way changes level only
//! on evidence from both sets, never to fit one document. A short partial quote scales
//! its score down (`SHORT_PARTIAL_FACTOR`), a continuation never exceeds its source.

/// A name the cue points at: 143 of 145 right (ggt-quotes-en and project gold
/// pooled, session 4; the counts below likewise).
const NAMED: f32 = 0.97;
/// A person reached through a reference the text makes (a pronoun, a continuing
/// quote paragraph, a source cue): 133 of 136 right.
const REFERRED: f32 = 0.93;
/// A guess with some support (the latest person, an untagged name, a description
/// that refers back): 13 of 14 right, kept low as a guess on few quotes.
const LIKELY: f32 = 0.75;
/// A description kept as written, a role met in an apposition, a partial quote's
/// clause subject: 12 of 19 right.
const FAIR: f32 = 0.65;
/// A role or cue left without a name, or a role guessed from a nearby sentence:
/// 3 of 9 right.
const DOUBTFUL: f32 = 0.25;
/// No attribution at all: 0 of 9 right.
const ABSENT: f32 = 0.05;

/// A name right next to the cue, after it ("», a déclaré Peskov").
pub const NAME_ADJACENT: f32 = NAMED;
/// A name before a colon cue ("Dupont a déclaré : «").
pub const NAME_COLON: f32 = NAMED;
/// The subject of the sentence, farther from the cue.
pub const NAME_SUBJECT: f32 = NAMED;
/// A pronoun resolved to a person who speaks or whose gender agrees, or to the
/// previous quote's speaker.
pub const PRONOUN: f32 = REFERRED;
/// A pronoun resolved to the latest person mention.
pub const PRONOUN_MENTION: f32 = LIKELY;
/// A cue with no subject ("», ha aggiunto."), resolved like a pronoun.
pub const IMPLICIT_SUBJECT: f32 = REFERRED;
/// A role resolved through an apposition elsewhere in the document.
pub const ROLE: f32 = FAIR;
/// An "according to" source.
pub const ACCORDING_TO: f32 = REFERRED;
/// A capitalised name right next to the cue that no entity mention covers.
pub const NAME_UNLINKED: f32 = LIKELY;
/// The person opening a sentence that introduces a quote with a colon, no verb.
pub const COLON_SUBJECT: f32 = LIKELY;
/// A role left unresolved, kept as written.
pub const ROLE_WEAK: f32 = DOUBTFUL;
/// A role resolved to the subject of a nearby sentence: a guess.
pub const ROLE_GUESS: f32 = DOUBTFUL;
/// A definite description with a modifier ("the affable proprietor") resolved to
/// the person the text is about.
pub const DESCRIBED_BACK: f32 = LIKELY;
/// A definite description of an organisation ("the company said", "la société a
/// indiqué") resolved to the organisation the text is about.
pub const ORG_DESCRIBED_BACK: f32 = LIKELY;
/// A description with no name ("the father", "un diplomate"), kept as written.
pub const DESCRIBED: f32 = FAIR;
/// A quote paragraph continuing the previous quote (never above that quote's score).
pub const CONTINUATION: f32 = REFERRED;
/// An impersonal cue ("hieß es") with no name after it: nobody is named.
pub const IMPERSONAL: f32 = LIKELY;
/// A partial quote with no cue in the sentence of the previous quote: its speaker.
pub const SAME_SENTENCE: f32 = LIKELY;
/// A partial quote with no cue, given to the subject of its sentence.
pub const PARTIAL_SUBJECT: f32 = FAIR;
/// A cue without a speaker.
pub const CUE_ONLY: f32 = DOUBTFUL;
/// No attribution at all.
pub const NONE: f32 = ABSENT;
