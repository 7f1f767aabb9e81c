//! Synthetic news corpus with known duplicate ground truth, for measuring deduplication
//! and the whole pipeline at scale without shipping anyone's articles.
//!
//! [`Generator`] yields story groups: an original article (from a wire agency or an
//! outlet, in one of the languages of `dev/data/synth/`, weighted by their `weight`) and its
//! syndicated copies — [`Variant::Exact`] copies, copies with other page
//! [`Variant::Boilerplate`], a changed [`Variant::Headline`], paragraphs
//! [`Variant::Trimmed`] or [`Variant::Reordered`], light word [`Variant::Edited`]s — plus
//! hard negatives: a [`Variant::SameTopic`] article on the same event (often by the same
//! outlet, sharing names and one sentence) and a [`Variant::Translation`] of the story in
//! another language. Copies share the original's `story`; hard negatives get their own.
//! Everything is derived from the seed with a built-in PRNG: same seed, same corpus.

mod article;
mod rng;
mod story;
mod vocab;

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use gazette::lexicon::Lexicon;
use gazette::stages::dedup::normalise;

use crate::error::{Error, Result};
pub use rng::Rng;

/// How a generated document relates to its story's original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// The first publication.
    Original,
    /// Same page text, another site.
    Exact,
    /// Same body, other boilerplate around it.
    Boilerplate,
    /// Same body, another headline and boilerplate.
    Headline,
    /// The last paragraph(s) cut.
    Trimmed,
    /// Two paragraphs swapped.
    Reordered,
    /// About 1.5 % of the words changed.
    Edited,
    /// Trimmed and edited.
    TrimmedEdited,
    /// A different article on the same event (not a duplicate).
    SameTopic,
    /// The story written in another language (not a duplicate).
    Translation,
}

impl Variant {
    /// The snake_case name used in the truth file.
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Original => "original",
            Variant::Exact => "exact",
            Variant::Boilerplate => "boilerplate",
            Variant::Headline => "headline",
            Variant::Trimmed => "trimmed",
            Variant::Reordered => "reordered",
            Variant::Edited => "edited",
            Variant::TrimmedEdited => "trimmed_edited",
            Variant::SameTopic => "same_topic",
            Variant::Translation => "translation",
        }
    }
}

/// One generated document with its ground truth.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthDoc {
    /// Unique URL (on reserved `.example` domains).
    pub url: String,
    /// Publication date.
    pub published: NaiveDate,
    /// Publisher (an outlet or a wire agency).
    pub source_name: String,
    /// Language code the text was generated in.
    pub language: String,
    /// Headline.
    pub title: String,
    /// The page text as scraped: body with boilerplate lines around it.
    pub text: String,
    /// The clean body (what a perfect parse stage keeps).
    pub body: String,
    /// Duplicate cluster id: documents with the same story are duplicates.
    pub story: u64,
    /// How it was made.
    pub variant: Variant,
    /// The story it was derived from or is about (its own for originals).
    pub related: u64,
}

/// Header of the truth file written by [`write_corpus`].
pub const TRUTH_HEADER: &str = "url\tstory\tvariant\trelated\tlanguage\tjaccard_to_original";

impl SynthDoc {
    /// The JSON-lines record (`url`, `published`, `source_name`, `title`, `text`).
    pub fn jsonl(&self) -> String {
        serde_json::json!({
            "url": self.url,
            "published": self.published.to_string(),
            "source_name": self.source_name,
            "title": self.title,
            "text": self.text,
        })
        .to_string()
    }
}

/// Exact Jaccard similarity of the `k`-word shingle sets of two bodies (normalised as
/// dedup normalises them): the ground truth a MinHash estimate approximates.
pub fn shingle_jaccard(a: &str, b: &str, k: usize) -> f64 {
    let set = |s: &str| -> HashSet<String> {
        let norm = normalise(s);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        words
            .windows(k.clamp(1, words.len().max(1)))
            .map(|w| w.join(" "))
            .collect()
    };
    let (sa, sb) = (set(a), set(b));
    let union = sa.union(&sb).count();
    if union == 0 {
        return 1.0;
    }
    sa.intersection(&sb).count() as f64 / union as f64
}

/// Deterministic stream of story groups (an original, its copies, and possibly its hard
/// negatives), stopping after `docs` documents in all.
pub struct Generator {
    langs: Vec<vocab::Language>,
    seed: u64,
    remaining: usize,
    group: u64,
    next_story: u64,
}

impl Generator {
    /// A generator of `docs` documents from `seed`, with the built-in language data.
    pub fn new(docs: usize, seed: u64) -> Result<Generator> {
        let lexicon = Lexicon::load(&[] as &[&Path])?;
        let langs = vocab::languages(&lexicon);
        if langs.len() < 2 {
            return Err(Error::Synth("needs data for two languages or more".into()));
        }
        Ok(Generator {
            langs,
            seed,
            remaining: docs,
            group: 0,
            next_story: 0,
        })
    }
}

impl Iterator for Generator {
    type Item = Vec<SynthDoc>;

    fn next(&mut self) -> Option<Vec<SynthDoc>> {
        if self.remaining == 0 {
            return None;
        }
        let mut rng = Rng::new(self.seed, self.group);
        self.group += 1;
        let mut docs = story::story_group(&self.langs, &mut rng, &mut self.next_story);
        docs.truncate(self.remaining);
        self.remaining -= docs.len();
        Some(docs)
    }
}

/// All `docs` documents of the corpus for `seed`, in generation order.
pub fn generate(docs: usize, seed: u64) -> Result<Vec<SynthDoc>> {
    Ok(Generator::new(docs, seed)?.flatten().collect())
}

/// Writes the corpus as JSON lines to `out` and, when asked, its truth table (TSV,
/// [`TRUTH_HEADER`]; Jaccard over 5-word shingles) to `truth`. Returns the document count.
pub fn write_corpus(docs: usize, seed: u64, out: &Path, truth: Option<&Path>) -> Result<usize> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Output { path, source }
    };
    let create = |p: &Path| {
        std::fs::File::create(p)
            .map(std::io::BufWriter::new)
            .map_err(io(p))
    };
    let mut jsonl = create(out)?;
    let mut tsv = truth.map(create).transpose()?;
    if let (Some(t), Some(p)) = (tsv.as_mut(), truth) {
        writeln!(t, "{TRUTH_HEADER}").map_err(io(p))?;
    }
    let mut n = 0;
    for group in Generator::new(docs, seed)? {
        let original = group.first().map(|d| d.body.clone()).unwrap_or_default();
        for d in &group {
            writeln!(jsonl, "{}", d.jsonl()).map_err(io(out))?;
            if let (Some(t), Some(p)) = (tsv.as_mut(), truth) {
                let j = shingle_jaccard(&original, &d.body, 5);
                let (s, v, r, l) = (d.story, d.variant.as_str(), d.related, &d.language);
                writeln!(t, "{}\t{s}\t{v}\t{r}\t{l}\t{j:.4}", d.url).map_err(io(p))?;
            }
            n += 1;
        }
    }
    jsonl.flush().map_err(io(out))?;
    if let (Some(mut t), Some(p)) = (tsv, truth) {
        t.flush().map_err(io(p))?;
    }
    Ok(n)
}

#[cfg(test)]
mod tests;
