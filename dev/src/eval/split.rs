//! The fixed tune / check split of every evaluation set.
//!
//! Each gold document belongs to one half, decided by its `id` alone: the first byte of
//! SHA-256 over the id's UTF-8 bytes, even → [`Half::Tune`], odd → [`Half::Check`]. The rule
//! depends on nothing else (not on the file order, the set or the run), so a document never
//! changes half and the halves of a set are stable as the set grows.
//!
//! The discipline it serves: develop (read misses, write rules, choose weights) on the tune
//! half only; report the check half for every change; keep a change only if check does not
//! drop. `gazette-dev eval --half tune|check` scores one half.

use sha2::{Digest, Sha256};

/// One half of an evaluation set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Half {
    /// The documents one may read and tune on.
    Tune,
    /// The documents that only report: never read to write a rule.
    Check,
}

/// The half a gold document with this id belongs to (see the module doc for the rule).
pub fn half_of(id: &str) -> Half {
    if Sha256::digest(id.as_bytes())[0] % 2 == 0 {
        Half::Tune
    } else {
        Half::Check
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_is_the_parity_of_the_first_sha256_byte() {
        // SHA-256("a") = ca97… (0xca even), SHA-256("e") = 3f79… (0x3f odd).
        assert_eq!(half_of("a"), Half::Tune);
        assert_eq!(half_of("e"), Half::Check);
    }

    #[test]
    fn halves_are_roughly_even() {
        let ids: Vec<String> = (0..1000).map(|i| format!("doc-{i:04}")).collect();
        let tune = ids.iter().filter(|id| half_of(id) == Half::Tune).count();
        assert!((430..=570).contains(&tune), "{tune} of 1000 in tune");
    }
}
