//! Regular expressions of one language, built once from its [`Vocab`] and run on folded
//! text (lower case, no accents). Group names: `art` article, `modb`/`moda` modifier
//! before/after, `wd` weekday, `d` day, `m` month, `y` year, `cue` a cue word kept out
//! of the span, `w` a whole listed phrase.

use std::collections::HashSet;

use regex::Regex;

use crate::error::Result;

use super::vocab::{Role, Vocab};
use terms::{alt, compile, counted_re, plain, prefix_term, term};

mod terms;

/// The compiled patterns of one language.
#[derive(Debug)]
pub struct Grammar {
    /// The vocabulary the patterns were built from (used to read the matches).
    pub vocab: Vocab,
    /// `[art] [modb] [wd [modw][,] [art]] d[ord] [join] m [[,] [join] y] [moda]`.
    pub day_month: Option<Regex>,
    /// `[art] d[ord] (range [art] | -) d[ord] [join] m [[,] [join] y]`: the first day of a
    /// range, which takes the month and year written after the second.
    pub range_first: Option<Regex>,
    /// `[wd[,]] m [join] [art] d[ord] [[,] y]` for languages with `month_day`.
    pub month_day: Option<Regex>,
    /// `[art] m [,] [join] y`, full month names only; `art` a contracted article
    /// (`month_article`).
    pub month_year: Option<Regex>,
    /// `[art | cue] [modb] m [moda]`, with at least one of `art`, `cue`, `modb`; full month
    /// names only; `art` a contracted article (`month_article`), kept in the span, `cue`
    /// a `month_cue`, not kept.
    pub bare_month: Option<Regex>,
    /// `(art | cue) y`: `art` a contracted article (`year_article`), kept in the span,
    /// `cue` a `year_cue`, not kept.
    pub bare_year: Option<Regex>,
    /// `[modb] wd [moda]`.
    pub weekday: Option<Regex>,
    /// `[modb] wd [art] d[ord] [moda]`: a weekday with a day number and no month.
    pub weekday_day: Option<Regex>,
    /// A listed relative day ("avant-hier").
    pub relative_day: Option<Regex>,
    /// A listed relative period ("la semaine dernière").
    pub period: Option<Regex>,
    /// Every counted relative phrase ("il y a 3 jours") as one alternation; the number of
    /// entry `i` of `vocab.counts` is group `c{i}`.
    pub counted: Option<Regex>,
    /// The group names `c0`, `c1`, … of `counted`, one per entry of `vocab.counts`.
    pub counted_groups: Vec<String>,
    /// Right after a day-month, the second end of a range in another month: `(range [art]
    /// | -) d[ord] [join] m [[,] [join] y]` ("du 28 février au 3 mars 2024").
    pub range_tail: Option<Regex>,
    /// The same for `month_day` languages: `(range | -) m d[ord] [[,] y]` ("to March 3").
    pub range_tail_md: Option<Regex>,
    /// Any forward-pointing word.
    pub forward: Option<Regex>,
    /// Any publication cue.
    pub published: Option<Regex>,
    /// Any update cue.
    pub modified: Option<Regex>,
    /// Folded modifiers meaning "the last one".
    pub prev: HashSet<String>,
    /// Folded modifiers meaning "the coming one".
    pub next: HashSet<String>,
    /// Folded nouns of counted things ("exemplaires").
    pub count: HashSet<String>,
}

impl Grammar {
    /// Compiles the patterns of `vocab`.
    pub fn new(vocab: Vocab) -> Result<Grammar> {
        let lang = vocab.lang.clone();
        let opt = |g: &str, s: Option<String>| {
            s.map(|s| format!("(?:(?P<{g}>{s}))?")).unwrap_or_default()
        };
        let keys = |abbr: Option<bool>| -> Vec<String> {
            let mut v: Vec<String> = vocab
                .months
                .iter()
                .filter(|(_, m)| abbr.is_none_or(|want| m.abbr == want))
                .map(|(k, _)| k.clone())
                .collect();
            v.sort();
            v
        };
        let full_months = alt(&keys(Some(false)), term);
        let abbr_months = alt(&keys(Some(true)), |s| format!(r"{}\.?", term(s)));
        let all_months = match (&full_months, &abbr_months) {
            (Some(f), Some(a)) => Some(format!("(?:{f}|{a})")),
            (f, a) => f.clone().or(a.clone()),
        };
        let mut wd: Vec<String> = vocab.weekdays.keys().cloned().collect();
        wd.sort();
        let weekdays = alt(&wd, term);
        let art = alt(vocab.role(Role::Article), prefix_term);
        let join = alt(vocab.role(Role::Join), |s| format!(r"{}\s+", term(s)));
        let ord = alt(vocab.role(Role::Ordinal), plain)
            .map(|o| format!("{o}?"))
            .unwrap_or_default();
        let modb = alt(
            &[vocab.role(Role::PrevBefore), vocab.role(Role::NextBefore)].concat(),
            term,
        );
        let moda = alt(
            &[vocab.role(Role::PrevAfter), vocab.role(Role::NextAfter)].concat(),
            term,
        );
        let join_s = join.clone().map(|j| format!("{j}?")).unwrap_or_default();
        let modb_s = modb
            .as_ref()
            .map(|m| format!(r"(?:(?P<modb>{m})\s+)?"))
            .unwrap_or_default();
        let moda_s = moda
            .as_ref()
            .map(|m| format!(r"(?:\s+(?P<moda>{m}))?"))
            .unwrap_or_default();
        let art_any = art.clone().map(|a| format!("{a}?")).unwrap_or_default();
        let year = r"(?P<y>\d{4})\b";

        let day_month = match &all_months {
            Some(m) => {
                let modw = moda
                    .as_ref()
                    .map(|m| format!(r"(?:\s+(?P<modw>{m}))?"))
                    .unwrap_or_default();
                let wd_s = weekdays
                    .as_ref()
                    .map(|w| format!(r"(?:(?P<wd>{w}){modw},?\s+{art_any})?"))
                    .unwrap_or_default();
                let p = format!(
                    r"{art}{modb_s}{wd_s}\b(?P<d>[0-3]?\d){ord}\s+{join_s}(?P<m>{m})(?:,?\s+{join_s}{year})?{moda_s}",
                    art = opt("art", art.clone()),
                );
                Some(compile(&lang, "day-month", p)?)
            }
            None => None,
        };
        let range = alt(vocab.role(Role::Range), |s| format!(r"{}\s+", term(s)));
        let range_words = range.map(|r| format!(r"{r}{art_any}|")).unwrap_or_default();
        let range_tail = match &all_months {
            Some(m) => Some(compile(
                &lang,
                "range tail",
                format!(
                    r"^\s*(?:{range_words}[-–—]\s*)\b(?P<d>[0-3]?\d){ord}\s+{join_s}(?P<m>{m})(?:,?\s+{join_s}{year})?"
                ),
            )?),
            None => None,
        };
        let range_tail_md = match (&all_months, vocab.month_day) {
            (Some(m), true) => Some(compile(
                &lang,
                "range tail",
                format!(
                    r"^\s*(?:{range_words}[-–—]\s*)(?P<m>{m})\s+{join_s}\b(?P<d>[0-3]?\d){ord}\b(?:,?\s+{year})?"
                ),
            )?),
            _ => None,
        };
        let range_first = match &all_months {
            Some(m) => {
                let words = &range_words;
                let p = format!(
                    r"(?P<first>{art}\b(?P<d>[0-3]?\d){ord})\s*(?:{words}[-–—]\s*)[0-3]?\d{ord}\s+{join_s}(?P<m>{m})(?:,?\s+{join_s}{year})?",
                    art = opt("art", art.clone()),
                );
                Some(compile(&lang, "day range", p)?)
            }
            None => None,
        };
        let month_day = match (&all_months, vocab.month_day) {
            (Some(m), true) => {
                let wd_s = weekdays
                    .as_ref()
                    .map(|w| format!(r"(?:(?P<wd>{w}),?\s+)?"))
                    .unwrap_or_default();
                let p = format!(
                    r"{wd_s}(?P<m>{m})\s+{join_s}{art_any}(?P<d>[0-3]?\d){ord}\b(?:,?\s+{year})?"
                );
                Some(compile(&lang, "month-day", p)?)
            }
            _ => None,
        };
        let art_m = alt(vocab.role(Role::MonthArticle), prefix_term);
        let month_year = match &full_months {
            Some(m) => Some(compile(
                &lang,
                "month-year",
                format!(
                    r"{art}(?P<m>{m}),?\s+{join_s}{year}",
                    art = opt("art", art_m.clone())
                ),
            )?),
            None => None,
        };
        // The contracted article comes first: a word listed with both roles is kept. A
        // modifier may follow either ("im vergangenen Dezember"); the scan drops a match
        // with none of the three.
        let words = [
            art_m.map(|a| format!("(?P<art>{a})")),
            alt(vocab.role(Role::MonthCue), prefix_term).map(|c| format!("(?P<cue>{c})")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
        let words = (!words.is_empty()).then(|| format!("(?:{})?", words.join("|")));
        let lead = match (words, &modb) {
            (None, None) => None,
            (w, b) => Some(format!(
                "{}{}",
                w.unwrap_or_default(),
                b.as_ref()
                    .map(|b| format!(r"(?:(?P<modb>{b})\s+)?"))
                    .unwrap_or_default()
            )),
        };
        let bare_month = match (&full_months, lead) {
            (Some(m), Some(lead)) => Some(compile(
                &lang,
                "bare month",
                format!(r"{lead}(?P<m>{m}){moda_s}"),
            )?),
            _ => None,
        };
        let year_lead = [
            alt(vocab.role(Role::YearArticle), prefix_term).map(|a| format!("(?P<art>{a})")),
            alt(vocab.role(Role::YearCue), prefix_term).map(|c| format!("(?P<cue>{c})")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
        let bare_year = match year_lead.is_empty() {
            false => Some(compile(
                &lang,
                "bare year",
                format!(r"(?:{}){year}", year_lead.join("|")),
            )?),
            true => None,
        };
        let weekday = match &weekdays {
            Some(w) => Some(compile(
                &lang,
                "weekday",
                format!(r"{modb_s}(?P<wd>{w}){moda_s}"),
            )?),
            None => None,
        };
        let weekday_day = match &weekdays {
            Some(w) => Some(compile(
                &lang,
                "weekday-day",
                format!(r"{modb_s}(?P<wd>{w})\s+{art_any}\b(?P<d>[0-3]?\d){ord}\b{moda_s}"),
            )?),
            None => None,
        };
        let phrase_re = |what: &str, keys: Vec<String>| -> Result<Option<Regex>> {
            alt(&keys, term)
                .map(|a| compile(&lang, what, format!("(?P<w>{a})")))
                .transpose()
        };
        let relative_day = phrase_re(
            "relative day",
            vocab.relative_days.keys().cloned().collect(),
        )?;
        let period = phrase_re("relative period", vocab.periods.keys().cloned().collect())?;
        let counted = counted_re(&vocab)
            .map(|p| compile(&lang, "relative count", p))
            .transpose()?;
        let counted_groups = (0..vocab.counts.len()).map(|i| format!("c{i}")).collect();
        let forward = phrase_re("forward cue", vocab.role(Role::Forward).to_vec())?;
        let published = phrase_re("published cue", vocab.role(Role::Published).to_vec())?;
        let modified = phrase_re("modified cue", vocab.role(Role::Modified).to_vec())?;
        let set = |a: Role, b: Role| -> HashSet<String> {
            [vocab.role(a), vocab.role(b)]
                .concat()
                .into_iter()
                .collect()
        };
        let prev = set(Role::PrevBefore, Role::PrevAfter);
        let next = set(Role::NextBefore, Role::NextAfter);
        let count = vocab.role(Role::Count).iter().cloned().collect();
        Ok(Grammar {
            vocab,
            day_month,
            range_first,
            month_day,
            month_year,
            bare_month,
            bare_year,
            weekday,
            weekday_day,
            relative_day,
            period,
            counted,
            counted_groups,
            range_tail,
            range_tail_md,
            forward,
            published,
            modified,
            prev,
            next,
            count,
        })
    }
}
