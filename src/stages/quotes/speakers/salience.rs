//! Salience of a person mention for speaker resolution: does it speak (subject of a
//! speech verb, or named by an inverted or source cue), does it open its clause, is
//! it an object or a possessive, does an apposition separate it from its cue.

use crate::model::{EntityMention, EntityType};
use crate::stages::quotes::cues::{after_quote, closing_inversion, Cue, CueKind};
use crate::text::{sentence_of, word_spans};

use super::memo::Speech;
use super::resolver::{possessive, speaker_type, Resolver};

impl Resolver<'_> {
    /// The speaker of an apposition running from `from` to a cue at `cue_start` ("»,
    /// David Rosenberg, chief economist at a bank, said"): the PERSON/ORG mention that
    /// opens it, followed by a comma, when the text ends with a comma, at most 160 bytes.
    pub fn apposition_before(&self, from: usize, cue_start: usize) -> Option<&EntityMention> {
        let gap = self.body.get(from..cue_start)?;
        let lead = gap.len() - gap.trim_start().len();
        let shape = gap.len() <= 160
            && gap.trim_end().ends_with(',')
            && !gap.contains(['\n', '"', '“', '”', '«', '»', ';']);
        if !shape {
            return None;
        }
        self.mentions
            .iter()
            .find(|m| {
                m.start == from + lead
                    && speaker_type(m.entity_type)
                    && self.body[m.end..].starts_with(',')
            })
            .copied()
    }

    /// True when `m` is the subject of a speech verb later in its sentence with no other
    /// person between ("Carey said", "Arafeh, a translator in Halifax, said"), or stands
    /// right after an inverted one ("», said Carey") or a source cue ("according to
    /// Carey"); only text before `limit` counts. Objects and possessives never speak.
    pub fn speaks(&self, m: &EntityMention, limit: usize) -> bool {
        let memo = match self.memo.slot(&self.mentions, m) {
            Some(slot) => *slot.speaks.get_or_init(|| self.speech_of(m)),
            None => self.speech_of(m),
        };
        if memo.blocked {
            return false;
        }
        let sentence_end =
            sentence_of(&self.sentences, m.start).map_or(limit, |i| self.sentences[i].1);
        let to = self
            .body
            .floor_char_boundary((m.end + 150).min(limit).min(sentence_end));
        let fits = memo.first_cue_end.is_some_and(|end| end <= to.max(m.end));
        (fits && memo.cue_ok) || memo.inverted
    }

    /// What [`Self::speaks`] needs about `m`, computed once with the whole body in view.
    fn speech_of(&self, m: &EntityMention) -> Speech {
        let limit = self.body.len();
        let sentence_end =
            sentence_of(&self.sentences, m.start).map_or(limit, |i| self.sentences[i].1);
        let to = self
            .body
            .floor_char_boundary((m.end + 150).min(limit).min(sentence_end));
        let after = self.cues.cues_in(self.body, m.end, to.max(m.end));
        // "Finell, a manager with Dairy Farmers of Canada, said": the apposition's own
        // names do not block the subject, and a name after a preposition or a verb
        // ("with Dairy Farmers", "told HuffPost") is not one.
        let object = self.after_function_word(m);
        let speaks_cue = |c: &Cue| {
            let gap = &self.body[m.end..c.start];
            let apposition = gap.starts_with(',') && gap.trim_end().ends_with(',');
            // "… John Tory about it, he said": a comma or a pronoun before the verb
            // gives it another subject.
            let pronoun_last = word_spans(gap)
                .last()
                .is_some_and(|&(s, e)| self.cues.words.is_pronoun(&gap[s..e]));
            apposition || !(self.person_within(m.end, c.start) || gap.contains(',') || pronoun_last)
        };
        if object || possessive(self.body, m) {
            return Speech {
                blocked: true,
                ..Speech::default()
            };
        }
        let first = after.iter().find(|c| c.kind == CueKind::Speech);
        // "», said Carey" (an inverted verb right after a quotation; "told Carey"
        // elsewhere makes Carey the addressee), "according to former governor Dodge".
        let from = self.body.ceil_char_boundary(m.start.saturating_sub(60));
        let before = self.cues.cues_in(self.body, from, m.start);
        let inverted = before.last().is_some_and(|c| {
            let gap = &self.body[c.end..m.start];
            match c.kind {
                CueKind::Speech => {
                    gap.trim().is_empty()
                        && (after_quote(self.body, c.start)
                            || closing_inversion(self.body, c.start, m.end))
                }
                CueKind::AccordingTo => !gap.contains([',', '.', ';', ':', '(', '\n']),
                CueKind::Impersonal => false,
            }
        });
        Speech {
            blocked: false,
            first_cue_end: first.map(|c| c.end),
            cue_ok: first.is_some_and(speaks_cue),
            inverted,
        }
    }

    /// True when `m` is the first person of its clause and opens it (nothing before it
    /// but capitalised title words, or a clause ending with a comma: "Down the street,
    /// Mike McFadden …").
    pub fn is_subject(&self, m: &EntityMention) -> bool {
        match self.memo.slot(&self.mentions, m) {
            Some(slot) => *slot.subject.get_or_init(|| self.subject_of(m)),
            None => self.subject_of(m),
        }
    }

    fn subject_of(&self, m: &EntityMention) -> bool {
        let Some(i) = sentence_of(&self.sentences, m.start) else {
            return false;
        };
        let sentence_start = self.sentences[i].0.min(m.start);
        // Only the clause holding `m` counts: "Knowing X was a fan, Cerato tried …".
        let from = self.body[sentence_start..m.start]
            .rfind(',')
            .map_or(sentence_start, |c| sentence_start + c + 1);
        if self.person_within(from, m.start) || possessive(self.body, m) {
            return false;
        }
        let lead = self.body[from..m.start].trim_end();
        lead.is_empty()
            || lead.ends_with(',')
            || word_spans(lead).iter().all(|&(s, e)| {
                lead[s..e].chars().next().is_some_and(char::is_uppercase)
                    && !self.cues.words.is_stopword(&lead[s..e])
            })
    }

    /// True when `m` is the first person named in its sentence and no possessive ("Le
    /// général Paul Roux a parlé", "When Easley met Randy Cable" for Easley only).
    pub fn opens_persons(&self, m: &EntityMention) -> bool {
        let Some(i) = sentence_of(&self.sentences, m.start) else {
            return false;
        };
        let from = self.sentences[i].0.min(m.start);
        !possessive(self.body, m) && !self.person_within(from, m.start)
    }

    /// True when a person mention lies wholly within `[a, b)` (mentions are sorted by
    /// start).
    pub fn person_within(&self, a: usize, b: usize) -> bool {
        let k = self.mentions.partition_point(|o| o.start < a);
        self.mentions[k..]
            .iter()
            .take_while(|o| o.start < b)
            .any(|o| o.end <= b && o.entity_type == EntityType::Person)
    }

    /// True when the word right before `m` (no punctuation between) is a function word
    /// ("of", "with", "à") or a speech verb: `m` is an object, not a subject.
    pub fn after_function_word(&self, m: &EntityMention) -> bool {
        let from = self.body.floor_char_boundary(m.start.saturating_sub(40));
        let lead = &self.body[from..m.start];
        let Some(&(s, e)) = word_spans(lead).last() else {
            return false;
        };
        let word = &lead[s..e];
        // "… but Chapman says": a conjunction opens a clause, its name may be a subject.
        // "», said Carey" and "…, adds Al Basha." invert the verb: its name is its subject.
        // A speech verb is judged as a verb before the stopwords, which also hold some
        // ("asked", "continued" in `quote_not_names`): "», asked Mira Olsen" speaks.
        let adjacent = lead[e..].trim().is_empty()
            && word.chars().next().is_some_and(char::is_lowercase)
            && !self.cues.words.is_conjunction(word);
        if !adjacent {
            return false;
        }
        if self.cues.cues_in(lead, s, e).is_empty() {
            self.cues.words.is_stopword(word)
        } else {
            let at = from + s;
            !after_quote(self.body, at) && !closing_inversion(self.body, at, m.end)
        }
    }
}
