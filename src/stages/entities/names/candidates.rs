//! Names missing from the knowledge base: capitalised word sequences (with particles such
//! as bin/al-/de/di/von/abou inside), kept when the context confirms and types them:
//! a person title before ("le général …", "President …") or after a comma ("X,
//! secrétaire du …"), a speech verb right after ("X a déclaré"), an organisation head
//! word ("Conseil …", "… University"), or a place cue ("à X", "in X"); a regnal number
//! right after a name belongs to it ("Benedetto XVI"). Unconfirmed sequences are returned
//! untyped: the coreference step may still resolve them.

use super::context::NameContext;
use super::cues::{is_roman_numeral, Title};
use super::tokens::joined;
use crate::model::EntityType;
use crate::stages::entities::draft::Candidate;
use crate::stages::entities::words::word_before;

/// Person right after an adjacent title or before an apposition.
const SCORE_TITLED: f32 = 0.75;
/// Person with a title a few words before, or a speech verb after.
pub(crate) const SCORE_PERSON: f32 = 0.7;
/// Organisation by head word; multi-word place by cue.
const SCORE_HEADED: f32 = 0.65;
/// One-word person or place.
const SCORE_SINGLE: f32 = 0.6;

impl NameContext<'_> {
    /// Every capitalised sequence outside `taken` spans (sorted), typed when confirmed.
    pub(crate) fn candidates(&self, taken: &[(usize, usize)]) -> Vec<Candidate> {
        let blocked: Vec<bool> = self
            .tokens
            .iter()
            .map(|t| {
                let k = taken.partition_point(|&(_, e)| e <= t.start);
                taken.get(k).is_some_and(|&(s, _)| s < t.end)
            })
            .collect();
        let mut out = Vec::new();
        let runs: Vec<(usize, usize)> = self
            .runs(&blocked)
            .into_iter()
            .flat_map(|(a, b)| self.split_before_given_name(a, b))
            .collect();
        for (mut a, mut b) in runs {
            let mut titled = false;
            while a <= b {
                let title = self.leading_title(a, b);
                if title == 0 && !self.is_filler(&self.tokens[a]) {
                    break;
                }
                titled = title > 0;
                a += title.max(1);
            }
            while a <= b && self.is_filler(&self.tokens[b]) {
                b -= 1;
            }
            if a > b {
                continue;
            }
            if let Some((c, rest)) = self.organisation(a, b) {
                out.push(c);
                match rest {
                    Some(r) => a = r,
                    None => continue,
                }
            }
            // Split where an organisation connector (not a name particle) links words.
            let mut piece_start = a;
            for k in a..=b + 1 {
                let cut = k > b
                    || (!self.tokens[k].cap && !self.particles.contains(&self.tokens[k].folded));
                if cut {
                    let mut e = k.saturating_sub(1);
                    while e > piece_start && !self.tokens[e].cap {
                        e -= 1;
                    }
                    if k > piece_start {
                        let piece = self.piece(piece_start, e, titled && piece_start == a);
                        out.extend(
                            piece
                                .into_iter()
                                .flatten()
                                .map(|c| self.with_regnal_number(c)),
                        );
                    }
                    piece_start = k + 1;
                }
            }
        }
        out
    }

    /// An organisation named by a head word at its start (or at its end, when no
    /// connector is inside: "Harvard University"), and where a following name starts
    /// ("Consiglio dei Ministri Silvio Berlusconi" → the organisation, then token 4).
    fn organisation(&self, a: usize, b: usize) -> Option<(Candidate, Option<usize>)> {
        let caps = (a..=b).filter(|&k| self.tokens[k].cap).count();
        let heads = &self.lists.org_heads;
        let linked = (a..=b).any(|k| !self.tokens[k].cap);
        let head_first = heads.contains(&self.tokens[a].folded);
        if caps < 2 || !(head_first || (!linked && heads.contains(&self.tokens[b].folded))) {
            return None;
        }
        let mut end = b;
        let mut rest = None;
        if let Some(last_link) = (a..=b).rev().find(|&k| !self.tokens[k].cap) {
            if b - last_link >= 3 {
                end = last_link + 1;
                rest = Some(last_link + 2);
            }
        }
        let candidate = Candidate {
            start: self.tokens[a].start,
            end: self.tokens[end].end,
            entity_type: Some(EntityType::Org),
            score: SCORE_HEADED,
            cap_words: (a..=end).filter(|&k| self.tokens[k].cap).count(),
        };
        Some((candidate, rest))
    }

    /// The candidates of one piece of a run, in text order: one name, or, after a title
    /// linked by a function word, the name the title belongs to (left untyped) and the
    /// person ("il presidente della Coldiretti Roberto Moncalvo").
    fn piece(&self, mut a: usize, b: usize, titled: bool) -> [Option<Candidate>; 2] {
        while a < b && !self.tokens[a].cap {
            a += 1;
        }
        let caps = (a..=b).filter(|&k| self.tokens[k].cap).count();
        if caps == 0 || caps > 4 {
            return [None, None];
        }
        let (mut start, end) = (self.tokens[a].start, self.tokens[b].end);
        let title = if titled {
            Some(Title::Adjacent)
        } else {
            self.title_before(start)
        };
        if title == Some(Title::Linked) && caps >= 2 {
            // "il ministro del Lavoro Giuliano Poletti": the first capitalised words
            // complete the title; the person is the last one or two.
            let keep = 2.min(caps - 1);
            let mut seen = 0;
            let mut first_kept = b;
            for k in (a..=b).rev() {
                if self.tokens[k].cap {
                    seen += 1;
                    if seen == keep {
                        start = self.tokens[k].start;
                        first_kept = k;
                        break;
                    }
                }
            }
            let person = Candidate {
                start,
                end,
                entity_type: Some(EntityType::Person),
                score: if keep == 1 {
                    SCORE_SINGLE
                } else {
                    SCORE_PERSON
                },
                cap_words: keep,
            };
            // The words before the person name what the title heads; the guesser types
            // them ("della Coldiretti" → an organisation; "del Lavoro" is a common noun).
            // Only in languages whose articles mark such names (entity_org_articles).
            let lead = (a..first_kept)
                .rev()
                .find(|&k| self.tokens[k].cap)
                .filter(|_| !self.lists.org_articles.is_empty())
                .filter(|&e| {
                    // Initials ("Mr. A. W. Kinglake") are part of the person.
                    (a..=e).all(|k| {
                        let t = &self.tokens[k];
                        !t.initial && self.text[t.start..t.end].chars().nth(1).is_some()
                    })
                })
                .map(|e| Candidate {
                    start: self.tokens[a].start,
                    end: self.tokens[e].end,
                    entity_type: None,
                    score: 0.0,
                    cap_words: caps - keep,
                });
            return [lead, Some(person)];
        }
        let single = caps == 1;
        if single
            && self.text[start..end]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                < 3
        {
            return [None, None];
        }
        let (entity_type, score) = match title {
            Some(Title::Adjacent) if single => (Some(EntityType::Person), SCORE_SINGLE),
            Some(Title::Adjacent) => (Some(EntityType::Person), SCORE_TITLED),
            _ if !single && self.apposition_after(end) => (Some(EntityType::Person), SCORE_TITLED),
            // "presidente onorario delle Messaggerie Italiane": people take no article.
            Some(_) if !single && !self.article_before(start) => {
                (Some(EntityType::Person), SCORE_PERSON)
            }
            _ if self.speech_verb_after(end) && !(single && self.lone_word_unlike_a_name(a)) => (
                Some(EntityType::Person),
                if single { SCORE_SINGLE } else { SCORE_PERSON },
            ),
            _ if !single
                && self.given_names.contains(&self.tokens[a].folded)
                && !self.holds_head_word(a, b) =>
            {
                (Some(EntityType::Person), SCORE_PERSON)
            }
            _ if !single && self.speech_verb_before(start) => {
                (Some(EntityType::Person), SCORE_PERSON)
            }
            // "in Senato": an institution, left to the guesser's head words.
            _ if caps <= 3
                && self.place_cue_before(a)
                && !(single && self.lists.org_heads.contains(&self.tokens[a].folded)) =>
            {
                (
                    Some(EntityType::Loc),
                    if single { SCORE_SINGLE } else { SCORE_HEADED },
                )
            }
            _ => (None, 0.0),
        };
        [
            None,
            Some(Candidate {
                start,
                end,
                entity_type,
                score,
                cap_words: caps,
            }),
        ]
    }

    /// The candidate extended over a regnal number right after it ("Benedetto XVI",
    /// "Elisabetta II"), then a person unless its context made it an organisation.
    fn with_regnal_number(&self, mut c: Candidate) -> Candidate {
        let k = self.tokens.partition_point(|t| t.start < c.end);
        let (Some(prev), Some(next)) = (
            k.checked_sub(1).map(|p| &self.tokens[p]),
            self.tokens.get(k),
        ) else {
            return c;
        };
        if prev.end != c.end
            || !is_roman_numeral(&self.text[next.start..next.end])
            || !joined(self.text, prev, next)
        {
            return c;
        }
        c.end = next.end;
        c.cap_words += 1;
        if c.entity_type != Some(EntityType::Org) {
            c.score = c.score.max(SCORE_PERSON);
            c.entity_type = Some(EntityType::Person);
        }
        c
    }

    /// True when an article of the language that people and cities never take stands
    /// right before `start` (entity_org_articles: "delle", "dell'").
    fn article_before(&self, start: usize) -> bool {
        !self.lists.org_articles.is_empty()
            && self
                .lists
                .org_articles
                .contains(&word_before(self.text, start))
    }
}
