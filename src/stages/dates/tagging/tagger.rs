//! The tagger: every language's grammar plus the numeric patterns, run over a text into
//! candidates resolved against the anchor, then a leftmost-longest choice without
//! overlaps, mapped back to byte offsets of the original text.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::DateMention;
use crate::stages::dates::config::DatesConfig;
use crate::stages::dates::patterns::Grammar;
use crate::stages::dates::vocab::Vocab;
use crate::text::Folded;

use super::candidate;
use super::numeric::Numeric;
use super::scan::Scan;

/// Every language's grammar plus the language-independent numeric patterns.
#[derive(Debug)]
pub struct Tagger {
    grammars: Vec<Grammar>,
    /// Per language, its full month names (folded): a grammar read as a foreign one only
    /// finds full dates with a full month name, so a text holding none is not scanned.
    month_probes: HashMap<String, AhoCorasick>,
    numeric: Numeric,
    years: (i32, i32),
}

impl Tagger {
    /// Builds one grammar per language that has `date_*` lists.
    pub fn new(lexicon: &Lexicon, settings: &DatesConfig) -> Result<Tagger> {
        let grammars = Vocab::languages(lexicon)
            .iter()
            .map(|lang| Vocab::load(lexicon, lang).and_then(Grammar::new))
            .collect::<Result<Vec<_>>>()?;
        let month_probes = grammars
            .iter()
            .filter_map(|g| Some((g.vocab.lang.clone(), month_probe(g)?)))
            .collect();
        Ok(Tagger {
            grammars,
            month_probes,
            numeric: Numeric::new(),
            years: (settings.min_year, settings.max_year),
        })
    }

    /// The grammars to run for a document in `lang`: that language's alone when it has
    /// one (with the others kept for unambiguous full dates), else all of them.
    /// `lang` may carry a region ("fr-CH") or capitals.
    pub fn grammars_for(&self, lang: &str) -> (Vec<&Grammar>, Vec<&Grammar>) {
        let lang = lang
            .split(['-', '_'])
            .next()
            .unwrap_or(lang)
            .to_ascii_lowercase();
        if self.grammars.iter().any(|g| g.vocab.lang == lang) {
            self.grammars.iter().partition(|g| g.vocab.lang == lang)
        } else {
            (self.grammars.iter().collect(), Vec::new())
        }
    }

    /// Every temporal expression of `text` (written in `lang`), sorted by start, with byte
    /// offsets into `text`; relative ones resolved against `anchor`.
    pub fn tag_text(&self, text: &str, lang: &str, anchor: NaiveDate) -> Vec<DateMention> {
        let folded = Folded::new(text);
        let mut scan = Scan {
            text,
            folded: &folded,
            anchor,
            years: self.years,
            out: Vec::new(),
        };
        let (primary, foreign) = self.grammars_for(lang);
        for g in &primary {
            scan.grammar(g, false);
        }
        for g in &foreign {
            let probe = self.month_probes.get(&g.vocab.lang);
            if probe.is_none_or(|p| p.is_match(&folded.text)) {
                scan.grammar(g, true);
            }
        }
        let prefer_mdy = primary.len() == 1 && primary[0].vocab.prefer_mdy;
        self.numeric
            .collect(&folded.text, prefer_mdy, &mut scan.out);
        candidate::choose(scan.out, &folded, text, anchor)
    }
}

/// An automaton finding any full month name of `g` in folded text; `None` (scan always)
/// when a name holds a space or the automaton cannot be built.
fn month_probe(g: &Grammar) -> Option<AhoCorasick> {
    let names: Vec<&String> = g
        .vocab
        .months
        .iter()
        .filter(|(_, m)| !m.abbr)
        .map(|(name, _)| name)
        .collect();
    if names.is_empty() || names.iter().any(|n| n.contains(char::is_whitespace)) {
        return None;
    }
    AhoCorasick::new(names).ok()
}
