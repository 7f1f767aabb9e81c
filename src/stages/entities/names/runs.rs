//! Capitalised runs of a body as the name finder cuts them: capitalised tokens joined by
//! name particles and organisation connectors, cut before a given name that starts a full
//! name after other words ("Milano Daniele Oppi" → "Milano", "Daniele Oppi").

use super::context::NameContext;
use super::cues::Title;
use super::tokens::{joined, Token};

impl NameContext<'_> {
    fn is_link(&self, t: &Token) -> bool {
        !t.cap
            && (self.particles.contains(&t.folded) || self.lists.org_connectors.contains(&t.folded))
    }

    /// True when `t` cannot be part of a name's edge: lower case or a stopword.
    pub(super) fn is_filler(&self, t: &Token) -> bool {
        !t.cap || self.lists.stopwords.contains(&t.folded)
    }

    /// Runs of capitalised tokens joined by particles/connectors, skipping `blocked` ones.
    pub(super) fn runs(&self, blocked: &[bool]) -> Vec<(usize, usize)> {
        let toks = self.tokens;
        let ok = |i: usize| toks[i].cap && !blocked[i];
        let mut runs = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !ok(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            loop {
                let mut m = j + 1;
                while m < toks.len()
                    && m - j <= 3
                    && !blocked[m]
                    && self.is_link(&toks[m])
                    && joined(self.text, &toks[m - 1], &toks[m])
                {
                    m += 1;
                }
                if m < toks.len()
                    && ok(m)
                    && !toks[m].elided
                    && joined(self.text, &toks[m - 1], &toks[m])
                {
                    j = m;
                } else {
                    break;
                }
            }
            runs.push((i, j));
            i = j + 1;
        }
        runs
    }

    /// The run cut before a given name that starts a full name inside it after words
    /// that are no given names ("Milano Daniele Oppi", "Trenord Giuseppe Biesuz": a
    /// headline or a dateline glued to the name), unless a lone head word precedes
    /// ("Piazza Giuseppe Garibaldi", "Fondazione Giorgio Cini") or an organisation head
    /// word follows ("Bosphorus Marine Services"); a title before the given name is left
    /// out ("Deputy Secretary Laura Bennett" gives "Laura Bennett").
    pub(super) fn split_before_given_name(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        let toks = self.tokens;
        let given = |k: usize| toks[k].cap && self.given_names.contains(&toks[k].folded);
        let cut = (a + 1..b).find(|&k| {
            given(k) && toks[k - 1].cap && !given(k - 1) && !toks[k - 1].initial && toks[k + 1].cap
        });
        // "il ministro del Lavoro Giuliano Poletti": the words complete the title.
        let completes_title = || self.title_before(toks[a].start) == Some(Title::Linked);
        match cut {
            // "Bosphorus Marine Services": the given name starts an organisation's name.
            Some(k) if self.holds_head_word(k, b) => vec![(a, b)],
            // "Deputy Secretary Laura Bennett": the words before are the person's title.
            Some(k) if self.leading_title(k - 1, k - 1) > 0 => self.split_before_given_name(k, b),
            // "il presidente della Regione Lazio Piero Marrazzo": an organisation's name
            // of several words, then the person, even after a title.
            Some(k)
                if (k - a > 1 || !self.is_head_word(&toks[a].folded))
                    && (!completes_title()
                        || (k - a > 1 && self.all_lists.org_heads.contains(&toks[a].folded))) =>
            {
                let mut out = vec![(a, k - 1)];
                out.extend(self.split_before_given_name(k, b));
                out
            }
            _ => vec![(a, b)],
        }
    }

    /// True when an organisation head word of any language stands in `a..=b`, or a
    /// place head word first or last ("Mar Mediterraneo", "Tor di Valle").
    pub(super) fn holds_head_word(&self, a: usize, b: usize) -> bool {
        let all = self.all_lists;
        (a..=b).any(|k| all.org_heads.contains(&self.tokens[k].folded))
            || [a, b]
                .iter()
                .any(|&k| all.loc_heads.contains(&self.tokens[k].folded))
    }

    fn is_head_word(&self, folded: &str) -> bool {
        let all = self.all_lists;
        all.org_heads.contains(folded) || all.loc_heads.contains(folded)
    }
}
