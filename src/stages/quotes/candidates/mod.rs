//! Speaker candidates: the mentions speaker resolution chooses from. The entities stage's
//! mentions are reviewed for the tagging slips that decide speakers (`review`), the
//! capitalised names a speech cue vouches for are added (`cue_names`), and both walk
//! capitalised words with the one name walker (`name_runs`), which speaker resolution
//! also uses for untagged names next to a cue.

mod cue_names;
mod name_runs;
mod review;

pub(super) use cue_names::cue_names;
pub(super) use name_runs::name_run;
pub(super) use review::review;
